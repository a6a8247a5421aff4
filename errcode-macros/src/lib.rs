//! The `error_catalog!` macro. Use it through `errcode-runtime`, which re-exports it.
//!
//! A thin shell: it reads the invocation (`invocation.rs`), asks `errcode-catalog` for the
//! expansion's code (the one an earlier build kept when nothing that made it changed:
//! `errcode_catalog::cache`), has rustc lex it, and is the one place where problems become
//! `compile_error!`, next to whatever could still be built.

mod invocation;

use proc_macro::TokenStream;

use std::str::FromStr;

use errcode_catalog::cache::Cache;
use errcode_catalog::resolve::Environment;
use errcode_catalog::{Cached, Diagnostic};
use invocation::Invocation;

/// Expands an error-code page into Rust enums: `error_catalog!("camera.md", name = CameraError)`.
#[proc_macro]
pub fn error_catalog(input: TokenStream) -> TokenStream {
    // Everything besides the files that decides the expansion: the tokens, and (below) where
    // the page is looked for from.
    let written = input.to_string();
    let invocation = syn::parse_macro_input!(input as Invocation);
    let environment = Environment {
        manifest_dir: std::env::var_os("CARGO_MANIFEST_DIR")
            .map(Into::into)
            .unwrap_or_default(),
        // rust-analyzer reports no file; the search then starts at the crate root.
        source_file: proc_macro::Span::call_site()
            .local_file()
            .and_then(|file| std::env::current_dir().ok().map(|cwd| cwd.join(file))),
    };
    let requested = invocation.path.value();
    let expansion = if invocation.errors.is_empty() {
        let cache = Cache::in_build_folder(&format!(
            "{written}\n{:?}\n{:?}",
            environment.manifest_dir, environment.source_file
        ));
        match errcode_catalog::expand_page_cached(
            &requested,
            &invocation.options,
            &environment,
            &cache,
        ) {
            // Should the kept code not lex (a damaged cache file), the page is expanded again.
            Cached::Kept(code) => match TokenStream::from_str(&code) {
                Ok(tokens) => return tokens,
                Err(_) => {
                    errcode_catalog::expand_page(&requested, &invocation.options, &environment)
                }
            },
            Cached::Expanded(expansion) => expansion,
        }
    } else {
        errcode_catalog::expand_page(&requested, &invocation.options, &environment)
    };
    // The expansion is Rust source text, lexed here by rustc in one call: cheaper in this
    // unoptimised proc macro than building it a token at a time (`errcode_catalog::expand`).
    let (mut tokens, lex_error) = match TokenStream::from_str(&expansion.code) {
        Ok(tokens) => (proc_macro2::TokenStream::from(tokens), None),
        Err(error) => (
            proc_macro2::TokenStream::new(),
            Some(syn::Error::new(
                invocation.path.span(),
                format!("errcode wrote code that does not lex ({error}); please report this bug"),
            )),
        ),
    };
    // A mistaken option is left out and the page expanded without it, so that the code using
    // the enum reports nothing beyond the mistake itself.
    let page_errors = expansion
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.is_error())
        .map(|diagnostic| error(&invocation, diagnostic));
    if let Some(error) = combine(
        invocation
            .errors
            .iter()
            .cloned()
            .chain(page_errors)
            .chain(lex_error),
    ) {
        tokens.extend(error.into_compile_error());
    }
    tokens.into()
}

/// A problem at the tokens it is about: an option's, or the page path's.
fn error(invocation: &Invocation, diagnostic: &Diagnostic) -> syn::Error {
    let span = invocation.span(diagnostic.option, invocation.path.span());
    syn::Error::new(span, diagnostic.render())
}

/// Every error as one, each at its own span. (Warnings are for `errcode check`: a proc macro
/// cannot emit them on stable Rust.)
fn combine(errors: impl IntoIterator<Item = syn::Error>) -> Option<syn::Error> {
    errors.into_iter().reduce(|mut combined, error| {
        combined.combine(error);
        combined
    })
}

//! The `error_catalog!` macro. Use it through `errcode-runtime`, which re-exports it.
//!
//! A thin shell: it parses the invocation, asks `errcode-catalog` for the expansion, and is the
//! one place where problems become `compile_error!`, next to whatever could still be built.

use proc_macro::TokenStream;

use errcode_catalog::options::Invocation;
use errcode_catalog::resolve::Environment;

/// Expands an error-code page into Rust enums: `error_catalog!("camera.md", name = CameraError)`.
#[proc_macro]
pub fn error_catalog(input: TokenStream) -> TokenStream {
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
    let expansion = errcode_catalog::expand_invocation(&invocation, &environment);
    let mut tokens = expansion.tokens;
    if let Some(error) =
        errcode_catalog::to_syn_error(&expansion.diagnostics, invocation.path.span())
    {
        tokens.extend(error.into_compile_error());
    }
    tokens.into()
}

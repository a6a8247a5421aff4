//! The logic behind errcode: read a vendor's error-code page, recognise its entries, build the
//! catalog model and generate Rust tokens.
//!
//! The pipeline, one module per stage, reads in [`catalog_of`] and [`expand_page`]:
//! [`read`] (a file into text, text into the [`document`] model) →
//! [`recognise`] (the page's entries) →
//! [`validate`] (cross-entry rules, names, docs: the [`catalog`] model) →
//! [`expand`] (Rust source text). The macro calls [`expand_page`]; the CLI calls [`load()`] or
//! [`load_file`], [`lint`] and [`expand_page`]: the same functions, with the same [`options`].
//!
//! Nothing here panics on input and nothing is reported by side effect: every problem is a
//! [`Diagnostic`] value, turned into `compile_error!` by the macro crate and into
//! `path:line:col: error: ...` lines by the CLI.

pub mod cache;
pub mod catalog;
pub mod diagnostics;
mod doc_comments;
pub mod document;
pub mod entry_text;
pub mod expand;
mod lint;
mod load;
pub mod lock;
mod naming;
pub mod options;
mod quick_hash;
pub mod read;
pub mod recognise;
pub mod render;
pub mod resolve;
mod translate;
pub mod validate;
mod white_space;

use std::path::PathBuf;

use crate::cache::Cache;
use crate::catalog::Catalog;
pub use crate::diagnostics::{Diagnostic, Position, Severity};
pub use crate::load::{Loaded, LockFile, load, load_file, load_locked};
use crate::options::Options;
use crate::read::Format;
use crate::resolve::Environment;
use crate::validate::PageSource;

/// What the macro emits: the code that could be built, and the problems to report with them.
pub struct Expansion {
    /// The enums and impls, as Rust source text for rustc's lexer (the `expand` module says
    /// why text).
    pub code: String,
    /// Errors to turn into `compile_error!` (warnings are for `errcode check`).
    pub diagnostics: Vec<Diagnostic>,
}

/// The macro's work for `error_catalog!(requested, options...)`: the page's enums, or a
/// stand-in with the same API when it cannot be built, and a rebuild whenever a page read
/// changes.
pub fn expand_page(requested: &str, options: &Options, environment: &Environment) -> Expansion {
    expand_page_reading(requested, options, environment).0
}

/// What [`expand_page_cached`] gives the macro.
pub enum Cached {
    /// The code of the expansion an earlier build kept.
    Kept(String),
    /// The page expanded now, and kept for the next build when it has no errors.
    Expanded(Expansion),
}

/// [`expand_page`] through `cache`: the expansion kept from an earlier build when nothing that
/// made it has changed, else the page expanded again and kept for the next build.
pub fn expand_page_cached(
    requested: &str,
    options: &Options,
    environment: &Environment,
    cache: &Cache,
) -> Cached {
    let lock = resolve::cargo_lock(environment);
    let before = load::files_to_read(requested, options, environment).and_then(|mut files| {
        files.extend(lock.clone());
        cache::Inputs::read(&files)
    });
    if let Some(text) = before.as_ref().and_then(|inputs| cache.find(inputs)) {
        return Cached::Kept(text);
    }
    let (expansion, mut read) = expand_page_reading(requested, options, environment);
    read.extend(lock);
    let clean = !expansion.diagnostics.iter().any(Diagnostic::is_error);
    if let Some(before) = before.filter(|_| clean)
        && before.paths().eq(read.iter().map(PathBuf::as_path))
        && cache::Inputs::read(&read).is_some_and(|after| after == before)
    {
        cache.keep(&before, &expansion.code);
    }
    Cached::Expanded(expansion)
}

/// [`expand_page`], and the files it read.
fn expand_page_reading(
    requested: &str,
    options: &Options,
    environment: &Environment,
) -> (Expansion, Vec<PathBuf>) {
    let loaded = load(requested, options, environment);
    let mut code = String::new();
    for path in &loaded.paths {
        expand::track(path, &mut code);
    }
    match &loaded.catalog {
        Some(catalog) if !catalog.enums.is_empty() => expand::expand(catalog, options, &mut code),
        _ => {
            let stem = load::stem(std::path::Path::new(requested));
            expand::fallback(&naming::enum_from_stem(&stem), options, &mut code);
        }
    }
    let expansion = Expansion {
        code,
        diagnostics: loaded.diagnostics,
    };
    (expansion, loaded.paths)
}

/// The pipeline of one page's text: read, recognise, validate.
pub fn catalog_of(
    source: &PageSource<'_>,
    format: Format,
    options: &Options,
) -> (Catalog, Vec<Diagnostic>) {
    let (_, catalog, diagnostics) = page_and_catalog(source, format, options);
    (catalog, diagnostics)
}

/// [`catalog_of`], keeping the recognised page, which the translations are matched against.
fn page_and_catalog(
    source: &PageSource<'_>,
    format: Format,
    options: &Options,
) -> (recognise::Page, Catalog, Vec<Diagnostic>) {
    let document = read::read(source.text, format);
    let page = recognise::recognise(&document);
    let mut errors = lint::check_codes_fit(source, &page);
    errors.extend(lint::check_has_entries(source, &document, &page));
    if page.entries.is_empty() {
        return (page, Catalog::empty(source.path), errors);
    }
    let (catalog, diagnostics) = validate::validate(&page, source, options);
    errors.extend(diagnostics);
    (page, catalog, errors)
}

/// The warnings `errcode check` shows a docs team besides the errors: labels outside the
/// vocabulary, sections without entries, headings that mention a code but are not entries.
pub fn lint(source: &PageSource<'_>, format: Format) -> Vec<Diagnostic> {
    let document = read::read(source.text, format);
    let page = recognise::recognise(&document);
    lint::warnings(&document, &page, source.text, source.path)
}

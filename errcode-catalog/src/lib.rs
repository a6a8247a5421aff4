//! The logic behind errcode: read a vendor's error-code page, recognise its entries, build the
//! catalog model and generate Rust tokens.
//!
//! The pipeline, one module per stage:
//! [`read`] (Markdown, HTML or text into the [`document`] model) →
//! [`recognise`] (headings, tables and glued rows into entries) →
//! [`validate`] (cross-entry rules, names, docs: the [`catalog`] model) →
//! [`expand`] (tokens). [`load`] and [`expand_invocation`] run it for the macro and the CLI,
//! which share the [`options`] parser and the [`resolve`] rules.
//!
//! Nothing here panics on input and nothing is reported by side effect: every problem is a
//! [`Diagnostic`] value, turned into `compile_error!` by the macro crate and into
//! `path:line:col: error: ...` lines by the CLI.

pub mod catalog;
pub mod diagnostics;
mod docs;
pub mod document;
mod entry_text;
pub mod expand;
mod lint;
mod naming;
pub mod options;
pub mod read;
pub mod recognise;
pub mod resolve;
mod rustdoc;
pub mod validate;
pub mod write;

use std::path::PathBuf;

use proc_macro2::TokenStream;

use crate::catalog::Catalog;
pub use crate::diagnostics::{Diagnostic, Position, Severity, to_syn_error};
use crate::document::{BlockKind, Document};
use crate::options::{Invocation, Options};
use crate::read::Format;
use crate::resolve::Environment;
use crate::validate::PageSource;

/// A page read from disk and built into a catalog.
pub struct Loaded {
    /// The catalog, when the page could be read (it may still carry errors).
    pub catalog: Option<Catalog>,
    /// Every problem found.
    pub diagnostics: Vec<Diagnostic>,
    /// The page's absolute path, when it was found.
    pub path: Option<PathBuf>,
}

/// What the macro emits: the tokens that could be built, and the problems to report with them.
pub struct Expansion {
    /// The enums and impls.
    pub tokens: TokenStream,
    /// Errors to turn into `compile_error!` (warnings are for `errcode check`).
    pub diagnostics: Vec<Diagnostic>,
}

/// Runs the whole pipeline for an invocation.
pub fn expand_invocation(invocation: &Invocation, environment: &Environment) -> Expansion {
    let requested = invocation.path.value();
    let loaded = load(&requested, &invocation.options, environment);
    let mut tokens = loaded
        .path
        .as_deref()
        .map(expand::track)
        .unwrap_or_default();
    tokens.extend(match &loaded.catalog {
        Some(catalog) if !catalog.enums.is_empty() => expand::expand(catalog, &invocation.options),
        _ => {
            let stem = std::path::Path::new(&requested)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned());
            expand::fallback(
                &naming::enum_from_stem(&stem.unwrap_or_default()),
                &invocation.options,
            )
        }
    });
    Expansion {
        tokens,
        diagnostics: loaded.diagnostics,
    }
}

/// Finds, reads and builds a page.
pub fn load(requested: &str, options: &Options, environment: &Environment) -> Loaded {
    let places = resolve::candidates(requested, environment);
    let relative = |place: &PathBuf| resolve::relative_to(place, &environment.manifest_dir);
    let Some(path) = places.iter().find(|place| place.is_file()).cloned() else {
        if let Some(folder) = places.iter().find(|place| place.is_dir()) {
            let message = format!(
                "`{}` is a folder, not a page; name a Markdown, HTML or text file",
                relative(folder)
            );
            return failed(Diagnostic::error(message, Vec::new()), None);
        }
        let tried: Vec<String> = places
            .iter()
            .map(|place| format!("\n  - {}", relative(place)))
            .collect();
        let message = format!(
            "cannot find page `{requested}`; looked in:{}\nput the page in `docs-src/` or give its path relative to the invoking file",
            tried.concat()
        );
        return failed(Diagnostic::error(message, Vec::new()), None);
    };
    let display = resolve::relative_to(&path, &environment.manifest_dir);
    load_path(path, &display, options, false)
}

/// Reads and builds the page at `path`; `display` is the path shown in docs and messages. With
/// `lint`, the diagnostics also hold the warnings of [`check`].
pub fn load_path(path: PathBuf, display: &str, options: &Options, lint: bool) -> Loaded {
    let display = display.to_owned();
    let limit = options
        .max_size
        .as_ref()
        .map_or(options::DEFAULT_MAX_SIZE, |size| size.value);
    let size = std::fs::metadata(&path).map_or(0, |metadata| metadata.len());
    if size > limit {
        let message = format!(
            "page `{display}` is {size} bytes, over the limit of {limit}; raise it with `max_size = {size}` if the page is right"
        );
        return failed(Diagnostic::error(message, Vec::new()), Some(path));
    }
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) => {
            let message =
                format!("cannot read page `{display}`: {error}; check that it is a readable file");
            return failed(Diagnostic::error(message, Vec::new()), Some(path));
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            return failed(
                not_utf8(&display, error.as_bytes(), error.utf8_error()),
                Some(path),
            );
        }
    };
    let format = match options
        .format
        .as_ref()
        .map(|f| f.value)
        .or_else(|| Format::from_path(&path))
    {
        Some(format) => format,
        None => {
            let message = format!(
                "cannot tell the format of `{display}` from its extension; add `format = \"markdown\"`, `\"html\"` or `\"text\"`"
            );
            return failed(Diagnostic::error(message, Vec::new()), Some(path));
        }
    };
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (catalog, diagnostics) = build(&text, &display, &stem, format, options, lint);
    Loaded {
        catalog: Some(catalog),
        diagnostics,
        path: Some(path),
    }
}

fn failed(diagnostic: Diagnostic, path: Option<PathBuf>) -> Loaded {
    Loaded {
        catalog: None,
        diagnostics: vec![diagnostic],
        path,
    }
}

fn not_utf8(display: &str, bytes: &[u8], error: std::str::Utf8Error) -> Diagnostic {
    let valid = error.valid_up_to();
    let prefix = String::from_utf8_lossy(&bytes[..valid]);
    let line = prefix.matches('\n').count() as u32 + 1;
    let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
    let byte = bytes.get(valid).copied().unwrap_or(0);
    let message = format!(
        "page `{display}` is not UTF-8 (byte 0x{byte:02X} is not valid here); save it as UTF-8"
    );
    Diagnostic::error(
        message,
        vec![Position {
            path: display.to_owned(),
            line,
            column,
        }],
    )
}

/// Builds the catalog of a page's text. `display` is the path shown in docs and messages.
pub fn catalog_from_text(
    text: &str,
    display: &str,
    stem: &str,
    format: Format,
    options: &Options,
) -> (Catalog, Vec<Diagnostic>) {
    build(text, display, stem, format, options, false)
}

/// Like [`catalog_from_text`], with the warnings `errcode check` shows the docs team
/// (labels outside the vocabulary, sections without entries, headings that mention a code but
/// are not entries) added to the diagnostics.
pub fn check(
    text: &str,
    display: &str,
    stem: &str,
    format: Format,
    options: &Options,
) -> (Catalog, Vec<Diagnostic>) {
    build(text, display, stem, format, options, true)
}

fn build(
    text: &str,
    display: &str,
    stem: &str,
    format: Format,
    options: &Options,
    lint: bool,
) -> (Catalog, Vec<Diagnostic>) {
    let empty = || Catalog {
        source: display.to_owned(),
        title: None,
        metadata: Vec::new(),
        enums: Vec::new(),
    };
    let start = Position {
        path: display.to_owned(),
        line: 1,
        column: 1,
    };
    if text.trim().is_empty() {
        let message =
            format!("page `{display}` is empty; errcode needs a page that lists error codes");
        return (empty(), vec![Diagnostic::error(message, vec![start])]);
    }
    let document = read::read(text, format);
    let page = recognise::recognise(&document);
    if page.entries.is_empty() {
        let message = format!(
            "no error entries found in `{display}`; errcode looks for headings that start with a code (`## 401 Denied`), tables with a column of codes, and glued text rows (`CodeDescription`), but this page has {}",
            describe(&document)
        );
        return (empty(), vec![Diagnostic::error(message, vec![start])]);
    }
    let source = PageSource {
        path: display,
        stem,
        text,
    };
    let (catalog, mut diagnostics) = validate::build(&page, &source, options);
    if lint {
        diagnostics.extend(lint::warnings(&document, &page, text, display));
    }
    (catalog, diagnostics)
}

/// `3 headings, 1 table and 12 paragraphs` (top-level blocks).
fn describe(document: &Document) -> String {
    let count = |f: fn(&BlockKind) -> bool| document.blocks.iter().filter(|b| f(&b.kind)).count();
    let headings = count(|k| matches!(k, BlockKind::Heading { .. }));
    let tables = count(|k| matches!(k, BlockKind::Table(_)));
    let paragraphs = count(|k| matches!(k, BlockKind::Paragraph(_)));
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    format!(
        "{}, {} and {}",
        plural(headings, "heading"),
        plural(tables, "table"),
        plural(paragraphs, "paragraph")
    )
}

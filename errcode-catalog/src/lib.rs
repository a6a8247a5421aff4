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
mod doc_comments;
pub mod document;
mod entry_text;
pub mod expand;
mod lint;
mod naming;
pub mod options;
pub mod read;
pub mod recognise;
mod render;
pub mod resolve;
mod translate;
pub mod validate;
pub mod write;

use std::path::PathBuf;

use proc_macro2::TokenStream;

use crate::catalog::Catalog;
pub use crate::diagnostics::{Diagnostic, Position, Severity};
use crate::document::{BlockKind, Document};
use crate::options::{OptionSpot, Options, Part};
use crate::read::Format;
use crate::resolve::Environment;
use crate::validate::PageSource;

/// A page read from disk and built into a catalog.
pub struct Loaded {
    /// The catalog, when the page could be read (it may still carry errors).
    pub catalog: Option<Catalog>,
    /// Every problem found.
    pub diagnostics: Vec<Diagnostic>,
    /// The absolute paths of every page read: the page itself first, then its translations.
    pub paths: Vec<PathBuf>,
}

/// What the macro emits: the tokens that could be built, and the problems to report with them.
pub struct Expansion {
    /// The enums and impls.
    pub tokens: TokenStream,
    /// Errors to turn into `compile_error!` (warnings are for `errcode check`).
    pub diagnostics: Vec<Diagnostic>,
}

/// Runs the whole pipeline for an invocation: the page `requested` with `options`.
pub fn expand_invocation(
    requested: &str,
    options: &Options,
    environment: &Environment,
) -> Expansion {
    let loaded = load(requested, options, environment);
    let mut tokens: TokenStream = loaded
        .paths
        .iter()
        .map(|path| expand::track(path))
        .collect();
    tokens.extend(match &loaded.catalog {
        Some(catalog) if !catalog.enums.is_empty() => expand::expand(catalog, options),
        _ => {
            let stem = std::path::Path::new(requested)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned());
            expand::fallback(&naming::enum_from_stem(&stem.unwrap_or_default()), options)
        }
    });
    Expansion {
        tokens,
        diagnostics: loaded.diagnostics,
    }
}

/// Finds, reads and builds a page (and its translations).
pub fn load(requested: &str, options: &Options, environment: &Environment) -> Loaded {
    let places = resolve::candidates(requested, environment);
    match resolve::find(requested, &places, environment) {
        Ok(path) => {
            let display = resolve::relative_to(&path, &environment.manifest_dir);
            load_path(path, &display, options, environment, false)
        }
        Err(diagnostic) => Loaded {
            catalog: None,
            diagnostics: vec![diagnostic],
            paths: Vec::new(),
        },
    }
}

/// Reads and builds the page at `path`; `display` is the path shown in docs and messages. With
/// `lint`, the diagnostics also hold the warnings of [`check`].
pub fn load_path(
    path: PathBuf,
    display: &str,
    options: &Options,
    environment: &Environment,
    lint: bool,
) -> Loaded {
    let (text, format) = match read::read_file(&path, display, options) {
        Ok(read) => read,
        Err(diagnostic) => {
            return Loaded {
                catalog: None,
                diagnostics: vec![diagnostic],
                paths: vec![path],
            };
        }
    };
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (mut catalog, mut diagnostics) = build(&text, display, &stem, format, options, lint);
    let mut paths = vec![path];
    let translations = read_translations(&mut paths, options, environment, &mut diagnostics);
    if !catalog.enums.is_empty() {
        let renderer = render::Renderer::new(options.base_url.as_deref());
        translate::merge(&mut catalog, &translations, &renderer, &mut diagnostics);
    }
    Loaded {
        catalog: Some(catalog),
        diagnostics,
        paths,
    }
}

/// Reads the pages of `locales = {...}`: next to the page first, then where the page itself
/// would be looked for. Problems are reported on the option.
fn read_translations(
    paths: &mut Vec<PathBuf>,
    options: &Options,
    environment: &Environment,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<translate::TranslatedPage> {
    let mut translations = Vec::new();
    let folder = paths[0]
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default();
    for (index, (tag, requested)) in options.locales.iter().enumerate() {
        let mut places = vec![folder.join(requested)];
        places.extend(resolve::candidates(requested, environment));
        let read = resolve::find(requested, &places, environment).and_then(|path| {
            let display = resolve::relative_to(&path, &environment.manifest_dir);
            let (text, format) = read::read_file(&path, &display, options)?;
            Ok((path, display, text, format))
        });
        match read {
            Ok((path, display, text, format)) => {
                let page = recognise::recognise(&read::read(&text, format));
                paths.push(path);
                translations.push(translate::TranslatedPage {
                    tag: tag.clone(),
                    display,
                    text,
                    page,
                });
            }
            Err(mut diagnostic) => {
                diagnostic.option = Some(OptionSpot {
                    key: "locales",
                    part: Part::ItemValue(index),
                });
                diagnostics.push(diagnostic);
            }
        }
    }
    translations
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
        locales: Vec::new(),
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
    let (catalog, mut diagnostics) = validate::validate(&page, &source, options);
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

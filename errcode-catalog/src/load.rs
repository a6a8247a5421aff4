//! A page from disk through the pipeline: found where the macro looks for it, read, built into
//! a catalog, and merged with its translations (`locales = { ... }`).

use std::path::{Path, PathBuf};

use crate::catalog::Catalog;
use crate::diagnostics::Diagnostic;
use crate::options::{OptionSpot, Options, Part};
use crate::resolve::{self, Environment};
use crate::validate::PageSource;
use crate::{lock, read, recognise, render, translate};

/// A page read from disk and built into a catalog.
pub struct Loaded {
    /// The catalog, when the page could be read (it may still carry errors).
    pub catalog: Option<Catalog>,
    /// Every problem found.
    pub diagnostics: Vec<Diagnostic>,
    /// The absolute paths of every file read: the page itself first, then its lock, then its
    /// translations.
    pub paths: Vec<PathBuf>,
}

/// Which lock file names the variants.
#[derive(Clone, Debug, Default)]
pub enum LockFile {
    /// The page's own, `camera.md.lock` beside `camera.md`, when there is one.
    #[default]
    BesideThePage,
    /// This one (`errcode diff --lock`).
    At(PathBuf),
}

/// Finds the page `requested` where the macro looks for it, and loads it.
pub fn load(requested: &str, options: &Options, environment: &Environment) -> Loaded {
    load_locked(requested, options, environment, &LockFile::BesideThePage)
}

/// [`load`] with the names of a given lock file.
pub fn load_locked(
    requested: &str,
    options: &Options,
    environment: &Environment,
    lock: &LockFile,
) -> Loaded {
    match find_page(requested, environment) {
        Ok(path) => {
            let display = resolve::relative_to(&path, &environment.manifest_dir);
            load_file_locked(path, &display, options, environment, lock)
        }
        Err(diagnostic) => Loaded {
            catalog: None,
            diagnostics: vec![diagnostic],
            paths: Vec::new(),
        },
    }
}

/// Loads the page at `path`, shown to users as `display`, with its lock and its translations.
pub fn load_file(
    path: PathBuf,
    display: &str,
    options: &Options,
    environment: &Environment,
) -> Loaded {
    load_file_locked(
        path,
        display,
        options,
        environment,
        &LockFile::BesideThePage,
    )
}

fn load_file_locked(
    path: PathBuf,
    display: &str,
    options: &Options,
    environment: &Environment,
    lock: &LockFile,
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
    let stem = stem(&path);
    let source = PageSource {
        path: display,
        stem: &stem,
        text: &text,
    };
    let (page, mut catalog, mut diagnostics) = crate::page_and_catalog(&source, format, options);
    let page_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned());
    let (lock_path, own_page) = match lock {
        LockFile::BesideThePage => (lock::path_beside(&path), page_name.as_deref()),
        LockFile::At(path) => (path.clone(), None),
    };
    let mut paths = vec![path];
    if !catalog.enums.is_empty() && lock_path.is_file() {
        let display = resolve::relative_to(&lock_path, &environment.manifest_dir);
        match std::fs::read_to_string(&lock_path) {
            Ok(text) => {
                let source = lock::LockSource {
                    path: &display,
                    text: &text,
                };
                lock::apply(&mut catalog, &source, own_page, options, &mut diagnostics);
            }
            Err(error) => {
                let message = format!("cannot read lock file `{display}`: {error}");
                let start = crate::diagnostics::Position::new(&display, 1, 1);
                diagnostics.push(Diagnostic::error(message, vec![start]));
            }
        }
        paths.push(lock_path);
    }
    let translations = read_translations(&mut paths, options, environment, &mut diagnostics);
    if !catalog.enums.is_empty() {
        let renderer = render::Renderer::new(options.base_url.as_deref());
        let primary = translate::PrimaryPage {
            page: &page,
            text: &text,
            one_section: options.section.is_some(),
        };
        translate::merge(
            &mut catalog,
            &primary,
            &translations,
            &renderer,
            &mut diagnostics,
        );
    }
    Loaded {
        catalog: Some(catalog),
        diagnostics,
        paths,
    }
}

/// The files [`load`] reads for this invocation, found the same way, without reading them:
/// the page, its lock when there is one, and its translations. `None` when a file cannot be
/// found (the load reports it).
pub fn files_to_read(
    requested: &str,
    options: &Options,
    environment: &Environment,
) -> Option<Vec<PathBuf>> {
    let page = find_page(requested, environment).ok()?;
    let folder = page.parent().map(Path::to_path_buf).unwrap_or_default();
    let lock = lock::path_beside(&page);
    let mut files = vec![page];
    if lock.is_file() {
        files.push(lock);
    }
    for (_, requested) in &options.locales {
        files.push(find_translation(&folder, requested, environment).ok()?);
    }
    Some(files)
}

/// Where the macro finds the page `requested`.
fn find_page(requested: &str, environment: &Environment) -> Result<PathBuf, Diagnostic> {
    let places = resolve::candidates(requested, environment);
    resolve::find(requested, &places, environment)
}

/// Where a translation is found: next to the page (in `folder`) first, then where the page
/// itself would be.
fn find_translation(
    folder: &Path,
    requested: &str,
    environment: &Environment,
) -> Result<PathBuf, Diagnostic> {
    let mut places = vec![folder.join(requested)];
    places.extend(resolve::candidates(requested, environment));
    resolve::find(requested, &places, environment)
}

/// The file name without its extension.
pub(crate) fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
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
    let folder = paths[0].parent().map(Path::to_path_buf).unwrap_or_default();
    for (index, (tag, requested)) in options.locales.iter().enumerate() {
        let read = find_translation(&folder, requested, environment).and_then(|path| {
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

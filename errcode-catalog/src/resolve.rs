//! Where `error_catalog!("camera.md")` finds its page, and the error that lists the places
//! tried when it is not there.
//!
//! In order: next to the invoking source file (as `include_str!` does); in the invoking crate's
//! root (`CARGO_MANIFEST_DIR`); in its `docs-src/`; then in `docs-src/` of each parent folder up
//! to the workspace root (the first folder holding `Cargo.lock` or `.git`). Absolute paths are
//! taken as given. rust-analyzer reports no source file, so the search starts at the crate root.

use std::path::{Component, Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// What the macro knows about where it was invoked.
#[derive(Clone, Debug)]
pub struct Environment {
    /// The invoking crate's root (`CARGO_MANIFEST_DIR`).
    pub manifest_dir: PathBuf,
    /// The absolute path of the invoking source file, when the compiler reports it.
    pub source_file: Option<PathBuf>,
}

/// The folder errcode's pages live in by convention.
pub const DOCS_FOLDER: &str = "docs-src";

/// The places to look for `requested`, in order, without duplicates.
pub fn candidates(requested: &str, environment: &Environment) -> Vec<PathBuf> {
    let requested = Path::new(requested);
    if requested.is_absolute() {
        return vec![requested.to_path_buf()];
    }
    let mut places = Vec::new();
    if let Some(folder) = environment.source_file.as_deref().and_then(Path::parent) {
        places.push(folder.join(requested));
    }
    let root = &environment.manifest_dir;
    places.push(root.join(requested));
    places.push(root.join(DOCS_FOLDER).join(requested));
    for ancestor in root.ancestors().skip(1) {
        places.push(ancestor.join(DOCS_FOLDER).join(requested));
        if ancestor.join("Cargo.lock").exists() || ancestor.join(".git").exists() {
            break;
        }
    }
    let mut unique: Vec<PathBuf> = Vec::with_capacity(places.len());
    for place in places.into_iter().map(|p| normalize(&p)) {
        if !unique.contains(&place) {
            unique.push(place);
        }
    }
    unique
}

/// The invoking crate's `Cargo.lock`: the first one in its root or a parent folder. It names
/// the versions of errcode's own dependencies (pulldown-cmark, html5gum, ...), which decide an
/// expansion too.
pub fn cargo_lock(environment: &Environment) -> Option<PathBuf> {
    environment
        .manifest_dir
        .ancestors()
        .map(|folder| folder.join("Cargo.lock"))
        .find(|lock| lock.is_file())
}

/// `path` relative to `base` (with `..` where needed), for messages and docs that must not
/// depend on where the project sits on a machine; the absolute path when there is no relation.
pub fn relative_to(path: &Path, base: &Path) -> String {
    let path = normalize(path);
    let base = normalize(base);
    let common = path
        .components()
        .zip(base.components())
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 {
        return path.display().to_string();
    }
    let mut relative = PathBuf::new();
    for _ in base.components().skip(common) {
        relative.push("..");
    }
    for component in path.components().skip(common) {
        relative.push(component);
    }
    relative.to_string_lossy().replace('\\', "/")
}

/// Removes `.` and resolves `..` lexically, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The first of `places` that is a file, or the error that says what was tried.
pub fn find(
    requested: &str,
    places: &[PathBuf],
    environment: &Environment,
) -> Result<PathBuf, Diagnostic> {
    let relative = |place: &PathBuf| relative_to(place, &environment.manifest_dir);
    if let Some(path) = places.iter().find(|place| place.is_file()) {
        return Ok(path.clone());
    }
    if let Some(folder) = places.iter().find(|place| place.is_dir()) {
        let message = format!(
            "`{}` is a folder, not a page; name a Markdown, HTML or text file",
            relative(folder)
        );
        return Err(Diagnostic::error(message, Vec::new()));
    }
    let tried: Vec<String> = places
        .iter()
        .map(|place| format!("\n  - {}", relative(place)))
        .collect();
    let message = format!(
        "cannot find page `{requested}`; looked in:{}\nput the page in `docs-src/` or give its path relative to the invoking file",
        tried.concat()
    );
    Err(Diagnostic::error(message, Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_order_follows_the_readme() {
        let environment = Environment {
            manifest_dir: PathBuf::from("/nonexistent/ws/app"),
            source_file: Some(PathBuf::from("/nonexistent/ws/app/src/errors/mod.rs")),
        };
        let places = candidates("camera.md", &environment);
        let expected = [
            "/nonexistent/ws/app/src/errors/camera.md",
            "/nonexistent/ws/app/camera.md",
            "/nonexistent/ws/app/docs-src/camera.md",
            "/nonexistent/ws/docs-src/camera.md",
            "/nonexistent/docs-src/camera.md",
            "/docs-src/camera.md",
        ];
        assert_eq!(places, expected.map(PathBuf::from));
        assert_eq!(
            candidates("/abs/x.md", &environment),
            [PathBuf::from("/abs/x.md")]
        );
    }

    #[test]
    fn relative_paths_for_messages() {
        assert_eq!(
            relative_to(Path::new("/ws/docs-src/a.md"), Path::new("/ws/tests")),
            "../docs-src/a.md"
        );
        assert_eq!(
            relative_to(Path::new("/ws/tests/./a.md"), Path::new("/ws/tests")),
            "a.md"
        );
    }
}

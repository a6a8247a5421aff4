//! Finding a page file and reading its text: the step before the pipeline, shared by the
//! page itself and its translations.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Position};
use crate::options::Options;
use crate::read::Format;
use crate::resolve::{self, Environment};

/// The first of `places` that is a file, or the error that says what was tried.
pub(crate) fn find(
    requested: &str,
    places: &[PathBuf],
    environment: &Environment,
) -> Result<PathBuf, Diagnostic> {
    let relative = |place: &PathBuf| resolve::relative_to(place, &environment.manifest_dir);
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

/// A page's text and format, or why it cannot be read: too large, unreadable, not UTF-8, or of
/// an unknown format.
pub(crate) fn read_text(
    path: &Path,
    display: &str,
    options: &Options,
) -> Result<(String, Format), Diagnostic> {
    let limit = options.max_size();
    let size = std::fs::metadata(path).map_or(0, |metadata| metadata.len());
    if size > limit {
        let message = format!(
            "page `{display}` is {size} bytes, over the limit of {limit}; raise it with `max_size = {size}` if the page is right"
        );
        return Err(Diagnostic::error(message, Vec::new()));
    }
    let bytes = std::fs::read(path).map_err(|error| {
        let message =
            format!("cannot read page `{display}`: {error}; check that it is a readable file");
        Diagnostic::error(message, Vec::new())
    })?;
    let text = String::from_utf8(bytes)
        .map_err(|error| not_utf8(display, error.as_bytes(), error.utf8_error()))?;
    let format = options.format.or_else(|| Format::from_path(path)).ok_or_else(|| {
        let message = format!(
            "cannot tell the format of `{display}` from its extension; add `format = \"markdown\"`, `\"html\"` or `\"text\"`"
        );
        Diagnostic::error(message, Vec::new())
    })?;
    Ok((text, format))
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

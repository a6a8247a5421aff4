//! Stage 1, read: a page's file into its text ([`read_file`]: size limit, UTF-8, format), and
//! the text into the neutral [`Document`] model ([`read`]).

mod builder;
mod clean;
mod html;
mod markdown;
mod text;

use std::path::Path;

use crate::diagnostics::{Diagnostic, Position};
use crate::document::Document;
use crate::options::Options;

/// The page formats errcode reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Format {
    /// CommonMark with GitHub tables; embedded HTML is read too.
    Markdown,
    /// An HTML page or fragment.
    Html,
    /// Text saved from a browser.
    Text,
}

impl Format {
    /// The names accepted by the `format` option.
    pub const NAMES: &'static [&'static str] = &["markdown", "html", "text"];

    /// The format for a `format = "..."` option value.
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "markdown" | "md" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "text" | "txt" => Some(Format::Text),
            _ => None,
        }
    }

    /// The format chosen by a page's extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?;
        match extension.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }
}

/// Reads a page in the given format.
pub fn read(text: &str, format: Format) -> Document {
    match format {
        Format::Markdown => markdown::read(text),
        Format::Html => html::read(text),
        Format::Text => text::read(text),
    }
}

/// A page's text and format, or why it cannot be read: too large, unreadable, not UTF-8, or of
/// an unknown format.
pub fn read_file(
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

//! Stage 1, read: a page's text into the neutral [`Document`] model.

mod builder;
mod clean;
mod html;
mod markdown;
mod text;

use std::path::Path;

use crate::document::Document;

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

//! Stage 1, read: a page's file into its text ([`read_file`]: size limit, UTF-8, format), and
//! the text into the neutral [`Document`] model ([`read`]).

mod asciidoc;
mod builder;
mod clean;
mod html;
mod lines;
mod markdown;
mod quiet_emitter;
mod rst;
mod text;
mod troff;

use std::path::Path;

use crate::diagnostics::{Diagnostic, Position};
use crate::document::Document;
use crate::options::Options;
use crate::white_space::TrimSpace;

/// The page formats errcode reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Format {
    /// CommonMark with GitHub tables; embedded HTML is read too.
    Markdown,
    /// An HTML page or fragment.
    Html,
    /// Text: saved from a browser, or a documentation source in one of the formats below
    /// (told apart by their markup).
    Text,
    /// reStructuredText (`.rst`, or `.rst.txt`).
    ReStructuredText,
    /// AsciiDoc (`.adoc`, or `.adoc.txt`).
    AsciiDoc,
    /// A troff manual page (`.3`, `.man`, or `.3.txt`).
    Troff,
}

impl Format {
    /// The names accepted by the `format` option.
    pub const NAMES: &'static [&'static str] =
        &["markdown", "html", "text", "rst", "asciidoc", "man"];

    /// The format for a `format = "..."` option value.
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "markdown" | "md" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "text" | "txt" => Some(Format::Text),
            "rst" | "restructuredtext" => Some(Format::ReStructuredText),
            "asciidoc" | "adoc" => Some(Format::AsciiDoc),
            "man" | "troff" | "roff" => Some(Format::Troff),
            _ => None,
        }
    }

    /// The format chosen by a page's extension: its last one, or for text the one before it
    /// (`errors.rst.txt` is reStructuredText saved as text).
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let mut extensions = name.rsplit('.');
        let last = extensions.next()?;
        let by_extension = |extension: &str| match extension {
            "md" | "markdown" | "mdx" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "txt" | "text" => Some(Format::Text),
            "rst" | "rest" => Some(Format::ReStructuredText),
            "adoc" | "asciidoc" => Some(Format::AsciiDoc),
            "man" => Some(Format::Troff),
            section if section.len() == 1 && section.as_bytes()[0].is_ascii_digit() => {
                Some(Format::Troff)
            }
            _ => None,
        };
        let format = by_extension(last)?;
        if format != Format::Text || !name.contains('.') {
            return Some(format);
        }
        let inner = extensions.next().filter(|_| name.matches('.').count() >= 2);
        Some(inner.and_then(by_extension).unwrap_or(Format::Text))
    }
}

/// The documentation format a text page is written in, told by its markup: troff requests
/// (`.TH`, `.SH`), AsciiDoc titles and tables (`== `, `|===`), reStructuredText titles and
/// directives (an underline of `=`, `.. name::`); else text saved from a browser.
fn sniff(text: &str) -> Format {
    let (mut troff, mut asciidoc, mut rst) = (0, 0, 0);
    let lines: Vec<&str> = text.lines().take(400).collect();
    for (index, line) in lines.iter().enumerate() {
        if line.starts_with(".TH ") || line.starts_with(".SH") || line.starts_with(".TP") {
            troff += 1;
        }
        if line.starts_with("|===") || line.starts_with("== ") || line.starts_with(":description:")
        {
            asciidoc += 1;
        }
        let underlined = lines.get(index + 1).is_some_and(|next| {
            let next = next.trim_space_end();
            next.len() >= line.trim_space().len().max(3)
                && !line.trim_space().is_empty()
                && next.chars().all(|c| c == '=' || c == '-')
        });
        if underlined || (line.starts_with(".. ") && line.contains("::")) {
            rst += 1;
        }
    }
    match (troff >= 2, asciidoc >= 2, rst >= 2) {
        (true, _, _) => Format::Troff,
        (_, true, _) => Format::AsciiDoc,
        (_, _, true) => Format::ReStructuredText,
        _ => Format::Text,
    }
}

/// Reads a page in the given format.
pub fn read(text: &str, format: Format) -> Document {
    match format {
        Format::Markdown => markdown::read(text),
        Format::Html => html::read(text),
        Format::Text => match sniff(text) {
            Format::Text => text::read(text),
            dialect => read(text, dialect),
        },
        Format::ReStructuredText => rst::read(text),
        Format::AsciiDoc => asciidoc::read(text),
        Format::Troff => troff::read(text),
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
    Diagnostic::error(message, vec![Position::new(display, line, column)])
}

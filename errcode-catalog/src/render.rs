//! Page text as sanitised rustdoc Markdown.
//!
//! Everything from the page is text: every character with a meaning in Markdown is escaped, so
//! `[Self]` cannot become an intra-doc link and `<script>` or `Vec<u8>` cannot become HTML.
//! Structure comes only from the document model: paragraphs, lists, tables, code blocks
//! (always fenced as `text`, so rustdoc never runs them as doctests), emphasis and links.
//! Links keep `http(s)` and `mailto` targets; relative ones are resolved against `base_url`,
//! or shown as plain text without one; any other scheme (`javascript:`) is dropped, its text kept.

use crate::document::{Block, BlockKind, Inline, Row, inline_text};
use crate::white_space::TrimSpace;

/// Characters escaped wherever they occur in page text.
const ESCAPED: &[u8] = b"\\`*_[]<>&|~#!";

/// [`ESCAPED`] as a table indexed by byte: the scan runs once per byte of every page text, in
/// the unoptimised build cargo gives proc macros, where a searcher over a list of `char`s costs
/// a tenth of the whole expansion. A `static`, not a `const`: there, indexing a `const` array
/// copies all of it first.
static NEEDS_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut index = 0;
    while index < ESCAPED.len() {
        table[ESCAPED[index] as usize] = true;
        index += 1;
    }
    table
};

/// Renders blocks and inline text as rustdoc Markdown.
pub(crate) struct Renderer<'a> {
    base_url: Option<&'a str>,
}

impl<'a> Renderer<'a> {
    pub(crate) fn new(base_url: Option<&'a str>) -> Self {
        Renderer { base_url }
    }

    /// Blocks separated by blank lines.
    pub(crate) fn blocks(&self, blocks: &[Block]) -> String {
        // One string written in place: this runs for every field of every entry, in the
        // unoptimised build cargo gives proc macros, where a string per block and a join cost a
        // third of rendering. Each block starts the string or follows a blank line, as it
        // would start a string of its own (`escape_text` asks whether it is at a line start).
        let mut out = String::new();
        for block in blocks {
            let before = out.len();
            if before > 0 {
                out.push_str("\n\n");
            }
            let start = out.len();
            self.push_block(block, &mut out);
            if out.len() == start {
                out.truncate(before);
            }
        }
        out
    }

    fn push_block(&self, block: &Block, out: &mut String) {
        match &block.kind {
            BlockKind::Paragraph(content) => self.push_inlines(content, out),
            BlockKind::Heading { content, .. } => {
                let content = self.inlines(content);
                out.push_str("**");
                out.push_str(&content);
                out.push_str("**");
            }
            BlockKind::List { start, items } => {
                self.push_list(items, start.is_some(), start.unwrap_or(1), out);
            }
            BlockKind::Table(rows) => out.push_str(&self.table(rows)),
            BlockKind::Quote(inner) => out.push_str(&prefix_lines(&self.blocks(inner), "> ", ">")),
            BlockKind::Code(text) => out.push_str(&fenced(text)),
            BlockKind::Comment(_) => {}
            BlockKind::Rule => out.push_str("***"),
        }
    }

    /// A list; each item's later lines are indented under its marker.
    pub(crate) fn list(&self, items: &[impl AsRef<[Block]>], numbered: bool, start: u64) -> String {
        let mut out = String::new();
        self.push_list(items, numbered, start, &mut out);
        out
    }

    fn push_list(
        &self,
        items: &[impl AsRef<[Block]>],
        numbered: bool,
        start: u64,
        out: &mut String,
    ) {
        for (index, item) in items.iter().enumerate() {
            if index > 0 {
                out.push('\n');
            }
            let marker_start = out.len();
            if numbered {
                out.push_str(&start.saturating_add(index as u64).to_string());
                out.push_str(". ");
            } else {
                out.push_str("- ");
            }
            let indent = out.len() - marker_start;
            let body = self.blocks(item.as_ref());
            if body.is_empty() {
                out.push('\u{200B}');
            } else {
                push_indented_after_first(&body, indent, out);
            }
        }
    }

    fn table(&self, rows: &[Row]) -> String {
        let width = rows.iter().map(|row| row.cells.len()).max().unwrap_or(0);
        if width == 0 {
            return String::new();
        }
        let line = |row: &Row| {
            let cells: Vec<String> = (0..width)
                .map(|j| {
                    row.cells.get(j).map_or_else(String::new, |cell| {
                        let text = self.blocks(&cell.blocks);
                        text.split('\n')
                            .map(str::trim)
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                })
                .collect();
            format!("| {} |", cells.join(" | "))
        };
        let mut lines = Vec::with_capacity(rows.len() + 1);
        let mut rows = rows.iter().peekable();
        let header = match rows.peek() {
            Some(first) if first.header => rows.next().map(line),
            _ => None,
        };
        lines.push(header.unwrap_or_else(|| format!("|{}", " |".repeat(width))));
        lines.push(format!("|{}", " --- |".repeat(width)));
        lines.extend(rows.map(line));
        lines.join("\n")
    }

    /// Inline content on one logical line; hard breaks become Markdown hard breaks.
    pub(crate) fn inlines(&self, inlines: &[Inline]) -> String {
        let mut out = String::new();
        self.push_inlines(inlines, &mut out);
        out
    }

    fn push_inlines(&self, inlines: &[Inline], out: &mut String) {
        for inline in inlines {
            match inline {
                Inline::Text(text) => push_escaped(text, at_line_start(out), out),
                Inline::Code(code) => out.push_str(&code_span(code)),
                Inline::Strong(inner) => self.wrap("**", inner, out),
                Inline::Emphasis(inner) => self.wrap("*", inner, out),
                Inline::Strikethrough(inner) => self.wrap("~~", inner, out),
                Inline::Link { target, content } => self.link(target, content, out),
                Inline::Break => out.push_str("\\\n"),
            }
        }
    }

    fn wrap(&self, marker: &str, inner: &[Inline], out: &mut String) {
        let mut content = String::new();
        self.push_inlines(inner, &mut content);
        if content.trim_space().is_empty() {
            out.push_str(&content);
        } else {
            out.push_str(marker);
            out.push_str(&content);
            out.push_str(marker);
        }
    }

    fn link(&self, target: &str, content: &[Inline], out: &mut String) {
        let mut text = String::new();
        self.push_inlines(content, &mut text);
        if text.trim_space().is_empty() {
            text = escape_text(&inline_text(content), false);
        }
        match self.resolve(target) {
            Some(url) if !text.trim_space().is_empty() => {
                out.push_str(&format!("[{text}]({})", encode_url(&url)));
            }
            _ => out.push_str(&text),
        }
    }

    /// The target a link keeps, or `None` when it is shown as plain text.
    fn resolve(&self, target: &str) -> Option<String> {
        let target = target.trim_space();
        let scheme_end = target.find(':').filter(|colon| {
            target[..*colon]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                && !target[..*colon].is_empty()
        });
        match scheme_end {
            Some(colon) => {
                let scheme = target[..colon].to_ascii_lowercase();
                matches!(scheme.as_str(), "http" | "https" | "mailto").then(|| target.to_owned())
            }
            None if target.is_empty() => None,
            None => self.base_url.map(|base| join_url(base, target)),
        }
    }
}

/// Escapes page text for Markdown. At the start of a line, characters that would begin a list,
/// quote, heading or thematic break are escaped too.
pub fn escape_text(text: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_escaped(text, line_start, &mut out);
    out
}

/// [`escape_text`] written at the end of `out`.
fn push_escaped(text: &str, line_start: bool, out: &mut String) {
    let mut rest = text;
    if line_start {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && matches!(text[digits..].bytes().next(), Some(b'.' | b')')) {
            // `1. text` at the start of a line would become a list.
            out.push_str(&text[..digits]);
            out.push('\\');
            rest = &text[digits..];
        } else if matches!(text.bytes().next(), Some(b'-' | b'+' | b'=')) {
            out.push('\\');
        }
    }
    // Every escaped character is ASCII, so runs between them are copied whole.
    // By index, not with an iterator, which costs a call per byte unoptimised.
    let bytes = rest.as_bytes();
    let (mut copied, mut at) = (0, 0);
    while at < bytes.len() {
        if NEEDS_ESCAPE[usize::from(bytes[at])] {
            out.push_str(&rest[copied..at]);
            out.push('\\');
            copied = at;
        }
        at += 1;
    }
    out.push_str(&rest[copied..]);
}

fn at_line_start(out: &str) -> bool {
    out.is_empty() || out.ends_with('\n')
}

/// An inline code span whose fence is longer than any run of backticks inside it.
pub fn code_span(code: &str) -> String {
    if !has_break_or_backtick(code) {
        // The common case (a code, a symbol, a position): one backtick each side, nothing to
        // replace, written without `format!` (every variant's docs have two or three).
        if code.trim_space().is_empty() {
            return String::new();
        }
        let mut span = String::with_capacity(code.len() + 2);
        span.push('`');
        span.push_str(code);
        span.push('`');
        return span;
    }
    let code = code.replace('\n', " ");
    if code.trim_space().is_empty() {
        return String::new();
    }
    let fence = "`".repeat(longest_run(&code, '`') + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{code}{pad}{fence}")
}

/// Whether `code` has a line break or a backtick, by index (codes are short: cheaper than two
/// searches in the unoptimised proc macro).
fn has_break_or_backtick(code: &str) -> bool {
    let bytes = code.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        if matches!(bytes[index], b'\n' | b'`') {
            return true;
        }
        index += 1;
    }
    false
}

/// A code block fenced as `text`.
fn fenced(text: &str) -> String {
    let text = text.trim_end_matches('\n');
    let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
    format!("{fence}text\n{text}\n{fence}")
}

fn longest_run(text: &str, c: char) -> usize {
    let mut longest = 0;
    let mut current = 0;
    for ch in text.chars() {
        current = if ch == c { current + 1 } else { 0 };
        longest = longest.max(current);
    }
    longest
}

/// `text` with `indent` spaces before each of its lines but the first and the empty ones.
fn push_indented_after_first(text: &str, indent: usize, out: &mut String) {
    let mut lines = text.split('\n');
    out.push_str(lines.next().unwrap_or(""));
    for line in lines {
        out.push('\n');
        if !line.is_empty() {
            out.extend(std::iter::repeat_n(' ', indent));
        }
        out.push_str(line);
    }
}

fn prefix_lines(text: &str, prefix: &str, empty_prefix: &str) -> String {
    text.split('\n')
        .map(|line| {
            if line.is_empty() {
                empty_prefix.to_owned()
            } else {
                format!("{prefix}{line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Percent-encodes what could end or break a Markdown link destination.
fn encode_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii_graphic() && !"<>()[]\\`\"'{}|^ ".contains(c) {
            out.push(c);
        } else {
            let mut buffer = [0u8; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

/// Resolves a relative link against `base` the way a browser does for a directory URL.
fn join_url(base: &str, relative: &str) -> String {
    if let Some(fragment) = relative.strip_prefix('#') {
        return format!("{}#{fragment}", base.trim_end_matches('#'));
    }
    let origin_end = base.find("://").map_or(0, |scheme| {
        base[scheme + 3..]
            .find('/')
            .map_or(base.len(), |slash| scheme + 3 + slash)
    });
    if relative.starts_with('/') {
        return format!("{}{relative}", &base[..origin_end]);
    }
    let directory = match base[origin_end..].rfind('/') {
        Some(slash) => &base[..origin_end + slash + 1],
        None => base,
    };
    let mut segments: Vec<&str> = directory[origin_end..]
        .split('/')
        .filter(|s| !s.is_empty())
        .collect();
    for part in relative.split('/') {
        match part {
            "." | "" => {}
            ".." => {
                segments.pop();
            }
            _ => segments.push(part),
        }
    }
    let trailing = if relative.ends_with('/') { "/" } else { "" };
    format!("{}/{}{trailing}", &base[..origin_end], segments.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{Format, read};

    fn render(markdown: &str, base_url: Option<&str>) -> String {
        Renderer::new(base_url).blocks(&read(markdown, Format::Markdown).blocks)
    }

    #[test]
    fn page_text_cannot_become_markup() {
        let rendered = render(
            r"Use \[Self\] or `Vec<u8>` with \<T> & \<script>alert(1)\</script> #1",
            None,
        );
        assert_eq!(
            rendered,
            r"Use \[Self\] or `Vec<u8>` with \<T\> \& \<script\>alert(1)\</script\> \#1"
        );
        assert_eq!(escape_text("1. not a list", true), r"1\. not a list");
        assert_eq!(escape_text("- not a list", true), r"\- not a list");
        assert_eq!(escape_text("a - b", true), "a - b");
    }

    #[test]
    fn lists_code_and_tables_keep_their_shape() {
        let rendered = render(
            "1. One\n2. Two:\n   ```\n   x = `1`\n   ```\n\n| A | B |\n|---|---|\n| a\\|b | c |\n",
            None,
        );
        assert_eq!(
            rendered,
            "1. One\n2. Two:\n\n   ```text\n   x = `1`\n   ```\n\n| A | B |\n| --- | --- |\n| a\\|b | c |"
        );
    }

    #[test]
    fn links_keep_safe_targets_only() {
        let page = "[a](https://x.cn/错误) [b](javascript:alert(1)) [c](../errorcode-universal.md) [d](#401)";
        assert_eq!(
            render(page, None),
            "[a](https://x.cn/%E9%94%99%E8%AF%AF) b c d"
        );
        assert_eq!(
            render(page, Some("https://docs.example.com/en/apis/camera.md")),
            "[a](https://x.cn/%E9%94%99%E8%AF%AF) b [c](https://docs.example.com/en/errorcode-universal.md) [d](https://docs.example.com/en/apis/camera.md#401)"
        );
    }

    #[test]
    fn breaks_and_emphasis() {
        assert_eq!(
            render("**错误信息**<br>Text *em*", None),
            "**错误信息**\\\nText *em*"
        );
    }

    #[test]
    fn code_spans_fence_past_every_run_of_backticks() {
        assert_eq!(code_span("7400101"), "`7400101`");
        assert_eq!(code_span("  "), "");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x`"), "`` `x` ``");
        assert_eq!(code_span("two\nlines"), "`two lines`");
    }
}

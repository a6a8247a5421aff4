//! A manual page's troff source (`errno.3`, saved as `errno.3.txt`) into the document model:
//! `.TH` is the title, `.SH` and `.SS` are sections, `.TP` and `.IP` start a tagged paragraph
//! (an item of a definition list: its tag, then its text), `.PP` starts a paragraph, and
//! `.EX`/`.EE` and `.nf`/`.fi` hold examples (code). Font macros (`.B`, `.BR`, `.I`...) and
//! escapes (`\-`, `\fB`, `\(em`) give their text; comments (`.\"`) and other requests are
//! dropped.

use super::builder::{Builder, Container, Leaf};
use super::lines::{Line, lines};
use crate::document::Document;
use crate::white_space::TrimSpace;

/// Reads a troff manual page.
pub(crate) fn read(text: &str) -> Document {
    let mut reader = Reader {
        builder: Builder::new(),
        state: State::Text,
        before_code: State::Text,
        tag_pending: false,
    };
    for line in lines(text) {
        reader.line(line);
    }
    reader.close_items();
    reader.builder.finish()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    /// Running text.
    Text,
    /// In a tagged paragraph.
    Items,
    /// In an example or a no-fill block.
    Code,
}

struct Reader {
    builder: Builder,
    state: State,
    /// The state an example interrupted.
    before_code: State,
    /// The next text line is the tag of a `.TP` paragraph.
    tag_pending: bool,
}

/// A request line's name and arguments (`.TP 16` → `TP`, `16`).
fn request(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix('.').or_else(|| text.strip_prefix('\''))?;
    let rest = rest.trim_space_start();
    let name_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    Some((&rest[..name_end], rest[name_end..].trim_space()))
}

/// The arguments of a request, with `"quoted strings"` as one.
fn arguments(text: &str) -> Vec<String> {
    let mut arguments = Vec::new();
    let mut rest = text.trim_space();
    while !rest.is_empty() {
        if let Some(quoted) = rest.strip_prefix('"') {
            let end = quoted.find('"').unwrap_or(quoted.len());
            arguments.push(quoted[..end].to_owned());
            rest = quoted.get(end + 1..).unwrap_or("").trim_space_start();
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            arguments.push(rest[..end].to_owned());
            rest = rest[end..].trim_space_start();
        }
    }
    arguments
}

/// Text with troff's escapes resolved.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('-') => out.push('-'),
            Some('e') | Some('\\') => out.push('\\'),
            Some(' ') | Some('~') => out.push(' '),
            Some('&') | Some('c') | Some('%') | Some('|') | Some('^') => {}
            // `\fB`, `\f(CW`: a font change; `\*R`, `\*(lq`: a string. Neither is text.
            Some('f' | '*') => skip_name(&mut chars),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// Skips the name after `\f` or `\*`: one character, or `(` and two.
fn skip_name(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    if chars.next() == Some('(') {
        chars.next();
        chars.next();
    }
}

impl Reader {
    fn line(&mut self, line: Line<'_>) {
        let text = line.text;
        if text.starts_with(".\\\"") || text.starts_with("'\\\"") || text.starts_with("\\\"") {
            return;
        }
        let Some((name, rest)) = request(text) else {
            self.text(&unescape(text), line.offset);
            return;
        };
        match name {
            "TH" => {
                self.close_items();
                let title = arguments(rest).into_iter().next().unwrap_or_default();
                self.heading(1, &title, line.offset);
            }
            "SH" | "SS" => {
                self.close_items();
                let level = if name == "SH" { 2 } else { 3 };
                self.heading(level, &unescape(&arguments(rest).join(" ")), line.offset);
            }
            "TP" => {
                self.open_item(line.offset);
                self.tag_pending = true;
            }
            "IP" => {
                let tag = arguments(rest).into_iter().next().unwrap_or_default();
                if tag.is_empty() {
                    // An indented paragraph: more text of the item it follows.
                    self.builder.close_leaf();
                } else {
                    self.open_item(line.offset);
                    self.tag(&unescape(&tag), line.offset);
                }
            }
            "PP" | "P" | "LP" => {
                self.close_items();
                self.builder.close_leaf();
            }
            "EX" | "nf" if self.state != State::Code => {
                self.builder.open_leaf(Leaf::Code, line.offset);
                self.before_code = self.state;
                self.state = State::Code;
            }
            "EE" | "fi" if self.state == State::Code => {
                self.builder.close_leaf();
                self.state = self.before_code;
            }
            "B" | "I" | "SM" | "SB" => {
                self.text(&unescape(&arguments(rest).join(" ")), line.offset)
            }
            "BR" | "RB" | "BI" | "IB" | "IR" | "RI" => {
                self.text(&unescape(&arguments(rest).concat()), line.offset)
            }
            "br" | "sp" => self.builder.line_break(),
            _ => {}
        }
    }

    fn heading(&mut self, level: u8, title: &str, offset: usize) {
        self.builder.open_leaf(Leaf::Heading(level), offset);
        self.builder.text(title, offset);
        self.builder.close_leaf();
    }

    fn open_item(&mut self, offset: usize) {
        if self.state == State::Code {
            self.builder.close_leaf();
            self.state = self.before_code;
        }
        if self.state != State::Items {
            self.builder.open(Container::List(None), offset);
            self.state = State::Items;
        }
        self.builder.open(Container::Item, offset);
    }

    fn close_items(&mut self) {
        if self.state == State::Code {
            self.builder.close_leaf();
            self.state = self.before_code;
        }
        if self.state == State::Items {
            self.builder.close(Container::List(None));
        }
        self.state = State::Text;
        self.tag_pending = false;
    }

    fn tag(&mut self, tag: &str, offset: usize) {
        self.builder.open_leaf(Leaf::Paragraph, offset);
        self.builder.text(tag, offset);
        self.builder.close_leaf();
    }

    fn text(&mut self, text: &str, offset: usize) {
        if self.tag_pending {
            self.tag_pending = false;
            self.tag(text, offset);
            self.builder.open_leaf(Leaf::Paragraph, offset);
            return;
        }
        if self.state == State::Code {
            self.builder.text(text, offset);
            self.builder.text("\n", offset);
            return;
        }
        self.builder.text(text, offset);
        self.builder.text(" ", offset);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{BlockKind, blocks_text};

    #[test]
    fn tagged_paragraphs_are_definitions_and_examples_are_code() {
        let page = ".TH ERRNO 3\n.SH NAME\nerrno \\- number of last error\n.SH DESCRIPTION\n.EX\n$ errno -l\nEPERM 1 Operation not permitted\n.EE\n.\\\" a comment\n.TP 16\n.B E2BIG\nArgument list too long (POSIX.1-2001).\n.TP\n.B EAGAIN\nResource temporarily unavailable (may be the same value as\n.BR EWOULDBLOCK ).\n.IP\n(More.)\n.SH SEE ALSO\n";
        let document = read(page);
        let kinds: Vec<&str> = document
            .blocks
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Heading { .. } => "h",
                BlockKind::Paragraph(_) => "p",
                BlockKind::Code(_) => "code",
                BlockKind::List { .. } => "list",
                _ => "?",
            })
            .collect();
        assert_eq!(kinds, ["h", "h", "p", "h", "code", "list", "h"]);
        assert_eq!(
            blocks_text(&document.blocks[2..3]),
            "errno - number of last error"
        );
        let BlockKind::List { items, .. } = &document.blocks[5].kind else {
            panic!("a list")
        };
        assert_eq!(
            blocks_text(&items[1]),
            "EAGAIN\nResource temporarily unavailable (may be the same value as EWOULDBLOCK).\n(More.)"
        );
    }
}

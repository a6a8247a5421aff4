//! Text as a reader sees it: characters that are invisible on the page removed, Unicode in
//! NFC, and white space collapsed the way a browser shows it. Every front end's text passes
//! through here, so that text that looks the same compares the same.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use crate::document::Inline;

pub(super) fn push_text(inlines: &mut Vec<Inline>, text: &str) {
    if let Some(Inline::Text(last)) = inlines.last_mut() {
        last.push_str(text);
    } else {
        inlines.push(Inline::Text(text.to_owned()));
    }
}

/// Removes characters that are invisible on the page and could hide or reorder text (zero-width
/// characters, bidi controls, C0 controls other than line breaks and tabs), and normalises the
/// rest to NFC, so that text that looks the same compares the same.
pub(crate) fn clean_text(text: &str) -> Cow<'_, str> {
    let plain = text
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) || b == b'\n' || b == b'\t');
    if plain {
        // Printable ASCII is visible and already in NFC: nothing to do, nothing to copy.
        return Cow::Borrowed(text);
    }
    let visible: String = text.chars().filter(|c| !is_invisible(*c)).collect();
    match unicode_normalization::is_nfc_quick(visible.chars()) {
        unicode_normalization::IsNormalized::Yes => Cow::Owned(visible),
        _ => Cow::Owned(visible.nfc().collect()),
    }
}

/// Characters errcode removes from every text it reads (documented in the README).
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061C}'
            | '\u{FEFF}'
            | '\u{AD}'
    ) || (c.is_control() && c != '\n' && c != '\t' && c != '\r')
}

/// Collapses white space the way a browser shows it: runs become one space, no space at the
/// start, at the end, or next to a line break.
pub(super) fn normalize_space(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    let mut pending_space = false;
    let mut at_line_start = true;
    collapse_into(inlines, &mut out, &mut pending_space, &mut at_line_start);
    trim_trailing_space(&mut out);
    out
}

fn collapse_into(
    inlines: Vec<Inline>,
    out: &mut Vec<Inline>,
    pending_space: &mut bool,
    at_line_start: &mut bool,
) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => {
                let mut collapsed = String::with_capacity(text.len());
                for c in text.chars() {
                    if c.is_whitespace() {
                        *pending_space = true;
                        continue;
                    }
                    if *pending_space && !*at_line_start {
                        collapsed.push(' ');
                    }
                    *pending_space = false;
                    *at_line_start = false;
                    collapsed.push(c);
                }
                if !collapsed.is_empty() {
                    push_text(out, &collapsed);
                }
            }
            Inline::Break => {
                trim_trailing_space(out);
                if !*at_line_start {
                    out.push(Inline::Break);
                }
                *pending_space = false;
                *at_line_start = true;
            }
            Inline::Code(code) => {
                if *pending_space && !*at_line_start {
                    push_text(out, " ");
                }
                *pending_space = false;
                *at_line_start = false;
                out.push(Inline::Code(code.trim().to_owned()));
            }
            Inline::Strong(inner) => {
                let content = nested(inner, out, pending_space, at_line_start);
                out.push(Inline::Strong(content));
            }
            Inline::Emphasis(inner) => {
                let content = nested(inner, out, pending_space, at_line_start);
                out.push(Inline::Emphasis(content));
            }
            Inline::Strikethrough(inner) => {
                let content = nested(inner, out, pending_space, at_line_start);
                out.push(Inline::Strikethrough(content));
            }
            Inline::Link { target, content } => {
                let content = nested(content, out, pending_space, at_line_start);
                out.push(Inline::Link { target, content });
            }
        }
    }
}

/// Collapses a span's content; a space that would open the span goes before it instead.
fn nested(
    inner: Vec<Inline>,
    out: &mut Vec<Inline>,
    pending_space: &mut bool,
    at_line_start: &mut bool,
) -> Vec<Inline> {
    let starts_with_space =
        matches!(inner.first(), Some(Inline::Text(t)) if t.starts_with(char::is_whitespace));
    if (*pending_space || starts_with_space) && !*at_line_start {
        push_text(out, " ");
    }
    *pending_space = false;
    let mut content = Vec::new();
    let mut inner_line_start = true;
    collapse_into(inner, &mut content, pending_space, &mut inner_line_start);
    trim_trailing_space(&mut content);
    if !content.is_empty() {
        *at_line_start = false;
    }
    content
}

fn trim_trailing_space(inlines: &mut Vec<Inline>) {
    if let Some(Inline::Text(last)) = inlines.last_mut() {
        let trimmed = last.trim_end().len();
        last.truncate(trimmed);
        if last.is_empty() {
            inlines.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_removed() {
        assert_eq!(
            clean_text("a\u{200B}b\u{202E}c\u{2066}d\u{7}e\tf"),
            "abcde\tf"
        );
    }

    #[test]
    fn space_collapses_around_spans_and_breaks() {
        let inlines = vec![
            Inline::Text("  a  ".into()),
            Inline::Strong(vec![Inline::Text(" b ".into())]),
            Inline::Text(" c ".into()),
            Inline::Break,
            Inline::Text("  d".into()),
        ];
        assert_eq!(
            normalize_space(inlines),
            [
                Inline::Text("a ".into()),
                Inline::Strong(vec![Inline::Text("b".into())]),
                Inline::Text(" c".into()),
                Inline::Break,
                Inline::Text("d".into()),
            ]
        );
    }
}

//! Text as a reader sees it: characters that are invisible on the page removed, Unicode in
//! NFC, and white space collapsed the way a browser shows it. Every front end's text passes
//! through here, so that text that looks the same compares the same.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use crate::document::Inline;
use crate::white_space::{TrimSpace, is_collapsed_ascii};

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
    if is_printable_ascii(text) || is_visible_and_composed(text) {
        // Visible and already in NFC: nothing to do, nothing to copy.
        return Cow::Borrowed(text);
    }
    let visible: String = text.chars().filter(|c| !is_invisible(*c)).collect();
    match unicode_normalization::is_nfc_quick(visible.chars()) {
        unicode_normalization::IsNormalized::Yes => Cow::Owned(visible),
        _ => Cow::Owned(visible.nfc().collect()),
    }
}

/// Whether `text` is printable ASCII, line breaks and tabs: the common case, tested a byte at a
/// time by index, without an iterator (this runs over every text of the page, in the
/// unoptimised build cargo gives proc macros, where a slice iterator costs a call per byte).
fn is_printable_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        if !matches!(bytes[index], b' '..=b'~' | b'\n' | b'\t') {
            return false;
        }
        index += 1;
    }
    true
}

/// Whether every character of `text` is one of the common ones that are visible, in NFC and
/// never composed with a neighbour (NFC quick check `Yes`, combining class 0): ASCII, Latin-1
/// and Latin Extended, general punctuation, CJK punctuation, kana, ideographs, Hangul syllables,
/// full-width forms. Such text is what cleaning gives back, told for far less than filtering
/// and normalising it costs in the unoptimised proc macro (pages in Chinese are mostly this).
fn is_visible_and_composed(text: &str) -> bool {
    text.chars().all(|c| {
        matches!(
            c,
            '\t' | '\n'
                | ' '..='~'
                | '\u{A0}'..='\u{AC}'
                | '\u{AE}'..='\u{2FF}'
                | '\u{2010}'..='\u{2027}'
                | '\u{2030}'..='\u{205E}'
                | '\u{2190}'..='\u{21FF}'
                | '\u{3000}'..='\u{3029}'
                | '\u{3030}'..='\u{303F}'
                | '\u{3041}'..='\u{3096}'
                | '\u{30A0}'..='\u{30FF}'
                | '\u{4E00}'..='\u{9FFF}'
                | '\u{AC00}'..='\u{D7A3}'
                | '\u{FF01}'..='\u{FFEF}'
        )
    })
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
    if is_collapsed(&inlines) {
        // Most leaves (a sentence, a bold label): nothing to collapse, kept without a copy.
        return inlines;
    }
    collapse(inlines)
}

/// Whether collapsing would give `inlines` back unchanged, told without copying: texts of
/// visible ASCII with single spaces (so no space to move or drop at any edge), never two in a
/// row (they would be joined), code without space at its ends, spans with such content, and
/// line breaks only after something.
fn is_collapsed(inlines: &[Inline]) -> bool {
    let mut previous: Option<&Inline> = None;
    for inline in inlines {
        let collapsed = match inline {
            Inline::Text(text) => {
                is_collapsed_ascii(text) && !matches!(previous, Some(Inline::Text(_)))
            }
            Inline::Code(code) => code.trim_space().len() == code.len(),
            Inline::Strong(inner) | Inline::Emphasis(inner) | Inline::Strikethrough(inner) => {
                !inner.is_empty() && is_collapsed(inner)
            }
            Inline::Link { content, .. } => !content.is_empty() && is_collapsed(content),
            Inline::Break => !matches!(previous, None | Some(Inline::Break)),
        };
        if !collapsed {
            return false;
        }
        previous = Some(inline);
    }
    true
}

fn collapse(inlines: Vec<Inline>) -> Vec<Inline> {
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
                let collapsed = collapse_text(&text, pending_space, at_line_start);
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
                out.push(Inline::Code(code.trim_space().to_owned()));
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

/// `text` with each run of white space (`char::is_whitespace`) as one space, copied a run of
/// words at a time: this runs over every byte of the page, in the unoptimised build cargo gives proc
/// macros, where a loop over `chars()` pushing one at a time is several times slower.
fn collapse_text(text: &str, pending_space: &mut bool, at_line_start: &mut bool) -> String {
    let mut collapsed = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut word_start = None;
    let mut index = 0;
    while index < bytes.len() {
        if word_start.is_some() {
            // Inside a run of words: visible ASCII, and single spaces between words, taken a
            // byte at a time without the general case's bookkeeping.
            let mut end = index;
            while end < bytes.len()
                && (matches!(bytes[end], b'!'..=b'~')
                    || (bytes[end] == b' '
                        && end + 1 < bytes.len()
                        && matches!(bytes[end + 1], b'!'..=b'~')))
            {
                end += 1;
            }
            if end > index {
                index = end;
                continue;
            }
        }
        let (width, space) = match bytes[index] {
            // One space between two words is kept as it is, so a run of words is copied whole.
            b' ' if word_start.is_some() && matches!(bytes.get(index + 1), Some(b'!'..=b'~')) => {
                (1, false)
            }
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => (1, true),
            0..0x80 => (1, false),
            _ => match text[index..].chars().next() {
                Some(c) => (c.len_utf8(), c.is_whitespace()),
                None => break,
            },
        };
        match (space, word_start) {
            (true, Some(start)) => {
                collapsed.push_str(&text[start..index]);
                word_start = None;
                *pending_space = true;
            }
            (true, None) => *pending_space = true,
            (false, None) => {
                if *pending_space && !*at_line_start {
                    collapsed.push(' ');
                }
                *pending_space = false;
                *at_line_start = false;
                word_start = Some(index);
            }
            (false, Some(_)) => {}
        }
        index += width;
    }
    if let Some(start) = word_start {
        collapsed.push_str(&text[start..]);
    }
    collapsed
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
        let trimmed = last.trim_space_end().len();
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
    fn the_common_characters_are_visible_and_composed() {
        use unicode_normalization::char::canonical_combining_class;
        let mut common = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = c.to_string();
            if !is_visible_and_composed(&text) {
                continue;
            }
            common += 1;
            assert!(!is_invisible(c), "{c:?}");
            assert_eq!(
                unicode_normalization::is_nfc_quick(text.chars()),
                unicode_normalization::IsNormalized::Yes,
                "{c:?}"
            );
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(clean_text(&text), text);
        }
        assert!(common > 30_000, "{common}");
        assert!(!is_visible_and_composed("e\u{301}"));
        assert!(!is_visible_and_composed("a\u{200B}b"));
    }

    #[test]
    fn every_kind_of_white_space_collapses_and_other_text_is_kept_whole() {
        let (mut pending, mut line_start) = (false, true);
        assert_eq!(
            collapse_text(
                " 错误\u{3000}码 a\u{A0}\u{2003} b\u{1F}c\t\r\n",
                &mut pending,
                &mut line_start
            ),
            "错误 码 a b\u{1F}c"
        );
        assert!(pending && !line_start);
    }

    #[test]
    fn words_collapse_the_same_whether_copied_one_by_one_or_in_runs() {
        // The definition, written the short way.
        let by_words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        for text in [
            "one two  three",
            "a b\tc\nd e",
            "x  ,y ,  z. End ",
            "word \u{3000}next 1 2 3 ",
            "é è ê",
            "  lead and trail  ",
            "ctrl\u{1F}inside a word, and\u{7F}del ~x",
            "nbsp a\u{A0}b  c !end",
        ] {
            let (mut pending, mut line_start) = (false, true);
            let collapsed = collapse_text(text, &mut pending, &mut line_start);
            assert_eq!(collapsed, by_words(text), "{text:?}");
            assert_eq!(pending, text.ends_with(char::is_whitespace), "{text:?}");
        }
    }

    #[test]
    fn a_text_left_as_it_is_is_what_collapsing_gives() {
        for text in [
            "", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\u{7F}b", "é b", "x ,y. z!",
        ] {
            let expected: Vec<Inline> = match text.split_whitespace().collect::<Vec<_>>().join(" ")
            {
                collapsed if collapsed.is_empty() => Vec::new(),
                collapsed => vec![Inline::Text(collapsed)],
            };
            assert_eq!(
                normalize_space(vec![Inline::Text(text.into())]),
                expected,
                "{text:?}"
            );
        }
    }

    #[test]
    fn what_is_told_collapsed_is_what_collapsing_gives_back() {
        let text = |t: &str| Inline::Text(t.into());
        let strong = |inner: Vec<Inline>| Inline::Strong(inner);
        let samples: Vec<Vec<Inline>> = vec![
            vec![strong(vec![text("Error Message")])],
            vec![strong(vec![text("Cause")]), text(": the disk is full.")],
            vec![text("Run"), Inline::Code("ls -l".into()), text("again.")],
            vec![text("a"), Inline::Break, text("b"), Inline::Break],
            vec![
                Inline::Link {
                    target: "x".into(),
                    content: vec![text("see")],
                },
                Inline::Emphasis(vec![text("this")]),
            ],
            vec![Inline::Break, text("a")],
            vec![text("a"), Inline::Break, Inline::Break],
            vec![text("a"), text("b")],
            vec![text("a ")],
            vec![strong(vec![]), Inline::Break],
            vec![strong(vec![text(" a")])],
            vec![Inline::Code(" x ".into())],
            vec![text("")],
            vec![],
        ];
        let mut told = 0;
        for inlines in samples {
            if is_collapsed(&inlines) {
                told += 1;
                assert_eq!(collapse(inlines.clone()), inlines);
            }
        }
        assert_eq!(told, 6);
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

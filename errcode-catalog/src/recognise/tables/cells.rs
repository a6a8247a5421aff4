//! What a table cell says: its text (read from its blocks once per row), its lines, the codes
//! it holds, and its blocks without quotes around them.

use std::borrow::Cow;

use crate::document::{Block, BlockKind, Cell, Inline, Row, blocks_text};
use crate::recognise::code::{self, CodeToken, Token};
use crate::white_space::{TrimSpace, collapse_white_space};

/// A row and the text of each of its cells, read from the cells' blocks once: the columns are
/// decided by reading every cell, then the rows are read again for their entries.
pub(super) struct TextRow<'r> {
    pub(super) row: &'r Row,
    pub(super) texts: Vec<String>,
}

impl<'r> TextRow<'r> {
    pub(super) fn of(row: &'r Row) -> Self {
        TextRow {
            row,
            texts: row
                .cells
                .iter()
                .map(|cell| blocks_text(&cell.blocks))
                .collect(),
        }
    }

    /// The cell in column `j`, with its text.
    pub(super) fn cell(&self, j: usize) -> Option<(&'r Cell, &str)> {
        let cell = self.row.cells.get(j)?;
        Some((cell, &self.texts[j]))
    }

    /// The cells in order, with their texts.
    pub(super) fn cells(&self) -> impl Iterator<Item = (&'r Cell, &str)> {
        self.row
            .cells
            .iter()
            .zip(self.texts.iter().map(String::as_str))
    }

    pub(super) fn width(&self) -> usize {
        self.row.cells.len()
    }
}

/// A cell's text on one line, as a header, title or symbol shows it.
pub(super) fn cell_text(text: &str) -> String {
    collapse_white_space(text.to_owned())
}

/// Whether a cell shows nothing.
pub(super) fn cell_is_empty(text: &str) -> bool {
    text.trim_space().is_empty()
}

/// A cell's lines, trimmed, without list markers (`- `), blank ones left out.
pub(super) fn lines(text: &str) -> Vec<&str> {
    if text.contains('\n') {
        return text
            .lines()
            .map(line_content)
            .filter(|line| !line.is_empty())
            .collect();
    }
    // Most cells are one line: no line iterator to set up (a cost in the unoptimised build).
    match line_content(text) {
        "" => Vec::new(),
        line => vec![line],
    }
}

fn line_content(line: &str) -> &str {
    let mut line = line.trim_space();
    while let Some(rest) = line.strip_prefix("- ") {
        line = rest;
    }
    line.trim_space()
}

/// The codes of a cell: its first line, or several codes of one shape with nothing but
/// separators between them (a list of codes, one per line or item, `1001, 1002`).
pub(super) fn cell_codes(text: &str, hex: bool) -> Vec<CodeToken> {
    let parse = |line: &str| {
        if hex {
            code::hex(line).or_else(|| code::code(line))
        } else {
            code::code(line)
        }
    };
    let lines = lines(text);
    let text = match lines.as_slice() {
        [line] => Cow::Borrowed(*line),
        _ => Cow::Owned(lines.join(" ")),
    };
    // Stops at the first token that is not a code nor a word joining codes: a description is
    // not read to its end.
    let several: Option<Vec<CodeToken>> = code::Tokens::of(&text)
        .filter(
            |token| !matches!(token, Token::Word(range) if is_joining_word(&text[range.clone()])),
        )
        .map(|token| match token {
            Token::Code(code) => Some(code),
            Token::Word(range) => hex.then(|| parse(&text[range])).flatten(),
            Token::TooLarge(..) => None,
        })
        .collect();
    match several {
        Some(codes)
            if codes.len() > 1
                && codes.iter().all(|code| code.shape == codes[0].shape)
                && separated(&text, &codes) =>
        {
            codes
        }
        // One line read without base 16 is the text just read: it is one code when its tokens
        // are that code, whole (what `code::code` would find, without reading it again), and
        // none when a token is not a code.
        Some(codes) if !hex && lines.len() == 1 => match codes.as_slice() {
            [code] if code.range == (0..text.len()) => codes,
            _ => Vec::new(),
        },
        None if !hex && lines.len() == 1 => Vec::new(),
        _ => lines
            .first()
            .and_then(|line| parse(line))
            .into_iter()
            .collect(),
    }
}

/// Whether only separators (`,`, `/`, `、`, `or`) stand between the codes; `120001 - 130000`
/// is a range, not two codes.
fn separated(text: &str, codes: &[CodeToken]) -> bool {
    let mut end = 0;
    for code in codes {
        let between = &text[end..code.range.start];
        let only_separators = between
            .split(|c: char| c.is_whitespace() || ",/、，;".contains(c))
            .all(|word| word.is_empty() || is_joining_word(word));
        if !only_separators {
            return false;
        }
        end = code.range.end;
    }
    text[end..].trim_space().is_empty()
}

/// A word between the codes of one cell: `1001 or 1002`, `1001 and 1002`.
fn is_joining_word(word: &str) -> bool {
    word == "or" || word == "and"
}

/// `"Report to customer service"`: quotes around a whole cell are not part of its text. The
/// blocks as they are (borrowed) when there are none.
pub(super) fn unquote(blocks: &[Block]) -> Cow<'_, [Block]> {
    let [
        Block {
            offset,
            kind: BlockKind::Paragraph(inlines),
        },
    ] = blocks
    else {
        return Cow::Borrowed(blocks);
    };
    let text = crate::document::inline_text(inlines);
    let text = text.trim_space();
    let quoted = text.len() >= 2
        && text.starts_with('"')
        && text.ends_with('"')
        && text.matches('"').count() == 2;
    let ends_are_text = matches!(inlines.first(), Some(Inline::Text(_)))
        && matches!(inlines.last(), Some(Inline::Text(_)));
    if !quoted || !ends_are_text {
        return Cow::Borrowed(blocks);
    }
    let mut inlines = inlines.clone();
    if let Some(Inline::Text(first)) = inlines.first_mut() {
        *first = first.trim_space_start().trim_start_matches('"').to_owned();
    }
    if let Some(Inline::Text(last)) = inlines.last_mut() {
        *last = last.trim_space_end().trim_end_matches('"').to_owned();
    }
    inlines.retain(|inline| !matches!(inline, Inline::Text(text) if text.is_empty()));
    Cow::Owned(vec![Block::new(*offset, BlockKind::Paragraph(inlines))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Code;

    fn codes(text: &str, hex: bool) -> Vec<Code> {
        cell_codes(text, hex)
            .into_iter()
            .map(|code| code.code)
            .collect()
    }

    #[test]
    fn a_cell_holds_one_code_several_or_none() {
        assert_eq!(codes("1001", false), [Code::Int(1001)]);
        assert_eq!(
            codes("1001, 1002 or 1003", false),
            [1001, 1002, 1003].map(Code::Int)
        );
        assert_eq!(codes("- 1001\n- 1002", false), [1001, 1002].map(Code::Int));
        // A code on its own line above the text that describes it.
        assert_eq!(
            codes("1001\nThe session is closed.", false),
            [Code::Int(1001)]
        );
        // A range is not two codes, a sentence is not a code.
        assert_eq!(codes("120001 - 130000", false), []);
        assert_eq!(codes("Invalid parameter 1001", false), []);
        assert_eq!(codes("2001010A", true), [Code::Int(0x2001010A)]);
        // Without a header that says hex, the same cell is a code written as a name.
        assert_eq!(codes("2001010A", false), [Code::Text("2001010A".into())]);
    }

    #[test]
    fn lines_drop_markers_and_blank_lines() {
        assert_eq!(lines("- a\n\n  - b "), ["a", "b"]);
        assert_eq!(lines(" one line "), ["one line"]);
        assert!(lines("  ").is_empty());
    }

    #[test]
    fn quotes_around_a_whole_cell_are_dropped_and_others_kept() {
        let cell = |text: &str| {
            vec![Block::new(
                0,
                BlockKind::Paragraph(vec![Inline::Text(text.into())]),
            )]
        };
        let quoted = cell("\"Report to customer service\"");
        match unquote(&quoted) {
            Cow::Owned(blocks) => assert_eq!(blocks, cell("Report to customer service")),
            Cow::Borrowed(_) => panic!("the quotes were kept"),
        }
        for text in ["Say \"yes\" or \"no\"", "plain", "\"opened only"] {
            let blocks = cell(text);
            assert!(matches!(unquote(&blocks), Cow::Borrowed(_)), "{text}");
        }
    }
}

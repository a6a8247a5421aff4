//! The text front end: a page saved from a browser as plain text.
//!
//! Such a page has lost its markup, so structure is read from the lines themselves:
//! - a short line standing alone between blank lines, starting with a capital letter or digit and
//!   not ending like a sentence, is a heading (level 2: a saved page has no reliable title);
//! - consecutive lines with the same number (two or more) of tab-separated cells form a table,
//!   the first of them its header;
//! - every other non-blank line is a paragraph of its own (browsers put each block on a line).
//!
//! Tables a browser flattened into glued lines (`CodeDescription`, `1Invalid Request`) stay
//! paragraphs here; the glued-rows recogniser reads them.

use super::builder::{Builder, Container, Leaf};
use crate::document::Document;
use crate::white_space::TrimSpace;

/// Longest line, in characters, that can be a heading.
const MAX_HEADING_CHARS: usize = 80;

/// Reads a saved-text page.
pub(crate) fn read(text: &str) -> Document {
    let lines = lines_with_offsets(text);
    let mut builder = Builder::new();
    let mut index = 0;
    while index < lines.len() {
        let (offset, line) = lines[index];
        if line.trim_space().is_empty() {
            index += 1;
            continue;
        }
        let table_end = tab_table_end(&lines, index);
        if table_end > index + 1 {
            builder.open(Container::Table, offset);
            for (row, (row_offset, row_line)) in lines[index..table_end].iter().enumerate() {
                builder.open(Container::Row { header: row == 0 }, *row_offset);
                let mut cell_offset = *row_offset;
                for cell in row_line.split('\t') {
                    builder.open(Container::Cell { header: row == 0 }, cell_offset);
                    builder.text(cell, cell_offset);
                    builder.close(Container::Cell { header: false });
                    cell_offset += cell.len() + 1;
                }
                builder.close(Container::Row { header: false });
            }
            builder.close(Container::Table);
            index = table_end;
            continue;
        }
        let blank_before = index == 0 || lines[index - 1].1.trim_space().is_empty();
        let blank_after = lines
            .get(index + 1)
            .is_none_or(|(_, next)| next.trim_space().is_empty());
        let leaf = if blank_before && blank_after && looks_like_heading(line) {
            Leaf::Heading(2)
        } else {
            Leaf::Paragraph
        };
        builder.open_leaf(leaf, offset);
        builder.text(line, offset);
        builder.close_leaf();
        index += 1;
    }
    builder.finish()
}

fn lines_with_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut offset = 0;
    text.split('\n')
        .map(|line| {
            let start = offset;
            offset += line.len() + 1;
            (start, line.strip_suffix('\r').unwrap_or(line))
        })
        .collect()
}

fn cell_count(line: &str) -> usize {
    if line.contains('\t') {
        line.split('\t').count()
    } else {
        0
    }
}

/// The end of the run of lines starting at `start` that share a tab-separated cell count.
fn tab_table_end(lines: &[(usize, &str)], start: usize) -> usize {
    let count = cell_count(lines[start].1);
    if count < 2 {
        return start;
    }
    let mut end = start;
    while end < lines.len() && cell_count(lines[end].1) == count {
        end += 1;
    }
    end
}

fn looks_like_heading(line: &str) -> bool {
    let line = line.trim_space();
    let starts_well = line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let ends_like_sentence = line.ends_with(['.', ':', ';', ',', '!', '?', '。', '：', '；', '，']);
    starts_well
        && !ends_like_sentence
        && line.chars().count() <= MAX_HEADING_CHARS
        && !line.contains(" — ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{BlockKind, blocks_text};

    #[test]
    fn headings_paragraphs_and_glued_rows() {
        let page = "Base Error Codes\n\nThese codes apply.\n\nCodeDescription\n0Successful\n1Invalid Request — bad\n\nnote\n\nv1.9 devices.\n";
        let document = read(page);
        let kinds: Vec<&str> = document
            .blocks
            .iter()
            .map(|b| match b.kind {
                BlockKind::Heading { .. } => "h",
                BlockKind::Paragraph(_) => "p",
                _ => "?",
            })
            .collect();
        assert_eq!(kinds, ["h", "p", "p", "p", "p", "p", "p"]);
        assert_eq!(document.blocks[4].offset, page.find("1Invalid").unwrap());
    }

    #[test]
    fn tab_separated_lines_form_a_table() {
        let document = read("Code\tMeaning\n1\tBad request\n2\tNo access\n");
        let BlockKind::Table(rows) = &document.blocks[0].kind else {
            panic!("a table")
        };
        assert_eq!(rows.len(), 3);
        assert!(rows[0].header);
        assert_eq!(blocks_text(&rows[2].cells[1].blocks), "No access");
    }
}

//! AsciiDoc, as documentation sources are saved (`errors.adoc.txt`), into the document model:
//! section titles (`== Title`), attributes (`:description: ...`, kept as metadata), paragraphs,
//! lists, description lists (`Status description:: ...`, items whose first block is the term),
//! tables between `|===` lines (a header row from `options="header"`, or a first line of cells
//! followed by a blank line), and delimited blocks: examples and sidebars as quotes, listings
//! and literals as code. Comments are dropped. Inline: `` `code` `` and
//! `xref:target[text]` / `link:url[text]` links; other text stays as written (`{ <<db>> }`).
//!
//! (Long because one reader per markup is one concept; 44 of its 403 lines are tests.)

use super::builder::{Builder, Container, Leaf, Span};
use super::lines::{Line, lines, skip_blank};
use crate::document::Document;
use crate::white_space::TrimSpace;

/// Reads an AsciiDoc page.
pub(crate) fn read(text: &str) -> Document {
    let all = lines(text);
    let mut reader = Reader {
        builder: Builder::new(),
        header: false,
        columns: None,
    };
    reader.blocks(&all);
    reader.builder.finish()
}

struct Reader {
    builder: Builder,
    /// The next table has a header row (`[options="header"]`, `%header`).
    header: bool,
    /// The next table's number of columns (`cols="1,2"`).
    columns: Option<usize>,
}

/// The delimiter of a delimited block, if the line is one.
fn delimiter(text: &str) -> Option<&str> {
    let text = text.trim_space_end();
    let c = text.chars().next()?;
    let repeated = text.len() >= 4 && text.chars().all(|x| x == c);
    (repeated && matches!(c, '=' | '-' | '.' | '*' | '_' | '+' | '/')).then_some(text)
}

fn heading_level(text: &str) -> Option<(u8, &str)> {
    let marks = text.bytes().take_while(|b| *b == b'=').count();
    let rest = text[marks..].strip_prefix(' ')?;
    (1..=6)
        .contains(&marks)
        .then(|| (marks as u8, rest.trim_space()))
}

/// `term:: definition` (or `;;`, `:::`), with the definition possibly on the next lines.
fn description(text: &str) -> Option<(&str, &str)> {
    for marker in [":::", "::", ";;"] {
        if let Some(at) = text.find(marker) {
            let term = &text[..at];
            let after = &text[at + marker.len()..];
            let ends = after.is_empty() || after.starts_with(' ');
            if !term.trim_space().is_empty()
                && !term.starts_with(' ')
                && ends
                && !term.contains("://")
            {
                return Some((term.trim_space(), after.trim_space()));
            }
        }
    }
    None
}

fn list_marker(text: &str) -> Option<(usize, Option<u64>)> {
    let marks = text
        .bytes()
        .take_while(|b| matches!(b, b'*' | b'-' | b'.'))
        .count();
    if marks == 0 || !text[marks..].starts_with(' ') || (marks > 1 && text.starts_with('-')) {
        return None;
    }
    let ordered = text.starts_with('.');
    Some((marks + 1, ordered.then_some(1)))
}

impl Reader {
    fn blocks(&mut self, lines: &[Line<'_>]) {
        let mut index = 0;
        while index < lines.len() {
            index = self.block(lines, index);
        }
    }

    fn block(&mut self, lines: &[Line<'_>], index: usize) -> usize {
        let line = lines[index];
        let text = line.text.trim_space_end();
        if line.is_blank() || text.starts_with("//") && !text.starts_with("////") {
            return index + 1;
        }
        if let Some(delimiter) = delimiter(text) {
            return self.delimited(lines, index, delimiter);
        }
        if text.starts_with("|===") {
            return self.table(lines, index);
        }
        if text.starts_with('[') && text.ends_with(']') {
            self.attributes(text);
            return index + 1;
        }
        if let Some(attribute) = text.strip_prefix(':')
            && let Some((key, value)) = attribute.split_once(": ")
            && !key.contains(' ')
        {
            self.builder
                .comment(&format!("{key}: {}", value.trim_space()), line.offset);
            return index + 1;
        }
        if let Some((level, title)) = heading_level(text) {
            self.builder.open_leaf(Leaf::Heading(level), line.offset);
            inline(
                &mut self.builder,
                title,
                line.offset + text.len() - title.len(),
            );
            self.builder.close_leaf();
            return index + 1;
        }
        if list_marker(text).is_some() {
            return self.list(lines, index);
        }
        if description(text).is_some() {
            return self.descriptions(lines, index);
        }
        self.paragraph(lines, index)
    }

    /// `[NOTE]`, `[options="header", cols="<1m,<1"]`, `[[anchor]]`: what the next block is.
    fn attributes(&mut self, text: &str) {
        let inner = text.trim_start_matches('[').trim_end_matches(']');
        if inner.contains("header") {
            self.header = true;
        }
        if let Some(cols) = inner.split("cols=").nth(1) {
            let cols = cols.trim_start_matches('"');
            let cols = cols.split('"').next().unwrap_or(cols);
            self.columns = match cols.parse::<usize>() {
                Ok(count) => Some(count),
                Err(_) => Some(cols.split(',').count()),
            };
        }
    }

    fn delimited(&mut self, lines: &[Line<'_>], index: usize, delimiter: &str) -> usize {
        let end = lines[index + 1..]
            .iter()
            .position(|line| line.text.trim_space_end() == delimiter)
            .map_or(lines.len(), |at| index + 1 + at);
        let body = &lines[index + 1..end];
        match delimiter.chars().next() {
            Some('-' | '.' | '+') => {
                self.builder.open_leaf(Leaf::Code, lines[index].offset);
                for line in body {
                    self.builder.text(line.text, line.offset);
                    self.builder.text("\n", line.offset);
                }
                self.builder.close_leaf();
            }
            Some('/') => {}
            _ => {
                self.builder.open(Container::Quote, lines[index].offset);
                self.blocks(body);
                self.builder.close(Container::Quote);
            }
        }
        (end + 1).min(lines.len())
    }

    /// Lines up to a blank line or the start of another block.
    fn paragraph(&mut self, lines: &[Line<'_>], index: usize) -> usize {
        let mut end = index + 1;
        while end < lines.len() {
            let text = lines[end].text.trim_space_end();
            if lines[end].is_blank()
                || delimiter(text).is_some()
                || text.starts_with("|===")
                || list_marker(text).is_some()
                || heading_level(text).is_some()
            {
                break;
            }
            end += 1;
        }
        let text: Vec<&str> = lines[index..end]
            .iter()
            .map(|l| l.text.trim_space())
            .collect();
        self.builder.open_leaf(Leaf::Paragraph, lines[index].offset);
        inline(&mut self.builder, &text.join(" "), lines[index].offset);
        self.builder.close_leaf();
        end
    }

    fn list(&mut self, lines: &[Line<'_>], index: usize) -> usize {
        let start = list_marker(lines[index].text).and_then(|(_, start)| start);
        self.builder
            .open(Container::List(start), lines[index].offset);
        let mut at = index;
        while let Some((width, _)) = lines.get(at).and_then(|line| list_marker(line.text)) {
            let line = lines[at];
            self.builder.open(Container::Item, line.offset);
            let mut end = at + 1;
            while end < lines.len()
                && !lines[end].is_blank()
                && list_marker(lines[end].text).is_none()
            {
                end += 1;
            }
            let mut text = vec![line.text[width..].trim_space()];
            text.extend(lines[at + 1..end].iter().map(|l| l.text.trim_space()));
            self.builder.open_leaf(Leaf::Paragraph, line.offset + width);
            inline(&mut self.builder, &text.join(" "), line.offset + width);
            self.builder.close_leaf();
            self.builder.close(Container::Item);
            at = end;
            at = skip_blank(lines, at);
        }
        self.builder.close(Container::List(None));
        at
    }

    fn descriptions(&mut self, lines: &[Line<'_>], index: usize) -> usize {
        self.builder
            .open(Container::List(None), lines[index].offset);
        let mut at = index;
        while let Some((term, definition)) = lines.get(at).and_then(|line| description(line.text)) {
            let line = lines[at];
            self.builder.open(Container::Item, line.offset);
            self.builder.open_leaf(Leaf::Paragraph, line.offset);
            inline(&mut self.builder, term, line.offset);
            self.builder.close_leaf();
            let mut end = at + 1;
            let mut text = vec![definition];
            while end < lines.len()
                && !lines[end].is_blank()
                && description(lines[end].text).is_none()
            {
                text.push(lines[end].text.trim_space());
                end += 1;
            }
            let text = text.join(" ");
            if !text.trim_space().is_empty() {
                let offset = line.offset + line.text.len() - definition.len();
                self.builder.open_leaf(Leaf::Paragraph, offset);
                inline(&mut self.builder, text.trim_space(), offset);
                self.builder.close_leaf();
            }
            self.builder.close(Container::Item);
            at = end;
            at = skip_blank(lines, at);
        }
        self.builder.close(Container::List(None));
        at
    }

    /// A table: cells start at `|`; rows have the columns of `cols`, or of the first line.
    fn table(&mut self, lines: &[Line<'_>], index: usize) -> usize {
        let end = lines[index + 1..]
            .iter()
            .position(|line| line.text.trim_space_end().starts_with("|==="))
            .map_or(lines.len(), |at| index + 1 + at);
        let body = &lines[index + 1..end];
        let mut cells: Vec<(usize, String)> = Vec::new();
        let mut first_line_cells = None;
        // An implicit header: the first line holds a whole row and a blank line follows it.
        let mut first_row_alone: Option<bool> = None;
        for line in body {
            if line.is_blank() {
                if let Some(count) = first_line_cells
                    && first_row_alone.is_none()
                {
                    first_row_alone = Some(cells.len() == count);
                }
                continue;
            }
            let mut pieces = line.text.split('|');
            let before = pieces.next().unwrap_or("");
            if !before.trim_space().is_empty()
                && let Some((_, text)) = cells.last_mut()
            {
                text.push(' ');
                text.push_str(before.trim_space());
            }
            let mut at = line.offset + before.len() + 1;
            let mut count = 0;
            for piece in pieces {
                cells.push((at, piece.trim_space().to_owned()));
                at += piece.len() + 1;
                count += 1;
            }
            if first_line_cells.is_none() && count > 0 {
                first_line_cells = Some(count);
            }
        }
        let columns = self.columns.or(first_line_cells).unwrap_or(1).max(1);
        let header = std::mem::take(&mut self.header) || first_row_alone == Some(true);
        self.columns = None;
        self.builder.open(Container::Table, lines[index].offset);
        for (row, chunk) in cells.chunks(columns).enumerate() {
            let header = header && row == 0;
            self.builder.open(Container::Row { header }, chunk[0].0);
            for (offset, text) in chunk {
                self.builder.open(Container::Cell { header }, *offset);
                if !text.is_empty() {
                    self.builder.open_leaf(Leaf::Paragraph, *offset);
                    inline(&mut self.builder, text, *offset);
                    self.builder.close_leaf();
                }
                self.builder.close(Container::Cell { header: false });
            }
            self.builder.close(Container::Row { header: false });
        }
        self.builder.close(Container::Table);
        (end + 1).min(lines.len())
    }
}

/// Inline markup of one paragraph's text into the builder.
fn inline(builder: &mut Builder, text: &str, offset: usize) {
    let mut rest = text;
    let mut at = offset;
    while !rest.is_empty() {
        let next = [rest.find('`'), rest.find("xref:"), rest.find("link:")]
            .into_iter()
            .flatten()
            .min();
        let Some(start) = next else {
            builder.text(rest, at);
            return;
        };
        builder.text(&rest[..start], at);
        let marked = &rest[start..];
        let marked_at = at + start;
        let taken = if let Some(inner) = marked.strip_prefix('`') {
            inner.find('`').map(|end| {
                builder.inline_code(&inner[..end], marked_at);
                end + 2
            })
        } else {
            // `xref:` and `link:` are both five characters.
            let macro_name = 5;
            let target_end = marked.find('[');
            let text_end = marked.find(']');
            match (target_end, text_end) {
                (Some(open), Some(close)) if open < close && !marked[..open].contains(' ') => {
                    builder.open_span(Span::Link(marked[macro_name..open].to_owned()), marked_at);
                    builder.text(&marked[open + 1..close], marked_at);
                    builder.close_span(&Span::Link(String::new()));
                    Some(close + 1)
                }
                _ => None,
            }
        };
        let taken = taken.unwrap_or_else(|| {
            let first = marked.chars().next().map_or(1, char::len_utf8);
            builder.text(&marked[..first], marked_at);
            first
        });
        rest = &marked[taken..];
        at = marked_at + taken;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{BlockKind, blocks_text};

    #[test]
    fn titles_attributes_and_description_lists() {
        let page = ":description: Codes.\n\n= List of codes\n\n[NOTE]\n====\nA note.\n====\n\n=== xref:errors/08000.adoc[08000]\n\nStatus description:: error: connection exception `{ <<db>> }`\n";
        let document = read(page);
        assert_eq!(
            document.blocks[0].kind,
            BlockKind::Comment("description: Codes.".into())
        );
        assert!(matches!(document.blocks[2].kind, BlockKind::Quote(_)));
        assert_eq!(blocks_text(&document.blocks[3..4]), "08000");
        let BlockKind::List { items, .. } = &document.blocks[4].kind else {
            panic!("a description list")
        };
        assert_eq!(
            blocks_text(&items[0]),
            "Status description\nerror: connection exception { <<db>> }"
        );
    }

    #[test]
    fn tables_with_a_header_and_cells_over_several_lines() {
        let page = "[options=\"header\", cols=\"<1m,<1\"]\n|===\n\n| Neo4j code\n| Description\n\n| Neo.ClientError.A\n| Invalid.\n\n| Neo.ClientError.B\n|\nAn illegal chain.\nCannot run.\n|===\n";
        let document = read(page);
        let BlockKind::Table(rows) = &document.blocks[0].kind else {
            panic!("a table")
        };
        assert_eq!(rows.len(), 3);
        assert!(rows[0].header);
        let cells: Vec<String> = rows[2]
            .cells
            .iter()
            .map(|c| blocks_text(&c.blocks))
            .collect();
        assert_eq!(
            cells,
            ["Neo.ClientError.B", "An illegal chain. Cannot run."]
        );
    }
}

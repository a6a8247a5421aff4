//! The Markdown front end: `pulldown-cmark` events (with byte offsets) into the shared builder.
//!
//! HTML inside the page (comments, `<br>`, whole `<table>`s) goes through the HTML front end's
//! tag mapping into the same builder, so an HTML table in a Markdown page becomes an ordinary
//! table of the document model.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::builder::{Builder, Container, Leaf, Span};
use super::html::{self, Context, HtmlState};
use crate::document::Document;
use crate::white_space::TrimSpace;

/// Reads a Markdown page (CommonMark with GitHub tables and strikethrough).
pub(crate) fn read(text: &str) -> Document {
    let text = join_split_rows(text);
    let mut reader = MarkdownReader {
        builder: Builder::new(),
        html: HtmlState::for_page(&text),
        metadata: None,
        html_block: None,
        in_table_head: false,
        row: None,
        text: &text,
    };
    reader.run(&text, 0, true);
    reader.builder.finish()
}

/// Most lines one table row may be written over.
const MAX_ROW_LINES: usize = 64;

/// Table rows written over several lines, as documentation exports write a cell that holds a
/// list (`|-   0x01030305` then `-   0x01030308`, then `|-   16974597`... up to the line that
/// ends the row with `|`), joined into one line. In a table whose header ends with `|`, a row
/// line that does not, followed by a line that does not start a row, goes on until a line ends
/// with `|`. Line breaks become spaces and the list markers that start joined lines commas, so
/// every byte keeps its offset.
fn join_split_rows(text: &str) -> Cow<'_, str> {
    if !text.as_bytes().contains(&b'|') {
        return Cow::Borrowed(text);
    }
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |offset, line| {
            let start = *offset;
            *offset += line.len();
            Some((start, line))
        })
        .collect();
    let row = |line: &str| line.trim_space_start().starts_with('|');
    let closed = |line: &str| line.trim_space_end().ends_with('|');
    let mut breaks: Vec<(usize, u8)> = Vec::new();
    let mut in_table = false;
    let mut index = 0;
    while index < lines.len() {
        let line = lines[index].1;
        let delimiter =
            line.contains("---") && line.trim_space().chars().all(|c| "|-: \t\r\n".contains(c));
        if delimiter && index > 0 && row(lines[index - 1].1) && closed(lines[index - 1].1) {
            in_table = true;
        } else if line.trim_space().is_empty() || !row(line) {
            in_table = in_table && !line.trim_space().is_empty() && row(line);
        }
        let split = in_table
            && row(line)
            && !closed(line)
            && lines
                .get(index + 1)
                .is_some_and(|(_, next)| !row(next) && !next.trim_space().is_empty());
        if split
            && let Some(end) =
                (index + 1..lines.len().min(index + MAX_ROW_LINES)).find(|&at| closed(lines[at].1))
            && !lines[index + 1..end]
                .iter()
                .any(|(_, l)| l.trim_space_start().starts_with('#'))
        {
            for (position, (offset, line)) in lines[index..end].iter().enumerate() {
                breaks.extend(
                    line.match_indices(['\r', '\n'])
                        .map(|(at, _)| (offset + at, b' ')),
                );
                // A list marker that starts a joined line becomes a comma between the items.
                let indent = line.len() - line.trim_space_start().len();
                if position > 0
                    && line.trim_space_start().starts_with(['-', '*'])
                    && line.trim_space_start()[1..].starts_with(' ')
                {
                    breaks.push((offset + indent, b','));
                }
            }
            let closing = lines[end];
            let indent = closing.1.len() - closing.1.trim_space_start().len();
            if closing.1.trim_space_start().starts_with(['-', '*'])
                && closing.1.trim_space_start()[1..].starts_with(' ')
            {
                breaks.push((closing.0 + indent, b','));
            }
            index = end + 1;
            continue;
        }
        index += 1;
    }
    if breaks.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for (at, byte) in breaks {
        bytes[at] = byte;
    }
    Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_owned()))
}

struct MarkdownReader<'a> {
    builder: Builder,
    html: HtmlState,
    /// The front matter being read (`---` YAML at the top): its offset and text.
    metadata: Option<(usize, String)>,
    /// An HTML block being collected: its offset and its lines so far.
    html_block: Option<(usize, String)>,
    in_table_head: bool,
    /// The table row being read: its end offset and where its last cell ended.
    row: Option<(usize, usize)>,
    text: &'a str,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

impl MarkdownReader<'_> {
    /// Feeds the events of `fragment` (at byte offset `base` in the page) to the builder.
    /// `recover_cells` is false for the one-level re-read of cells a table row dropped.
    fn run(&mut self, fragment: &str, base: usize, recover_cells: bool) {
        for (event, range) in Parser::new_ext(fragment, options()).into_offset_iter() {
            let range = range.start + base..range.end + base;
            self.event(event, range, recover_cells);
        }
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>, recover_cells: bool) {
        let offset = range.start;
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range, recover_cells),
            Event::Text(text) => match self.metadata.as_mut() {
                Some((_, metadata)) => metadata.push_str(&text),
                None => self.builder.text(&text, offset),
            },
            Event::Code(code) => self.builder.inline_code(&code, offset),
            Event::InlineMath(math) | Event::DisplayMath(math) => {
                self.builder.inline_code(&math, offset)
            }
            Event::Html(html) => match self.html_block.as_mut() {
                Some((_, lines)) => lines.push_str(&html),
                None => html::feed(
                    &mut self.builder,
                    &mut self.html,
                    &html,
                    offset,
                    Context::Block,
                ),
            },
            Event::InlineHtml(html) => html::feed(
                &mut self.builder,
                &mut self.html,
                &html,
                offset,
                Context::Inline,
            ),
            Event::FootnoteReference(label) => self.builder.text(&format!("[^{label}]"), offset),
            Event::SoftBreak => self.builder.text(" ", offset),
            Event::HardBreak => self.builder.line_break(),
            Event::Rule => self.builder.rule(offset),
            Event::TaskListMarker(done) => self
                .builder
                .text(if done { "[x] " } else { "[ ] " }, offset),
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        let offset = range.start;
        let builder = &mut self.builder;
        match tag {
            Tag::Paragraph => builder.open_leaf(Leaf::Paragraph, offset),
            Tag::Heading { level, id, .. } => {
                builder.open_leaf(Leaf::Heading(level as u8), offset);
                if let Some(id) = id {
                    builder.set_anchor(&id);
                }
            }
            Tag::BlockQuote(_) => builder.open(Container::Quote, offset),
            Tag::CodeBlock(_) => builder.open_leaf(Leaf::Code, offset),
            Tag::HtmlBlock => self.html_block = Some((offset, String::new())),
            Tag::List(start) => builder.open(Container::List(start), offset),
            Tag::Item | Tag::FootnoteDefinition(_) => builder.open(Container::Item, offset),
            // A definition list is a list whose items start with their term.
            Tag::DefinitionList => builder.open(Container::List(None), offset),
            Tag::DefinitionListTitle => {
                builder.open(Container::Item, offset);
                builder.open_leaf(Leaf::Paragraph, offset);
            }
            Tag::DefinitionListDefinition => builder.open_definition(offset),
            Tag::MetadataBlock(_) => self.metadata = Some((offset, String::new())),
            Tag::Table(_) => builder.open(Container::Table, offset),
            Tag::TableHead => {
                self.in_table_head = true;
                self.row = Some((range.end, offset));
                builder.open(Container::Row { header: true }, offset);
            }
            Tag::TableRow => {
                self.row = Some((range.end, offset));
                builder.open(Container::Row { header: false }, offset);
            }
            Tag::TableCell => builder.open(
                Container::Cell {
                    header: self.in_table_head,
                },
                offset,
            ),
            Tag::Emphasis => builder.open_span(Span::Emphasis, offset),
            Tag::Strong => builder.open_span(Span::Strong, offset),
            Tag::Strikethrough => builder.open_span(Span::Strikethrough, offset),
            Tag::Link { dest_url, .. } => {
                builder.open_span(Span::Link(dest_url.into_string()), offset)
            }
            Tag::Superscript | Tag::Subscript | Tag::Image { .. } => {}
        }
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>, recover_cells: bool) {
        let builder = &mut self.builder;
        match tag {
            TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::CodeBlock
            | TagEnd::DefinitionListTitle => builder.close_leaf(),
            TagEnd::HtmlBlock => {
                if let Some((offset, html)) = self.html_block.take() {
                    html::feed(builder, &mut self.html, &html, offset, Context::Block);
                }
            }
            TagEnd::BlockQuote(_) => builder.close(Container::Quote),
            TagEnd::List(_) | TagEnd::DefinitionList => builder.close(Container::List(None)),
            TagEnd::Item | TagEnd::FootnoteDefinition => builder.close(Container::Item),
            TagEnd::DefinitionListDefinition => {}
            TagEnd::MetadataBlock(_) => {
                // Front matter (`title: ...`) is the page's metadata, as `<!--Key: Value-->` is.
                if let Some((offset, text)) = self.metadata.take() {
                    for line in text.lines().filter(|line| !line.trim_space().is_empty()) {
                        builder.comment(line, offset);
                    }
                }
            }
            TagEnd::Table => builder.close(Container::Table),
            TagEnd::TableHead | TagEnd::TableRow => {
                self.in_table_head = false;
                if recover_cells {
                    self.recover_dropped_cells();
                }
                self.builder.close(Container::Row { header: false });
            }
            TagEnd::TableCell => {
                if let Some((_, last_cell_end)) = self.row.as_mut() {
                    *last_cell_end = range.end;
                }
                builder.close(Container::Cell { header: false });
            }
            TagEnd::Emphasis => builder.close_span(&Span::Emphasis),
            TagEnd::Strong => builder.close_span(&Span::Strong),
            TagEnd::Strikethrough => builder.close_span(&Span::Strikethrough),
            TagEnd::Link => builder.close_span(&Span::Link(String::new())),
            TagEnd::Superscript | TagEnd::Subscript | TagEnd::Image => {}
        }
    }

    /// GitHub tables ignore cells beyond the header's count; errcode keeps them as extra cells
    /// so that no text of a row is lost (the table recogniser then reports or uses them).
    fn recover_dropped_cells(&mut self) {
        let Some((row_end, last_cell_end)) = self.row.take() else {
            return;
        };
        let Some(rest) = self.text.get(last_cell_end..row_end) else {
            return;
        };
        let mut start = 0;
        for piece in split_cells(rest) {
            let trimmed = piece.trim_space();
            let piece_offset =
                last_cell_end + start + (piece.len() - piece.trim_space_start().len());
            start += piece.len() + 1;
            if trimmed.is_empty() {
                continue;
            }
            self.builder
                .open(Container::Cell { header: false }, piece_offset);
            self.run(trimmed, piece_offset, false);
            self.builder.close(Container::Cell { header: false });
        }
    }
}

/// Splits the tail of a table row at its unescaped pipes.
fn split_cells(row: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (index, c) in row.char_indices() {
        match c {
            '\\' => escaped = !escaped,
            '|' if !escaped => {
                pieces.push(&row[start..index]);
                start = index + 1;
            }
            _ => escaped = false,
        }
    }
    pieces.push(&row[start..]);
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{BlockKind, Inline, blocks_text};

    #[test]
    fn offsets_point_at_the_block() {
        let page = "# Title\n\n## 7400101 Invalid Parameter\n\n**Error Message**\n\nBad.\n";
        let document = read(page);
        let offsets: Vec<usize> = document.blocks.iter().map(|b| b.offset).collect();
        assert_eq!(offsets, [0, 9, 39, 58]);
    }

    #[test]
    fn html_comments_and_breaks_join_the_model() {
        let document = read("<!--Kit: Camera Kit-->\n\n**错误信息**<br>Parameter error.\n");
        assert_eq!(
            document.blocks[0].kind,
            BlockKind::Comment("Kit: Camera Kit".into())
        );
        assert_eq!(
            document.blocks[1].inlines().unwrap(),
            &[
                Inline::Strong(vec![Inline::Text("错误信息".into())]),
                Inline::Break,
                Inline::Text("Parameter error.".into()),
            ]
        );
    }

    #[test]
    fn an_html_table_in_markdown_becomes_a_table() {
        let page = "Intro\n\n<table>\n<tr><th> <b>Error Code</b>\n</th><th>Description</th></tr>\n<tr>\n<td> 4000\n</td><td> Invalid &amp; missing\n</td></tr>\n</table>\n";
        let document = read(page);
        let BlockKind::Table(rows) = &document.blocks[1].kind else {
            panic!("a table")
        };
        assert!(rows[0].header);
        assert_eq!(blocks_text(&rows[1].cells[0].blocks), "4000");
        assert_eq!(blocks_text(&rows[1].cells[1].blocks), "Invalid & missing");
    }

    #[test]
    fn cells_beyond_the_header_are_kept() {
        let page = "| Code | Message |\n|---|---|\n| 1 | One | extra *text* | more\n";
        let document = read(page);
        let BlockKind::Table(rows) = &document.blocks[0].kind else {
            panic!("a table")
        };
        let cells: Vec<String> = rows[1]
            .cells
            .iter()
            .map(|c| blocks_text(&c.blocks))
            .collect();
        assert_eq!(cells, ["1", "One", "extra text", "more"]);
    }

    #[test]
    fn tables_inside_quotes_and_ragged_rows() {
        let page = "> | Code | Text\n> |---|---|\n> | 7003\t| no trailing pipe\n> | 7004 |\n";
        let document = read(page);
        let BlockKind::Quote(inner) = &document.blocks[0].kind else {
            panic!("a quote")
        };
        let BlockKind::Table(rows) = &inner[0].kind else {
            panic!("a table")
        };
        assert_eq!(rows.len(), 3);
        assert_eq!(blocks_text(&rows[1].cells[1].blocks), "no trailing pipe");
        assert_eq!(blocks_text(&rows[2].cells[1].blocks), "");
    }
}

//! reStructuredText, as documentation sources are saved (`errors.rst.txt`), into the document
//! model: section titles (underlined, or over- and underlined), paragraphs, bullet and
//! enumerated lists, definition lists, grid tables, literal blocks, admonitions as quotes, and
//! directives that document one thing (`.. c:macro:: UV_E2BIG` and its indented text) as the
//! items of a definition list, one list per run of the same directive. Targets and comments
//! (`.. _errors:`) are dropped. Inline: ``` ``code`` ```, `**strong**`, `*emphasis*`,
//! `` `text <url>`_ `` and roles (`` :c:func:`uv_strerror` ``) as code.
//!
//! (Long because one reader per markup is one concept; 57 of its 549 lines are tests.)

use std::collections::BTreeMap;

use super::builder::{Builder, Container, Leaf, Span};
use super::lines::{Line, common_indent, indented_end, lines, skip_blank};
use crate::document::Document;
use crate::white_space::TrimSpace;

/// Directives whose body is a note beside the text.
const ADMONITIONS: &[&str] = &[
    "note",
    "warning",
    "tip",
    "important",
    "caution",
    "attention",
    "danger",
    "error",
    "hint",
    "seealso",
    "admonition",
    "versionadded",
    "versionchanged",
    "deprecated",
];

/// Directives whose body is code.
const CODE_DIRECTIVES: &[&str] = &["code-block", "code", "sourcecode", "parsed-literal"];

/// Directives that show nothing of the page's text.
const SILENT_DIRECTIVES: &[&str] = &[
    "toctree",
    "contents",
    "index",
    "highlight",
    "meta",
    "image",
    "figure",
    "include",
    "literalinclude",
    "raw",
    "only",
    "default-role",
    "role",
    "currentmodule",
    "module",
];

/// Reads a reStructuredText page.
pub(crate) fn read(text: &str) -> Document {
    let all = lines(text);
    let mut reader = Reader {
        builder: Builder::new(),
        levels: BTreeMap::new(),
    };
    reader.blocks(&all);
    reader.builder.finish()
}

struct Reader {
    builder: Builder,
    /// The heading level of each title adornment (`=` overlined, `-`...), by first use.
    levels: BTreeMap<(char, bool), u8>,
}

/// A line of one repeated punctuation character, at least `length` long.
fn adornment(line: &str, length: usize) -> Option<char> {
    let line = line.trim_space_end();
    let c = line.chars().next()?;
    let punctuation = c.is_ascii_punctuation() && !matches!(c, '|' | '.');
    (punctuation && line.len() >= length.max(2) && line.chars().all(|x| x == c)).then_some(c)
}

fn bullet(text: &str) -> Option<usize> {
    let marker = text.chars().next()?;
    (matches!(marker, '-' | '*' | '+') && text[1..].starts_with(' ')).then_some(2)
}

fn enumerator(text: &str) -> Option<usize> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let hash = text.starts_with('#');
    let width = if hash { 1 } else { digits };
    (width > 0 && text[width..].starts_with(". ")).then_some(width + 2)
}

fn is_grid_border(text: &str) -> bool {
    let text = text.trim_space_end();
    text.len() > 2
        && text.starts_with('+')
        && text.ends_with('+')
        && text.chars().all(|c| matches!(c, '+' | '-' | '='))
}

impl Reader {
    /// Reads the blocks of `lines`, all at one indentation.
    fn blocks(&mut self, lines: &[Line<'_>]) {
        let mut index = 0;
        while index < lines.len() {
            let line = lines[index];
            if line.is_blank() {
                index += 1;
                continue;
            }
            index = self.block(lines, index);
        }
    }

    /// Reads the block starting at `index` and returns the index after it.
    fn block(&mut self, lines: &[Line<'_>], index: usize) -> usize {
        let line = lines[index];
        let indent = line.indent();
        if indent > 0 {
            // An indented block after a paragraph: a quotation.
            let end = indented_end(lines, index, 0);
            self.builder.open(Container::Quote, line.offset);
            self.nested(&lines[index..end]);
            self.builder.close(Container::Quote);
            return end;
        }
        let next = lines.get(index + 1).copied();
        if let Some(end) = self.title(lines, index) {
            return end;
        }
        if let Some(rest) = line.text.strip_prefix(".. ") {
            return self.explicit(lines, index, rest);
        }
        if is_grid_border(line.text) {
            return self.grid_table(lines, index);
        }
        if let Some(width) = bullet(line.text) {
            return self.list(lines, index, None, width, bullet);
        }
        if let Some(width) = enumerator(line.text) {
            return self.list(lines, index, Some(1), width, enumerator);
        }
        if next.is_some_and(|next| !next.is_blank() && next.indent() > 0) {
            return self.definitions(lines, index);
        }
        self.paragraph(lines, index)
    }

    /// Reads the lines of an indented body as blocks of their own.
    fn nested(&mut self, lines: &[Line<'_>]) {
        let indent = common_indent(lines);
        let body: Vec<Line<'_>> = lines.iter().map(|line| line.dedent(indent)).collect();
        self.blocks(&body);
    }

    /// A section title: text with an underline, or with an overline and an underline.
    fn title(&mut self, lines: &[Line<'_>], index: usize) -> Option<usize> {
        let line = lines[index];
        let (over, text_index) = match adornment(line.text, 2) {
            Some(c)
                if lines
                    .get(index + 2)
                    .is_some_and(|l| adornment(l.text, 2) == Some(c)) =>
            {
                (true, index + 1)
            }
            _ => (false, index),
        };
        let text = lines.get(text_index)?;
        let under = lines.get(text_index + 1)?;
        if text.is_blank() || adornment(text.text, 2).is_some() {
            return None;
        }
        let c = adornment(under.text, text.text.trim_space().chars().count())?;
        let next_level = self.levels.len() as u8 + 1;
        let level = *self.levels.entry((c, over)).or_insert(next_level);
        let (offset, title) = text.trimmed();
        self.builder.open_leaf(Leaf::Heading(level.min(6)), offset);
        inline(&mut self.builder, title, offset);
        self.builder.close_leaf();
        Some(text_index + 2)
    }

    /// `.. name:: argument` and its body, or a target or comment (dropped).
    fn explicit(&mut self, lines: &[Line<'_>], index: usize, rest: &str) -> usize {
        let end = indented_end(lines, index + 1, 0);
        let Some((name, argument)) = rest.split_once("::") else {
            return end;
        };
        let name = name.trim_space();
        let body = &lines[index + 1..end];
        if name.is_empty() || name.contains(' ') {
            return end;
        }
        if ADMONITIONS.contains(&name) {
            self.builder.open(Container::Quote, lines[index].offset);
            if !argument.trim_space().is_empty() {
                self.paragraph_text(argument.trim_space(), lines[index].offset);
            }
            self.nested(body);
            self.builder.close(Container::Quote);
            return end;
        }
        if CODE_DIRECTIVES.contains(&name) {
            self.code(body);
            return end;
        }
        if SILENT_DIRECTIVES.contains(&name) {
            return end;
        }
        // A directive that documents one thing: an item of a definition list, which runs on
        // over the directives of the same name that follow.
        self.builder
            .open(Container::List(None), lines[index].offset);
        let mut at = index;
        loop {
            let line = lines[at];
            let end = indented_end(lines, at + 1, 0);
            let argument = line
                .text
                .strip_prefix(".. ")
                .and_then(|rest| rest.split_once("::"))
                .map_or("", |(_, argument)| argument.trim_space());
            self.builder.open(Container::Item, line.offset);
            self.paragraph_text(argument, line.offset + line.text.len() - argument.len());
            self.nested(&lines[at + 1..end]);
            at = end;
            at = skip_blank(lines, at);
            let same = lines.get(at).is_some_and(|next| {
                next.text
                    .strip_prefix(".. ")
                    .and_then(|rest| rest.split_once("::"))
                    .is_some_and(|(next_name, _)| next_name.trim_space() == name)
            });
            if !same {
                break;
            }
        }
        self.builder.close(Container::List(None));
        at
    }

    fn code(&mut self, lines: &[Line<'_>]) {
        let Some(first) = lines.iter().find(|line| !line.is_blank()) else {
            return;
        };
        let indent = common_indent(lines);
        self.builder.open_leaf(Leaf::Code, first.offset);
        for line in lines {
            self.builder.text(line.dedent(indent).text, line.offset);
            self.builder.text("\n", line.offset);
        }
        self.builder.close_leaf();
    }

    /// A bullet or enumerated list; items run on while lines start with a marker.
    fn list(
        &mut self,
        lines: &[Line<'_>],
        index: usize,
        start: Option<u64>,
        width: usize,
        marker: fn(&str) -> Option<usize>,
    ) -> usize {
        self.builder
            .open(Container::List(start), lines[index].offset);
        let mut at = index;
        let mut width = width;
        loop {
            let end = indented_end(lines, at + 1, width.saturating_sub(1));
            let item: Vec<Line<'_>> = std::iter::once(Line {
                offset: lines[at].offset + width,
                text: lines[at].text.get(width..).unwrap_or(""),
            })
            .chain(lines[at + 1..end].iter().map(|line| line.dedent(width)))
            .collect();
            self.builder.open(Container::Item, lines[at].offset);
            self.blocks(&item);
            self.builder.close(Container::Item);
            at = end;
            at = skip_blank(lines, at);
            match lines.get(at).and_then(|line| marker(line.text)) {
                Some(next) if lines[at].indent() == 0 => width = next,
                _ => break,
            }
        }
        self.builder.close(Container::List(None));
        at
    }

    /// Terms, each followed by its indented definition.
    fn definitions(&mut self, lines: &[Line<'_>], index: usize) -> usize {
        self.builder
            .open(Container::List(None), lines[index].offset);
        let mut at = index;
        loop {
            let end = indented_end(lines, at + 1, 0);
            let (offset, term) = lines[at].trimmed();
            self.builder.open(Container::Item, offset);
            self.paragraph_text(term, offset);
            self.nested(&lines[at + 1..end]);
            at = end;
            at = skip_blank(lines, at);
            let continues = at + 1 < lines.len()
                && lines[at].indent() == 0
                && !lines[at + 1].is_blank()
                && lines[at + 1].indent() > 0
                && !lines[at].text.starts_with(".. ");
            if !continues {
                break;
            }
        }
        self.builder.close(Container::List(None));
        at
    }

    /// Lines up to a blank line; a paragraph ending in `::` introduces a literal block.
    fn paragraph(&mut self, lines: &[Line<'_>], index: usize) -> usize {
        let mut end = index;
        while end < lines.len() && !lines[end].is_blank() && lines[end].indent() == 0 {
            end += 1;
        }
        let text: Vec<&str> = lines[index..end]
            .iter()
            .map(|line| line.text.trim_space())
            .collect();
        let mut joined = text.join(" ");
        let literal = joined.ends_with("::");
        if literal {
            joined.truncate(joined.len() - 1);
            if joined.ends_with(" :") {
                joined.truncate(joined.len() - 2);
            }
        }
        if !joined.trim_space().is_empty() {
            self.paragraph_text(&joined, lines[index].offset);
        }
        if literal {
            let mut start = end;
            start = skip_blank(lines, start);
            if start < lines.len() && lines[start].indent() > 0 {
                let block_end = indented_end(lines, start, 0);
                self.code(&lines[start..block_end]);
                return block_end;
            }
        }
        end
    }

    fn paragraph_text(&mut self, text: &str, offset: usize) {
        self.builder.open_leaf(Leaf::Paragraph, offset);
        inline(&mut self.builder, text, offset);
        self.builder.close_leaf();
    }

    /// A grid table: `+---+` borders, `|` between cells, `+===+` under the header.
    fn grid_table(&mut self, lines: &[Line<'_>], index: usize) -> usize {
        let border = lines[index].text.trim_space_end();
        let columns: Vec<usize> = border.match_indices('+').map(|(at, _)| at).collect();
        let mut end = index;
        while end < lines.len() && lines[end].text.trim_space_start().starts_with(['+', '|']) {
            end += 1;
        }
        let header_rule = lines[index + 1..end]
            .iter()
            .position(|line| is_grid_border(line.text) && line.text.contains('='))
            .map(|at| index + 1 + at);
        self.builder.open(Container::Table, lines[index].offset);
        let mut row_start = index + 1;
        for at in index + 1..end {
            if !is_grid_border(lines[at].text) {
                continue;
            }
            let header = header_rule.is_some_and(|rule| at <= rule);
            self.grid_row(&lines[row_start..at], &columns, header);
            row_start = at + 1;
        }
        self.builder.close(Container::Table);
        end
    }

    fn grid_row(&mut self, lines: &[Line<'_>], columns: &[usize], header: bool) {
        let Some(first) = lines.first() else {
            return;
        };
        self.builder.open(Container::Row { header }, first.offset);
        for pair in columns.windows(2) {
            let (from, to) = (pair[0] + 1, pair[1]);
            let mut text = String::new();
            let mut offset = first.offset + from;
            for line in lines {
                let Some(cell) = line.text.get(from..to.min(line.text.len())) else {
                    continue;
                };
                if text.is_empty() && !cell.trim_space().is_empty() {
                    offset = line.offset + from + (cell.len() - cell.trim_space_start().len());
                }
                if !cell.trim_space().is_empty() {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(cell.trim_space());
                }
            }
            self.builder.open(Container::Cell { header }, offset);
            if !text.is_empty() {
                self.paragraph_text(&text, offset);
            }
            self.builder.close(Container::Cell { header: false });
        }
        self.builder.close(Container::Row { header: false });
    }
}

/// Inline markup of one paragraph's text into the builder.
fn inline(builder: &mut Builder, text: &str, offset: usize) {
    let mut rest = text;
    let mut at = offset;
    while !rest.is_empty() {
        let Some(start) = rest.find(['`', '*', ':']) else {
            builder.text(rest, at);
            return;
        };
        let (before, marked) = rest.split_at(start);
        builder.text(before, at);
        let marked_at = at + start;
        let (consumed, done) = markup(builder, marked, marked_at);
        if !done {
            builder.text(&marked[..consumed], marked_at);
        }
        rest = &marked[consumed..];
        at = marked_at + consumed;
    }
}

/// The markup at the start of `text`: how much it takes, and whether it was markup.
fn markup(builder: &mut Builder, text: &str, offset: usize) -> (usize, bool) {
    let first = text.chars().next().map_or(1, char::len_utf8);
    let enclosed = |open: &str, close: &str| {
        let inner = text.strip_prefix(open)?;
        let end = inner.find(close)?;
        (end > 0).then(|| (&inner[..end], open.len() + end + close.len()))
    };
    if let Some((code, length)) = enclosed("``", "``") {
        builder.inline_code(code, offset);
        return (length, true);
    }
    if let Some((strong, length)) = enclosed("**", "**") {
        builder.open_span(Span::Strong, offset);
        builder.text(strong, offset);
        builder.close_span(&Span::Strong);
        return (length, true);
    }
    if let Some((link, length)) = enclosed("`", "`_") {
        let (label, target) = match link.rsplit_once('<') {
            Some((label, target)) if target.ends_with('>') => {
                (label.trim_space(), &target[..target.len() - 1])
            }
            _ => (link, ""),
        };
        let length = length + usize::from(text[length..].starts_with('_'));
        if target.is_empty() {
            builder.text(label, offset);
        } else {
            builder.open_span(Span::Link(target.to_owned()), offset);
            builder.text(label, offset);
            builder.close_span(&Span::Link(String::new()));
        }
        return (length, true);
    }
    if let Some((emphasis, length)) = enclosed("*", "*") {
        builder.open_span(Span::Emphasis, offset);
        builder.text(emphasis, offset);
        builder.close_span(&Span::Emphasis);
        return (length, true);
    }
    if text.starts_with(':')
        && let Some(role_end) = text[1..].find(":`")
        && text[1..1 + role_end]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ':' || c == '-' || c == '_')
        && let Some((code, length)) = text[role_end + 2..]
            .strip_prefix('`')
            .and_then(|inner| inner.find('`').map(|end| (&inner[..end], end + 2)))
    {
        builder.inline_code(code, offset);
        return (role_end + 2 + length, true);
    }
    (first, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{BlockKind, blocks_text};

    #[test]
    fn titles_directives_and_definitions() {
        let page = "Error handling\n==============\n\nIntro with ``code``.\n\n.. note::\n    A note.\n\nError constants\n---------------\n\n.. c:macro:: UV_E2BIG\n\n    argument list too long\n\n.. c:macro:: UV_EACCES\n\n    permission denied\n\n.. c:function:: const char* uv_strerror(int err)\n\n    Returns the message.\n";
        let document = read(page);
        let kinds: Vec<&str> = document
            .blocks
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Heading { level, .. } => {
                    if *level == 1 {
                        "h1"
                    } else {
                        "h2"
                    }
                }
                BlockKind::Paragraph(_) => "p",
                BlockKind::Quote(_) => "quote",
                BlockKind::List { .. } => "list",
                _ => "?",
            })
            .collect();
        assert_eq!(kinds, ["h1", "p", "quote", "h2", "list", "list"]);
        let BlockKind::List { items, .. } = &document.blocks[4].kind else {
            panic!("a list")
        };
        assert_eq!(blocks_text(&items[1]), "UV_EACCES\npermission denied");
    }

    #[test]
    fn grid_tables_join_the_lines_of_a_cell() {
        let page = "+------+-----+-------------+\n| Name | Code| Description |\n+======+=====+=============+\n| ok   |    0| Success     |\n+------+-----+-------------+\n| bad  | 1000| Operation   |\n|      |     | failed      |\n+------+-----+-------------+\n";
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
        assert_eq!(cells, ["bad", "1000", "Operation failed"]);
    }

    #[test]
    fn lists_literal_blocks_and_roles() {
        let page = "- one\n- two, see :c:func:`uv_strerror`\n\nExample::\n\n    x = 1\n";
        let text = blocks_text(&read(page).blocks);
        assert_eq!(text, "- one\n- two, see uv_strerror\nExample:\nx = 1");
    }
}

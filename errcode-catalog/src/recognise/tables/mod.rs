//! Tables: any table with a column of codes, found by content whatever the headers say.
//!
//! The code column is the column whose cells are codes (most of the cells that hold text, and
//! mostly different ones): codes with digits before names, a header that names a code before
//! one that does not, then the leftmost. A column headed as an HTTP status is never the code
//! column: its numbers are shared by many codes. A column headed as hex (`16进制`, `Hex`) reads
//! its numbers in base 16 even without `0x`. A column of different identifiers beside a column
//! of numbers is the symbol (`AV_ERR_FAILED`, `pkg/apic/ErrX`), whatever its header. Other
//! columns map to fields by header; without a message or title column, a column of short,
//! different phrases (an HTTP reason phrase) is the title. A cell may hold several codes, one
//! per line or list item: each is an entry with the row's text.
//!
//! Cells beyond the header are kept as unlabelled fields and never become the message, the
//! title or the symbol. A row without a code is a note of its section; a row with fewer cells
//! than the header and no code continues the entry above it (an export that flattened a
//! `rowspan`): its cells fill the last columns and join that entry's fields.
//!
//! What each cell says is read in `cells.rs`.

mod cells;

use std::borrow::Cow;

use self::cells::{TextRow, cell_codes, cell_is_empty, cell_text, lines, unquote};
use super::code::{self, CodeToken, Shape};
use super::labels::{field_kind, normalize};
use super::{CodeError, FoundEntry, FoundField};
use crate::catalog::{Code, FieldKind};
use crate::document::{Block, BlockKind, Cell, Row, blocks_text};
use crate::white_space::TrimSpace;

/// Words of a header that names the code column.
const CODE_HEADER_WORDS: &[&str] = &["code", "errno", "码", "返回值", "编号", "number", "value"];

/// Words of a header that names a column of hex numbers.
const HEX_HEADER_WORDS: &[&str] = &["hex", "16进制", "十六进制"];

/// Words of a header that names a symbol column (`Error Code Name`, `Constant Definition`).
const NAME_HEADER_WORDS: &[&str] = &[
    "name",
    "constant",
    "enum",
    "symbol",
    "identifier",
    "macro",
    "定义",
    "名称",
    "枚举",
];

/// Longest cell of a symbol column.
const MAX_SYMBOL_CELL: usize = 80;

/// Most words a cell of a title column has.
const MAX_TITLE_WORDS: usize = 5;

/// What a table gave: entries, and rows without a code kept as notes.
pub(crate) struct TableEntries {
    pub(crate) entries: Vec<FoundEntry>,
    pub(crate) notes: Vec<Block>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Column {
    /// The codes: read in base 16 (`hex`), or names (`AccessDenied`) rather than numbers.
    Code {
        hex: bool,
        names: bool,
    },
    Symbol,
    Field(FieldKind, String),
}

/// The entries of a table, or `None` when it has no column of codes; a code cell that holds a
/// number too large for any integer type is an error in `errors`.
pub(crate) fn entries(
    rows: &[Row],
    section: Option<usize>,
    errors: &mut Vec<CodeError>,
) -> Option<TableEntries> {
    let rows: Vec<TextRow<'_>> = rows.iter().map(TextRow::of).collect();
    let (header, body) = split_header(&rows)?;
    let width = match header {
        Some(header) => header.width(),
        None => rows.iter().map(TextRow::width).max().unwrap_or(0),
    };
    if width < 2 || body.is_empty() {
        return None;
    }
    let headers: Vec<String> = (0..width)
        .map(|j| {
            header
                .and_then(|row| row.cell(j))
                .map(|(_, text)| cell_text(text))
                .unwrap_or_default()
        })
        .collect();
    // Rows with every column say what the columns hold; shorter rows continue others.
    let full: Vec<&TextRow<'_>> = body.iter().filter(|row| row.width() >= width).collect();
    let sample: Vec<&TextRow<'_>> = if full.len() * 2 >= body.len() {
        full
    } else {
        body.iter().collect()
    };
    let (code_column, codes) = code_column(&headers, &sample)?;
    let columns = columns(&headers, &sample, code_column, &codes);
    let mut found = TableEntries {
        entries: Vec::new(),
        notes: Vec::new(),
    };
    let mut last_row_entries = 0;
    for row in body {
        let code_text = columns
            .iter()
            .position(|column| matches!(column, Column::Code { .. }))
            .and_then(|j| row.cell(j))
            .map(|(_, text)| text);
        if let Some(message) = code_text.and_then(code::too_large_at_start) {
            errors.push(CodeError {
                offset: row.row.cells.first().map_or(0, |cell| cell.offset),
                message,
            });
            continue;
        }
        let made = row_entries(row, &columns, section);
        if !made.is_empty() {
            last_row_entries = made.len();
            found.entries.extend(made);
            continue;
        }
        if continues_above(row, width) && last_row_entries > 0 {
            let start = found.entries.len() - last_row_entries;
            let fields = continuation_fields(row, &columns);
            for entry in &mut found.entries[start..] {
                entry.fields.extend(fields.iter().cloned());
            }
            continue;
        }
        last_row_entries = 0;
        if let Some(first) = row.row.cells.first() {
            let mut note_rows: Vec<Row> = header.into_iter().map(|h| h.row.clone()).collect();
            note_rows.push(row.row.clone());
            found
                .notes
                .push(Block::new(first.offset, BlockKind::Table(note_rows)));
        }
    }
    (!found.entries.is_empty()).then_some(found)
}

/// The header row (a marked one, or a first row without codes) and the body rows.
fn split_header<'t, 'r>(
    rows: &'t [TextRow<'r>],
) -> Option<(Option<&'t TextRow<'r>>, &'t [TextRow<'r>])> {
    let (first, rest) = rows.split_first()?;
    let first_has_codes = first
        .texts
        .iter()
        .any(|text| !cell_codes(text, false).is_empty());
    if first.row.header || (!first_has_codes && !rest.is_empty()) {
        Some((Some(first), rest))
    } else {
        Some((None, rows))
    }
}

fn contains_any(header: &str, words: &[&str]) -> bool {
    let header = normalize(header);
    words.iter().any(|word| header.contains(word))
}

/// How well a column holds codes: mostly with digits, under a header naming codes, leftmost.
type CodeColumnScore = (bool, bool, usize);

/// The column of codes, if any, and the first code of each of its cells that has one.
fn code_column(headers: &[String], rows: &[&TextRow<'_>]) -> Option<(usize, Vec<CodeToken>)> {
    let mut best: Option<(CodeColumnScore, usize, Vec<CodeToken>)> = None;
    for (j, header) in headers.iter().enumerate() {
        if normalize(header).contains("http") {
            continue;
        }
        let hex = contains_any(header, HEX_HEADER_WORDS);
        let cells: Vec<&str> = rows
            .iter()
            .filter_map(|row| row.cell(j))
            .map(|(_, text)| text)
            .filter(|text| !cell_is_empty(text))
            .collect();
        // The first code of each cell that has one; a column stops being read once most of
        // its cells have none (a column of descriptions is not parsed to its end).
        let mut carriers: Vec<CodeToken> = Vec::new();
        let mut without = 0;
        for text in &cells {
            match cell_codes(text, hex).into_iter().next() {
                Some(first) => carriers.push(first),
                None => without += 1,
            }
            if without * 2 > cells.len() {
                break;
            }
        }
        if carriers.is_empty() || without * 2 > cells.len() {
            continue;
        }
        let mut distinct: Vec<&str> = carriers.iter().map(|c| c.written.as_str()).collect();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() * 2 < carriers.len() {
            continue;
        }
        let digits = carriers.iter().filter(|c| c.shape.has_digits()).count() * 2 >= carriers.len();
        if !digits && carriers.len() * 3 < cells.len() * 2 {
            continue;
        }
        let named = contains_any(header, CODE_HEADER_WORDS);
        if carriers.len() < 2 && !named {
            // One code in a table that does not name a code column: a layout table's text.
            continue;
        }
        let score = (digits, named, usize::MAX - j);
        if best
            .as_ref()
            .is_none_or(|(best_score, ..)| score > *best_score)
        {
            best = Some((score, j, carriers));
        }
    }
    best.map(|(_, j, firsts)| (j, firsts))
}

/// What each column holds, given the column of codes and the first code of its cells.
fn columns(
    headers: &[String],
    rows: &[&TextRow<'_>],
    code_column: usize,
    codes: &[CodeToken],
) -> Vec<Column> {
    let hex = contains_any(&headers[code_column], HEX_HEADER_WORDS);
    let code_has_digits =
        codes.iter().filter(|code| code.shape.has_digits()).count() * 2 >= codes.len();
    let symbol = code_has_digits
        .then(|| symbol_column(headers, rows, code_column))
        .flatten();
    let mut seen = Vec::new();
    let mut columns: Vec<Column> = headers
        .iter()
        .enumerate()
        .map(|(j, header)| {
            if j == code_column {
                return Column::Code {
                    hex,
                    names: !code_has_digits,
                };
            }
            if Some(j) == symbol {
                return Column::Symbol;
            }
            let kind = if header.is_empty() {
                FieldKind::Other
            } else {
                field_kind(header)
            };
            let kind = if kind != FieldKind::Other && seen.contains(&kind) {
                FieldKind::Other
            } else {
                kind
            };
            seen.push(kind);
            Column::Field(kind, header.clone())
        })
        .collect();
    let has_short_text = columns.iter().any(|column| {
        matches!(
            column,
            Column::Field(FieldKind::Message | FieldKind::Title, _)
        )
    });
    let next = code_column + 1;
    if !has_short_text
        && let Some(Column::Field(FieldKind::Other | FieldKind::Causes, header)) = columns.get(next)
        && holds_titles(rows, next)
    {
        columns[next] = Column::Field(FieldKind::Title, header.clone());
    }
    columns
}

/// A column of different identifiers beside the codes: the nearest one, a header that names a
/// name first.
fn symbol_column(headers: &[String], rows: &[&TextRow<'_>], code_column: usize) -> Option<usize> {
    (0..headers.len())
        .filter(|&j| j != code_column && holds_symbols(rows, j))
        .min_by_key(|&j| {
            (
                !contains_any(&headers[j], NAME_HEADER_WORDS),
                j.abs_diff(code_column),
            )
        })
}

fn column_texts(rows: &[&TextRow<'_>], column: usize) -> Vec<String> {
    rows.iter()
        .filter_map(|row| row.cell(column))
        .map(|(_, text)| cell_text(text))
        .filter(|text| !text.is_empty())
        .collect()
}

/// Most cells are one identifier each (`AV_ERR_FAILED`, `success`, `pkg/apic/ErrX`), mostly
/// different, and most of them look like names rather than words.
fn holds_symbols(rows: &[&TextRow<'_>], column: usize) -> bool {
    let cells = column_texts(rows, column);
    if cells.is_empty() {
        return false;
    }
    let single = cells.iter().filter(|text| is_symbol_text(text)).count();
    let named = cells
        .iter()
        .filter(|text| {
            is_symbol_text(text)
                && (code::code(text)
                    .is_some_and(|code| !code.shape.has_digits() || code.shape == Shape::Alnum)
                    || text.bytes().any(|byte| matches!(byte, b'_' | b'/' | b'.')))
        })
        .count();
    let mut distinct = cells.clone();
    distinct.sort_unstable();
    distinct.dedup();
    single * 5 >= cells.len() * 4
        && named * 2 >= cells.len()
        && distinct.len() * 5 >= cells.len() * 4
}

/// ASCII letters, digits and `_./:-~` only, a letter among them. (A byte loop: every cell of
/// every column is asked.)
fn is_symbol_text(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() > MAX_SYMBOL_CELL {
        return false;
    }
    let mut has_letter = false;
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'a'..=b'z' | b'A'..=b'Z' => has_letter = true,
            b'0'..=b'9' | b'_' | b'.' | b'/' | b':' | b'-' | b'~' => {}
            _ => return false,
        }
        index += 1;
    }
    has_letter
}

/// Short, different phrases written as titles: `Continue`, `Switching Protocols`.
fn holds_titles(rows: &[&TextRow<'_>], column: usize) -> bool {
    let cells = column_texts(rows, column);
    if cells.len() < 2 {
        return false;
    }
    let short = cells
        .iter()
        .filter(|text| {
            text.split_whitespace().count() <= MAX_TITLE_WORDS
                && !text.ends_with(['.', '。'])
                && text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || !c.is_ascii())
        })
        .count();
    let mut distinct = cells.clone();
    distinct.sort_unstable();
    distinct.dedup();
    short * 5 >= cells.len() * 4 && distinct.len() * 5 >= cells.len() * 4
}

fn row_entries(row: &TextRow<'_>, columns: &[Column], section: Option<usize>) -> Vec<FoundEntry> {
    let Some((code_index, hex, names)) =
        columns
            .iter()
            .enumerate()
            .find_map(|(j, column)| match column {
                Column::Code { hex, names } => Some((j, *hex, *names)),
                _ => None,
            })
    else {
        return Vec::new();
    };
    let Some((code_cell, code_text)) = row.cell(code_index) else {
        return Vec::new();
    };
    let mut codes = cell_codes(code_text, hex);
    if codes.is_empty()
        && names
        && let Some(named) = named_in_words(code_text)
    {
        codes.push(named);
    }
    if codes.is_empty() {
        return Vec::new();
    }
    let mut template = FoundEntry {
        list: 0,
        code: codes[0].code.clone(),
        written: codes[0].written.clone(),
        offset: row
            .row
            .cells
            .first()
            .map_or(code_cell.offset, |cell| cell.offset),
        section,
        symbol: None,
        title: None,
        anchor: None,
        fields: Vec::new(),
    };
    if codes.len() == 1 {
        // A code cell such as `433<br>TimeLimitReached` also names the code.
        let remainder = lines(code_text)[1..].join(" ");
        if !remainder.is_empty() {
            if is_symbol_text(&remainder) {
                template.symbol = Some(remainder);
            } else {
                template.title = Some(remainder);
            }
        }
    }
    for ((cell, text), column) in row.cells().zip(columns) {
        match column {
            Column::Code { .. } => {}
            Column::Symbol => {
                let text = cell_text(text);
                if !text.is_empty() {
                    template.symbol = Some(text);
                }
            }
            Column::Field(kind, label) => {
                let blocks = unquote(&cell.blocks);
                let empty = match &blocks {
                    Cow::Borrowed(_) => cell_is_empty(text),
                    Cow::Owned(unquoted) => blocks_text(unquoted).trim_space().is_empty(),
                };
                if empty {
                    continue;
                }
                if *kind == FieldKind::Title && template.title.is_none() {
                    template.title = Some(cell_text(text));
                    continue;
                }
                let kind = if *kind == FieldKind::Title {
                    FieldKind::Other
                } else {
                    *kind
                };
                template.fields.push(FoundField {
                    kind,
                    label: label.clone(),
                    offset: cell.offset,
                    blocks: blocks.into_owned(),
                });
            }
        }
    }
    template
        .fields
        .extend(row.cells().skip(columns.len()).filter_map(extra_field));
    codes
        .into_iter()
        .map(|code| FoundEntry {
            list: 0,
            code: code.code,
            written: code.written,
            ..template.clone()
        })
        .collect()
}

/// In a column of names (`AccessDenied`, `NoSuchKey`), a short phrase in the code's place is
/// the code as written (`Request has expired`).
fn named_in_words(text: &str) -> Option<CodeToken> {
    let text = cell_text(text);
    let phrase = !text.is_empty()
        && text.len() <= MAX_SYMBOL_CELL
        && text.split_whitespace().count() <= MAX_TITLE_WORDS
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '_')
        && text.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    phrase.then(|| CodeToken {
        code: Code::Text(text.clone()),
        written: text,
        shape: Shape::Camel,
        range: 0..0,
    })
}

/// A cell beyond the header's columns: an unlabelled field, never the message or the title.
fn extra_field((cell, text): (&Cell, &str)) -> Option<FoundField> {
    (!cell_is_empty(text)).then(|| FoundField {
        kind: FieldKind::Other,
        label: String::new(),
        offset: cell.offset,
        blocks: cell.blocks.clone(),
    })
}

/// How many cells of a row hold text or come before one that does.
fn filled(row: &TextRow<'_>) -> usize {
    row.texts
        .iter()
        .rposition(|text| !cell_is_empty(text))
        .map_or(0, |last| last + 1)
}

/// A row whose text fills fewer cells than the header from its first cell on: the rest of a row
/// above whose first cells spanned it.
fn continues_above(row: &TextRow<'_>, width: usize) -> bool {
    filled(row) < width && row.texts.first().is_some_and(|text| !cell_is_empty(text))
}

/// The cells of a row that continues the entry above: they fill the last columns.
fn continuation_fields(row: &TextRow<'_>, columns: &[Column]) -> Vec<FoundField> {
    let filled = filled(row);
    let skip = columns.len().saturating_sub(filled);
    row.cells()
        .take(filled)
        .zip(&columns[skip..])
        .filter(|((_, text), _)| !cell_is_empty(text))
        .map(|((cell, _), column)| {
            let (kind, label) = match column {
                Column::Field(FieldKind::Title, label) => (FieldKind::Other, label.clone()),
                Column::Field(kind, label) => (*kind, label.clone()),
                _ => (FieldKind::Other, String::new()),
            };
            FoundField {
                kind,
                label,
                offset: cell.offset,
                blocks: unquote(&cell.blocks).into_owned(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::recognise;
    use super::*;
    use crate::catalog::Code;
    use crate::read::{Format, read};

    fn page(text: &str, format: Format) -> Vec<FoundEntry> {
        recognise(&read(text, format)).entries
    }

    fn field(entry: &FoundEntry, kind: FieldKind) -> String {
        entry
            .field(kind)
            .map(|f| blocks_text(&f.blocks))
            .unwrap_or_default()
    }

    #[test]
    fn value_column_beats_name_column_and_names_become_symbols() {
        let found = page(
            "| Error Code Name | Error Code Value | Description | Reason | Solution\n|---|---|---|---|---|\n| AV_ERR_FAILED | 1 | General error | \"Find it\" | Analyze log\n| AV_ERR_BUSY | 2 | Busy | x | y\n",
            Format::Markdown,
        );
        assert_eq!(found[0].code, Code::Int(1));
        assert_eq!(found[0].symbol.as_deref(), Some("AV_ERR_FAILED"));
        assert_eq!(field(&found[0], FieldKind::Description), "General error");
        assert_eq!(field(&found[0], FieldKind::Causes), "Find it");
        assert_eq!(field(&found[0], FieldKind::Solutions), "Analyze log");
    }

    #[test]
    fn the_code_column_is_found_by_content() {
        let found = page(
            "| 错误定义 | 16进制错误值 | 10进制错误值 | 错误含义 |\n|---|---|---|---|\n| ERROR\\_SERVER\\_NO\\_RESPONSE | 20010001 | 536936449 | 服务器返回数据为空。 |\n| ERROR\\_NO\\_MATCH | 2001010A | 536936714 | 没有找到。 |\n",
            Format::Markdown,
        );
        assert_eq!(found[0].written, "20010001");
        assert_eq!(found[0].code, Code::Int(0x20010001));
        assert_eq!(found[1].code, Code::Int(0x2001010A));
        assert_eq!(found[0].symbol.as_deref(), Some("ERROR_SERVER_NO_RESPONSE"));
    }

    #[test]
    fn http_status_columns_are_never_codes_and_symbols_are_codes() {
        let found = page(
            "| HTTP Status Code | Error Code | Description |\n|---|---|---|\n| 403 | AccessDenied | Denied |\n| 404 | NoSuchKey | Missing |\n",
            Format::Markdown,
        );
        assert_eq!(found[0].code, Code::Text("AccessDenied".into()));
        assert_eq!(found[1].code, Code::Text("NoSuchKey".into()));
    }

    #[test]
    fn code_cells_with_a_symbol_and_rows_without_codes() {
        let html = "<table><thead><tr><th>状态码及状态消息</th><th>说明</th><th>解决方法</th></tr></thead><tbody><tr><td>433<br>TimeLimitReached</td><td>超时。</td><td><ul><li>检查。</li><li>调整。</li></ul></td></tr><tr><td>430<br>User code exception</td><td>异常。</td><td>-</td></tr><tr><td>其他</td><td>x</td><td>y</td></tr></tbody></table>";
        let page = recognise(&read(html, Format::Html));
        let found = &page.entries;
        assert_eq!(found[0].code, Code::Int(433));
        assert_eq!(found[0].symbol.as_deref(), Some("TimeLimitReached"));
        assert_eq!(field(&found[0], FieldKind::Solutions), "- 检查。\n- 调整。");
        assert_eq!(found[1].title.as_deref(), Some("User code exception"));
        assert_eq!(page.preamble.len(), 1, "the row without a code is kept");
    }

    /// The texts of an entry's unlabelled fields.
    fn other_fields(entry: &FoundEntry) -> Vec<String> {
        entry
            .fields
            .iter()
            .filter(|f| f.kind == FieldKind::Other)
            .map(|f| blocks_text(&f.blocks))
            .collect()
    }

    #[test]
    fn cells_beyond_the_header_never_become_the_message() {
        let found = page(
            "| Code | Description | Solution |\n|---|---|---|\n| 101 | Too many cells | Fix it | extra | more |\n| 102 | Fine | Ok |\n",
            Format::Markdown,
        );
        assert_eq!(field(&found[0], FieldKind::Description), "Too many cells");
        assert_eq!(other_fields(&found[0]), ["extra", "more"]);
        assert_eq!(found[0].title, None);
    }

    #[test]
    fn a_pipe_in_a_code_span_spills_cells_that_stay_extra() {
        // GFM splits at every unescaped `|`, inside code spans too.
        let found = page(
            "| Code | Message | Solution |\n|---|---|---|\n| 101 | Use `a|b` here | Fix it |\n| 102 | Fine | Ok |\n",
            Format::Markdown,
        );
        assert_eq!(field(&found[0], FieldKind::Message), "Use `a");
        assert_eq!(field(&found[0], FieldKind::Solutions), "b` here");
        assert_eq!(other_fields(&found[0]), ["Fix it"]);
        assert_eq!(found[0].title, None);
        let escaped = page(
            "| Code | Message | Solution |\n|---|---|---|\n| 101 | Use `a\\|b` here | Fix it |\n| 102 | Fine | Ok |\n",
            Format::Markdown,
        );
        assert_eq!(field(&escaped[0], FieldKind::Message), "Use a|b here");
        assert_eq!(field(&escaped[0], FieldKind::Solutions), "Fix it");
    }

    #[test]
    fn several_codes_in_a_cell_and_rows_that_continue_the_one_above() {
        let found = page(
            "| Code | Message | Description |\n|---|---|---|\n| <ul><li>0x01</li><li>0x02</li></ul> | Bad | Two codes |\n| 0x03 | Denied | First reason |\n| Expired | Second reason |\n",
            Format::Markdown,
        );
        let codes: Vec<&str> = found.iter().map(|e| e.written.as_str()).collect();
        assert_eq!(codes, ["0x01", "0x02", "0x03"]);
        assert_eq!(found[1].fields.len(), 2);
        let continued: Vec<String> = found[2]
            .fields
            .iter()
            .map(|f| blocks_text(&f.blocks))
            .collect();
        assert_eq!(
            continued,
            ["Denied", "First reason", "Expired", "Second reason"]
        );
    }

    #[test]
    fn reason_phrases_are_titles() {
        let found = page(
            "code | reason | description\n---: | --- | ---\n`100` | Continue | \"indicates that the request goes on.\"\n`101` | Switching Protocols | \"indicates an upgrade.\"\n`1xx` | **Informational** | class\n",
            Format::Markdown,
        );
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].title.as_deref(), Some("Switching Protocols"));
    }

    #[test]
    fn tables_without_a_code_column_are_prose() {
        let found = page(
            "| Parameter | Type |\n|---|---|\n| name | string |\n| `code` | number |\n",
            Format::Markdown,
        );
        assert!(found.is_empty());
    }
}

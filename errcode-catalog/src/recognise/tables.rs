//! The table layout: any table with a column of codes.
//!
//! The code column is chosen by header and content together: its header names a code (`Error
//! Code`, `Value`, `错误码`, but never an HTTP status column) and most of its cells hold one
//! code, numeric preferred over symbolic (so `Error Code Value` beats `Error Code Name` when
//! both exist, while a column headed `Error Code Name` that holds numbers is the code column).
//! Other columns map to fields by header; a column of identifiers headed like a name is the
//! symbol. A row without a code is kept as a note of its section.

use super::code::{integer, symbolic};
use super::labels::{field_kind, normalize};
use super::{FoundEntry, FoundField};
use crate::catalog::{Code, FieldKind};
use crate::document::{Block, BlockKind, Cell, Inline, Row, blocks_text};

/// Words of a header that names the code column.
const CODE_HEADER_WORDS: &[&str] = &["code", "value", "errno", "码", "返回值", "编号"];

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

/// Longest cell of a symbol column that is still read as a code.
const MAX_SYMBOL_CELL: usize = 80;

/// What a table gave: entries, and rows without a code kept as notes.
pub(crate) struct TableEntries {
    pub(crate) entries: Vec<FoundEntry>,
    pub(crate) notes: Vec<Block>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CodeKind {
    Integer,
    Symbol,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Column {
    Code,
    Symbol,
    FoundField(FieldKind, String),
}

/// The entries of a table, or `None` when it has no column of codes.
pub(crate) fn entries(rows: &[Row], section: Option<usize>) -> Option<TableEntries> {
    let (header, body) = split_header(rows)?;
    let width = rows.iter().map(|row| row.cells.len()).max().unwrap_or(0);
    if width < 2 || body.is_empty() {
        return None;
    }
    let headers: Vec<String> = (0..width)
        .map(|j| {
            header
                .and_then(|row| row.cells.get(j))
                .map(cell_text)
                .unwrap_or_default()
        })
        .collect();
    let (code_column, code_kind) = code_column(&headers, body, header.is_some())?;
    let columns = columns(&headers, body, code_column);
    let mut found = TableEntries {
        entries: Vec::new(),
        notes: Vec::new(),
    };
    for row in body {
        match row_entry(row, &columns, code_kind, section) {
            Some(entry) => found.entries.push(entry),
            None => {
                let Some(first) = row.cells.first() else {
                    continue;
                };
                let mut note_rows: Vec<Row> = header.into_iter().cloned().collect();
                note_rows.push(row.clone());
                found
                    .notes
                    .push(Block::new(first.offset, BlockKind::Table(note_rows)));
            }
        }
    }
    (!found.entries.is_empty()).then_some(found)
}

/// The header row (a marked one, or a first row without codes) and the body rows.
fn split_header(rows: &[Row]) -> Option<(Option<&Row>, &[Row])> {
    let (first, rest) = rows.split_first()?;
    let first_has_codes = first
        .cells
        .iter()
        .any(|cell| integer(&first_line(cell)).is_some());
    if first.header || (!first_has_codes && !rest.is_empty()) {
        Some((Some(first), rest))
    } else {
        Some((None, rows))
    }
}

fn cell_text(cell: &Cell) -> String {
    blocks_text(&cell.blocks)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn first_line(cell: &Cell) -> String {
    blocks_text(&cell.blocks)
        .lines()
        .next()
        .unwrap_or("")
        .trim()
        .to_owned()
}

fn contains_any(header: &str, words: &[&str]) -> bool {
    let header = normalize(header);
    words.iter().any(|word| header.contains(word))
}

fn is_http(header: &str) -> bool {
    normalize(header).contains("http")
}

/// The best column of codes: a code header (or no header row at all), at least half its cells
/// codes, integers before symbols, then the higher share of codes.
fn code_column(headers: &[String], body: &[Row], has_header: bool) -> Option<(usize, CodeKind)> {
    let mut best: Option<(usize, CodeKind, usize, usize)> = None;
    for (j, header) in headers.iter().enumerate() {
        if is_http(header) || (has_header && !contains_any(header, CODE_HEADER_WORDS)) {
            continue;
        }
        let cells: Vec<String> = body
            .iter()
            .filter_map(|row| row.cells.get(j))
            .map(first_line)
            .filter(|t| !t.is_empty())
            .collect();
        let integers = cells.iter().filter(|text| integer(text).is_some()).count();
        let symbols = cells.iter().filter(|text| symbolic(text).is_some()).count();
        let (kind, count) = if integers * 2 >= cells.len() && integers > 0 {
            (CodeKind::Integer, integers)
        } else if has_header && symbols * 2 >= cells.len() && symbols > 0 {
            (CodeKind::Symbol, symbols)
        } else {
            continue;
        };
        let better = match best {
            None => true,
            Some((_, best_kind, best_count, best_total)) => {
                (kind == CodeKind::Integer && best_kind == CodeKind::Symbol)
                    || (kind == best_kind && count * best_total > best_count * cells.len())
            }
        };
        if better {
            best = Some((j, kind, count, cells.len()));
        }
    }
    best.map(|(j, kind, ..)| (j, kind))
}

/// What each column holds.
fn columns(headers: &[String], body: &[Row], code_column: usize) -> Vec<Column> {
    let mut seen = Vec::new();
    let mut unnamed = [FieldKind::Message, FieldKind::Description].into_iter();
    let mut has_symbol = false;
    headers
        .iter()
        .enumerate()
        .map(|(j, header)| {
            if j == code_column {
                return Column::Code;
            }
            if !has_symbol && contains_any(header, NAME_HEADER_WORDS) && holds_symbols(body, j) {
                has_symbol = true;
                return Column::Symbol;
            }
            let kind = if header.is_empty() {
                unnamed.next().unwrap_or(FieldKind::Other)
            } else {
                field_kind(header)
            };
            let kind = if kind != FieldKind::Other && seen.contains(&kind) {
                FieldKind::Other
            } else {
                kind
            };
            seen.push(kind);
            Column::FoundField(kind, header.clone())
        })
        .collect()
}

fn holds_symbols(body: &[Row], column: usize) -> bool {
    let cells: Vec<String> = body
        .iter()
        .filter_map(|row| row.cells.get(column))
        .map(cell_text)
        .filter(|text| !text.is_empty())
        .collect();
    let symbols = cells.iter().filter(|text| symbolic(text).is_some()).count();
    !cells.is_empty() && symbols * 5 >= cells.len() * 4
}

fn row_entry(
    row: &Row,
    columns: &[Column],
    code_kind: CodeKind,
    section: Option<usize>,
) -> Option<FoundEntry> {
    let code_index = columns.iter().position(|column| *column == Column::Code)?;
    let code_cell = row.cells.get(code_index)?;
    let code_text = blocks_text(&code_cell.blocks);
    let mut lines = code_text.lines();
    let first = lines.next().unwrap_or("").trim();
    let code: Code = match code_kind {
        CodeKind::Integer => integer(first)?,
        // In a column of symbols every cell is a code, even one written as words
        // (`Request has expired` among `AccessDenied` and `RequestTimeTooSkewed`).
        CodeKind::Symbol if !first.is_empty() && first.len() <= MAX_SYMBOL_CELL => {
            Code::Text(first.to_owned())
        }
        CodeKind::Symbol => return None,
    };
    let mut entry = FoundEntry {
        code,
        offset: row
            .cells
            .first()
            .map_or(code_cell.offset, |cell| cell.offset),
        section,
        symbol: None,
        title: None,
        anchor: None,
        fields: Vec::new(),
    };
    // A code cell such as `433<br>TimeLimitReached` also names the code.
    let remainder = lines
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if !remainder.is_empty() {
        if symbolic(&remainder).is_some() {
            entry.symbol = Some(remainder);
        } else {
            entry.title = Some(remainder);
        }
    }
    for (cell, column) in row.cells.iter().zip(columns) {
        match column {
            Column::Code => {}
            Column::Symbol => {
                let text = cell_text(cell);
                if !text.is_empty() {
                    entry.symbol = Some(text);
                }
            }
            Column::FoundField(kind, label) => {
                let blocks = unquote(&cell.blocks);
                if blocks_text(&blocks).trim().is_empty() {
                    continue;
                }
                if *kind == FieldKind::Title && entry.title.is_none() {
                    entry.title = Some(cell_text(cell));
                    continue;
                }
                let kind = if *kind == FieldKind::Title {
                    FieldKind::Other
                } else {
                    *kind
                };
                entry.fields.push(FoundField {
                    kind,
                    label: label.clone(),
                    offset: cell.offset,
                    blocks,
                });
            }
        }
    }
    // Cells beyond the header's columns are kept as unlabelled fields.
    for cell in row.cells.iter().skip(columns.len()) {
        if !cell_text(cell).is_empty() {
            let field = FoundField {
                kind: FieldKind::Other,
                label: String::new(),
                offset: cell.offset,
                blocks: cell.blocks.clone(),
            };
            entry.fields.push(field);
        }
    }
    Some(entry)
}

/// `"Report to customer service"`: quotes around a whole cell are not part of its text.
fn unquote(blocks: &[Block]) -> Vec<Block> {
    let mut blocks = blocks.to_vec();
    let [
        Block {
            kind: BlockKind::Paragraph(inlines),
            ..
        },
    ] = blocks.as_mut_slice()
    else {
        return blocks;
    };
    let text = crate::document::inline_text(inlines);
    let text = text.trim();
    let quoted = text.len() >= 2
        && text.starts_with('"')
        && text.ends_with('"')
        && text.matches('"').count() == 2;
    let ends_are_text = matches!(inlines.first(), Some(Inline::Text(_)))
        && matches!(inlines.last(), Some(Inline::Text(_)));
    if !quoted || !ends_are_text {
        return blocks;
    }
    if let Some(Inline::Text(first)) = inlines.first_mut() {
        *first = first.trim_start().trim_start_matches('"').to_owned();
    }
    if let Some(Inline::Text(last)) = inlines.last_mut() {
        *last = last.trim_end().trim_end_matches('"').to_owned();
    }
    inlines.retain(|inline| !matches!(inline, Inline::Text(text) if text.is_empty()));
    blocks
}

#[cfg(test)]
mod tests {
    use super::super::recognise;
    use super::*;
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
            "| Error Code Name | Error Code Value | Description | Reason | Solution\n|---|---|---|---|---|\n| AV_ERR_FAILED | 1 | General error | \"Find it\" | Analyze log\n",
            Format::Markdown,
        );
        assert_eq!(found[0].code, Code::Int(1));
        assert_eq!(found[0].symbol.as_deref(), Some("AV_ERR_FAILED"));
        assert_eq!(field(&found[0], FieldKind::Description), "General error");
        assert_eq!(field(&found[0], FieldKind::Causes), "Find it");
        assert_eq!(field(&found[0], FieldKind::Solutions), "Analyze log");
    }

    #[test]
    fn a_name_header_holding_numbers_is_the_code_column() {
        let found = page(
            "| Error Code Name | Error Description | Solution |\n|---|---|---|\n| 30000000 | Failed to resolve | \"Check the fields\"\n| 30000001\t| Missing\t| Report |\n",
            Format::Markdown,
        );
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].code, Code::Int(30000001));
        assert_eq!(field(&found[1], FieldKind::Description), "Missing");
        assert_eq!(field(&found[0], FieldKind::Solutions), "Check the fields");
    }

    #[test]
    fn http_columns_are_never_codes_and_symbols_are_codes() {
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

    #[test]
    fn tables_without_a_code_column_are_prose() {
        let found = page(
            "| Parameter | Type |\n|---|---|\n| name | string |\n",
            Format::Markdown,
        );
        assert!(found.is_empty());
    }
}

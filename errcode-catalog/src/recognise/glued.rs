//! Glued rows: a two-column table that a browser flattened when the page was saved as text.
//!
//! The header line is the column names run together (`CodeDescription`); each row is a code
//! run into its text (`1Invalid Request — command name not recognized`). The text before
//! ` — ` is the message (what a device returns as its short description), the rest the
//! description.

use super::code;
use super::labels::field_kind;
use super::{CodeError, FoundEntry, FoundField};
use crate::catalog::{Code, FieldKind};
use crate::document::{Block, BlockKind, Inline, inline_text};
use crate::white_space::TrimSpace;

/// Header words that name the code column, as a browser glues them.
const CODE_HEADERS: &[&str] = &["Error Code", "ErrorCode", "Code", "错误码"];

/// The separator between a row's message and its description.
const MESSAGE_SEPARATOR: &str = " — ";

/// The entries of a glued table starting at `blocks[0]`, and how many blocks it spans; a code
/// too large for any integer type is an error in `errors`.
pub(crate) fn entries(
    blocks: &[&Block],
    section: Option<usize>,
    errors: &mut Vec<CodeError>,
) -> Option<(Vec<FoundEntry>, usize)> {
    let header = paragraph_text(blocks.first()?)?;
    let label = text_label(&header)?;
    let mut entries = Vec::new();
    for block in &blocks[1..] {
        let Some(text) = paragraph_text(block) else {
            break;
        };
        match row(&text, block.offset, &label, section) {
            Some(Ok(entry)) => entries.push(entry),
            Some(Err(message)) => errors.push(CodeError {
                offset: block.offset,
                message,
            }),
            None => break,
        }
    }
    let consumed = entries.len() + 1;
    (!entries.is_empty()).then_some((entries, consumed))
}

fn paragraph_text(block: &Block) -> Option<String> {
    match &block.kind {
        BlockKind::Paragraph(inlines) => Some(inline_text(inlines)),
        _ => None,
    }
}

/// `CodeDescription` → `Description`: a code header glued to the label of a text column.
fn text_label(header: &str) -> Option<String> {
    let header = header.trim_space();
    CODE_HEADERS.iter().find_map(|code| {
        let rest = header.strip_prefix(code)?;
        let starts_word = rest
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_ascii());
        let is_text_column = matches!(
            field_kind(rest),
            FieldKind::Message | FieldKind::Description | FieldKind::Title
        );
        (starts_word && is_text_column && !rest.contains(char::is_whitespace))
            .then(|| rest.to_owned())
    })
}

/// `15Missing Required Parameters` → code 15 and its text, or the error for a code too large.
fn row(
    text: &str,
    offset: usize,
    label: &str,
    section: Option<usize>,
) -> Option<Result<FoundEntry, String>> {
    let text = text.trim_space();
    let sign_len = usize::from(text.starts_with('-'));
    let digits = text[sign_len..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    if digits == 0 {
        return None;
    }
    let code_len = sign_len + digits;
    let value = match code::number(&text[..code_len])? {
        Ok(value) => value,
        Err(()) => return Some(Err(code::too_large(&text[..code_len]))),
    };
    let rest = text[code_len..].trim_space();
    let text_offset = offset + code_len;
    let (message, description) = match rest.split_once(MESSAGE_SEPARATOR) {
        Some((message, description)) => (message.trim_space(), Some(description.trim_space())),
        None => (rest, None),
    };
    let paragraph = |text: &str| {
        vec![Block::new(
            text_offset,
            BlockKind::Paragraph(vec![Inline::Text(text.to_owned())]),
        )]
    };
    let mut fields = Vec::new();
    if !message.is_empty() {
        let field = FoundField {
            kind: FieldKind::Message,
            label: label.to_owned(),
            offset: text_offset,
            blocks: paragraph(message),
        };
        fields.push(field);
    }
    if let Some(description) = description.filter(|d| !d.is_empty()) {
        let field = FoundField {
            kind: FieldKind::Description,
            label: label.to_owned(),
            offset: text_offset,
            blocks: paragraph(description),
        };
        fields.push(field);
    }
    Some(Ok(FoundEntry {
        list: 0,
        code: Code::Int(value),
        written: text[..code_len].to_owned(),
        offset,
        section,
        symbol: None,
        title: None,
        fields,
        anchor: None,
    }))
}

#[cfg(test)]
mod tests {
    use super::super::recognise;
    use super::*;
    use crate::document::blocks_text;
    use crate::read::{Format, read};

    #[test]
    fn glued_rows_under_a_glued_header() {
        let page = recognise(&read(
            "Base Error Codes\n\nThese apply.\n\nCodeDescription\n0Successful\n1Invalid Request — command name not recognized\n15Missing Required Parameters\n\nAudio Error Codes\n\nCodeDescription\n101Audio not working\n",
            Format::Text,
        ));
        let codes: Vec<&Code> = page.entries.iter().map(|e| &e.code).collect();
        assert_eq!(
            codes,
            [
                &Code::Int(0),
                &Code::Int(1),
                &Code::Int(15),
                &Code::Int(101)
            ]
        );
        let invalid = &page.entries[1];
        assert_eq!(
            blocks_text(&invalid.field(FieldKind::Message).unwrap().blocks),
            "Invalid Request"
        );
        assert_eq!(
            blocks_text(&invalid.field(FieldKind::Description).unwrap().blocks),
            "command name not recognized"
        );
        assert_eq!(page.sections.len(), 2);
        assert_eq!(page.entries[3].section, Some(1));
        assert_eq!(page.sections[0].intro.len(), 1);
    }

    #[test]
    fn a_glued_code_too_large_is_an_error_naming_it() {
        let page = recognise(&read(
            "CodeDescription\n1Fine\n99999999999999999999Foo\n",
            Format::Text,
        ));
        assert_eq!(page.entries.len(), 1);
        assert_eq!(page.errors.len(), 1);
        assert!(
            page.errors[0]
                .message
                .starts_with("code `99999999999999999999` is too large"),
            "{}",
            page.errors[0].message
        );
    }

    #[test]
    fn only_glued_headers_start_a_table() {
        assert_eq!(
            text_label("CodeDescription").as_deref(),
            Some("Description")
        );
        assert_eq!(text_label("Code Description"), None);
        assert_eq!(text_label("Codex"), None);
    }
}

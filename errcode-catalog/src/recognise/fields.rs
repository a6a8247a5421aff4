//! The body of an entry split into labelled fields, whatever form the labels take: label
//! paragraphs (`**Error Message**`, `**错误信息**<br>text`, `<p><strong>错误信息</strong></p>`),
//! `Label: text` lines, label sub-headings (`### Cause`), list items that start with a label
//! (`- 错误消息：…`) and definition terms (`Status description:: …`). Text before the first
//! label describes the entry. No block of the body is dropped.

use super::FoundField;
use super::labels::{
    ends_with_colon, field_kind, is_known_label, starts_with_colon, trim_end_colons,
};
use crate::catalog::FieldKind;
use crate::document::{Block, BlockKind, Inline, inline_text};
use crate::white_space::TrimSpace;

/// Longest text, in characters, that a bold paragraph may have and still be a label.
const MAX_LABEL_CHARS: usize = 60;

/// Longest label, in characters, of a `Label: text` line outside the exact vocabulary
/// (`问题原因：…`, named by a keyword of the vocabulary).
const MAX_KEYWORD_LABEL_CHARS: usize = 8;

/// The fields of an entry's body.
pub(crate) fn fields(body: &[&Block]) -> Vec<FoundField> {
    let mut preface: Vec<Block> = Vec::new();
    let mut fields: Vec<FoundField> = Vec::new();
    for block in unfold(body) {
        if matches!(block.kind, BlockKind::Comment(_)) {
            continue;
        }
        if let Some((label, rest)) = label_of(block) {
            let blocks = if rest.is_empty() {
                Vec::new()
            } else {
                vec![Block::new(block.offset, BlockKind::Paragraph(rest))]
            };
            fields.push(FoundField {
                kind: field_kind(&label),
                label,
                offset: block.offset,
                blocks,
            });
            continue;
        }
        // Copied from the page only here: a label's block is read, not kept.
        match fields.last_mut() {
            Some(field) => field.blocks.push(block.clone()),
            None => preface.push(block.clone()),
        }
    }
    unlabel_empty_fields(&mut fields, &mut preface);
    if let Some(first) = preface.first() {
        // Text before the first label describes the entry when nothing else does.
        let kind = if fields.iter().any(|f| f.kind == FieldKind::Description) {
            FieldKind::Other
        } else {
            FieldKind::Description
        };
        let field = FoundField {
            kind,
            label: String::new(),
            offset: first.offset,
            blocks: preface,
        };
        fields.insert(0, field);
    }
    fields
}

/// The body with lists whose items start with labels unfolded into their blocks, so that each
/// label starts a field (`- 错误消息：…` then `问题原因：…` inside the same item).
fn unfold<'d>(body: &[&'d Block]) -> Vec<&'d Block> {
    let mut blocks = Vec::new();
    for &block in body {
        match &block.kind {
            BlockKind::List { items, .. }
                if !items.is_empty()
                    && items
                        .iter()
                        .all(|item| item.first().and_then(label_of).is_some()) =>
            {
                blocks.extend(items.iter().flatten());
            }
            _ => blocks.push(block),
        }
    }
    blocks
}

/// A bold paragraph with no content after it and outside the vocabulary was emphasis, not a
/// label: it goes back into the text before it.
fn unlabel_empty_fields(fields: &mut Vec<FoundField>, preface: &mut Vec<Block>) {
    let mut index = 0;
    while index < fields.len() {
        let field = &fields[index];
        if field.kind == FieldKind::Other && field.blocks.is_empty() {
            let emphasis = vec![Inline::Strong(vec![Inline::Text(field.label.clone())])];
            let paragraph = Block::new(field.offset, BlockKind::Paragraph(emphasis));
            fields.remove(index);
            match index.checked_sub(1) {
                Some(previous) => fields[previous].blocks.push(paragraph),
                None => preface.push(paragraph),
            }
        } else {
            index += 1;
        }
    }
}

/// The label a block starts, and the text that follows the label in the same block.
pub(crate) fn label_of(block: &Block) -> Option<(String, Vec<Inline>)> {
    match &block.kind {
        BlockKind::Heading { content, .. } => {
            let label = inline_text(content);
            let label = trim_end_colons(label.trim_space()).trim_space();
            (!label.is_empty()).then(|| (label.to_owned(), Vec::new()))
        }
        BlockKind::Paragraph(inlines) => strong_label(inlines).or_else(|| prose_label(inlines)),
        _ => None,
    }
}

/// `**Label**`, `**Label**<br>text`, `**Label**: text` or `**Label:** text`.
fn strong_label(inlines: &[Inline]) -> Option<(String, Vec<Inline>)> {
    let (Inline::Strong(inner), rest) = inlines.split_first()? else {
        return None;
    };
    let text = inline_text(inner);
    let text = text.trim_space();
    let colon_inside = ends_with_colon(text);
    let label = trim_end_colons(text).trim_space();
    if label.is_empty() || label.contains('\n') || label.chars().count() > MAX_LABEL_CHARS {
        return None;
    }
    let rest = match rest.split_first() {
        None => Vec::new(),
        Some((Inline::Break, after)) => after.to_vec(),
        Some((Inline::Text(text), after)) if starts_with_colon(text.trim_space_start()) => {
            let stripped = text.trim_space_start().trim_start_matches([':', '：']);
            with_leading_text(stripped, after)
        }
        Some(_) if colon_inside => trim_leading_space(rest),
        Some(_) => return None,
    };
    Some((label.to_owned(), rest))
}

/// `Error Message: text` for labels of the vocabulary, and `问题原因：text` for short labels
/// named by one of its keywords.
fn prose_label(inlines: &[Inline]) -> Option<(String, Vec<Inline>)> {
    let (Inline::Text(first), after) = inlines.split_first()? else {
        return None;
    };
    let colon = label_colon(first)?;
    let label = first[..colon].trim_space();
    let keyword_label = label.chars().count() <= MAX_KEYWORD_LABEL_CHARS
        && !label.contains(' ')
        && field_kind(label) != FieldKind::Other;
    if !is_known_label(label) && !keyword_label {
        return None;
    }
    let colon_len = first[colon..].chars().next().map_or(1, char::len_utf8);
    let mut rest = with_leading_text(&first[colon + colon_len..], after);
    if rest.first() == Some(&Inline::Break) {
        rest.remove(0);
    }
    Some((label.to_owned(), rest))
}

/// Where the colon that ends a label is: the first `:` or `：` within the label's length
/// ([`MAX_LABEL_CHARS`], the same bound as a bold label's). Every paragraph is asked, so the
/// search stops there instead of reading to the end of its text.
fn label_colon(text: &str) -> Option<usize> {
    const FULL_WIDTH_COLON: &[u8] = "：".as_bytes();
    let bytes = text.as_bytes();
    let (mut chars, mut index) = (0, 0);
    while index < bytes.len() {
        let byte = bytes[index];
        if byte == b':'
            || (byte == FULL_WIDTH_COLON[0] && bytes[index..].starts_with(FULL_WIDTH_COLON))
        {
            return Some(index);
        }
        index += 1;
        // A byte that does not continue a character starts one.
        if byte & 0xC0 != 0x80 {
            chars += 1;
            if chars > MAX_LABEL_CHARS {
                return None;
            }
        }
    }
    None
}

fn with_leading_text(text: &str, after: &[Inline]) -> Vec<Inline> {
    let mut rest = Vec::with_capacity(after.len() + 1);
    let text = text.trim_space_start();
    if !text.is_empty() {
        rest.push(Inline::Text(text.to_owned()));
    }
    rest.extend_from_slice(after);
    rest
}

fn trim_leading_space(inlines: &[Inline]) -> Vec<Inline> {
    match inlines.split_first() {
        Some((Inline::Text(text), after)) => with_leading_text(text, after),
        _ => inlines.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_colon_is_found_only_within_a_label_s_length() {
        assert_eq!(label_colon("错误信息：text"), Some(12));
        assert_eq!(label_colon("Error Message: a: b"), Some(13));
        let long = format!("{}: text", "x".repeat(MAX_LABEL_CHARS));
        assert_eq!(label_colon(&long), Some(MAX_LABEL_CHARS));
        let longer = format!("{}: text", "x".repeat(MAX_LABEL_CHARS + 1));
        assert_eq!(label_colon(&longer), None);
    }
    use crate::document::blocks_text;
    use crate::read::{Format, read};

    fn texts(markdown: &str) -> Vec<(FieldKind, String, String)> {
        let document = read(markdown, Format::Markdown);
        let body: Vec<&Block> = document.blocks.iter().collect();
        fields(&body)
            .iter()
            .map(|f| (f.kind, f.label.clone(), blocks_text(&f.blocks)))
            .collect()
    }

    #[test]
    fn bold_labels_split_the_body() {
        assert_eq!(
            texts(
                "**Error Message**\n\nOperation not allowed.\n\n**Possible Cause**\n\n1. One.\n2. Two.\n\n**Solution**\n\nRetry.\n"
            ),
            [
                (
                    FieldKind::Message,
                    "Error Message".into(),
                    "Operation not allowed.".into()
                ),
                (
                    FieldKind::Causes,
                    "Possible Cause".into(),
                    "1. One.\n2. Two.".into()
                ),
                (FieldKind::Solutions, "Solution".into(), "Retry.".into()),
            ]
        );
    }

    #[test]
    fn labels_with_breaks_colons_and_trailing_spaces() {
        let fields = texts(
            "**错误信息** \n\nPermission denied.\n\n**错误描述**<br>描述。\n\nError Message: inline text\n\n**Solution:** Do it.\n",
        );
        assert_eq!(
            fields[0],
            (
                FieldKind::Message,
                "错误信息".into(),
                "Permission denied.".into()
            )
        );
        assert_eq!(
            fields[1],
            (FieldKind::Description, "错误描述".into(), "描述。".into())
        );
        assert_eq!(
            fields[2],
            (
                FieldKind::Message,
                "Error Message".into(),
                "inline text".into()
            )
        );
        assert_eq!(
            fields[3],
            (FieldKind::Solutions, "Solution".into(), "Do it.".into())
        );
    }

    #[test]
    fn list_items_that_start_with_labels() {
        let fields = texts(
            "-   错误消息：Access denied.\n\n    问题原因：没有权限。\n\n    解决方案：\n\n    -   确认权限。\n-   错误消息：Forbidden.\n",
        );
        let kinds: Vec<FieldKind> = fields.iter().map(|f| f.0).collect();
        assert_eq!(
            kinds,
            [
                FieldKind::Message,
                FieldKind::Causes,
                FieldKind::Solutions,
                FieldKind::Message
            ]
        );
        assert_eq!(fields[0].2, "Access denied.");
        assert_eq!(fields[2].2, "- 确认权限。");
        assert_eq!(fields[3].2, "Forbidden.");
    }

    #[test]
    fn text_before_labels_is_the_description_or_an_unlabelled_field() {
        assert_eq!(
            texts("Only prose here.\n"),
            [(
                FieldKind::Description,
                String::new(),
                "Only prose here.".into()
            )]
        );
        assert_eq!(
            texts("Similar to 1.\n\n**Description**\n\nD.\n")[0],
            (FieldKind::Other, String::new(), "Similar to 1.".into())
        );
        assert_eq!(
            texts("**NOTE**\n\n**Error Message**\n\nM.\n")[0],
            (FieldKind::Description, String::new(), "NOTE".into())
        );
    }

    #[test]
    fn sentences_with_a_colon_are_not_labels() {
        assert_eq!(
            texts("The reason is simple: retry.\n")[0].0,
            FieldKind::Description
        );
    }
}

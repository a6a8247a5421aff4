//! The heading-per-code layout: `## 7400101 Invalid Parameter`, then label paragraphs
//! (`**Error Message**`, `Error Message: ...`, `<p><strong>错误信息</strong></p>`) that split
//! the body into fields.

use super::code::leading_integer;
use super::labels::{field_kind, is_known_label};
use super::{FoundEntry, FoundField};
use crate::catalog::{Code, FieldKind};
use crate::document::{Block, BlockKind, Inline, inline_text};

/// Longest inline code at the start of a heading that is read as a symbolic code.
const MAX_SYMBOL_CHARS: usize = 80;

/// Longest text, in characters, that a bold paragraph may have and still be a label.
const MAX_LABEL_CHARS: usize = 60;

/// Characters that separate a code from its title (`401 - Denied`, `401：拒绝`).
const TITLE_SEPARATORS: &[char] = &[':', '：', '-', '–', '—', '|', '.', '、'];

/// The code and title of an entry heading.
pub(crate) struct EntryHeading {
    code: Code,
    title: Option<String>,
}

/// The code and title if `block` is a heading that starts with a code.
pub(crate) fn entry_heading(block: &Block) -> Option<EntryHeading> {
    let BlockKind::Heading { content, .. } = &block.kind else {
        return None;
    };
    let text = inline_text(content);
    let (code, rest) = match content.first() {
        // A symbolic code is recognised when the heading writes it as code: `## `AccessDenied``.
        Some(Inline::Code(symbol))
            if !symbol.trim().is_empty() && symbol.len() <= MAX_SYMBOL_CHARS =>
        {
            (
                Code::Text(symbol.trim().to_owned()),
                inline_text(&content[1..]),
            )
        }
        _ => {
            let (code, rest) = leading_integer(&text)?;
            (code, rest.to_owned())
        }
    };
    let title = rest.trim().trim_start_matches(TITLE_SEPARATORS).trim();
    Some(EntryHeading {
        code,
        title: (!title.is_empty()).then(|| title.to_owned()),
    })
}

/// Builds the entry from its heading and body (the blocks up to the next heading of the same
/// or a higher level).
pub(crate) fn entry(
    heading: EntryHeading,
    block: &Block,
    body: &[&Block],
    section: Option<usize>,
) -> FoundEntry {
    let mut preface: Vec<Block> = Vec::new();
    let mut fields: Vec<FoundField> = Vec::new();
    for block in body {
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
        match fields.last_mut() {
            Some(field) => field.blocks.push((*block).clone()),
            None => preface.push((*block).clone()),
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
    let anchor = match &block.kind {
        BlockKind::Heading { id: Some(id), .. } => Some(id.clone()),
        BlockKind::Heading { content, .. } => Some(slug(&inline_text(content))),
        _ => None,
    };
    FoundEntry {
        code: heading.code,
        offset: block.offset,
        section,
        symbol: None,
        title: heading.title,
        fields,
        anchor,
    }
}

/// The id GitHub, Gitee and Docusaurus give a heading: lower case, punctuation removed, spaces
/// as hyphens (`7400101 Invalid Parameter` → `7400101-invalid-parameter`).
fn slug(text: &str) -> String {
    text.trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c.to_lowercase().next().unwrap_or(c)),
            _ => None,
        })
        .collect()
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
fn label_of(block: &Block) -> Option<(String, Vec<Inline>)> {
    match &block.kind {
        BlockKind::Heading { content, .. } => {
            let label = inline_text(content);
            let label = label.trim().trim_end_matches([':', '：']).trim();
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
    let text = text.trim();
    let colon_inside = text.ends_with([':', '：']);
    let label = text.trim_end_matches([':', '：']).trim();
    if label.is_empty() || label.contains('\n') || label.chars().count() > MAX_LABEL_CHARS {
        return None;
    }
    let rest = match rest.split_first() {
        None => Vec::new(),
        Some((Inline::Break, after)) => after.to_vec(),
        Some((Inline::Text(text), after)) if text.trim_start().starts_with([':', '：']) => {
            let stripped = text.trim_start().trim_start_matches([':', '：']);
            with_leading_text(stripped, after)
        }
        Some(_) if colon_inside => trim_leading_space(rest),
        Some(_) => return None,
    };
    Some((label.to_owned(), rest))
}

/// `Error Message: text`, for labels of the vocabulary only.
fn prose_label(inlines: &[Inline]) -> Option<(String, Vec<Inline>)> {
    let (Inline::Text(first), after) = inlines.split_first()? else {
        return None;
    };
    let colon = first.find([':', '：'])?;
    let label = first[..colon].trim();
    if !is_known_label(label) {
        return None;
    }
    let colon_len = first[colon..].chars().next().map_or(1, char::len_utf8);
    let mut rest = with_leading_text(&first[colon + colon_len..], after);
    if rest.first() == Some(&Inline::Break) {
        rest.remove(0);
    }
    Some((label.to_owned(), rest))
}

fn with_leading_text(text: &str, after: &[Inline]) -> Vec<Inline> {
    let mut rest = Vec::with_capacity(after.len() + 1);
    let text = text.trim_start();
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
    use super::super::recognise;
    use super::*;
    use crate::document::blocks_text;
    use crate::read::{Format, read};

    fn entries(page: &str, format: Format) -> Vec<FoundEntry> {
        recognise(&read(page, format)).entries
    }

    fn texts(entry: &FoundEntry) -> Vec<(FieldKind, String, String)> {
        entry
            .fields
            .iter()
            .map(|f| (f.kind, f.label.clone(), blocks_text(&f.blocks)))
            .collect()
    }

    #[test]
    fn bold_labels_split_the_body() {
        let found = entries(
            "## 7400102 Invalid Operation\n\n**Error Message**\n\nOperation not allowed.\n\n**Possible Cause**\n\n1. One.\n2. Two.\n\n**Solution**\n\nRetry.\n",
            Format::Markdown,
        );
        assert_eq!(found[0].title.as_deref(), Some("Invalid Operation"));
        assert_eq!(
            texts(&found[0]),
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
    fn symbolic_codes_written_as_code_start_an_entry() {
        let found = entries(
            "## `AuthFailure.SignatureExpire` Signature expired\n\n## Overview\n",
            Format::Markdown,
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].code,
            Code::Text("AuthFailure.SignatureExpire".into())
        );
        assert_eq!(found[0].title.as_deref(), Some("Signature expired"));
    }

    #[test]
    fn labels_with_breaks_colons_and_trailing_spaces() {
        let found = entries(
            "## 201 权限校验失败\n\n**错误信息** \n\nPermission denied.\n\n**错误描述**<br>描述。\n\nError Message: inline text\n\n**Solution:** Do it.\n",
            Format::Markdown,
        );
        let fields = texts(&found[0]);
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
    fn html_headings_with_chrome_and_nested_strong_labels() {
        let page = r#"<h2 id="s1">1007200001 参数无效<i class="anchor-icon" tips="x"></i></h2><div class="device-list"><span>支持设备</span><span>Phone</span></div><p><strong><strong>错误信息</strong></strong></p> <p>Invalid parameter value.</p><p><strong>可能原因</strong></p><p>1、参数数量错误。</p><p>2、通话状态错误。</p>"#;
        let found = entries(page, Format::Html);
        assert_eq!(found[0].code, Code::Int(1007200001));
        assert_eq!(found[0].title.as_deref(), Some("参数无效"));
        let fields = texts(&found[0]);
        assert_eq!(
            fields[0],
            (
                FieldKind::Message,
                "错误信息".into(),
                "Invalid parameter value.".into()
            )
        );
        assert_eq!(fields[1].2, "1、参数数量错误。\n2、通话状态错误。");
    }

    #[test]
    fn text_before_labels_is_the_description_or_an_unlabelled_field() {
        let found = entries(
            "## 1 First\n\nOnly prose here.\n\n## 2 Second\n\nSimilar to 1.\n\n**Description**\n\nD.\n\n## 3\n\n**NOTE**\n\n**Error Message**\n\nM.\n",
            Format::Markdown,
        );
        assert_eq!(
            texts(&found[0]),
            [(
                FieldKind::Description,
                String::new(),
                "Only prose here.".into()
            )]
        );
        assert_eq!(
            texts(&found[1])[0],
            (FieldKind::Other, String::new(), "Similar to 1.".into())
        );
        assert_eq!(found[2].title, None);
        assert_eq!(
            texts(&found[2])[0],
            (FieldKind::Description, String::new(), "NOTE".into())
        );
    }
}

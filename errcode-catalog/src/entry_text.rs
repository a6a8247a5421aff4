//! What an entry says, as the runtime keeps it: plain strings for the message and description,
//! one string per cause and per solution step, and the other labelled fields.

use std::borrow::Cow;

use crate::catalog::{ExtraField, FieldKind};
use crate::document::{Block, BlockKind, Inline, blocks_text};
use crate::recognise::{FoundEntry, FoundField};
use crate::white_space::TrimSpace;

/// The plain texts of one entry, as the catalog and the runtime keep them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntryText {
    /// The title (heading text after the code, or a title column); empty when none.
    pub title: String,
    /// The message field, else the title, else the description, else the first text.
    pub message: String,
    /// The description field.
    pub description: Option<String>,
    /// Each cause.
    pub causes: Vec<String>,
    /// Each solution step.
    pub solutions: Vec<String>,
    /// The fields under other labels.
    pub fields: Vec<ExtraField>,
}

/// The items of a causes or solutions field, and whether the page numbered them.
pub(crate) struct Items<'a> {
    /// Borrowed from the field where a list holds them.
    pub(crate) items: Vec<Cow<'a, [Block]>>,
    pub(crate) numbered: bool,
}

impl EntryText {
    /// The texts of an entry as found on its page.
    pub fn of(entry: &FoundEntry) -> Self {
        let title = entry.title.clone().unwrap_or_default();
        let mut message = None;
        let mut description = None;
        let mut causes = Vec::new();
        let mut solutions = Vec::new();
        let mut fields = Vec::new();
        for field in &entry.fields {
            // Causes and solutions are read item by item; only the other fields need their
            // text whole.
            match field.kind {
                FieldKind::Causes => causes.extend(item_texts(field)),
                FieldKind::Solutions => solutions.extend(item_texts(field)),
                FieldKind::Message if message.is_none() => message = Some(field_text(field)),
                FieldKind::Description if description.is_none() => {
                    description = Some(field_text(field));
                }
                _ => fields.push(ExtraField {
                    label: field.label.clone(),
                    text: field_text(field),
                }),
            }
        }
        // The page's only text may sit under another label ("Cause and Solution"): a message
        // is better than none.
        let first_text = || entry.fields.iter().map(field_text).find(|t| !t.is_empty());
        // A page that gives no message field names the error in its title (`### -1000 未知错误`,
        // a table's reason phrase) and explains it in the description.
        let message = message
            .filter(|m| !m.is_empty())
            .or_else(|| Some(title.clone()).filter(|t| !t.is_empty()))
            .or_else(|| description.clone().filter(|d| !d.is_empty()))
            .or_else(first_text)
            .unwrap_or_default();
        EntryText {
            title,
            message,
            description,
            causes,
            solutions,
            fields,
        }
    }
}

fn field_text(field: &FoundField) -> String {
    blocks_text(&field.blocks).trim_space().to_owned()
}

fn item_texts(field: &FoundField) -> Vec<String> {
    items(&field.blocks)
        .items
        .iter()
        .map(|item| blocks_text(item).trim_space().to_owned())
        .filter(|text| !text.is_empty())
        .collect()
}

/// Splits a field into items: each list item, and each paragraph (a leading `1.`, `1、`, `(1)`
/// numbering is taken off and marks the items as numbered). Code blocks, tables and quotes
/// belong to the item before them.
pub(crate) fn items(blocks: &[Block]) -> Items<'_> {
    let mut items: Vec<Cow<'_, [Block]>> = Vec::new();
    let mut numbered = false;
    for block in blocks {
        match &block.kind {
            BlockKind::List {
                start,
                items: list_items,
            } => {
                numbered |= start.is_some();
                items.extend(list_items.iter().map(|item| Cow::Borrowed(item.as_slice())));
            }
            BlockKind::Paragraph(inlines) => {
                let (inlines, was_numbered) = strip_numbering(inlines);
                numbered |= was_numbered;
                items.push(Cow::Owned(vec![Block::new(
                    block.offset,
                    BlockKind::Paragraph(inlines),
                )]));
            }
            BlockKind::Comment(_) => {}
            _ => match items.last_mut() {
                Some(last) => last.to_mut().push(block.clone()),
                None => items.push(Cow::Owned(vec![block.clone()])),
            },
        }
    }
    Items { items, numbered }
}

/// `1、参数错误` → `参数错误`; `(2) text`, `3. text`, `4) text` alike.
fn strip_numbering(inlines: &[Inline]) -> (Vec<Inline>, bool) {
    let Some((Inline::Text(first), rest)) = inlines.split_first() else {
        return (inlines.to_vec(), false);
    };
    let Some(stripped) = numbering_end(first).map(|end| first[end..].trim_space_start()) else {
        return (inlines.to_vec(), false);
    };
    let mut out = Vec::with_capacity(inlines.len());
    if !stripped.is_empty() {
        out.push(Inline::Text(stripped.to_owned()));
    }
    out.extend_from_slice(rest);
    if out.is_empty() {
        return (inlines.to_vec(), false);
    }
    (out, true)
}

fn numbering_end(text: &str) -> Option<usize> {
    let (open, body) = match text.chars().next()? {
        c @ ('(' | '（') => (c.len_utf8(), &text[c.len_utf8()..]),
        _ => (0, text),
    };
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let after = &body[digits..];
    let close = after.chars().next()?;
    let expected: &[char] = if open > 0 {
        &[')', '）']
    } else {
        &['.', '、', ')', '）', '．']
    };
    if !expected.contains(&close) {
        return None;
    }
    let end = open + digits + close.len_utf8();
    // `1.5 seconds` is a number, not numbering.
    let next = text[end..].chars().next();
    (close != '.' || !next.is_some_and(|c| c.is_ascii_digit())).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{Format, read};
    use crate::recognise::recognise;

    fn text_of(markdown: &str) -> EntryText {
        EntryText::of(&recognise(&read(markdown, Format::Markdown)).entries[0])
    }

    #[test]
    fn message_falls_back_to_title_then_description() {
        let with_message =
            text_of("## 1 Title\n\n**Error Message**\n\nM.\n\n**Description**\n\nD.\n");
        assert_eq!(with_message.message, "M.");
        assert_eq!(with_message.description.as_deref(), Some("D."));
        let no_message = text_of("## 1 Title\n\n**Description**\n\nD.\n");
        assert_eq!(no_message.message, "Title");
        let no_title = text_of("## 1\n\n**Description**\n\nD.\n");
        assert_eq!(no_title.message, "D.");
        let title_only = text_of("## 1 Title\n");
        assert_eq!(title_only.message, "Title");
        let other_only =
            text_of("| Code | Cause and Solution |\n|---|---|\n| 7 | Check the network. |\n");
        assert_eq!(other_only.message, "Check the network.");
    }

    #[test]
    fn causes_become_items_without_their_numbers() {
        let text = text_of(
            "## 1 T\n\n**可能原因**\n\n1、参数错误。\n\n2、状态错误。\n\n**Solution**\n\n1. Check:\n   ```\n   hdc shell\n   ```\n2. Retry.\n\n**Applicable Version**\n\n9+\n",
        );
        assert_eq!(text.causes, ["参数错误。", "状态错误。"]);
        assert_eq!(text.solutions, ["Check:\nhdc shell", "Retry."]);
        assert_eq!(
            text.fields,
            [ExtraField {
                label: "Applicable Version".into(),
                text: "9+".into()
            }]
        );
    }

    #[test]
    fn numbering_is_recognised_only_when_it_is_numbering() {
        assert_eq!(numbering_end("1、x"), Some(4));
        assert_eq!(numbering_end("(2) x"), Some(3));
        assert_eq!(numbering_end("3. x"), Some(2));
        assert_eq!(numbering_end("1.5 seconds"), None);
        assert_eq!(numbering_end("1.定时重试"), Some(2));
        assert_eq!(numbering_end("2023 was"), None);
    }
}

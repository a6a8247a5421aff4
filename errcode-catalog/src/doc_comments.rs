//! What the rustdoc of an enum and of each variant says, and in which order.
//!
//! A variant's docs open with its summary (`**Title**: message`), then every field of the
//! entry under the page's own label, causes and solutions as lists, and close with the code,
//! symbol, section and source line. Nothing of the entry is left out: the test in
//! `tests/` checks that every word of each entry's section of the page reaches its docs.

use crate::catalog::{FieldKind, Metadata};
use crate::document::{Block, BlockKind};
use crate::entry_text::{EntryText, items};
use crate::recognise::{FoundEntry, FoundField, Section};
use crate::render::{Renderer, code_span, escape_text};

/// Where an entry comes from, for the closing line of its docs.
pub(crate) struct Origin<'a> {
    /// The code as the page writes it (`0x0003`).
    pub(crate) code: &'a str,
    pub(crate) symbol: Option<&'a str>,
    pub(crate) section: Option<&'a str>,
    pub(crate) position: String,
}

/// The rustdoc Markdown of a variant: its parts, each a paragraph or more, written into one
/// string with a blank line between them.
pub(crate) fn variant(
    renderer: &Renderer<'_>,
    entry: &FoundEntry,
    text: &EntryText,
    origin: &Origin<'_>,
) -> String {
    let mut docs = String::new();
    let summary_field = summary_field(entry);
    let message = match summary_field.map(|field| &field.blocks[0].kind) {
        Some(BlockKind::Paragraph(inlines)) => renderer.inlines(inlines),
        _ => escape_text(&text.message.replace('\n', " "), false),
    };
    let title = escape_text(&text.title, false);
    if title.is_empty() {
        docs.push_str(&message);
    } else {
        push_strong(&mut docs, &title);
        if !message.is_empty() && text.title != text.message {
            docs.push_str(": ");
            docs.push_str(&message);
        }
    }
    for field in &entry.fields {
        if summary_field.is_some_and(|summary| std::ptr::eq(summary, field)) {
            continue;
        }
        let body = field_body(renderer, field);
        if body.is_empty() && field.label.is_empty() {
            continue;
        }
        start_part(&mut docs);
        if !field.label.is_empty() {
            push_strong(&mut docs, &escape_text(&field.label, false));
            if !body.is_empty() {
                docs.push_str("\n\n");
            }
        }
        docs.push_str(&body);
    }
    start_part(&mut docs);
    push_origin_line(&mut docs, origin);
    docs
}

/// The blank line before a part, unless it is the first.
fn start_part(docs: &mut String) {
    if !docs.is_empty() {
        docs.push_str("\n\n");
    }
}

fn push_strong(docs: &mut String, text: &str) {
    docs.push_str("**");
    docs.push_str(text);
    docs.push_str("**");
}

/// The field whose one paragraph is the summary: the message, else the description it stands
/// in for. It is not repeated below the summary.
fn summary_field(entry: &FoundEntry) -> Option<&FoundField> {
    let single_paragraph = |field: &&FoundField| {
        matches!(
            field.blocks.as_slice(),
            [Block {
                kind: BlockKind::Paragraph(_),
                ..
            }]
        )
    };
    let non_empty = |kind| {
        entry
            .fields
            .iter()
            .find(|field| field.kind == kind && !field.blocks.is_empty())
    };
    non_empty(FieldKind::Message)
        .or_else(|| non_empty(FieldKind::Description))
        .filter(single_paragraph)
}

fn field_body(renderer: &Renderer<'_>, field: &FoundField) -> String {
    match field.kind {
        FieldKind::Causes | FieldKind::Solutions => {
            let found = items(&field.blocks);
            renderer.list(&found.items, found.numbered, 1)
        }
        _ => renderer.blocks(&field.blocks),
    }
}

fn push_origin_line(docs: &mut String, origin: &Origin<'_>) {
    docs.push_str("Code ");
    docs.push_str(&code_span(origin.code));
    if let Some(symbol) = origin.symbol {
        docs.push_str(" · symbol ");
        docs.push_str(&code_span(symbol));
    }
    if let Some(section) = origin.section {
        docs.push_str(" · section *");
        docs.push_str(&escape_text(section, false));
        docs.push('*');
    }
    docs.push_str(" · source ");
    docs.push_str(&code_span(&origin.position));
}

/// The text of an entry that lost a duplicate conflict (`duplicates = "first"`), appended to
/// the docs of the one kept.
pub(crate) fn superseded(docs: &str, position: &str) -> String {
    format!(
        "**Also documented at {}:**\n\n{}",
        code_span(position),
        quote(docs)
    )
}

fn quote(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            if line.is_empty() {
                ">".to_owned()
            } else {
                format!("> {line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What an enum's docs are made of.
pub(crate) struct EnumDocs<'a> {
    pub(crate) title: Option<&'a str>,
    pub(crate) preamble: &'a [Block],
    pub(crate) metadata: &'a [Metadata],
    pub(crate) sections: Vec<&'a Section>,
    pub(crate) source: &'a str,
    pub(crate) entries: usize,
}

/// The rustdoc Markdown of an enum.
pub(crate) fn enumeration(renderer: &Renderer<'_>, docs: &EnumDocs<'_>) -> String {
    let mut parts = Vec::new();
    parts.push(match docs.title {
        Some(title) => escape_text(title, true),
        None => format!("Error codes of {}.", code_span(docs.source)),
    });
    parts.push(renderer.blocks(docs.preamble));
    if !docs.metadata.is_empty() {
        let list: Vec<String> = docs
            .metadata
            .iter()
            .map(|m| {
                format!(
                    "- **{}**: {}",
                    escape_text(&m.key, false),
                    escape_text(&m.value, false)
                )
            })
            .collect();
        parts.push(list.join("\n"));
    }
    for section in &docs.sections {
        if docs.title == Some(section.title.as_str()) {
            parts.push(renderer.blocks(&section.intro));
        } else {
            let intro = renderer.blocks(&section.intro);
            let heading = format!("**{}**", escape_text(&section.title, false));
            parts.push(if intro.is_empty() {
                heading
            } else {
                format!("{heading}\n\n{intro}")
            });
        }
    }
    let noun = if docs.entries == 1 {
        "entry"
    } else {
        "entries"
    };
    parts.push(format!(
        "Generated by errcode from {} ({} {noun}).",
        code_span(docs.source),
        docs.entries
    ));
    parts.retain(|part| !part.is_empty());
    parts.join("\n\n")
}

//! Entries that are list items, definitions or paragraphs: `- [Error 1000: hashchk](e1000.md)`,
//! `<dt>ZIP_ER_CLOSE</dt><dd>Closing zip archive failed.</dd>`, `- {{HTTPStatus(100, "100
//! Continue")}}` with its definition nested below, `**QuotaExceededException**` followed by its
//! text, a name paragraph, `1 (0x1)` and the message.
//!
//! A list (definition lists are lists whose items start with their term) is a list of entries
//! when its items are, by the rule of `lead`; a list whose items lead with links into the page
//! itself is navigation. A run of paragraphs is one when at least two of them lead with a code
//! that stands as a name: each such paragraph starts an entry, the blocks after it up to the
//! next are its body.
//!
//! (Long because lists, definitions and paragraph runs share their lead and body rules; 127 of its 446 lines are tests.)

use super::code::{CodeToken, Shape};
use super::labels::{ends_with_colon, starts_with_colon};
use super::lead::{self, Lead, Named};
use super::{FoundEntry, fields};
use crate::document::{Block, BlockKind, Inline};
use crate::white_space::TrimSpace;

/// Most words a paragraph's lead may have after a number and still name an entry rather than
/// start a sentence.
const MAX_TITLE_WORDS: usize = 8;

/// What a list gave: entries, and the items that are not entries, as a list of their own.
pub(crate) struct ListEntries {
    pub(crate) entries: Vec<FoundEntry>,
    pub(crate) rest: Option<Block>,
}

/// The entries of a list, or `None` when it is not a list of entries.
pub(crate) fn list(block: &Block, section: Option<usize>) -> Option<ListEntries> {
    let BlockKind::List { start, items } = &block.kind else {
        return None;
    };
    let split: Vec<Option<(Lead, Vec<Block>)>> =
        items.iter().map(|item| split_item(item)).collect();
    if split.iter().flatten().any(|(lead, _)| lead.text.is_empty()) {
        return None;
    }
    let leads: Vec<Lead> = split
        .iter()
        .map(|item| {
            item.as_ref()
                .map_or_else(|| Lead::of_text(""), |(lead, _)| lead.clone())
        })
        .collect();
    let named = lead::run(&leads, lead::Units::Items);
    if named.iter().all(Option::is_none) {
        return None;
    }
    let named_numbers = named_numbers(&split, &named);
    let mut found = ListEntries {
        entries: Vec::new(),
        rest: None,
    };
    let mut others = Vec::new();
    for (((item, split), named), named_number) in
        items.iter().zip(split).zip(named).zip(named_numbers)
    {
        match (split, named) {
            (Some((_, body)), Some(named)) => {
                let offset = item.first().map_or(block.offset, |b| b.offset);
                let (named, body) = match named_number {
                    Some((number, body)) => (
                        Named {
                            codes: vec![number],
                            symbol: named.codes.first().map(|name| name.written.clone()),
                            title: None,
                        },
                        body,
                    ),
                    None => (named, body),
                };
                let body: Vec<&Block> = body.iter().collect();
                found
                    .entries
                    .extend(entries(&named, offset, &body, section));
            }
            _ => others.push(item.clone()),
        }
    }
    if !others.is_empty() {
        let kind = BlockKind::List {
            start: *start,
            items: others,
        };
        found.rest = Some(Block::new(block.offset, kind));
    }
    Some(found)
}

/// For each item, the number that opens its body when the item names only a name
/// (`ERROR_WINHTTP_TIMEOUT`, then `12002` on a line of its own): that number is the code and the
/// name its symbol, as in `E_WIDGET_BUSY (12)`. Only when most named items are written so.
fn named_numbers(
    split: &[Option<(Lead, Vec<Block>)>],
    named: &[Option<Named>],
) -> Vec<Option<(CodeToken, Vec<Block>)>> {
    let numbers: Vec<Option<(CodeToken, Vec<Block>)>> = split
        .iter()
        .zip(named)
        .map(|(split, named)| {
            let (_, body) = split.as_ref()?;
            let named = named.as_ref()?;
            let only_a_name = named.codes.len() == 1
                && !named.codes[0].shape.has_digits()
                && named.symbol.is_none()
                && named.title.is_none();
            only_a_name.then(|| opening_number(body)).flatten()
        })
        .collect();
    let items = named.iter().flatten().count();
    if numbers.iter().flatten().count() * 2 > items {
        numbers
    } else {
        vec![None; split.len()]
    }
}

/// The number alone at the start of a body (a paragraph, or the first item of a list), and the
/// body without it.
fn opening_number(body: &[Block]) -> Option<(CodeToken, Vec<Block>)> {
    let (first, after) = body.split_first()?;
    let lone_number = |blocks: &[Block]| -> Option<CodeToken> {
        let [block] = blocks else { return None };
        let lead = paragraph_lead_text(block)?;
        let named = lead::lone(&lead)?;
        let number = named.codes.into_iter().next()?;
        (number.shape == Shape::Number && named.title.is_none()).then_some(number)
    };
    let mut rest = Vec::new();
    let number = match &first.kind {
        BlockKind::Paragraph(_) => lone_number(std::slice::from_ref(first))?,
        BlockKind::List { start, items } => {
            let (opening, others) = items.split_first()?;
            let number = lone_number(opening)?;
            match others {
                [] => {}
                // `<dl><dt>12002</dt><dt>The request has timed out.</dt></dl>`: the text.
                [only] => rest.extend(only.iter().cloned()),
                _ => {
                    let kind = BlockKind::List {
                        start: *start,
                        items: others.to_vec(),
                    };
                    rest.push(Block::new(first.offset, kind));
                }
            }
            number
        }
        _ => return None,
    };
    rest.extend(after.iter().cloned());
    Some((number, rest))
}

/// The entries of a run of paragraphs starting at `blocks[0]`, and how many blocks they span.
pub(crate) fn paragraphs(
    blocks: &[&Block],
    section: Option<usize>,
) -> Option<(Vec<FoundEntry>, usize)> {
    // The run ends at the first heading or table; lists and code blocks belong to bodies.
    let end = blocks
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Heading { .. } | BlockKind::Table(_)))
        .unwrap_or(blocks.len());
    let run = &blocks[..end];
    // The run must start here: the walk asks again at every paragraph, so looking further when
    // the first paragraph leads nothing would make a page of prose quadratic.
    paragraph_lead(run, 0)?;
    let mut starts: Vec<(usize, Named, usize)> = Vec::new();
    let mut index = 0;
    while index < run.len() {
        if let Some((named, span)) = paragraph_lead(run, index) {
            starts.push((index, named, span));
            index += span;
        } else {
            index += 1;
        }
    }
    if starts.len() < 2 || starts[0].0 != 0 {
        return None;
    }
    let mut entries = Vec::new();
    for (position, (start, named, span)) in starts.iter().enumerate() {
        let next = starts
            .get(position + 1)
            .map_or(run.len(), |(next, ..)| *next);
        let mut body: Vec<Block> = Vec::new();
        if let Some(rest) = rest_of_lead(run[*start]) {
            body.push(rest);
        }
        body.extend(run[start + span..next].iter().map(|block| (*block).clone()));
        let body: Vec<&Block> = body.iter().collect();
        entries.extend(self::entries(named, run[*start].offset, &body, section));
    }
    Some((entries, run.len()))
}

/// A paragraph that leads an entry, and how many paragraphs its lead takes: one, or two for a
/// name paragraph followed by a number paragraph (`ERROR_FILE_NOT_FOUND`, then `2 (0x2)`).
fn paragraph_lead(run: &[&Block], index: usize) -> Option<(Named, usize)> {
    let lead = paragraph_lead_text(run[index])?;
    let named = lead::lone(&lead).or_else(|| lead::standing(&lead))?;
    let code = &named.codes[0];
    if code.shape == Shape::Number
        && named.title.as_deref().is_some_and(|title| {
            title.split_whitespace().count() > MAX_TITLE_WORDS || title.ends_with(['.', '。'])
        })
    {
        // `404 errors are returned when...`: a sentence, not an entry.
        return None;
    }
    if !code.shape.has_digits()
        && let Some(next) = run.get(index + 1).and_then(|b| paragraph_lead_text(b))
        && let Some(number) = lead::lone(&next)
        && number.codes[0].shape == Shape::Number
    {
        let paired = Named {
            codes: number.codes,
            symbol: Some(code.written.clone()),
            title: named.title,
        };
        return Some((paired, 2));
    }
    Some((named, 1))
}

fn paragraph_lead_text(block: &Block) -> Option<Lead> {
    match &block.kind {
        BlockKind::Paragraph(inlines) => Some(lead_of(inlines).0),
        _ => None,
    }
}

/// A paragraph's text after its lead, as a paragraph of its own.
fn rest_of_lead(block: &Block) -> Option<Block> {
    let BlockKind::Paragraph(inlines) = &block.kind else {
        return None;
    };
    let rest = lead_of(inlines).1;
    (!rest.is_empty()).then(|| Block::new(block.offset, BlockKind::Paragraph(rest)))
}

/// An item's lead, and its body: the rest of its first paragraph and the blocks after it.
fn split_item(item: &[Block]) -> Option<(Lead, Vec<Block>)> {
    let (first, after) = item.split_first()?;
    let BlockKind::Paragraph(inlines) = &first.kind else {
        return None;
    };
    if matches!(inlines.first(), Some(Inline::Link { target, .. }) if target.starts_with('#')) {
        // A link into the page itself: a table of contents, not an entry.
        return None;
    }
    let (lead, rest) = lead_of(inlines);
    let external = matches!(inlines.first(), Some(Inline::Link { target, .. })
        if target.starts_with("http://") || target.starts_with("https://"));
    if external && lead.text.split_whitespace().count() > 1 {
        // A titled link to another site (`[RFC7231 Semantics and Content](https://...)`): a
        // reference, not an entry.
        return None;
    }
    let mut body = Vec::new();
    if !rest.is_empty() {
        body.push(Block::new(first.offset, BlockKind::Paragraph(rest)));
    }
    body.extend(after.iter().cloned());
    Some((lead, body))
}

/// The lead of a paragraph: a leading bold, code or link span when more follows it (and it is
/// not a label, `**Error Number**: 4001`), else the first line; and the inlines after it.
fn lead_of(inlines: &[Inline]) -> (Lead, Vec<Inline>) {
    if let Some((first, rest)) = inlines.split_first()
        && matches!(
            first,
            Inline::Strong(_) | Inline::Code(_) | Inline::Link { .. }
        )
        && !rest.is_empty()
    {
        let lead = Lead::of(std::slice::from_ref(first));
        let labelled = ends_with_colon(lead.text.trim_space_end())
            || matches!(rest.first(), Some(Inline::Text(text)) if starts_with_colon(text.trim_space_start()));
        if !labelled {
            let rest = trim_start(rest);
            return (lead, rest);
        }
    }
    let line = inlines
        .iter()
        .position(|inline| *inline == Inline::Break)
        .unwrap_or(inlines.len());
    let rest = inlines.get(line + 1..).map(trim_start).unwrap_or_default();
    (Lead::of(&inlines[..line]), rest)
}

fn trim_start(inlines: &[Inline]) -> Vec<Inline> {
    let mut rest = inlines.to_vec();
    while let Some(Inline::Break) = rest.first() {
        rest.remove(0);
    }
    if let Some(Inline::Text(text)) = rest.first_mut() {
        *text = text.trim_space_start().to_owned();
        if text.is_empty() {
            rest.remove(0);
        }
    }
    rest
}

/// One entry per code of `named`, with the fields of `body`.
fn entries(
    named: &Named,
    offset: usize,
    body: &[&Block],
    section: Option<usize>,
) -> Vec<FoundEntry> {
    named.entries(offset, section, fields::fields(body), None)
}

#[cfg(test)]
mod tests {
    use super::super::recognise;
    use crate::document::blocks_text;
    use crate::read::{Format, read};

    fn found(page: &str, format: Format) -> Vec<(String, Option<String>, Option<String>, String)> {
        recognise(&read(page, format))
            .entries
            .into_iter()
            .map(|e| {
                let body = e
                    .fields
                    .iter()
                    .map(|f| blocks_text(&f.blocks))
                    .collect::<Vec<_>>()
                    .join("|");
                (e.written, e.symbol, e.title, body)
            })
            .collect()
    }

    #[test]
    fn a_list_of_links_that_name_codes() {
        let entries = found(
            "# Codes\n\n- [Error 1000: hashchk](e1000.md)\n- [Error 1001: isamchk](e1001.md)\n- [Error 1002: NO](e1002.md)\n",
            Format::Markdown,
        );
        assert_eq!(entries.len(), 3);
        assert_eq!(
            entries[2],
            ("1002".into(), None, Some("NO".into()), String::new())
        );
    }

    #[test]
    fn a_name_whose_definition_opens_with_its_number() {
        let entries = found(
            "<dl><dt>ERROR_WINHTTP_TIMEOUT</dt><dd><dl><dt>12002</dt><dt>The request has timed out.</dt></dl></dd>\n<dt>ERROR_WINHTTP_SHUTDOWN</dt><dd><dl><dt>12012</dt><dt>Support is being shut down.</dt></dl></dd>\n<dt>ERROR_WINHTTP_NEW</dt><dd>No number yet.</dd></dl>",
            Format::Html,
        );
        assert_eq!(
            entries[0],
            (
                "12002".into(),
                Some("ERROR_WINHTTP_TIMEOUT".into()),
                None,
                "The request has timed out.".into()
            )
        );
        assert_eq!(entries[1].0, "12012");
        assert_eq!(
            entries[2],
            (
                "ERROR_WINHTTP_NEW".into(),
                None,
                None,
                "No number yet.".into()
            )
        );
    }

    #[test]
    fn navigation_is_not_a_list_of_entries() {
        let entries = found(
            "1. [Informational](#informational) (`100` – `199`)\n2. [Successful](#successful) (`200` – `299`)\n",
            Format::Markdown,
        );
        assert!(entries.is_empty());
    }

    #[test]
    fn items_with_nested_definitions() {
        let entries = found(
            "## Informational\n\n- {{HTTPStatus(100, \"100 Continue\")}}\n  - : This interim response.\n- {{HTTPStatus(101, \"101 Switching Protocols\")}}\n  - : Sent on upgrade.\n- `102 Processing` {{deprecated_inline}}\n  - : Old.\n",
            Format::Markdown,
        );
        let codes: Vec<(&str, Option<&str>)> = entries
            .iter()
            .map(|e| (e.0.as_str(), e.2.as_deref()))
            .collect();
        assert_eq!(
            codes,
            [
                ("100", Some("Continue")),
                ("101", Some("Switching Protocols")),
                ("102", Some("Processing"))
            ]
        );
        assert_eq!(entries[0].3, "- : This interim response.");
    }

    #[test]
    fn html_definition_lists() {
        let entries = found(
            "<dl><dt>[<code>ZIP_ER_CLOSE</code>]</dt><dd>Closing zip archive failed.</dd><dt>[<code>ZIP_ER_SEEK</code>]</dt><dd>Seek error.</dd></dl>",
            Format::Html,
        );
        assert_eq!(
            entries[1],
            ("ZIP_ER_SEEK".into(), None, None, "Seek error.".into())
        );
    }

    #[test]
    fn paragraphs_led_by_names_and_by_name_number_pairs() {
        let aws = found(
            "**AccessDeniedException**\n\nYou do not have access.\n\nHTTP Status Code: 400\n\n**IncompleteSignature**\nThe signature is wrong.\n\nHTTP Status Code: 400\n",
            Format::Markdown,
        );
        assert_eq!(aws.len(), 2);
        assert_eq!(aws[0].3, "You do not have access.\nHTTP Status Code: 400");
        assert_eq!(aws[1].3, "The signature is wrong.\nHTTP Status Code: 400");
        let windows = found(
            "ERROR_INVALID_FUNCTION\n\n1 (0x1)\n\nIncorrect function.\n\nERROR_FILE_NOT_FOUND\n\n2 (0x2)\n\nThe system cannot find the file specified.\n",
            Format::Markdown,
        );
        assert_eq!(windows[1].0, "2");
        assert_eq!(windows[1].1.as_deref(), Some("ERROR_FILE_NOT_FOUND"));
        assert_eq!(windows[1].3, "The system cannot find the file specified.");
    }

    #[test]
    fn prose_that_starts_with_a_number_is_not_an_entry() {
        assert!(found("404 errors are returned when the page is missing.\n\n500 errors mean the server failed.\n", Format::Markdown).is_empty());
    }
}

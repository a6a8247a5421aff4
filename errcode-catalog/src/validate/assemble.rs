//! The catalog model of an enum once every decision is made: each entry's texts, rustdoc,
//! URL and the text of duplicates set aside, and the enum's name and docs.

use std::collections::BTreeSet;

use super::{Context, Draft, PageSource};
use crate::catalog::{Code, EntryDef, EnumDef, Repr};
use crate::diagnostics::Position;
use crate::doc_comments::{self, EnumDocs, Origin};
use crate::entry_text::EntryText;
use crate::naming;
use crate::options::Options;
use crate::recognise::{FoundEntry, Page};
use crate::render::Renderer;

/// The enum's name: the `name` option; for an enum of one section, from the ASCII words of
/// the section's heading, else from the words its entries' symbols start with; else from the
/// page title, else from the file name.
pub(super) fn enum_name(
    page: &Page,
    source: &PageSource<'_>,
    options: &Options,
    section: Option<usize>,
    drafts: &[Draft<'_>],
) -> String {
    if let Some(name) = &options.name {
        return name.clone();
    }
    let section_title = section.map(|index| page.sections[index].title.as_str());
    let symbols = || {
        let symbols: Vec<&str> = drafts
            .iter()
            .filter_map(|draft| draft.found.symbol.as_deref())
            .collect();
        (section.is_some() && symbols.len() >= 2 && symbols.len() == drafts.len())
            .then(|| naming::enum_from_symbols(symbols.into_iter()))
            .flatten()
    };
    section_title
        .and_then(naming::enum_from_heading)
        .or_else(symbols)
        .or_else(|| page.title.as_deref().and_then(naming::enum_from_title))
        .unwrap_or_else(|| naming::enum_from_stem(source.stem))
}

/// `name`, or `name2`, `name3`... when it is taken.
pub(super) fn unique(name: String, used: &mut BTreeSet<String>) -> String {
    let mut candidate = name.clone();
    let mut counter = 2;
    while !used.insert(candidate.clone()) {
        candidate = format!("{name}{counter}");
        counter += 1;
    }
    candidate
}

/// What [`enumeration`] needs besides the entries.
pub(super) struct EnumParts<'a> {
    pub(super) page: &'a Page,
    pub(super) section: Option<usize>,
    pub(super) name: String,
    pub(super) repr: Repr,
    pub(super) renderer: &'a Renderer<'a>,
}

/// The enum of `drafts`, whose codes and variant names are decided.
pub(super) fn enumeration(
    parts: EnumParts<'_>,
    drafts: Vec<Draft<'_>>,
    codes: Vec<Code>,
    names: Vec<String>,
    cx: &Context<'_>,
) -> EnumDef {
    let EnumParts {
        page,
        section,
        name,
        repr,
        renderer,
    } = parts;
    let mut section_indices: Vec<usize> = Vec::new();
    for draft in &drafts {
        let mut current = draft.found.section;
        let mut chain = Vec::new();
        while let Some(index) = current {
            chain.push(index);
            current = page.sections[index].parent;
        }
        for index in chain.into_iter().rev() {
            if !section_indices.contains(&index) {
                section_indices.push(index);
            }
        }
    }
    let entries: Vec<EntryDef> = drafts
        .into_iter()
        .zip(codes)
        .zip(names)
        .map(|((draft, code), variant)| entry(page, draft, code, variant, renderer, cx))
        .collect();
    let section_title = section.map(|index| page.sections[index].title.clone());
    let enum_docs = EnumDocs {
        title: section_title.as_deref().or(page.title.as_deref()),
        preamble: &page.preamble,
        metadata: &page.metadata,
        sections: section_indices
            .iter()
            .map(|&index| &page.sections[index])
            .collect(),
        source: cx.source.path,
        entries: entries.len(),
    };
    let docs = doc_comments::enumeration(renderer, &enum_docs);
    EnumDef {
        name,
        section: section_title,
        repr,
        docs,
        entries,
    }
}

fn entry(
    page: &Page,
    draft: Draft<'_>,
    code: Code,
    variant: String,
    renderer: &Renderer<'_>,
    cx: &Context<'_>,
) -> EntryDef {
    let found = draft.found;
    let position = cx.position(found.offset);
    let section = found
        .section
        .map(|index| page.sections[index].title.clone());
    let docs_of = |entry: &FoundEntry, text: &EntryText, position: &Position| {
        let origin = Origin {
            code: &found.written,
            symbol: entry.symbol.as_deref(),
            section: section.as_deref(),
            position: format!("{}:{}", position.path, position.line),
        };
        doc_comments::variant(renderer, entry, text, &origin)
    };
    let mut docs = docs_of(found, &draft.text, &position);
    for other in &draft.superseded {
        let other_position = cx.position(other.offset);
        let other_docs = docs_of(other, &EntryText::of(other), &other_position);
        let location = format!("{}:{}", other_position.path, other_position.line);
        docs.push_str("\n\n");
        docs.push_str(&doc_comments::superseded(&other_docs, &location));
    }
    let text = draft.text;
    EntryDef {
        code,
        written: found.written.clone(),
        variant,
        symbol: found.symbol.clone(),
        title: text.title,
        message: text.message,
        description: text.description,
        causes: text.causes,
        solutions: text.solutions,
        section,
        fields: text.fields,
        line: position.line,
        url: cx.published.as_ref().map(|page| match &found.anchor {
            Some(anchor) => format!("{page}#{anchor}"),
            None => page.clone(),
        }),
        translations: Vec::new(),
        docs,
        deprecated: None,
    }
}

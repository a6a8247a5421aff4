//! Stage 2, recognise: find the error entries of a [`Document`], whatever its layout.
//!
//! The page is walked once, in order. Block quotes that hold headings or tables are looked
//! through (some pages put everything inside `>`). Each block is offered to the layout
//! recognisers:
//! - `headings`: a heading whose text starts with a code; its body, split by label
//!   paragraphs, gives the fields;
//! - `tables`: a table with a column of codes; other columns map to fields by header;
//! - `glued`: a flattened table of a saved-text page (`CodeDescription`, `1Invalid Request`).
//!
//! Headings that are not entries are sections. Everything else is prose: it stays with its
//! section (for the enum's docs) or, outside any section with entries, in the page preamble.

mod code;
mod glued;
mod headings;
mod labels;
mod tables;

use crate::catalog::{Code, FieldKind, Metadata};
use crate::document::{Block, BlockKind, Document, inline_text};

/// What the recognisers found on a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    /// The page title (its H1, or a lone heading above everything else).
    pub title: Option<String>,
    /// `<!--Key: Value-->` comments.
    pub metadata: Vec<Metadata>,
    /// Prose outside any section that has entries, in page order.
    pub preamble: Vec<Block>,
    /// Sections that contain entries.
    pub sections: Vec<Section>,
    /// The entries in page order.
    pub entries: Vec<FoundEntry>,
}

/// A heading above entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// The heading text.
    pub title: String,
    /// The heading level.
    pub level: u8,
    /// Byte offset of the heading.
    pub offset: usize,
    /// The enclosing section, if any.
    pub parent: Option<usize>,
    /// Prose of the section that is not an entry.
    pub intro: Vec<Block>,
}

/// One entry as found on the page, before naming and validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundEntry {
    /// The code.
    pub code: Code,
    /// Byte offset of the entry (its heading, row or line).
    pub offset: usize,
    /// Index into [`Page::sections`].
    pub section: Option<usize>,
    /// The page's symbol for the code, from a name column or a code cell.
    pub symbol: Option<String>,
    /// The title: heading text after the code, or a title column.
    pub title: Option<String>,
    /// The labelled parts of the entry, in page order.
    pub fields: Vec<FoundField>,
    /// The fragment that links to the entry on the published page: the heading's own id, or
    /// the id a documentation site derives from the heading text; `None` for table rows.
    pub anchor: Option<String>,
}

/// A labelled part of an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoundField {
    /// Which part it is.
    pub kind: FieldKind,
    /// The label or column header as written; empty for unlabelled text.
    pub label: String,
    /// Byte offset of the label (or of the content when unlabelled).
    pub offset: usize,
    /// The content.
    pub blocks: Vec<Block>,
}

impl Page {
    /// The sections titled `wanted` (case and surrounding space ignored): what the `section`
    /// option selects.
    pub fn sections_titled(&self, wanted: &str) -> Vec<usize> {
        self.sections
            .iter()
            .enumerate()
            .filter(|(_, section)| section.title.trim().eq_ignore_ascii_case(wanted.trim()))
            .map(|(index, _)| index)
            .collect()
    }

    /// Whether `section` is one of `sections` or lies inside one.
    pub fn within(&self, mut section: Option<usize>, sections: &[usize]) -> bool {
        while let Some(index) = section {
            if sections.contains(&index) {
                return true;
            }
            section = self.sections[index].parent;
        }
        false
    }
}

impl FoundEntry {
    /// The first field of this kind.
    pub fn field(&self, kind: FieldKind) -> Option<&FoundField> {
        self.fields.iter().find(|field| field.kind == kind)
    }
}

/// Recognises the entries of a document.
pub fn recognise(document: &Document) -> Page {
    let outline = outline(&document.blocks);
    let title_index = title_index(&outline);
    let mut walk = Walk::default();
    let mut index = 0;
    while index < outline.len() {
        let block = outline[index];
        if Some(index) == title_index {
            index += 1;
            continue;
        }
        if let BlockKind::Heading { level, content, .. } = &block.kind {
            walk.close_sections(*level);
            if let Some(entry) = headings::entry_heading(block) {
                let end = outline[index + 1..]
                    .iter()
                    .position(
                        |b| matches!(b.kind, BlockKind::Heading { level: l, .. } if l <= *level),
                    )
                    .map_or(outline.len(), |p| index + 1 + p);
                let section = walk.current_section();
                walk.entries.push(headings::entry(
                    entry,
                    block,
                    &outline[index + 1..end],
                    section,
                ));
                index = end;
                continue;
            }
            walk.open_section(inline_text(content).trim().to_owned(), *level, block);
            index += 1;
            continue;
        }
        if let BlockKind::Comment(text) = &block.kind {
            if let Some(metadata) = metadata(text) {
                walk.metadata.push(metadata);
            }
            index += 1;
            continue;
        }
        if let BlockKind::Table(rows) = &block.kind
            && let Some(found) = tables::entries(rows, walk.current_section())
        {
            walk.entries.extend(found.entries);
            for note in found.notes {
                walk.prose(note);
            }
            index += 1;
            continue;
        }
        if let Some((entries, consumed)) = glued::entries(&outline[index..], walk.current_section())
        {
            walk.entries.extend(entries);
            index += consumed;
            continue;
        }
        walk.prose(block.clone());
        index += 1;
    }
    let title = title_index
        .and_then(|i| outline[i].inlines())
        .map(|c| inline_text(c).trim().to_owned());
    walk.finish(title)
}

/// The blocks in reading order, looking through quotes that hold headings or tables.
fn outline(blocks: &[Block]) -> Vec<&Block> {
    let mut out = Vec::new();
    let mut stack: Vec<std::slice::Iter<'_, Block>> = vec![blocks.iter()];
    while let Some(iter) = stack.last_mut() {
        let Some(block) = iter.next() else {
            stack.pop();
            continue;
        };
        match &block.kind {
            BlockKind::Quote(inner) if holds_structure(inner) => stack.push(inner.iter()),
            _ => out.push(block),
        }
    }
    out
}

fn holds_structure(blocks: &[Block]) -> bool {
    blocks
        .iter()
        .any(|b| matches!(b.kind, BlockKind::Heading { .. } | BlockKind::Table(_)))
}

/// The page title: the first H1; without one, a first heading that is deeper than the heading
/// after it (it cannot be a section holding that heading), as in `###  媒体会话管理错误码 ###`.
fn title_index(outline: &[&Block]) -> Option<usize> {
    let mut headings = outline
        .iter()
        .enumerate()
        .filter_map(|(index, block)| match &block.kind {
            BlockKind::Heading { level, .. } => Some((index, *level, *block)),
            _ => None,
        });
    if let Some((index, ..)) = outline
        .iter()
        .enumerate()
        .find(|(_, b)| matches!(b.kind, BlockKind::Heading { level: 1, .. }))
    {
        return Some(index);
    }
    let (first_index, first_level, first) = headings.next()?;
    let (_, next_level, _) = headings.next()?;
    (headings::entry_heading(first).is_none() && first_level > next_level).then_some(first_index)
}

/// A `Key: Value` comment; markers such as `<!--Del-->` are not metadata.
fn metadata(comment: &str) -> Option<Metadata> {
    let (key, value) = comment.split_once(':')?;
    let key = key.trim();
    let value = value.trim();
    let plausible_key = !key.is_empty()
        && key.chars().count() <= 40
        && !comment.contains('\n')
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '-' || c == '_');
    (plausible_key && !value.is_empty()).then(|| Metadata {
        key: key.to_owned(),
        value: value.to_owned(),
    })
}

/// The state of the walk over the outline.
#[derive(Default)]
struct Walk {
    metadata: Vec<Metadata>,
    sections: Vec<(Section, Block)>,
    open: Vec<usize>,
    entries: Vec<FoundEntry>,
    /// Prose blocks with the section they belong to.
    prose: Vec<(Option<usize>, Block)>,
}

impl Walk {
    fn current_section(&self) -> Option<usize> {
        self.open.last().copied()
    }

    fn close_sections(&mut self, level: u8) {
        while let Some(&last) = self.open.last() {
            if self.sections[last].0.level >= level {
                self.open.pop();
            } else {
                break;
            }
        }
    }

    fn open_section(&mut self, title: String, level: u8, heading: &Block) {
        let parent = self.current_section();
        let section = Section {
            title,
            level,
            offset: heading.offset,
            parent,
            intro: Vec::new(),
        };
        self.sections.push((section, heading.clone()));
        self.open.push(self.sections.len() - 1);
    }

    fn prose(&mut self, block: Block) {
        self.prose.push((self.current_section(), block));
    }

    /// Keeps the sections that hold entries (directly or below); the headings and prose of the
    /// others move to the preamble, so no text is lost.
    fn finish(self, title: Option<String>) -> Page {
        let mut has_entries = vec![false; self.sections.len()];
        for entry in &self.entries {
            let mut section = entry.section;
            while let Some(index) = section {
                has_entries[index] = true;
                section = self.sections[index].0.parent;
            }
        }
        let mut new_index = vec![None; self.sections.len()];
        let mut sections = Vec::new();
        for (index, (section, _)) in self.sections.iter().enumerate() {
            if has_entries[index] {
                new_index[index] = Some(sections.len());
                let parent = section.parent.and_then(|p| new_index[p]);
                sections.push(Section {
                    parent,
                    ..section.clone()
                });
            }
        }
        let mut preamble: Vec<(usize, Block)> = Vec::new();
        for (index, (_, heading)) in self.sections.into_iter().enumerate() {
            if !has_entries[index] {
                preamble.push((heading.offset, heading));
            }
        }
        for (section, block) in self.prose {
            match section.and_then(|s| new_index[s]) {
                Some(kept) => sections[kept].intro.push(block),
                None => preamble.push((block.offset, block)),
            }
        }
        preamble.sort_by_key(|(offset, _)| *offset);
        let entries = self
            .entries
            .into_iter()
            .map(|entry| FoundEntry {
                section: entry.section.and_then(|s| new_index[s]),
                ..entry
            })
            .collect();
        Page {
            title,
            metadata: self.metadata,
            preamble: preamble.into_iter().map(|(_, block)| block).collect(),
            sections,
            entries,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{Format, read};

    fn page(markdown: &str) -> Page {
        recognise(&read(markdown, Format::Markdown))
    }

    #[test]
    fn title_metadata_preamble_and_entries() {
        let page = page(
            "# Camera Error Codes\n<!--Kit: Camera Kit-->\n<!--Del-->\n\n> **NOTE**\n>\n> Only module codes.\n\n## 7400101 Invalid Parameter\n\n**Error Message**\n\nBad.\n",
        );
        assert_eq!(page.title.as_deref(), Some("Camera Error Codes"));
        assert_eq!(
            page.metadata,
            [Metadata {
                key: "Kit".into(),
                value: "Camera Kit".into()
            }]
        );
        assert_eq!(page.preamble.len(), 1);
        assert_eq!(page.entries.len(), 1);
        assert_eq!(page.entries[0].code, Code::Int(7400101));
        assert_eq!(page.entries[0].section, None);
    }

    #[test]
    fn a_deeper_first_heading_is_the_title() {
        let page =
            page("###  媒体会话管理错误码 ###\n\n## 6600101 会话服务端异常\n\n**错误信息**\n\nx\n");
        assert_eq!(page.title.as_deref(), Some("媒体会话管理错误码"));
        assert!(page.sections.is_empty());
    }

    #[test]
    fn sections_without_entries_join_the_preamble() {
        let page = page(
            "## IMSDK Error Codes\nSee elsewhere.\n\n## Client Codes\n\nIntro.\n\n| Code | Description |\n|---|---|\n| 1 | General |\n",
        );
        assert_eq!(page.sections.len(), 1);
        assert_eq!(page.sections[0].title, "Client Codes");
        assert_eq!(page.sections[0].intro.len(), 1);
        assert_eq!(
            page.preamble.len(),
            2,
            "the empty section's heading and its prose"
        );
        assert_eq!(page.entries[0].section, Some(0));
    }

    #[test]
    fn codes_in_headings_under_sections() {
        let page = page(
            "# T\n\n## Basic IO\n\n### 13900001 Operation not permitted\n\nx\n\n## Overview\n\ntext\n",
        );
        assert_eq!(page.entries.len(), 1);
        assert_eq!(page.sections.len(), 1);
        assert_eq!(page.entries[0].section, Some(0));
        assert_eq!(page.preamble.len(), 2);
    }
}

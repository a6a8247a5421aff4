//! Stage 2, recognise: find the error entries of a [`Document`], whatever its layout.
//!
//! An entry is a unit of the document: a heading with its body, a table row, a list item, a
//! definition, a paragraph led by a code, a glued line of saved text. A run of sibling units
//! (headings of one level under one parent, rows of one table, items of one list, consecutive
//! paragraphs) most of which carry a code in the same place is a list of entries (`lead`); a
//! lone unit that mentions a code is prose. What a code is, `code` alone decides.
//!
//! The page is walked once, in order. Block quotes that hold headings or tables are looked
//! through (some pages put everything inside `>`), and so are those that hold a code block of
//! constants. Headings are entries (`headings`) or sections; between headings, tables
//! (`tables`), lists and definition lists (`items`), runs of paragraphs (`items`) and glued rows
//! (`glued`) give entries, and, on a page with no other list, code blocks of constant
//! definitions (`constants`); an entry's body gives its fields (`fields`). Everything else is prose: it stays with its section (for the enum's docs) or,
//! outside any section with entries, in the page preamble.
//!
//! (Long because the walk and its page-level rules share the walk's state; 101 of its 693 lines are
//! tests.)

mod code;
mod constants;
mod fields;

pub use code::number;
mod glued;
mod headings;
mod items;
mod labels;
mod lead;
mod tables;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::{Code, FieldKind, Metadata};
use crate::document::{Block, BlockKind, Document, inline_text};
use crate::white_space::TrimSpace;

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
    /// Codes the page writes that errcode cannot hold, in page order.
    pub errors: Vec<CodeError>,
}

/// A code on the page that errcode cannot hold: a number outside `i64` and `u64`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeError {
    /// Byte offset of the unit that writes it.
    pub offset: usize,
    /// What is wrong and what to do.
    pub message: String,
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
    /// The code as the page writes it (`0x0003`, `08000`, `-1`).
    pub written: String,
    /// Byte offset of the entry (its heading, row or line).
    pub offset: usize,
    /// Index into [`Page::sections`].
    pub section: Option<usize>,
    /// Which list of entries of the page holds it (a table, a list, a run of headings or
    /// paragraphs), counted in page order.
    pub list: usize,
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
            .filter(|(_, section)| {
                section
                    .title
                    .trim_space()
                    .eq_ignore_ascii_case(wanted.trim_space())
            })
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
    let named = headings::entry_headings(&outline, title_index);
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
            if let Some(named) = &named[index] {
                let end = outline[index + 1..]
                    .iter()
                    .position(
                        |b| matches!(b.kind, BlockKind::Heading { level: l, .. } if l <= *level),
                    )
                    .map_or(outline.len(), |p| index + 1 + p);
                let section = walk.current_section();
                let body = &outline[index + 1..end];
                let (named, group) = named;
                let found = headings::entries(named, block, body, section);
                let source = outline[index..end]
                    .iter()
                    .map(|b| Cow::Borrowed(*b))
                    .collect();
                walk.list(ListKey::Headings(*group), found, source);
                index = end;
                continue;
            }
            let text = inline_text(content);
            if let Some(message) = code::too_large_at_start(&text) {
                walk.errors.push(CodeError {
                    offset: block.offset,
                    message,
                });
            }
            walk.open_section(text.trim_space().to_owned(), *level, block);
            index += 1;
            continue;
        }
        let section = walk.current_section();
        match &block.kind {
            BlockKind::Comment(text) => {
                if let Some(metadata) = metadata(text) {
                    walk.metadata.push(metadata);
                }
            }
            BlockKind::Table(rows) => match tables::entries(rows, section, &mut walk.errors) {
                Some(found) => {
                    walk.list(
                        ListKey::Block(index),
                        found.entries,
                        vec![Cow::Borrowed(block)],
                    );
                    for note in found.notes {
                        walk.prose(note);
                    }
                }
                None => walk.prose(block.clone()),
            },
            BlockKind::List { .. } => match items::list(block, section) {
                Some(found) => {
                    let source = vec![Cow::Borrowed(block)];
                    walk.list(ListKey::Block(index), found.entries, source);
                    walk.prose.extend(found.rest.map(|rest| (section, rest)));
                }
                None => walk.prose(block.clone()),
            },
            BlockKind::Code(_) => {
                if let Some((entries, rest)) = constants::entries(block, section) {
                    walk.constants.push(Constants {
                        key: ListKey::Block(index),
                        prose_index: walk.prose.len(),
                        entries,
                        rest,
                    });
                }
                walk.prose(block.clone());
            }
            BlockKind::Paragraph(_) => {
                let found = glued::entries(&outline[index..], section, &mut walk.errors)
                    .or_else(|| items::paragraphs(&outline[index..], section));
                if let Some((entries, consumed)) = found {
                    let source = outline[index..index + consumed]
                        .iter()
                        .map(|b| Cow::Borrowed(*b))
                        .collect();
                    walk.list(ListKey::Block(index), entries, source);
                    index += consumed;
                    continue;
                }
                walk.prose(block.clone());
            }
            _ => walk.prose(block.clone()),
        }
        index += 1;
    }
    walk.read_constants();
    let title = title_index
        .and_then(|i| outline[i].inlines())
        .map(|c| inline_text(c).trim_space().to_owned());
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
    blocks.iter().any(|b| {
        matches!(b.kind, BlockKind::Heading { .. } | BlockKind::Table(_))
            || constants::is_listing(b)
    })
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
    let names_a_code = lead::lone(&lead::Lead::of(first.inlines().unwrap_or_default())).is_some();
    (!names_a_code && first_level > next_level).then_some(first_index)
}

/// A `Key: Value` comment; markers such as `<!--Del-->` are not metadata.
fn metadata(comment: &str) -> Option<Metadata> {
    let (key, value) = comment.split_once(':')?;
    let key = key.trim_space();
    let value = value.trim_space();
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

/// Words of a section heading that say its lists are the page's codes.
const CODE_SECTION_WORDS: &[&str] = &["code", "errno", "status", "码"];

/// Which list of entries an entry belongs to: a group of sibling headings, or the table, list
/// or run of paragraphs that starts at a block of the outline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum ListKey {
    Headings(usize),
    Block(usize),
}

/// A code block of constant definitions, kept as prose unless the page has no other list.
struct Constants {
    key: ListKey,
    /// Where the block sits in `Walk::prose`.
    prose_index: usize,
    entries: Vec<FoundEntry>,
    /// Its comments and braces, which stay prose when the block is read.
    rest: Option<Block>,
}

/// A list of entries as the walk found it: its entries and the blocks they came from, borrowed
/// from the document until a rule turns the list back into prose (cloning every entry's blocks
/// cost a tenth of recognising a page, BENCHMARKS.md item 15).
struct FoundList<'d> {
    key: ListKey,
    section: Option<usize>,
    entries: Vec<FoundEntry>,
    source: Vec<Cow<'d, Block>>,
}

/// The state of the walk over the outline.
#[derive(Default)]
struct Walk<'d> {
    metadata: Vec<Metadata>,
    sections: Vec<(Section, Block)>,
    open: Vec<usize>,
    lists: Vec<FoundList<'d>>,
    /// Prose blocks with the section they belong to.
    prose: Vec<(Option<usize>, Block)>,
    errors: Vec<CodeError>,
    constants: Vec<Constants>,
}

impl<'d> Walk<'d> {
    fn list(&mut self, key: ListKey, entries: Vec<FoundEntry>, source: Vec<Cow<'d, Block>>) {
        let section = self.current_section();
        self.lists.push(FoundList {
            key,
            section,
            entries,
            source,
        });
    }

    /// Whether a section, or one around it, is headed as a list of codes (`Error codes`,
    /// `错误码`, `Status codes`).
    fn under_code_heading(&self, mut section: Option<usize>) -> bool {
        while let Some(index) = section {
            let title = self.sections[index].0.title.to_lowercase();
            if CODE_SECTION_WORDS.iter().any(|word| title.contains(word)) {
                return true;
            }
            section = self.sections[index].0.parent;
        }
        false
    }

    /// Rule: when some lists of a page sit under a heading that names codes, the lists of
    /// type names elsewhere (camel case only, no code with digits: `PrismaClientKnownRequestError`)
    /// are the page's other identifiers, such as the error types of an SDK, and stay prose.
    /// A page of names alone keeps them, and so are lists of constants (`access_denied`).
    fn keep_code_lists(&mut self) {
        let mut keys: Vec<ListKey> = self.lists.iter().map(|list| list.key).collect();
        keys.dedup();
        let summary: Vec<(ListKey, bool, bool, bool)> = keys
            .iter()
            .map(|key| {
                let lists: Vec<&FoundList> =
                    self.lists.iter().filter(|list| list.key == *key).collect();
                let shapes: Vec<code::Shape> = lists
                    .iter()
                    .flat_map(|list| &list.entries)
                    .filter_map(|entry| code::code(&entry.written).map(|code| code.shape))
                    .collect();
                let digits = shapes.iter().any(|shape| shape.has_digits());
                let types =
                    !shapes.is_empty() && shapes.iter().all(|shape| *shape == code::Shape::Camel);
                let headed = lists
                    .iter()
                    .any(|list| self.under_code_heading(list.section));
                (*key, digits, headed, types)
            })
            .collect();
        if !summary
            .iter()
            .any(|(_, digits, headed, _)| *digits && *headed)
        {
            return;
        }
        let dropped: Vec<ListKey> = summary
            .iter()
            .filter(|(_, _, headed, types)| *types && !headed)
            .map(|(key, ..)| *key)
            .collect();
        let (kept, names): (Vec<FoundList>, Vec<FoundList>) = std::mem::take(&mut self.lists)
            .into_iter()
            .partition(|list| !dropped.contains(&list.key));
        self.lists = kept;
        for list in names {
            self.prose_of(list);
        }
    }

    /// Rule: a list that names nothing but codes which other lists of the page define (`The
    /// following status codes are never generated by the library:` and a bullet per code) refers
    /// to those entries; it is prose, not a second entry for each code.
    fn drop_reference_lists(&mut self) {
        let bare = |list: &FoundList| {
            list.entries.iter().all(|entry| {
                entry.title.is_none() && entry.symbol.is_none() && entry.fields.is_empty()
            })
        };
        if !self.lists.iter().any(bare) {
            // Only a bare list can be a reference: nothing to look up.
            return;
        }
        let mut defined_by: BTreeMap<&str, BTreeSet<ListKey>> = BTreeMap::new();
        for list in &self.lists {
            for entry in &list.entries {
                for name in std::iter::once(entry.written.as_str()).chain(entry.symbol.as_deref()) {
                    defined_by.entry(name).or_default().insert(list.key);
                }
            }
        }
        let references: Vec<usize> = (0..self.lists.len())
            .filter(|&index| {
                let list = &self.lists[index];
                bare(list)
                    && list.entries.iter().all(|entry| {
                        defined_by
                            .get(entry.written.as_str())
                            .is_some_and(|keys| keys.iter().any(|key| *key != list.key))
                    })
            })
            .collect();
        for index in references.into_iter().rev() {
            let list = self.lists.remove(index);
            self.prose_of(list);
        }
    }

    /// A list that is not one after all: its blocks are prose of its section.
    fn prose_of(&mut self, list: FoundList<'d>) {
        let section = list.section;
        self.prose.extend(
            list.source
                .into_iter()
                .map(|block| (section, block.into_owned())),
        );
    }

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

    /// Rule: code blocks of constants (`constants`) are the page's entries only when nothing
    /// else on it is a list, as on a page that shows a C header's `#define`s; beside a table
    /// or headings of codes they are an excerpt of code and stay prose.
    fn read_constants(&mut self) {
        if !self.lists.is_empty() {
            return;
        }
        let found = std::mem::take(&mut self.constants);
        for constants in found.into_iter().rev() {
            let (section, block) = match &constants.rest {
                Some(rest) => {
                    let section = self.prose[constants.prose_index].0;
                    let block =
                        std::mem::replace(&mut self.prose[constants.prose_index].1, rest.clone());
                    (section, block)
                }
                None => self.prose.remove(constants.prose_index),
            };
            self.lists.push(FoundList {
                key: constants.key,
                section,
                entries: constants.entries,
                source: vec![Cow::Owned(block)],
            });
        }
        self.lists.reverse();
    }

    /// Keeps the sections that hold entries (directly or below); the headings and prose of the
    /// others move to the preamble, so no text is lost.
    fn finish(mut self, title: Option<String>) -> Page {
        self.keep_code_lists();
        self.drop_reference_lists();
        let mut keys: Vec<ListKey> = Vec::new();
        let mut entries: Vec<FoundEntry> = Vec::new();
        for found in std::mem::take(&mut self.lists) {
            let list = keys
                .iter()
                .position(|key| *key == found.key)
                .unwrap_or_else(|| {
                    keys.push(found.key);
                    keys.len() - 1
                });
            entries.extend(
                found
                    .entries
                    .into_iter()
                    .map(|entry| FoundEntry { list, ..entry }),
            );
        }
        let mut has_entries = vec![false; self.sections.len()];
        for entry in &entries {
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
        let entries = entries
            .into_iter()
            .map(|entry| FoundEntry {
                section: entry.section.and_then(|s| new_index[s]),
                ..entry
            })
            .collect();
        Page {
            title,
            errors: self.errors,
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
    fn a_header_of_constants_is_the_list_when_the_page_has_no_other() {
        let defines = "```c\n#define NET_OK 0 /* Done */\n/* errors */\n#define NET_DOWN 1 /* Network down */\n#define NET_BUSY 2 /* Busy */\n```\n";
        let alone = page(&format!("# Net\n\n> {}", defines.replace('\n', "\n> ")));
        let symbols: Vec<_> = alone.entries.iter().map(|e| e.symbol.as_deref()).collect();
        assert_eq!(
            symbols,
            [Some("NET_OK"), Some("NET_DOWN"), Some("NET_BUSY")]
        );
        // The comment line stays prose.
        assert!(
            alone.preamble.iter().any(
                |block| matches!(&block.kind, BlockKind::Code(text) if text == "/* errors */\n")
            )
        );
        let with_table = page(&format!(
            "# Net\n\n| Code | Message |\n|---|---|\n| 0 | Done |\n| 1 | Down |\n\n{defines}"
        ));
        assert_eq!(with_table.entries.len(), 2, "the table is the list");
        assert!(with_table.preamble.iter().any(
            |block| matches!(&block.kind, BlockKind::Code(text) if text.contains("NET_BUSY"))
        ));
    }

    #[test]
    fn a_list_of_codes_defined_elsewhere_refers_to_them() {
        let page = page(
            "# Status codes\n\nNever generated by the library:\n\n- NOT_FOUND\n- ABORTED\n\n| Code | Id | Description |\n|---|---|---|\n| OK | 0 | Success. |\n| NOT_FOUND | 5 | Not found. |\n| ABORTED | 10 | Aborted. |\n",
        );
        let codes: Vec<&str> = page.entries.iter().map(|e| e.written.as_str()).collect();
        assert_eq!(codes, ["0", "5", "10"]);
        assert_eq!(
            page.preamble.len(),
            2,
            "the sentence and its list stay text"
        );
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

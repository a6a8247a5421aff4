//! Nothing on a page that belongs to an entry is dropped: every word of each entry's part of the
//! page reaches its `Entry` (title, message, description, causes, solutions, other fields), and
//! every entry has a message.
//!
//! An entry's part of the page is found here independently of the recognisers: under a heading
//! entry, every block up to the next heading of the same or a higher level; for a table row,
//! every cell of the row; for a list item or a definition, the whole item; for a paragraph or a
//! glued row, its paragraph; for a constant of a code block, the line that defines it. Only the
//! labels the recogniser read (`Error Message`), list numbering (`1.`, `1、`) and the words most
//! entries write their code with (`Error` in `Error 1000: hashchk`) may be missing from the
//! entry.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use errcode_catalog::catalog::{Catalog, EntryDef};
use errcode_catalog::document::{Block, BlockKind, Document, blocks_text};
use errcode_catalog::options::{DuplicatePolicy, Options};
use errcode_catalog::read::{Format, read};
use errcode_catalog::recognise::{FoundEntry, recognise};
use errcode_catalog::validate::PageSource;

/// Words: runs of ASCII letters or of digits (a glued row `0Successful` is two words); other
/// letters, such as CJK characters, count one by one.
fn words(text: &str) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    let mut current = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            let same_kind = current
                .chars()
                .last()
                .is_none_or(|last| last.is_ascii_digit() == c.is_ascii_digit());
            if !same_kind {
                words.insert(std::mem::take(&mut current));
            }
            current.push(c);
            continue;
        }
        if !current.is_empty() {
            words.insert(std::mem::take(&mut current));
        }
        if c.is_alphanumeric() {
            words.insert(c.to_string());
        }
    }
    if !current.is_empty() {
        words.insert(current);
    }
    words
}

/// The blocks of the page in reading order, looking into quotes (tables inside `>`).
fn flatten<'a>(blocks: &'a [Block], out: &mut Vec<&'a Block>) {
    for block in blocks {
        match &block.kind {
            BlockKind::Quote(inner) => flatten(inner, out),
            _ => out.push(block),
        }
    }
}

/// The text of the page that belongs to the entry `found`, which starts at its offset.
fn source_text(document: &Document, found: &FoundEntry) -> Option<String> {
    let offset = found.offset;
    let mut blocks = Vec::new();
    flatten(&document.blocks, &mut blocks);
    for (index, block) in blocks.iter().enumerate() {
        match &block.kind {
            BlockKind::Heading { level, .. } if block.offset == offset => {
                let end = blocks[index + 1..]
                    .iter()
                    .position(
                        |b| matches!(b.kind, BlockKind::Heading { level: l, .. } if l <= *level),
                    )
                    .map_or(blocks.len(), |p| index + 1 + p);
                let section: Vec<Block> = blocks[index..end].iter().map(|b| (*b).clone()).collect();
                return Some(blocks_text(&section));
            }
            BlockKind::Table(rows) => {
                for row in rows {
                    if row.cells.first().is_some_and(|cell| cell.offset == offset) {
                        let cells: Vec<String> = row
                            .cells
                            .iter()
                            .map(|cell| blocks_text(&cell.blocks))
                            .collect();
                        return Some(cells.join("\n"));
                    }
                }
            }
            BlockKind::Paragraph(_) if block.offset == offset => {
                return Some(blocks_text(&[(*block).clone()]));
            }
            // A constant of a code block: the line that defines its symbol.
            BlockKind::Code(text) if block.offset == offset => {
                let symbol = found.symbol.as_deref()?;
                return text
                    .lines()
                    .find(|line| {
                        line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                            .any(|word| word == symbol)
                    })
                    .map(str::to_owned);
            }
            BlockKind::List { items, .. } => {
                let item = items
                    .iter()
                    .find(|item| item.first().is_some_and(|first| first.offset == offset));
                if let Some(item) = item {
                    return Some(blocks_text(item));
                }
            }
            _ => {}
        }
    }
    None
}

fn entry_words(entry: &EntryDef, found: &FoundEntry) -> BTreeSet<String> {
    let mut text = vec![
        entry.written.clone(),
        entry.title.clone(),
        entry.message.clone(),
    ];
    text.extend(entry.symbol.clone());
    text.extend(entry.description.clone());
    text.extend(entry.causes.iter().cloned());
    text.extend(entry.solutions.iter().cloned());
    for field in &entry.fields {
        text.push(field.label.clone());
        text.push(field.text.clone());
    }
    for field in &found.fields {
        text.push(field.label.clone());
    }
    words(&text.join("\n"))
}

fn check_page(path: &Path, options: &Options) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    let format = Format::from_path(path).unwrap();
    let document = read(&text, format);
    let page = recognise(&document);
    let stem = path.file_stem().unwrap().to_string_lossy();
    let source = PageSource {
        path: "page",
        stem: &stem,
        text: &text,
    };
    let (catalog, _) = errcode_catalog::catalog_of(&source, format, options);
    let entries = all_entries(&catalog);
    // Words that most entries' text shares (`Error` in `Error 1000: hashchk`) are the template
    // their codes are written in, as a label is.
    let mut shared: BTreeMap<String, usize> = BTreeMap::new();
    for found in &page.entries {
        for word in source_text(&document, found)
            .map(|s| words(&s))
            .unwrap_or_default()
        {
            *shared.entry(word).or_default() += 1;
        }
    }
    let template: BTreeSet<String> = shared
        .into_iter()
        .filter(|(_, count)| *count >= 2 && *count * 2 >= page.entries.len())
        .map(|(word, _)| word)
        .collect();
    let mut checked = 0;
    for found in &page.entries {
        let Some(entry) = entries.iter().find(|e| e.written == found.written) else {
            panic!(
                "{}: code {} is not in the catalog",
                path.display(),
                found.code
            );
        };
        if entry.line != line_of(&text, found.offset) {
            // A conflicting duplicate that `duplicates = "first"` set aside: its text is in the
            // docs of the entry kept, which the snapshot tests show.
            continue;
        }
        let source = source_text(&document, found)
            .unwrap_or_else(|| panic!("{}: no source for code {}", path.display(), found.code));
        assert!(
            !entry.message.is_empty(),
            "{}: code {} has no message",
            path.display(),
            found.code
        );
        let mut have = entry_words(entry, found);
        // A cell of several codes makes one entry per code: each holds the others' codes.
        let siblings = page
            .entries
            .iter()
            .filter(|other| other.offset == found.offset);
        have.extend(siblings.flat_map(|other| words(&other.written)));
        let missing: Vec<String> = words(&source)
            .into_iter()
            .filter(|word| !have.contains(word) && !template.contains(word))
            .filter(|word| !(word.len() <= 2 && word.bytes().all(|b| b.is_ascii_digit())))
            .collect();
        assert!(
            missing.is_empty(),
            "{}: code {} lost {missing:?}\nsource:\n{source}",
            path.display(),
            found.code
        );
        checked += 1;
    }
    checked
}

fn all_entries(catalog: &Catalog) -> Vec<&EntryDef> {
    catalog.enums.iter().flat_map(|e| &e.entries).collect()
}

fn line_of(text: &str, offset: usize) -> u32 {
    text[..offset].matches('\n').count() as u32 + 1
}

fn check_pages(pages: &[PathBuf]) -> usize {
    let first = Options {
        duplicates: Some(DuplicatePolicy::First),
        ..Options::default()
    };
    pages.iter().map(|page| check_page(page, &first)).sum()
}

#[test]
fn no_entry_text_is_lost_on_the_repository_pages() {
    let pages = errcode_test_pages::repository_pages();
    let checked = check_pages(&pages);
    assert_eq!(pages.len(), 26);
    assert!(checked > 500, "{checked} entries checked");
}

#[test]
#[ignore = "needs ERRCODE_CORPUS, the folders of real pages (README: Tests)"]
fn no_entry_text_is_lost_on_the_corpus_pages() {
    let pages: Vec<PathBuf> = errcode_test_pages::corpus()
        .truth()
        .into_iter()
        .map(|page| page.path)
        .collect();
    let checked = check_pages(&pages);
    assert!(checked > 5_000, "{checked} entries checked");
}

//! Problems of the page as a whole: the error that it has no entries ([`check_has_entries`]),
//! and warnings for the docs team (`errcode check`), things on a page that are probably
//! mistakes but do not stop the expansion. The cross-entry warnings (repeated codes, name
//! clashes) come from `validate`; these look at the page itself.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::FieldKind;
use crate::diagnostics::{Diagnostic, LineIndex, Position};
use crate::document::{Block, BlockKind, Document, inline_text};
use crate::recognise::Page;
use crate::validate::PageSource;
use crate::white_space::TrimSpace;

/// Rule: every code fits an integer type or is written as a name. `## 99999999999999999999999
/// Too Big` is an error at its line that names the code and the largest errcode holds.
pub(crate) fn check_codes_fit(source: &PageSource<'_>, page: &Page) -> Vec<Diagnostic> {
    let lines = LineIndex::new(source.text);
    page.errors
        .iter()
        .map(|error| {
            let position = lines.position(source.path, error.offset);
            Diagnostic::error(error.message.clone(), vec![position])
        })
        .collect()
}

/// Rule: a page lists error codes. An empty page, or one where no layout finds an entry, is an
/// error at its start that says what errcode looks for and what the page holds instead.
pub(crate) fn check_has_entries(
    source: &PageSource<'_>,
    document: &Document,
    page: &Page,
) -> Option<Diagnostic> {
    let start = Position::new(source.path, 1, 1);
    let display = source.path;
    if source.text.trim_space().is_empty() {
        let message =
            format!("page `{display}` is empty; errcode needs a page that lists error codes");
        return Some(Diagnostic::error(message, vec![start]));
    }
    if page.entries.is_empty() && page.errors.is_empty() {
        let message = format!(
            "no error entries found in `{display}`; errcode looks for lists of entries (headings, table rows, list items, definitions or paragraphs that carry a code in the same place: `## 401 Denied`, `| 401 | Denied |`), but this page has {}",
            describe(document)
        );
        return Some(Diagnostic::error(message, vec![start]));
    }
    None
}

/// `3 headings, 1 table and 12 paragraphs` (top-level blocks).
fn describe(document: &Document) -> String {
    let count = |f: fn(&BlockKind) -> bool| document.blocks.iter().filter(|b| f(&b.kind)).count();
    let headings = count(|k| matches!(k, BlockKind::Heading { .. }));
    let tables = count(|k| matches!(k, BlockKind::Table(_)));
    let paragraphs = count(|k| matches!(k, BlockKind::Paragraph(_)));
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    format!(
        "{}, {} and {}",
        plural(headings, "heading"),
        plural(tables, "table"),
        plural(paragraphs, "paragraph")
    )
}

/// Words that make a heading look like the start of a list of codes.
const CODE_SECTION_WORDS: &[&str] = &["error", "code", "错误", "码"];

/// Shortest run of digits in a heading that looks like a code.
const CODE_DIGITS: usize = 3;

/// The page-level warnings.
pub(crate) fn warnings(
    document: &Document,
    page: &Page,
    text: &str,
    path: &str,
) -> Vec<Diagnostic> {
    let lines = LineIndex::new(text);
    let at = |offset: usize| vec![lines.position(path, offset)];
    let mut warnings = Vec::new();

    // Labels outside the vocabulary: once per label, at its first use.
    let mut labels: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for field in page.entries.iter().flat_map(|entry| &entry.fields) {
        if field.kind == FieldKind::Other && !field.label.is_empty() {
            labels.entry(&field.label).or_insert((field.offset, 0)).1 += 1;
        }
    }
    for (label, (offset, uses)) in labels {
        let message = format!(
            "label `{label}` is not one errcode knows ({uses} {}); it is kept as a field of that name",
            if uses == 1 { "entry" } else { "entries" }
        );
        warnings.push(Diagnostic::warning(message, at(offset)));
    }

    let entry_offsets: BTreeSet<usize> = page.entries.iter().map(|entry| entry.offset).collect();
    let kept_sections: BTreeSet<usize> =
        page.sections.iter().map(|section| section.offset).collect();
    let mut headings = Vec::new();
    collect_headings(&document.blocks, &mut headings);
    for (index, (offset, level, heading)) in headings.iter().enumerate() {
        if entry_offsets.contains(offset) || kept_sections.contains(offset) {
            continue;
        }
        let is_title =
            *level == 1 || (index == 0 && page.title.as_deref() == Some(heading.as_str()));
        if let Some(number) = long_number(heading) {
            let message = format!(
                "heading `{heading}` mentions `{number}` but is not read as an entry; errcode reads headings that start with their code or whose siblings name codes the same way"
            );
            warnings.push(Diagnostic::warning(message, at(*offset)));
        } else if !is_title && looks_like_code_section(heading) {
            let message = format!("section `{heading}` has no entries");
            warnings.push(Diagnostic::warning(message, at(*offset)));
        }
    }
    warnings
}

fn collect_headings(blocks: &[Block], out: &mut Vec<(usize, u8, String)>) {
    for block in blocks {
        match &block.kind {
            BlockKind::Heading { level, content, .. } => out.push((
                block.offset,
                *level,
                inline_text(content).trim_space().to_owned(),
            )),
            BlockKind::Quote(inner) => collect_headings(inner, out),
            _ => {}
        }
    }
}

fn looks_like_code_section(heading: &str) -> bool {
    let heading = heading.to_lowercase();
    CODE_SECTION_WORDS.iter().any(|word| heading.contains(word))
}

fn long_number(heading: &str) -> Option<&str> {
    heading
        .split(|c: char| !c.is_ascii_digit())
        .find(|digits| digits.len() >= CODE_DIGITS)
}

#[cfg(test)]
mod tests {
    use crate::options::Options;
    use crate::read::Format;
    use crate::validate::PageSource;

    fn warnings(page: &str) -> Vec<String> {
        let source = PageSource {
            path: "p.md",
            stem: "p",
            text: page,
        };
        let (_, mut diagnostics) =
            crate::catalog_of(&source, Format::Markdown, &Options::default());
        diagnostics.extend(crate::lint(&source, Format::Markdown));
        diagnostics
            .iter()
            .filter(|d| !d.is_error())
            .map(|d| d.render())
            .collect()
    }

    #[test]
    fn page_level_warnings() {
        let found = warnings(
            "# Push Error Codes\n\n## Server Error Codes\n\nNone yet.\n\n## About 401 Unauthorized\n\nx\n\n## Client Codes\n\n## 1 Busy\n\n**Error Message**\n\nBusy.\n\n**Applies To**\n\nv2\n",
        );
        assert_eq!(
            found,
            [
                "label `Applies To` is not one errcode knows (1 entry); it is kept as a field of that name\n  --> p.md:19:1",
                "section `Server Error Codes` has no entries\n  --> p.md:3:1",
                "heading `About 401 Unauthorized` mentions `401` but is not read as an entry; errcode reads headings that start with their code or whose siblings name codes the same way\n  --> p.md:7:1",
                "section `Client Codes` has no entries\n  --> p.md:11:1",
            ]
        );
    }
}

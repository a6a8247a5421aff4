//! Headings that name codes. A heading that starts with a number (`## 7400101 Invalid
//! Parameter`) or with a code written as code is an entry by itself; any other heading is one
//! when its siblings (the headings of its level under the same parent) are a list of entries
//! by the rule of `lead`: `### -1000 UNKNOWN`, `#### <inlinecode>P1000</inlinecode>`,
//! `## Error 1203: Quota exceeded`, `## AccessDenied`, `=== xref:…[08N00]`.
//! The heading's body, up to the next heading of its level or higher, gives the fields.

use std::collections::BTreeMap;

use super::lead::{self, Lead, Named};
use super::{FoundEntry, fields};
use crate::document::{Block, BlockKind, inline_text};
use crate::white_space::TrimSpace;

/// For each block of the outline, what it names when it is a heading that is an entry, and its
/// group of siblings.
pub(crate) fn entry_headings(
    outline: &[&Block],
    title: Option<usize>,
) -> Vec<Option<(Named, usize)>> {
    let mut named: Vec<Option<(Named, usize)>> = vec![None; outline.len()];
    // Siblings: headings of one level under the same parent heading.
    let mut groups: BTreeMap<(Option<usize>, u8), Vec<usize>> = BTreeMap::new();
    let mut open: Vec<(usize, u8)> = Vec::new();
    for (index, block) in outline.iter().enumerate() {
        let BlockKind::Heading { level, .. } = block.kind else {
            continue;
        };
        if Some(index) == title {
            continue;
        }
        while open
            .last()
            .is_some_and(|(_, open_level)| *open_level >= level)
        {
            open.pop();
        }
        let parent = open.last().map(|(parent, _)| *parent);
        groups.entry((parent, level)).or_default().push(index);
        open.push((index, level));
    }
    for (group, siblings) in groups.values().enumerate() {
        let leads: Vec<Lead> = siblings
            .iter()
            .map(|&index| Lead::of(outline[index].inlines().unwrap_or_default()))
            .collect();
        let run = lead::run(&leads, lead::Units::Headings);
        for ((&index, lead), in_run) in siblings.iter().zip(&leads).zip(run) {
            named[index] = in_run
                .or_else(|| lead::lone(lead))
                .map(|named| (named, group));
        }
    }
    // A heading alone under its parent (`=== G1001` the one code of its section) is an entry
    // when the headings of its level elsewhere (its cousins) are a list it belongs to.
    let mut levels: BTreeMap<u8, Vec<(usize, usize)>> = BTreeMap::new();
    for (group, ((_, level), siblings)) in groups.iter().enumerate() {
        levels
            .entry(*level)
            .or_default()
            .extend(siblings.iter().map(|&index| (index, group)));
    }
    for cousins in levels.values() {
        let alone: Vec<usize> = cousins
            .iter()
            .filter(|(index, group)| {
                named[*index].is_none() && cousins.iter().filter(|(_, g)| g == group).count() == 1
            })
            .map(|(index, _)| *index)
            .collect();
        if alone.is_empty() || cousins.iter().all(|(index, _)| named[*index].is_none()) {
            continue;
        }
        let leads: Vec<Lead> = cousins
            .iter()
            .map(|(index, _)| Lead::of(outline[*index].inlines().unwrap_or_default()))
            .collect();
        let run = lead::run(&leads, lead::Units::Headings);
        for ((index, group), in_run) in cousins.iter().zip(run) {
            if alone.contains(index) {
                named[*index] = in_run.map(|named| (named, *group));
            }
        }
    }
    named
}

/// The entries of a heading that names codes: one per code, each with the fields of the body
/// (the blocks up to the next heading of the same or a higher level).
pub(crate) fn entries(
    named: &Named,
    heading: &Block,
    body: &[&Block],
    section: Option<usize>,
) -> Vec<FoundEntry> {
    let fields = fields::fields(body);
    let anchor = match &heading.kind {
        BlockKind::Heading { id: Some(id), .. } => Some(id.clone()),
        BlockKind::Heading { content, .. } => Some(slug(&inline_text(content))),
        _ => None,
    };
    named.entries(heading.offset, section, fields, anchor)
}

/// The id GitHub, Gitee and Docusaurus give a heading: lower case, punctuation removed, spaces
/// as hyphens (`7400101 Invalid Parameter` → `7400101-invalid-parameter`).
fn slug(text: &str) -> String {
    let text = text.trim_space();
    if text.is_ascii() {
        // The same a byte at a time: every heading of a page comes here, in the unoptimised
        // build cargo gives proc macros, where `char::to_lowercase` costs hundreds of
        // instructions a character.
        let mut slug = String::with_capacity(text.len());
        for &byte in text.as_bytes() {
            match byte {
                b' ' => slug.push('-'),
                b'-' | b'_' => slug.push(char::from(byte)),
                _ if byte.is_ascii_alphanumeric() => {
                    slug.push(char::from(byte.to_ascii_lowercase()));
                }
                _ => {}
            }
        }
        return slug;
    }
    text.chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c.to_lowercase().next().unwrap_or(c)),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::recognise;
    use crate::catalog::Code;
    use crate::read::{Format, read};

    #[test]
    fn slugs_are_lower_case_with_hyphens_for_spaces_and_no_punctuation() {
        use super::slug;
        assert_eq!(
            slug("  7400101 Invalid-Parameter_X (v2)! "),
            "7400101-invalid-parameter_x-v2"
        );
        assert_eq!(slug("错误 Ab.Cd É"), "错误-abcd-é");
    }

    fn codes(page: &str) -> Vec<(String, Option<String>, Option<String>)> {
        recognise(&read(page, Format::Markdown))
            .entries
            .into_iter()
            .map(|e| (e.written, e.symbol, e.title))
            .collect()
    }

    fn entry(
        code: &str,
        symbol: Option<&str>,
        title: Option<&str>,
    ) -> (String, Option<String>, Option<String>) {
        (code.into(), symbol.map(Into::into), title.map(Into::into))
    }

    #[test]
    fn a_heading_that_starts_with_a_number_is_an_entry_alone() {
        assert_eq!(
            codes("# Camera\n\n## Overview\n\n## 7400101 Invalid Parameter\n\nBad.\n"),
            [entry("7400101", None, Some("Invalid Parameter"))]
        );
    }

    #[test]
    fn symbolic_codes_written_as_code_start_an_entry() {
        let page = recognise(&read(
            "## `AuthFailure.SignatureExpire` Signature expired\n\n## Overview\n",
            Format::Markdown,
        ));
        assert_eq!(page.entries.len(), 1);
        assert_eq!(
            page.entries[0].code,
            Code::Text("AuthFailure.SignatureExpire".into())
        );
        assert_eq!(page.entries[0].title.as_deref(), Some("Signature expired"));
    }

    #[test]
    fn siblings_that_name_codes_inside_or_beside_a_name() {
        assert_eq!(
            codes(
                "# E\n\n## 10xx - General\n\n### -1000 UNKNOWN\n\n* An unknown error.\n\n### -1001 DISCONNECTED\n\n* Internal error.\n\n## Messages for -1010 and -2010\n\nText.\n"
            ),
            [
                entry("-1000", Some("UNKNOWN"), None),
                entry("-1001", Some("DISCONNECTED"), None)
            ]
        );
        assert_eq!(
            codes(
                "## Error 1203: Quota exceeded\n\nx\n\n## Errors 2006, 2007 or 2106: Lost\n\ny\n"
            ),
            [
                entry("1203", None, Some("Quota exceeded")),
                entry("2006", None, Some("Lost")),
                entry("2007", None, Some("Lost")),
                entry("2106", None, Some("Lost")),
            ]
        );
        assert_eq!(
            codes(
                "## ERR_PNPM_UNEXPECTED_STORE\n\nA store.\n\n## ERR\\_PNPM\\_TARBALL\\_INTEGRITY\n\nA tarball.\n"
            ),
            [
                entry("ERR_PNPM_UNEXPECTED_STORE", None, None),
                entry("ERR_PNPM_TARBALL_INTEGRITY", None, None)
            ]
        );
    }

    #[test]
    fn html_headings_with_chrome() {
        let page = r#"<h2 id="s1">1007200001 参数无效<i class="anchor-icon" tips="x"></i></h2><div class="device-list"><span>支持设备</span></div><p><strong><strong>错误信息</strong></strong></p> <p>Invalid parameter value.</p>"#;
        let found = recognise(&read(page, Format::Html)).entries;
        assert_eq!(found[0].code, Code::Int(1007200001));
        assert_eq!(found[0].title.as_deref(), Some("参数无效"));
        assert_eq!(found[0].anchor.as_deref(), Some("s1"));
    }
}

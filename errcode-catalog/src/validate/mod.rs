//! Stage 3, validate: the entries found on a page become the catalog model.
//!
//! This file makes the decisions that span several entries: which section the invocation
//! selects, which repeats merge, whether sections become enums of their own, which entry a
//! duplicate code keeps, the repr, and each variant's name. The rules that only report live in
//! `check.rs`, one `check_*` each with the rule stated above it; `assemble.rs` builds the model
//! once everything is decided. Problems are collected, never thrown, so a user sees all of them
//! at once and still gets every enum that could be built.
//!
//! (Long because each decision is short but there are several; a fifth of the file is tests.)

mod assemble;
mod check;

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::{Catalog, Code, EnumDef, LocalePage, Repr};
use crate::diagnostics::{Diagnostic, LineIndex, Position};
use crate::entry_text::EntryText;
use crate::naming;
use crate::options::{DuplicatePolicy, Options};
use crate::recognise::{FoundEntry, Page};
use crate::render::Renderer;
use assemble::EnumParts;
pub(crate) use check::BUILT_IN_TRAITS;

/// The page being validated: its path as shown to users, its file stem and its text.
pub struct PageSource<'a> {
    /// The path shown in docs and diagnostics (relative to the invoking crate).
    pub path: &'a str,
    /// The file name without extension, for enum names when the page has no usable title.
    pub stem: &'a str,
    /// The page's text, for line numbers.
    pub text: &'a str,
}

struct Context<'a> {
    source: &'a PageSource<'a>,
    lines: LineIndex<'a>,
    diagnostics: Vec<Diagnostic>,
    /// The page's published URL (`base_url`), without a fragment.
    published: Option<String>,
}

impl Context<'_> {
    fn position(&self, offset: usize) -> Position {
        self.lines.position(self.source.path, offset)
    }
}

/// An entry on its way into the catalog.
struct Draft<'p> {
    found: &'p FoundEntry,
    text: EntryText,
    /// Entries with the same code that `duplicates = "first"/"last"` set aside.
    superseded: Vec<&'p FoundEntry>,
}

/// The entries of one future enum, and the section it is built from.
type Group<'p> = (Option<usize>, Vec<Draft<'p>>);

/// Builds the catalog of a recognised page.
pub fn validate(
    page: &Page,
    source: &PageSource<'_>,
    options: &Options,
) -> (Catalog, Vec<Diagnostic>) {
    let base_url = options.base_url.as_deref();
    let mut cx = Context {
        source,
        lines: LineIndex::new(source.text),
        diagnostics: Vec::new(),
        published: base_url.map(|url| url.split('#').next().unwrap_or(url).to_owned()),
    };
    let renderer = Renderer::new(base_url);
    let (selected_section, selected) = select_section(page, options, &mut cx);
    let drafts = merge_verbatim_repeats(selected, &mut cx);
    let groups = split_by_list(drafts, selected_section);
    check::check_name_applies(&groups, page, options, &mut cx);
    check::check_renames_exist(&groups, options, &mut cx);
    check::check_strip_prefix_applies(&groups, options, &mut cx);
    check::check_derives(options, &mut cx);
    let mut enums = Vec::new();
    let mut used_names = BTreeSet::new();
    for (section, drafts) in groups {
        let drafts = keep_one_per_code(drafts, options, &mut cx);
        let name = assemble::unique(
            assemble::enum_name(page, source, options, section, &drafts),
            &mut used_names,
        );
        enums.push(build_enum(
            page, section, name, drafts, options, &renderer, &mut cx,
        ));
    }
    let primary = LocalePage {
        tag: options.primary_locale(),
        source: source.path.to_owned(),
    };
    let catalog = Catalog {
        source: source.path.to_owned(),
        title: page.title.clone(),
        metadata: page.metadata.clone(),
        locales: vec![primary],
        enums,
    };
    (catalog, cx.diagnostics)
}

/// The entries of the `section = "..."` option (its subsections included), or all.
fn select_section<'p>(
    page: &'p Page,
    options: &Options,
    cx: &mut Context<'_>,
) -> (Option<usize>, Vec<&'p FoundEntry>) {
    let Some(wanted) = &options.section else {
        return (None, page.entries.iter().collect());
    };
    let matches = page.sections_titled(wanted);
    if matches.is_empty() {
        check::check_section_exists(page, wanted, cx);
        return (None, page.entries.iter().collect());
    }
    let entries = page
        .entries
        .iter()
        .filter(|entry| page.within(entry.section, &matches))
        .collect();
    (matches.first().copied(), entries)
}

/// An entry written twice word for word is one entry (`check_verbatim_repeat`).
fn merge_verbatim_repeats<'p>(
    entries: Vec<&'p FoundEntry>,
    cx: &mut Context<'_>,
) -> Vec<Draft<'p>> {
    let mut drafts: Vec<Draft<'p>> = Vec::with_capacity(entries.len());
    let mut by_code: BTreeMap<&Code, Vec<usize>> = BTreeMap::new();
    for found in entries {
        let draft = Draft {
            found,
            text: EntryText::of(found),
            superseded: Vec::new(),
        };
        let same_code = by_code.entry(&found.code).or_default();
        let repeat = same_code.iter().copied().find(|&index| {
            drafts[index].text == draft.text && drafts[index].found.symbol == found.symbol
        });
        match repeat {
            Some(index) => check::check_verbatim_repeat(&drafts[index], &draft, cx),
            None => {
                same_code.push(drafts.len());
                drafts.push(draft);
            }
        }
    }
    drafts
}

/// Codes unique across the page give one enum, each variant knowing its section; when two
/// lists of the page reuse a code (`avsdk.md`: 1001 in two sections' tables; two tables of one
/// section), every list becomes its own enum, named from its section. A code repeated within one
/// list is a conflict that splitting cannot resolve, so it does not split the page.
fn split_by_list(drafts: Vec<Draft<'_>>, selected: Option<usize>) -> Vec<Group<'_>> {
    let mut lists_of: BTreeMap<&Code, BTreeSet<usize>> = BTreeMap::new();
    for draft in &drafts {
        lists_of
            .entry(&draft.found.code)
            .or_default()
            .insert(draft.found.list);
    }
    let reused_across_lists = lists_of.values().any(|lists| lists.len() > 1);
    if !reused_across_lists {
        return vec![(selected, drafts)];
    }
    let mut groups: Vec<(usize, Group<'_>)> = Vec::new();
    for draft in drafts {
        let list = draft.found.list;
        match groups.iter_mut().find(|(l, _)| *l == list) {
            Some((_, (_, group))) => group.push(draft),
            None => groups.push((list, (draft.found.section, vec![draft]))),
        }
    }
    groups.into_iter().map(|(_, group)| group).collect()
}

/// One entry per code: the first, or the one `duplicates` asks for, with the others' text in
/// its docs (`check_conflicting_duplicates` reports the conflict when no policy is given).
fn keep_one_per_code<'p>(
    drafts: Vec<Draft<'p>>,
    options: &Options,
    cx: &mut Context<'_>,
) -> Vec<Draft<'p>> {
    let mut by_code: BTreeMap<&Code, Vec<usize>> = BTreeMap::new();
    for (index, draft) in drafts.iter().enumerate() {
        by_code.entry(&draft.found.code).or_default().push(index);
    }
    let conflicts: Vec<Vec<usize>> = by_code
        .into_values()
        .filter(|indices| indices.len() > 1)
        .collect();
    if conflicts.is_empty() {
        return drafts;
    }
    check::check_conflicting_duplicates(&drafts, &conflicts, options, cx);
    let mut keep = vec![true; drafts.len()];
    let mut superseded: Vec<(usize, usize)> = Vec::new();
    for indices in conflicts {
        let kept = match options.duplicates {
            Some(DuplicatePolicy::Last) => indices[indices.len() - 1],
            _ => indices[0],
        };
        for &index in &indices {
            if index != kept {
                keep[index] = false;
                superseded.push((kept, index));
            }
        }
    }
    let originals: Vec<&'p FoundEntry> = drafts.iter().map(|draft| draft.found).collect();
    let mut drafts = drafts;
    for (kept, other) in superseded {
        drafts[kept].superseded.push(originals[other]);
    }
    drafts
        .into_iter()
        .zip(keep)
        .filter_map(|(draft, keep)| keep.then_some(draft))
        .collect()
}

fn build_enum(
    page: &Page,
    section: Option<usize>,
    name: String,
    drafts: Vec<Draft<'_>>,
    options: &Options,
    renderer: &Renderer<'_>,
    cx: &mut Context<'_>,
) -> EnumDef {
    let repr = choose_repr(&name, &drafts, options, cx);
    let codes: Vec<Code> = drafts
        .iter()
        .map(|draft| match (&draft.found.code, repr) {
            (Code::Int(_), Repr::Str) => Code::Text(draft.found.written.clone()),
            (code, _) => code.clone(),
        })
        .collect();
    let names = variant_names(&drafts, &codes, options, cx);
    let parts = EnumParts {
        page,
        section,
        name,
        repr,
        renderer,
    };
    assemble::enumeration(parts, drafts, codes, names, cx)
}

/// Integer codes get the smallest of u32, i32, i64, u64 that holds them all, or the `repr`
/// option, which every code must fit; symbolic codes give a string-coded enum, and a mix
/// keeps every code, as text.
fn choose_repr(name: &str, drafts: &[Draft<'_>], options: &Options, cx: &mut Context<'_>) -> Repr {
    let values: Vec<(i128, usize)> = drafts
        .iter()
        .filter_map(|draft| match draft.found.code {
            Code::Int(value) => Some((value, draft.found.offset)),
            Code::Text(_) => None,
        })
        .collect();
    if values.len() < drafts.len() {
        check::check_repr_applies(name, options, cx);
        return Repr::Str;
    }
    if let Some(repr) = options.repr {
        check::check_codes_fit_repr(&values, repr, cx);
        return repr;
    }
    let numbers: Vec<i128> = values.iter().map(|(value, _)| *value).collect();
    if let Some(repr) = Repr::smallest_holding(&numbers) {
        return repr;
    }
    check::check_some_integer_holds(name, &values, cx);
    Repr::I64
}

/// A variant's name comes from its own entry only (symbol, symbolic code, English title,
/// English message, else `E<code>`); when several entries would get the same name, every one
/// of them gets its code appended, so an unrelated edit of the page never renames a variant.
/// `rename` overrides; a name it makes twice gets the entry's index appended so the expansion
/// still compiles next to the error.
fn variant_names(
    drafts: &[Draft<'_>],
    codes: &[Code],
    options: &Options,
    cx: &mut Context<'_>,
) -> Vec<String> {
    let prefix = options.strip_prefix.as_deref();
    let renamed = |draft: &Draft<'_>| {
        options
            .rename
            .iter()
            .find(|(code, _)| *code == draft.found.code)
            .map(|(_, name)| name.clone())
    };
    let natural: Vec<String> = drafts
        .iter()
        .zip(codes)
        .map(|(draft, code)| natural_name(draft, code, prefix))
        .collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (name, draft) in natural.iter().zip(drafts) {
        if renamed(draft).is_none() {
            *counts.entry(name).or_default() += 1;
        }
    }
    let mut clashes: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, name) in natural.iter().enumerate() {
        if counts.get(name.as_str()).is_some_and(|count| *count > 1)
            && renamed(&drafts[index]).is_none()
        {
            clashes.entry(name).or_default().push(index);
        }
    }
    check::check_name_clashes(&clashes, drafts, cx);
    let mut names: Vec<String> = natural
        .iter()
        .zip(drafts.iter().zip(codes))
        .map(|(name, (draft, code))| match renamed(draft) {
            Some(rename) => rename,
            None if counts[name.as_str()] > 1 => format!("{name}{}", naming::code_suffix(code)),
            None => name.clone(),
        })
        .collect();
    check::check_names_unique(&names, drafts, cx);
    let mut seen = BTreeSet::new();
    for (index, name) in names.iter_mut().enumerate() {
        if !seen.insert(name.clone()) {
            *name = format!("{name}{index}");
            seen.insert(name.clone());
        }
    }
    names
}

fn natural_name(draft: &Draft<'_>, code: &Code, prefix: Option<&str>) -> String {
    let symbolic_code = match &draft.found.code {
        Code::Text(text) => Some(text.as_str()),
        Code::Int(_) => None,
    };
    draft
        .found
        .symbol
        .as_deref()
        .and_then(|symbol| naming::from_symbol(symbol, prefix))
        .or_else(|| symbolic_code.and_then(|text| naming::from_symbol(text, prefix)))
        .or_else(|| naming::from_english(&draft.text.title))
        .or_else(|| naming::from_english(&draft.text.message))
        .unwrap_or_else(|| naming::from_code(code))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::read::{Format, read};
    use crate::recognise::recognise;

    /// The catalog and problems of a Markdown page `p.md` (stem `push-errors`).
    pub(super) fn validated(page: &str, options: &[(&str, &str)]) -> (Catalog, Vec<Diagnostic>) {
        let source = PageSource {
            path: "p.md",
            stem: "push-errors",
            text: page,
        };
        let options = Options::from_text(options).unwrap();
        validate(&recognise(&read(page, Format::Markdown)), &source, &options)
    }

    fn catalog(page: &str, options: &[(&str, &str)]) -> Catalog {
        validated(page, options).0
    }

    fn codes(definition: &EnumDef) -> Vec<String> {
        definition
            .entries
            .iter()
            .map(|entry| format!("{} {}", entry.code, entry.variant))
            .collect()
    }

    const NESTED: &str = "# Push Error Codes\n\n## Client\n\n### Network\n\n| Code | Message |\n|---|---|\n| 1 | Busy |\n\n## Server\n\n| Code | Message |\n|---|---|\n| 2 | Down |\n";

    #[test]
    fn a_section_takes_its_subsections_and_unique_codes_make_one_enum() {
        let all = catalog(NESTED, &[]);
        assert_eq!(all.enums.len(), 1);
        assert_eq!(all.enums[0].name, "PushError");
        let client = catalog(NESTED, &[("section", "Client")]);
        assert_eq!(codes(&client.enums[0]), ["1 Busy"]);
        assert_eq!(
            client.enums[0].entries[0].section.as_deref(),
            Some("Network")
        );
    }

    #[test]
    fn sections_that_reuse_a_code_become_enums_of_their_own() {
        let page = NESTED.replace("| 2 | Down |", "| 1 | Down |");
        let split = catalog(&page, &[]);
        let names: Vec<&str> = split.enums.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["NetworkError", "ServerError"]);
    }

    #[test]
    fn duplicates_keep_the_entry_the_policy_names() {
        let page = "| Code | Message |\n|---|---|\n| 7 | Busy |\n| 7 | Down |\n";
        let last = catalog(page, &[("duplicates", "last")]);
        assert_eq!(codes(&last.enums[0]), ["7 Down"]);
        assert!(
            last.enums[0].entries[0].docs.contains("Busy"),
            "the other's text is kept"
        );
        let first = catalog(page, &[("duplicates", "first")]);
        assert_eq!(codes(&first.enums[0]), ["7 Busy"]);
    }

    #[test]
    fn the_smallest_repr_that_holds_every_code() {
        let repr = |codes: &str| {
            let rows: String = codes
                .split(' ')
                .map(|code| format!("| {code} | Text {code} |\n"))
                .collect();
            catalog(&format!("| Code | Message |\n|---|---|\n{rows}"), &[]).enums[0].repr
        };
        assert_eq!(repr("1 4294967295"), Repr::U32);
        assert_eq!(repr("-1 2"), Repr::I32);
        assert_eq!(repr("-1 4294967295"), Repr::I64);
        assert_eq!(repr("18446744073709551615"), Repr::U64);
        assert_eq!(repr("AccessDenied NoSuchKey"), Repr::Str);
    }

    #[test]
    fn names_come_from_the_entry_and_clashes_append_the_code() {
        let page =
            "| Code | Message |\n|---|---|\n| 1 | Busy |\n| 2 | Busy! |\n| 3 | 服务器错误 |\n";
        assert_eq!(
            codes(&catalog(page, &[]).enums[0]),
            ["1 Busy1", "2 Busy2", "3 E3"]
        );
        let renamed = catalog(page, &[("rename", "{ 1 = Down, 2 = Down }")]);
        assert_eq!(codes(&renamed.enums[0]), ["1 Down", "2 Down1", "3 E3"]);
    }
}

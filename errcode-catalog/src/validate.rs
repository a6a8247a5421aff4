//! Stage 3, validate: the entries found on a page become the catalog model.
//!
//! This is where the rules that span several entries live, each in a `check_*` function with
//! the rule stated above it: duplicate codes, splitting by section, name clashes, the repr,
//! and whether each option applies to this page. Problems are collected, never thrown, so a
//! user sees all of them at once and still gets every enum that could be built.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::{Catalog, Code, Entry, EnumDef, LocalePage, Repr};
use crate::diagnostics::{Diagnostic, LineIndex, Position};
use crate::docs::{self, EnumDocs, Origin};
use crate::entry_text::EntryText;
use crate::naming;
use crate::options::{DuplicatePolicy, OptionSpot, Options, Part};
use crate::recognise::{FoundEntry, Page};
use crate::rustdoc::Renderer;

/// The page being validated: its path as shown to users, its file stem and its text.
pub struct PageSource<'a> {
    /// The path shown in docs and diagnostics (relative to the invoking crate).
    pub path: &'a str,
    /// The file name without extension, for enum names when the page has no usable title.
    pub stem: &'a str,
    /// The page's text, for line numbers.
    pub text: &'a str,
}

/// Derives and impls errcode writes itself; a `derive(...)` option must not repeat them.
pub(crate) const BUILT_IN_TRAITS: &[&str] = &[
    "Clone",
    "Copy",
    "PartialEq",
    "Eq",
    "Hash",
    "PartialOrd",
    "Ord",
    "Debug",
];

struct Context<'a> {
    source: &'a PageSource<'a>,
    lines: LineIndex<'a>,
    diagnostics: Vec<Diagnostic>,
    /// The page's published URL (`base_url`), without a fragment.
    published: Option<String>,
}

impl Context<'_> {
    fn position(&self, offset: usize) -> Position {
        let (line, column) = self.lines.line_column(offset);
        Position {
            path: self.source.path.to_owned(),
            line,
            column,
        }
    }
}

/// An entry on its way into the catalog.
struct Draft<'p> {
    found: &'p FoundEntry,
    text: EntryText,
    /// Entries with the same code that `duplicates = "first"/"last"` set aside.
    superseded: Vec<&'p FoundEntry>,
}

/// Builds the catalog of a recognised page.
pub fn build(
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
    let groups = check_split_by_section(drafts, selected_section);
    check_name_applies(&groups, page, options, &mut cx);
    check_renames_exist(&groups, options, &mut cx);
    check_strip_prefix_applies(&groups, options, &mut cx);
    check_derives(options, &mut cx);
    let mut enums = Vec::new();
    let mut used_names = BTreeSet::new();
    for (section, drafts) in groups {
        let drafts = check_duplicate_codes(drafts, options, &mut cx);
        let name = unique(enum_name(page, source, options, section), &mut used_names);
        let built = build_enum(page, section, name, drafts, options, &renderer, &mut cx);
        enums.push(built);
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
    let matches: Vec<usize> = page
        .sections
        .iter()
        .enumerate()
        .filter(|(_, section)| section.title.trim().eq_ignore_ascii_case(wanted.trim()))
        .map(|(index, _)| index)
        .collect();
    if matches.is_empty() {
        let names: Vec<String> = page
            .sections
            .iter()
            .map(|s| format!("`{}`", s.title))
            .collect();
        let message = if names.is_empty() {
            format!(
                "option `section` does not apply: the page has no sections, and `{wanted}` is not one"
            )
        } else {
            format!(
                "no section `{wanted}` on this page; sections with entries: {}",
                names.join(", ")
            )
        };
        cx.diagnostics.push(Diagnostic::option_error(
            message,
            OptionSpot::value("section"),
        ));
        return (None, page.entries.iter().collect());
    }
    let within = |mut section: Option<usize>| {
        while let Some(index) = section {
            if matches.contains(&index) {
                return true;
            }
            section = page.sections[index].parent;
        }
        false
    };
    let entries = page
        .entries
        .iter()
        .filter(|entry| within(entry.section))
        .collect();
    (matches.first().copied(), entries)
}

/// Rule: an entry written twice word for word is one entry (`im`'s 10062 row repeated); the
/// repeat is merged, and `errcode check` mentions it.
fn merge_verbatim_repeats<'p>(
    entries: Vec<&'p FoundEntry>,
    cx: &mut Context<'_>,
) -> Vec<Draft<'p>> {
    let mut drafts: Vec<Draft<'p>> = Vec::with_capacity(entries.len());
    let mut by_code: BTreeMap<&Code, Vec<usize>> = BTreeMap::new();
    for found in entries {
        let text = EntryText::of(found);
        let same_code = by_code.entry(&found.code).or_default();
        let repeat = same_code.iter().copied().find(|&index| {
            drafts[index].text == text && drafts[index].found.symbol == found.symbol
        });
        match repeat {
            Some(index) => {
                let message = format!(
                    "code `{}` is repeated word for word; the repeat is merged",
                    found.code
                );
                let positions = vec![
                    cx.position(drafts[index].found.offset),
                    cx.position(found.offset),
                ];
                cx.diagnostics.push(Diagnostic::warning(message, positions));
            }
            None => {
                same_code.push(drafts.len());
                drafts.push(Draft {
                    found,
                    text,
                    superseded: Vec::new(),
                });
            }
        }
    }
    drafts
}

/// Rule: codes unique across the page give one enum, each variant knowing its section; when two
/// sections reuse a code (`avsdk.md`: 1001), every section becomes its own enum. A code repeated
/// within one section is a conflict that splitting cannot resolve, so it does not split the page.
fn check_split_by_section<'p>(
    drafts: Vec<Draft<'p>>,
    selected: Option<usize>,
) -> Vec<(Option<usize>, Vec<Draft<'p>>)> {
    let mut sections_of: BTreeMap<&Code, BTreeSet<Option<usize>>> = BTreeMap::new();
    for draft in &drafts {
        sections_of
            .entry(&draft.found.code)
            .or_default()
            .insert(draft.found.section);
    }
    let reused_across_sections = sections_of.values().any(|sections| sections.len() > 1);
    if !reused_across_sections {
        return vec![(selected, drafts)];
    }
    let mut groups: Vec<(Option<usize>, Vec<Draft<'p>>)> = Vec::new();
    for draft in drafts {
        let section = draft.found.section;
        match groups.iter_mut().find(|(s, _)| *s == section) {
            Some((_, group)) => group.push(draft),
            None => groups.push((section, vec![draft])),
        }
    }
    groups
}

/// Rule: `name = ...` names the one enum of a page; a page split into several enums by section
/// needs `section = ...` to pick one.
fn check_name_applies(
    groups: &[(Option<usize>, Vec<Draft<'_>>)],
    page: &Page,
    options: &Options,
    cx: &mut Context<'_>,
) {
    if options.name.is_none() {
        return;
    }
    if groups.len() > 1 {
        let sections: Vec<String> = groups
            .iter()
            .filter_map(|(section, _)| section.map(|s| format!("`{}`", page.sections[s].title)))
            .collect();
        let message = format!(
            "option `name` does not apply: sections of this page reuse codes, so it expands into {} enums; pick one with `section = \"...\"` ({})",
            groups.len(),
            sections.join(", ")
        );
        cx.diagnostics
            .push(Diagnostic::option_error(message, OptionSpot::value("name")));
    }
}

/// Rule: every `rename` names a code on the page.
fn check_renames_exist(
    groups: &[(Option<usize>, Vec<Draft<'_>>)],
    options: &Options,
    cx: &mut Context<'_>,
) {
    for (index, (code, _)) in options.rename.iter().enumerate() {
        let found = groups
            .iter()
            .flat_map(|(_, drafts)| drafts)
            .any(|d| d.found.code == *code);
        if !found {
            let message = format!("`rename` names code `{code}`, which is not on this page");
            let spot = OptionSpot {
                key: "rename",
                part: Part::ItemKey(index),
            };
            cx.diagnostics.push(Diagnostic::option_error(message, spot));
        }
    }
}

/// Rule: `strip_prefix` must match the start of at least one symbol, or it is a typo.
fn check_strip_prefix_applies(
    groups: &[(Option<usize>, Vec<Draft<'_>>)],
    options: &Options,
    cx: &mut Context<'_>,
) {
    let Some(prefix) = &options.strip_prefix else {
        return;
    };
    let applies = groups.iter().flat_map(|(_, drafts)| drafts).any(|draft| {
        let symbol = draft.found.symbol.as_deref().or(match &draft.found.code {
            Code::Text(text) => Some(text.as_str()),
            Code::Int(_) => None,
        });
        symbol.is_some_and(|symbol| symbol.starts_with(prefix.as_str()))
    });
    if !applies {
        let message = format!(
            "option `strip_prefix` does not apply: no symbol on this page starts with `{prefix}`"
        );
        cx.diagnostics.push(Diagnostic::option_error(
            message,
            OptionSpot::value("strip_prefix"),
        ));
    }
}

/// Rule: `derive(...)` adds traits; the ones errcode implements itself cannot be derived again.
fn check_derives(options: &Options, cx: &mut Context<'_>) {
    for (index, path) in options.derives.iter().enumerate() {
        let name = path.rsplit("::").next().unwrap_or(path);
        if BUILT_IN_TRAITS.contains(&name) {
            let message = format!(
                "`derive({name})` is not needed: errcode already implements `{name}` for the enum"
            );
            let spot = OptionSpot {
                key: "derive",
                part: Part::ItemValue(index),
            };
            cx.diagnostics.push(Diagnostic::option_error(message, spot));
        }
    }
}

/// Rule: an enum holds each code once. Entries that repeat a code with different text conflict:
/// an error names every line, unless `duplicates = "first"` or `"last"` keeps one and records
/// the others' text in its docs.
fn check_duplicate_codes<'p>(
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
    let policy = options.duplicates;
    let mut keep = vec![true; drafts.len()];
    let mut superseded: Vec<(usize, usize)> = Vec::new();
    for indices in conflicts {
        let kept = match policy {
            Some(DuplicatePolicy::Last) => indices[indices.len() - 1],
            _ => indices[0],
        };
        if policy.is_none() {
            let positions = indices
                .iter()
                .map(|&i| cx.position(drafts[i].found.offset))
                .collect();
            let message = format!(
                "code `{}` has {} different entries; keep one with `duplicates = \"first\"` or `duplicates = \"last\"`, or fix the page",
                drafts[indices[0]].found.code,
                indices.len()
            );
            cx.diagnostics.push(Diagnostic::error(message, positions));
        }
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

fn enum_name(
    page: &Page,
    source: &PageSource<'_>,
    options: &Options,
    section: Option<usize>,
) -> String {
    if let Some(name) = &options.name {
        return name.clone();
    }
    let section_title = section.map(|index| page.sections[index].title.as_str());
    section_title
        .and_then(naming::enum_from_heading)
        .or_else(|| page.title.as_deref().and_then(naming::enum_from_heading))
        .unwrap_or_else(|| naming::enum_from_stem(source.stem))
}

/// `name`, or `name2`, `name3`... when it is taken.
fn unique(name: String, used: &mut BTreeSet<String>) -> String {
    let mut candidate = name.clone();
    let mut counter = 2;
    while !used.insert(candidate.clone()) {
        candidate = format!("{name}{counter}");
        counter += 1;
    }
    candidate
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
    let repr = check_repr(&name, &drafts, options, cx);
    let codes: Vec<Code> = drafts
        .iter()
        .map(|draft| match (&draft.found.code, repr) {
            (Code::Int(value), Repr::Str) => Code::Text(value.to_string()),
            (code, _) => code.clone(),
        })
        .collect();
    let names = check_variant_names(&drafts, &codes, options, cx);
    let entries: Vec<Entry> = drafts
        .iter()
        .zip(codes)
        .zip(names)
        .map(|((draft, code), variant)| entry(page, draft, code, variant, renderer, cx))
        .collect();
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
    let docs = docs::enumeration(renderer, &enum_docs);
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
    draft: &Draft<'_>,
    code: Code,
    variant: String,
    renderer: &Renderer<'_>,
    cx: &Context<'_>,
) -> Entry {
    let found = draft.found;
    let position = cx.position(found.offset);
    let section = found
        .section
        .map(|index| page.sections[index].title.clone());
    let docs_of = |entry: &FoundEntry, text: &EntryText, position: &Position| {
        let origin = Origin {
            code: &code,
            symbol: entry.symbol.as_deref(),
            section: section.as_deref(),
            position: format!("{}:{}", position.path, position.line),
        };
        docs::variant(renderer, entry, text, &origin)
    };
    let mut docs = docs_of(found, &draft.text, &position);
    for other in &draft.superseded {
        let other_position = cx.position(other.offset);
        let other_docs = docs_of(other, &EntryText::of(other), &other_position);
        let location = format!("{}:{}", other_position.path, other_position.line);
        docs.push_str("\n\n");
        docs.push_str(&docs::superseded(&other_docs, &location));
    }
    let text = draft.text.clone();
    Entry {
        code,
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
    }
}

/// Rule: integer codes get the smallest of u32, i32, i64, u64 that holds them all, or the
/// `repr` option, which every code must fit; symbolic codes give a string-coded enum, and a
/// mix keeps every code, as text.
fn check_repr(name: &str, drafts: &[Draft<'_>], options: &Options, cx: &mut Context<'_>) -> Repr {
    let values: Vec<(i128, usize)> = drafts
        .iter()
        .filter_map(|draft| match draft.found.code {
            Code::Int(value) => Some((value, draft.found.offset)),
            Code::Text(_) => None,
        })
        .collect();
    if values.len() < drafts.len() {
        if options.repr.is_some() {
            let message = format!(
                "option `repr` does not apply: `{name}` has symbolic codes, so `code()` returns `&'static str`"
            );
            cx.diagnostics
                .push(Diagnostic::option_error(message, OptionSpot::value("repr")));
        }
        return Repr::Str;
    }
    if let Some(repr) = options.repr {
        for (value, offset) in &values {
            if !repr.holds(*value) {
                let message = format!(
                    "code `{value}` does not fit `repr = {}`; choose a wider repr or leave it out",
                    repr.name()
                );
                cx.diagnostics
                    .push(Diagnostic::error(message, vec![cx.position(*offset)]));
            }
        }
        return repr;
    }
    if let Some(repr) = Repr::INTEGERS
        .into_iter()
        .find(|repr| values.iter().all(|(v, _)| repr.holds(*v)))
    {
        return repr;
    }
    let message = format!(
        "the codes of `{name}` mix negative numbers with numbers above `i64::MAX`; no integer type holds them all"
    );
    let first = values
        .first()
        .map(|(_, offset)| cx.position(*offset))
        .into_iter()
        .collect();
    cx.diagnostics.push(Diagnostic::error(message, first));
    Repr::I64
}

/// Rule: a variant's name comes from its own entry only (symbol, symbolic code, English title,
/// English message, else `E<code>`); when several entries would get the same name, every one
/// of them gets its code appended, so an unrelated edit of the page never renames a variant.
/// `rename` overrides, and must not produce a name another variant has.
fn check_variant_names(
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
    for (name, clashing) in clashes {
        let listed: Vec<String> = clashing
            .iter()
            .map(|&i| format!("`{}`", codes[i]))
            .collect();
        let message = format!(
            "variant name `{name}` fits codes {}; each gets its code appended, or give one a name with `rename`",
            listed.join(" and ")
        );
        let positions = clashing
            .iter()
            .map(|&i| cx.position(drafts[i].found.offset))
            .collect();
        cx.diagnostics.push(Diagnostic::warning(message, positions));
    }
    let mut names: Vec<String> = natural
        .iter()
        .zip(drafts.iter().zip(codes))
        .map(|(name, (draft, code))| match renamed(draft) {
            Some(rename) => rename,
            None if counts[name.as_str()] > 1 => format!("{name}{}", naming::code_suffix(code)),
            None => name.clone(),
        })
        .collect();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for index in 0..names.len() {
        if let Some(&first) = seen.get(&names[index]) {
            let message = format!(
                "variant name `{}` is given to codes `{}` and `{}`; choose another with `rename = {{ {} = NewName }}`",
                names[index], codes[first], codes[index], codes[index]
            );
            let positions = vec![
                cx.position(drafts[first].found.offset),
                cx.position(drafts[index].found.offset),
            ];
            cx.diagnostics.push(Diagnostic::error(message, positions));
            names[index] = format!("{}{}", names[index], index);
        }
        seen.insert(names[index].clone(), index);
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

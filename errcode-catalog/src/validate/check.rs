//! The rules that only report: each `check_*` states one rule with an example, looks at the
//! entries and options, and adds diagnostics. None of them changes what is built; the decisions
//! (which entry a duplicate keeps, which repr, which name) are made in `validate/mod.rs`.

use std::collections::BTreeMap;

use super::{Context, Draft, Group};
use crate::catalog::{Code, Repr};
use crate::diagnostics::Diagnostic;
use crate::options::{OptionSpot, Options, Part};
use crate::recognise::Page;

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

/// Rule: `section = "..."` names a section with entries.
/// `section = "Client Codes"` on a page whose sections are `AVSDK Client Error Codes` and
/// `Recording Error Codes` is an error that lists them.
pub(super) fn check_section_exists(page: &Page, wanted: &str, cx: &mut Context<'_>) {
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
}

/// Rule: an entry written twice word for word is one entry, and `errcode check` says so.
/// `| 10062 | Busy |` twice in one table merges into one variant.
pub(super) fn check_verbatim_repeat(first: &Draft<'_>, repeat: &Draft<'_>, cx: &mut Context<'_>) {
    let message = format!(
        "code `{}` is repeated word for word; the repeat is merged",
        repeat.found.written
    );
    let positions = vec![
        cx.position(first.found.offset),
        cx.position(repeat.found.offset),
    ];
    cx.diagnostics.push(Diagnostic::warning(message, positions));
}

/// Rule: `name = ...` names the one enum of a page; a page split into several enums by section
/// needs `section = ...` to pick one. `name = AvsdkError` on `avsdk.md` (four sections reuse
/// codes) is an error that lists the sections.
pub(super) fn check_name_applies(
    groups: &[Group<'_>],
    page: &Page,
    options: &Options,
    cx: &mut Context<'_>,
) {
    if options.name.is_none() || groups.len() <= 1 {
        return;
    }
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

/// Rule: every `rename` names a code on the page. `rename = { 42 = Unknown }` on a page
/// without code 42 is an error at `42`.
pub(super) fn check_renames_exist(groups: &[Group<'_>], options: &Options, cx: &mut Context<'_>) {
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
/// `strip_prefix = "ERR_"` on a page of `AV_ERR_...` symbols is an error.
pub(super) fn check_strip_prefix_applies(
    groups: &[Group<'_>],
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
/// `derive(Debug)` is an error at `Debug`.
pub(super) fn check_derives(options: &Options, cx: &mut Context<'_>) {
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

/// Rule: an enum holds each code once. Entries that repeat a code with different text
/// conflict: without `duplicates = "first"` or `"last"` that is an error naming every line.
/// `10008` defined twice with different messages in one table is such a conflict.
pub(super) fn check_conflicting_duplicates(
    drafts: &[Draft<'_>],
    conflicts: &[Vec<usize>],
    options: &Options,
    cx: &mut Context<'_>,
) {
    if options.duplicates.is_some() {
        return;
    }
    for indices in conflicts {
        let positions = indices
            .iter()
            .map(|&i| cx.position(drafts[i].found.offset))
            .collect();
        let message = format!(
            "code `{}` has {} different entries; keep one with `duplicates = \"first\"` or `duplicates = \"last\"`, or fix the page",
            drafts[indices[0]].found.written,
            indices.len()
        );
        cx.diagnostics.push(Diagnostic::error(message, positions));
    }
}

/// Rule: `repr` applies to integer codes only. `repr = u32` on a page of symbolic codes
/// (`AccessDenied`) is an error: `code()` returns `&'static str` there.
pub(super) fn check_repr_applies(name: &str, options: &Options, cx: &mut Context<'_>) {
    if options.repr.is_some() {
        let message = format!(
            "option `repr` does not apply: `{name}` has symbolic codes, so `code()` returns `&'static str`"
        );
        cx.diagnostics
            .push(Diagnostic::option_error(message, OptionSpot::value("repr")));
    }
}

/// Rule: every code fits the `repr` the invocation asks for. `-1` with `repr = u32` is an
/// error at the entry's line.
pub(super) fn check_codes_fit_repr(values: &[(i128, usize)], repr: Repr, cx: &mut Context<'_>) {
    for (value, offset) in values {
        if !repr.holds(*value) {
            let message = format!(
                "code `{value}` does not fit `repr = {}`; choose a wider repr or leave it out",
                repr.name()
            );
            let position = cx.position(*offset);
            cx.diagnostics
                .push(Diagnostic::error(message, vec![position]));
        }
    }
}

/// Rule: some integer type holds every code. `-1` and `18446744073709551615` on one page fit
/// neither `i64` nor `u64`: an error at the first code.
pub(super) fn check_some_integer_holds(name: &str, values: &[(i128, usize)], cx: &mut Context<'_>) {
    let message = format!(
        "the codes of `{name}` mix negative numbers with numbers above `i64::MAX`; no integer type holds them all"
    );
    let first = values
        .first()
        .map(|(_, offset)| cx.position(*offset))
        .into_iter()
        .collect();
    cx.diagnostics.push(Diagnostic::error(message, first));
}

/// Rule: when several entries would get the same variant name, `errcode check` says so; each
/// gets its code appended. Two entries titled `Invalid Image Parameter` become
/// `InvalidImageParameter62980115` and `InvalidImageParameter62980149`.
pub(super) fn check_name_clashes(
    clashes: &BTreeMap<&str, Vec<usize>>,
    drafts: &[Draft<'_>],
    cx: &mut Context<'_>,
) {
    for (name, clashing) in clashes {
        let listed: Vec<String> = clashing
            .iter()
            .map(|&i| format!("`{}`", drafts[i].found.written))
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
}

/// Rule: no two variants share a name, even after `rename`. `rename = { 7400101 =
/// InvalidOperation }` on a page where 7400102 is `InvalidOperation` is an error at both lines.
pub(super) fn check_names_unique(names: &[String], drafts: &[Draft<'_>], cx: &mut Context<'_>) {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (index, name) in names.iter().enumerate() {
        if let Some(&first) = seen.get(name.as_str()) {
            let message = format!(
                "variant name `{name}` is given to codes `{}` and `{}`; choose another with `rename = {{ {} = NewName }}`",
                drafts[first].found.written,
                drafts[index].found.written,
                drafts[index].found.written
            );
            let positions = vec![
                cx.position(drafts[first].found.offset),
                cx.position(drafts[index].found.offset),
            ];
            cx.diagnostics.push(Diagnostic::error(message, positions));
        } else {
            seen.insert(name, index);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::tests::validated;

    /// Every diagnostic of a Markdown page, rendered, errors marked `E`, warnings `W`.
    fn problems(page: &str, options: &[(&str, &str)]) -> Vec<String> {
        validated(page, options)
            .1
            .iter()
            .map(|d| {
                let level = if d.is_error() { "E" } else { "W" };
                format!("{level} {}", d.render())
            })
            .collect()
    }

    const SECTIONS: &str = "# Push Errors\n\n## Client Codes\n\n| Code | Message |\n|---|---|\n| 1 | Busy |\n\n## Server Codes\n\n| Code | Message |\n|---|---|\n| 1 | Down |\n";

    #[test]
    fn a_section_that_is_not_there() {
        assert_eq!(
            problems(SECTIONS, &[("section", "Client")]),
            [
                "E no section `Client` on this page; sections with entries: `Client Codes`, `Server Codes`"
            ]
        );
        assert!(problems(SECTIONS, &[("section", "client codes")]).is_empty());
    }

    #[test]
    fn a_verbatim_repeat_is_merged_with_a_warning() {
        let page = "| Code | Message |\n|---|---|\n| 7 | Busy |\n| 7 | Busy |\n";
        assert_eq!(
            problems(page, &[]),
            [
                "W code `7` is repeated word for word; the repeat is merged\n  --> p.md:3:2\n  --> p.md:4:2"
            ]
        );
    }

    #[test]
    fn name_on_a_page_split_by_section() {
        let found = problems(SECTIONS, &[("name", "Push")]);
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("E option `name` does not apply: sections of this page reuse codes, so it expands into 2 enums"));
    }

    #[test]
    fn options_that_do_not_apply() {
        let page = "| Code | Name | Message |\n|---|---|---|\n| 1 | AV_ERR_BUSY | Busy |\n";
        assert_eq!(
            problems(
                page,
                &[
                    ("rename", "{ 2 = Two }"),
                    ("strip_prefix", "ERR_"),
                    ("derive", "(Debug, serde::Serialize)")
                ]
            ),
            [
                "E `rename` names code `2`, which is not on this page",
                "E option `strip_prefix` does not apply: no symbol on this page starts with `ERR_`",
                "E `derive(Debug)` is not needed: errcode already implements `Debug` for the enum",
            ]
        );
        assert!(problems(page, &[("strip_prefix", "AV_ERR_")]).is_empty());
    }

    #[test]
    fn conflicting_duplicates_unless_a_policy_keeps_one() {
        let page = "| Code | Message |\n|---|---|\n| 7 | Busy |\n| 7 | Down |\n";
        assert_eq!(
            problems(page, &[]),
            [
                "E code `7` has 2 different entries; keep one with `duplicates = \"first\"` or `duplicates = \"last\"`, or fix the page\n  --> p.md:3:2\n  --> p.md:4:2"
            ]
        );
        assert!(problems(page, &[("duplicates", "first")]).is_empty());
    }

    #[test]
    fn repr_rules() {
        let symbolic = "| Code | Message |\n|---|---|\n| AccessDenied | No |\n";
        assert_eq!(
            problems(symbolic, &[("repr", "u32")]),
            [
                "E option `repr` does not apply: `PushError` has symbolic codes, so `code()` returns `&'static str`"
            ]
        );
        let negative = "| Code | Message |\n|---|---|\n| -1 | No |\n";
        assert_eq!(
            problems(negative, &[("repr", "u32")]),
            [
                "E code `-1` does not fit `repr = u32`; choose a wider repr or leave it out\n  --> p.md:3:2"
            ]
        );
        let mixed = "| Code | Message |\n|---|---|\n| -1 | No |\n| 18446744073709551615 | Max |\n";
        assert_eq!(
            problems(mixed, &[]),
            [
                "E the codes of `PushError` mix negative numbers with numbers above `i64::MAX`; no integer type holds them all\n  --> p.md:3:2"
            ]
        );
    }

    #[test]
    fn names_that_clash_and_names_given_twice() {
        let page = "| Code | Message |\n|---|---|\n| 1 | Busy |\n| 2 | Busy! |\n| 3 | Down |\n";
        assert_eq!(
            problems(page, &[]),
            [
                "W variant name `Busy` fits codes `1` and `2`; each gets its code appended, or give one a name with `rename`\n  --> p.md:3:2\n  --> p.md:4:2"
            ]
        );
        assert_eq!(
            problems(page, &[("rename", "{ 1 = Down, 2 = Busy }")]),
            [
                "E variant name `Down` is given to codes `1` and `3`; choose another with `rename = { 3 = NewName }`\n  --> p.md:3:2\n  --> p.md:5:2"
            ]
        );
    }
}

//! Stage 3b, lock: the names a lock file keeps (`camera.md.lock`, written by `errcode lock`),
//! applied to the validated catalog, so that a vendor rewording a title does not rename the
//! variant users match on.
//!
//! - A locked code keeps its locked variant name, whatever the page now says; `rename = {...}`
//!   in the invocation still wins. The enum keeps the lock's name unless `name = ...` is given.
//! - A code the lock lacks is named by the usual rules (with its code appended if that name is
//!   locked to another code); `errcode check` warns that the lock is behind.
//! - A locked code the page no longer lists stays a variant, `#[deprecated]`, with the message
//!   the lock recorded, until `errcode lock --prune`.
//! - A lock that does not parse, names a code twice, gives two codes one name, holds a name
//!   that is not an identifier, or belongs to another page is an error at its line; the catalog
//!   is then built as if there were no lock.
//!
//! (Long because the lock's rules are one concept, each short; 159 of its 555 lines are tests.)

mod file;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

pub use file::{Lock, LockSyntaxError, LockedCode, LockedEnum};

use crate::catalog::{Catalog, Code, EntryDef, EnumDef, Repr};
use crate::diagnostics::{Diagnostic, Position};
use crate::naming;
use crate::options::{Options, is_identifier};
use crate::render::escape_text;

/// The lock file of a page: `camera.md.lock` beside `camera.md`.
pub fn path_beside(page: &Path) -> PathBuf {
    let mut name = page.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    page.with_file_name(name)
}

/// A lock file's text and the path it is shown as.
pub struct LockSource<'a> {
    /// The path shown in diagnostics.
    pub path: &'a str,
    /// Its text.
    pub text: &'a str,
}

/// Applies a lock to `catalog`, and reports the lock's problems and the codes it is behind on.
/// `page_name` is the page's file name when the lock must be that page's own (a lock found
/// beside it), `None` when it was chosen for the page (`errcode diff --lock`).
pub fn apply(
    catalog: &mut Catalog,
    source: &LockSource<'_>,
    page_name: Option<&str>,
    options: &Options,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let lock = match Lock::parse(source.text) {
        Ok(lock) => lock,
        Err(error) => {
            let message = format!(
                "{} in lock file `{}`; fix the line, or write the lock again with `errcode lock`",
                error.message, source.path
            );
            diagnostics.push(Diagnostic::error(
                message,
                vec![Position::new(source.path, error.line, error.column)],
            ));
            return;
        }
    };
    let problems = check(&lock, source.path, page_name);
    if !problems.is_empty() {
        diagnostics.extend(problems);
        return;
    }
    let mut taken = BTreeSet::new();
    for definition in &mut catalog.enums {
        let Some(locked) = matching(&lock, definition, &mut taken) else {
            let message = format!(
                "enum `{}` is not in `{}`; run `errcode lock` to keep its names",
                definition.name, source.path
            );
            let line = definition.entries.first().map_or(1, |entry| entry.line);
            diagnostics.push(Diagnostic::warning(
                message,
                vec![Position::new(&catalog.source, line, 1)],
            ));
            continue;
        };
        let locking = Locking {
            locked,
            lock_path: source.path,
            page: &catalog.source,
            options,
        };
        locking.apply(definition, diagnostics);
    }
    for (index, locked) in lock.enums.iter().enumerate() {
        if !taken.contains(&index) {
            let message = format!(
                "`{}` keeps enum `{}`, which matches no enum of `{}`; `errcode lock --prune` removes it",
                source.path, locked.name, catalog.source
            );
            let here = Position::new(source.path, locked.line, 1);
            diagnostics.push(Diagnostic::warning(message, vec![here]));
        }
    }
}

/// The lock written from a catalog: every enum and code in page order; codes the page no
/// longer lists (deprecated variants) are kept unless `prune`.
pub fn of_catalog(catalog: &Catalog, page_name: &str, prune: bool) -> Lock {
    Lock {
        page: Some((page_name.to_owned(), 0)),
        enums: catalog
            .enums
            .iter()
            .map(|definition| LockedEnum {
                name: definition.name.clone(),
                line: 0,
                codes: definition
                    .entries
                    .iter()
                    .filter(|entry| !(prune && entry.deprecated.is_some()))
                    .map(|entry| LockedCode {
                        code: entry.code.to_string(),
                        variant: entry.variant.clone(),
                        message: entry.message.clone(),
                        line: 0,
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// The errors of a lock that parses: another page's lock, names that are not identifiers,
/// enums or codes given twice, two codes of an enum with one name.
fn check(lock: &Lock, path: &str, page_name: Option<&str>) -> Vec<Diagnostic> {
    let at = |line: u32| Position::new(path, line, 1);
    let mut errors = Vec::new();
    if let (Some((page, line)), Some(page_name)) = (&lock.page, page_name)
        && page != page_name
    {
        let message = format!(
            "`{path}` is the lock of `{page}`, not of `{page_name}`; put it beside its page, or write this page's lock with `errcode lock`"
        );
        errors.push(Diagnostic::error(message, vec![at(*line)]));
    }
    let mut enums: BTreeMap<&str, u32> = BTreeMap::new();
    for locked in &lock.enums {
        if !is_identifier(&locked.name) {
            let message = format!(
                "enum name `{}` in `{path}` is not a Rust identifier",
                locked.name
            );
            errors.push(Diagnostic::error(message, vec![at(locked.line)]));
        }
        if let Some(first) = enums.insert(&locked.name, locked.line) {
            let message = format!("`{path}` gives enum `{}` twice", locked.name);
            errors.push(Diagnostic::error(message, vec![at(locked.line), at(first)]));
        }
        let mut codes: BTreeMap<&str, u32> = BTreeMap::new();
        let mut variants: BTreeMap<&str, &LockedCode> = BTreeMap::new();
        for code in &locked.codes {
            if !is_identifier(&code.variant) {
                let message = format!(
                    "variant name `{}` of code `{}` in `{path}` is not a Rust identifier",
                    code.variant, code.code
                );
                errors.push(Diagnostic::error(message, vec![at(code.line)]));
            }
            if let Some(first) = codes.insert(&code.code, code.line) {
                let message = format!(
                    "`{path}` gives code `{}` twice in `{}`",
                    code.code, locked.name
                );
                errors.push(Diagnostic::error(message, vec![at(code.line), at(first)]));
            }
            if let Some(first) = variants.insert(&code.variant, code) {
                let message = format!(
                    "`{path}` names codes `{}` and `{}` of `{}` alike, `{}`; give one of them another name",
                    first.code, code.code, locked.name, code.variant
                );
                errors.push(Diagnostic::error(
                    message,
                    vec![at(code.line), at(first.line)],
                ));
            }
        }
    }
    errors
}

/// The enum of the lock that an enum of the page is: the one that shares most codes with it,
/// else the one of the same name; each lock enum is taken once.
fn matching<'l>(
    lock: &'l Lock,
    definition: &EnumDef,
    taken: &mut BTreeSet<usize>,
) -> Option<&'l LockedEnum> {
    let codes: BTreeSet<String> = definition
        .entries
        .iter()
        .map(|entry| entry.code.to_string())
        .collect();
    let (index, _) = lock
        .enums
        .iter()
        .enumerate()
        .filter(|(index, _)| !taken.contains(index))
        .map(|(index, locked)| {
            let shared = locked
                .codes
                .iter()
                .filter(|code| codes.contains(&code.code))
                .count();
            (index, (shared, locked.name == definition.name))
        })
        .filter(|(_, (shared, same_name))| *shared > 0 || *same_name)
        .max_by_key(|(index, score)| (*score, std::cmp::Reverse(*index)))?;
    taken.insert(index);
    Some(&lock.enums[index])
}

/// One enum of the page and the enum of the lock it is.
struct Locking<'a> {
    locked: &'a LockedEnum,
    lock_path: &'a str,
    page: &'a str,
    options: &'a Options,
}

impl Locking<'_> {
    fn apply(&self, definition: &mut EnumDef, diagnostics: &mut Vec<Diagnostic>) {
        if self.options.name.is_none() {
            definition.name = self.locked.name.clone();
        }
        let by_code: BTreeMap<&str, &LockedCode> = self
            .locked
            .codes
            .iter()
            .map(|code| (code.code.as_str(), code))
            .collect();
        let renamed = |code: &Code| {
            self.options
                .rename
                .iter()
                .any(|(renamed, _)| renamed == code)
        };
        // Every locked name is reserved for its code, on the page or not.
        let reserved: BTreeSet<&str> = by_code.values().map(|code| code.variant.as_str()).collect();
        for entry in &mut definition.entries {
            if renamed(&entry.code) {
                continue;
            }
            if let Some(locked) = by_code.get(entry.code.to_string().as_str()) {
                entry.variant = locked.variant.clone();
                continue;
            }
            if reserved.contains(entry.variant.as_str()) {
                // The lock gives this name to another code: this one takes its code too.
                entry.variant = format!("{}{}", entry.variant, naming::code_suffix(&entry.code));
            }
            let message = format!(
                "code `{}` (`{}::{}`) is not in `{}`; run `errcode lock` to keep its name",
                entry.written, definition.name, entry.variant, self.lock_path
            );
            diagnostics.push(Diagnostic::warning(
                message,
                vec![Position::new(self.page, entry.line, 1)],
            ));
        }
        let on_page: BTreeSet<String> = definition
            .entries
            .iter()
            .map(|entry| entry.code.to_string())
            .collect();
        let names: BTreeSet<String> = definition
            .entries
            .iter()
            .map(|entry| entry.variant.clone())
            .collect();
        for locked in &self.locked.codes {
            if on_page.contains(&locked.code) {
                continue;
            }
            if names.contains(&locked.variant) {
                // Only `rename` can give a page's code a locked name.
                let message = format!(
                    "`{}` keeps code `{}` as `{}`, which `rename` gives another code; the code is left out",
                    self.lock_path, locked.code, locked.variant
                );
                let here = Position::new(self.lock_path, locked.line, 1);
                diagnostics.push(Diagnostic::warning(message, vec![here]));
                continue;
            }
            if let Some(entry) = self.deprecated(definition, locked, diagnostics) {
                definition.entries.push(entry);
            }
        }
        self.widen_repr(definition, diagnostics);
    }

    /// The variant of a locked code the page no longer lists: deprecated, with the message the
    /// lock recorded.
    fn deprecated(
        &self,
        definition: &EnumDef,
        locked: &LockedCode,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Option<EntryDef> {
        let here = Position::new(self.lock_path, locked.line, 1);
        let code = match definition.repr {
            Repr::Str => Code::Text(locked.code.clone()),
            _ => match locked.code.parse::<i128>() {
                Ok(value) => Code::Int(value),
                Err(_) => {
                    let message = format!(
                        "code `{}` in `{}` is not a number, but `{}` has numeric codes; remove it with `errcode lock --prune`",
                        locked.code, self.lock_path, definition.name
                    );
                    diagnostics.push(Diagnostic::error(message, vec![here]));
                    return None;
                }
            },
        };
        let note = format!(
            "`{}` no longer lists code {}; `errcode lock --prune` removes this variant",
            self.page, locked.code
        );
        let message = format!(
            "`{}` keeps code `{}` (`{}::{}`), which `{}` no longer lists: a deprecated variant until `errcode lock --prune`",
            self.lock_path, locked.code, definition.name, locked.variant, self.page
        );
        diagnostics.push(Diagnostic::warning(message, vec![here]));
        let docs = format!(
            "**No longer on the page.** `{}` listed code `{}` when `{}` was written; `errcode lock --prune` removes this variant.\n\n{}",
            escape_text(self.page, false),
            escape_text(&locked.code, false),
            escape_text(self.lock_path, false),
            escape_text(&locked.message, true)
        );
        Some(EntryDef {
            code,
            written: locked.code.clone(),
            variant: locked.variant.clone(),
            symbol: None,
            title: String::new(),
            message: locked.message.clone(),
            description: None,
            causes: Vec::new(),
            solutions: Vec::new(),
            section: None,
            fields: Vec::new(),
            line: 0,
            url: None,
            translations: Vec::new(),
            docs,
            deprecated: Some(note),
        })
    }

    /// The repr again when a kept code does not fit it: the smallest that holds every code,
    /// or an error when the invocation fixed it with `repr`.
    fn widen_repr(&self, definition: &mut EnumDef, diagnostics: &mut Vec<Diagnostic>) {
        let values: Vec<i128> = definition
            .entries
            .iter()
            .filter_map(|entry| match entry.code {
                Code::Int(value) => Some(value),
                Code::Text(_) => None,
            })
            .collect();
        if definition.repr == Repr::Str || values.iter().all(|v| definition.repr.holds(*v)) {
            return;
        }
        match (self.options.repr, Repr::smallest_holding(&values)) {
            (None, Some(repr)) => definition.repr = repr,
            _ => {
                let message = format!(
                    "a code `{}` keeps no longer fits `{}`'s repr `{}`; remove it with `errcode lock --prune`",
                    self.lock_path,
                    definition.name,
                    definition.repr.name()
                );
                diagnostics.push(Diagnostic::error(
                    message,
                    vec![Position::new(self.lock_path, self.locked.line, 1)],
                ));
                definition
                    .entries
                    .retain(|entry| entry.deprecated.is_none());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Format;
    use crate::validate::PageSource;

    const PAGE: &str = "# Status Error Codes\n\n## 100 Busy\n\n**Error Message**\n\nThe device is busy.\n\n## 200 Offline\n\n**Error Message**\n\nThe device is offline.\n";

    fn locked(page: &str, lock: &str, options: &[(&str, &str)]) -> (Catalog, Vec<String>) {
        let options = Options::from_text(options).unwrap();
        let source = PageSource {
            path: "status.md",
            stem: "status",
            text: page,
        };
        let (mut catalog, mut diagnostics) = crate::catalog_of(&source, Format::Markdown, &options);
        let lock = LockSource {
            path: "status.md.lock",
            text: lock,
        };
        apply(
            &mut catalog,
            &lock,
            Some("status.md"),
            &options,
            &mut diagnostics,
        );
        let rendered = diagnostics.iter().map(Diagnostic::render).collect();
        (catalog, rendered)
    }

    fn lock_of(page: &str) -> String {
        let source = PageSource {
            path: "status.md",
            stem: "status",
            text: page,
        };
        let (catalog, _) = crate::catalog_of(&source, Format::Markdown, &Options::default());
        of_catalog(&catalog, "status.md", false).write()
    }

    fn variants(catalog: &Catalog) -> Vec<(String, String, bool)> {
        catalog.enums[0]
            .entries
            .iter()
            .map(|e| {
                (
                    e.code.to_string(),
                    e.variant.clone(),
                    e.deprecated.is_some(),
                )
            })
            .collect()
    }

    #[test]
    fn a_retitled_entry_keeps_its_locked_name_and_shows_its_new_text() {
        let lock = lock_of(PAGE);
        let retitled = PAGE.replace("## 100 Busy", "## 100 Very Busy");
        let (catalog, diagnostics) = locked(&retitled, &lock, &[]);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(catalog.enums[0].name, "StatusError");
        let busy = &catalog.enums[0].entries[0];
        assert_eq!(busy.variant, "Busy");
        assert_eq!(busy.title, "Very Busy");
    }

    #[test]
    fn new_codes_are_named_as_usual_and_reported() {
        let lock = lock_of(PAGE);
        let grown = format!(
            "{PAGE}\n## 300 Busy\n\n**Error Message**\n\nBusy again.\n\n## 400 Hot\n\n**Error Message**\n\nToo hot.\n"
        );
        let (catalog, diagnostics) = locked(&grown, &lock, &[]);
        assert_eq!(
            variants(&catalog)[2..],
            [
                ("300".to_owned(), "Busy300".to_owned(), false),
                ("400".to_owned(), "Hot".to_owned(), false)
            ]
        );
        // The page itself has two entries named `Busy` (validate's warning); the lock keeps the
        // name for 100.
        let behind: Vec<&String> = diagnostics
            .iter()
            .filter(|d| d.contains("is not in"))
            .collect();
        assert_eq!(
            behind,
            [
                "code `300` (`StatusError::Busy300`) is not in `status.md.lock`; run `errcode lock` to keep its name\n  --> status.md:15:1",
                "code `400` (`StatusError::Hot`) is not in `status.md.lock`; run `errcode lock` to keep its name\n  --> status.md:21:1"
            ]
        );
    }

    #[test]
    fn a_code_that_left_the_page_stays_deprecated_with_its_message() {
        let lock = lock_of(PAGE);
        let shrunk = &PAGE[..PAGE.find("## 200").unwrap()];
        let (catalog, diagnostics) = locked(shrunk, &lock, &[]);
        assert_eq!(
            variants(&catalog),
            [
                ("100".to_owned(), "Busy".to_owned(), false),
                ("200".to_owned(), "Offline".to_owned(), true)
            ]
        );
        let offline = &catalog.enums[0].entries[1];
        assert_eq!(offline.message, "The device is offline.");
        assert!(offline.docs.contains("The device is offline."));
        assert!(
            diagnostics[0].contains("no longer lists"),
            "{diagnostics:?}"
        );
        let pruned = of_catalog(&catalog, "status.md", true);
        assert_eq!(pruned.enums[0].codes.len(), 1);
    }

    #[test]
    fn rename_wins_over_the_lock_and_a_kept_code_may_widen_the_repr() {
        let lock = lock_of(PAGE).replace("\"Busy\"", "\"Occupied\"")
            + "-5 = { variant = \"Negative\", message = \"Below zero.\" }\n";
        let (catalog, _) = locked(PAGE, &lock, &[]);
        assert_eq!(catalog.enums[0].entries[0].variant, "Occupied");
        assert_eq!(catalog.enums[0].repr, Repr::I32);
        let (renamed, _) = locked(PAGE, &lock, &[("rename", "{ 100 = Engaged }")]);
        assert_eq!(renamed.enums[0].entries[0].variant, "Engaged");
    }

    #[test]
    fn bad_locks_are_errors_at_their_lines_and_the_page_builds_without_them() {
        let lock = lock_of(PAGE);
        let cases = [
            (
                lock.replace("page = \"status.md\"", "page = \"camera.md\""),
                "`status.md.lock` is the lock of `camera.md`, not of `status.md`; put it beside its page, or write this page's lock with `errcode lock`\n  --> status.md.lock:4:1",
            ),
            (
                lock.replace("\"Offline\"", "\"Busy\""),
                "`status.md.lock` names codes `100` and `200` of `StatusError` alike, `Busy`; give one of them another name\n  --> status.md.lock:8:1\n  --> status.md.lock:7:1",
            ),
            (
                lock.replace("\"Offline\"", "\"Off line\""),
                "variant name `Off line` of code `200` in `status.md.lock` is not a Rust identifier\n  --> status.md.lock:8:1",
            ),
            (
                lock.replace("variant = \"Offline\"", "variant = Offline"),
                "expected `\"`, found `O` in lock file `status.md.lock`; fix the line, or write the lock again with `errcode lock`\n  --> status.md.lock:8:19",
            ),
        ];
        for (bad, expected) in cases {
            let retitled = PAGE.replace("## 100 Busy", "## 100 Very Busy");
            let (catalog, diagnostics) = locked(&retitled, &bad, &[]);
            assert_eq!(diagnostics, [expected]);
            assert_eq!(catalog.enums[0].entries[0].variant, "VeryBusy");
        }
    }
}

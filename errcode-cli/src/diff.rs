//! `errcode diff OLD NEW`: what changes between two versions of a page, and what breaks.
//!
//! Entries are matched by code within an enum of the same name. For code that uses the
//! generated enum, removing or renaming a variant breaks (a `match` arm or path no longer
//! compiles), so do a variant moving to another code, a change of repr, and a removed enum;
//! adding a variant does not (the enums are `#[non_exhaustive]`), nor does a new message.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ArgMatches;
use errcode_catalog::LockFile;
use errcode_catalog::catalog::{Catalog, Code, EnumDef};
use errcode_catalog::lock;

use crate::Failure;
use crate::page::{emit, environment, options_of, print};

/// One difference between two versions of a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Change {
    EnumAdded {
        name: String,
    },
    EnumRemoved {
        name: String,
    },
    ReprChanged {
        name: String,
        old: String,
        new: String,
    },
    Added {
        path: String,
        code: Code,
    },
    Removed {
        path: String,
        code: Code,
    },
    Renamed {
        old: String,
        new: String,
        code: Code,
    },
    CodeChanged {
        path: String,
        old: Code,
        new: Code,
    },
    MessageChanged {
        path: String,
        code: Code,
        old: String,
        new: String,
    },
    /// The page no longer lists the code; its lock keeps the variant, deprecated.
    Deprecated {
        path: String,
        code: Code,
    },
}

impl Change {
    /// Whether code that uses the generated enum stops compiling or behaves differently.
    pub(crate) fn breaking(&self) -> bool {
        !matches!(
            self,
            Change::EnumAdded { .. }
                | Change::Added { .. }
                | Change::MessageChanged { .. }
                | Change::Deprecated { .. }
        )
    }

    fn describe(&self) -> String {
        match self {
            Change::EnumAdded { name } => format!("added enum {name}"),
            Change::EnumRemoved { name } => format!("removed enum {name}"),
            Change::ReprChanged { name, old, new } => format!("repr of {name}: {old} -> {new}"),
            Change::Added { path, code } => format!("added {path} ({code})"),
            Change::Removed { path, code } => format!("removed {path} ({code})"),
            Change::Renamed { old, new, code } => format!("renamed {old} -> {new} ({code})"),
            Change::CodeChanged { path, old, new } => format!("code of {path}: {old} -> {new}"),
            Change::Deprecated { path, code } => {
                format!(
                    "deprecated {path} ({code}): the page no longer lists it; its lock keeps it"
                )
            }
            Change::MessageChanged {
                path,
                code,
                old,
                new,
            } => {
                format!("message of {path} ({code}): {old:?} -> {new:?}")
            }
        }
    }
}

pub(crate) fn run(args: &ArgMatches) -> Result<ExitCode, Failure> {
    let options = options_of(args)?;
    // One lock names the variants of both versions: a reworded entry keeps its name.
    let new_file = args.get_one::<String>("new").map_or("", String::as_str);
    let lock = match args.get_one::<String>("lock") {
        Some(lock) if !Path::new(lock).is_file() => {
            return Err(Failure::from(format!("no such lock file: `{lock}`")));
        }
        Some(lock) => LockFile::At(PathBuf::from(lock)),
        None => LockFile::At(lock::path_beside(Path::new(new_file))),
    };
    let load = |key: &str| -> Result<Catalog, Failure> {
        let file = args.get_one::<String>(key).map_or("", String::as_str);
        let loaded = errcode_catalog::load_locked(file, &options, &environment()?, &lock);
        if print(&loaded.diagnostics, false).errors > 0 {
            return Err(Failure::from(format!("`{file}` has errors")));
        }
        loaded
            .catalog
            .ok_or_else(|| Failure::from(format!("`{file}` could not be read")))
    };
    let changes = changes(&load("old")?, &load("new")?);
    let mut out = String::new();
    for change in &changes {
        let mark = if change.breaking() { "breaking" } else { "ok" };
        out.push_str(&format!("{mark:<9}{}\n", change.describe()));
    }
    emit(&out)?;
    let breaking = changes.iter().filter(|c| c.breaking()).count();
    eprintln!("{} changes, {breaking} breaking", changes.len());
    Ok(if breaking > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Every change from `old` to `new`, enum by enum, in page order.
pub(crate) fn changes(old: &Catalog, new: &Catalog) -> Vec<Change> {
    let mut changes = Vec::new();
    let new_enums: BTreeMap<&str, &EnumDef> =
        new.enums.iter().map(|e| (e.name.as_str(), e)).collect();
    for old_enum in &old.enums {
        match new_enums.get(old_enum.name.as_str()) {
            Some(new_enum) => enum_changes(old_enum, new_enum, &mut changes),
            None => changes.push(Change::EnumRemoved {
                name: old_enum.name.clone(),
            }),
        }
    }
    for new_enum in &new.enums {
        if !old.enums.iter().any(|e| e.name == new_enum.name) {
            changes.push(Change::EnumAdded {
                name: new_enum.name.clone(),
            });
        }
    }
    changes
}

fn enum_changes(old: &EnumDef, new: &EnumDef, changes: &mut Vec<Change>) {
    let path = |variant: &str| format!("{}::{variant}", old.name);
    if old.repr != new.repr {
        let (old_repr, new_repr) = (old.repr.name().to_owned(), new.repr.name().to_owned());
        changes.push(Change::ReprChanged {
            name: old.name.clone(),
            old: old_repr,
            new: new_repr,
        });
    }
    let new_by_code: BTreeMap<&Code, usize> = new
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| (&e.code, i))
        .collect();
    let mut matched_new = vec![false; new.entries.len()];
    let mut unmatched_old = Vec::new();
    for entry in &old.entries {
        let Some(&index) = new_by_code.get(&entry.code) else {
            unmatched_old.push(entry);
            continue;
        };
        matched_new[index] = true;
        let current = &new.entries[index];
        if current.variant != entry.variant {
            let (old_path, new_path) = (path(&entry.variant), path(&current.variant));
            changes.push(Change::Renamed {
                old: old_path,
                new: new_path,
                code: entry.code.clone(),
            });
        }
        if current.deprecated.is_some() && entry.deprecated.is_none() {
            changes.push(Change::Deprecated {
                path: path(&current.variant),
                code: entry.code.clone(),
            });
        }
        if current.message != entry.message {
            changes.push(Change::MessageChanged {
                path: path(&current.variant),
                code: entry.code.clone(),
                old: entry.message.clone(),
                new: current.message.clone(),
            });
        }
    }
    for entry in unmatched_old {
        // A variant that kept its name but moved to a code not on the old page.
        let moved = new
            .entries
            .iter()
            .enumerate()
            .find(|(i, e)| !matched_new[*i] && e.variant == entry.variant);
        match moved {
            Some((index, current)) => {
                matched_new[index] = true;
                let (old_code, new_code) = (entry.code.clone(), current.code.clone());
                changes.push(Change::CodeChanged {
                    path: path(&entry.variant),
                    old: old_code,
                    new: new_code,
                });
            }
            None => changes.push(Change::Removed {
                path: path(&entry.variant),
                code: entry.code.clone(),
            }),
        }
    }
    for (entry, matched) in new.entries.iter().zip(matched_new) {
        if !matched {
            changes.push(Change::Added {
                path: path(&entry.variant),
                code: entry.code.clone(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use errcode_catalog::options::Options;
    use errcode_catalog::read::Format;
    use errcode_catalog::validate::PageSource;

    fn catalog(page: &str) -> Catalog {
        let source = PageSource {
            path: "p.md",
            stem: "p",
            text: page,
        };
        errcode_catalog::catalog_of(&source, Format::Markdown, &Options::default()).0
    }

    #[test]
    fn renames_moves_and_reprs() {
        let old = catalog("# Status Error Codes\n\n## 1 Busy\n\n## 2 Offline\n\n## 3 Hot\n");
        let new = catalog("# Status Error Codes\n\n## 1 Occupied\n\n## 20 Offline\n\n## -3 Hot\n");
        let changes = changes(&old, &new);
        let described: Vec<(bool, String)> = changes
            .iter()
            .map(|c| (c.breaking(), c.describe()))
            .collect();
        assert_eq!(
            described,
            [
                (true, "repr of StatusError: u32 -> i32".to_owned()),
                (
                    true,
                    "renamed StatusError::Busy -> StatusError::Occupied (1)".to_owned()
                ),
                (
                    false,
                    "message of StatusError::Occupied (1): \"Busy\" -> \"Occupied\"".to_owned()
                ),
                (true, "code of StatusError::Offline: 2 -> 20".to_owned()),
                (true, "code of StatusError::Hot: 3 -> -3".to_owned()),
            ]
        );
    }

    #[test]
    fn enums_added_and_removed() {
        let old = catalog("# A Error Codes\n\n## 1 X\n");
        let new = catalog("# B Error Codes\n\n## 1 X\n");
        let changes = changes(&old, &new);
        assert_eq!(
            changes,
            [
                Change::EnumRemoved {
                    name: "AError".into()
                },
                Change::EnumAdded {
                    name: "BError".into()
                }
            ]
        );
        assert!(changes[0].breaking() && !changes[1].breaking());
    }
}

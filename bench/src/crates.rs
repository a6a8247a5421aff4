//! The crates that are built and timed: the same entries expanded by `error_catalog!`, written
//! out by hand from that expansion (the floor), written the way the match-based code people
//! write by hand looks, written with the derives people use today (thiserror, num_enum,
//! strum), and as a bare enum.

use std::fmt::Write;

use errcode_catalog::catalog::{Catalog, Code, EntryDef};
use errcode_catalog::options::Options;
use errcode_catalog::resolve::Environment;

/// What a measured crate is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `error_catalog!("page.md")`.
    Macro,
    /// The same, with the proc macro built optimised (`[profile.dev.build-override]
    /// opt-level = 3` in the crate's manifest).
    MacroOptimized,
    /// The macro's expansion, formatted and written into the crate.
    Floor,
    /// Explicit discriminants, `ALL` as a list of variants, `match`es, derived `Debug`.
    Match,
    /// `thiserror` + `num_enum` + `strum` derives.
    Derives,
    /// `#[repr(u32)] enum` with discriminants and nothing else.
    Bare,
}

impl Kind {
    /// Every kind, in the order they are built in a round.
    pub const ALL: [Kind; 6] = [
        Kind::Macro,
        Kind::MacroOptimized,
        Kind::Floor,
        Kind::Match,
        Kind::Derives,
        Kind::Bare,
    ];

    /// Whether the crate expands its page with `error_catalog!` when it is built.
    pub fn invokes_the_macro(self) -> bool {
        matches!(self, Kind::Macro | Kind::MacroOptimized)
    }

    /// The name used in crate names and tables.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Macro => "macro",
            Kind::MacroOptimized => "macro-opt",
            Kind::Floor => "floor",
            Kind::Match => "match",
            Kind::Derives => "derives",
            Kind::Bare => "bare",
        }
    }

    /// The dependencies of the crate, as `Cargo.toml` lines.
    pub fn dependencies(self, runtime: &str) -> String {
        match self {
            Kind::Macro | Kind::MacroOptimized | Kind::Floor => format!("errcode-runtime = {{ path = {runtime:?} }}\n"),
            Kind::Derives => "thiserror = \"2\"\nnum_enum = \"0.7\"\nstrum = { version = \"0.27\", features = [\"derive\"] }\n".to_owned(),
            Kind::Match | Kind::Bare => String::new(),
        }
    }

    /// Profile settings for the crate's manifest.
    pub fn profile(self) -> &'static str {
        match self {
            Kind::MacroOptimized => "\n[profile.dev.build-override]\nopt-level = 3\n",
            _ => "",
        }
    }
}

/// The catalog errcode builds from `page` (`page.md` in `dir`), and its formatted expansion.
pub fn expand(page_dir: &std::path::Path) -> (Catalog, String) {
    let loaded = errcode_catalog::load("page.md", &Options::default(), &environment(page_dir));
    let catalog = loaded.catalog.expect("the generated page reads");
    (
        catalog,
        written_out(page_dir, "page.md", &Options::default()),
    )
}

/// What the proc macro does for `error_catalog!("page.md")`: read, recognise, validate and
/// expand the page into Rust source text.
pub fn macro_work(page_dir: &std::path::Path) -> String {
    macro_work_on(page_dir, "page.md", &Options::default())
}

fn macro_work_on(crate_dir: &std::path::Path, page: &str, options: &Options) -> String {
    errcode_catalog::expand_page(page, options, &environment(crate_dir)).code
}

/// The expansion of `error_catalog!(page, options...)` in the crate at `crate_dir`, formatted.
pub fn written_out(crate_dir: &std::path::Path, page: &str, options: &Options) -> String {
    let file =
        syn::parse_file(&macro_work_on(crate_dir, page, options)).expect("the expansion parses");
    prettyplease::unparse(&file)
}

fn environment(page_dir: &std::path::Path) -> Environment {
    Environment {
        manifest_dir: page_dir.to_path_buf(),
        source_file: None,
    }
}

fn code(entry: &EntryDef) -> u32 {
    match entry.code {
        Code::Int(value) => value as u32,
        Code::Text(_) => 0,
    }
}

/// `pub const fn {method}(self) -> &'static str` as one `match` arm per entry.
fn text_match(
    out: &mut String,
    method: &str,
    entries: &[EntryDef],
    text: impl Fn(&EntryDef) -> &str,
) {
    let _ = writeln!(
        out,
        "\n    pub const fn {method}(self) -> &'static str {{\n        match self {{"
    );
    for entry in entries {
        let _ = writeln!(
            out,
            "            Self::{} => {:?},",
            entry.variant,
            text(entry)
        );
    }
    out.push_str("        }\n    }\n");
}

/// The source of `lib.rs` for a kind of crate.
pub fn source(kind: Kind, catalog: &Catalog, expansion: &str) -> String {
    let definition = &catalog.enums[0];
    let entries = &definition.entries;
    let mut out = String::from("#![allow(dead_code)]\n");
    match kind {
        Kind::Macro | Kind::MacroOptimized => {
            out.push_str("errcode_runtime::error_catalog!(\"page.md\");\n")
        }
        Kind::Floor => out.push_str(expansion),
        Kind::Bare => {
            out.push_str("#[repr(u32)]\npub enum BenchError {\n");
            for entry in entries {
                let _ = writeln!(out, "    {} = {},", entry.variant, code(entry));
            }
            out.push_str("}\n");
        }
        Kind::Match => {
            let _ = writeln!(out, "#[doc = {:?}]", definition.docs);
            out.push_str("#[repr(u32)]\n#[non_exhaustive]\n#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]\npub enum BenchError {\n");
            for entry in entries {
                let _ = writeln!(
                    out,
                    "    #[doc = {:?}]\n    #[doc(alias = \"{}\")]\n    {} = {},",
                    entry.docs,
                    code(entry),
                    entry.variant,
                    code(entry)
                );
            }
            out.push_str("}\n\nimpl BenchError {\n    pub const ALL: &'static [Self] = &[\n");
            for entry in entries {
                let _ = writeln!(out, "        Self::{},", entry.variant);
            }
            out.push_str("    ];\n\n    pub const fn code(self) -> u32 {\n        self as u32\n    }\n\n    pub const fn from_code(code: u32) -> Option<Self> {\n        match code {\n");
            for entry in entries {
                let _ = writeln!(
                    out,
                    "            {} => Some(Self::{}),",
                    code(entry),
                    entry.variant
                );
            }
            out.push_str("            _ => None,\n        }\n    }\n");
            text_match(&mut out, "message", entries, |entry| &entry.message);
            text_match(&mut out, "title", entries, |entry| &entry.title);
            out.push_str("}\n\nimpl std::fmt::Display for BenchError {\n    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {\n        write!(f, \"{} {}: {}\", self.code(), self.title(), self.message())\n    }\n}\n\nimpl std::error::Error for BenchError {}\n");
        }
        Kind::Derives => {
            let _ = writeln!(out, "#[doc = {:?}]", definition.docs);
            out.push_str("#[repr(u32)]\n#[non_exhaustive]\n#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, thiserror::Error, num_enum::TryFromPrimitive, num_enum::IntoPrimitive, strum::EnumIter, strum::EnumString, strum::IntoStaticStr, strum::EnumMessage)]\npub enum BenchError {\n");
            for entry in entries {
                let display = format!("{} {}: {}", code(entry), entry.title, entry.message)
                    .replace('{', "{{")
                    .replace('}', "}}");
                let _ = writeln!(
                    out,
                    "    #[doc = {:?}]\n    #[doc(alias = \"{}\")]\n    #[error({display:?})]\n    #[strum(message = {:?})]\n    {} = {},",
                    entry.docs,
                    code(entry),
                    entry.message,
                    entry.variant,
                    code(entry)
                );
            }
            out.push_str("}\n");
        }
    }
    out
}

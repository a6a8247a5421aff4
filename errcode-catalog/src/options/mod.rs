//! The options of an invocation, `error_catalog!("camera.md", name = CameraError, ...)`, as
//! plain data.
//!
//! Two front ends write them: the macro turns its tokens into [`Value`]s, the CLI its
//! `--opt key=value` arguments ([`Value::parse`]); [`Options::set`] alone decides what every
//! option means, so the macro and `errcode expand` always agree. Problems name an
//! [`OptionSpot`], which the macro turns into the span of the tokens at fault.
//!
//! (Long because every option's meaning is here, in one setter, with its tests.)

mod value;

pub use value::Value;

use crate::catalog::{Code, Repr};
use crate::read::Format;

/// Every option key, for `unknown option` suggestions.
pub const OPTION_NAMES: &[&str] = &[
    "name",
    "vis",
    "section",
    "format",
    "repr",
    "strip_prefix",
    "rename",
    "base_url",
    "derive",
    "duplicates",
    "max_size",
    "locale",
    "locales",
];

/// How each option is written, for the errors about a value of the wrong form.
const OPTION_EXAMPLES: &[(&str, &str)] = &[
    ("name", "name = CameraError"),
    ("vis", "vis = pub(crate)"),
    ("section", "section = \"Camera Error Codes\""),
    ("format", "format = \"html\""),
    ("repr", "repr = u64"),
    ("strip_prefix", "strip_prefix = \"AV_ERR_\""),
    ("rename", "rename = { 10009 = ServerRoomNotExist }"),
    ("base_url", "base_url = \"https://example.com/errors\""),
    ("derive", "derive(serde::Serialize)"),
    ("duplicates", "duplicates = \"first\""),
    ("max_size", "max_size = 33554432"),
    ("locale", "locale = \"en\""),
    ("locales", "locales = { \"zh-CN\" = \"zh-cn/camera.md\" }"),
];

/// The largest page read unless `max_size` says otherwise: larger pages are refused rather than
/// left to slow every build down.
pub const DEFAULT_MAX_SIZE: u64 = 16 * 1024 * 1024;

/// What to do when one enum has two different entries for the same code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DuplicatePolicy {
    /// Keep the first entry; the other's text goes into the variant's docs.
    First,
    /// Keep the last entry; the other's text goes into the variant's docs.
    Last,
}

/// Which part of an option a problem is in: its name, its value, or one side of an item of a
/// map or list option (`rename = { 42 = Unknown }` names its code, `locales` its path). Items
/// are counted over every use of the option in the invocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    /// The option's name (`nmae`).
    Name,
    /// The option's value (`"rst"`).
    Value,
    /// The key of the item at this index (`42` in `rename = { 42 = Unknown }`).
    ItemKey(usize),
    /// The value of the item at this index (a `locales` path, a `derive` path).
    ItemValue(usize),
}

/// Where in an invocation a problem is: a part of the option `key`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OptionSpot {
    /// The option.
    pub key: &'static str,
    /// The part of it.
    pub part: Part,
}

impl OptionSpot {
    /// The value of the option `key`.
    pub fn value(key: &'static str) -> Self {
        OptionSpot {
            key,
            part: Part::Value,
        }
    }
}

/// A problem with the option being set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptionError {
    /// What is wrong and what to do.
    pub message: String,
    /// Where in the option.
    pub part: Part,
}

/// The options of an invocation; `None` or empty means the default.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// `name = CameraError`: the enum's name.
    pub name: Option<String>,
    /// `vis = pub(crate)`: the visibility of the generated items (default `pub`).
    pub vis: Option<String>,
    /// `section = "AVSDK Client Error Codes"`: build the enum from this section only.
    pub section: Option<String>,
    /// `format = "html"`: the front end, instead of the extension's.
    pub format: Option<Format>,
    /// `repr = u64`: the integer type, instead of the smallest that fits.
    pub repr: Option<Repr>,
    /// `strip_prefix = "AV_ERR_"`: removed from symbols before they become variant names.
    pub strip_prefix: Option<String>,
    /// `rename = { 10009 = ServerRoomNotExist }`: a variant name per code.
    pub rename: Vec<(Code, String)>,
    /// `base_url = "https://..."`: where relative links of the page point.
    pub base_url: Option<String>,
    /// `derive(serde::Serialize)`: extra derives for the enum, as paths.
    pub derives: Vec<String>,
    /// `duplicates = "first"` or `"last"`.
    pub duplicates: Option<DuplicatePolicy>,
    /// `max_size = 33554432`: the largest page, in bytes, to read (default 16 MiB).
    pub max_size: Option<u64>,
    /// `locale = "en"`: the language of the page itself (default `"en"`).
    pub locale: Option<String>,
    /// `locales = { "zh-CN" = "zh-cn/camera.md" }`: the same page in other languages.
    pub locales: Vec<(String, String)>,
}

impl Options {
    /// The language tag of the page itself.
    pub fn primary_locale(&self) -> String {
        self.locale.clone().unwrap_or_else(|| "en".to_owned())
    }

    /// The largest page to read.
    pub fn max_size(&self) -> u64 {
        self.max_size.unwrap_or(DEFAULT_MAX_SIZE)
    }

    /// Options written as `key`, `value` text, the value as `--opt` takes it ([`Value::parse`]).
    pub fn from_text(pairs: &[(&str, &str)]) -> Result<Options, OptionError> {
        let mut options = Options::default();
        for (key, value) in pairs {
            let value = Value::parse(value).map_err(|message| OptionError {
                message,
                part: Part::Value,
            })?;
            options.set(key, &value)?;
        }
        Ok(options)
    }

    /// Sets the option `key` from its value as written; the one place that decides what an
    /// option means and which values it takes. An option that is refused leaves the options as
    /// they were.
    pub fn set(&mut self, key: &str, value: &Value) -> Result<(), OptionError> {
        let Some(&key) = OPTION_NAMES.iter().find(|name| **name == key) else {
            return Err(OptionError {
                message: unknown_option(key),
                part: Part::Name,
            });
        };
        let value_error = |message: String| OptionError {
            message,
            part: Part::Value,
        };
        // A value of the wrong form: say which option wants what, with an example.
        let shape_error = |message: String| {
            let example = OPTION_EXAMPLES
                .iter()
                .find(|(name, _)| *name == key)
                .map_or("", |(_, example)| example);
            value_error(format!("{message} for `{key}`, as in `{example}`"))
        };
        let given_twice = || OptionError {
            message: format!("option `{key}` is given twice"),
            part: Part::Name,
        };
        match key {
            "name" => set(
                &mut self.name,
                identifier(value).map_err(shape_error)?,
                given_twice,
            ),
            "vis" => set(
                &mut self.vis,
                visibility(value).map_err(shape_error)?,
                given_twice,
            ),
            "section" | "strip_prefix" | "base_url" | "locale" => {
                let slot = match key {
                    "section" => &mut self.section,
                    "strip_prefix" => &mut self.strip_prefix,
                    "base_url" => &mut self.base_url,
                    _ => &mut self.locale,
                };
                set(slot, string(value).map_err(shape_error)?, given_twice)
            }
            "format" => {
                let name = string(value).map_err(shape_error)?;
                let format = Format::from_name(&name).ok_or_else(|| {
                    value_error(format!(
                        "unknown format `{name}`; expected one of {}",
                        quoted_list(Format::NAMES)
                    ))
                })?;
                set(&mut self.format, format, given_twice)
            }
            "repr" => {
                let name = word(value).map_err(shape_error)?;
                let repr = Repr::from_name(&name).ok_or_else(|| {
                    value_error(format!(
                        "unsupported repr `{name}`; expected one of `u32`, `i32`, `i64`, `u64`"
                    ))
                })?;
                set(&mut self.repr, repr, given_twice)
            }
            "duplicates" => {
                let policy = match string(value).map_err(shape_error)?.as_str() {
                    "first" => DuplicatePolicy::First,
                    "last" => DuplicatePolicy::Last,
                    other => {
                        return Err(value_error(format!(
                            "unknown duplicates policy `{other}`; expected \"first\" or \"last\""
                        )));
                    }
                };
                set(&mut self.duplicates, policy, given_twice)
            }
            "max_size" => {
                let size = word(value)
                    .ok()
                    .and_then(|text| text.parse().ok())
                    .ok_or_else(|| shape_error("expected a size in bytes".to_owned()))?;
                set(&mut self.max_size, size, given_twice)
            }
            "rename" => {
                let mut renames = Vec::new();
                for (index, (code, name)) in map(value).map_err(shape_error)?.iter().enumerate() {
                    let at = self.rename.len() + index;
                    let code = rename_code(code).map_err(at_part(Part::ItemKey(at)))?;
                    let name = identifier(name).map_err(at_part(Part::ItemValue(at)))?;
                    renames.push((code, name));
                }
                self.rename.extend(renames);
                Ok(())
            }
            "locales" => {
                let mut locales = Vec::new();
                for (index, (tag, path)) in map(value).map_err(shape_error)?.iter().enumerate() {
                    let at = self.locales.len() + index;
                    let tag = string(tag).map_err(at_part(Part::ItemKey(at)))?;
                    let path = string(path).map_err(at_part(Part::ItemValue(at)))?;
                    locales.push((tag, path));
                }
                self.locales.extend(locales);
                Ok(())
            }
            // "derive": the one option left.
            _ => {
                let items = match value {
                    Value::List(items) => items.as_slice(),
                    single => std::slice::from_ref(single),
                };
                let mut derives = Vec::new();
                for (index, item) in items.iter().enumerate() {
                    let at = self.derives.len() + index;
                    derives.push(path(item).map_err(at_part(Part::ItemValue(at)))?);
                }
                self.derives.extend(derives);
                Ok(())
            }
        }
    }
}

/// Turns a message into an error at `part`.
fn at_part(part: Part) -> impl Fn(String) -> OptionError {
    move |message| OptionError { message, part }
}

fn set<T>(
    slot: &mut Option<T>,
    value: T,
    given_twice: impl Fn() -> OptionError,
) -> Result<(), OptionError> {
    if slot.is_some() {
        return Err(given_twice());
    }
    *slot = Some(value);
    Ok(())
}

/// A string: a literal, or an unquoted `--opt` value.
fn string(value: &Value) -> Result<String, String> {
    match value {
        Value::Text(text) | Value::Bare(text) => Ok(text.clone()),
        _ => Err("expected a string literal".to_owned()),
    }
}

/// A word: an identifier, path or number as tokens, or an unquoted `--opt` value.
fn word(value: &Value) -> Result<String, String> {
    match value {
        Value::Word(text) | Value::Bare(text) => Ok(text.clone()),
        _ => Err("expected an identifier".to_owned()),
    }
}

fn map(value: &Value) -> Result<&[(Value, Value)], String> {
    match value {
        Value::Map(items) => Ok(items),
        _ => Err("expected `{ key = value, ... }`".to_owned()),
    }
}

/// A Rust identifier (`CameraError`).
fn identifier(value: &Value) -> Result<String, String> {
    let text = word(value)?;
    if is_identifier(&text) {
        Ok(text)
    } else {
        Err(format!("`{text}` is not an identifier"))
    }
}

/// An ASCII identifier that is not a keyword: what errcode can always emit as a name.
pub(crate) fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
        && text != "_"
        && !KEYWORDS.contains(&text)
}

/// Rust's keywords, strict and reserved, in every edition.
const KEYWORDS: &[&str] = &[
    "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
    "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// A path such as `serde::Serialize` or `::core::default::Default`, without spaces.
fn path(value: &Value) -> Result<String, String> {
    let text: String = word(value)?.split_whitespace().collect();
    let segments = text.strip_prefix("::").unwrap_or(&text);
    if segments.split("::").all(is_identifier) {
        Ok(text)
    } else {
        Err(format!("`{text}` is not a path"))
    }
}

/// `pub`, `pub(crate)`, `pub(self)`, `pub(super)` or `pub(in some::path)`, written without
/// stray spaces.
fn visibility(value: &Value) -> Result<String, String> {
    let text = word(value)?;
    let compact: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let invalid = || {
        format!(
            "`{text}` is not a visibility; expected `pub`, `pub(crate)`, `pub(super)` or `pub(in path)`"
        )
    };
    let Some(rest) = compact.strip_prefix("pub") else {
        return Err(invalid());
    };
    let rest = rest.trim();
    if rest.is_empty() {
        return Ok("pub".to_owned());
    }
    let inner = rest
        .strip_prefix('(')
        .and_then(|rest| rest.strip_suffix(')'))
        .map(str::trim)
        .ok_or_else(invalid)?;
    match inner {
        "crate" | "self" | "super" => Ok(format!("pub({inner})")),
        _ => match inner.strip_prefix("in ") {
            Some(scope) => {
                let scope = path(&Value::Word(scope.to_owned()))?;
                Ok(format!("pub(in {scope})"))
            }
            None => Err(invalid()),
        },
    }
}

/// The code of a `rename` item: a number (`10009`, `-5`) or a string (`"AuthFailure"`).
fn rename_code(value: &Value) -> Result<Code, String> {
    match value {
        Value::Text(text) => Ok(Code::Text(text.clone())),
        Value::Word(text) | Value::Bare(text) => match crate::recognise::number(text) {
            Some(Ok(number)) => Ok(Code::Int(number)),
            _ if matches!(value, Value::Bare(_)) => Ok(Code::Text(text.clone())),
            _ => Err(format!(
                "expected a code, a number or a string literal, not `{text}`"
            )),
        },
        _ => Err("expected a code, a number or a string literal".to_owned()),
    }
}

/// `unknown option `nmae`; did you mean `name`?` or the list of options.
fn unknown_option(name: &str) -> String {
    match closest(name, OPTION_NAMES) {
        Some(suggestion) => format!("unknown option `{name}`; did you mean `{suggestion}`?"),
        None => format!(
            "unknown option `{name}`; expected one of {}",
            quoted_list(OPTION_NAMES)
        ),
    }
}

fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The candidate within a small edit distance of `word`, if any.
pub(crate) fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = word.chars().count().div_ceil(3);
    candidates
        .iter()
        .map(|candidate| (edit_distance(word, candidate), *candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_takes_its_cli_spelling() {
        let options = Options::from_text(&[
            ("locale", "en-US"),
            ("locales", r#"{ "zh-CN" = "zh-cn/avsdk.md" }"#),
            ("name", "Avsdk"),
            ("vis", "pub( crate )"),
            ("section", "AVSDK Client Error Codes"),
            ("format", "markdown"),
            ("repr", "u64"),
            ("strip_prefix", r#""AV_ERR_""#),
            (
                "rename",
                r#"{ 10009 = ServerRoomNotExist, -5 = Minus, "AuthFailure" = Auth }"#,
            ),
            ("base_url", "https://example.com/doc/"),
            ("derive", "(Default, serde::Serialize)"),
            ("duplicates", "first"),
            ("max_size", "1024"),
        ])
        .unwrap();
        assert_eq!(options.name.as_deref(), Some("Avsdk"));
        assert_eq!(options.vis.as_deref(), Some("pub(crate)"));
        assert_eq!(options.section.as_deref(), Some("AVSDK Client Error Codes"));
        assert_eq!(options.repr, Some(Repr::U64));
        assert_eq!(options.format, Some(Format::Markdown));
        assert_eq!(options.strip_prefix.as_deref(), Some("AV_ERR_"));
        assert_eq!(
            options.rename,
            [
                (Code::Int(10009), "ServerRoomNotExist".to_owned()),
                (Code::Int(-5), "Minus".to_owned()),
                (Code::Text("AuthFailure".into()), "Auth".to_owned()),
            ]
        );
        assert_eq!(options.derives, ["Default", "serde::Serialize"]);
        assert_eq!(options.duplicates, Some(DuplicatePolicy::First));
        assert_eq!(options.max_size(), 1024);
        assert_eq!(options.primary_locale(), "en-US");
        assert_eq!(
            options.locales,
            [("zh-CN".to_owned(), "zh-cn/avsdk.md".to_owned())]
        );
    }

    #[test]
    fn mistakes_name_their_spot() {
        let error = |key: &str, value: Value| Options::default().set(key, &value).unwrap_err();
        let unknown = error("nmae", Value::Word("X".into()));
        assert_eq!(
            unknown.message,
            "unknown option `nmae`; did you mean `name`?"
        );
        assert_eq!(
            error("colour", Value::Text("red".into())).message,
            "unknown option `colour`; expected one of `name`, `vis`, `section`, `format`, `repr`, `strip_prefix`, `rename`, `base_url`, `derive`, `duplicates`, `max_size`, `locale`, `locales`"
        );
        let repr = error("repr", Value::Word("u8".into()));
        assert_eq!(
            repr.message,
            "unsupported repr `u8`; expected one of `u32`, `i32`, `i64`, `u64`"
        );
        assert_eq!(repr.part, Part::Value);
        assert_eq!(
            error("section", Value::Word("Client".into())).message,
            "expected a string literal for `section`, as in `section = \"Camera Error Codes\"`"
        );
        for name in OPTION_NAMES {
            let example = OPTION_EXAMPLES.iter().find(|(key, _)| key == name);
            assert!(
                example.is_some_and(|(_, text)| text.starts_with(name)),
                "{name}"
            );
        }
        let rename = Value::Map(vec![(Value::Word("x1".into()), Value::Word("A".into()))]);
        assert_eq!(error("rename", rename).part, Part::ItemKey(0));
        let vis = error("vis", Value::Word("public".into()));
        assert!(vis.message.starts_with("`public` is not a visibility"));
    }

    #[test]
    fn options_given_twice_are_errors() {
        let error = Options::from_text(&[("name", "A"), ("name", "B")]).unwrap_err();
        assert_eq!(error.message, "option `name` is given twice");
        assert_eq!(error.part, Part::Name);
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(closest("strip_prefx", OPTION_NAMES), Some("strip_prefix"));
        assert_eq!(closest("zzz", OPTION_NAMES), None);
    }
}

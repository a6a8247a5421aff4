//! The catalog model: what a page means, independent of how it was laid out.
//!
//! This is what `errcode json` prints and what the generator expands. Text is kept twice on
//! purpose: as plain strings for the runtime (`message()`, `causes`) and as sanitised rustdoc
//! Markdown (`docs`), rendered once when the catalog is built so the JSON and the expansion
//! agree byte for byte.

use std::fmt;

/// An error code as the page writes it: a number or a symbol such as `AuthFailure.SignatureExpire`.
/// In JSON, a number or a string.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
pub enum Code {
    /// A numeric code; always within `i64::MIN..=u64::MAX`.
    Int(i128),
    /// A symbolic code.
    Text(String),
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Code::Int(value) => write!(f, "{value}"),
            Code::Text(text) => f.write_str(text),
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CodeVisitor;

        impl serde::de::Visitor<'_> for CodeVisitor {
            type Value = Code;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an integer code or a symbolic code")
            }

            fn visit_i64<E>(self, value: i64) -> Result<Code, E> {
                Ok(Code::Int(value.into()))
            }

            fn visit_u64<E>(self, value: u64) -> Result<Code, E> {
                Ok(Code::Int(value.into()))
            }

            fn visit_i128<E>(self, value: i128) -> Result<Code, E> {
                Ok(Code::Int(value))
            }

            fn visit_str<E>(self, value: &str) -> Result<Code, E> {
                Ok(Code::Text(value.to_owned()))
            }
        }

        deserializer.deserialize_any(CodeVisitor)
    }
}

/// Which part of an entry a label or column names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum FieldKind {
    /// The short text an API returns ("Error Message", 错误信息).
    Message,
    /// A longer explanation ("Error Description", 错误描述).
    Description,
    /// Possible causes (可能原因).
    Causes,
    /// What to do ("Solution", "Procedure", 处理步骤).
    Solutions,
    /// A short name for the error ("Error Type" column).
    Title,
    /// Any other label; kept under its own name.
    Other,
}

/// The integer type behind an enum, or `Str` for symbolic codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Repr {
    /// `#[repr(u32)]`.
    U32,
    /// `#[repr(i32)]`.
    I32,
    /// `#[repr(u64)]`.
    U64,
    /// `#[repr(i64)]`.
    I64,
    /// Symbolic codes: `code()` returns `&'static str`.
    Str,
}

impl Repr {
    /// The integer types, smallest first: the first one that holds every code is chosen.
    pub const INTEGERS: [Repr; 4] = [Repr::U32, Repr::I32, Repr::I64, Repr::U64];

    /// The Rust type name (`"u32"`), or `"str"`.
    pub fn name(self) -> &'static str {
        match self {
            Repr::U32 => "u32",
            Repr::I32 => "i32",
            Repr::U64 => "u64",
            Repr::I64 => "i64",
            Repr::Str => "str",
        }
    }

    /// The smallest integer type that holds every value, if one does.
    pub fn smallest_holding(values: &[i128]) -> Option<Repr> {
        Repr::INTEGERS
            .into_iter()
            .find(|repr| values.iter().all(|value| repr.holds(*value)))
    }

    /// The integer repr named `name`.
    pub fn from_name(name: &str) -> Option<Repr> {
        Repr::INTEGERS.into_iter().find(|repr| repr.name() == name)
    }

    /// Whether `value` fits this integer type.
    pub fn holds(self, value: i128) -> bool {
        let (min, max) = match self {
            Repr::U32 => (0, u32::MAX as i128),
            Repr::I32 => (i32::MIN as i128, i32::MAX as i128),
            Repr::U64 => (0, u64::MAX as i128),
            Repr::I64 => (i64::MIN as i128, i64::MAX as i128),
            Repr::Str => return false,
        };
        (min..=max).contains(&value)
    }
}

/// A whole page: one or more enums.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Catalog {
    /// The page's path as shown to users (relative to the invoking crate).
    pub source: String,
    /// The page's title (its H1), if it has one.
    pub title: Option<String>,
    /// `<!--Key: Value-->` comments of the page, in page order.
    pub metadata: Vec<Metadata>,
    /// The page's languages: its own first, then each translation (`locales = {...}`).
    pub locales: Vec<LocalePage>,
    /// The generated enums: one, or one per section when sections reuse codes.
    pub enums: Vec<EnumDef>,
}

impl Catalog {
    /// The catalog of a page that could not be built: no enums.
    pub fn empty(source: &str) -> Self {
        Catalog {
            source: source.to_owned(),
            title: None,
            metadata: Vec::new(),
            locales: Vec::new(),
            enums: Vec::new(),
        }
    }
}

/// One language of a catalog and the page that gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LocalePage {
    /// The language tag (`en`, `zh-CN`).
    pub tag: String,
    /// The page's path as shown to users.
    pub source: String,
}

/// One `<!--Key: Value-->` comment.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Metadata {
    /// The text before the colon.
    pub key: String,
    /// The text after the colon.
    pub value: String,
}

/// One generated enum.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct EnumDef {
    /// The Rust name of the enum.
    pub name: String,
    /// The section the enum was built from, when the page was split by section.
    pub section: Option<String>,
    /// The integer type of the codes.
    pub repr: Repr,
    /// The enum's rustdoc, sanitised Markdown.
    pub docs: String,
    /// The entries in page order.
    pub entries: Vec<EntryDef>,
}

/// One error code of a page.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct EntryDef {
    /// The code.
    pub code: Code,
    /// The code as the page writes it (`0x0003`, `08000`, `-1`).
    pub written: String,
    /// The Rust name of the variant.
    pub variant: String,
    /// The page's own symbol for the code (`AV_ERR_FAILED`), if it gives one.
    pub symbol: Option<String>,
    /// The entry's title (heading text after the code); empty when the page gives none.
    pub title: String,
    /// The message: the page's message field, else its title, else its description, else
    /// its first text (README: departures from the spec).
    pub message: String,
    /// The description field.
    pub description: Option<String>,
    /// Each possible cause.
    pub causes: Vec<String>,
    /// Each solution step.
    pub solutions: Vec<String>,
    /// The section heading the entry sits under.
    pub section: Option<String>,
    /// Fields with other labels, in page order.
    pub fields: Vec<ExtraField>,
    /// The 1-based line of the entry in the page.
    pub line: u32,
    /// Where the entry is published, when `base_url` names the page: the page's URL with the
    /// entry's anchor.
    pub url: Option<String>,
    /// The entry in the other languages of the catalog, where their pages have it.
    pub translations: Vec<Translation>,
    /// The variant's rustdoc, sanitised Markdown.
    pub docs: String,
    /// Why the variant is deprecated: the page no longer lists its code, which a lock file
    /// keeps (`#[deprecated(note = ...)]`).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub deprecated: Option<String>,
}

/// An entry's text in another language.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Translation {
    /// The language tag.
    pub locale: String,
    /// The title in this language.
    pub title: String,
    /// The message in this language.
    pub message: String,
    /// The description in this language.
    pub description: Option<String>,
    /// The causes in this language.
    pub causes: Vec<String>,
    /// The solutions in this language.
    pub solutions: Vec<String>,
    /// Other fields in this language.
    pub fields: Vec<ExtraField>,
    /// The line of the entry in the translated page.
    pub line: u32,
}

/// A field whose label is outside the vocabulary.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ExtraField {
    /// The label as the page writes it; empty for text before the first label.
    pub label: String,
    /// The field's text.
    pub text: String,
}

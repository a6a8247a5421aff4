//! Error enums generated from vendors' error-code pages.
//!
//! `error_catalog!("camera.md")` reads the page at compile time and expands into an enum whose
//! variants are the page's error codes, with the page's text as rustdoc and as runtime data
//! ([`Entry`]). Every generated enum implements [`ErrorCode`], so code that handles any
//! catalog can be written once:
//!
//! ```
//! errcode_runtime::error_catalog!("camera.md");
//!
//! fn describe<E: errcode_runtime::ErrorCode>(error: E) -> String {
//!     let entry = error.entry();
//!     format!("{} ({}:{})", error, entry.source.file, entry.source.line)
//! }
//!
//! let error = CameraError::from_code(7400102).unwrap();
//! assert_eq!(error, CameraError::InvalidOperation);
//! assert!(describe(error).starts_with("7400102 Invalid Operation: Operation not allowed."));
//! ```
//!
//! The crate is `no_std`; the default `std` feature only matters for code that wants
//! `std::error::Error`, which is the same trait as `core::error::Error`.

#![no_std]
#![deny(unreachable_pub, missing_docs)]

#[cfg(feature = "std")]
extern crate std;

use core::fmt;

/// Expands an error-code page into Rust enums. See the crate README for the options.
pub use errcode_macros::error_catalog;

/// What every generated enum implements: generic code handles any catalog through it.
pub trait ErrorCode:
    Copy + Eq + Ord + core::hash::Hash + fmt::Debug + fmt::Display + 'static
{
    /// The code type: the enum's integer repr, or `&'static str` for symbolic codes.
    type Code: Copy + Eq + Ord + fmt::Debug + fmt::Display + 'static;

    /// Every variant, in page order.
    const ALL: &'static [Self];

    /// The page the enum was generated from.
    const CATALOG: &'static Catalog;

    /// The error's code.
    fn code(self) -> Self::Code;

    /// The variant of a code, if the page defines it.
    fn from_code(code: Self::Code) -> Option<Self>;

    /// Everything the page says about this error.
    fn entry(self) -> &'static Entry;

    /// The message: what the API returns as its error text.
    fn message(self) -> &'static str {
        self.entry().message
    }

    /// The title the page gives the error (empty when it gives none).
    fn title(self) -> &'static str {
        self.entry().title
    }
}

/// A code as the page writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RawCode {
    /// A numeric code.
    Int(i128),
    /// A symbolic code (`AuthFailure.SignatureExpire`).
    Text(&'static str),
}

impl fmt::Display for RawCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RawCode::Int(value) => write!(f, "{value}"),
            RawCode::Text(text) => f.write_str(text),
        }
    }
}

/// Everything the page says about one error code.
///
/// Built by the generated code only; fields may be added in later versions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Entry {
    /// The code.
    pub code: RawCode,
    /// The name of the Rust variant.
    pub variant: &'static str,
    /// The page's own name for the code (`AV_ERR_FAILED`), where it gives one.
    pub symbol: Option<&'static str>,
    /// The title (heading text after the code); empty when the page gives none.
    pub title: &'static str,
    /// The message: the page's message field, else its description, else its title.
    pub message: &'static str,
    /// The description field.
    pub description: Option<&'static str>,
    /// Each possible cause.
    pub causes: &'static [&'static str],
    /// Each solution step.
    pub solutions: &'static [&'static str],
    /// The section heading the entry sits under.
    pub section: Option<&'static str>,
    /// Fields under other labels, in page order.
    pub fields: &'static [Field],
    /// Where the page defines the entry.
    pub source: Source,
}

/// A field whose label is not one of message, description, causes and solutions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    /// The label as the page writes it; empty for text before the first label.
    pub label: &'static str,
    /// The text.
    pub text: &'static str,
}

/// A place in a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Source {
    /// The page's path, relative to the crate that invoked the macro.
    pub file: &'static str,
    /// The 1-based line of the entry.
    pub line: u32,
}

/// The page an enum was generated from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Catalog {
    /// The enum's name.
    pub name: &'static str,
    /// The page's title.
    pub title: Option<&'static str>,
    /// The section the enum was built from, when the page was split by section.
    pub section: Option<&'static str>,
    /// The page's path, relative to the crate that invoked the macro.
    pub source: &'static str,
    /// `<!--Key: Value-->` comments of the page.
    pub metadata: &'static [(&'static str, &'static str)],
}

/// A code that the page does not define, from `TryFrom`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnknownCode<C> {
    /// The code that was not found.
    pub code: C,
    /// The enum that was asked.
    pub catalog: &'static str,
}

impl<C> UnknownCode<C> {
    /// An unknown `code` of the enum named `catalog`.
    pub const fn new(code: C, catalog: &'static str) -> Self {
        UnknownCode { code, catalog }
    }
}

impl<C: fmt::Display> fmt::Display for UnknownCode<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} code `{}`", self.catalog, self.code)
    }
}

impl<C: fmt::Debug + fmt::Display> core::error::Error for UnknownCode<C> {}

/// Text that is neither a variant name nor a code, from `FromStr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ParseError {
    /// The enum that was asked.
    pub catalog: &'static str,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a {} variant name or code", self.catalog)
    }
}

impl core::error::Error for ParseError {}

/// Helpers for the generated code; not part of the API.
#[doc(hidden)]
pub mod __private {
    use super::{Entry, ErrorCode, ParseError, RawCode};
    use core::fmt;

    macro_rules! lower_bound {
        ($($name:ident: $ty:ty),*) => {$(
            /// The first index of `sorted` whose value is not less than `code`.
            pub const fn $name(sorted: &[$ty], code: $ty) -> usize {
                let (mut low, mut high) = (0, sorted.len());
                while low < high {
                    let middle = low + (high - low) / 2;
                    if sorted[middle] < code {
                        low = middle + 1;
                    } else {
                        high = middle;
                    }
                }
                low
            }
        )*};
    }

    lower_bound!(lower_bound_u32: u32, lower_bound_i32: i32, lower_bound_u64: u64, lower_bound_i64: i64);

    /// The first index of `sorted` whose string is not less than `code`.
    pub const fn lower_bound_str(sorted: &[&str], code: &str) -> usize {
        let (mut low, mut high) = (0, sorted.len());
        while low < high {
            let middle = low + (high - low) / 2;
            if str_less(sorted[middle], code) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        low
    }

    /// `a < b` by bytes, usable in `const fn`.
    pub const fn str_less(a: &str, b: &str) -> bool {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        let mut index = 0;
        while index < a.len() && index < b.len() {
            if a[index] != b[index] {
                return a[index] < b[index];
            }
            index += 1;
        }
        a.len() < b.len()
    }

    /// `a == b`, usable in `const fn`.
    pub const fn str_eq(a: &str, b: &str) -> bool {
        !str_less(a, b) && !str_less(b, a)
    }

    /// `{code} {title}: {message}`, leaving out a title the page does not give.
    pub fn display(entry: &Entry, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (
            entry.title.is_empty() || entry.title == entry.message,
            entry.message.is_empty(),
        ) {
            (true, _) => write!(f, "{}: {}", entry.code, entry.message),
            (false, true) => write!(f, "{} {}", entry.code, entry.title),
            (false, false) => write!(f, "{} {}: {}", entry.code, entry.title, entry.message),
        }
    }

    /// A variant by its name or its code (as written on the page).
    pub fn parse<E: ErrorCode>(text: &str) -> Result<E, ParseError> {
        let text = text.trim();
        let by_name = E::ALL.iter().find(|error| error.entry().variant == text);
        let by_code = || {
            E::ALL.iter().find(|error| match error.entry().code {
                RawCode::Int(value) => text.parse::<i128>() == Ok(value),
                RawCode::Text(code) => code == text,
            })
        };
        by_name.or_else(by_code).copied().ok_or(ParseError {
            catalog: E::CATALOG.name,
        })
    }
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

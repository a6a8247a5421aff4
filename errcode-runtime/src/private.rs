//! Helpers for the generated code; not part of the API.

use core::fmt;

use crate::{EntryCode, ErrorCode, ParseError};

pub use crate::entries;

macro_rules! sorted_codes {
    ($($search:ident, $read:ident: $ty:ty),*) => {$(
        /// The `index`th code of `codes`, little-endian codes written as a byte string
        /// (rustc compiles a byte string in no time, an array literal of 10,000 integers
        /// in seconds).
        pub const fn $read(codes: &[u8], index: usize) -> $ty {
            const SIZE: usize = core::mem::size_of::<$ty>();
            let mut bytes = [0u8; SIZE];
            let mut byte = 0;
            while byte < SIZE {
                bytes[byte] = codes[index * SIZE + byte];
                byte += 1;
            }
            <$ty>::from_le_bytes(bytes)
        }

        /// The first index of the sorted `codes` whose code is not less than `code`.
        pub const fn $search(codes: &[u8], code: $ty) -> usize {
            let (mut low, mut high) = (0, codes.len() / core::mem::size_of::<$ty>());
            while low < high {
                let middle = low + (high - low) / 2;
                if $read(codes, middle) < code {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            low
        }
    )*};
}

sorted_codes!(
    lower_bound_u32, read_u32: u32,
    lower_bound_i32, read_i32: i32,
    lower_bound_u64, read_u64: u64,
    lower_bound_i64, read_i64: i64
);

/// Bytes aligned for any integer repr, so that the variants of an enum can be written as a
/// byte string in the target's byte order and viewed as `[Enum; N]` (the enum's `ALL`):
/// rustc compiles that in no time, while decoding integers in a `const fn` costs its
/// constant evaluator tenths of seconds at 10,000 entries (BENCHMARKS.md).
#[repr(C, align(8))]
pub struct Aligned<T: ?Sized>(pub T);

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

/// Which of `locales` a requested language is: the same tag in any case, else the same
/// language (`zh` for `zh-CN`, `zh-TW` for `zh`).
pub fn locale_index(locales: &[&str], wanted: &str) -> Option<usize> {
    fn language(tag: &str) -> &str {
        tag.split(['-', '_']).next().unwrap_or(tag)
    }
    locales
        .iter()
        .position(|tag| tag.eq_ignore_ascii_case(wanted))
        .or_else(|| {
            locales
                .iter()
                .position(|tag| language(tag).eq_ignore_ascii_case(language(wanted)))
        })
}

/// `{code} {title}: {message}`, leaving out a title the page does not give.
pub fn display(
    f: &mut fmt::Formatter<'_>,
    code: &dyn fmt::Display,
    title: &str,
    message: &str,
) -> fmt::Result {
    match (title.is_empty() || title == message, message.is_empty()) {
        (true, _) => write!(f, "{code}: {message}"),
        (false, true) => write!(f, "{code} {title}"),
        (false, false) => write!(f, "{code} {title}: {message}"),
    }
}

#[cfg(feature = "serde")]
pub use serde;

/// Deserialises an integer code into its variant; an unknown code is an error naming it.
#[cfg(feature = "serde")]
pub fn deserialize_int<'de, D, C, E>(
    deserializer: D,
    from_code: fn(C) -> Option<E>,
    catalog: &'static str,
) -> Result<E, D::Error>
where
    D: serde::Deserializer<'de>,
    C: serde::Deserialize<'de> + fmt::Display + Copy,
{
    let code = C::deserialize(deserializer)?;
    from_code(code).ok_or_else(|| serde::de::Error::custom(crate::UnknownCode::new(code, catalog)))
}

/// Deserialises a symbolic code into its variant; an unknown code is an error naming it.
#[cfg(feature = "serde")]
pub fn deserialize_text<'de, D, E>(
    deserializer: D,
    from_code: fn(&str) -> Option<E>,
    catalog: &'static str,
) -> Result<E, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct CodeVisitor<E> {
        from_code: fn(&str) -> Option<E>,
        catalog: &'static str,
    }

    impl<E> serde::de::Visitor<'_> for CodeVisitor<E> {
        type Value = E;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "a {} code", self.catalog)
        }

        fn visit_str<Err: serde::de::Error>(self, code: &str) -> Result<E, Err> {
            (self.from_code)(code)
                .ok_or_else(|| Err::custom(crate::UnknownCode::new(code, self.catalog)))
        }
    }

    deserializer.deserialize_str(CodeVisitor { from_code, catalog })
}

#[cfg(feature = "miette")]
pub use miette;
#[cfg(feature = "miette")]
pub use std::boxed::Box;

/// `Diagnostic::code`: the code.
#[cfg(feature = "miette")]
pub fn miette_code(entry: crate::Entry) -> Option<Box<dyn fmt::Display>> {
    Some(Box::new(entry.code))
}

/// `Diagnostic::help`: the solutions, numbered when there are several.
#[cfg(feature = "miette")]
pub fn miette_help(entry: crate::Entry) -> Option<Box<dyn fmt::Display>> {
    use std::string::String;
    let mut help = String::new();
    for (index, step) in entry.solutions.iter().enumerate() {
        if index > 0 {
            help.push('\n');
        }
        if entry.solutions.len() > 1 {
            help.push_str(&std::format!("{}. ", index + 1));
        }
        help.push_str(step);
    }
    (!help.is_empty()).then(|| Box::new(help) as Box<dyn fmt::Display>)
}

/// `Diagnostic::url`: where the page publishes the entry (`base_url`).
#[cfg(feature = "miette")]
pub fn miette_url(entry: crate::Entry) -> Option<Box<dyn fmt::Display>> {
    entry.url.map(|url| Box::new(url) as Box<dyn fmt::Display>)
}

/// A variant by its name or its code (as written on the page).
pub fn parse<E: ErrorCode>(text: &str) -> Result<E, ParseError> {
    let text = text.trim();
    let by_name = E::all().iter().find(|error| error.entry().variant == text);
    let by_code = || {
        E::all().iter().find(|error| match error.entry().code {
            EntryCode::Int(value) => text.parse::<i128>() == Ok(value),
            EntryCode::Text(code) => code == text,
        })
    };
    by_name.or_else(by_code).copied().ok_or(ParseError {
        catalog: E::CATALOG.name,
    })
}

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

    /// Every variant, in page order: the enum's `ALL`.
    ///
    /// A function rather than an associated constant: rustc evaluates the constants of a trait
    /// impl when it compiles the crate that defines the enum, and checking a constant that holds
    /// every variant costs it time quadratic in their number (BENCHMARKS.md), whether or not
    /// anything uses it.
    fn all() -> &'static [Self];

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

    /// The languages of the catalog: the page's own first, then its translations.
    const LOCALES: &'static [&'static str] = &[];

    /// The entry in a language of [`ErrorCode::LOCALES`] (`"zh-CN"`, or just `"zh"`); the
    /// page's own entry for any other language or where the translation lacks the code.
    fn entry_in(self, locale: &str) -> &'static Entry {
        let _ = locale;
        self.entry()
    }

    /// The message in a language, as [`ErrorCode::entry_in`] finds it.
    fn message_in(self, locale: &str) -> &'static str {
        self.entry_in(locale).message
    }

    /// The entry in the language the application chose with [`set_locale`].
    fn localized(self) -> &'static Entry {
        match locale() {
            Some(tag) => self.entry_in(tag),
            None => self.entry(),
        }
    }
}

/// A language an application can choose for all catalogs at once ([`set_locale`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Locale {
    tag: &'static str,
}

impl Locale {
    /// The language with this tag (`"zh-CN"`).
    pub const fn new(tag: &'static str) -> Self {
        Locale { tag }
    }

    /// The tag.
    pub const fn tag(&self) -> &'static str {
        self.tag
    }
}

#[cfg(target_has_atomic = "ptr")]
static CURRENT_LOCALE: core::sync::atomic::AtomicPtr<Locale> =
    core::sync::atomic::AtomicPtr::new(core::ptr::null_mut());

/// Chooses the language of [`ErrorCode::localized`] for the whole application, once, at
/// start-up. An atomic pointer to a `'static` value: sound without std, and free to read.
///
/// ```
/// errcode_runtime::error_catalog!("camera.md", locales = { "zh-CN" = "zh-cn/camera.md" });
/// use errcode_runtime::{ErrorCode, Locale};
///
/// static CHINESE: Locale = Locale::new("zh-CN");
/// errcode_runtime::set_locale(&CHINESE);
/// assert_eq!(CameraError::InvalidOperation.localized().message, CameraError::InvalidOperation.message_in("zh-CN"));
/// ```
#[cfg(target_has_atomic = "ptr")]
pub fn set_locale(locale: &'static Locale) {
    CURRENT_LOCALE.store(
        core::ptr::from_ref(locale).cast_mut(),
        core::sync::atomic::Ordering::Release,
    );
}

/// The tag chosen with [`set_locale`], if any.
pub fn locale() -> Option<&'static str> {
    #[cfg(target_has_atomic = "ptr")]
    {
        let current = CURRENT_LOCALE.load(core::sync::atomic::Ordering::Acquire);
        // SAFETY: the pointer is null or was made from a `&'static Locale` by `set_locale`,
        // and nothing writes through it.
        unsafe { current.as_ref() }.map(Locale::tag)
    }
    #[cfg(not(target_has_atomic = "ptr"))]
    None
}

/// A code as the page writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntryCode {
    /// A numeric code.
    Int(i128),
    /// A symbolic code (`AuthFailure.SignatureExpire`).
    Text(&'static str),
}

#[cfg(feature = "serde")]
impl serde::Serialize for EntryCode {
    /// A number or a string, as the page writes the code.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            EntryCode::Int(value) => serializer.serialize_i128(*value),
            EntryCode::Text(text) => serializer.serialize_str(text),
        }
    }
}

impl fmt::Display for EntryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EntryCode::Int(value) => write!(f, "{value}"),
            EntryCode::Text(text) => f.write_str(text),
        }
    }
}

/// Everything the page says about one error code.
///
/// Built by the generated code only; fields may be added in later versions. With the `serde`
/// feature it serialises with all its fields (`{"code": 7400101, "message": ...}`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Entry {
    /// The code.
    pub code: EntryCode,
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
    pub fields: &'static [ExtraField],
    /// Where the page defines the entry.
    pub source: Source,
    /// Where the entry is published, when the invocation gave `base_url`.
    pub url: Option<&'static str>,
}

/// A field whose label is not one of message, description, causes and solutions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ExtraField {
    /// The label as the page writes it; empty for text before the first label.
    pub label: &'static str,
    /// The text.
    pub text: &'static str,
}

/// A place in a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Source {
    /// The page's path, relative to the crate that invoked the macro.
    pub file: &'static str,
    /// The 1-based line of the entry.
    pub line: u32,
}

/// The page an enum was generated from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
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

/// An error code from the wire: a variant when the page defines the code, else the code as it
/// came, so nothing is lost. It displays, parses and (with `serde`) serialises as the code.
///
/// ```
/// errcode_runtime::error_catalog!("camera.md");
/// use errcode_runtime::WireCode;
///
/// let known: WireCode<CameraError> = WireCode::new(7400102);
/// assert_eq!(known.known(), Some(CameraError::InvalidOperation));
/// let unknown: WireCode<CameraError> = "7499999".parse().unwrap();
/// assert_eq!(unknown, WireCode::Unknown(7499999));
/// assert_eq!(unknown.to_string(), "7499999");
/// assert_eq!(unknown.to_string().parse::<WireCode<CameraError>>(), Ok(unknown));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WireCode<E: ErrorCode> {
    /// A code the page defines.
    Known(E),
    /// A code the page does not define, kept as it came.
    Unknown(E::Code),
}

impl<E: ErrorCode> WireCode<E> {
    /// The variant for `code`, or `Unknown(code)`.
    pub fn new(code: E::Code) -> Self {
        match E::from_code(code) {
            Some(error) => WireCode::Known(error),
            None => WireCode::Unknown(code),
        }
    }

    /// The code, known or not.
    pub fn code(self) -> E::Code {
        match self {
            WireCode::Known(error) => error.code(),
            WireCode::Unknown(code) => code,
        }
    }

    /// The variant, when the page defines the code.
    pub fn known(self) -> Option<E> {
        match self {
            WireCode::Known(error) => Some(error),
            WireCode::Unknown(_) => None,
        }
    }
}

impl<E: ErrorCode> From<E> for WireCode<E> {
    fn from(error: E) -> Self {
        WireCode::Known(error)
    }
}

impl<E: ErrorCode> fmt::Display for WireCode<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.code(), f)
    }
}

impl<E: ErrorCode> core::str::FromStr for WireCode<E>
where
    E::Code: core::str::FromStr,
{
    type Err = <E::Code as core::str::FromStr>::Err;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        text.trim().parse().map(WireCode::new)
    }
}

#[cfg(feature = "serde")]
impl<E: ErrorCode> serde::Serialize for WireCode<E>
where
    E::Code: serde::Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.code().serialize(serializer)
    }
}

#[cfg(feature = "serde")]
impl<'de, E: ErrorCode> serde::Deserialize<'de> for WireCode<E>
where
    E::Code: serde::Deserialize<'de>,
{
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        E::Code::deserialize(deserializer).map(WireCode::new)
    }
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
pub mod entries;

#[doc(hidden)]
pub mod __private {
    use super::{EntryCode, ErrorCode, ParseError};
    use core::fmt;

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
        from_code(code)
            .ok_or_else(|| serde::de::Error::custom(super::UnknownCode::new(code, catalog)))
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
                    .ok_or_else(|| Err::custom(super::UnknownCode::new(code, self.catalog)))
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
    pub fn miette_code(entry: &'static super::Entry) -> Option<Box<dyn fmt::Display>> {
        Some(Box::new(entry.code))
    }

    /// `Diagnostic::help`: the solutions, numbered when there are several.
    #[cfg(feature = "miette")]
    pub fn miette_help(entry: &'static super::Entry) -> Option<Box<dyn fmt::Display>> {
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
    pub fn miette_url(entry: &'static super::Entry) -> Option<Box<dyn fmt::Display>> {
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
}

/// Implements `serde::Serialize` and `Deserialize` for a generated enum, as its code, when this
/// crate's `serde` feature is on; nothing otherwise. The user's crate needs no serde dependency.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_impls {
    ($name:ident, $catalog:literal, int $code:ty) => {
        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::__private::serde::Serialize::serialize(&self.code(), serializer)
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::__private::deserialize_int::<D, $code, Self>(
                    deserializer,
                    Self::from_code,
                    $catalog,
                )
            }
        }
    };
    ($name:ident, $catalog:literal, text) => {
        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::__private::deserialize_text::<D, Self>(
                    deserializer,
                    Self::from_code,
                    $catalog,
                )
            }
        }
    };
}

/// Without the `serde` feature, generated enums have no serde impls.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_impls {
    ($($tokens:tt)*) => {};
}

/// Implements `miette::Diagnostic` for a generated enum when this crate's `miette` feature is
/// on: `code` is the code, `help` the solutions, `url` where the page publishes the entry.
#[cfg(feature = "miette")]
#[doc(hidden)]
#[macro_export]
macro_rules! __miette_impls {
    ($name:ident) => {
        impl $crate::__private::miette::Diagnostic for $name {
            fn code<'a>(
                &'a self,
            ) -> ::core::option::Option<$crate::__private::Box<dyn ::core::fmt::Display + 'a>> {
                $crate::__private::miette_code(self.entry()).map(|b| b as _)
            }

            fn help<'a>(
                &'a self,
            ) -> ::core::option::Option<$crate::__private::Box<dyn ::core::fmt::Display + 'a>> {
                $crate::__private::miette_help(self.entry()).map(|b| b as _)
            }

            fn url<'a>(
                &'a self,
            ) -> ::core::option::Option<$crate::__private::Box<dyn ::core::fmt::Display + 'a>> {
                $crate::__private::miette_url(self.entry()).map(|b| b as _)
            }
        }
    };
}

/// Without the `miette` feature, generated enums have no `Diagnostic` impl.
#[cfg(not(feature = "miette"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __miette_impls {
    ($($tokens:tt)*) => {};
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

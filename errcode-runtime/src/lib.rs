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

#[doc(hidden)]
pub mod entries;
mod entry;
mod locale;
mod macros;
mod wire;

/// Helpers for the generated code; not part of the API.
#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use entry::{Entry, EntryCode, ExtraField, Fields, ListIter, Source, Texts};
#[cfg(all(target_has_atomic = "ptr", not(errcode_no_atomics)))]
pub use locale::set_locale;
pub use locale::{Locale, locale};
pub use wire::{ParseError, UnknownCode, WireCode};

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
    fn entry(self) -> Entry;

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
    fn entry_in(self, locale: &str) -> Entry {
        let _ = locale;
        self.entry()
    }

    /// The message in a language, as [`ErrorCode::entry_in`] finds it.
    fn message_in(self, locale: &str) -> &'static str {
        self.entry_in(locale).message
    }

    /// The entry in the language the application chose with [`set_locale`].
    fn localized(self) -> Entry {
        match locale() {
            Some(tag) => self.entry_in(tag),
            None => self.entry(),
        }
    }
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

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

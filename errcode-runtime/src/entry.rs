//! What a page says about one error code, as generated code hands it out: an [`Entry`] of
//! `&'static` texts, assembled on demand from the tables the macro writes, so that asking for
//! one costs no memory and no synchronisation (it works in `no_std`, on targets without
//! atomics, and inside interrupt handlers).

use core::fmt;
use core::hash::{Hash, Hasher};
use core::iter::FusedIterator;
use core::ops::Range;

use errcode_layout::{FIELD_WORDS, STRING_WORDS, text_at};

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
    /// The title (the text after the code); empty when the page gives none.
    pub title: &'static str,
    /// The message: the page's message field, else its title, else its description.
    pub message: &'static str,
    /// The description field.
    pub description: Option<&'static str>,
    /// Each possible cause.
    pub causes: Texts,
    /// Each solution step.
    pub solutions: Texts,
    /// The section heading the entry sits under.
    pub section: Option<&'static str>,
    /// Fields under other labels, in page order.
    pub fields: Fields,
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

/// A run of items in the tables: which text they are read from, their words, the first and
/// how many.
#[derive(Clone, Copy)]
struct Run {
    text: &'static str,
    words: &'static [u8],
    first: usize,
    count: usize,
}

impl Run {
    const EMPTY: Run = Run {
        text: "",
        words: &[],
        first: 0,
        count: 0,
    };

    const fn new(text: &'static str, words: &'static [u8], first: usize, count: usize) -> Self {
        Run {
            text,
            words,
            first,
            count,
        }
    }

    const fn text(&self, index: usize, width: usize, at: usize) -> &'static str {
        match text_at(self.text, self.words, (self.first + index) * width + at) {
            Some(text) => text,
            None => "",
        }
    }

    const fn string(&self, index: usize) -> &'static str {
        self.text(index, STRING_WORDS, 0)
    }

    const fn field(&self, index: usize) -> ExtraField {
        ExtraField {
            label: self.text(index, FIELD_WORDS, 0),
            text: self.text(index, FIELD_WORDS, STRING_WORDS),
        }
    }
}

/// The texts of a list field (causes, solutions), in page order. Read it like a slice:
/// `entry.causes.len()`, `entry.causes[0]`, `for cause in entry.causes`, and compare it with
/// an array (`entry.solutions == ["Retry."]`).
#[derive(Clone, Copy)]
pub struct Texts(Run);

impl Texts {
    /// No texts.
    pub const EMPTY: Texts = Texts(Run::EMPTY);

    /// The texts of `count` items from `first` in `items` (the generated tables).
    #[doc(hidden)]
    pub const fn new(text: &'static str, items: &'static [u8], first: usize, count: usize) -> Self {
        Texts(Run::new(text, items, first, count))
    }

    /// The text at `index`.
    pub const fn get(&self, index: usize) -> Option<&'static str> {
        if index < self.0.count {
            Some(self.0.string(index))
        } else {
            None
        }
    }
}

/// `entry.causes[0]`, like a slice: panics when there is no text at `index`.
impl core::ops::Index<usize> for Texts {
    type Output = str;

    fn index(&self, index: usize) -> &str {
        match self.get(index) {
            Some(text) => text,
            None => panic!("index {index} out of range for {} texts", self.len()),
        }
    }
}

/// The extra fields of an entry, in page order, read like [`Texts`] (without indexing: a
/// field is a value, not a place in memory).
#[derive(Clone, Copy)]
pub struct Fields(Run);

impl Fields {
    /// No fields.
    pub const EMPTY: Fields = Fields(Run::EMPTY);

    /// The `count` fields from `first` in `items` (the generated tables).
    #[doc(hidden)]
    pub const fn new(text: &'static str, items: &'static [u8], first: usize, count: usize) -> Self {
        Fields(Run::new(text, items, first, count))
    }

    /// The field at `index`.
    pub const fn get(&self, index: usize) -> Option<ExtraField> {
        if index < self.0.count {
            Some(self.0.field(index))
        } else {
            None
        }
    }
}

/// The items of a [`Texts`] or [`Fields`], in page order.
#[derive(Clone)]
pub struct ListIter<T> {
    run: Run,
    read: fn(&Run, usize) -> T,
    indices: Range<usize>,
}

impl<T> Iterator for ListIter<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        self.indices
            .next()
            .map(|index| (self.read)(&self.run, index))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.indices.size_hint()
    }
}

impl<T> DoubleEndedIterator for ListIter<T> {
    fn next_back(&mut self) -> Option<T> {
        self.indices
            .next_back()
            .map(|index| (self.read)(&self.run, index))
    }
}

impl<T> ExactSizeIterator for ListIter<T> {}

impl<T> FusedIterator for ListIter<T> {}

impl<T> fmt::Debug for ListIter<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ListIter")
            .field("remaining", &self.indices.len())
            .finish()
    }
}

macro_rules! list_traits {
    ($list:ident, $item:ty, $read:path, $compared:ty) => {
        impl $list {
            /// How many there are.
            pub const fn len(&self) -> usize {
                self.0.count
            }

            /// Whether there are none.
            pub const fn is_empty(&self) -> bool {
                self.0.count == 0
            }

            /// The items in page order.
            pub fn iter(&self) -> ListIter<$item> {
                ListIter {
                    run: self.0,
                    read: $read,
                    indices: 0..self.0.count,
                }
            }
        }

        impl IntoIterator for $list {
            type Item = $item;
            type IntoIter = ListIter<$item>;

            fn into_iter(self) -> ListIter<$item> {
                self.iter()
            }
        }

        impl IntoIterator for &$list {
            type Item = $item;
            type IntoIter = ListIter<$item>;

            fn into_iter(self) -> ListIter<$item> {
                self.iter()
            }
        }

        impl PartialEq for $list {
            fn eq(&self, other: &Self) -> bool {
                self.iter().eq(other.iter())
            }
        }

        impl Eq for $list {}

        impl Hash for $list {
            fn hash<H: Hasher>(&self, state: &mut H) {
                self.len().hash(state);
                for item in self.iter() {
                    item.hash(state);
                }
            }
        }

        impl fmt::Debug for $list {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_list().entries(self.iter()).finish()
            }
        }

        impl<'a, const N: usize> PartialEq<[$compared; N]> for $list {
            fn eq(&self, other: &[$compared; N]) -> bool {
                self.iter().eq(other.iter().copied())
            }
        }

        impl<'a> PartialEq<[$compared]> for $list {
            fn eq(&self, other: &[$compared]) -> bool {
                self.iter().eq(other.iter().copied())
            }
        }

        impl<'a> PartialEq<&[$compared]> for $list {
            fn eq(&self, other: &&[$compared]) -> bool {
                self.iter().eq(other.iter().copied())
            }
        }

        #[cfg(feature = "std")]
        impl<'a> PartialEq<std::vec::Vec<$compared>> for $list {
            fn eq(&self, other: &std::vec::Vec<$compared>) -> bool {
                self.iter().eq(other.iter().copied())
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $list {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.iter())
            }
        }
    };
}

list_traits!(Texts, &'static str, Run::string, &'a str);
list_traits!(Fields, ExtraField, Run::field, ExtraField);

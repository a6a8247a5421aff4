//! The entries of a generated enum, written the way rustc compiles fastest: all their texts in
//! one string literal and their layout in byte strings of little-endian `u32` words, as
//! `errcode-layout` defines them.
//! `message()`, `title()`, the variant name and symbolic codes are read from them by `const
//! fn`s; the [`Entry`] values are built the first time one is asked for, in static storage.
//!
//! A page of 10,000 entries written as a static array of `Entry` literals costs rustc seconds
//! to type-check, more than linearly; literals cost it nothing (BENCHMARKS.md).

use core::cell::UnsafeCell;
use core::mem::MaybeUninit;
use core::sync::atomic::{AtomicU8, Ordering};

use crate::{Entry, EntryCode, ExtraField, Source};

use errcode_layout::{
    ABSENT, CAUSES, CODE_IS_TEXT, DESCRIPTION, FIELD_WORDS, FIELDS, LINE, RECORD_WORDS, SECTION,
    SOLUTIONS, STRING_WORDS, SYMBOL, URL, run_at, text_at, word,
};
/// The texts of a record that the generated code reads itself.
pub use errcode_layout::{CODE, MESSAGE, TITLE, VARIANT};

/// A text field of a row of `meta`, or `""` when absent.
pub const fn field(text: &'static str, meta: &[u8], row: usize, field: usize) -> &'static str {
    or_empty(text_at(text, meta, row * RECORD_WORDS + field))
}

/// Whether `meta` has the entry of a row (a translation may lack it).
pub const fn has(meta: &[u8], row: usize) -> bool {
    word(meta, row * RECORD_WORDS + VARIANT) != ABSENT
}

/// The row of a symbolic code: `sorted` holds the `(offset, length)` pairs of the codes in
/// byte order, `rows` the row of each. A binary search, in `const fn`.
pub const fn find(text: &'static str, sorted: &[u8], rows: &[u8], code: &str) -> Option<usize> {
    let (mut low, mut high) = (0, sorted.len() / (STRING_WORDS * 4));
    while low < high {
        let middle = low + (high - low) / 2;
        let candidate = or_empty(text_at(text, sorted, middle * STRING_WORDS));
        if crate::__private::str_less(candidate, code) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    if low < sorted.len() / (STRING_WORDS * 4)
        && crate::__private::str_eq(or_empty(text_at(text, sorted, low * STRING_WORDS)), code)
    {
        Some(word(rows, low) as usize)
    } else {
        None
    }
}

const UNBUILT: u8 = 0;
const BUILDING: u8 = 1;
const BUILT: u8 = 2;

/// The entries of one page in one language: `N` entries, `S` causes and solutions, `F` other
/// fields, built in place the first time one is asked for.
///
/// Building them at compile time instead, with `const fn`s, costs rustc's constant evaluator
/// about 2.3 ms per entry; at run time it costs about 0.26 µs per entry, once (BENCHMARKS.md).
pub struct Entries<const N: usize, const S: usize, const F: usize> {
    text: &'static str,
    meta: &'static [u8],
    strings: &'static [u8],
    fields: &'static [u8],
    file: &'static str,
    state: AtomicU8,
    built_strings: UnsafeCell<MaybeUninit<[&'static str; S]>>,
    built_fields: UnsafeCell<MaybeUninit<[ExtraField; F]>>,
    built_entries: UnsafeCell<MaybeUninit<[Entry; N]>>,
}

// SAFETY: the cells are written once, by the one thread that moves `state` from UNBUILT to
// BUILDING, and read only after `state` is BUILT (release/acquire), so no access races.
unsafe impl<const N: usize, const S: usize, const F: usize> Sync for Entries<N, S, F> {}

impl<const N: usize, const S: usize, const F: usize> Entries<N, S, F> {
    /// A table over the generated texts and layout; `file` is the page's path.
    pub const fn new(
        text: &'static str,
        meta: &'static [u8],
        strings: &'static [u8],
        fields: &'static [u8],
        file: &'static str,
    ) -> Self {
        Entries {
            text,
            meta,
            strings,
            fields,
            file,
            state: AtomicU8::new(UNBUILT),
            built_strings: UnsafeCell::new(MaybeUninit::uninit()),
            built_fields: UnsafeCell::new(MaybeUninit::uninit()),
            built_entries: UnsafeCell::new(MaybeUninit::uninit()),
        }
    }

    /// Whether the table has the entry of a row (a translation may lack it).
    pub const fn has(&self, row: usize) -> bool {
        has(self.meta, row)
    }

    /// The entry of a row, built with all the others on first use.
    pub fn entry(&'static self, row: usize) -> &'static Entry {
        if self.state.load(Ordering::Acquire) != BUILT {
            self.build();
        }
        // SAFETY: `state` is BUILT, so every element was written and is never written again.
        let entries = unsafe { (*self.built_entries.get()).assume_init_ref() };
        &entries[row]
    }

    #[cold]
    fn build(&'static self) {
        match self
            .state
            .compare_exchange(UNBUILT, BUILDING, Ordering::Acquire, Ordering::Acquire)
        {
            Ok(_) => {
                // SAFETY: this thread alone moved the state to BUILDING, so it alone writes.
                unsafe { self.write() };
                self.state.store(BUILT, Ordering::Release);
            }
            Err(_) => {
                while self.state.load(Ordering::Acquire) != BUILT {
                    core::hint::spin_loop();
                }
            }
        }
    }

    /// Writes every string, field and entry in place (no large value on the stack).
    ///
    /// # Safety
    /// Only the thread that moved `state` to BUILDING may call it, once.
    unsafe fn write(&'static self) {
        let strings = self.built_strings.get().cast::<&'static str>();
        for index in 0..S {
            let text = or_empty(text_at(self.text, self.strings, index * STRING_WORDS));
            // SAFETY: `index < S`, inside the array, and nothing reads it yet.
            unsafe { strings.add(index).write(text) };
        }
        // SAFETY: all `S` strings are written and are never written again.
        let strings: &'static [&'static str] = unsafe { core::slice::from_raw_parts(strings, S) };
        let fields = self.built_fields.get().cast::<ExtraField>();
        for index in 0..F {
            let label = or_empty(text_at(self.text, self.fields, index * FIELD_WORDS));
            let text = or_empty(text_at(self.text, self.fields, index * FIELD_WORDS + 2));
            // SAFETY: `index < F`, inside the array, and nothing reads it yet.
            unsafe { fields.add(index).write(ExtraField { label, text }) };
        }
        // SAFETY: all `F` fields are written and are never written again.
        let fields: &'static [ExtraField] = unsafe { core::slice::from_raw_parts(fields, F) };
        let entries = self.built_entries.get().cast::<Entry>();
        for row in 0..N {
            let entry = if has(self.meta, row) {
                read_entry(self.text, self.meta, row, strings, fields, self.file)
            } else {
                PLACEHOLDER
            };
            // SAFETY: `row < N`, inside the array, and nothing reads it yet.
            unsafe { entries.add(row).write(entry) };
        }
    }
}

/// What a row a translation lacks holds; never handed out (callers check [`Table::has`]).
const PLACEHOLDER: Entry = Entry {
    code: EntryCode::Int(0),
    variant: "",
    symbol: None,
    title: "",
    message: "",
    description: None,
    causes: &[],
    solutions: &[],
    section: None,
    fields: &[],
    source: Source { file: "", line: 0 },
    url: None,
};

fn read_entry(
    text: &'static str,
    meta: &[u8],
    row: usize,
    strings: &'static [&'static str],
    fields: &'static [ExtraField],
    file: &'static str,
) -> Entry {
    let base = row * RECORD_WORDS;
    let code = or_empty(text_at(text, meta, base + CODE));
    Entry {
        code: if word(meta, base + CODE_IS_TEXT) == 1 {
            EntryCode::Text(code)
        } else {
            EntryCode::Int(parse_integer(code))
        },
        variant: or_empty(text_at(text, meta, base + VARIANT)),
        symbol: text_at(text, meta, base + SYMBOL),
        title: or_empty(text_at(text, meta, base + TITLE)),
        message: or_empty(text_at(text, meta, base + MESSAGE)),
        description: text_at(text, meta, base + DESCRIPTION),
        causes: run(strings, meta, base + CAUSES),
        solutions: run(strings, meta, base + SOLUTIONS),
        section: text_at(text, meta, base + SECTION),
        fields: run(fields, meta, base + FIELDS),
        source: Source {
            file,
            line: word(meta, base + LINE),
        },
        url: text_at(text, meta, base + URL),
    }
}

/// The items of the run at words `at` and `at + 1` of `meta`.
fn run<T>(items: &'static [T], meta: &[u8], at: usize) -> &'static [T] {
    let (first, count) = run_at(meta, at);
    items.split_at(first).1.split_at(count).0
}

const fn or_empty(text: Option<&'static str>) -> &'static str {
    match text {
        Some(text) => text,
        None => "",
    }
}

/// A decimal integer as errcode writes it (an optional `-`, then digits).
const fn parse_integer(text: &str) -> i128 {
    let bytes = text.as_bytes();
    let negative = !bytes.is_empty() && bytes[0] == b'-';
    let mut index = if negative { 1 } else { 0 };
    let mut magnitude = 0i128;
    while index < bytes.len() {
        magnitude = magnitude * 10 + (bytes[index] - b'0') as i128;
        index += 1;
    }
    if negative { -magnitude } else { magnitude }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_as_errcode_writes_them() {
        assert_eq!(parse_integer("7400101"), 7400101);
        assert_eq!(parse_integer("-3301"), -3301);
        assert_eq!(parse_integer("18446744073709551615"), 18446744073709551615);
    }
}

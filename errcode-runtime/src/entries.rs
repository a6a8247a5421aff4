//! The entries of a generated enum, written the way rustc compiles fastest: all their texts in
//! one string literal and their layout in byte strings of little-endian `u32` words, as
//! `errcode-layout` defines them. An [`Entry`] is assembled from them by a `const fn` each time
//! one is asked for: nothing is built at run time, no memory grows with the page, and no
//! synchronisation is needed.
//!
//! A page of 10,000 entries written as a static array of `Entry` literals costs rustc seconds
//! to type-check, more than linearly; literals cost it nothing (BENCHMARKS.md).

use errcode_layout::{
    ABSENT, CAUSES, CODE_IS_TEXT, DESCRIPTION, FIELDS, LINE, RECORD_WORDS, SECTION, SOLUTIONS,
    STRING_WORDS, SYMBOL, URL, run_at, text_at, word,
};
/// The texts of a record that the generated code reads itself.
pub use errcode_layout::{CODE, MESSAGE, TITLE, VARIANT};

use crate::{Entry, EntryCode, Fields, Source, Texts};

/// A text field of a row of `meta`, or `""` when absent.
pub const fn field(text: &'static str, meta: &[u8], row: usize, field: usize) -> &'static str {
    or_empty(text_at(text, meta, row * RECORD_WORDS + field))
}

/// Whether `meta` has the entry of a row (a translation may lack it).
pub const fn has(meta: &[u8], row: usize) -> bool {
    word(meta, row * RECORD_WORDS + VARIANT) != ABSENT
}

/// The row of a symbolic code: `sorted` holds the texts of the codes in byte order, `rows` the
/// row of each. A binary search, in `const fn`.
pub const fn find(text: &'static str, sorted: &[u8], rows: &[u8], code: &str) -> Option<usize> {
    let count = sorted.len() / (STRING_WORDS * 4);
    let (mut low, mut high) = (0, count);
    while low < high {
        let middle = low + (high - low) / 2;
        let candidate = or_empty(text_at(text, sorted, middle * STRING_WORDS));
        if crate::__private::str_less(candidate, code) {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    if low < count
        && crate::__private::str_eq(or_empty(text_at(text, sorted, low * STRING_WORDS)), code)
    {
        Some(word(rows, low) as usize)
    } else {
        None
    }
}

/// The entries of one page in one language.
pub struct Table {
    text: &'static str,
    meta: &'static [u8],
    strings: &'static [u8],
    fields: &'static [u8],
    file: &'static str,
}

impl Table {
    /// A table over the generated texts and layout; `file` is the page's path.
    pub const fn new(
        text: &'static str,
        meta: &'static [u8],
        strings: &'static [u8],
        fields: &'static [u8],
        file: &'static str,
    ) -> Self {
        Table {
            text,
            meta,
            strings,
            fields,
            file,
        }
    }

    /// Whether the table has the entry of a row (a translation may lack it).
    pub const fn has(&self, row: usize) -> bool {
        has(self.meta, row)
    }

    /// The entry of a row.
    pub const fn entry(&self, row: usize) -> Entry {
        let (text, meta) = (self.text, self.meta);
        let base = row * RECORD_WORDS;
        let code = or_empty(text_at(text, meta, base + CODE));
        let (causes_first, causes_count) = run_at(meta, base + CAUSES);
        let (solutions_first, solutions_count) = run_at(meta, base + SOLUTIONS);
        let (fields_first, fields_count) = run_at(meta, base + FIELDS);
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
            causes: Texts::new(text, self.strings, causes_first, causes_count),
            solutions: Texts::new(text, self.strings, solutions_first, solutions_count),
            section: text_at(text, meta, base + SECTION),
            fields: Fields::new(text, self.fields, fields_first, fields_count),
            source: Source {
                file: self.file,
                line: word(meta, base + LINE),
            },
            url: text_at(text, meta, base + URL),
        }
    }
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
    use errcode_layout::Record;

    #[test]
    fn integers_as_errcode_writes_them() {
        assert_eq!(parse_integer("7400101"), 7400101);
        assert_eq!(parse_integer("-3301"), -3301);
        assert_eq!(parse_integer("18446744073709551615"), 18446744073709551615);
    }

    #[test]
    fn an_entry_is_assembled_from_its_record() {
        const TEXT: &str = "Busy7Wait.Retry.";
        const META: [u8; RECORD_WORDS * 4] = {
            let mut record = Record::new();
            record.set_text(VARIANT, Some((0, 4)));
            record.set_text(MESSAGE, Some((0, 4)));
            record.set_text(CODE, Some((4, 1)));
            record.set_text(DESCRIPTION, None);
            record.set_run(SOLUTIONS, 0, 2);
            record.set_word(LINE, 9);
            record.to_bytes()
        };
        // Two strings: `Wait.` at 5 (5 bytes) and `Retry.` at 10 (6 bytes).
        const STRINGS: [u8; 16] = [5, 0, 0, 0, 5, 0, 0, 0, 10, 0, 0, 0, 6, 0, 0, 0];
        static TABLE: Table = Table::new(TEXT, &META, &STRINGS, &[], "page.md");
        let entry = TABLE.entry(0);
        assert_eq!(entry.code, EntryCode::Int(7));
        assert_eq!(entry.message, "Busy");
        assert_eq!(entry.solutions, ["Wait.", "Retry."]);
        assert_eq!(entry.solutions.get(1), Some("Retry."));
        assert!(entry.causes.is_empty() && entry.fields.is_empty());
        assert_eq!(entry.source.line, 9);
        assert_eq!(entry.description, None);
    }
}

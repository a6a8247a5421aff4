//! The entries of a generated enum, written the way rustc compiles fastest: all their texts in
//! one string literal and their layout in byte strings of little-endian `u32` words, from which
//! the `const fn`s here build the static arrays of [`Entry`] at compile time.
//!
//! A page of 10,000 entries written as a static array of `Entry` literals costs rustc seconds
//! to type-check, more than linearly; literals cost it nothing, and the constant evaluation of
//! these loops is linear (BENCHMARKS.md).

use crate::{Entry, Field, RawCode, Source};

/// Words (little-endian `u32`) in the record of one entry.
pub const RECORD_WORDS: usize = 24;
/// The variant name (offset, length in the text). Its offset is [`ABSENT`] in the table of a
/// language that lacks the entry.
pub const VARIANT: usize = 0;
/// The title.
pub const TITLE: usize = 2;
/// The message.
pub const MESSAGE: usize = 4;
/// The description, or [`ABSENT`].
pub const DESCRIPTION: usize = 6;
/// The page's symbol, or [`ABSENT`].
pub const SYMBOL: usize = 8;
/// The section, or [`ABSENT`].
pub const SECTION: usize = 10;
/// The published URL, or [`ABSENT`].
pub const URL: usize = 12;
/// The code as the page writes it.
pub const CODE: usize = 14;
/// 1 when the code is symbolic, 0 when it is an integer.
pub const CODE_IS_TEXT: usize = 16;
/// The causes: first index and count in the list of strings.
pub const CAUSES: usize = 17;
/// The solutions: first index and count in the list of strings.
pub const SOLUTIONS: usize = 19;
/// The other fields: first index and count in the list of fields.
pub const FIELDS: usize = 21;
/// The line of the entry in its page.
pub const LINE: usize = 23;
/// The offset of a text that is not there.
pub const ABSENT: u32 = u32::MAX;

/// The `index`th little-endian `u32` of `bytes`.
pub const fn word(bytes: &[u8], index: usize) -> u32 {
    let at = index * 4;
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// The text at (offset, length) words `at` and `at + 1` of `bytes`, or `None` when absent.
pub const fn text_at(text: &'static str, bytes: &[u8], at: usize) -> Option<&'static str> {
    let offset = word(bytes, at);
    if offset == ABSENT {
        return None;
    }
    let length = word(bytes, at + 1);
    Some(text.split_at(offset as usize).1.split_at(length as usize).0)
}

/// A text field of a row of `meta`, or `""` when absent.
pub const fn field(text: &'static str, meta: &[u8], row: usize, field: usize) -> &'static str {
    or_empty(text_at(text, meta, row * RECORD_WORDS + field))
}

/// The causes and solutions of a table: `(offset, length)` pairs of `bytes` into `text`.
pub const fn strings<const S: usize>(text: &'static str, bytes: &[u8]) -> [&'static str; S] {
    let mut strings = [""; S];
    let mut index = 0;
    while index < S {
        strings[index] = or_empty(text_at(text, bytes, index * 2));
        index += 1;
    }
    strings
}

/// The other fields of a table: `(offset, length)` pairs of label and text.
pub const fn fields<const F: usize>(text: &'static str, bytes: &[u8]) -> [Field; F] {
    let mut fields = [Field {
        label: "",
        text: "",
    }; F];
    let mut index = 0;
    while index < F {
        fields[index] = Field {
            label: or_empty(text_at(text, bytes, index * 4)),
            text: or_empty(text_at(text, bytes, index * 4 + 2)),
        };
        index += 1;
    }
    fields
}

/// The entries of a table, one per record of `meta`; `file` is the page's path. A row a
/// translation lacks ([`has`] is false) holds a placeholder that is never handed out.
pub const fn entries<const N: usize>(
    text: &'static str,
    meta: &[u8],
    strings: &'static [&'static str],
    fields: &'static [Field],
    file: &'static str,
) -> [Entry; N] {
    let mut entries = [PLACEHOLDER; N];
    let mut row = 0;
    while row < N {
        if has(meta, row) {
            entries[row] = entry(text, meta, row, strings, fields, file);
        }
        row += 1;
    }
    entries
}

/// Whether `meta` has the entry of a row (a translation may lack it).
pub const fn has(meta: &[u8], row: usize) -> bool {
    word(meta, row * RECORD_WORDS + VARIANT) != ABSENT
}

const PLACEHOLDER: Entry = Entry {
    code: RawCode::Int(0),
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

const fn entry(
    text: &'static str,
    meta: &[u8],
    row: usize,
    strings: &'static [&'static str],
    fields: &'static [Field],
    file: &'static str,
) -> Entry {
    let base = row * RECORD_WORDS;
    let code = or_empty(text_at(text, meta, base + CODE));
    Entry {
        code: if word(meta, base + CODE_IS_TEXT) == 1 {
            RawCode::Text(code)
        } else {
            RawCode::Int(parse_integer(code))
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

/// The items at (first, count) words `at` and `at + 1` of `meta`.
const fn run<T>(items: &'static [T], meta: &[u8], at: usize) -> &'static [T] {
    let first = word(meta, at) as usize;
    let count = word(meta, at + 1) as usize;
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

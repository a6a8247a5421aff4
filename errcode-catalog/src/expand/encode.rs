//! The entries of an enum as the runtime's `entries` module reads them: every text in one
//! string literal, the layout of each entry in a byte string of little-endian words, and the
//! causes, solutions and other fields in two more.
//!
//! rustc compiles literals in no time, while an array of 10,000 `Entry` literals cost it
//! seconds to type-check and evaluate, more than linearly (BENCHMARKS.md). The layout of the
//! records is `errcode-layout`'s, which the runtime reads with the same definitions.

use std::collections::{BTreeMap, HashMap};

use errcode_layout::{self as layout, Record};

use super::emit;
use super::literal::{Lit, byte_string, string};
use crate::catalog::{Code, EntryDef};
use crate::quick_hash::QuickHash;

/// The texts and layouts of one table, filled row by row.
#[derive(Default)]
pub(super) struct Encoder {
    text: String,
    /// Where each text of `text` starts, by its [`TextKey`]: the first text with that key.
    offsets: HashMap<TextKey, u32, QuickHash>,
    /// Texts whose key an earlier, different text has (rare: same length, same ends).
    sharing_a_key: BTreeMap<String, u32>,
    meta: Vec<u8>,
    strings: Vec<u8>,
    string_count: usize,
    fields: Vec<u8>,
    field_count: usize,
}

/// A text's length and its first, middle and last eight bytes: texts with different keys
/// differ, and comparing keys costs the same however long the texts are (a page's sentences
/// often share their length and ends, `The … cannot continue.`). (Texts as map keys cost a string
/// comparison per step of every search, hashing them a hash of every byte: both many times
/// slower in the unoptimised build cargo gives proc macros.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct TextKey {
    len: usize,
    head: u64,
    middle: u64,
    tail: u64,
}

impl TextKey {
    fn of(text: &str) -> TextKey {
        let bytes = text.as_bytes();
        let word = |part: &[u8]| {
            let mut word = [0; 8];
            word[..part.len()].copy_from_slice(part);
            u64::from_le_bytes(word)
        };
        let edge = bytes.len().min(8);
        let middle = bytes.len() / 2 - edge / 2;
        TextKey {
            len: bytes.len(),
            head: word(&bytes[..edge]),
            middle: word(&bytes[middle..middle + edge]),
            tail: word(&bytes[bytes.len() - edge..]),
        }
    }
}

/// Texts a row stores besides its lists: variant, title, message, description, code, and
/// room for a few more; enough that the map of texts is not grown and rehashed row by row.
const TEXTS_PER_ROW: usize = 8;

impl Encoder {
    /// An encoder for `rows` rows.
    pub(super) fn with_rows(rows: usize) -> Encoder {
        Encoder {
            offsets: HashMap::with_capacity_and_hasher(rows * TEXTS_PER_ROW, QuickHash::default()),
            ..Encoder::default()
        }
    }

    /// Adds a row: an entry, or `None` for a language that lacks it.
    pub(super) fn row(&mut self, entry: Option<&EntryDef>) {
        let Some(entry) = entry else {
            self.meta.extend_from_slice(&Record::absent().to_bytes());
            return;
        };
        let mut record = Record::new();
        let code = entry.code.to_string();
        let texts = [
            (layout::VARIANT, Some(entry.variant.as_str())),
            (layout::TITLE, Some(&entry.title)),
            (layout::MESSAGE, Some(&entry.message)),
            (layout::DESCRIPTION, entry.description.as_deref()),
            (layout::SYMBOL, entry.symbol.as_deref()),
            (layout::SECTION, entry.section.as_deref()),
            (layout::URL, entry.url.as_deref()),
            (layout::CODE, Some(&code)),
        ];
        for (field, text) in texts {
            record.set_text(field, text.map(|text| self.text_span(text)));
        }
        record.set_word(
            layout::CODE_IS_TEXT,
            u32::from(matches!(entry.code, Code::Text(_))),
        );
        for (field, list) in [
            (layout::CAUSES, &entry.causes),
            (layout::SOLUTIONS, &entry.solutions),
        ] {
            record.set_run(field, self.string_count as u32, list.len() as u32);
            for text in list {
                let span = self.text_span(text);
                push_words(&mut self.strings, layout::text_words(Some(span)));
                self.string_count += 1;
            }
        }
        record.set_run(
            layout::FIELDS,
            self.field_count as u32,
            entry.fields.len() as u32,
        );
        for field in &entry.fields {
            for text in [&field.label, &field.text] {
                let span = self.text_span(text);
                push_words(&mut self.fields, layout::text_words(Some(span)));
            }
            self.field_count += 1;
        }
        record.set_word(layout::LINE, entry.line);
        self.meta.extend_from_slice(&record.to_bytes());
    }

    /// (offset, length) of a text, stored once however often it occurs.
    fn text_span(&mut self, text: &str) -> (u32, u32) {
        let key = TextKey::of(text);
        let offset = match self.offsets.get(&key) {
            Some(&offset)
                if self.text.as_bytes()[offset as usize..][..text.len()] == *text.as_bytes() =>
            {
                offset
            }
            Some(_) => match self.sharing_a_key.get(text) {
                Some(&offset) => offset,
                None => {
                    let offset = self.push(text);
                    self.sharing_a_key.insert(text.to_owned(), offset);
                    offset
                }
            },
            None => {
                let offset = self.push(text);
                self.offsets.insert(key, offset);
                offset
            }
        };
        (offset, text.len() as u32)
    }

    fn push(&mut self, text: &str) -> u32 {
        let offset = self.text.len() as u32;
        self.text.push_str(text);
        offset
    }

    /// Adds texts outside any entry (the sorted codes of a symbolic enum) and returns their
    /// `(offset, length)` pairs as the runtime's `table::find` reads them.
    pub(super) fn text_list<'a>(&mut self, texts: impl Iterator<Item = &'a str>) -> Lit {
        let mut bytes = Vec::new();
        for text in texts {
            let span = self.text_span(text);
            push_words(&mut bytes, layout::text_words(Some(span)));
        }
        byte_string(&bytes)
    }

    /// `static {name}: Table` over `static {name}_TEXT` and `static {name}_META`, for the page
    /// at `file`.
    pub(super) fn statics(self, name: &str, file: &str, out: &mut String) {
        let text = string(&self.text);
        let meta = byte_string(&self.meta);
        let strings = byte_string(&self.strings);
        let fields = byte_string(&self.fields);
        let file = string(file);
        emit!(
            out,
            "
static {name}_TEXT: &str = {text};
static {name}_META: &[u8] = {meta};
static {name}: ::errcode_runtime::__private::entries::Table =
    ::errcode_runtime::__private::entries::Table::new({name}_TEXT, {name}_META, {strings}, {fields}, {file});
"
        );
    }
}

/// Words as the tables store them: little-endian bytes. (A loop, not `flat_map`, which costs
/// ten times as much unoptimised.)
fn push_words(bytes: &mut Vec<u8>, words: [u32; 2]) {
    for word in words {
        bytes.extend_from_slice(&word.to_le_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::ExtraField;

    fn entry() -> EntryDef {
        EntryDef {
            code: Code::Int(7400101),
            written: "7400101".into(),
            variant: "InvalidParameter".into(),
            symbol: None,
            title: "Invalid Parameter".into(),
            message: "Bad input.".into(),
            description: Some("A parameter is invalid.".into()),
            causes: vec!["Wrong type.".into(), "Bad input.".into()],
            solutions: vec!["Pass the right type.".into()],
            section: None,
            fields: vec![ExtraField {
                label: "Since".into(),
                text: "API 10".into(),
            }],
            line: 12,
            url: None,
            translations: Vec::new(),
            docs: String::new(),
            deprecated: None,
        }
    }

    #[test]
    fn a_row_reads_back_through_the_layout() {
        let mut table = Encoder::default();
        table.row(None);
        table.row(Some(&entry()));
        let text = table.text.as_str();
        let record = &table.meta[layout::RECORD_WORDS * 4..];
        assert_eq!(layout::word(&table.meta, layout::VARIANT), layout::ABSENT);
        assert_eq!(
            layout::text_at(text, record, layout::VARIANT),
            Some("InvalidParameter")
        );
        assert_eq!(
            layout::text_at(text, record, layout::MESSAGE),
            Some("Bad input.")
        );
        assert_eq!(
            layout::text_at(text, record, layout::DESCRIPTION),
            Some("A parameter is invalid.")
        );
        assert_eq!(layout::text_at(text, record, layout::SYMBOL), None);
        assert_eq!(layout::text_at(text, record, layout::CODE), Some("7400101"));
        assert_eq!(layout::word(record, layout::CODE_IS_TEXT), 0);
        assert_eq!(layout::word(record, layout::LINE), 12);
        let (first, count) = layout::run_at(record, layout::CAUSES);
        let causes: Vec<&str> = (first..first + count)
            .filter_map(|item| layout::text_at(text, &table.strings, item * layout::STRING_WORDS))
            .collect();
        assert_eq!(causes, ["Wrong type.", "Bad input."]);
        let (first, count) = layout::run_at(record, layout::FIELDS);
        assert_eq!(count, 1);
        let at = first * layout::FIELD_WORDS;
        assert_eq!(layout::text_at(text, &table.fields, at), Some("Since"));
        assert_eq!(layout::text_at(text, &table.fields, at + 2), Some("API 10"));
        assert_eq!(
            text.matches("Bad input.").count(),
            1,
            "a text is stored once"
        );
    }

    #[test]
    fn a_text_of_any_length_has_a_key_of_its_length() {
        let keys: Vec<TextKey> = (0..=20).map(|len| TextKey::of(&"é".repeat(len))).collect();
        for (len, key) in keys.iter().enumerate() {
            assert_eq!(key.len, 2 * len);
        }
    }

    #[test]
    fn texts_that_share_a_key_are_stored_apart() {
        let mut table = Encoder::default();
        let first = "Check the cable, wait, then check the power, then retry.";
        let second = "Check the power, wait, then check the cable, then retry.";
        assert_eq!(TextKey::of(first), TextKey::of(second));
        let spans =
            [first, second, first, second, "", "ab", "ab"].map(|text| table.text_span(text));
        assert_eq!(spans[0], spans[2]);
        assert_eq!(spans[1], spans[3]);
        assert_ne!(spans[0], spans[1]);
        assert_eq!(spans[5], spans[6]);
        assert_eq!(table.text, format!("{first}{second}ab"));
    }
}

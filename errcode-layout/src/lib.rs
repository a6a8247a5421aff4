//! The layout of the entry tables: what `errcode-catalog` writes into the expansion and
//! `errcode-runtime` reads back, defined once for both.
//!
//! An enum's entries are stored as one string of all their texts and byte strings of
//! little-endian `u32` words (rustc compiles literals in no time, while an array of `Entry`
//! literals costs it seconds at 10,000 entries):
//! - the **records**, [`RECORD_WORDS`] words per entry, the fields at the indices below;
//! - the **strings**, [`STRING_WORDS`] words per cause or solution;
//! - the **fields**, [`FIELD_WORDS`] words per extra field (label, then text).
//!
//! A text is two words, its offset and length in the string of texts, or [`ABSENT`] and 0.
//! A run (causes, solutions, extra fields) is two words: its first item and how many.

#![no_std]
#![deny(missing_docs)]

/// Words in the record of one entry.
pub const RECORD_WORDS: usize = 24;
/// The variant name (a text). Its offset is [`ABSENT`] in the table of a language that lacks
/// the entry.
pub const VARIANT: usize = 0;
/// The title (a text).
pub const TITLE: usize = 2;
/// The message (a text).
pub const MESSAGE: usize = 4;
/// The description (a text, or absent).
pub const DESCRIPTION: usize = 6;
/// The page's symbol (a text, or absent).
pub const SYMBOL: usize = 8;
/// The section (a text, or absent).
pub const SECTION: usize = 10;
/// The published URL (a text, or absent).
pub const URL: usize = 12;
/// The code as the page writes it (a text).
pub const CODE: usize = 14;
/// One word: 1 when the code is symbolic, 0 when it is an integer.
pub const CODE_IS_TEXT: usize = 16;
/// The causes (a run of strings).
pub const CAUSES: usize = 17;
/// The solutions (a run of strings).
pub const SOLUTIONS: usize = 19;
/// The extra fields (a run of fields).
pub const FIELDS: usize = 21;
/// One word: the 1-based line of the entry in its page.
pub const LINE: usize = 23;

/// Words of one item of the strings: a text.
pub const STRING_WORDS: usize = 2;
/// Words of one extra field: its label, then its text.
pub const FIELD_WORDS: usize = 4;

/// The offset of a text that is not there.
pub const ABSENT: u32 = u32::MAX;

/// The `index`th little-endian `u32` of `bytes`.
pub const fn word(bytes: &[u8], index: usize) -> u32 {
    let at = index * 4;
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// The text at words `at` and `at + 1` of `bytes` (offset and length in `text`), or `None`
/// when absent.
pub const fn text_at<'a>(text: &'a str, bytes: &[u8], at: usize) -> Option<&'a str> {
    let offset = word(bytes, at);
    if offset == ABSENT {
        return None;
    }
    let length = word(bytes, at + 1);
    Some(text.split_at(offset as usize).1.split_at(length as usize).0)
}

/// The run at words `at` and `at + 1` of `bytes`: its first item and how many.
pub const fn run_at(bytes: &[u8], at: usize) -> (usize, usize) {
    (word(bytes, at) as usize, word(bytes, at + 1) as usize)
}

/// The two words of a text: its offset and length, or [`ABSENT`] and 0.
pub const fn text_words(text: Option<(u32, u32)>) -> [u32; 2] {
    match text {
        Some((offset, length)) => [offset, length],
        None => [ABSENT, 0],
    }
}

/// The record of one entry, written field by field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    words: [u32; RECORD_WORDS],
}

impl Record {
    /// A record with every word 0.
    pub const fn new() -> Self {
        Record {
            words: [0; RECORD_WORDS],
        }
    }

    /// The record of an entry a language lacks.
    pub const fn absent() -> Self {
        let mut record = Record::new();
        record.words[VARIANT] = ABSENT;
        record
    }

    /// Sets a text field (offset and length in the string of texts, or `None`).
    pub const fn set_text(&mut self, field: usize, text: Option<(u32, u32)>) {
        let [offset, length] = text_words(text);
        self.words[field] = offset;
        self.words[field + 1] = length;
    }

    /// Sets a run field: its first item and how many.
    pub const fn set_run(&mut self, field: usize, first: u32, count: u32) {
        self.words[field] = first;
        self.words[field + 1] = count;
    }

    /// Sets a one-word field.
    pub const fn set_word(&mut self, field: usize, value: u32) {
        self.words[field] = value;
    }

    /// The record as little-endian bytes, as the records are stored.
    pub const fn to_bytes(&self) -> [u8; RECORD_WORDS * 4] {
        let mut bytes = [0; RECORD_WORDS * 4];
        let mut index = 0;
        while index < RECORD_WORDS {
            let word = self.words[index].to_le_bytes();
            bytes[index * 4] = word[0];
            bytes[index * 4 + 1] = word[1];
            bytes[index * 4 + 2] = word[2];
            bytes[index * 4 + 3] = word[3];
            index += 1;
        }
        bytes
    }
}

impl Default for Record {
    fn default() -> Self {
        Record::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_reads_back_as_written() {
        let text = "InvalidParameterBad input.7400101";
        let mut record = Record::new();
        record.set_text(VARIANT, Some((0, 16)));
        record.set_text(MESSAGE, Some((16, 10)));
        record.set_text(DESCRIPTION, None);
        record.set_text(CODE, Some((26, 7)));
        record.set_word(CODE_IS_TEXT, 0);
        record.set_run(CAUSES, 3, 2);
        record.set_word(LINE, 42);
        let bytes = record.to_bytes();
        assert_eq!(text_at(text, &bytes, VARIANT), Some("InvalidParameter"));
        assert_eq!(text_at(text, &bytes, MESSAGE), Some("Bad input."));
        assert_eq!(text_at(text, &bytes, DESCRIPTION), None);
        assert_eq!(text_at(text, &bytes, CODE), Some("7400101"));
        assert_eq!(word(&bytes, CODE_IS_TEXT), 0);
        assert_eq!(run_at(&bytes, CAUSES), (3, 2));
        assert_eq!(word(&bytes, LINE), 42);
    }

    #[test]
    fn an_absent_record_has_no_variant() {
        let bytes = Record::absent().to_bytes();
        assert_eq!(word(&bytes, VARIANT), ABSENT);
        assert_eq!(text_at("", &bytes, VARIANT), None);
    }

    #[test]
    fn the_fields_tile_the_record() {
        let texts = [
            VARIANT,
            TITLE,
            MESSAGE,
            DESCRIPTION,
            SYMBOL,
            SECTION,
            URL,
            CODE,
        ];
        let mut used = [0u8; RECORD_WORDS];
        for field in texts.into_iter().chain([CAUSES, SOLUTIONS, FIELDS]) {
            used[field] += 1;
            used[field + 1] += 1;
        }
        used[CODE_IS_TEXT] += 1;
        used[LINE] += 1;
        assert_eq!(used, [1; RECORD_WORDS], "every word belongs to one field");
    }
}

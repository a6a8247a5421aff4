//! The entries of an enum as the runtime's `table` module reads them: every text in one
//! string literal, the layout of each entry in a byte string of little-endian words, and the
//! causes, solutions and other fields in two more.
//!
//! rustc compiles literals in no time, while an array of 10,000 `Entry` literals cost it
//! seconds to type-check and evaluate, more than linearly (BENCHMARKS.md). The record layout
//! is the runtime's (`errcode_runtime::__private::table`): `RECORD_WORDS` and the order in
//! which `row` writes the fields must match it, which the behaviour tests check through every
//! field of every page.

use std::collections::HashMap;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use super::string;
use crate::catalog::{Code, Entry};

const RECORD_WORDS: usize = 24;
const ABSENT: u32 = u32::MAX;

/// The texts and layouts of one table, filled row by row.
#[derive(Default)]
pub(super) struct Table {
    text: String,
    offsets: HashMap<String, u32>,
    meta: Vec<u8>,
    strings: Vec<u8>,
    string_count: usize,
    fields: Vec<u8>,
    field_count: usize,
    rows: usize,
}

impl Table {
    /// Adds a row: an entry, or `None` for a language that lacks it.
    pub(super) fn row(&mut self, entry: Option<&Entry>) {
        self.rows += 1;
        let Some(entry) = entry else {
            let mut record = [0u32; RECORD_WORDS];
            record[0] = ABSENT;
            self.meta
                .extend(record.iter().flat_map(|word| word.to_le_bytes()));
            return;
        };
        let mut record = Vec::with_capacity(RECORD_WORDS);
        for text in [
            Some(&entry.variant),
            Some(&entry.title),
            Some(&entry.message),
        ] {
            record.extend(self.text_words(text.map(String::as_str)));
        }
        for text in [
            &entry.description,
            &entry.symbol,
            &entry.section,
            &entry.url,
        ] {
            record.extend(self.text_words(text.as_deref()));
        }
        let code = entry.code.to_string();
        record.extend(self.text_words(Some(&code)));
        record.push(u32::from(matches!(entry.code, Code::Text(_))));
        for list in [&entry.causes, &entry.solutions] {
            record.push(self.string_count as u32);
            record.push(list.len() as u32);
            for text in list {
                let words = self.text_words(Some(text));
                self.strings
                    .extend(words.iter().flat_map(|word| word.to_le_bytes()));
                self.string_count += 1;
            }
        }
        record.push(self.field_count as u32);
        record.push(entry.fields.len() as u32);
        for field in &entry.fields {
            let words = [
                self.text_words(Some(&field.label)),
                self.text_words(Some(&field.text)),
            ]
            .concat();
            self.fields
                .extend(words.iter().flat_map(|word| word.to_le_bytes()));
            self.field_count += 1;
        }
        record.push(entry.line);
        self.meta
            .extend(record.iter().flat_map(|word| word.to_le_bytes()));
    }

    /// (offset, length) of a text, stored once however often it occurs.
    fn text_words(&mut self, text: Option<&str>) -> [u32; 2] {
        let Some(text) = text else {
            return [ABSENT, 0];
        };
        let offset = match self.offsets.get(text) {
            Some(offset) => *offset,
            None => {
                let offset = self.text.len() as u32;
                self.text.push_str(text);
                self.offsets.insert(text.to_owned(), offset);
                offset
            }
        };
        [offset, text.len() as u32]
    }

    /// Adds texts outside any entry (the sorted codes of a symbolic enum) and returns their
    /// `(offset, length)` pairs as the runtime's `table::find` reads them.
    pub(super) fn text_list<'a>(&mut self, texts: impl Iterator<Item = &'a str>) -> Literal {
        let mut bytes = Vec::new();
        for text in texts {
            bytes.extend(
                self.text_words(Some(text))
                    .iter()
                    .flat_map(|word| word.to_le_bytes()),
            );
        }
        Literal::byte_string(&bytes)
    }

    /// `static {name}: Table<...>` over `static {name}_TEXT` and `static {name}_META`, for the
    /// page at `file`.
    pub(super) fn statics(self, name: &str, file: &str) -> TokenStream {
        let named = |suffix: &str| Ident::new(&format!("{name}{suffix}"), Span::call_site());
        let (table, text_name, meta_name) = (named(""), named("_TEXT"), named("_META"));
        let text = string(&self.text);
        let meta = Literal::byte_string(&self.meta);
        let strings = Literal::byte_string(&self.strings);
        let fields = Literal::byte_string(&self.fields);
        let (rows, string_count, field_count) = (
            Literal::usize_unsuffixed(self.rows),
            Literal::usize_unsuffixed(self.string_count),
            Literal::usize_unsuffixed(self.field_count),
        );
        let file = string(file);
        quote! {
            static #text_name: &str = #text;
            static #meta_name: &[u8] = #meta;
            static #table: ::errcode_runtime::__private::table::Table<#rows, #string_count, #field_count> =
                ::errcode_runtime::__private::table::Table::new(#text_name, #meta_name, #strings, #fields, #file);
        }
    }
}

//! The static tables of entries, written so that rustc type-checks them in linear time.
//!
//! rustc type-checks one large array literal in quadratic time when its elements hold generic
//! constructors (`Option::Some`) or `&[...]` coercions: 10,000 entries written the obvious way
//! took 26 s to type-check (BENCHMARKS.md). So each entry is a struct of literals and calls of
//! non-generic `const fn`s, and the entries' causes, solutions and fields sit in flat slices
//! that the entries index.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::string;
use crate::catalog::{Code, Entry};

/// The entries of one enum (with its translations), and the strings and fields they index.
#[derive(Default)]
pub(super) struct Table {
    strings: Vec<Literal>,
    fields: Vec<TokenStream>,
}

impl Table {
    /// The tokens of one `Entry`; `source` is the page it comes from.
    pub(super) fn entry(&mut self, source: &str, entry: &Entry) -> TokenStream {
        let code = match &entry.code {
            Code::Int(value) => {
                let magnitude = Literal::i128_suffixed(value.unsigned_abs() as i128);
                let sign = (*value < 0).then(|| quote!(-));
                quote!(::errcode_runtime::RawCode::Int(#sign #magnitude))
            }
            Code::Text(text) => {
                let text = string(text);
                quote!(::errcode_runtime::RawCode::Text(#text))
            }
        };
        let variant = string(&entry.variant);
        let symbol = optional(entry.symbol.as_deref());
        let title = string(&entry.title);
        let message = string(&entry.message);
        let description = optional(entry.description.as_deref());
        let causes = self.strings(&entry.causes);
        let solutions = self.strings(&entry.solutions);
        let section = optional(entry.section.as_deref());
        let fields = self.fields(entry);
        let file = string(source);
        let line = Literal::u32_suffixed(entry.line);
        let url = optional(entry.url.as_deref());
        quote! {
            ::errcode_runtime::Entry {
                code: #code,
                variant: #variant,
                symbol: #symbol,
                title: #title,
                message: #message,
                description: #description,
                causes: #causes,
                solutions: #solutions,
                section: #section,
                fields: #fields,
                source: ::errcode_runtime::Source { file: #file, line: #line },
                url: #url,
            }
        }
    }

    fn strings(&mut self, texts: &[String]) -> TokenStream {
        let start = self.strings.len();
        self.strings.extend(texts.iter().map(|text| string(text)));
        let (start, len) = (
            Literal::usize_unsuffixed(start),
            Literal::usize_unsuffixed(texts.len()),
        );
        quote!(::errcode_runtime::__private::strs(STRINGS, #start, #len))
    }

    fn fields(&mut self, entry: &Entry) -> TokenStream {
        let start = self.fields.len();
        self.fields.extend(entry.fields.iter().map(|field| {
            let label = string(&field.label);
            let text = string(&field.text);
            quote!(::errcode_runtime::Field { label: #label, text: #text })
        }));
        let (start, len) = (
            Literal::usize_unsuffixed(start),
            Literal::usize_unsuffixed(entry.fields.len()),
        );
        quote!(::errcode_runtime::__private::fields(FIELDS, #start, #len))
    }

    /// The flat slices the entries index.
    pub(super) fn statics(self) -> TokenStream {
        let strings = self.strings;
        let fields = self.fields;
        quote! {
            static STRINGS: &[&str] = &[#(#strings),*];
            static FIELDS: &[::errcode_runtime::Field] = &[#(#fields),*];
        }
    }
}

/// `Some(text)` or `None`, through the runtime's non-generic helpers.
pub(super) fn optional(text: Option<&str>) -> TokenStream {
    match text {
        Some(text) => {
            let text = string(text);
            quote!(::errcode_runtime::__private::some(#text))
        }
        None => quote!(::errcode_runtime::__private::NONE),
    }
}

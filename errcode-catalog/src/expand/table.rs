//! The static tables of entries, written so that rustc compiles them in linear time.
//!
//! rustc type-checks and evaluates one large static in time that grows faster than its size:
//! 10,000 entries in one array took 26 s to type-check, 8 s even without generic constructors
//! (BENCHMARKS.md). So a table is split into statics of [`CHUNK`] rows, indexed through a
//! static of references, and rows avoid the generic `Option` constructors (the runtime's
//! non-generic `some`/`NONE` stand in).

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use super::string;
use crate::catalog::{Code, Entry};

/// Rows per static.
pub(super) const CHUNK: usize = 32;

/// The tokens of one `Entry`; `source` is the page it comes from.
pub(super) fn entry(source: &str, entry: &Entry) -> TokenStream {
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
    let causes = entry.causes.iter().map(|text| string(text));
    let solutions = entry.solutions.iter().map(|text| string(text));
    let section = optional(entry.section.as_deref());
    let fields = entry.fields.iter().map(|field| {
        let label = string(&field.label);
        let text = string(&field.text);
        quote!(::errcode_runtime::Field { label: #label, text: #text })
    });
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
            causes: &[#(#causes),*],
            solutions: &[#(#solutions),*],
            section: #section,
            fields: &[#(#fields),*],
            source: ::errcode_runtime::Source { file: #file, line: #line },
            url: #url,
        }
    }
}

/// `static NAME_0: [ty; CHUNK] = [...]; ...` and `static NAME: [&[ty]; K] = [&NAME_0, ...]`:
/// row `i` is `NAME[i / CHUNK][i % CHUNK]`.
pub(super) fn chunked(name: &str, ty: &TokenStream, rows: Vec<TokenStream>) -> TokenStream {
    let mut statics = TokenStream::new();
    let mut chunks = Vec::new();
    for (index, chunk) in rows.chunks(CHUNK).enumerate() {
        let chunk_name = Ident::new(&format!("{name}_{index}"), Span::call_site());
        let len = Literal::usize_unsuffixed(chunk.len());
        statics.extend(quote!(static #chunk_name: [#ty; #len] = [#(#chunk),*];));
        chunks.push(chunk_name);
    }
    let name = Ident::new(name, Span::call_site());
    let count = Literal::usize_unsuffixed(chunks.len());
    statics.extend(quote!(static #name: [&[#ty]; #count] = [#(&#chunks),*];));
    statics
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

//! The languages of an enum: one table of translated entries per language (an absent row where
//! the translation lacks the code), aligned with the table of entries, and the methods that
//! pick from them.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::encode::Encoder;
use super::string;
use crate::catalog::{Catalog, EntryDef, EnumDef};

/// The statics and methods of the enum's languages. `order` is the order of its entry table.
pub(super) fn localized(
    catalog: &Catalog,
    definition: &EnumDef,
    name: &Ident,
    order: &[usize],
) -> TokenStream {
    let tags: Vec<TokenStream> = catalog
        .locales
        .iter()
        .map(|locale| string(&locale.tag))
        .collect();
    let tags = if tags.is_empty() {
        vec![string("en")]
    } else {
        tags
    };
    let translations = &catalog.locales[catalog.locales.len().min(1)..];
    let mut tables = TokenStream::new();
    for (language, locale) in translations.iter().enumerate() {
        let mut table = Encoder::default();
        for &index in order {
            let entry = &definition.entries[index];
            let translated = entry
                .translations
                .iter()
                .find(|t| t.locale == locale.tag)
                .map(|translation| EntryDef {
                    title: translation.title.clone(),
                    message: translation.message.clone(),
                    description: translation.description.clone(),
                    causes: translation.causes.clone(),
                    solutions: translation.solutions.clone(),
                    fields: translation.fields.clone(),
                    line: translation.line,
                    ..entry.clone()
                });
            table.row(translated.as_ref());
        }
        tables.extend(table.statics(&format!("TRANSLATED_{language}"), &locale.source));
    }
    let languages = translations.len();
    let (table, entry_in) = if languages == 0 {
        (
            TokenStream::new(),
            quote! {
                let _ = locale;
                self.entry()
            },
        )
    } else {
        let languages = (0..languages).map(|language| {
            let table = Ident::new(&format!("TRANSLATED_{language}"), Span::call_site());
            quote!(::core::option::Option::Some(#language) if #table.has(row) => #table.entry(row),)
        });
        let entry_in = quote! {
            let row = entry_index(self);
            match ::errcode_runtime::__private::locale_index(&Self::LOCALES[1..], locale) {
                #(#languages)*
                _ => entry_at(row),
            }
        };
        let table = tables;
        (table, entry_in)
    };
    quote! {
        #table

        impl #name {
            /// The languages of the catalog: the page's own first, then its translations.
            pub const LOCALES: &'static [&'static str] = &[#(#tags),*];

            #[inline]
            /// The entry in a language of `LOCALES` (`"zh-CN"`, or just `"zh"`); the page's own
            /// entry for any other language, or where the translation lacks the code.
            pub fn entry_in(self, locale: &str) -> ::errcode_runtime::Entry {
                #entry_in
            }
        }
    }
}

//! The languages of an enum: one table of translated entries per language (`None` where the
//! translation lacks the code), aligned with the table of entries, and the methods that pick
//! from them.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use super::string;
use super::table;
use crate::catalog::{Catalog, EnumDef};

/// The statics and methods of the enum's languages. `order` is the order of its entry table.
pub(super) fn localized(
    catalog: &Catalog,
    definition: &EnumDef,
    name: &Ident,
    order: &[usize],
) -> TokenStream {
    let tags: Vec<Literal> = catalog
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
    let row_ty = quote!(::core::option::Option<::errcode_runtime::Entry>);
    let mut tables = TokenStream::new();
    for (language, locale) in translations.iter().enumerate() {
        let rows = order.iter().map(|&index| {
            let entry = &definition.entries[index];
            match entry.translations.iter().find(|t| t.locale == locale.tag) {
                Some(translation) => {
                    let mut translated = entry.clone();
                    translated.title.clone_from(&translation.title);
                    translated.message.clone_from(&translation.message);
                    translated.description.clone_from(&translation.description);
                    translated.causes.clone_from(&translation.causes);
                    translated.solutions.clone_from(&translation.solutions);
                    translated.fields.clone_from(&translation.fields);
                    translated.line = translation.line;
                    let tokens = table::entry(&locale.source, &translated);
                    quote!(::errcode_runtime::__private::translated(#tokens))
                }
                None => quote!(::errcode_runtime::__private::UNTRANSLATED),
            }
        });
        tables.extend(table::chunked(
            &format!("TRANSLATED_{language}"),
            &row_ty,
            rows.collect(),
        ));
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
        let names = (0..languages)
            .map(|language| Ident::new(&format!("TRANSLATED_{language}"), Span::call_site()));
        let chunk = Literal::usize_unsuffixed(table::CHUNK);
        let table = quote! {
            #tables
            static TRANSLATIONS: [&[&[#row_ty]]; #languages] = [#(&#names),*];
        };
        let entry_in = quote! {
            let index = entry_index(self);
            match ::errcode_runtime::__private::locale_index(&Self::LOCALES[1..], locale) {
                ::core::option::Option::Some(language) => {
                    match &TRANSLATIONS[language][index / #chunk][index % #chunk] {
                        ::core::option::Option::Some(entry) => entry,
                        ::core::option::Option::None => entry_at(index),
                    }
                }
                ::core::option::Option::None => entry_at(index),
            }
        };
        (table, entry_in)
    };
    quote! {
        #table

        impl #name {
            /// The languages of the catalog: the page's own first, then its translations.
            pub const LOCALES: &'static [&'static str] = &[#(#tags),*];

            /// The entry in a language of `LOCALES` (`"zh-CN"`, or just `"zh"`); the page's own
            /// entry for any other language, or where the translation lacks the code.
            pub fn entry_in(self, locale: &str) -> &'static ::errcode_runtime::Entry {
                #entry_in
            }

            /// The message in a language, as `entry_in` finds it.
            pub fn message_in(self, locale: &str) -> &'static str {
                self.entry_in(locale).message
            }

            /// The entry in the language the application chose with `errcode_runtime::set_locale`.
            pub fn localized(self) -> &'static ::errcode_runtime::Entry {
                match ::errcode_runtime::locale() {
                    ::core::option::Option::Some(tag) => self.entry_in(tag),
                    ::core::option::Option::None => self.entry(),
                }
            }
        }
    }
}

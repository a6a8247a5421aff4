//! The languages of an enum: one table of translated entries per language (an absent row where
//! the translation lacks the code), aligned with the table of entries, and the methods that
//! pick from them.

use super::encode::Encoder;
use super::{comma_separated, emit, string};
use crate::catalog::{Catalog, EntryDef, EnumDef};

/// The statics and methods of the enum's languages. `order` is the order of its entry table.
pub(super) fn localized(
    catalog: &Catalog,
    definition: &EnumDef,
    name: &str,
    order: &[usize],
    out: &mut String,
) {
    let translations = &catalog.locales[catalog.locales.len().min(1)..];
    for (language, locale) in translations.iter().enumerate() {
        let mut table = Encoder::with_rows(order.len());
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
        table.statics(&format!("TRANSLATED_{language}"), &locale.source, out);
    }
    emit!(
        out,
        "
impl {name} {{
    /// The languages of the catalog: the page's own first, then its translations.
    pub const LOCALES: &'static [&'static str] = &["
    );
    if catalog.locales.is_empty() {
        emit!(out, "{}", string("en"));
    }
    comma_separated(
        catalog.locales.iter().map(|locale| string(&locale.tag)),
        out,
    );
    emit!(
        out,
        "];

    #[inline]
    /// The entry in a language of `LOCALES` (`\"zh-CN\"`, or just `\"zh\"`); the page's own
    /// entry for any other language, or where the translation lacks the code.
    pub fn entry_in(self, locale: &str) -> ::errcode_runtime::Entry {{
"
    );
    if translations.is_empty() {
        emit!(out, "let _ = locale;\nself.entry()\n");
    } else {
        emit!(
            out,
            "let row = entry_index(self);
match ::errcode_runtime::__private::locale_index(&Self::LOCALES[1..], locale) {{
"
        );
        for language in 0..translations.len() {
            emit!(
                out,
                "::core::option::Option::Some({language}usize) if TRANSLATED_{language}.has(row) => \
                 TRANSLATED_{language}.entry(row),\n"
            );
        }
        emit!(out, "_ => entry_at(row),\n}}\n");
    }
    emit!(out, "}}\n}}\n");
}

//! One catalog, several languages: the page given to the macro decides the variants and their
//! names; the pages of `locales = { "zh-CN" = "zh-cn/camera.md" }` add their text, matched by code.
//!
//! Drift between the languages is reported where it matters: a code that only a translation
//! has would be a variant the enum cannot have, so it is an error naming the line; a code
//! missing from a translation, or a field a translation leaves empty where the page has text,
//! is a warning for `errcode check`.

use std::collections::{BTreeMap, BTreeSet};

use crate::catalog::{Catalog, LocalePage, Translation};
use crate::diagnostics::{Diagnostic, LineIndex, Position};
use crate::doc_comments::{self, Origin};
use crate::entry_text::EntryText;
use crate::recognise::{FoundEntry, Page};
use crate::render::{Renderer, escape_text};

/// Texts that stand for no text at all.
const PLACEHOLDERS: &[&str] = &["n/a", "na", "-", "—", "none", "null", "无", "暂无", "无。"];

/// Whether a field has text that says something (`N/A` does not).
fn says_something(texts: &[&str]) -> bool {
    texts.iter().any(|text| {
        let text = text.trim();
        !text.is_empty() && !PLACEHOLDERS.contains(&text.to_lowercase().as_str())
    })
}

/// A translated page, read and recognised.
pub(crate) struct TranslatedPage {
    pub(crate) tag: String,
    pub(crate) display: String,
    pub(crate) text: String,
    pub(crate) page: Page,
}

/// Adds each translation to the entries of `catalog` with the same code, and to their docs.
pub(crate) fn merge(
    catalog: &mut Catalog,
    translations: &[TranslatedPage],
    renderer: &Renderer<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for translated in translations {
        catalog.locales.push(LocalePage {
            tag: translated.tag.clone(),
            source: translated.display.clone(),
        });
        let lines = LineIndex::new(&translated.text);
        let at = |offset: usize| {
            let (line, column) = lines.line_column(offset);
            Position {
                path: translated.display.clone(),
                line,
                column,
            }
        };
        let mut by_code: BTreeMap<String, &FoundEntry> = BTreeMap::new();
        for found in &translated.page.entries {
            by_code.entry(found.code.to_string()).or_insert(found);
        }
        let primary_codes: BTreeSet<String> = catalog
            .enums
            .iter()
            .flat_map(|e| &e.entries)
            .map(|e| e.code.to_string())
            .collect();
        for found in &translated.page.entries {
            if !primary_codes.contains(&found.code.to_string()) {
                let message = format!(
                    "code `{}` of the `{}` page is not on `{}`, which decides the variants; add it there, or remove it from the translation",
                    found.code, translated.tag, catalog.source
                );
                diagnostics.push(Diagnostic::error(message, vec![at(found.offset)]));
            }
        }
        for definition in &mut catalog.enums {
            for entry in &mut definition.entries {
                let here = Position {
                    path: catalog.source.clone(),
                    line: entry.line,
                    column: 1,
                };
                let Some(found) = by_code.get(&entry.code.to_string()) else {
                    let message = format!(
                        "code `{}` has no `{}` translation in `{}`",
                        entry.code, translated.tag, translated.display
                    );
                    diagnostics.push(Diagnostic::warning(message, vec![here]));
                    continue;
                };
                let text = EntryText::of(found);
                let position = at(found.offset);
                let fields = [
                    (
                        "title",
                        vec![entry.title.as_str()],
                        vec![text.title.as_str()],
                    ),
                    (
                        "message",
                        vec![entry.message.as_str()],
                        vec![text.message.as_str()],
                    ),
                    (
                        "description",
                        entry.description.as_deref().into_iter().collect(),
                        text.description.as_deref().into_iter().collect(),
                    ),
                    (
                        "causes",
                        entry.causes.iter().map(String::as_str).collect(),
                        text.causes.iter().map(String::as_str).collect(),
                    ),
                    (
                        "solutions",
                        entry.solutions.iter().map(String::as_str).collect(),
                        text.solutions.iter().map(String::as_str).collect(),
                    ),
                ];
                for (field, primary, translation) in fields {
                    match (says_something(&primary), says_something(&translation)) {
                        (true, false) => {
                            let message = format!(
                                "the `{}` translation of code `{}` has no {field}; `{}` has one",
                                translated.tag, entry.code, catalog.source
                            );
                            diagnostics.push(Diagnostic::warning(message, vec![position.clone()]));
                        }
                        (false, true) if !primary.is_empty() => {
                            let message = format!(
                                "`{}` gives only `{}` as the {field} of code `{}`; its `{}` translation has one",
                                catalog.source,
                                primary.join(" "),
                                entry.code,
                                translated.tag
                            );
                            diagnostics.push(Diagnostic::warning(
                                message,
                                vec![here.clone(), position.clone()],
                            ));
                        }
                        _ => {}
                    }
                }
                let section = found
                    .section
                    .map(|index| translated.page.sections[index].title.clone());
                let origin = Origin {
                    code: &entry.written,
                    symbol: found.symbol.as_deref(),
                    section: section.as_deref(),
                    position: format!("{}:{}", position.path, position.line),
                };
                let translated_docs = doc_comments::variant(renderer, found, &text, &origin);
                entry.docs.push_str(&format!(
                    "\n\n#### {}\n\n{translated_docs}",
                    escape_text(&translated.tag, false)
                ));
                entry.translations.push(Translation {
                    locale: translated.tag.clone(),
                    title: text.title,
                    message: text.message,
                    description: text.description,
                    causes: text.causes,
                    solutions: text.solutions,
                    fields: text.fields,
                    line: position.line,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;
    use crate::read::{Format, read};
    use crate::recognise::recognise;
    use crate::validate::{PageSource, validate};

    const ENGLISH: &str = "# Push Error Codes\n\n## 1 Busy\n\n**Error Message**\n\nThe server is busy.\n\n**Solution**\n\nRetry later.\n\n## 2 Down\n\n**Error Message**\n\nThe server is down.\n";

    fn merged(translation: &str) -> (Catalog, Vec<Diagnostic>) {
        let source = PageSource {
            path: "en.md",
            stem: "en",
            text: ENGLISH,
        };
        let page = recognise(&read(ENGLISH, Format::Markdown));
        let (mut catalog, _) = validate(&page, &source, &Options::default());
        let translated = TranslatedPage {
            tag: "zh-CN".into(),
            display: "zh.md".into(),
            text: translation.into(),
            page: recognise(&read(translation, Format::Markdown)),
        };
        let mut diagnostics = Vec::new();
        merge(
            &mut catalog,
            &[translated],
            &Renderer::new(None),
            &mut diagnostics,
        );
        (catalog, diagnostics)
    }

    fn messages(diagnostics: &[Diagnostic]) -> Vec<String> {
        diagnostics.iter().map(Diagnostic::render).collect()
    }

    #[test]
    fn a_translation_adds_its_text_to_the_entry_of_the_same_code() {
        let (catalog, diagnostics) = merged(
            "# 推送错误码\n\n## 1 繁忙\n\n**错误信息**\n\n服务器繁忙。\n\n**处理步骤**\n\n稍后重试。\n\n## 2 宕机\n\n**错误信息**\n\n服务器宕机。\n",
        );
        assert!(diagnostics.is_empty(), "{:?}", messages(&diagnostics));
        let busy = &catalog.enums[0].entries[0];
        assert_eq!(busy.translations[0].message, "服务器繁忙。");
        assert_eq!(busy.translations[0].solutions, ["稍后重试。"]);
        assert_eq!(busy.translations[0].line, 3);
        assert!(busy.docs.contains("#### zh-CN"));
        assert_eq!(catalog.locales[1].tag, "zh-CN");
    }

    #[test]
    fn drift_between_the_languages_is_reported() {
        let (catalog, diagnostics) = merged(
            "# 推送错误码\n\n## 1 繁忙\n\n**错误信息**\n\n服务器繁忙。\n\n## 3 新错误\n\n**错误信息**\n\n新的。\n",
        );
        assert_eq!(
            messages(&diagnostics),
            [
                "code `3` of the `zh-CN` page is not on `en.md`, which decides the variants; add it there, or remove it from the translation\n  --> zh.md:9:1",
                "the `zh-CN` translation of code `1` has no solutions; `en.md` has one\n  --> zh.md:3:1",
                "code `2` has no `zh-CN` translation in `zh.md`\n  --> en.md:13:1",
            ]
        );
        assert!(diagnostics[0].is_error() && !diagnostics[1].is_error());
        assert!(catalog.enums[0].entries[1].translations.is_empty());
    }
}

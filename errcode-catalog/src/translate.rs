//! One catalog, several languages: the page given to the macro decides the variants and their
//! names; the pages of `locales = { "zh-CN" = "zh-cn/camera.md" }` add their text.
//!
//! An entry is matched by its code and by which occurrence of that code it is on its page: the
//! second `1001` of the page (in a second section or table) takes the translation's second
//! `1001`. So a page split into enums by list, or cut to one `section`, takes the text of the
//! same part of the translation, without comparing headings written in different languages.
//!
//! Drift between the languages is reported where it matters: a code that only a translation
//! has would be a variant the enum cannot have, so it is an error naming the line; a code
//! missing from a translation, a code the translation repeats more often than the page, or a
//! field a translation leaves empty where the page has text, is a warning for `errcode check`.
//!
//! (Long because matching and reporting drift share the matched entries; 116 of its 403 lines are tests.)

use std::collections::BTreeMap;

use crate::catalog::{Catalog, EntryDef, LocalePage, Translation};
use crate::diagnostics::{Diagnostic, LineIndex, Position};
use crate::doc_comments::{self, Origin};
use crate::entry_text::EntryText;
use crate::recognise::{FoundEntry, Page};
use crate::render::{Renderer, escape_text};
use crate::white_space::TrimSpace;

/// Texts that stand for no text at all.
const PLACEHOLDERS: &[&str] = &["n/a", "na", "-", "—", "none", "null", "无", "暂无", "无。"];

/// Whether a field has text that says something (`N/A` does not).
fn says_something(texts: &[&str]) -> bool {
    texts.iter().any(|text| {
        let text = text.trim_space();
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

/// The page the catalog was built from, as recognised (all of it, whatever `section` chose).
pub(crate) struct PrimaryPage<'a> {
    pub(crate) page: &'a Page,
    pub(crate) text: &'a str,
    /// Whether the catalog is one section of the page (`section = "..."`): the translation is
    /// then cut to the sections that translate it.
    pub(crate) one_section: bool,
}

impl PrimaryPage<'_> {
    /// The lines of the entries of each code, in page order: an entry of the catalog is the
    /// occurrence of its code at its line.
    fn occurrences(&self) -> BTreeMap<String, Vec<u32>> {
        let lines = LineIndex::new(self.text);
        let mut occurrences: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for found in &self.page.entries {
            let line = lines.line_column(found.offset).0;
            occurrences
                .entry(found.code.to_string())
                .or_default()
                .push(line);
        }
        occurrences
    }
}

/// Adds each translation to the entries of `catalog` with the same code at the same occurrence,
/// and to their docs.
pub(crate) fn merge(
    catalog: &mut Catalog,
    primary: &PrimaryPage<'_>,
    translations: &[TranslatedPage],
    renderer: &Renderer<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if translations.is_empty() {
        return;
    }
    let occurrences = primary.occurrences();
    for translated in translations {
        catalog.locales.push(LocalePage {
            tag: translated.tag.clone(),
            source: translated.display.clone(),
        });
        let matches = match_entries(catalog, &occurrences, translated);
        let merging = Merging {
            source: &catalog.source,
            translated,
            renderer,
            lines: LineIndex::new(&translated.text),
        };
        merging.report_translation_only(primary, &occurrences, &matches, diagnostics);
        let entries = catalog.enums.iter_mut().flat_map(|e| &mut e.entries);
        for (entry, found) in entries.zip(matches) {
            match found {
                Some(found) => merging.add(entry, found, diagnostics),
                None => {
                    let message = format!(
                        "code `{}` has no `{}` translation in `{}`",
                        entry.code, translated.tag, translated.display
                    );
                    let here = Position::new(&catalog.source, entry.line, 1);
                    diagnostics.push(Diagnostic::warning(message, vec![here]));
                }
            }
        }
    }
}

/// The translated entry of each entry of the catalog (in enum and entry order): the same
/// occurrence of the same code.
fn match_entries<'t>(
    catalog: &Catalog,
    occurrences: &BTreeMap<String, Vec<u32>>,
    translated: &'t TranslatedPage,
) -> Vec<Option<&'t FoundEntry>> {
    let mut by_code: BTreeMap<String, Vec<&FoundEntry>> = BTreeMap::new();
    for found in &translated.page.entries {
        by_code
            .entry(found.code.to_string())
            .or_default()
            .push(found);
    }
    catalog
        .enums
        .iter()
        .flat_map(|e| &e.entries)
        .map(|entry| {
            let code = entry.code.to_string();
            let occurrence = occurrences
                .get(&code)
                .and_then(|lines| lines.iter().position(|line| *line == entry.line))
                .unwrap_or(0);
            by_code
                .get(&code)
                .and_then(|seen| seen.get(occurrence).copied())
        })
        .collect()
}

/// One translated page being merged into the entries of a catalog.
struct Merging<'a> {
    source: &'a str,
    translated: &'a TranslatedPage,
    renderer: &'a Renderer<'a>,
    lines: LineIndex<'a>,
}

impl Merging<'_> {
    /// The place of an offset of the translated page.
    fn at(&self, offset: usize) -> Position {
        self.lines.position(&self.translated.display, offset)
    }

    /// Reports the translated entries that translate nothing: a code the page does not have is an
    /// error, one more occurrence of a code than the page has a warning. A catalog of one section
    /// looks only at the translation's sections that hold its entries.
    fn report_translation_only(
        &self,
        primary: &PrimaryPage<'_>,
        occurrences: &BTreeMap<String, Vec<u32>>,
        matches: &[Option<&FoundEntry>],
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let translated = self.translated;
        let page = &translated.page;
        let mut matched_sections: Vec<usize> = matches
            .iter()
            .flatten()
            .filter_map(|found| found.section)
            .collect();
        matched_sections.sort_unstable();
        matched_sections.dedup();
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for found in &page.entries {
            let code = found.code.to_string();
            let count = seen.entry(code.clone()).or_default();
            *count += 1;
            if primary.one_section && !page.within(found.section, &matched_sections) {
                continue;
            }
            let position = self.at(found.offset);
            let on_primary = occurrences.get(&code).map_or(0, Vec::len);
            if on_primary == 0 {
                let message = format!(
                    "code `{}` of the `{}` page is not on `{}`, which decides the variants; add it there, or remove it from the translation",
                    found.code, translated.tag, self.source
                );
                diagnostics.push(Diagnostic::error(message, vec![position]));
            } else if *count > on_primary {
                let message = format!(
                    "code `{}` is on the `{}` page {count} times, on `{}` {on_primary}; this one has no entry to translate",
                    found.code, translated.tag, self.source
                );
                diagnostics.push(Diagnostic::warning(message, vec![position]));
            }
        }
    }

    /// Adds the text of `found` to `entry` and its docs; warns of fields only one language fills.
    fn add(&self, entry: &mut EntryDef, found: &FoundEntry, diagnostics: &mut Vec<Diagnostic>) {
        let translated = self.translated;
        let text = EntryText::of(found);
        let position = self.at(found.offset);
        let here = Position::new(self.source, entry.line, 1);
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
                        translated.tag, entry.code, self.source
                    );
                    diagnostics.push(Diagnostic::warning(message, vec![position.clone()]));
                }
                (false, true) if !primary.is_empty() => {
                    let message = format!(
                        "`{}` gives only `{}` as the {field} of code `{}`; its `{}` translation has one",
                        self.source,
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
        let translated_docs = doc_comments::variant(self.renderer, found, &text, &origin);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;
    use crate::read::{Format, read};
    use crate::recognise::recognise;
    use crate::validate::{PageSource, validate};

    const ENGLISH: &str = "# Push Error Codes\n\n## 1 Busy\n\n**Error Message**\n\nThe server is busy.\n\n**Solution**\n\nRetry later.\n\n## 2 Down\n\n**Error Message**\n\nThe server is down.\n";

    fn merged(translation: &str) -> (Catalog, Vec<Diagnostic>) {
        merged_with(ENGLISH, translation, &Options::default())
    }

    fn merged_with(
        english: &str,
        translation: &str,
        options: &Options,
    ) -> (Catalog, Vec<Diagnostic>) {
        let source = PageSource {
            path: "en.md",
            stem: "en",
            text: english,
        };
        let page = recognise(&read(english, Format::Markdown));
        let (mut catalog, _) = validate(&page, &source, options);
        let primary = PrimaryPage {
            page: &page,
            text: english,
            one_section: options.section.is_some(),
        };
        let translated = TranslatedPage {
            tag: "zh-CN".into(),
            display: "zh.md".into(),
            text: translation.into(),
            page: recognise(&read(translation, Format::Markdown)),
        };
        let mut diagnostics = Vec::new();
        merge(
            &mut catalog,
            &primary,
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

    /// Two sections that reuse codes, in two languages.
    const SERVERS: &str = "# Errors\n\n## Client\n\n| Code | Message |\n|---|---|\n| 1001 | Client busy |\n| 1002 | Client down |\n\n## Server\n\n| Code | Message |\n|---|---|\n| 1001 | Server busy |\n| 1003 | Server gone |\n";
    const SERVERS_ZH: &str = "# 错误\n\n## 客户端\n\n| 错误码 | 信息 |\n|---|---|\n| 1001 | 客户端繁忙 |\n| 1002 | 客户端宕机 |\n\n## 服务端\n\n| 错误码 | 信息 |\n|---|---|\n| 1001 | 服务端繁忙 |\n| 1003 | 服务端消失 |\n";

    #[test]
    fn a_section_takes_the_translation_of_the_same_section() {
        let options = Options::from_text(&[("section", "Server")]).unwrap();
        let (catalog, diagnostics) = merged_with(SERVERS, SERVERS_ZH, &options);
        assert!(
            diagnostics.iter().all(|d| !d.is_error()),
            "{:?}",
            messages(&diagnostics)
        );
        let messages: Vec<&str> = catalog.enums[0]
            .entries
            .iter()
            .map(|entry| entry.translations[0].message.as_str())
            .collect();
        assert_eq!(messages, ["服务端繁忙", "服务端消失"]);
    }

    #[test]
    fn enums_split_by_list_take_the_translation_of_the_same_list() {
        let (catalog, diagnostics) = merged_with(SERVERS, SERVERS_ZH, &Options::default());
        assert!(diagnostics.is_empty(), "{:?}", messages(&diagnostics));
        let busy: Vec<&str> = catalog
            .enums
            .iter()
            .map(|definition| definition.entries[0].translations[0].message.as_str())
            .collect();
        assert_eq!(busy, ["客户端繁忙", "服务端繁忙"]);
    }
}

//! The OpenHarmony English/Chinese pairs the repository carries (`test-pages/openharmony/`)
//! merged into one catalog each: the codes present in only one language are exactly those the
//! two pages differ by, and each is reported (a code only in the translation is an error, a code
//! the translation lacks a warning).

use std::collections::BTreeSet;
use std::path::Path;

use errcode_catalog::options::Options;
use errcode_catalog::read::{Format, read};
use errcode_catalog::recognise::recognise;
use errcode_catalog::resolve::Environment;

/// The codes of one page, read on its own.
fn codes(page: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(page).unwrap();
    let format = Format::from_path(page).unwrap();
    recognise(&read(&text, format))
        .entries
        .iter()
        .map(|entry| entry.code.to_string())
        .collect()
}

/// The code a diagnostic is about: the text in backticks after "code".
fn code_in(message: &str) -> String {
    let after = message.split("code `").nth(1).unwrap_or("");
    after.split('`').next().unwrap_or("").to_owned()
}

#[test]
fn every_pair_reports_the_codes_of_one_language_only() {
    let mut pairs = 0;
    let (mut drift_english, mut drift_chinese) = (0, 0);
    for (en, zh) in errcode_test_pages::openharmony_pairs() {
        let name = en.file_name().unwrap().to_string_lossy().into_owned();
        let options = Options {
            locales: vec![("zh-CN".to_owned(), zh.display().to_string())],
            ..Options::default()
        };
        let environment = Environment {
            manifest_dir: errcode_test_pages::carried(),
            source_file: None,
        };
        let loaded = errcode_catalog::load(&en.display().to_string(), &options, &environment);
        let catalog = loaded.catalog.unwrap();

        let english = codes(&en);
        let chinese = codes(&zh);
        let only_english: BTreeSet<String> = english.difference(&chinese).cloned().collect();
        let only_chinese: BTreeSet<String> = chinese.difference(&english).cloned().collect();
        drift_english += only_english.len();
        drift_chinese += only_chinese.len();

        let untranslated: BTreeSet<String> = catalog
            .enums
            .iter()
            .flat_map(|e| &e.entries)
            .filter(|entry| entry.translations.is_empty())
            .map(|entry| entry.code.to_string())
            .collect();
        assert_eq!(
            untranslated, only_english,
            "{name}: entries without a Chinese text"
        );
        let reported = |error: bool, phrase: &str| -> BTreeSet<String> {
            loaded
                .diagnostics
                .iter()
                .filter(|d| d.is_error() == error && d.message.contains(phrase))
                .map(|d| code_in(&d.message))
                .collect()
        };
        assert_eq!(
            reported(false, "has no `zh-CN` translation"),
            only_english,
            "{name}: warned"
        );
        assert_eq!(
            reported(true, "which decides the variants"),
            only_chinese,
            "{name}: refused"
        );
        pairs += 1;
    }
    assert_eq!(pairs, 10, "camera and nine more pairs");
    // The pages drift both ways (filemanagement, universal; bluetoothManager, filemanagement).
    assert_eq!((drift_english, drift_chinese), (2, 8));
}

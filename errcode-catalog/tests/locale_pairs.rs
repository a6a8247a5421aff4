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

/// `section` with `locales`: the translation is cut to the same section. In the file
/// management pair every section has codes of its own, so before the cut each of the other
/// sections' codes was an error ("not on the page, which decides the variants").
#[test]
fn a_section_of_a_pair_takes_the_same_section_of_the_translation() {
    let carried = errcode_test_pages::carried();
    let english = carried.join("en/errorcode-filemanagement.md");
    let chinese = carried.join("zh-cn/errorcode-filemanagement.md");
    let options = Options {
        section: Some("User Data Management Error Codes".to_owned()),
        locales: vec![("zh-CN".to_owned(), chinese.display().to_string())],
        ..Options::default()
    };
    let environment = Environment {
        manifest_dir: carried,
        source_file: None,
    };
    let loaded = errcode_catalog::load(&english.display().to_string(), &options, &environment);
    let errors: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.render())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let catalog = loaded.catalog.unwrap();
    assert_eq!(catalog.enums.len(), 1);
    let entries = &catalog.enums[0].entries;
    assert!(entries.len() >= 5, "{}", entries.len());
    let text = std::fs::read_to_string(&chinese).unwrap();
    let heading_line =
        |heading: &str| text.lines().position(|line| line == heading).unwrap() as u32 + 1;
    let (start, end) = (
        heading_line("## 用户数据管理错误码"),
        heading_line("## 空间统计错误码"),
    );
    for entry in entries {
        let translation = &entry.translations[0];
        assert!(
            (start..end).contains(&translation.line),
            "{} is translated from line {}",
            entry.code,
            translation.line
        );
        assert_eq!(
            entry.code.to_string()[..3],
            entry.written[..3],
            "codes of the section"
        );
    }
}

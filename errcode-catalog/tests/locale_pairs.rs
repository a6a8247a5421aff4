//! The corpus's English/Chinese pairs (`openharmony-en/` and `openharmony-zh/`, same file names)
//! merged into one catalog each: the codes present in only one language are exactly those
//! `truth.json` implies, and each is reported (a code only in the translation is an error, a
//! code the translation lacks a warning).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use errcode_catalog::options::Invocation;
use errcode_catalog::resolve::Environment;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus")
}

fn truth_codes(file: &str) -> BTreeSet<String> {
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(corpus().join("truth.json")).unwrap())
            .unwrap();
    let page = truth
        .as_array()
        .unwrap()
        .iter()
        .find(|page| page["file"] == file)
        .unwrap();
    page["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|code| code.as_str().unwrap().to_owned())
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
    let mut names: Vec<PathBuf> = std::fs::read_dir(corpus().join("openharmony-zh"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for zh in names {
        let name = zh.file_name().unwrap().to_string_lossy().into_owned();
        let en = corpus().join("openharmony-en").join(&name);
        assert!(en.is_file(), "{name} has an English page");
        let invocation: Invocation = syn::parse_str(&format!(
            "{:?}, locales = {{ \"zh-CN\" = {:?} }}",
            en.display().to_string(),
            zh.display().to_string()
        ))
        .unwrap();
        let environment = Environment {
            manifest_dir: corpus(),
            source_file: None,
        };
        let loaded =
            errcode_catalog::load(&invocation.path.value(), &invocation.options, &environment);
        let catalog = loaded.catalog.unwrap();

        let english = truth_codes(&format!("openharmony-en/{name}"));
        let chinese = truth_codes(&format!("openharmony-zh/{name}"));
        let only_english: BTreeSet<String> = english.difference(&chinese).cloned().collect();
        let only_chinese: BTreeSet<String> = chinese.difference(&english).cloned().collect();

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
}

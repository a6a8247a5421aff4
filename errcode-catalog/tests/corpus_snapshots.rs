//! Snapshots of the parsed catalog of three corpus pages per publisher (every page for the
//! publishers with fewer), reviewed by eye against the page: which text lands in which field.
//!
//! Several of these pages may not be redistributed, so the snapshots quote each text only
//! briefly (its first 48 characters) and give its length; that is enough to see that a
//! message, a description, a cause or a solution landed where it belongs. The OpenHarmony pages
//! are carried by the repository (`test-pages/`); the others are read from `ERRCODE_CORPUS`.

mod common;

use std::fmt::Write;
use std::path::PathBuf;

use errcode_catalog::options::Options;
use errcode_catalog::read::Format;
use errcode_catalog::validate::PageSource;

const QUOTE_CHARS: usize = 48;

fn quote(text: &str) -> String {
    let text = text.replace('\n', " ⏎ ");
    let length = text.chars().count();
    if length <= QUOTE_CHARS {
        format!("{text:?}")
    } else {
        let start: String = text.chars().take(QUOTE_CHARS).collect();
        format!("{start:?}… ({length} chars)")
    }
}

/// A page of the corpus, named as in its `truth.json`.
fn check_in_corpus(page: &str, options: &[(&str, &str)]) {
    check(page, errcode_test_pages::corpus().page(page), options);
}

/// An OpenHarmony page the repository carries, named as in the corpus (`openharmony-en/...`).
fn check_carried(page: &str, options: &[(&str, &str)]) {
    let (language, file) = page.split_once('/').unwrap();
    let folder = if language == "openharmony-zh" {
        "zh-cn"
    } else {
        "en"
    };
    check(
        page,
        errcode_test_pages::carried().join(folder).join(file),
        options,
    );
}

fn check(page: &str, path: PathBuf, options: &[(&str, &str)]) {
    let text = std::fs::read_to_string(&path).unwrap();
    let invocation_options = Options::from_text(options).unwrap();
    let written: String = options
        .iter()
        .map(|(key, value)| format!(", {key} = {value}"))
        .collect();
    let stem = path.file_stem().unwrap().to_string_lossy();
    let source = PageSource {
        path: page,
        stem: &stem,
        text: &text,
    };
    let format = Format::from_path(&path).unwrap();
    let (catalog, diagnostics) = errcode_catalog::catalog_of(&source, format, &invocation_options);
    let errors: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.render())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let mut out = String::new();
    writeln!(out, "page {page}{written}").unwrap();
    writeln!(
        out,
        "title {}",
        catalog.title.as_deref().map_or("-".to_owned(), quote)
    )
    .unwrap();
    for definition in &catalog.enums {
        writeln!(
            out,
            "\nenum {} ({}, {} entries)",
            definition.name,
            definition.repr.name(),
            definition.entries.len()
        )
        .unwrap();
        for entry in &definition.entries {
            writeln!(
                out,
                "  {} {} (line {})",
                entry.code, entry.variant, entry.line
            )
            .unwrap();
            let mut field = |label: &str, text: &str| {
                if !text.is_empty() {
                    writeln!(out, "    {label}: {}", quote(text)).unwrap();
                }
            };
            field("section", entry.section.as_deref().unwrap_or(""));
            field("symbol", entry.symbol.as_deref().unwrap_or(""));
            field("title", &entry.title);
            field("message", &entry.message);
            field("description", entry.description.as_deref().unwrap_or(""));
            for cause in &entry.causes {
                field("cause", cause);
            }
            for solution in &entry.solutions {
                field("solution", solution);
            }
            for extra in &entry.fields {
                field(&format!("field {:?}", extra.label), &extra.text);
            }
        }
    }
    let name = format!("corpus/{}.txt", page.replace('/', "--"));
    common::assert_snapshot(&name, &out);
}

#[test]
fn openharmony_sections_with_code_subheadings() {
    check_carried("openharmony-en/errorcode-filemanagement.md", &[]);
}

#[test]
fn openharmony_prose_before_labels() {
    check_carried("openharmony-en/errorcode-pasteboard.md", &[]);
}

#[test]
fn openharmony_chinese_with_a_level_three_title() {
    check_carried("openharmony-zh/errorcode-avsession.md", &[]);
}

#[test]
#[ignore = "needs ERRCODE_CORPUS, the folders of real pages (README: Tests)"]
fn tencent_html_table_with_code_and_symbol_cells() {
    check_in_corpus("tencent/scf_云函数错误码_intl_zh.md", &[]);
}

#[test]
#[ignore = "needs ERRCODE_CORPUS, the folders of real pages (README: Tests)"]
fn tencent_conflicting_duplicates_and_negative_codes() {
    check_in_corpus(
        "tencent/tpns-android_错误码_intl_zh.md",
        &[("duplicates", r#""first""#)],
    );
}

#[test]
#[ignore = "needs ERRCODE_CORPUS, the folders of real pages (README: Tests)"]
fn tencent_tables_with_different_columns() {
    check_in_corpus("tencent/gme-sdk_错误码_intl_en.md", &[]);
}

#[test]
#[ignore = "needs ERRCODE_CORPUS, the folders of real pages (README: Tests)"]
fn harmonyos_html_page() {
    check_in_corpus(
        "html/harmonyos-docs-site_errorcode-screenlockfilemanager.html",
        &[],
    );
}

#[test]
#[ignore = "needs ERRCODE_CORPUS, the folders of real pages (README: Tests)"]
fn huawei_cloud_symbolic_codes_in_an_html_table() {
    check_in_corpus("html/huaweicloud-dgc_DIS服务端错误码.md", &[]);
}

#[test]
#[ignore = "needs ERRCODE_CORPUS, the folders of real pages (README: Tests)"]
fn jwt_plugin_html_table() {
    check_in_corpus("html/simple-jwt-login_error-codes.html", &[]);
}

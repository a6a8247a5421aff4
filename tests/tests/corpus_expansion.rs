//! Every page of the corpus (`ERRCODE_CORPUS`) expanded with `error_catalog!` in one downstream crate:
//! it builds, its enums hold what the parser reads (and what `truth.json` lists), and its
//! rustdoc builds with `-Dwarnings`.
//!
//! Four pages define a code twice with different text in one list, so they need
//! `duplicates = "first"`: tpns (10008 and 10110, as `truth.json` notes), cos-api
//! (`InvalidObjectState` as `403 Forbidden` on line 122 and as `409 Conflict` on line 158),
//! Alibaba Cloud's player page (`0x20013007` for two names on lines 114 and 115, a copy-paste
//! slip its `truth.json` notes) and Linkis (20001, 20004, 20007, 20011, 20052 and 50081 each
//! name several exceptions in one table).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::Downstream;
use errcode_catalog::options::{DuplicatePolicy, Options};

/// Pages whose one list holds two meanings for one code, so they need
/// `duplicates = "first"` (see the module docs).
const FIRST_OF_DUPLICATES: &[&str] = &[
    "tencent/tpns-android_错误码_intl_zh.md",
    "tencent/cos-api_错误码_intl_en.md",
    "alibabacloud-vod_播放器错误码查询.md",
    "apache-linkis_entrance-errorcode.md",
];

/// The options a page needs.
fn options(page: &str) -> Options {
    Options {
        duplicates: FIRST_OF_DUPLICATES
            .contains(&page)
            .then_some(DuplicatePolicy::First),
        ..Options::default()
    }
}

/// The corpus pages (`ERRCODE_CORPUS`): their names in `truth.json` and their paths.
fn pages() -> Vec<(String, PathBuf)> {
    errcode_test_pages::corpus()
        .truth()
        .into_iter()
        .map(|page| (page.file, page.path))
        .collect()
}

/// The macro's arguments for a page: its absolute path and the options it needs.
fn invocation(page: &str, path: &Path) -> String {
    let path = path.canonicalize().unwrap();
    let options = if options(page).duplicates.is_some() {
        r#", duplicates = "first""#
    } else {
        ""
    };
    format!("{:?}{options}", path.display().to_string())
}

#[test]
#[ignore = "needs ERRCODE_CORPUS, the folders of real pages (README: Tests)"]
fn every_corpus_page_expands_builds_and_documents() {
    let crate_ = Downstream::new("errcode-corpus-check", "main.rs");
    let pages = pages();
    let mut source = String::from(
        "//! Every corpus page.\n\n#![deny(warnings)]\n\nuse errcode_runtime::ErrorCode;\n\n",
    );
    let mut main = String::from("fn main() {\n");
    let mut expected: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (index, (page, path)) in pages.iter().enumerate() {
        let invocation = invocation(page, path);
        source.push_str(&format!("/// `{page}`.\npub mod page{index} {{\n    errcode_runtime::error_catalog!({invocation});\n}}\n\n"));
        let absolute = path.canonicalize().unwrap().display().to_string();
        let catalog = common::catalog_in(&absolute, &options(page), crate_.dir.clone());
        for definition in &catalog.enums {
            let codes: Vec<String> = definition
                .entries
                .iter()
                .map(|e| e.code.to_string())
                .collect();
            main.push_str(&format!(
                "    print(\"{page}\", page{index}::{}::ALL);\n",
                definition.name
            ));
            expected.entry(page.clone()).or_default().push(format!(
                "{} {}",
                definition.name,
                codes.join(",")
            ));
        }
    }
    main.push_str("}\n\nfn print<E: ErrorCode>(page: &str, all: &[E]) {\n    let codes: Vec<String> = all.iter().map(|e| e.entry().code.to_string()).collect();\n    println!(\"{page}\\t{} {}\", E::CATALOG.name, codes.join(\",\"));\n}\n");
    crate_.write("src/main.rs", &(source + &main));

    let output = crate_.run();
    let mut built: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in output.lines() {
        let (page, enumeration) = line.split_once('\t').unwrap();
        built
            .entry(page.to_owned())
            .or_default()
            .push(enumeration.to_owned());
    }
    assert_eq!(
        built, expected,
        "the expanded enums hold exactly what the parser reads"
    );

    // What the parser reads is what a reader sees: errcode-catalog's corpus test compares it
    // with truth.json.
    assert_eq!(built.len(), pages.len());

    crate_.cargo(&["doc", "--no-deps"], Some("-Dwarnings"));
}

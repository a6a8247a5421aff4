//! Every page of `../shared/corpus` expanded with `error_catalog!` in one downstream crate:
//! it builds, its enums hold what the parser reads (and what `truth.json` lists), and its
//! rustdoc builds with `-Dwarnings`.
//!
//! Two pages define a code twice with different text in one table, so they need
//! `duplicates = "first"`: tpns (10008 and 10110, as `truth.json` notes) and cos-api
//! (`InvalidObjectState` as `403 Forbidden` on line 122 and as `409 Conflict` on line 158).

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use common::Downstream;
use errcode_catalog::catalog::Catalog;
use errcode_catalog::options::Invocation;
use errcode_catalog::resolve::Environment;

/// Pages that need an option, and why (see the module docs).
const OPTIONS: &[(&str, &str)] = &[
    (
        "tencent/tpns-android_错误码_intl_zh.md",
        r#", duplicates = "first""#,
    ),
    (
        "tencent/cos-api_错误码_intl_en.md",
        r#", duplicates = "first""#,
    ),
];

fn corpus() -> PathBuf {
    common::workspace().join("../shared/corpus")
}

fn pages() -> Vec<String> {
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(corpus().join("truth.json")).unwrap())
            .unwrap();
    truth
        .as_array()
        .unwrap()
        .iter()
        .map(|page| page["file"].as_str().unwrap().to_owned())
        .collect()
}

fn invocation(page: &str) -> String {
    let path = corpus().join(page).canonicalize().unwrap();
    let options = OPTIONS
        .iter()
        .find(|(p, _)| *p == page)
        .map_or("", |(_, options)| options);
    format!("{:?}{options}", path.display().to_string())
}

fn parsed(invocation: &str, manifest_dir: PathBuf) -> Catalog {
    let environment = Environment {
        manifest_dir,
        source_file: None,
    };
    let invocation: Invocation = syn::parse_str(invocation).unwrap();
    let loaded = errcode_catalog::load(&invocation.path.value(), &invocation.options, &environment);
    let errors: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.render())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    loaded.catalog.unwrap()
}

#[test]
fn every_corpus_page_expands_builds_and_documents() {
    let crate_ = Downstream::new("errcode-corpus-check", "main.rs");
    let pages = pages();
    let mut source = String::from("//! Every corpus page.\n\nuse errcode_runtime::ErrorCode;\n\n");
    let mut main = String::from("fn main() {\n");
    let mut expected: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (index, page) in pages.iter().enumerate() {
        let invocation = invocation(page);
        source.push_str(&format!("/// `{page}`.\npub mod page{index} {{\n    errcode_runtime::error_catalog!({invocation});\n}}\n\n"));
        let catalog = parsed(&invocation, crate_.dir.clone());
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
    assert_eq!(built.len(), 47);

    crate_.cargo(&["doc", "--no-deps"], Some("-Dwarnings"));
}

//! Every page of `../shared/corpus` is read through errcode-catalog and its codes compared with
//! `truth.json` (the codes a reader sees on each page).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use errcode_catalog::read::{Format, read};
use errcode_catalog::recognise::recognise;

/// Where `truth.json` misses what a reader sees. Each correction names the page, the code, and
/// the evidence; the closing note of the corpus issue quotes the page.
const TRUTH_CORRECTIONS: &[(&str, &str, &str)] = &[(
    "tencent/scf_云函数错误码_intl_zh.md",
    "450",
    "the row `<td>450<br>InitContainerTimeout</td>` (line 110) follows `</tr>` without its own \
     `<tr>`; HTML's table rules open the row implicitly, so a browser shows it like any other",
)];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus")
}

#[test]
fn corpus_codes_match_truth() {
    let dir = corpus_dir();
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("truth.json")).unwrap()).unwrap();
    let mut failures = Vec::new();
    for page in truth.as_array().unwrap() {
        let file = page["file"].as_str().unwrap();
        let mut expected: BTreeSet<String> = BTreeSet::new();
        for key in ["codes", "non_numeric_codes"] {
            for code in page[key].as_array().unwrap() {
                expected.insert(code.as_str().unwrap().to_owned());
            }
        }
        for (page, code, _evidence) in TRUTH_CORRECTIONS {
            if *page == file {
                expected.insert((*code).to_owned());
            }
        }
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let format = Format::from_path(&path).unwrap();
        let found: BTreeSet<String> = recognise(&read(&text, format))
            .entries
            .iter()
            .map(|e| e.code.to_string())
            .collect();
        if found != expected {
            let missing: Vec<_> = expected.difference(&found).collect();
            let extra: Vec<_> = found.difference(&expected).collect();
            failures.push(format!("{file}: missing {missing:?}, extra {extra:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} pages differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

//! Every page of the corpus (`ERRCODE_CORPUS`) is read through errcode-catalog and its codes
//! compared with its `truth.json` (the codes a reader sees on each page).

use std::collections::BTreeSet;

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

#[test]
#[ignore = "needs ERRCODE_CORPUS, the folders of real pages (README: Tests)"]
fn corpus_codes_match_truth() {
    let mut failures = Vec::new();
    let mut pages = 0;
    // The pages of the first corpus; the second one's layouts are the recognition issue's.
    for page in errcode_test_pages::corpus()
        .truth()
        .into_iter()
        .filter(|page| page.folder.ends_with("corpus"))
    {
        let mut expected: BTreeSet<String> = page.entries.iter().map(|e| e.code.clone()).collect();
        for (file, code, _evidence) in TRUTH_CORRECTIONS {
            if *file == page.file {
                expected.insert((*code).to_owned());
            }
        }
        let text = std::fs::read_to_string(&page.path).unwrap();
        let format = Format::from_path(&page.path).unwrap();
        let found: BTreeSet<String> = recognise(&read(&text, format))
            .entries
            .iter()
            .map(|e| e.code.to_string())
            .collect();
        if found != expected {
            let missing: Vec<_> = expected.difference(&found).collect();
            let extra: Vec<_> = found.difference(&expected).collect();
            failures.push(format!(
                "{}: missing {missing:?}, extra {extra:?}",
                page.file
            ));
        }
        pages += 1;
    }
    assert!(
        failures.is_empty(),
        "{} pages differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(pages, 47);
}

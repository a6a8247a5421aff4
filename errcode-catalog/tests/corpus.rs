//! Every page of the corpus (`ERRCODE_CORPUS`) is read through errcode-catalog and compared with
//! its `truth.json`, what a reader sees on it: on every page the set of codes equals the
//! truth's; of the entries the truth gives a name, the entry's symbol is that name; of the
//! entries the truth gives a message, the truth's words appear, in order, in the entry's message
//! or description. The report (`-- --nocapture`) lists every page below 100%.

use std::collections::BTreeSet;

use errcode_catalog::entry_text::EntryText;
use errcode_catalog::read::{Format, read};
use errcode_catalog::recognise::{FoundEntry, recognise};
use errcode_test_pages::{TruthEntry, TruthPage};

/// Where `truth.json` misses what a reader sees. Each correction names the page, the code, and
/// the evidence; the closing note of the corpus issue quotes the page.
const TRUTH_CORRECTIONS: &[(&str, &str, &str)] = &[
    (
        "tencent/scf_云函数错误码_intl_zh.md",
        "450",
        "the row `<td>450<br>InitContainerTimeout</td>` (line 110) follows `</tr>` without its \
         own `<tr>`; HTML's table rules open the row implicitly, so a browser shows it like any \
         other",
    ),
    (
        "binance_errors_CN.md",
        "-1152",
        "line 178 is ` ### -1152 无效的SBE报文头部`: a heading indented by one space, which \
         CommonMark (up to three spaces) and GitHub render as a heading like the others",
    ),
];

/// The least share of names and of messages that must match, over the whole corpus.
const LEAST_SHARE: f64 = 0.95;

/// Words as the measure counts them: runs of ASCII letters and digits, lower case; every other
/// letter (CJK) one by one.
fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            current.push(c.to_ascii_lowercase());
            continue;
        }
        if !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        if c.is_alphanumeric() {
            words.push(c.to_string());
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// Whether `needle`'s words appear, in order, in `haystack`.
fn in_order(needle: &str, haystack: &str) -> bool {
    let haystack = words(haystack);
    let mut at = 0;
    for word in words(needle) {
        match haystack[at..].iter().position(|w| *w == word) {
            Some(found) => at += found + 1,
            None => return false,
        }
    }
    true
}

/// How one page compares with its truth.
#[derive(Default)]
struct Score {
    missing: Vec<String>,
    extra: Vec<String>,
    names: (usize, usize),
    messages: (usize, usize),
    misses: Vec<String>,
}

fn score(page: &TruthPage, found: &[FoundEntry]) -> Score {
    let mut expected: BTreeSet<String> = page.entries.iter().map(|e| e.code.clone()).collect();
    for (file, code, _evidence) in TRUTH_CORRECTIONS {
        if *file == page.file {
            expected.insert((*code).to_owned());
        }
    }
    let codes: BTreeSet<String> = found.iter().map(|e| e.written.clone()).collect();
    let mut score = Score {
        missing: expected.difference(&codes).cloned().collect(),
        extra: codes.difference(&expected).cloned().collect(),
        ..Score::default()
    };
    // The k-th truth entry of a code is compared with the k-th entry found with that code.
    let mut used = vec![false; found.len()];
    for truth in &page.entries {
        let Some(index) = (0..found.len()).find(|&i| !used[i] && found[i].written == truth.code)
        else {
            continue;
        };
        used[index] = true;
        compare(truth, &found[index], &mut score);
    }
    score
}

fn compare(truth: &TruthEntry, entry: &FoundEntry, score: &mut Score) {
    if let Some(name) = &truth.name {
        score.names.1 += 1;
        if entry.symbol.as_deref() == Some(name) {
            score.names.0 += 1;
        } else {
            score.misses.push(format!(
                "{}: name {name:?}, found {:?}",
                truth.code, entry.symbol
            ));
        }
    }
    if let Some(message) = &truth.message {
        score.messages.1 += 1;
        let text = EntryText::of(entry);
        let description = text.description.unwrap_or_default();
        if in_order(message, &text.message) || in_order(message, &description) {
            score.messages.0 += 1;
        } else {
            score.misses.push(format!(
                "{}: message {message:?}, found {:?} / {:?}",
                truth.code, text.message, description
            ));
        }
    }
}

#[test]
fn the_measure_counts_words_in_order() {
    assert!(in_order(
        "Invalid symbol.",
        "error: invalid `symbol`, try again"
    ));
    assert!(!in_order("symbol invalid", "invalid symbol"));
    assert!(in_order("未知错误", "未知的错误"));
    assert!(in_order("", "anything"));
}

#[test]
#[ignore = "needs ERRCODE_CORPUS, the folders of real pages (README: Tests)"]
fn corpus_pages_read_as_their_truth() {
    let mut failures = Vec::new();
    let mut report = Vec::new();
    let (mut names, mut messages) = ((0, 0), (0, 0));
    let pages = errcode_test_pages::corpus().truth();
    for page in &pages {
        let text = std::fs::read_to_string(&page.path).unwrap();
        let format = Format::from_path(&page.path).unwrap();
        let found = recognise(&read(&text, format)).entries;
        let score = score(page, &found);
        names = (names.0 + score.names.0, names.1 + score.names.1);
        messages = (messages.0 + score.messages.0, messages.1 + score.messages.1);
        if !score.missing.is_empty() || !score.extra.is_empty() {
            failures.push(format!(
                "{}: missing {:?}, extra {:?}",
                page.file, score.missing, score.extra
            ));
        }
        if score.names.0 < score.names.1 || score.messages.0 < score.messages.1 {
            report.push(format!(
                "{}: names {}/{}, messages {}/{}\n    {}",
                page.file,
                score.names.0,
                score.names.1,
                score.messages.0,
                score.messages.1,
                score
                    .misses
                    .iter()
                    .take(5)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("\n    ")
            ));
        }
    }
    let share = |(matched, total): (usize, usize)| matched as f64 / total.max(1) as f64;
    println!(
        "{} pages; names {}/{} ({:.1}%), messages {}/{} ({:.1}%)\n{}\n{}",
        pages.len(),
        names.0,
        names.1,
        100.0 * share(names),
        messages.0,
        messages.1,
        100.0 * share(messages),
        failures.join("\n"),
        report.join("\n")
    );
    assert!(
        failures.is_empty(),
        "{} pages differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(share(names) >= LEAST_SHARE, "names: {names:?}");
    assert!(share(messages) >= LEAST_SHARE, "messages: {messages:?}");
}

//! Pages built to exhaust a parser: thousands of nesting levels and lines of megabytes. Each must
//! finish (this is not a timing test: it would hang or overflow the stack if something were
//! recursive or quadratic) and give either a catalog or diagnostics.

use errcode_catalog::options::Options;
use errcode_catalog::read::Format;
use errcode_catalog::validate::PageSource;

const LEVELS: usize = 20_000;

fn survives(page: &str, format: Format) -> usize {
    let source = PageSource {
        path: "page",
        stem: "page",
        text: page,
    };
    let (catalog, mut diagnostics) =
        errcode_catalog::catalog_of(&source, format, &Options::default());
    diagnostics.extend(errcode_catalog::lint(&source, format));
    let entries: usize = catalog.enums.iter().map(|e| e.entries.len()).sum();
    assert!(
        entries > 0 || diagnostics.iter().any(|d| d.is_error()),
        "a catalog or a reason"
    );
    entries
}

fn with_entry(nested: &str) -> String {
    format!("# Deep Error Codes\n\n## 1 Deep\n\n**Error Message**\n\n{nested}\n")
}

#[test]
fn deeply_nested_markdown() {
    let quotes = format!("{} text", ">".repeat(LEVELS));
    assert_eq!(survives(&with_entry(&quotes), Format::Markdown), 1);
    let lists: String = (0..2_000)
        .map(|level| format!("{}- item {level}\n", "  ".repeat(level)))
        .collect();
    assert_eq!(survives(&with_entry(&lists), Format::Markdown), 1);
    let emphasis = format!("{}x{}", "*".repeat(LEVELS), "*".repeat(LEVELS));
    assert_eq!(survives(&with_entry(&emphasis), Format::Markdown), 1);
    let brackets = format!("{}x{}", "[".repeat(LEVELS), "](y)".repeat(LEVELS));
    assert_eq!(survives(&with_entry(&brackets), Format::Markdown), 1);
}

#[test]
fn deeply_nested_html() {
    let divs = format!(
        "{}text{}",
        "<div><blockquote>".repeat(LEVELS),
        "</blockquote></div>".repeat(LEVELS)
    );
    let page = format!(
        "<h1>Deep Error Codes</h1><h2>1 Deep</h2><p><strong>Error Message</strong></p>{divs}"
    );
    assert_eq!(survives(&page, Format::Html), 1);
    let unclosed = format!(
        "<h2>1 Deep</h2>{}",
        "<ul><li><b><i><table><tr><td>".repeat(LEVELS)
    );
    assert_eq!(survives(&unclosed, Format::Html), 1);
    let spans = format!(
        "<h2>1 Deep</h2><p>{}x</p>",
        "<strong><em><code>".repeat(LEVELS)
    );
    assert_eq!(survives(&spans, Format::Html), 1);
}

#[test]
fn lines_of_megabytes() {
    let line = "word ".repeat(800_000);
    assert_eq!(survives(&with_entry(&line), Format::Markdown), 1);
    let title = format!("# T\n\n## 1 {line}\n");
    assert_eq!(survives(&title, Format::Markdown), 1);
    let row = format!(
        "| Code | Message |\n|---|---|\n| 1 | {line} |\n| 2 | {} |\n",
        "|".repeat(100_000)
    );
    assert_eq!(survives(&row, Format::Markdown), 2);
    let html = format!(
        "<table><tr><th>Code</th><th>Message</th></tr><tr><td>1</td><td>{line}</td></tr></table>"
    );
    assert_eq!(survives(&html, Format::Html), 1);
    let glued = format!("CodeDescription\n1{line}\n");
    assert_eq!(survives(&glued, Format::Text), 1);
    let no_newlines = "x".repeat(4_000_000);
    assert_eq!(survives(&no_newlines, Format::Text), 0);
}

#[test]
fn many_entries_and_many_clashes() {
    let page: String = (0..30_000)
        .map(|code| format!("## {code} Same Title\n\n"))
        .collect();
    assert_eq!(survives(&page, Format::Markdown), 30_000);
    let table: String = std::iter::once("| Code | Message |\n|---|---|\n".to_owned())
        .chain((0..30_000).map(|code| format!("| {} | repeated |\n", code % 100)))
        .collect();
    survives(&table, Format::Markdown);
}

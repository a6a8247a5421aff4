//! Seeded property tests over the real pages the repository carries (`docs-src/` and the
//! OpenHarmony pages of `test-pages/`):
//! - random mutations of a page never panic and always give a catalog or an error, and the
//!   tokens generated from any catalog parse as Rust;
//! - a catalog written back as Markdown and read again gives the same entries.
//!
//! The mutations are deterministic (a fixed seed), so a failure is reproducible; the fuzz
//! targets in `fuzz/` explore further.

mod write;

use errcode_catalog::catalog::{Catalog, EntryDef};
use errcode_catalog::options::Options;
use errcode_catalog::read::Format;
use errcode_catalog::validate::PageSource;
use errcode_test_pages::Rng;

/// Mutations per page.
const MUTATIONS: usize = 48;

/// Fragments that mean something to one of the front ends.
const TOKENS: &[&str] = &[
    "**",
    "*",
    "_",
    "`",
    "```\n",
    "|",
    "| 1 | x |\n",
    "\n",
    "\n\n",
    "## ",
    "### 7400101 ",
    "> ",
    "1. ",
    "- ",
    "<table>",
    "<tr><td>",
    "</td>",
    "</tr></table>",
    "<br>",
    "<p>",
    "</p>",
    "<!--",
    "-->",
    "<strong>",
    "</strong>",
    "<script>",
    "</script>",
    "&amp;",
    "&#x202E;",
    "\u{202E}",
    "\u{200B}",
    "[",
    "](",
    ")",
    "\\",
    "**Error Message**\n\n",
    "Code",
    "CodeDescription\n",
    "0x1F ",
    "-42 ",
    "\t",
    "\"",
    "e\u{301}",
    "錯誤",
];

fn boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut text = text.to_owned();
    for _ in 0..1 + rng.below(4) {
        let at = boundary(&text, rng.below(text.len() + 1));
        let len = rng.below(200);
        let end = boundary(&text, at + len);
        match rng.below(5) {
            0 => text.replace_range(at..end, ""),
            1 => {
                let copy = text[at..end].to_owned();
                text.insert_str(at, &copy);
            }
            2 => text.truncate(end),
            _ => text.insert_str(at, TOKENS[rng.below(TOKENS.len())]),
        }
    }
    text
}

fn build(text: &str, format: Format) -> (Catalog, bool) {
    let options: Options = Options::default();
    let source = PageSource {
        path: "page",
        stem: "page",
        text,
    };
    let (catalog, mut diagnostics) = errcode_catalog::catalog_of(&source, format, &options);
    diagnostics.extend(errcode_catalog::lint(&source, format));
    (catalog, diagnostics.iter().any(|d| d.is_error()))
}

#[test]
fn mutated_pages_give_a_catalog_or_an_error_and_tokens_that_parse() {
    let mut rng = Rng(0x00E7_7C0D_E5EE_D5ED);
    let mut runs = 0;
    for page in errcode_test_pages::repository_pages() {
        let text = std::fs::read_to_string(&page).unwrap();
        let format = Format::from_path(&page).unwrap();
        for _ in 0..MUTATIONS {
            let mutated = mutate(&text, &mut rng);
            let (catalog, has_errors) = build(&mutated, format);
            assert!(
                !catalog.enums.is_empty() || has_errors,
                "{}: neither a catalog nor an error",
                page.display()
            );
            let mut code = String::new();
            errcode_catalog::expand::expand(&catalog, &Options::default(), &mut code);
            if let Err(error) = syn::parse_file(&code) {
                panic!(
                    "{}: a mutation expands into tokens that do not parse: {error}",
                    page.display()
                );
            }
            runs += 1;
        }
    }
    assert!(runs >= 26 * MUTATIONS, "{runs} runs");
}

/// What an entry says, with white space folded: reading collapses runs of white space.
fn said(entry: &EntryDef) -> Vec<String> {
    let fold = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let title = entry
        .title
        .trim_start_matches([':', '：', '-', '–', '—', '|', '.', '、', ' ']);
    let mut said = vec![entry.code.to_string(), fold(title), fold(&entry.message)];
    said.push(fold(entry.description.as_deref().unwrap_or("")));
    said.extend(
        entry
            .causes
            .iter()
            .map(|cause| format!("cause {}", fold(cause))),
    );
    said.extend(
        entry
            .solutions
            .iter()
            .map(|step| format!("step {}", fold(step))),
    );
    // Unlabelled text is written under the label `Note` (the heading layout has no other place
    // for it once a label has started the entry).
    let label = |label: &str| {
        if label.is_empty() {
            "Note".to_owned()
        } else {
            fold(label)
        }
    };
    for field in &entry.fields {
        said.push(format!("{} {}", label(&field.label), fold(&field.text)));
    }
    said.push(entry.section.clone().unwrap_or_default());
    said
}

fn entries(catalog: &Catalog) -> Vec<Vec<String>> {
    catalog
        .enums
        .iter()
        .flat_map(|e| &e.entries)
        .map(said)
        .collect()
}

#[test]
fn a_catalog_written_as_markdown_reads_back_the_same() {
    let mut rng = Rng(0x005E_ED0F_2026);
    let mut checked = 0;
    for page in errcode_test_pages::repository_pages() {
        let text = std::fs::read_to_string(&page).unwrap();
        let format = Format::from_path(&page).unwrap();
        let mut versions = vec![text.clone()];
        versions.extend((0..4).map(|_| mutate(&text, &mut rng)));
        for version in versions {
            let (catalog, has_errors) = build(&version, format);
            if has_errors || catalog.enums.is_empty() {
                continue;
            }
            let written = write::to_markdown(&catalog);
            let (again, errors) = build(&written, Format::Markdown);
            assert!(
                !errors,
                "{}: the written page has errors:\n{written}",
                page.display()
            );
            let (before, after) = (entries(&catalog), entries(&again));
            for (old, new) in before.iter().zip(&after) {
                assert_eq!(
                    old,
                    new,
                    "{}: an entry changed on the way through Markdown",
                    page.display()
                );
            }
            assert_eq!(before.len(), after.len(), "{}", page.display());
            checked += 1;
        }
    }
    assert!(checked >= 100, "{checked} catalogs checked");
}

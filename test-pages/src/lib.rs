//! The pages errcode's tests read, and the generator that makes up or mutates pages ([`Rng`]).
//!
//! Two kinds, kept apart so that a fresh clone's test suite needs nothing beside the repository:
//! - [`repository_pages`]: the pages of `docs-src/` and the real pages this crate carries
//!   (OpenHarmony pages, CC-BY-4.0, see `openharmony/ATTRIBUTION.md`). Every test may use them.
//! - [`corpus`]: folders of real pages from other publishers, which may not be copied into the
//!   repository. They are found only through the environment variable [`CORPUS_VARIABLE`]
//!   (`ERRCODE_CORPUS`, one or more folders separated like `PATH`). The tests that read them are
//!   `#[ignore]`d with a message that says so, and run with `cargo test -- --ignored`.

use std::path::{Path, PathBuf};

/// The environment variable that names the corpus folders.
pub const CORPUS_VARIABLE: &str = "ERRCODE_CORPUS";

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(PathBuf::new, Path::to_path_buf)
}

/// Whether a file is a page errcode reads (by its extension).
fn is_page(path: &Path) -> bool {
    path.extension()
        .and_then(|extension| extension.to_str())
        .is_some_and(|extension| {
            matches!(
                extension.to_ascii_lowercase().as_str(),
                "md" | "markdown" | "html" | "htm" | "txt"
            )
        })
}

/// The pages under `folder` and its subfolders, sorted.
pub fn pages_in(folder: &Path) -> Vec<PathBuf> {
    let mut pages = Vec::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder)
            .unwrap_or_else(|error| panic!("cannot read `{}`: {error}", folder.display()));
        for entry in entries {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if is_page(&path) {
                pages.push(path);
            }
        }
    }
    pages.sort();
    pages
}

/// The real pages this crate carries.
pub fn carried() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("openharmony")
}

/// Every page the repository carries: `docs-src/` and the pages of [`carried`].
pub fn repository_pages() -> Vec<PathBuf> {
    let mut pages = pages_in(&workspace().join("docs-src"));
    for language in ["en", "zh-cn"] {
        pages.extend(pages_in(&carried().join(language)));
    }
    pages
}

/// The OpenHarmony pages this crate carries in both languages: `(English, Chinese)`.
pub fn openharmony_pairs() -> Vec<(PathBuf, PathBuf)> {
    pages_in(&carried().join("zh-cn"))
        .into_iter()
        .filter_map(|chinese| {
            let english = carried().join("en").join(chinese.file_name()?);
            english.is_file().then_some((english, chinese))
        })
        .collect()
}

/// The corpus folders that `ERRCODE_CORPUS` names.
pub struct Corpus {
    folders: Vec<PathBuf>,
}

/// The corpus. A test that calls it fails with a message saying what to set when the variable
/// is not set or names a folder that is missing: corpus tests are `#[ignore]`d, so only a run
/// that asks for them (`-- --ignored`) gets here.
pub fn corpus() -> Corpus {
    let value = std::env::var_os(CORPUS_VARIABLE).unwrap_or_else(|| {
        panic!(
            "{CORPUS_VARIABLE} is not set; set it to the corpus folders, e.g. \
             {CORPUS_VARIABLE}=../shared/corpus:../shared/corpus2 (see the README)"
        )
    });
    let folders: Vec<PathBuf> = std::env::split_paths(&value)
        .filter(|folder| !folder.as_os_str().is_empty())
        .map(|folder| {
            // Cargo runs tests in the package's folder; relative folders are the user's.
            let folder = if folder.is_relative() {
                workspace().join(folder)
            } else {
                folder
            };
            assert!(
                folder.is_dir(),
                "{CORPUS_VARIABLE} names `{}`, which is not a folder",
                folder.display()
            );
            folder
        })
        .collect();
    assert!(!folders.is_empty(), "{CORPUS_VARIABLE} names no folder");
    Corpus { folders }
}

/// One page of a corpus's `truth.json`: what a reader sees on it.
#[derive(Clone, Debug)]
pub struct TruthPage {
    /// The corpus folder whose `truth.json` lists the page.
    pub folder: PathBuf,
    /// The page's path.
    pub path: PathBuf,
    /// The page as `truth.json` names it (relative to its folder).
    pub file: String,
    /// Every entry, in page order.
    pub entries: Vec<TruthEntry>,
}

/// One entry a reader sees on a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TruthEntry {
    /// The code as printed.
    pub code: String,
    /// The symbolic name the page gives besides the code, where `truth.json` records one.
    pub name: Option<String>,
    /// The message as a reader sees it, where `truth.json` records one.
    pub message: Option<String>,
}

impl Corpus {
    /// The folders, in the order given.
    pub fn folders(&self) -> &[PathBuf] {
        &self.folders
    }

    /// The page at `relative` in the first folder that has it.
    pub fn page(&self, relative: &str) -> PathBuf {
        self.folders
            .iter()
            .map(|folder| folder.join(relative))
            .find(|path| path.is_file())
            .unwrap_or_else(|| {
                panic!(
                    "no folder of {CORPUS_VARIABLE} ({:?}) has `{relative}`",
                    self.folders
                )
            })
    }

    /// The `truth.json` of every folder, page by page. Two shapes are read: a page with
    /// `entries` (code, name, message), and a page with `codes` and `non_numeric_codes` only.
    /// A folder whose pages sit in `pages/` names them relative to that.
    pub fn truth(&self) -> Vec<TruthPage> {
        let mut pages = Vec::new();
        for folder in &self.folders {
            let path = folder.join("truth.json");
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|error| panic!("cannot read `{}`: {error}", path.display()));
            let truth: serde_json::Value = serde_json::from_str(&text)
                .unwrap_or_else(|error| panic!("`{}` is not JSON: {error}", path.display()));
            let root = if folder.join("pages").is_dir() {
                folder.join("pages")
            } else {
                folder.clone()
            };
            for page in truth.as_array().expect("a list of pages") {
                let file = page["file"].as_str().expect("a file name").to_owned();
                pages.push(TruthPage {
                    folder: folder.clone(),
                    path: root.join(&file),
                    file,
                    entries: truth_entries(page),
                });
            }
        }
        pages
    }
}

fn truth_entries(page: &serde_json::Value) -> Vec<TruthEntry> {
    let text = |value: &serde_json::Value| value.as_str().map(str::to_owned);
    if let Some(entries) = page["entries"].as_array() {
        return entries
            .iter()
            .map(|entry| TruthEntry {
                code: text(&entry["code"]).expect("a code"),
                name: text(&entry["name"]),
                message: text(&entry["message"]),
            })
            .collect();
    }
    ["codes", "non_numeric_codes"]
        .iter()
        .filter_map(|key| page[*key].as_array())
        .flatten()
        .filter_map(text)
        .map(|code| TruthEntry {
            code,
            name: None,
            message: None,
        })
        .collect()
}

/// xorshift64*: a small deterministic generator, for pages made up by the benchmarks and
/// mutations made by the property tests (a fixed seed reproduces a failure).
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `bound` (0 when `bound` is 0).
    pub fn below(&mut self, bound: usize) -> usize {
        (self.next_u64() % bound.max(1) as u64) as usize
    }

    /// One of `words`.
    pub fn pick<'a>(&mut self, words: &[&'a str]) -> &'a str {
        words[self.below(words.len())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_repository_carries_seed_pages_and_openharmony_pairs() {
        let pages = repository_pages();
        assert!(pages.iter().any(|p| p.ends_with("docs-src/camera.md")));
        assert!(
            pages
                .iter()
                .any(|p| p.ends_with("docs-src/zh-cn/camera.md"))
        );
        assert_eq!(openharmony_pairs().len(), 10);
        assert_eq!(pages.len(), 6 + 20);
    }

    #[test]
    fn both_shapes_of_truth_are_read() {
        let with_entries = serde_json::json!({"file": "a.md", "entries": [
            {"code": "-1", "name": "E_X", "message": "x"}
        ]});
        assert_eq!(
            truth_entries(&with_entries),
            [TruthEntry {
                code: "-1".into(),
                name: Some("E_X".into()),
                message: Some("x".into())
            }]
        );
        let codes_only =
            serde_json::json!({"file": "b.md", "codes": ["1"], "non_numeric_codes": ["A.B"]});
        let codes: Vec<String> = truth_entries(&codes_only)
            .into_iter()
            .map(|e| e.code)
            .collect();
        assert_eq!(codes, ["1", "A.B"]);
    }
}

//! Expansions kept between builds (`errcode_catalog::cache`): what is kept reads back as the
//! same tokens, for every page of `docs-src/` and for a page with a translation. (That a build
//! really uses what is kept is shown by `tests/tests/downstream.rs`, with cargo and rustc.)

use std::path::{Path, PathBuf};

use errcode_catalog::Cached;
use errcode_catalog::cache::Cache;
use errcode_catalog::options::Options;
use errcode_catalog::resolve::Environment;
use proc_macro2::TokenStream;

fn expansions_twice(page: &str, options: &Options, folder: &Path) {
    let environment = Environment {
        manifest_dir: Path::new(env!("CARGO_MANIFEST_DIR")).join(".."),
        source_file: None,
    };
    let cache = Cache::in_folder(folder.to_path_buf(), page);
    let Cached::Expanded(made) =
        errcode_catalog::expand_page_cached(page, options, &environment, &cache)
    else {
        panic!("{page}: nothing is kept yet");
    };
    assert!(made.diagnostics.iter().all(|d| !d.is_error()), "{page}");
    let kept: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(
        kept.len(),
        1,
        "{page}: one file kept, no partial files left"
    );
    let Cached::Kept(text) =
        errcode_catalog::expand_page_cached(page, options, &environment, &cache)
    else {
        panic!("{page}: the expansion is kept");
    };
    let reused: TokenStream = text.parse().expect("kept text lexes");
    assert_eq!(reused.to_string(), made.tokens.to_string(), "{page}");
}

#[test]
fn every_page_reads_back_as_the_tokens_it_was_kept_from() {
    let scratch = std::env::temp_dir().join(format!("errcode-cache-pages-{}", std::process::id()));
    let options = Options::default();
    for page in [
        "camera.md",
        "image.md",
        "avsdk.md",
        "call-service.html",
        "ipcam-api.txt",
    ] {
        let folder = scratch.join(page);
        let _ = std::fs::remove_dir_all(&folder);
        expansions_twice(page, &options, &folder);
    }
    let translated = Options {
        locales: vec![("zh-CN".to_owned(), "zh-cn/camera.md".to_owned())],
        ..Options::default()
    };
    expansions_twice("camera.md", &translated, &scratch.join("translated"));
    let _ = std::fs::remove_dir_all(&scratch);
}

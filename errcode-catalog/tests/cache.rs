//! Expansions kept between builds (`errcode_catalog::cache`): what is kept reads back as the
//! same tokens, for every page of `docs-src/` and for a page with a translation. (That a build
//! really uses what is kept is shown by `tests/tests/downstream.rs`, with cargo and rustc.)

use std::path::{Path, PathBuf};

use errcode_catalog::Cached;
use errcode_catalog::cache::Cache;
use errcode_catalog::options::Options;
use errcode_catalog::resolve::Environment;

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
    assert_eq!(text, made.code, "{page}");
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

#[test]
fn an_edit_of_the_page_its_lock_or_the_workspace_lock_expands_it_again() {
    let crate_root =
        std::env::temp_dir().join(format!("errcode-cache-inputs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&crate_root);
    let docs = crate_root.join("docs-src");
    std::fs::create_dir_all(&docs).unwrap();
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs-src/camera.md");
    std::fs::copy(&page, docs.join("camera.md")).unwrap();
    std::fs::write(crate_root.join("Cargo.lock"), "version = 4\n").unwrap();
    let environment = Environment {
        manifest_dir: crate_root.clone(),
        source_file: None,
    };
    let options = Options::default();
    let cache = Cache::in_folder(crate_root.join("cache"), "\"camera.md\"");
    let kept = || {
        matches!(
            errcode_catalog::expand_page_cached("camera.md", &options, &environment, &cache),
            Cached::Kept(_)
        )
    };
    assert!(!kept(), "nothing is kept at first");
    assert!(kept());
    let edits: [(PathBuf, &str); 3] = [
        (docs.join("camera.md"), "\n"),
        (docs.join("camera.md.lock"), ""),
        (crate_root.join("Cargo.lock"), "# cargo update\n"),
    ];
    for (file, appended) in edits {
        let mut text = std::fs::read_to_string(&file).unwrap_or_default();
        text.push_str(appended);
        std::fs::write(&file, text).unwrap();
        assert!(!kept(), "{} changed", file.display());
        assert!(kept(), "{} unchanged since", file.display());
    }
    let _ = std::fs::remove_dir_all(&crate_root);
}

//! The parsed catalog of each page in `docs-src/`, as JSON, compared with a reviewed snapshot in
//! `tests/snapshots/`. A difference fails the test; `ERRCODE_BLESS=1 cargo test` rewrites the
//! snapshots (and fails) so the change can be reviewed by eye as a git diff.

mod common;

use std::path::Path;

use errcode_catalog::options::Options;
use errcode_catalog::resolve::Environment;

fn check(page: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let environment = Environment {
        manifest_dir: root.clone(),
        source_file: None,
    };
    let loaded = errcode_catalog::load(page, &Options::default(), &environment);
    let messages: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.render())
        .collect();
    assert!(messages.is_empty(), "{page}: {messages:#?}");
    let catalog = loaded.catalog.unwrap();
    let json = serde_json::to_string_pretty(&catalog).unwrap() + "\n";
    let parsed: errcode_catalog::catalog::Catalog = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed, catalog, "the JSON reads back into the same catalog");
    common::assert_snapshot(&format!("{page}.json"), &json);
}

#[test]
fn camera() {
    check("camera.md");
}

#[test]
fn image() {
    check("image.md");
}

#[test]
fn avsdk() {
    check("avsdk.md");
}

#[test]
fn call_service() {
    check("call-service.html");
}

#[test]
fn camera_in_chinese() {
    check("zh-cn/camera.md");
}

#[test]
fn ipcam_api() {
    check("ipcam-api.txt");
}

//! The parsed catalog of each page in `docs-src/`, as JSON, compared with a reviewed snapshot in
//! `tests/snapshots/`. A difference fails the test; `ERRCODE_BLESS=1 cargo test` rewrites the
//! snapshots so the change can be reviewed by eye as a git diff.

use std::path::Path;

use errcode_catalog::options::Invocation;
use errcode_catalog::resolve::Environment;

fn check(page: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let environment = Environment {
        manifest_dir: root.clone(),
        source_file: None,
    };
    let invocation: Invocation = syn::parse_str(&format!("{page:?}")).unwrap();
    let loaded = errcode_catalog::load(&invocation.path.value(), &invocation.options, &environment);
    let messages: Vec<String> = loaded.diagnostics.iter().map(|d| d.render()).collect();
    assert!(messages.is_empty(), "{page}: {messages:#?}");
    let json = serde_json::to_string_pretty(&loaded.catalog.unwrap()).unwrap() + "\n";
    let snapshot = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{page}.json"));
    let reviewed = std::fs::read_to_string(&snapshot).unwrap_or_default();
    if reviewed != json {
        if std::env::var_os("ERRCODE_BLESS").is_some() {
            std::fs::create_dir_all(snapshot.parent().unwrap()).unwrap();
            std::fs::write(&snapshot, &json).unwrap();
        } else {
            panic!(
                "{page}: the catalog differs from {}; review the change and rerun with ERRCODE_BLESS=1",
                snapshot.display()
            );
        }
    }
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
fn ipcam_api() {
    check("ipcam-api.txt");
}

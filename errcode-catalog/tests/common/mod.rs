//! Shared by the snapshot tests.

use std::path::Path;

/// Compares `actual` with the reviewed snapshot `tests/snapshots/<name>`. A difference fails
/// the test; with `ERRCODE_BLESS=1` the snapshot is rewritten (and the test still fails), to be
/// reviewed by eye as a git diff.
pub fn assert_snapshot(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    let reviewed = std::fs::read_to_string(&path).unwrap_or_default();
    if reviewed == actual {
        return;
    }
    if std::env::var_os("ERRCODE_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        // A bless rewrites and fails, so that a bless left on cannot pass: review the diff,
        // then run again without it.
        panic!("{name} rewritten; review `git diff` and run again without ERRCODE_BLESS");
    }
    let first_difference = reviewed
        .lines()
        .zip(actual.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| reviewed.lines().count().min(actual.lines().count()));
    panic!(
        "{name} differs from its snapshot from line {}:\n  reviewed: {:?}\n  actual:   {:?}\nreview the change and rerun with ERRCODE_BLESS=1",
        first_difference + 1,
        reviewed.lines().nth(first_difference).unwrap_or("<end>"),
        actual.lines().nth(first_difference).unwrap_or("<end>"),
    );
}

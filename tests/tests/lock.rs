//! A lock file beside the page keeps the variant names users match on while the vendor edits
//! the page: a downstream crate is built, the page is reworded, grown and shrunk, and the lock
//! edited, and every rebuild keeps the crate compiling.

mod common;

use std::path::PathBuf;

use common::Downstream;
use errcode_catalog::options::Options;
use errcode_catalog::resolve::Environment;

const PAGE_V1: &str = "# Status Error Codes\n\n## 100 Busy\n\n**Error Message**\n\nThe device is busy.\n\n## 200 Offline\n\n**Error Message**\n\nThe device is offline.\n";

const USES_BOTH: &str = r#"
errcode_runtime::error_catalog!("status.md");

fn main() {
    println!("{}", StatusError::Busy.message());
    println!("{}", StatusError::Offline.message());
}
"#;

const USES_ALL_THREE: &str = r#"
errcode_runtime::error_catalog!("status.md");

fn main() {
    println!("{}", StatusError::Busy.message());
    println!("{}", StatusError::Offline.message());
    println!("{}", StatusError::Overheated.message());
}
"#;

const PRINTS_NAMES: &str = r#"
errcode_runtime::error_catalog!("status.md");

fn main() {
    for error in StatusError::ALL {
        println!("{} {error:?}", error.code());
    }
}
"#;

/// What `errcode lock docs-src/status.md` writes, and what `errcode check` reports.
fn lock_and_check(crate_: &Downstream) -> (String, Vec<String>) {
    let environment = Environment {
        manifest_dir: crate_.dir.clone(),
        source_file: None,
    };
    let page = PathBuf::from("docs-src/status.md");
    let loaded = errcode_catalog::load_file(
        crate_.dir.join(&page),
        "docs-src/status.md",
        &Options::default(),
        &environment,
    );
    let warnings = loaded.diagnostics.iter().map(|d| d.render()).collect();
    let catalog = loaded.catalog.unwrap();
    let lock = errcode_catalog::lock::of_catalog(&catalog, "status.md", false);
    (lock.write(), warnings)
}

#[test]
fn locked_names_survive_rewording_new_codes_and_removed_codes() {
    let crate_ = Downstream::new("errcode-lock-check", "main.rs");
    crate_.write("src/main.rs", USES_BOTH);
    crate_.write("docs-src/status.md", PAGE_V1);
    let (lock, warnings) = lock_and_check(&crate_);
    assert!(warnings.is_empty(), "{warnings:?}");
    crate_.write("docs-src/status.md.lock", &lock);
    assert_eq!(
        crate_.run(),
        "The device is busy.\nThe device is offline.\n"
    );

    // The vendor retitles and rewords an entry: the old name compiles, the new message shows.
    let reworded = PAGE_V1
        .replace("## 100 Busy", "## 100 Device Occupied")
        .replace(
            "The device is busy.",
            "The device is occupied; retry later.",
        );
    crate_.write("docs-src/status.md", &reworded);
    assert_eq!(
        crate_.run(),
        "The device is occupied; retry later.\nThe device is offline.\n"
    );

    // A new entry: a new variant by the usual rules, and the check says the lock is behind.
    let grown =
        format!("{reworded}\n## 300 Overheated\n\n**Error Message**\n\nThe device is too hot.\n");
    crate_.write("docs-src/status.md", &grown);
    crate_.write("src/main.rs", USES_ALL_THREE);
    assert_eq!(
        crate_.run(),
        "The device is occupied; retry later.\nThe device is offline.\nThe device is too hot.\n"
    );
    let (_, warnings) = lock_and_check(&crate_);
    assert_eq!(
        warnings,
        [
            "code `300` (`StatusError::Overheated`) is not in `docs-src/status.md.lock`; run `errcode lock` to keep its name\n  --> docs-src/status.md:15:1"
        ]
    );

    // An entry leaves the page: its variant stays, deprecated, with the message it had.
    let shrunk = grown.replace(
        "## 200 Offline\n\n**Error Message**\n\nThe device is offline.\n\n",
        "",
    );
    crate_.write("docs-src/status.md", &shrunk);
    let output = crate_.cargo(&["run"], None);
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        stdout,
        "The device is occupied; retry later.\nThe device is offline.\nThe device is too hot.\n"
    );
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("use of deprecated unit variant `StatusError::Offline`")
            && stderr.contains("no longer lists code 200"),
        "{stderr}"
    );

    // Editing the lock alone renames the variant at the next build: the lock is tracked.
    crate_.write("src/main.rs", PRINTS_NAMES);
    assert_eq!(crate_.run(), "100 Busy\n300 Overheated\n200 Offline\n");
    crate_.write(
        "docs-src/status.md.lock",
        &lock.replace("variant = \"Busy\"", "variant = \"Occupied\""),
    );
    assert_eq!(crate_.run(), "100 Occupied\n300 Overheated\n200 Offline\n");
}

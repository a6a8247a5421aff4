//! The runtime builds, and its unit tests pass, with the code that needs atomics compiled out
//! (`--cfg errcode_no_atomics`), as on a target without them (thumbv6m-none-eabi). Only the
//! host's standard library is installed on the machines this project is built on, so the cfg
//! stands in for such a target; it removes exactly what `target_has_atomic = "ptr"` gates.

use std::path::Path;
use std::process::Command;

#[test]
fn the_runtime_builds_and_passes_its_tests_without_atomics() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .current_dir(workspace)
        .args([
            "test",
            "-p",
            "errcode-runtime",
            "--no-default-features",
            "--lib",
        ])
        // A target folder of its own: the flags differ from the workspace build's, and the
        // workspace's folder is locked while this test runs.
        .arg("--target-dir")
        .arg(workspace.join("target").join("no-atomics"))
        .env("RUSTFLAGS", "--cfg errcode_no_atomics -D warnings")
        .env_remove("CARGO_TARGET_DIR")
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        stdout.contains("without_atomics_no_language_is_chosen ... ok"),
        "the cfg reached the runtime: {stdout}"
    );
}

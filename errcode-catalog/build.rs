//! Names the sources this build of errcode-catalog was compiled from, for the expansion cache
//! (`src/cache.rs`): a cached expansion is reused only by a build of the same sources.
//!
//! A published version's sources never change, but a path dependency's do (errcode's own
//! workspace, a vendored copy) without a new version, and its build folder, where the cache
//! lives, stays the same. So the name is a hash of the files that decide an expansion: this
//! package's, and errcode-layout's when it sits beside it as in the workspace (published,
//! errcode-layout is pinned to one version).

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};

fn main() {
    let package = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let layout = package.join("../errcode-layout");
    let mut watched = vec![package.join("src"), package.join("Cargo.toml")];
    if layout.is_dir() {
        watched.extend([layout.join("src"), layout.join("Cargo.toml")]);
    }
    let mut files = Vec::new();
    for path in &watched {
        println!("cargo::rerun-if-changed={}", path.display());
        collect(path, &mut files);
    }
    files.sort();
    let mut hasher = DefaultHasher::new();
    std::env::var("CARGO_PKG_VERSION")
        .unwrap_or_default()
        .hash(&mut hasher);
    for file in &files {
        file.strip_prefix(&package)
            .unwrap_or(file)
            .hash(&mut hasher);
        std::fs::read(file).unwrap_or_default().hash(&mut hasher);
    }
    println!(
        "cargo::rustc-env=ERRCODE_CATALOG_SOURCES={:016x}",
        hasher.finish()
    );
}

/// Every file at or under `path`.
fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    match std::fs::read_dir(path) {
        Ok(entries) => {
            for entry in entries.flatten() {
                collect(&entry.path(), files);
            }
        }
        Err(_) if path.is_file() => files.push(path.to_path_buf()),
        Err(_) => {}
    }
}

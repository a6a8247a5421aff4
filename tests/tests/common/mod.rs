//! Helpers shared by the behaviour tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use errcode_catalog::catalog::Catalog;
use errcode_catalog::options::Invocation;
use errcode_catalog::resolve::Environment;

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The catalog errcode-catalog reads from a page, resolved like the macro in this crate does.
pub fn catalog(invocation: &str) -> Catalog {
    let environment = Environment {
        manifest_dir: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
        source_file: None,
    };
    let invocation: Invocation = syn::parse_str(invocation).expect("a valid invocation");
    let loaded = errcode_catalog::load(&invocation.path.value(), &invocation.options, &environment);
    let errors: Vec<String> = loaded.diagnostics.iter().map(|d| d.render()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    loaded.catalog.expect("a catalog")
}

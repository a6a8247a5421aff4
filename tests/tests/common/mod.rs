//! Helpers shared by the behaviour tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use errcode_catalog::catalog::Catalog;
use errcode_catalog::options::Options;
use errcode_catalog::resolve::Environment;

/// The workspace root.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The catalog errcode-catalog reads from a page, resolved like the macro in this crate does.
pub fn catalog(page: &str) -> Catalog {
    catalog_in(
        page,
        &Options::default(),
        PathBuf::from(env!("CARGO_MANIFEST_DIR")),
    )
}

/// The catalog errcode-catalog reads from a page with `options`, resolved like the macro does
/// in a crate at `manifest_dir`; the page must read without errors.
pub fn catalog_in(page: &str, options: &Options, manifest_dir: PathBuf) -> Catalog {
    let environment = Environment {
        manifest_dir,
        source_file: None,
    };
    let loaded = errcode_catalog::load(page, options, &environment);
    let errors: Vec<String> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.render())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    loaded.catalog.expect("a catalog")
}

/// A throwaway downstream crate under `target/downstream/<name>`.
pub struct Downstream {
    pub dir: PathBuf,
}

impl Downstream {
    pub fn new(name: &str, main: &str) -> Downstream {
        Downstream::with_runtime(name, main, "")
    }

    /// A crate whose `errcode-runtime` dependency has more settings
    /// (`default-features = false, features = ["serde"]`).
    pub fn with_runtime(name: &str, main: &str, settings: &str) -> Downstream {
        let workspace = workspace();
        let dir = workspace.join("target/downstream").join(name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("src")).unwrap();
        std::fs::create_dir_all(dir.join("docs-src")).unwrap();
        let runtime = workspace.join("errcode-runtime");
        let manifest = format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\nerrcode-runtime = {{ path = {:?}{settings} }}\n\n[workspace]\n",
            runtime.display().to_string()
        );
        std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
        // The workspace's lock file pins the same dependency versions, so no download is needed.
        std::fs::copy(workspace.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
        std::fs::write(dir.join("src").join(main), "").unwrap();
        Downstream { dir }
    }

    pub fn write(&self, path: &str, text: &str) {
        std::fs::write(self.dir.join(path), text).unwrap();
    }

    pub fn cargo(&self, args: &[&str], rustdocflags: Option<&str>) -> Output {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let mut command = Command::new(cargo);
        command
            .args(args)
            .arg("--offline")
            .current_dir(&self.dir)
            .env(
                "CARGO_TARGET_DIR",
                workspace().join("target/downstream/target"),
            )
            .env_remove("RUSTDOCFLAGS");
        if let Some(flags) = rustdocflags {
            command.env("RUSTDOCFLAGS", flags);
        }
        let output = command.output().unwrap();
        assert!(
            output.status.success(),
            "cargo {args:?} failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        output
    }

    pub fn run(&self) -> String {
        String::from_utf8(self.cargo(&["run", "--quiet"], None).stdout).unwrap()
    }
}

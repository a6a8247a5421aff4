//! A crate that uses errcode exactly as a downstream crate would: it expands every page of
//! `docs-src/`, so `cargo doc -p errcode-tests` shows what users will browse.

/// `docs-src/camera.md`.
pub mod camera {
    errcode_runtime::error_catalog!("camera.md");
}

/// `docs-src/image.md`.
pub mod image {
    errcode_runtime::error_catalog!("image.md");
}

//! A crate that uses errcode exactly as a downstream crate would: it expands every page of
//! `docs-src/`, so `cargo doc -p errcode-tests` shows what users will browse.
//!
//! The lints below prove two promises of the expansion: it compiles without a single warning
//! (every generated public item is documented), and a crate that forbids `unsafe` can use it.

#![deny(warnings, missing_docs)]
#![forbid(unsafe_code)]

/// `docs-src/camera.md`.
pub mod camera {
    errcode_runtime::error_catalog!("camera.md");
}

/// `docs-src/image.md`.
pub mod image {
    errcode_runtime::error_catalog!("image.md");
}

/// `docs-src/avsdk.md`: four sections reuse codes, so each is its own enum.
pub mod avsdk {
    errcode_runtime::error_catalog!("avsdk.md");
}

/// `docs-src/call-service.html`.
pub mod call_service {
    errcode_runtime::error_catalog!("call-service.html");
}

/// `docs-src/ipcam-api.txt`.
pub mod ipcam {
    errcode_runtime::error_catalog!("ipcam-api.txt");
}

/// `docs-src/camera.md` with its Chinese page, `docs-src/zh-cn/camera.md`.
pub mod camera_i18n {
    errcode_runtime::error_catalog!("camera.md", locales = { "zh-CN" = "zh-cn/camera.md" });
}

//! A `#![no_std]` library that expands `camera.md` with `errcode-runtime` built without its
//! `std` feature (and with `serde`, which works without std too), built on the host.

mod common;

use common::Downstream;

const LIB: &str = r#"
//! A no_std user of errcode.
#![no_std]

errcode_runtime::error_catalog!("camera.md");

/// Looks a code up without std.
pub fn message_of(code: u32) -> Option<&'static str> {
    CameraError::from_code(code).map(CameraError::message)
}

/// Display through `core::fmt` into a fixed buffer.
pub fn display_len(error: CameraError) -> usize {
    struct Counter(usize);
    impl core::fmt::Write for Counter {
        fn write_str(&mut self, text: &str) -> core::fmt::Result {
            self.0 += text.len();
            Ok(())
        }
    }
    let mut counter = Counter(0);
    let _ = core::fmt::write(&mut counter, format_args!("{error}"));
    counter.0
}

fn _is_an_error<E: core::error::Error>() {}
const _: fn() = _is_an_error::<CameraError>;
"#;

#[test]
fn a_no_std_crate_builds_without_the_std_feature() {
    let crate_ = Downstream::with_runtime(
        "errcode-no-std-check",
        "lib.rs",
        r#", default-features = false, features = ["serde"]"#,
    );
    let page = std::fs::read_to_string(common::workspace().join("docs-src/camera.md")).unwrap();
    crate_.write("docs-src/camera.md", &page);
    crate_.write("src/lib.rs", LIB);
    crate_.cargo(&["build"], None);
    let tree = crate_.cargo(&["tree", "-e", "features", "-i", "errcode-runtime"], None);
    let tree = String::from_utf8(tree.stdout).unwrap();
    assert!(
        !tree.contains("errcode-runtime feature \"std\""),
        "std is off:\n{tree}"
    );
    assert!(tree.contains("errcode-runtime feature \"serde\""), "{tree}");
}

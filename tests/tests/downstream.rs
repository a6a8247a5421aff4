//! Crates outside this workspace that depend on `errcode-runtime` by path, built with cargo the
//! way a user builds: a page edit is picked up by the next `cargo build`, and `cargo doc`
//! renders the page's text as documentation.

mod common;

use std::path::Path;

use common::Downstream;

const PRINT_ALL: &str = r#"
errcode_runtime::error_catalog!("status.md");

fn main() {
    for error in StatusError::ALL {
        println!("{} {:?} {}", error.code(), error, error.message());
    }
}
"#;

const PAGE_V1: &str = "# Status Error Codes\n\n## 100 Busy\n\n**Error Message**\n\nThe device is busy.\n\n## 200 Offline\n\n**Error Message**\n\nThe device is offline.\n";

#[test]
fn a_page_edit_is_picked_up_by_the_next_build() {
    let crate_ = Downstream::new("errcode-rebuild-check", "main.rs");
    crate_.write("src/main.rs", PRINT_ALL);
    crate_.write("docs-src/status.md", PAGE_V1);
    assert_eq!(
        crate_.run(),
        "100 Busy The device is busy.\n200 Offline The device is offline.\n"
    );

    // Only the page changes: a message is reworded and an entry is added.
    let page_v2 = PAGE_V1.replace("The device is busy.", "The device is busy; retry later.")
        + "\n## 300 Overheated\n\n**Error Message**\n\nThe device is too hot.\n";
    crate_.write("docs-src/status.md", &page_v2);
    assert_eq!(
        crate_.run(),
        "100 Busy The device is busy; retry later.\n200 Offline The device is offline.\n300 Overheated The device is too hot.\n"
    );
}

/// The kept expansions of the crates under `target/downstream` (`errcode_catalog::cache`) that
/// were made from `page`.
fn kept_expansions_of(page: &str) -> Vec<std::path::PathBuf> {
    let builds = common::workspace().join("target/downstream/target/debug/build");
    // No such folder before the first build of a fresh clone.
    std::fs::read_dir(builds)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with("errcode-catalog-")
        })
        .filter_map(|entry| std::fs::read_dir(entry.path().join("out/expansions")).ok())
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            let bytes = std::fs::read(path).unwrap_or_default();
            bytes
                .windows(page.len())
                .any(|window| window == page.as_bytes())
        })
        .collect()
}

#[test]
fn a_build_with_the_page_unchanged_reuses_the_kept_expansion() {
    let crate_ = Downstream::new("errcode-cache-check", "main.rs");
    let page = PAGE_V1.replace("Status", "Kept");
    let main = PRINT_ALL
        .replace("status.md", "kept.md")
        .replace("StatusError", "KeptError");
    crate_.write("src/main.rs", &main);
    crate_.write("docs-src/kept.md", &page);
    // Nothing kept by earlier runs of this test (or by builds of other errcode sources).
    for kept in kept_expansions_of(&page) {
        std::fs::remove_file(kept).unwrap();
    }
    let expected = "100 Busy The device is busy.\n200 Offline The device is offline.\n";
    assert_eq!(crate_.run(), expected);

    // The crate's own code changes, the page does not: the same program, from the kept text.
    crate_.write("src/main.rs", &format!("{main}\n// an edit\n"));
    assert_eq!(crate_.run(), expected);

    // Proof that it is the kept expansion that builds: alter the message in it (not in the
    // copy of the page it is kept with), and the next build of an unchanged page shows it.
    let kept = kept_expansions_of(&page);
    assert_eq!(kept.len(), 1, "one file per invocation: {kept:?}");
    let kept = &kept[0];
    let mut bytes = std::fs::read(kept).unwrap();
    let page_end = bytes
        .windows(page.len())
        .position(|window| window == page.as_bytes())
        .unwrap()
        + page.len();
    // Byte for byte and at the same length, so the file's length fields stay true.
    let (message, altered) = (b"The device is busy.", b"The device is BUSY.");
    let mut alterations = 0;
    let mut at = page_end;
    while let Some(found) = bytes[at..]
        .windows(message.len())
        .position(|window| window == message)
    {
        at += found;
        bytes[at..at + message.len()].copy_from_slice(altered);
        alterations += 1;
    }
    assert!(alterations > 0, "the message is in the kept expansion");
    std::fs::write(kept, bytes).unwrap();
    crate_.write("src/main.rs", &format!("{main}\n// another edit\n"));
    assert_eq!(
        crate_.run(),
        "100 Busy The device is BUSY.\n200 Offline The device is offline.\n"
    );

    // One byte of the page changes: the page is read again.
    crate_.write("docs-src/kept.md", &page.replace("busy.", "busy!"));
    assert_eq!(
        crate_.run(),
        "100 Busy The device is busy!\n200 Offline The device is offline.\n"
    );
}

/// Text of the rendered page between two markers, with tags removed.
fn rendered_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
}

fn variant_section<'a>(html: &'a str, variant: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"variant.{variant}\""))
        .expect("the variant is documented");
    let rest = &html[start..];
    let end = ["id=\"variant.", "<h2"]
        .iter()
        .filter_map(|marker| rest[1..].find(marker))
        .min()
        .map_or(rest.len(), |i| i + 1);
    &rest[..end]
}

#[test]
fn rustdoc_shows_every_field_and_page_text_stays_text() {
    let crate_ = Downstream::new("errcode-doc-check", "lib.rs");
    let workspace = common::workspace();
    std::fs::create_dir_all(crate_.dir.join("docs-src/zh-cn")).unwrap();
    for page in ["camera.md", "image.md", "zh-cn/camera.md"] {
        let text = std::fs::read_to_string(workspace.join("docs-src").join(page)).unwrap();
        crate_.write(&format!("docs-src/{page}"), &text);
    }
    crate_.write(
        "docs-src/tricky.md",
        "# Tricky Error Codes\n\n## 1 Generic \\<T> Failure\n\n**Error Message**\n\nExpected Vec<u8>, got [Self] or \\<script>alert(1)\\</script>.\n",
    );
    crate_.write(
        "src/lib.rs",
        "//! Docs check.\n\nerrcode_runtime::error_catalog!(\"camera.md\");\nerrcode_runtime::error_catalog!(\"image.md\");\nerrcode_runtime::error_catalog!(\"tricky.md\");\n/// Both languages.\npub mod i18n {\n    errcode_runtime::error_catalog!(\"camera.md\", locales = { \"zh-CN\" = \"zh-cn/camera.md\" });\n}\n",
    );
    crate_.cargo(&["doc", "--no-deps"], Some("-Dwarnings"));
    let doc = workspace.join("target/downstream/target/doc/errcode_doc_check");

    let camera = std::fs::read_to_string(doc.join("enum.CameraError.html")).unwrap();
    let invalid = variant_section(&camera, "InvalidOperation");
    let text = rendered_text(invalid);
    assert!(
        text.contains("Invalid Operation: Operation not allowed."),
        "{text}"
    );
    assert!(text.contains("The operation is not performed in the specified mode."));
    assert!(text.contains("Perform operations according to the API reference and guide."));
    assert!(
        invalid.contains("<li>The API execution sequence is incorrect."),
        "causes are a list: {invalid}"
    );
    assert!(
        invalid.contains("<strong>commitConfig</strong>"),
        "emphasis of the page is kept"
    );
    assert!(
        rendered_text(&camera).contains("Camera Kit"),
        "metadata is on the enum page"
    );

    let both = std::fs::read_to_string(doc.join("i18n/enum.CameraError.html")).unwrap();
    let both = rendered_text(variant_section(&both, "InvalidParameter"));
    let (english, chinese) = both.split_once("zh-CN").expect("a heading per language");
    assert!(
        english.contains("A parameter passed in the API is invalid."),
        "{both}"
    );
    assert!(
        chinese.contains("无效入参") && chinese.contains("调用接口时，传入的参数无效。"),
        "{both}"
    );

    let image = std::fs::read_to_string(doc.join("enum.ImageError.html")).unwrap();
    let operation = variant_section(&image, "OperationFailed");
    assert!(
        operation.contains("<ol>"),
        "numbered causes stay numbered: {operation}"
    );

    let tricky = std::fs::read_to_string(doc.join("enum.TrickyError.html")).unwrap();
    let generic = variant_section(&tricky, "GenericTFailure");
    let text = rendered_text(generic);
    assert!(text.contains("Generic <T> Failure"), "{text}");
    assert!(
        text.contains("Expected Vec<u8>, got [Self] or <script>alert(1)</script>."),
        "{text}"
    );
    assert!(!generic.contains("<script"), "page text never becomes HTML");
    assert!(!generic.contains("<T>"), "page text never becomes HTML");
    assert!(
        !generic.contains("href=\"enum."),
        "page text never becomes an intra-doc link"
    );
}

#[test]
fn downstream_paths_are_absolute_paths_of_this_machine() {
    // The downstream crates depend on this workspace by absolute path; make sure the layout the
    // tests assume holds, so a failure above is not a misplaced checkout.
    assert!(
        Path::new(&common::workspace())
            .join("errcode-runtime/Cargo.toml")
            .is_file()
    );
}

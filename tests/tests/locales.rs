//! One enum, two languages: `camera.md` with `zh-cn/camera.md`.

mod common;

use errcode_catalog::catalog::Code;
use errcode_catalog::options::Options;
use errcode_runtime::{ErrorCode, Locale};
use errcode_tests::camera_i18n::CameraError;

#[test]
fn every_entry_has_the_chinese_page_text() {
    let chinese = common::catalog("zh-cn/camera.md");
    let english = common::catalog("camera.md");
    let chinese_entries = &chinese.enums[0].entries;
    assert_eq!(CameraError::ALL.len(), chinese_entries.len());
    for (error, (zh, en)) in CameraError::ALL
        .iter()
        .zip(chinese_entries.iter().zip(&english.enums[0].entries))
    {
        assert_eq!(Code::Int(error.code().into()), zh.code);
        let entry = error.entry_in("zh-CN");
        assert_eq!(entry.message, zh.message, "错误信息 of {}", zh.code);
        assert_eq!(error.message_in("zh-CN"), zh.message);
        assert_eq!(entry.title, zh.title);
        assert_eq!(entry.description, zh.description.as_deref());
        assert_eq!(
            entry.causes,
            zh.causes.iter().map(String::as_str).collect::<Vec<_>>()
        );
        assert_eq!(
            entry.solutions,
            zh.solutions.iter().map(String::as_str).collect::<Vec<_>>()
        );
        assert_eq!(entry.source.file, "../docs-src/zh-cn/camera.md");
        assert_eq!(error.message(), en.message, "message() stays English");
        assert_eq!(error.title(), en.title);
    }
}

#[test]
fn spot_checks_copied_from_the_chinese_page() {
    let invalid = CameraError::InvalidParameter;
    assert_eq!(
        invalid.message_in("zh-CN"),
        "Parameter missing or parameter type incorrect."
    );
    assert_eq!(invalid.entry_in("zh-CN").title, "无效入参");
    assert_eq!(
        invalid.entry_in("zh-CN").description,
        Some("调用接口时，传入的参数无效。")
    );
    assert_eq!(
        CameraError::CameraPreempted.entry_in("zh-CN").solutions,
        ["将当前开启的摄像头关闭。"]
    );
    assert_eq!(CameraError::CameraPreempted.entry().solutions, ["N/A"]);
    assert_eq!(
        invalid.to_string(),
        "7400101 Invalid Parameter: Parameter missing or parameter type incorrect."
    );
}

#[test]
fn languages_are_listed_and_matched_loosely() {
    assert_eq!(CameraError::LOCALES, ["en", "zh-CN"]);
    assert_eq!(<CameraError as ErrorCode>::LOCALES, ["en", "zh-CN"]);
    let error = CameraError::SessionNotRunning;
    assert_eq!(error.entry_in("zh").title, "会话未运行");
    assert_eq!(error.entry_in("ZH-cn").title, "会话未运行");
    assert_eq!(
        error.entry_in("fr").title,
        "Session Not Running",
        "an unknown language is the page's own"
    );
    assert_eq!(error.entry_in("en").title, "Session Not Running");
    // Enums without translations answer in their own language.
    assert_eq!(
        errcode_tests::camera::CameraError::SessionNotRunning
            .entry_in("zh-CN")
            .title,
        "Session Not Running"
    );
}

#[test]
fn an_application_picks_its_language_once() {
    static CHINESE: Locale = Locale::new("zh-CN");
    assert_eq!(
        CameraError::SessionNotRunning.localized().title,
        "Session Not Running"
    );
    errcode_runtime::set_locale(&CHINESE);
    assert_eq!(errcode_runtime::locale(), Some("zh-CN"));
    assert_eq!(
        CameraError::SessionNotRunning.localized().title,
        "会话未运行"
    );
    assert_eq!(
        ErrorCode::localized(CameraError::SessionNotRunning).title,
        "会话未运行"
    );
}

#[test]
fn the_docs_show_both_languages() {
    let catalog = common::catalog_in(
        "camera.md",
        &Options {
            locales: vec![("zh-CN".into(), "zh-cn/camera.md".into())],
            ..Options::default()
        },
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")),
    );
    let docs = &catalog.enums[0].entries[0].docs;
    let (english, chinese) = docs
        .split_once("#### zh-CN")
        .expect("a heading per language");
    assert!(english.contains("A parameter passed in the API is invalid."));
    assert!(chinese.contains("调用接口时，传入的参数无效。"));
    assert!(
        chinese.contains("source `../docs-src/zh-cn/camera.md:13`"),
        "{chinese}"
    );
}

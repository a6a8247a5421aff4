errcode_runtime::error_catalog!("pages/i18n-en.md", locales = { "zh-CN" = "i18n-fr.md" });

fn main() {
    let _ = StatusError::Busy;
}

// The Chinese page has code 200, which the page that decides the variants lacks.
errcode_runtime::error_catalog!("pages/i18n-en.md", locales = { "zh-CN" = "i18n-zh.md" });

fn main() {
    let _ = StatusError::Busy.message_in("zh-CN");
}

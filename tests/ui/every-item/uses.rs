// Every item an expanded enum has, used the way a downstream crate uses them; included by the
// `every-item-after-*` cases, which each make one mistake in the invocation and must show
// that one error and nothing that cascades from it.

use errcode_runtime::{Catalog, Entry, ErrorCode, WireCode};

fn main() {
    let all: &'static [CameraError] = CameraError::ALL;
    let locales: &'static [&'static str] = CameraError::LOCALES;
    let _ = (all, locales);
    let _: Option<CameraError> = CameraError::from_code(7400101);
    let _: Result<CameraError, errcode_runtime::UnknownCode<u32>> = CameraError::try_from(7400101);
    let _: Result<CameraError, errcode_runtime::ParseError> = "7400101".parse::<CameraError>();
    let _: WireCode<CameraError> = WireCode::new(7400101);
    for &error in all {
        let _: u32 = error.code();
        let _: u32 = u32::from(error);
        let _: Entry = error.entry();
        let _: Entry = error.entry_in("zh-CN");
        let _: Entry = error.localized();
        let _: &'static str = error.message();
        let _: &'static str = error.message_in("zh-CN");
        let _: &'static str = error.title();
        let _: String = format!("{error} {error:?}");
        let _: &dyn std::error::Error = &error;
        generic(error);
    }
}

fn generic<E: ErrorCode>(error: E) {
    let _: &'static [E] = E::all();
    let _: &'static Catalog = E::CATALOG;
    let _: &'static [&'static str] = E::LOCALES;
    let _: Option<E> = E::from_code(error.code());
    let _: Entry = error.entry();
    let _: Entry = error.entry_in("zh-CN");
    let _: Entry = error.localized();
    let _: &'static str = error.message();
    let _: &'static str = error.message_in("zh-CN");
    let _: &'static str = error.title();
}

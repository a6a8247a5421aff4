errcode_runtime::error_catalog!("no-such-page.md", name = CameraError);

include!("every-item/uses.rs");

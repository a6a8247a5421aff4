errcode_runtime::error_catalog!("pages/no-entries.md", name = CameraError);

include!("every-item/uses.rs");

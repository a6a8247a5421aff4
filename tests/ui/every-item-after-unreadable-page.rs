errcode_runtime::error_catalog!("pages/latin1.md", name = CameraError);

include!("every-item/uses.rs");

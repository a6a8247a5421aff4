errcode_runtime::error_catalog!("camera.md", name = CameraError, max_size = "big");

include!("every-item/uses.rs");

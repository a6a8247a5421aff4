errcode_runtime::error_catalog!("camera.md", name = CameraError, colour = "red");

include!("every-item/uses.rs");

errcode_runtime::error_catalog!("camera.md", rename = { 7400101 = BadParameter, 42 = Unknown });

fn main() {
    let _ = CameraError::BadParameter;
}

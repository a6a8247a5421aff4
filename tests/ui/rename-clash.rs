errcode_runtime::error_catalog!("camera.md", rename = { 7400101 = InvalidOperation });

fn main() {}

errcode_runtime::error_catalog!("camera.md", derive(Debug));

fn main() {}

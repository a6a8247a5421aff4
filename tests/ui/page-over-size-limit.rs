errcode_runtime::error_catalog!("camera.md", max_size = 1000);

fn main() {}

errcode_runtime::error_catalog!("camera.md", format = "pdf", duplicates = "both", repr = u8);

fn main() {}

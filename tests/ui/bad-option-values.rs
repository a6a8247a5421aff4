errcode_runtime::error_catalog!("camera.md", format = "rst", duplicates = "both", repr = u8);

fn main() {}

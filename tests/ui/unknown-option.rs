errcode_runtime::error_catalog!("camera.md", nmae = Camera, colour = "red");

fn main() {}

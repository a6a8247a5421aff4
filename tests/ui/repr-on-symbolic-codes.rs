errcode_runtime::error_catalog!("pages/symbolic.md", repr = u32);

fn main() {}

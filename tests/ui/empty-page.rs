errcode_runtime::error_catalog!("pages/empty.md");

fn main() {}

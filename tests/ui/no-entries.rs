errcode_runtime::error_catalog!("pages/no-entries.md");

fn main() {}

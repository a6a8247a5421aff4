errcode_runtime::error_catalog!("pages/latin1.md");

fn main() {}

errcode_runtime::error_catalog!("pages/too-large.md");

fn main() {}

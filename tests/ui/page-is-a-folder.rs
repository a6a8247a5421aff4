errcode_runtime::error_catalog!("pages");

fn main() {}

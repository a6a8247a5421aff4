errcode_runtime::error_catalog!("pages/wide-codes.md", repr = u32);

fn main() {}

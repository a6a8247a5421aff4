errcode_runtime::error_catalog!("no-such-page.md");

fn main() {}

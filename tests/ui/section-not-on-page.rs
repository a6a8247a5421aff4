errcode_runtime::error_catalog!("avsdk.md", section = "Client Codes");

fn main() {}

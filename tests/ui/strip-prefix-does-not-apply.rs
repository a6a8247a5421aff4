errcode_runtime::error_catalog!("avsdk.md", section = "AVSDK Client Error Codes", strip_prefix = "ERR_");

fn main() {}

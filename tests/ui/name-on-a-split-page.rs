errcode_runtime::error_catalog!("avsdk.md", name = AvsdkError);

fn main() {}

errcode_runtime::error_catalog!("pages/lock-not-an-identifier.md");

fn main() {
    // The enum is built without the lock, so code that uses it reports nothing more.
    let _ = StatusError::Busy.message();
}

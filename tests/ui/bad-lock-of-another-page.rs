errcode_runtime::error_catalog!("pages/lock-of-another-page.md");

fn main() {
    // The enum is built without the lock, so code that uses it reports nothing more.
    let _ = StatusError::Busy.message();
}

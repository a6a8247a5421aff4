// 10006 is repeated word for word (merged silently); 10008 means two things.
errcode_runtime::error_catalog!("pages/conflicting-duplicates.md");

fn main() {
    // The enum is still generated, so code using it reports no follow-on errors.
    let _ = PushError::ALL;
}

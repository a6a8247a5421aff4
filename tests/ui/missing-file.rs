errcode_runtime::error_catalog!("no-such-page.md");

fn main() {
    // A stand-in enum is still generated, so code using it reports no follow-on errors.
    assert!(NoSuchPageError::ALL.is_empty());
    let _ = NoSuchPageError::from_code(1);
}

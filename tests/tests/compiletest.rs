//! Every diagnostic of the macro, as the user sees it. The `.stderr` files are written for the
//! installed compiler; regenerate them with `TRYBUILD=overwrite cargo test -p errcode-tests --test compiletest`.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
}

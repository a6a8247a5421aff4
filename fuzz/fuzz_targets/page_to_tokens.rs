//! A whole page to tokens: the catalog is built (or diagnostics explain why not), and the
//! generated tokens always parse as a Rust file.
#![no_main]

use errcode_catalog::expand;
use errcode_catalog::options::Options;
use errcode_catalog::read::Format;
use errcode_catalog::validate::PageSource;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((selector, page)) = data.split_first() else { return };
    let names = Format::NAMES;
    let Some(format) = Format::from_name(names[usize::from(*selector) % names.len()]) else {
        return;
    };
    let text = String::from_utf8_lossy(page);
    let options = Options::default();
    let source = PageSource {
        path: "page",
        stem: "page",
        text: &text,
    };
    let (catalog, mut diagnostics) = errcode_catalog::catalog_of(&source, format, &options);
    diagnostics.extend(errcode_catalog::lint(&source, format));
    assert!(diagnostics.iter().all(|d| !d.message.is_empty()));
    if catalog.enums.is_empty() {
        assert!(diagnostics.iter().any(|d| d.is_error()), "no enum and no error");
        return;
    }
    let mut code = String::new();
    expand::expand(&catalog, &options, &mut code);
    if let Err(error) = syn::parse_file(&code) {
        panic!("the expansion does not parse: {error}");
    }
});

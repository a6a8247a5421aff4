use std::time::Instant;
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10000);
    let text = std::fs::read_to_string(format!("target/bench/pages/{n}/page.md")).unwrap();
    let t = Instant::now();
    let doc = errcode_catalog::read::read(&text, errcode_catalog::read::Format::Markdown);
    eprintln!("read {:?}", t.elapsed());
    let t = Instant::now();
    let page = errcode_catalog::recognise::recognise(&doc);
    eprintln!("recognise {:?}", t.elapsed());
    let t = Instant::now();
    let options = Default::default();
    let (catalog, _) = errcode_catalog::validate::build(
        &page,
        &errcode_catalog::validate::PageSource {
            path: "page.md",
            stem: "page",
            text: &text,
        },
        &options,
    );
    eprintln!("validate {:?}", t.elapsed());
    let t = Instant::now();
    let tokens = errcode_catalog::expand::expand(&catalog, &options);
    eprintln!("expand {:?}", t.elapsed());
    let t = Instant::now();
    let s = tokens.to_string();
    eprintln!("to_string {:?} {}", t.elapsed(), s.len());
}

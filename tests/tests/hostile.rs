//! Pages written to attack the build: page text must stay text. It cannot inject code,
//! attributes or lints into the crate, nor HTML or script into its rustdoc.

mod common;

use common::Downstream;

const TITLE_MD: &str =
    r##"Quote " brace { } comment */ attr #[cfg(any())] macro compile_error!("boom") raw r#"x"#"##;
const MESSAGE_MD: &str = r#"Message with "quotes", {braces}, /* open and close */, #[doc(hidden)], compile_error!("x"); } fn evil() {} #![deny(warnings)]"#;
const TITLE_HTML: &str = r#"Close */ then open /* and "quote" {brace} #[allow(unsafe_code)]"#;

fn markdown_page() -> String {
    format!(
        "# Hostile Error Codes\n\n<script>alert('page')</script>\n\n## 1 {TITLE_MD}\n\n**Error Message**\n\n{MESSAGE_MD}\n\n**Error Description**\n\n<script>alert(1)</script> <img src=x onerror=\"alert(2)\"> <iframe src=\"https://evil.example/\"></iframe> <a href=\"javascript:alert(3)\">js link</a> [md js](javascript:alert(4)) [safe](https://example.com/safe) <p onclick=\"alert(5)\">para</p>\n\n## 2 Bidi\u{202E}override and zero\u{200B}width\n\n**Error Message**\n\nText with \u{202E} bidi and \u{200B} zero width.\n"
    )
}

fn html_page() -> String {
    let escaped = TITLE_HTML.replace('"', "&quot;");
    format!(
        "<html><head><script>alert(0)</script><style>body{{}}</style></head><body><h1>Hostile HTML Error Codes</h1><h2 onmouseover=\"alert(6)\">7 {escaped}</h2><p><strong>Error Message</strong></p><p>Plain <b onclick=\"alert(7)\">bold</b> <a href=\"javascript:alert(8)\">js</a> <a href=\"vbscript:x\">vb</a> <a href=\"https://example.com/ok\">ok</a></p><iframe srcdoc=\"&lt;script&gt;alert(9)&lt;/script&gt;\">inner</iframe><object data=\"x\">obj</object></body></html>"
    )
}

const MAIN: &str = r#"
errcode_runtime::error_catalog!("hostile.md");
errcode_runtime::error_catalog!("hostile.html");

fn main() {
    for error in HostileError::ALL {
        println!("{:?}\t{:?}\t{:?}", error, error.title(), error.message());
    }
    for error in HostileHtmlError::ALL {
        println!("{:?}\t{:?}\t{:?}", error, error.title(), error.message());
    }
}
"#;

/// The part of a rustdoc page that shows the enum's and the variants' docs.
fn documented_region(html: &str) -> &str {
    let start = html.find("id=\"main-content\"").expect("a rustdoc page");
    let end = html[start..]
        .find("id=\"implementations\"")
        .map_or(html.len(), |i| start + i);
    &html[start..end]
}

#[test]
fn hostile_text_round_trips_and_never_becomes_code_or_html() {
    let crate_ = Downstream::new("errcode-hostile-check", "main.rs");
    crate_.write("docs-src/hostile.md", &markdown_page());
    crate_.write("docs-src/hostile.html", &html_page());
    crate_.write("src/main.rs", MAIN);

    let output = crate_.run();
    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(lines.len(), 3, "{output}");
    assert_eq!(
        lines[0],
        format!("{}\t{TITLE_MD:?}\t{MESSAGE_MD:?}", variant_of(lines[0]))
    );
    assert_eq!(
        lines[1],
        format!(
            "{}\t{:?}\t{:?}",
            variant_of(lines[1]),
            "Bidioverride and zerowidth",
            "Text with bidi and zero width."
        )
    );
    assert_eq!(
        lines[2],
        format!(
            "{}\t{TITLE_HTML:?}\t{:?}",
            variant_of(lines[2]),
            "Plain bold js vb ok"
        )
    );
    for line in &lines {
        let variant = variant_of(line);
        assert!(
            variant.chars().all(|c| c.is_ascii_alphanumeric()),
            "{variant}"
        );
    }

    crate_.cargo(&["doc", "--no-deps"], Some("-Dwarnings"));
    let doc = common::workspace().join("target/downstream/target/doc/errcode_hostile_check");
    for page in ["enum.HostileError.html", "enum.HostileHtmlError.html"] {
        let html = std::fs::read_to_string(doc.join(page)).unwrap();
        let region = documented_region(&html).to_ascii_lowercase();
        for live in [
            "<script",
            "<iframe",
            "<object",
            "<img",
            "href=\"javascript:",
            "href=\"vbscript:",
        ] {
            assert!(!region.contains(live), "{page} has live `{live}`");
        }
        for tag in tags(&region) {
            assert!(
                !has_event_handler(tag),
                "{page} has an event handler: <{tag}>"
            );
        }
        assert!(
            region.contains("https://example.com/"),
            "{page} keeps its safe link"
        );
    }
    // HTML in a page is read for its structure and its text, never passed through: scripts are
    // dropped with their content, a link with a `javascript:` target keeps only its text.
    let markdown = std::fs::read_to_string(doc.join("enum.HostileError.html")).unwrap();
    let region = documented_region(&markdown);
    assert!(!region.contains("alert(1)") && !region.contains("alert('page')"));
    assert!(region.contains("js link") && region.contains("para"));
}

/// The insides of the tags of rendered HTML (`a href="..."`), for the check below.
fn tags(html: &str) -> Vec<&str> {
    html.split('<')
        .skip(1)
        .filter_map(|rest| rest.split_once('>').map(|(tag, _)| tag))
        .collect()
}

/// Whether a tag has an `on...=` attribute.
fn has_event_handler(tag: &str) -> bool {
    tag.split_whitespace().skip(1).any(|attribute| {
        attribute.strip_prefix("on").is_some_and(|rest| {
            let name: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
            !name.is_empty() && rest[name.len()..].starts_with('=')
        })
    })
}

fn variant_of(line: &str) -> &str {
    line.split('\t').next().unwrap_or("")
}

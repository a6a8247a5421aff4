//! The HTML front end: `html5gum` (a WHATWG-compliant tokenizer) feeding the shared builder.
//!
//! Tree construction is the builder's forgiving open/close model rather than the full WHATWG
//! algorithm: error pages are documents, not applications, and the builder already closes what
//! HTML closes implicitly (`<li>`, `<td>`, `<p>`). The same tag mapping serves HTML embedded in
//! Markdown pages.
//!
//! Site chrome is dropped with its content: scripts, styles, navigation, forms, hidden elements,
//! and elements whose class marks them as page furniture (see [`CHROME_CLASSES`]).
//!
//! (Long because of the list of HTML element names below.)

use std::collections::BTreeSet;

use html5gum::{DefaultEmitter, EndTag, StartTag, Token, Tokenizer};

use super::builder::{Builder, Container, Leaf, Span};
use super::quiet_emitter::QuietEmitter;
use crate::document::Document;
use crate::white_space::TrimSpace;

/// Elements whose content is never page text.
const CHROME_ELEMENTS: &[&str] = &[
    "aside", "audio", "button", "canvas", "dialog", "embed", "footer", "form", "head", "iframe",
    "map", "math", "nav", "noscript", "object", "script", "select", "style", "svg", "template",
    "textarea", "title", "video",
];

/// Class names that documentation sites give to furniture around the text: heading anchors,
/// tables of contents, breadcrumbs, device-support badges, screen-reader-only copies.
pub(crate) const CHROME_CLASSES: &[&str] = &[
    "anchor-icon",
    "breadcrumbs",
    "device-list",
    "hash-link",
    "pagination-nav",
    "sr-only",
    "table-of-contents",
    "toc",
    "visually-hidden",
];

/// Every element of the HTML standard (and a few obsolete ones still seen on pages). A tag with
/// another name and no `-` (custom elements have one) is not HTML but text that looks like it,
/// such as `Vec<u8>` or `Promise<void>` written without backticks: it stays text.
const HTML_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "big",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "math",
    "menu",
    "meta",
    "meter",
    "nav",
    "nobr",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "pre",
    "progress",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "slot",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

/// Whether a tag is markup: an element of HTML, a custom element (`my-widget`), or an element
/// the page closes somewhere (`<inlinecode>P1000</inlinecode>`, as MDX pages write components).
fn is_markup(name: &str, state: &HtmlState) -> bool {
    name.contains('-') || HTML_ELEMENTS.binary_search(&name).is_ok() || state.closed.contains(name)
}

/// The names of the end tags a page holds (`</inlinecode>`), in lower case: an unknown element
/// that the page closes is markup, while `Vec<u8>` (never closed) stays text.
pub(crate) fn closed_elements(page: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    // By `<` (a `memchr` search) then `/`: a two-byte pattern's searcher costs several times
    // more over a whole page in the unoptimised proc macro.
    for (index, _) in page.match_indices('<') {
        let Some(rest) = page[index + 1..].strip_prefix('/') else {
            continue;
        };
        let length = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if length > 0 && rest[length..].starts_with('>') {
            names.insert(rest[..length].to_ascii_lowercase());
        }
    }
    names
}

const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Reads a whole HTML page.
pub(crate) fn read(text: &str) -> Document {
    let mut builder = Builder::new();
    let mut state = HtmlState::for_page(text);
    feed(&mut builder, &mut state, text, 0, Context::Block);
    builder.finish()
}

/// Whether a piece of HTML stands as a block or sits inside a line of Markdown text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Context {
    Block,
    Inline,
}

/// What the HTML mapping remembers between the chunks of HTML in a Markdown page.
#[derive(Default)]
pub(crate) struct HtmlState {
    /// The chrome element being skipped and how many of its kind are open.
    skipping: Option<(String, usize)>,
    in_head_rows: bool,
    preformatted: usize,
    /// The elements the page closes somewhere (see [`closed_elements`]).
    closed: BTreeSet<String>,
}

impl HtmlState {
    /// The state for reading `page`.
    pub(crate) fn for_page(page: &str) -> Self {
        HtmlState {
            closed: closed_elements(page),
            ..HtmlState::default()
        }
    }
}

/// Tokenizes `html` and drives the builder; `base` is the byte offset of `html` in the page.
pub(crate) fn feed(
    builder: &mut Builder,
    state: &mut HtmlState,
    html: &str,
    base: usize,
    context: Context,
) {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(html, QuietEmitter(emitter)).flatten() {
        // Spans are byte ranges of `html`.
        match token {
            Token::StartTag(tag) if !is_markup(&name_of(&tag.name), state) => {
                literal(builder, state, html, tag.span.start..tag.span.end, base)
            }
            Token::EndTag(tag) if !is_markup(&name_of(&tag.name), state) => {
                literal(builder, state, html, tag.span.start..tag.span.end, base)
            }
            Token::StartTag(tag) => start_tag(builder, state, &tag, base + tag.span.start),
            Token::EndTag(tag) => end_tag(builder, state, &tag),
            Token::String(text) => {
                if state.skipping.is_none() {
                    builder.text(
                        &String::from_utf8_lossy(&text.value),
                        base + text.span.start,
                    );
                }
            }
            Token::Comment(comment) => {
                if state.skipping.is_none() && context == Context::Block {
                    let text = String::from_utf8_lossy(&comment.value);
                    builder.comment(&text, base + comment.span.start);
                }
            }
            Token::Doctype(_) | Token::Error(_) => {}
        }
    }
}

/// Keeps the source of something that only looks like a tag as text.
fn literal(
    builder: &mut Builder,
    state: &HtmlState,
    html: &str,
    span: std::ops::Range<usize>,
    base: usize,
) {
    if state.skipping.is_none()
        && let Some(source) = html.get(span.clone())
    {
        builder.text(source, base + span.start);
    }
}

fn name_of(name: &[u8]) -> String {
    String::from_utf8_lossy(name).into_owned()
}

fn attribute(tag: &StartTag<usize>, name: &str) -> Option<String> {
    tag.attributes
        .get(name.as_bytes())
        .map(|value| String::from_utf8_lossy(&value.value).into_owned())
}

fn is_chrome(name: &str, tag: &StartTag<usize>) -> bool {
    if CHROME_ELEMENTS.contains(&name) || attribute(tag, "hidden").is_some() {
        return true;
    }
    if attribute(tag, "aria-hidden").is_some_and(|value| value.eq_ignore_ascii_case("true")) {
        return true;
    }
    attribute(tag, "class").is_some_and(|classes| {
        classes
            .split_ascii_whitespace()
            .any(|class| CHROME_CLASSES.contains(&class))
    })
}

fn start_tag(builder: &mut Builder, state: &mut HtmlState, tag: &StartTag<usize>, offset: usize) {
    let name = name_of(&tag.name);
    if let Some((skipped, depth)) = state.skipping.as_mut() {
        if *skipped == name {
            *depth += 1;
        }
        return;
    }
    let is_void = VOID_ELEMENTS.contains(&name.as_str());
    if is_chrome(&name, tag) {
        if !is_void && !tag.self_closing {
            state.skipping = Some((name, 1));
        }
        return;
    }
    if state.preformatted > 0 {
        if name == "br" {
            builder.text("\n", offset);
        }
        return;
    }
    match name.as_str() {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            let level = name.as_bytes()[1] - b'0';
            builder.open_leaf(Leaf::Heading(level), offset);
            if let Some(id) = attribute(tag, "id") {
                builder.set_anchor(&id);
            }
        }
        "p" | "caption" | "figcaption" | "summary" | "legend" => {
            builder.open_leaf(Leaf::Paragraph, offset)
        }
        // A definition list is a list whose items start with their term.
        "dt" => {
            builder.open(Container::Item, offset);
            builder.open_leaf(Leaf::Paragraph, offset);
        }
        "dd" => builder.open_definition(offset),
        "div" | "section" | "article" | "main" | "header" | "body" | "html" | "center"
        | "figure" | "details" | "address" | "hgroup" | "fieldset" => builder.close_leaf(),
        "ul" | "menu" | "dl" => builder.open(Container::List(None), offset),
        "ol" => {
            let start = attribute(tag, "start")
                .and_then(|s| s.trim_space().parse().ok())
                .unwrap_or(1);
            builder.open(Container::List(Some(start)), offset);
        }
        "li" => builder.open(Container::Item, offset),
        "table" => builder.open(Container::Table, offset),
        "thead" => state.in_head_rows = true,
        "tbody" | "tfoot" => state.in_head_rows = false,
        "tr" => builder.open(
            Container::Row {
                header: state.in_head_rows,
            },
            offset,
        ),
        "th" | "td" => {
            builder.open(
                Container::Cell {
                    header: name == "th",
                },
                offset,
            );
            let rows = attribute(tag, "rowspan").and_then(|rows| rows.trim_space().parse().ok());
            builder.span_rows(rows.unwrap_or(1));
        }
        "blockquote" => builder.open(Container::Quote, offset),
        "pre" => {
            builder.open_leaf(Leaf::Code, offset);
            state.preformatted += 1;
        }
        "br" => builder.line_break(),
        "hr" => builder.rule(offset),
        "strong" | "b" => builder.open_span(Span::Strong, offset),
        "em" | "i" | "cite" | "var" | "dfn" => builder.open_span(Span::Emphasis, offset),
        "code" | "kbd" | "samp" | "tt" => builder.open_span(Span::Code, offset),
        "del" | "s" | "strike" => builder.open_span(Span::Strikethrough, offset),
        "a" => {
            if let Some(href) = attribute(tag, "href") {
                builder.open_span(Span::Link(href.trim_space().to_owned()), offset);
            }
        }
        "img" => {
            if let Some(alt) = attribute(tag, "alt") {
                builder.text(&alt, offset);
            }
        }
        _ => {}
    }
}

fn end_tag(builder: &mut Builder, state: &mut HtmlState, tag: &EndTag<usize>) {
    let name = name_of(&tag.name);
    if let Some((skipped, depth)) = state.skipping.as_mut() {
        if *skipped == name {
            *depth -= 1;
            if *depth == 0 {
                state.skipping = None;
            }
        }
        return;
    }
    if state.preformatted > 0 && name != "pre" {
        return;
    }
    match name.as_str() {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "dt" | "dd" | "caption" | "figcaption"
        | "summary" | "legend" | "div" | "section" | "article" | "main" | "header" | "body"
        | "html" | "center" | "figure" | "details" | "address" | "hgroup" | "fieldset" => {
            builder.close_leaf()
        }
        "pre" => {
            builder.close_leaf();
            state.preformatted = state.preformatted.saturating_sub(1);
        }
        "ul" | "menu" | "dl" | "ol" => builder.close(Container::List(None)),
        "li" => builder.close(Container::Item),
        "table" => builder.close(Container::Table),
        "thead" => state.in_head_rows = false,
        "tr" => builder.close(Container::Row { header: false }),
        "th" | "td" => builder.close(Container::Cell { header: false }),
        "blockquote" => builder.close(Container::Quote),
        "strong" | "b" => builder.close_span(&Span::Strong),
        "em" | "i" | "cite" | "var" | "dfn" => builder.close_span(&Span::Emphasis),
        "code" | "kbd" | "samp" | "tt" => builder.close_span(&Span::Code),
        "del" | "s" | "strike" => builder.close_span(&Span::Strikethrough),
        "a" => builder.close_span(&Span::Link(String::new())),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::blocks_text;

    #[test]
    fn things_that_only_look_like_tags_stay_text() {
        let document = read("<p>Expected Vec<u8>, got Promise<void> and <b>bold</b></p>");
        assert_eq!(
            blocks_text(&document.blocks),
            "Expected Vec<u8>, got Promise<void> and bold"
        );
    }

    #[test]
    fn chrome_is_dropped_with_its_content() {
        let page = "<nav>Home</nav><script>var x = '<p>';</script><p>Text<span hidden>secret</span></p><div class=\"toc x\">contents</div><my-widget>kept</my-widget>";
        assert_eq!(blocks_text(&read(page).blocks), "Text\nkept");
    }

    #[test]
    fn entities_and_preformatted_text() {
        let document = read("<p>a &amp; b&nbsp;c</p><pre>  x <b>=</b> 1\n  y</pre>");
        assert_eq!(blocks_text(&document.blocks), "a & b c\n  x = 1\n  y");
    }
}

//! The one way page text becomes a string literal of the expansion.
//!
//! A raw string (`r#"…"#`) whose fence has one `#` more than the longest run of `#` after a
//! `"` inside the text, so that no text can close it early: rustc then reads the text as it
//! is, where an escaped literal is escaped a character at a time by `proc_macro` and unescaped
//! again by rustc (together 107 M of the 1,304 M instructions rustc spent on a 1,000-entry page,
//! BENCHMARKS.md item 13).
//! Text that a raw string cannot hold (a carriage return, which rustc rejects in raw strings;
//! a run of more `#` than the 255 a fence may have) gets an escaped literal.

extern crate proc_macro;

use proc_macro2::{Literal, TokenStream};
use quote::ToTokens;

/// The most `#` a raw string's fence may have (rustc's limit).
const MAX_FENCE: usize = 255;

/// `text` as a string literal.
pub(super) fn string(text: &str) -> TokenStream {
    raw_string(text)
        .and_then(|raw| lex(&raw))
        .unwrap_or_else(|| Literal::string(text).into_token_stream())
}

/// The literal written as `repr`. Inside a proc macro, by rustc's lexer directly: `proc_macro2`
/// would first check it with its own lexer, unoptimised there, which costs more than escaping
/// saves (`raw_string` writes literals that always lex, tested below). Outside (the CLI, tests),
/// the same literal through `proc_macro2`.
fn lex(repr: &str) -> Option<TokenStream> {
    if proc_macro::is_available() {
        let literal = repr.parse::<proc_macro::Literal>().ok()?;
        Some(proc_macro::TokenStream::from(proc_macro::TokenTree::from(literal)).into())
    } else {
        repr.parse::<Literal>()
            .ok()
            .map(ToTokens::into_token_stream)
    }
}

/// `text` written as a raw string literal, if one can hold it.
fn raw_string(text: &str) -> Option<String> {
    if text.contains('\r') {
        return None;
    }
    let fence = fence_len(text);
    if fence > MAX_FENCE {
        return None;
    }
    let fence = "#".repeat(fence);
    Some(format!("r{fence}\"{text}\"{fence}"))
}

/// How many `#` close a raw string holding `text`: none without a `"`, else one more than the
/// longest run of `#` after a `"`. (Found with `str::find`, std's optimised `memchr`.)
fn fence_len(text: &str) -> usize {
    let mut fence = 0;
    let mut rest = text;
    while let Some(quote) = rest.find('"') {
        rest = &rest[quote + 1..];
        let hashes = rest.len() - rest.trim_start_matches('#').len();
        fence = fence.max(hashes + 1);
    }
    fence
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text rustc reads from the literal.
    fn value(literal: &TokenStream) -> String {
        syn::parse_str::<syn::LitStr>(&literal.to_string())
            .expect("a string literal")
            .value()
    }

    #[test]
    fn every_text_reads_back_as_itself() {
        for text in [
            "",
            "plain",
            "a \"quote\"",
            r##"raw r#"x"# inside"##,
            "\"###\" and \"#",
            "ends with a quote\"",
            "\"#",
            "line\nbreak\ttab \\ backslash",
            "carriage\r\nreturn",
            "\u{0}nul and 错误",
            "*/ fn evil() {} /*",
        ] {
            assert_eq!(value(&string(text)), text, "{text:?}");
            if let Some(raw) = raw_string(text) {
                // What rustc's lexer gets inside a proc macro.
                let literal = syn::parse_str::<syn::LitStr>(&raw).expect("a raw string");
                assert_eq!(literal.value(), text, "{raw}");
            }
        }
    }

    #[test]
    fn the_fence_outnumbers_every_run_of_hashes_after_a_quote() {
        assert_eq!(fence_len("no quote ###"), 0);
        assert_eq!(fence_len("a \"b\""), 1);
        assert_eq!(fence_len("\"## then \"#"), 3);
        assert_eq!(string("\"##x").to_string(), "r###\"\"##x\"###");
    }

    #[test]
    fn text_a_raw_string_cannot_hold_is_escaped() {
        assert_eq!(string("a\rb").to_string(), "\"a\\rb\"");
        let long_run = format!("\"{}", "#".repeat(MAX_FENCE));
        let literal = string(&long_run);
        assert!(literal.to_string().starts_with('"'), "{literal}");
        assert_eq!(value(&literal), long_run);
    }
}

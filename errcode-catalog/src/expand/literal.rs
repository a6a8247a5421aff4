//! The one way page text becomes part of the expansion's source text: as a literal.
//!
//! A raw string (`r#"…"#`) whose fence has one `#` more than the longest run of `#` after a
//! `"` inside the text, so that no text can close it early: rustc then reads the text as it
//! is, where an escaped literal is escaped a character at a time here and unescaped again by
//! rustc (together 107 M of the 1,304 M instructions rustc spent on a 1,000-entry page,
//! BENCHMARKS.md item 13).
//! Text that a raw string cannot hold (a carriage return, which rustc rejects in raw strings;
//! a run of more `#` than the 255 a fence may have) gets an escaped literal. The tables' bytes
//! are byte strings (`byte_string`).

use std::fmt;

/// The source text of a literal, as rustc's lexer reads it: the only way text that is not
/// this crate's own reaches the expansion, besides names from `naming` and the paths and
/// visibility that `options` checked.
pub(super) struct Lit(String);

impl fmt::Display for Lit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The most `#` a raw string's fence may have (rustc's limit).
const MAX_FENCE: usize = 255;

/// `text` as a string literal.
pub(super) fn string(text: &str) -> Lit {
    Lit(raw_string(text).unwrap_or_else(|| format!("\"{}\"", text.escape_debug())))
}

/// `bytes` as a byte string literal: printable ASCII as it is, a zero as `\0` (most bytes of
/// the tables are zeros: half the text of `\x00`, for rustc to read), the rest escaped as
/// std's `escape_ascii` escapes them (`\n`, `\"`, `\x7f`). Written by index into a slice of
/// the longest length: slice indexing is built into the language, where `escape_ascii` goes
/// through the formatting machinery a character at a time, in the unoptimised proc macro.
pub(super) fn byte_string(bytes: &[u8]) -> Lit {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut buffer = vec![0; 3 + 4 * bytes.len()];
    let out: &mut [u8] = &mut buffer;
    out[0] = b'b';
    out[1] = b'"';
    let mut end = 2;
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        let escape = match byte {
            0 => b'0',
            b'\t' => b't',
            b'\r' => b'r',
            b'\n' => b'n',
            b'\\' | b'\'' | b'"' => byte,
            b' '..=b'~' => {
                out[end] = byte;
                end += 1;
                index += 1;
                continue;
            }
            _ => {
                out[end] = b'\\';
                out[end + 1] = b'x';
                out[end + 2] = HEX[usize::from(byte >> 4)];
                out[end + 3] = HEX[usize::from(byte & 0xF)];
                end += 4;
                index += 1;
                continue;
            }
        };
        out[end] = b'\\';
        out[end + 1] = escape;
        end += 2;
        index += 1;
    }
    out[end] = b'"';
    buffer.truncate(end + 1);
    // Every byte written is ASCII, so the conversion cannot fail; were it to, the lossy copy
    // is the same text.
    Lit(String::from_utf8(buffer)
        .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned()))
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
    fn value(literal: &Lit) -> String {
        syn::parse_str::<syn::LitStr>(&literal.0)
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
            let escaped = format!("\"{}\"", text.escape_debug());
            let escaped = syn::parse_str::<syn::LitStr>(&escaped).expect("an escaped string");
            assert_eq!(escaped.value(), text, "{text:?}");
        }
    }

    #[test]
    fn the_fence_outnumbers_every_run_of_hashes_after_a_quote() {
        assert_eq!(fence_len("no quote ###"), 0);
        assert_eq!(fence_len("a \"b\""), 1);
        assert_eq!(fence_len("\"## then \"#"), 3);
        assert_eq!(string("\"##x").0, "r###\"\"##x\"###");
    }

    #[test]
    fn every_byte_reads_back_as_itself() {
        let bytes: Vec<u8> = (0..=255).chain([0, 0, b'0', 0]).collect();
        let literal = syn::parse_str::<syn::LitByteStr>(&byte_string(&bytes).0).expect("bytes");
        assert_eq!(literal.value(), bytes);
    }

    #[test]
    fn bytes_are_escaped_as_std_escapes_them_but_zeros_shorter() {
        let bytes: Vec<u8> = (0..=255).rev().chain(*b"\"'\\ab\x7f").collect();
        let std = format!("b\"{}\"", bytes.escape_ascii()).replace("\\x00", "\\0");
        assert_eq!(byte_string(&bytes).0, std);
        assert_eq!(byte_string(b"").0, "b\"\"");
    }

    #[test]
    fn text_a_raw_string_cannot_hold_is_escaped() {
        assert_eq!(string("a\rb").0, "\"a\\rb\"");
        let long_run = format!("\"{}", "#".repeat(MAX_FENCE));
        let literal = string(&long_run);
        assert!(literal.0.starts_with('"'), "{literal}");
        assert_eq!(value(&literal), long_run);
    }
}

//! Trimming and collapsing white space as std does (`str::trim`, a split and a join), for less.
//!
//! `str::trim` goes through the generic `Pattern` machinery, which is compiled into the calling
//! crate, and cargo compiles proc macros unoptimised: there it costs some 700 instructions a
//! call, and errcode trims every label, cell and field of a page, often more than once
//! (BENCHMARKS.md, item 19). These scan ASCII edges a byte at a time and hand any non-ASCII
//! edge to std, which knows every Unicode white space (`U+3000`, no-break spaces, ...); a text
//! already collapsed (visible ASCII, single spaces) is told by bytes and kept as it is.

/// `str::trim`, `str::trim_start` and `str::trim_end`, with the same results.
pub(crate) trait TrimSpace {
    fn trim_space(&self) -> &str;
    fn trim_space_start(&self) -> &str;
    fn trim_space_end(&self) -> &str;
}

impl TrimSpace for str {
    fn trim_space(&self) -> &str {
        self.trim_space_start().trim_space_end()
    }

    fn trim_space_start(&self) -> &str {
        let bytes = self.as_bytes();
        let mut start = 0;
        while start < bytes.len() && is_ascii_space(bytes[start]) {
            start += 1;
        }
        let rest = &self[start..];
        if start < bytes.len() && may_lead_space(bytes[start]) {
            return rest.trim_start();
        }
        rest
    }

    fn trim_space_end(&self) -> &str {
        let bytes = self.as_bytes();
        let mut end = bytes.len();
        while end > 0 && is_ascii_space(bytes[end - 1]) {
            end -= 1;
        }
        let rest = &self[..end];
        // The last character's first byte is two or three back when it is one of Unicode's
        // spaces (two or three bytes long): only then can std trim more.
        let may_end_in_space =
            (end >= 2 && may_lead_space(bytes[end - 2]) && bytes[end - 1] >= 0x80)
                || (end >= 3 && may_lead_space(bytes[end - 3]));
        if may_end_in_space {
            return rest.trim_end();
        }
        rest
    }
}

/// Visible ASCII words with single spaces between them, and something: what collapsing white
/// space leaves unchanged. Told a byte at a time, cheaper than collapsing (a split and a join)
/// in the unoptimised proc macro.
pub(crate) fn is_collapsed_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'!'..=b'~' => index += 1,
            b' ' if index > 0 && index + 1 < bytes.len() && bytes[index + 1] != b' ' => index += 1,
            _ => return false,
        }
    }
    !bytes.is_empty()
}

/// `text` with each run of white space as one space, none at either end.
pub(crate) fn collapse_white_space(text: String) -> String {
    if is_collapsed_ascii(&text) {
        return text;
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a byte may start one of the white space characters outside ASCII, whose UTF-8
/// starts with `C2` (`U+0085`, `U+00A0`), `E1` (`U+1680`), `E2` (`U+2000`–`U+205F`) or `E3`
/// (`U+3000`): a text that starts with any other character does not start with white space.
fn may_lead_space(byte: u8) -> bool {
    matches!(byte, 0xC2 | 0xE1..=0xE3)
}

/// The ASCII characters with Unicode's White_Space property: tab, line feed, vertical tab, form
/// feed, carriage return and space.
fn is_ascii_space(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_as_a_split_and_a_join_do() {
        for text in [
            "",
            " ",
            "a",
            "a b",
            "a  b",
            " a",
            "a ",
            "a\tb",
            "a\u{7F}b",
            "é  b",
            "x ,y. z!",
            "a\u{3000}b",
            "line\nbreak",
        ] {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_white_space(text.to_owned()), expected, "{text:?}");
        }
    }

    #[test]
    fn trims_as_std_does() {
        let samples = [
            "",
            " ",
            "a",
            "  a b  ",
            "\t\n\u{b}\u{c}\r x \r\n",
            "\u{3000}全角\u{3000}",
            " \u{a0}x\u{a0} ",
            "\u{a0} \u{a0}",
            "é",
            " é ",
            "x\u{200b}",
            "\u{85}x\u{2028}",
            "\u{1680} \u{1680}",
            "错误码",
            " 错误码\u{3000}",
            "\u{3000}\u{3000}",
            "a\u{2003}",
            "\u{2003}a",
            "x\u{205F}",
            "\u{2060}x\u{2060}",
            "\u{1F600} \u{1F600}",
            "é\u{A0}",
            "\u{E1}\u{E2}",
        ];
        // Every white space character and every lead byte, at either end.
        let spaces: Vec<String> = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace() || c.len_utf8() > 1 && (*c as u32) < 0x4000)
            .map(|c| format!("{c}x{c}"))
            .collect();
        for text in samples.into_iter().chain(spaces.iter().map(String::as_str)) {
            assert_eq!(text.trim_space(), text.trim(), "{text:?}");
            assert_eq!(text.trim_space_start(), text.trim_start(), "{text:?}");
            assert_eq!(text.trim_space_end(), text.trim_end(), "{text:?}");
        }
    }
}

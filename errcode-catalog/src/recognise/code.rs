//! What counts as an error code in a heading, a table cell or a glued row.

use crate::catalog::Code;

/// Longest symbolic code accepted (`AuthFailure.SignatureExpire` is 27 characters).
const MAX_SYMBOL_LEN: usize = 80;

/// The integer range errcode keeps as a number: every value fits `i64` or `u64`.
const MIN_CODE: i128 = i64::MIN as i128;
const MAX_CODE: i128 = u64::MAX as i128;

/// Splits a leading integer code (`7400101`, `-3301`, `0x1F`) off `text`.
///
/// The code must stand alone: `3D Touch` or `2.1 Overview` do not start with a code, and
/// `1. Common Error Code` is a numbered heading, not code 1. Returns the code and the rest.
pub(crate) fn leading_integer(text: &str) -> Option<(Code, &str)> {
    let text = text.trim_start();
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (digits, radix, prefix_len) = match unsigned
        .strip_prefix("0x")
        .or_else(|| unsigned.strip_prefix("0X"))
    {
        Some(hex) => (hex, 16, 2),
        None => (unsigned, 10, 0),
    };
    let digit_len = digits
        .bytes()
        .take_while(|b| (*b as char).is_digit(radix))
        .count();
    if digit_len == 0 {
        return None;
    }
    let written_len = usize::from(negative) + prefix_len + digit_len;
    let rest = &text[written_len..];
    if rest.starts_with(|c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | ',')) {
        return None;
    }
    let magnitude = i128::from_str_radix(&digits[..digit_len], radix).ok()?;
    let value = if negative { -magnitude } else { magnitude };
    if !(MIN_CODE..=MAX_CODE).contains(&value) {
        return None;
    }
    Some((Code::Int(value), rest))
}

/// Parses a whole cell or token as an integer code.
pub(crate) fn integer(text: &str) -> Option<Code> {
    let (code, rest) = leading_integer(text)?;
    rest.trim().is_empty().then_some(code)
}

/// A symbolic code: one token of ASCII letters, digits and `._-~:`, with at least one letter
/// (`AuthFailure.SignatureExpire`, `DIS.4100`, `DIS.5000~DIS.5999`, `AccessDenied`).
pub(crate) fn symbolic(text: &str) -> Option<Code> {
    let text = text.trim();
    let valid = !text.is_empty()
        && text.len() <= MAX_SYMBOL_LEN
        && text.bytes().any(|b| b.is_ascii_alphabetic())
        && text
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphanumeric())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-~:".contains(&b));
    valid.then(|| Code::Text(text.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_must_stand_alone() {
        assert_eq!(
            leading_integer("7400101 Invalid"),
            Some((Code::Int(7400101), " Invalid"))
        );
        assert_eq!(
            leading_integer("1007200001参数无效"),
            Some((Code::Int(1007200001), "参数无效"))
        );
        assert_eq!(leading_integer("-3301"), Some((Code::Int(-3301), "")));
        assert_eq!(leading_integer("0x1F: x"), Some((Code::Int(31), ": x")));
        assert_eq!(leading_integer("3D Touch"), None);
        assert_eq!(leading_integer("1. Common Error Code"), None);
        assert_eq!(leading_integer("2.1 Overview"), None);
        assert_eq!(leading_integer("1,000 items"), None);
        assert_eq!(leading_integer("Overview"), None);
        assert_eq!(leading_integer("99999999999999999999999"), None);
    }

    #[test]
    fn symbols_are_single_ascii_tokens_with_a_letter() {
        assert_eq!(symbolic(" DIS.4100 "), Some(Code::Text("DIS.4100".into())));
        assert!(symbolic("DIS.5000~DIS.5999").is_some());
        assert!(symbolic("AuthFailure.SignatureExpire").is_some());
        assert_eq!(symbolic("4100"), None);
        assert_eq!(symbolic("Access denied"), None);
        assert_eq!(symbolic("错误"), None);
        assert_eq!(symbolic("-"), None);
    }
}

//! The one grammar of codes: what, in a heading, a list item, a table cell or a line of text,
//! is an error code, and how strong a sign of one it is.
//!
//! Text is read as tokens: runs of ASCII letters, digits and `_`, joined by `.`, `-`, `:`, `/`
//! or `~` when a letter or digit follows. A token is a code of one of these [`Shape`]s:
//! - a number: decimal (`7400101`), negative (`-1000`), hex (`0x1F`, `0X01010304`); leading
//!   zeros are kept as written (`0003`);
//! - letters and digits (`E0000001`, `P1000`, `08N00`, `YN0000`, `DIS.4100`, `E2BIG`);
//! - a dotted name (`AuthFailure.SignatureExpire`, `Neo.ClientError.Cluster.NotALeader`);
//! - capitals (`EACCES`, `ERR_PNPM_BAD`, `UNKNOWN`);
//! - camel case with two humps or more (`AccessDenied`);
//! - lower-case snake case (`access_denied`) or lower camel case (`clientVersion`).
//!
//! What is not a code: plain words (`Overview`, `Continue`), classes of codes (`4xx`, `10XX`),
//! versions and decimals (`1.5`, `2.0.1`), units and ordinals (`10ms`, `2nd`), lower-case
//! words with digits (`utf8`, `v2`), paths and other joined words. A range of two symbolic
//! codes (`DIS.5000~DIS.5999`) is one code, written as the range; a range of numbers
//! (`1000-1099`) names a group of codes and is not one.
//!
//! Numbers are kept as `i64` or `u64` values; a number outside both is an error at its place
//! (`CodeError::TooLarge`), never silently something else.
//!
//! (Long because the one grammar of codes belongs in one place; 140 of its 449 lines are tests.)

use std::ops::Range;

use crate::catalog::Code;
use crate::white_space::TrimSpace;

/// The largest code errcode can hold, and the smallest.
pub(crate) const MAX_CODE: i128 = u64::MAX as i128;
pub(crate) const MIN_CODE: i128 = i64::MIN as i128;

/// Longest token read as a symbolic code.
const MAX_SYMBOL_LEN: usize = 80;

/// The shape of a code, strongest sign of a code first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Shape {
    /// `7400101`, `-1`, `0x1F`.
    Number,
    /// Letters and digits: `E0000001`, `DIS.4100`.
    Alnum,
    /// `AuthFailure.SignatureExpire`.
    Dotted,
    /// `EACCES`, `ERR_PNPM_BAD`.
    Capitals,
    /// `AccessDenied`.
    Camel,
    /// `access_denied`, `clientVersion`.
    Snake,
}

impl Shape {
    /// Whether a code of this shape has digits: numbers and alphanumeric codes are rarely
    /// anything else, names can be.
    pub(crate) fn has_digits(self) -> bool {
        matches!(self, Shape::Number | Shape::Alnum)
    }
}

/// A code found in text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CodeToken {
    /// Its value.
    pub(crate) code: Code,
    /// As written.
    pub(crate) written: String,
    /// Its shape.
    pub(crate) shape: Shape,
    /// Where it is in the text it was read from.
    pub(crate) range: Range<usize>,
}

/// A token of text. Only a code is copied out of the text: most tokens are words that nothing
/// keeps, and a string each would be an allocation per word of the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Token {
    /// A code.
    Code(CodeToken),
    /// Anything else, where it is in the text: a word, a class of codes, a path.
    Word(Range<usize>),
    /// A number too large for any integer type, where it is in the text.
    TooLarge(Range<usize>),
}

impl Token {
    /// Where the token is in its text.
    pub(crate) fn range(&self) -> &Range<usize> {
        match self {
            Token::Code(code) => &code.range,
            Token::Word(range) | Token::TooLarge(range) => range,
        }
    }

    /// The token as written in `text`, the text it was read from.
    pub(crate) fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.range().clone()]
    }
}

fn is_token_byte(byte: u8) -> bool {
    matches!(byte, b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_')
}

fn is_joiner(byte: u8) -> bool {
    matches!(byte, b'.' | b'-' | b':' | b'/' | b'~')
}

/// The tokens of `text`, in order.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    Tokens::of(text).collect()
}

/// The tokens of `text` one at a time, for callers that stop early: whether a cell or line is
/// one code is decided by its first two tokens, not by classifying all of a long description.
/// Every character a token holds is ASCII, so the text is read by bytes: a byte of a wider
/// character is never part of a token. (This runs over every text of the page, in the
/// unoptimised build cargo gives proc macros, where decoding characters costs more than the
/// rest of the grammar.)
pub(crate) struct Tokens<'a> {
    text: &'a str,
    start: usize,
}

impl<'a> Tokens<'a> {
    pub(crate) fn of(text: &'a str) -> Self {
        Tokens { text, start: 0 }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        // By index, without `get` and closures: each is a call per byte unoptimised.
        let bytes = self.text.as_bytes();
        let mut start = self.start;
        while start < bytes.len() {
            let first = bytes[start];
            let negative = first == b'-'
                && !(start > 0 && is_token_byte(bytes[start - 1]))
                && start + 1 < bytes.len()
                && bytes[start + 1].is_ascii_digit();
            if !is_token_byte(first) && !negative {
                start += 1;
                continue;
            }
            let mut end = start + 1;
            while end < bytes.len() {
                let next = bytes[end];
                let joined =
                    is_joiner(next) && end + 1 < bytes.len() && is_token_byte(bytes[end + 1]);
                if !is_token_byte(next) && !joined {
                    break;
                }
                end += 1;
            }
            self.start = end;
            return Some(classify(&self.text[start..end], start..end));
        }
        self.start = start;
        None
    }
}

/// A letter, then small letters only (or nothing).
fn is_plain_word(bytes: &[u8]) -> bool {
    if bytes
        .first()
        .is_some_and(|byte| !byte.is_ascii_alphabetic())
    {
        return false;
    }
    let mut index = 1;
    while index < bytes.len() {
        if !bytes[index].is_ascii_lowercase() {
            return false;
        }
        index += 1;
    }
    true
}

/// The error for a number at the start of `text` that no integer type holds (`## 99999999999999999999999 Too Big`),
/// if there is one.
pub(crate) fn too_large_at_start(text: &str) -> Option<String> {
    let trimmed = text.trim_space_start();
    let first = Tokens::of(trimmed).next()?;
    match first {
        Token::TooLarge(range) if range.start == 0 => Some(too_large(&trimmed[range])),
        _ => None,
    }
}

/// What to say of a number too large for any integer type.
pub(crate) fn too_large(written: &str) -> String {
    format!(
        "code `{written}` is too large: errcode holds numeric codes from {MIN_CODE} to {MAX_CODE} (`i64` and `u64`); write it as code (`` `{written}` ``) to keep it as a name, or fix the page"
    )
}

/// The whole of `text` (trimmed) as one code, if it is one.
pub(crate) fn code(text: &str) -> Option<CodeToken> {
    let trimmed = text.trim_space();
    let offset = text.len() - text.trim_space_start().len();
    let mut tokens = Tokens::of(trimmed);
    match (tokens.next(), tokens.next()) {
        (Some(Token::Code(code)), None) if code.range == (0..trimmed.len()) => Some(CodeToken {
            range: offset..offset + trimmed.len(),
            ..code
        }),
        _ => None,
    }
}

/// The number written in `digits` in base 16, as a table column headed "hex" writes codes
/// without `0x` (`2001010A`).
pub(crate) fn hex(text: &str) -> Option<CodeToken> {
    let trimmed = text.trim_space();
    let digits = trimmed
        .strip_prefix("0x")
        .or_else(|| trimmed.strip_prefix("0X"))
        .unwrap_or(trimmed);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let value = i128::from_str_radix(digits, 16).ok()?;
    (value <= MAX_CODE).then(|| CodeToken {
        code: Code::Int(value),
        written: trimmed.to_owned(),
        shape: Shape::Number,
        range: 0..trimmed.len(),
    })
}

/// Parses a number as errcode writes codes: decimal with an optional `-`, or `0x` hex.
/// `None` for anything else; `Some(Err)` for a number outside `i64::MIN..=u64::MAX`.
pub fn number(text: &str) -> Option<Result<i128, ()>> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (digits, radix) = match unsigned
        .strip_prefix("0x")
        .or_else(|| unsigned.strip_prefix("0X"))
    {
        Some(hex) => (hex, 16),
        None => (unsigned, 10),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let value = i128::from_str_radix(digits, radix)
        .ok()
        .map(|magnitude| if negative { -magnitude } else { magnitude })
        .filter(|value| (MIN_CODE..=MAX_CODE).contains(value));
    Some(value.ok_or(()))
}

fn classify(written: &str, range: Range<usize>) -> Token {
    // Most tokens are words in small letters, capitalised or not, which no rule below makes a
    // code (a code needs a digit, a second capital, or a `_`, `.`, `-` or `~`).
    if is_plain_word(written.as_bytes()) {
        return Token::Word(range);
    }
    let word = || Token::Word(range.clone());
    let code = |code: Code, shape: Shape| {
        Token::Code(CodeToken {
            code,
            written: written.to_owned(),
            shape,
            range: range.clone(),
        })
    };
    if let Some(value) = number(written) {
        return match value {
            Ok(value) => code(Code::Int(value), Shape::Number),
            Err(()) => Token::TooLarge(range),
        };
    }
    // Bytes, not a pattern of two `char`s: `memchr` instead of a generic searcher, which costs
    // many times more per call in the unoptimised build cargo gives proc macros.
    let bytes = written.as_bytes();
    if written.len() > MAX_SYMBOL_LEN || bytes.contains(&b':') || bytes.contains(&b'/') {
        return word();
    }
    if let Some((first, second)) = written.split_once('~') {
        return match (symbol_shape(first), symbol_shape(second)) {
            (Some(a), Some(b)) if a == b && a != Shape::Number => {
                code(Code::Text(written.to_owned()), a)
            }
            _ => word(),
        };
    }
    match symbol_shape(written) {
        Some(shape) => code(Code::Text(written.to_owned()), shape),
        None => word(),
    }
}

/// The shape of a token that is not a number, if it is a code.
fn symbol_shape(text: &str) -> Option<Shape> {
    if number(text).is_some_and(|value| value.is_ok()) {
        return Some(Shape::Number);
    }
    // One pass over the bytes: tokens are ASCII (see `tokens`).
    let (mut uppers, mut lowers, mut digits) = (0, 0, 0);
    for &byte in text.as_bytes() {
        match byte {
            b'A'..=b'Z' => uppers += 1,
            b'a'..=b'z' => lowers += 1,
            b'0'..=b'9' => digits += 1,
            _ => {}
        }
    }
    let letters = uppers + lowers;
    if letters == 0 {
        // Digits joined by `.` or `-`: a version, a date or a range of numbers.
        return None;
    }
    let first = text.chars().next()?;
    if !first.is_ascii_alphanumeric() {
        return None;
    }
    if digits > 0 {
        let class = text
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .chars()
            .all(|c| c == 'x' || c == 'X');
        // `4xx`, `10XX`: a class of codes. `10ms`, `2nd`, `utf8`: words.
        return (!class && uppers > 0).then_some(Shape::Alnum);
    }
    if text.contains('.') {
        let dotted = text
            .split('.')
            .all(|part| part.chars().next().is_some_and(|c| c.is_ascii_uppercase()));
        return dotted.then_some(Shape::Dotted);
    }
    let joined = text.as_bytes().contains(&b'_') || text.as_bytes().contains(&b'-');
    if lowers == 0 {
        return (letters >= 2).then_some(Shape::Capitals);
    }
    if uppers == 0 {
        return (text.contains('_')).then_some(Shape::Snake);
    }
    if joined {
        // `CQ_AlREADY_EXIST`: mostly capitals, one slip.
        return (uppers * 2 > letters && text.contains('_')).then_some(Shape::Capitals);
    }
    if first.is_ascii_uppercase() {
        // `AccessDenied`: a capital after the first letter, with small letters between.
        let humps = uppers - 1;
        return (humps >= 1).then_some(Shape::Camel);
    }
    Some(Shape::Snake)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(text: &str) -> Vec<(String, Option<Shape>)> {
        tokens(text)
            .into_iter()
            .map(|token| match token {
                Token::Code(code) => (code.written, Some(code.shape)),
                token => (token.text(text).to_owned(), None),
            })
            .collect()
    }

    fn shape(text: &str) -> Option<Shape> {
        code(text).map(|code| code.shape)
    }

    #[test]
    fn numbers_in_every_spelling() {
        assert_eq!(code("7400101").unwrap().code, Code::Int(7400101));
        assert_eq!(code(" -1000 ").unwrap().code, Code::Int(-1000));
        assert_eq!(code("0x1F").unwrap().code, Code::Int(31));
        let upper = code("0X01010304").unwrap();
        assert_eq!(
            (upper.code, upper.written.as_str()),
            (Code::Int(0x01010304), "0X01010304")
        );
        assert_eq!(code("0003").unwrap().written, "0003");
        assert_eq!(hex("2001010A").unwrap().code, Code::Int(0x2001010A));
        assert_eq!(hex("0x2FFFFFFF").unwrap().code, Code::Int(0x2FFFFFFF));
        assert!(hex("2001-0A").is_none());
    }

    #[test]
    fn numbers_too_large_are_errors_not_words() {
        assert!(matches!(
            tokens("99999999999999999999999 Too Big").first(),
            Some(Token::TooLarge(..))
        ));
        assert_eq!(number("18446744073709551615"), Some(Ok(u64::MAX as i128)));
        assert_eq!(number("18446744073709551616"), Some(Err(())));
        assert_eq!(number("-9223372036854775809"), Some(Err(())));
    }

    #[test]
    fn symbolic_shapes() {
        assert_eq!(shape("E0000001"), Some(Shape::Alnum));
        assert_eq!(shape("08N00"), Some(Shape::Alnum));
        assert_eq!(shape("DIS.4100"), Some(Shape::Alnum));
        assert_eq!(shape("AuthFailure.SignatureExpire"), Some(Shape::Dotted));
        assert_eq!(
            shape("Neo.ClientError.Cluster.NotALeader"),
            Some(Shape::Dotted)
        );
        assert_eq!(shape("ERR_PNPM_UNEXPECTED_STORE"), Some(Shape::Capitals));
        assert_eq!(shape("EACCES"), Some(Shape::Capitals));
        assert_eq!(shape("CQ_AlREADY_EXIST"), Some(Shape::Capitals));
        assert_eq!(shape("AccessDenied"), Some(Shape::Camel));
        assert_eq!(shape("access_denied"), Some(Shape::Snake));
        assert_eq!(shape("clientVersion"), Some(Shape::Snake));
        assert_eq!(shape("DIS.5000~DIS.5999"), Some(Shape::Alnum));
    }

    #[test]
    fn what_is_not_a_code() {
        for text in [
            "Overview",
            "continue",
            "4xx",
            "10XX",
            "1.5",
            "2.0.1",
            "10ms",
            "2nd",
            "utf8",
            "pkg/apic/ErrX",
            "c:macro",
            "e.g",
            "1000-1099",
            "Non-Authoritative",
            "I",
        ] {
            assert_eq!(shape(text), None, "{text}");
        }
    }

    #[test]
    fn tokens_between_wide_characters_keep_their_byte_places() {
        let text = "错误码-1001：请求AV_ERR_X失败，见 ERR.a。";
        let tokens = tokens(text);
        let found: Vec<(&str, Range<usize>)> = tokens
            .iter()
            .map(|token| match token {
                Token::Code(code) => (code.written.as_str(), code.range.clone()),
                token => (token.text(text), token.range().clone()),
            })
            .collect();
        assert_eq!(
            found,
            [("-1001", 9..14), ("AV_ERR_X", 23..31), ("ERR.a", 44..49)]
        );
    }

    #[test]
    fn tokens_with_their_places() {
        assert_eq!(
            shapes("### -1000 UNKNOWN"),
            [
                ("-1000".to_owned(), Some(Shape::Number)),
                ("UNKNOWN".to_owned(), Some(Shape::Capitals))
            ]
        );
        assert_eq!(
            shapes("{{HTTPStatus(100, \"100 Continue\")}}"),
            [
                ("HTTPStatus".to_owned(), Some(Shape::Camel)),
                ("100".to_owned(), Some(Shape::Number)),
                ("100".to_owned(), Some(Shape::Number)),
                ("Continue".to_owned(), None)
            ]
        );
        assert_eq!(
            shapes("YN0000 - `UNNAMED`; 1000-1099, Error: x."),
            [
                ("YN0000".to_owned(), Some(Shape::Alnum)),
                ("UNNAMED".to_owned(), Some(Shape::Capitals)),
                ("1000-1099".to_owned(), None),
                ("Error".to_owned(), None),
                ("x".to_owned(), None)
            ]
        );
        let found = tokens("错误码：-3 。");
        let [Token::Code(code)] = found.as_slice() else {
            panic!("one code: {found:?}")
        };
        assert_eq!(code.range, 12..14);
    }
}

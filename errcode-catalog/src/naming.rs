//! Rust names for enums and variants (the naming rules of the README).
//!
//! Names are built from a filtered alphabet (ASCII letters and digits, UpperCamelCase), so page
//! text can never produce an invalid identifier, a keyword, or a name that trips a lint.

use crate::catalog::Code;
use crate::white_space::TrimSpace;

/// Words dropped from headings and file names before `Error` is appended
/// (`Camera Error Codes` → `CameraError`, `errorcode-camera` → `CameraError`).
const NOISE_WORDS: &[&str] = &[
    "err",
    "error",
    "errors",
    "errorcode",
    "errorcodes",
    "errcode",
    "errcodes",
    "code",
    "codes",
];

/// UpperCamelCase from the ASCII words of `text`: `AV_ERR_FAILED` → `AvErrFailed`,
/// `Read/Write Operation` → `ReadWriteOperation`. Words written in capitals become
/// capitalised; other words keep their inner capitals (`PixelMap`).
pub(crate) fn upper_camel(text: &str) -> String {
    camel(&words(text))
}

fn camel(words: &[String]) -> String {
    let mut name = String::new();
    for word in words {
        push_camel_word(&mut name, word);
    }
    name
}

fn words(text: &str) -> Vec<String> {
    words_up_to(text, usize::MAX)
}

/// The words of `text`: runs of ASCII letters, digits and apostrophes (`'`, `’`), apostrophes
/// dropped (`don't` → `dont`); past `limit` words it stops, so a long message costs no more than
/// a title. Scanned a byte at a time: this runs over every entry's title or message, in the
/// unoptimised build cargo gives proc macros, where splitting by a `char` predicate costs
/// several times more.
fn words_up_to(text: &str, limit: usize) -> Vec<String> {
    const RIGHT_QUOTE: &[u8] = "’".as_bytes();
    let bytes = text.as_bytes();
    let mut words = Vec::new();
    let (mut start, mut index, mut has_apostrophe) = (0, 0, false);
    while index <= bytes.len() && words.len() <= limit {
        let width = match bytes.get(index) {
            Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9') => 1,
            Some(b'\'') => 1,
            Some(_) if bytes[index..].starts_with(RIGHT_QUOTE) => RIGHT_QUOTE.len(),
            _ => 0,
        };
        if width > 0 {
            has_apostrophe |= !matches!(bytes[index], b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9');
            index += width;
            continue;
        }
        // A separator (or the end) after a run: every run starts at an ASCII byte or a `’`,
        // so slicing is at character boundaries even when a separator is several bytes long.
        if start < index {
            let written = &text[start..index];
            let word = if has_apostrophe {
                written.replace(['\'', '’'], "")
            } else {
                written.to_owned()
            };
            if !word.is_empty() {
                words.push(word);
            }
        }
        has_apostrophe = false;
        index += 1;
        start = index;
    }
    words
}

/// A word with its first letter in capitals and, when it is all capitals, the rest in small
/// letters (`ERROR` → `Error`, `iPhone` → `IPhone`).
fn push_camel_word(name: &mut String, word: &str) {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return;
    };
    name.push(first.to_ascii_uppercase());
    let rest = chars.as_str();
    if has_ascii_lowercase(word) {
        name.push_str(rest);
    } else {
        name.push_str(&rest.to_ascii_lowercase());
    }
}

fn has_ascii_lowercase(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index].is_ascii_lowercase() {
            return true;
        }
        index += 1;
    }
    false
}

/// True when `text` has letters outside ASCII (a Chinese title cannot name a variant).
fn has_foreign_letters(text: &str) -> bool {
    // Most texts are ASCII, told a byte at a time before any `char` is decoded.
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() && bytes[index] < 0x80 {
        index += 1;
    }
    text[index..]
        .chars()
        .any(|c| c.is_alphanumeric() && !c.is_ascii())
}

/// Most words a name taken from a title or message may have: more, and it is a sentence, not
/// a name, and the next source is tried.
const MAX_NAME_WORDS: usize = 12;

/// Longest name, in characters, errcode makes from page text.
const MAX_NAME_CHARS: usize = 96;

/// A variant name from English text (a title or a message), if it is ASCII and short enough;
/// a longer text is cut to its first sentence (`Failed to turn camera on. This error may occur
/// when...` → `FailedToTurnCameraOn`).
pub(crate) fn from_english(text: &str) -> Option<String> {
    name_from_words(text).or_else(|| name_from_words(first_sentence(text)))
}

fn name_from_words(text: &str) -> Option<String> {
    if has_foreign_letters(text) {
        return None;
    }
    let words = words_up_to(text, MAX_NAME_WORDS);
    if words.len() > MAX_NAME_WORDS {
        return None;
    }
    bounded(camel(&words))
}

/// A variant name from a symbol (`AV_ERR_REPEATED_OPERATION`), after removing `strip_prefix`.
pub(crate) fn from_symbol(symbol: &str, strip_prefix: Option<&str>) -> Option<String> {
    let symbol = strip_prefix
        .and_then(|prefix| symbol.strip_prefix(prefix))
        .unwrap_or(symbol);
    if has_foreign_letters(symbol) {
        return None;
    }
    bounded(upper_camel(symbol))
}

fn bounded(name: String) -> Option<String> {
    (!name.is_empty() && name.len() <= MAX_NAME_CHARS).then(|| valid_start(name))
}

/// The text up to the end of its first sentence or clause (`. `, `; `, `! `, `? `, ` - `).
fn first_sentence(text: &str) -> &str {
    const SEPARATORS: [&str; 7] = [". ", "; ", "! ", "? ", " - ", " — ", "。"];
    let text = text.trim_space();
    // One pass, trying the separators only at bytes that start one (`。` starts with `E3`),
    // where a search per separator costs a searcher each in the unoptimised proc macro.
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        if matches!(bytes[index], b'.' | b';' | b'!' | b'?' | b' ' | 0xE3)
            && SEPARATORS
                .iter()
                .any(|separator| bytes[index..].starts_with(separator.as_bytes()))
        {
            return &text[..index];
        }
        index += 1;
    }
    text
}

/// `E7400101`, or `ENeg3301` for a negative code.
pub(crate) fn from_code(code: &Code) -> String {
    format!("E{}", code_suffix(code))
}

/// What a clash appends: the code's digits (`Neg3301` when negative) or its symbol in camel case.
pub(crate) fn code_suffix(code: &Code) -> String {
    match code {
        Code::Int(value) if *value < 0 => format!("Neg{}", value.unsigned_abs()),
        Code::Int(value) => value.to_string(),
        Code::Text(text) => upper_camel(text),
    }
}

/// Names must not start with a digit; `Self` is the one keyword UpperCamelCase can spell.
fn valid_start(name: String) -> String {
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("E{name}")
    } else if name == "Self" {
        "SelfError".to_owned()
    } else {
        name
    }
}

/// An enum name from a page title: its words without `Error`/`Codes`, then `Error`.
/// `None` for a title with other letters (`ArkTS API错误码`: the file name says more) or with
/// nothing left.
pub(crate) fn enum_from_title(title: &str) -> Option<String> {
    if has_foreign_letters(title) {
        return None;
    }
    enum_from_words(title)
}

/// An enum name from a section heading: its ASCII words without `Error`/`Codes`, then
/// `Error` (`isSupport返回错误码` → `IsSupportError`). `None` when no word of two letters is
/// left (`错误码`, `1. 客户端错误码`).
pub(crate) fn enum_from_heading(heading: &str) -> Option<String> {
    let ascii: String = heading
        .chars()
        .map(|c| if c.is_ascii() { c } else { ' ' })
        .collect();
    let named = words(&ascii).iter().any(|word| {
        word.chars().filter(char::is_ascii_alphabetic).count() >= 2
            && !NOISE_WORDS.contains(&word.to_ascii_lowercase().as_str())
    });
    named.then(|| enum_from_words(&ascii)).flatten()
}

/// An enum name from the symbols of its entries: the words they all start with
/// (`ERROR_DEVICE_UNKNOWN`, `ERROR_DEVICE_BUSY` → `DeviceError`), when there are some.
pub(crate) fn enum_from_symbols<'a>(symbols: impl Iterator<Item = &'a str>) -> Option<String> {
    let split = |symbol: &'a str| -> Vec<&'a str> {
        symbol
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty())
            .collect()
    };
    let mut common: Option<Vec<&str>> = None;
    for symbol in symbols {
        let parts = split(symbol);
        common = Some(match common {
            None => parts,
            Some(common) => common
                .into_iter()
                .zip(parts)
                .take_while(|(a, b)| a.eq_ignore_ascii_case(b))
                .map(|(a, _)| a)
                .collect(),
        });
    }
    let common = common?;
    // The last shared word of one symbol is the whole symbol: not a prefix.
    enum_from_heading(&common.join(" "))
}

/// An enum name from a file stem, ignoring letters outside ASCII (`call-service` →
/// `CallServiceError`); `CatalogError` when nothing is left.
pub(crate) fn enum_from_stem(stem: &str) -> String {
    let ascii: String = stem
        .chars()
        .map(|c| if c.is_ascii() { c } else { ' ' })
        .collect();
    enum_from_words(&ascii).unwrap_or_else(|| "CatalogError".to_owned())
}

fn enum_from_words(text: &str) -> Option<String> {
    let kept: Vec<String> = words(text)
        .into_iter()
        .filter(|word| !NOISE_WORDS.contains(&word.to_ascii_lowercase().as_str()))
        .collect();
    if kept.is_empty() {
        return None;
    }
    let name = camel(&kept);
    Some(valid_start(format!("{name}Error")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_sentence_ends_where_the_first_separator_starts() {
        // The definition, written the short way.
        let by_search = |text: &str| {
            let text = text.trim();
            let end = [". ", "; ", "! ", "? ", " - ", " — ", "。"]
                .iter()
                .filter_map(|separator| text.find(separator))
                .min()
                .unwrap_or(text.len());
            text[..end].to_owned()
        };
        for text in [
            "Failed to turn camera on. This error may occur when...",
            "One; two. three",
            "a - b — c",
            "a — b - c",
            "没有权限。请检查",
            "No separator",
            "Ends with a dot.",
            " 1.5 seconds. Then ",
            "",
            "?! ",
        ] {
            assert_eq!(first_sentence(text), by_search(text), "{text:?}");
        }
    }

    #[test]
    fn words_are_runs_of_ascii_letters_digits_and_apostrophes() {
        // The definition the byte scanner implements, written the short way.
        let by_split = |text: &str| -> Vec<String> {
            text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'' || c == '’'))
                .map(|word| word.replace(['\'', '’'], ""))
                .filter(|word| !word.is_empty())
                .collect()
        };
        for text in [
            "",
            "Camera is busy.",
            "don't  stop’n go'",
            "' ’ '' x",
            "café au lait: résumé",
            "错误码 7400101 相机 busy",
            "a’b‘c”d",
            "AV_ERR_REPEATED_OPERATION",
            "trailing-dash- ",
        ] {
            assert_eq!(words(text), by_split(text), "{text:?}");
        }
        assert_eq!(
            words_up_to("one two three four", 2),
            ["one", "two", "three"]
        );
    }

    #[test]
    fn variant_names() {
        assert_eq!(
            from_english("Invalid Parameter").as_deref(),
            Some("InvalidParameter")
        );
        assert_eq!(
            from_english("Unsupported Metadata Read/Write Operation").as_deref(),
            Some("UnsupportedMetadataReadWriteOperation")
        );
        assert_eq!(
            from_english("Invalid parameter value.").as_deref(),
            Some("InvalidParameterValue")
        );
        assert_eq!(
            from_english("Can't use ${name}").as_deref(),
            Some("CantUseName")
        );
        assert_eq!(from_english("3D failure").as_deref(), Some("E3dFailure"));
        assert_eq!(from_english("self").as_deref(), Some("SelfError"));
        assert_eq!(from_english("参数无效"), None);
        assert_eq!(
            from_english("Failed to turn camera on. This error may occur when the driver fails.")
                .as_deref(),
            Some("FailedToTurnCameraOn")
        );
        assert_eq!(
            from_english("A communication error occurred while requesting the server - Failed to fetch the address").as_deref(),
            Some("ACommunicationErrorOccurredWhileRequestingTheServer")
        );
        assert_eq!(
            from_english("one two three four five six seven eight nine ten eleven twelve thirteen"),
            None
        );
        assert_eq!(from_english(&"x".repeat(1000)), None);
        assert_eq!(from_english("..."), None);
        assert_eq!(
            from_symbol("AV_ERR_REPEATED_OPERATION", None).as_deref(),
            Some("AvErrRepeatedOperation")
        );
        assert_eq!(
            from_symbol("AV_ERR_REPEATED_OPERATION", Some("AV_ERR_")).as_deref(),
            Some("RepeatedOperation")
        );
        assert_eq!(
            from_symbol("AuthFailure.SignatureExpire", None).as_deref(),
            Some("AuthFailureSignatureExpire")
        );
        assert_eq!(from_code(&Code::Int(7400101)), "E7400101");
        assert_eq!(from_code(&Code::Int(-3301)), "ENeg3301");
        assert_eq!(code_suffix(&Code::Text("DIS.4100".into())), "Dis4100");
    }

    #[test]
    fn enum_names() {
        assert_eq!(
            enum_from_heading("Camera Error Codes").as_deref(),
            Some("CameraError")
        );
        assert_eq!(
            enum_from_heading("AVSDK Client Error Codes").as_deref(),
            Some("AvsdkClientError")
        );
        assert_eq!(
            enum_from_heading("AVSDK Service Side Error").as_deref(),
            Some("AvsdkServiceSideError")
        );
        assert_eq!(
            enum_from_heading("Non-interactive Broadcasting Error Codes").as_deref(),
            Some("NonInteractiveBroadcastingError")
        );
        assert_eq!(
            enum_from_heading("ArkTS API错误码").as_deref(),
            Some("ArkTSApiError")
        );
        assert_eq!(enum_from_heading("1. 客户端错误码"), None);
        assert_eq!(
            enum_from_symbols(["ERROR_DEVICE_UNKNOWN", "ERROR_DEVICE_BUSY"].into_iter()).as_deref(),
            Some("DeviceError")
        );
        assert_eq!(enum_from_symbols(["A_B", "C_D"].into_iter()), None);
        assert_eq!(enum_from_heading("Error Codes"), None);
        assert_eq!(enum_from_stem("call-service"), "CallServiceError");
        assert_eq!(enum_from_stem("errorcode-camera"), "CameraError");
        assert_eq!(enum_from_stem("错误码"), "CatalogError");
    }
}

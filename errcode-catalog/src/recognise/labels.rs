//! The label vocabulary: which field a label paragraph or a column header names.
//!
//! A label is matched case-insensitively, ignoring a trailing colon, first exactly against
//! the vocabulary, then by a keyword it contains ("Suggested Solution" is a solution). A label
//! that matches nothing is kept as a named extra field, never dropped.

use crate::catalog::FieldKind;
use crate::white_space::{TrimSpace, collapse_white_space, is_collapsed_ascii};

/// Exact labels, lower case.
const EXACT: &[(FieldKind, &[&str])] = &[
    (
        FieldKind::Message,
        &[
            "error message",
            "message",
            "message text",
            "error text",
            "text",
            "error info",
            "错误信息",
            "错误消息",
            "报错信息",
            "错误提示",
        ],
    ),
    (
        FieldKind::Description,
        &[
            "error description",
            "description",
            "meaning",
            "details",
            "错误描述",
            "描述",
            "说明",
            "错误说明",
            "含义",
        ],
    ),
    (
        FieldKind::Causes,
        &[
            "possible cause",
            "possible causes",
            "cause",
            "causes",
            "reason",
            "reasons",
            "可能原因",
            "原因",
            "错误原因",
        ],
    ),
    (
        FieldKind::Solutions,
        &[
            "solution",
            "solutions",
            "procedure",
            "handling",
            "handling procedure",
            "suggestion",
            "suggestions",
            "处理步骤",
            "解决方法",
            "解决方案",
            "处理方法",
            "处理措施",
            "处理建议",
        ],
    ),
    (
        FieldKind::Title,
        &["error type", "title", "错误类型", "错误名称"],
    ),
];

/// Keywords that classify a longer label ("Suggested Solution", "状态消息").
const KEYWORDS: &[(FieldKind, &[&str])] = &[
    (
        FieldKind::Solutions,
        &[
            "solution",
            "suggest",
            "procedure",
            "handling",
            "处理",
            "解决",
            "措施",
            "建议",
        ],
    ),
    (FieldKind::Causes, &["cause", "reason", "原因"]),
    (
        FieldKind::Description,
        &["description", "meaning", "detail", "说明", "描述", "含义"],
    ),
    (FieldKind::Message, &["message", "信息", "消息"]),
];

/// The field a label names, or `FieldKind::Other` for a label outside the vocabulary.
pub(crate) fn field_kind(label: &str) -> FieldKind {
    let label = normalize(label);
    for (kind, words) in EXACT {
        if words.contains(&label.as_str()) {
            return *kind;
        }
    }
    for (kind, words) in KEYWORDS {
        if words.iter().any(|word| label.contains(word)) {
            return *kind;
        }
    }
    FieldKind::Other
}

/// True when `label` is in the exact vocabulary (used for `Label: text` in plain prose, where
/// anything looser would turn sentences into fields).
pub(crate) fn is_known_label(label: &str) -> bool {
    let label = normalize(label);
    EXACT
        .iter()
        .any(|(_, words)| words.contains(&label.as_str()))
}

/// `text` without the colons (`:`, `：`) that end it.
pub(crate) fn trim_end_colons(text: &str) -> &str {
    // `strip_suffix` with one `char` at a time: a pattern of two `char`s costs many times more
    // per call in the unoptimised build cargo gives proc macros, and labels are tried by the
    // thousand.
    let mut text = text;
    while let Some(rest) = text.strip_suffix(':').or_else(|| text.strip_suffix('：')) {
        text = rest;
    }
    text
}

/// Whether `text` starts with a colon (`:`, `：`).
pub(crate) fn starts_with_colon(text: &str) -> bool {
    text.starts_with(':') || text.starts_with('：')
}

/// Whether `text` ends with a colon (`:`, `：`).
pub(crate) fn ends_with_colon(text: &str) -> bool {
    text.ends_with(':') || text.ends_with('：')
}

/// Lower case, single spaces, no trailing colon.
pub(crate) fn normalize(label: &str) -> String {
    let trimmed = trim_end_colons(label.trim_space()).trim_space();
    if is_collapsed_ascii(trimmed) {
        // Most labels: nothing to collapse, and std's `to_lowercase` is compiled optimised
        // into std, where a copy a byte at a time runs unoptimised in the proc macro.
        return trimmed.to_lowercase();
    }
    collapse_white_space(trimmed.to_owned()).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colon_helpers_agree_with_char_patterns() {
        for text in [
            "",
            ":",
            "Cause:",
            "原因：",
            "a:：:",
            "：a",
            ": a",
            "no colon",
            "x::y",
        ] {
            assert_eq!(trim_end_colons(text), text.trim_end_matches([':', '：']));
            assert_eq!(ends_with_colon(text), text.ends_with([':', '：']));
            assert_eq!(starts_with_colon(text), text.starts_with([':', '：']));
        }
    }

    #[test]
    fn english_and_chinese_labels() {
        assert_eq!(field_kind("Error Message"), FieldKind::Message);
        assert_eq!(field_kind("错误信息 "), FieldKind::Message);
        assert_eq!(field_kind("Possible Causes:"), FieldKind::Causes);
        assert_eq!(field_kind("处理步骤"), FieldKind::Solutions);
        assert_eq!(field_kind("Suggested Solution"), FieldKind::Solutions);
        assert_eq!(field_kind("Error Description"), FieldKind::Description);
        assert_eq!(field_kind("Error Type"), FieldKind::Title);
        assert_eq!(field_kind("Applicable Version"), FieldKind::Other);
    }

    #[test]
    fn labels_are_compared_in_small_letters_with_single_spaces() {
        assert_eq!(normalize("Error Message:"), "error message");
        assert_eq!(normalize("  Error \t\x0b Message\n:"), "error message");
        assert_eq!(normalize("Possible  Causes："), "possible causes");
        assert_eq!(normalize("ÉRREUR  Détail :"), "érreur détail");
    }

    #[test]
    fn only_exact_labels_are_known() {
        assert!(is_known_label("Error Message:"));
        assert!(!is_known_label("The reason it failed"));
    }
}

//! Constants in a code block: a C header's `#define SQLITE_BUSY 5 /* The database file is
//! locked */` lines, or an enum's `E_BUSY = 5, // The device is busy` members. Each definition
//! is an entry: the name is its symbol, the number its code, the comment its message.
//!
//! Code blocks are examples far more often than catalogs, so a block counts only when every
//! line of it is a definition, a comment or a brace of the declaration around them, with at
//! least [`MIN_DEFINITIONS`] definitions; and the page reads such blocks only when nothing else
//! on it is a list of entries (`Walk::read_constants`). The comments and braces are kept as
//! prose, so no text is lost.

use super::code::{self, CodeToken, Shape};
use super::lead::Named;
use super::{FoundEntry, FoundField};
use crate::catalog::{Code, FieldKind};
use crate::document::{Block, BlockKind, Inline};
use crate::white_space::TrimSpace;

/// Fewest definitions that make a block a list of codes rather than an example.
const MIN_DEFINITIONS: usize = 3;

/// The entries of a code block of constant definitions, and the block's other lines
/// (comments, braces) as a code block to keep as prose; `None` when the block is not one.
pub(crate) fn entries(
    block: &Block,
    section: Option<usize>,
) -> Option<(Vec<FoundEntry>, Option<Block>)> {
    let BlockKind::Code(text) = &block.kind else {
        return None;
    };
    let mut entries = Vec::new();
    let mut rest = String::new();
    for line in text.lines() {
        let line = line.trim_space();
        if line.is_empty() {
            continue;
        }
        if let Some(definition) = definition(line) {
            entries.extend(entry(definition, block.offset, section));
        } else if is_comment(line) || is_brace(line) {
            rest.push_str(line);
            rest.push('\n');
        } else {
            return None;
        }
    }
    if entries.len() < MIN_DEFINITIONS {
        return None;
    }
    let rest = (!rest.is_empty()).then(|| Block::new(block.offset, BlockKind::Code(rest)));
    Some((entries, rest))
}

/// Whether a block is a list of constant definitions (see [`entries`]).
pub(crate) fn is_listing(block: &Block) -> bool {
    entries(block, None).is_some()
}

/// One definition: the symbol, the number, and the comment.
struct Definition<'a> {
    name: &'a str,
    number: CodeToken,
    comment: &'a str,
}

/// `#define NAME VALUE [comment]` or `NAME = VALUE[,;] [comment]`; the value may be in
/// parentheses (`(-1)`) and carry C's integer suffixes (`2L`). Anything else after the value (an expression) is not a definition.
fn definition(line: &str) -> Option<Definition<'_>> {
    let (name, after) = match line.strip_prefix("#define") {
        Some(rest) if rest.starts_with([' ', '\t']) => {
            let rest = rest.trim_space_start();
            let end = rest.find([' ', '\t'])?;
            (&rest[..end], &rest[end..])
        }
        Some(_) => return None,
        None => {
            let (name, after) = line.split_once('=')?;
            (name.trim_space(), after)
        }
    };
    let symbol = code::code(name)?;
    if !matches!(symbol.code, Code::Text(_)) || symbol.written != name {
        return None;
    }
    let after = after.trim_space_start();
    let value_end = after
        .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '/' | '#'))
        .unwrap_or(after.len());
    let written = &after[..value_end];
    let unwrapped = written
        .strip_prefix('(')
        .and_then(|inner| inner.strip_suffix(')'))
        .unwrap_or(written);
    // C's integer suffixes: `2L`, `0x80000000UL`.
    let unwrapped = unwrapped.trim_end_matches(['u', 'U', 'l', 'L']);
    let number = code::code(unwrapped).filter(|token| token.shape == Shape::Number)?;
    let trailing = after[value_end..].trim_space_start();
    let trailing = trailing
        .strip_prefix([',', ';'])
        .unwrap_or(trailing)
        .trim_space_start();
    let comment = if trailing.is_empty() {
        ""
    } else {
        comment_text(trailing)?
    };
    Some(Definition {
        name,
        number,
        comment,
    })
}

/// The text of a comment that is the whole of `text`: `/* ... */`, `// ...` or `# ...`.
fn comment_text(text: &str) -> Option<&str> {
    let inner = if let Some(block) = text.strip_prefix("/*") {
        block.strip_suffix("*/")?
    } else if let Some(line) = text.strip_prefix("//") {
        line
    } else {
        text.strip_prefix('#')?
    };
    Some(inner.trim_space())
}

fn is_comment(line: &str) -> bool {
    !line.starts_with("#define") && comment_text(line).is_some()
}

/// `typedef enum {`, `enum Status {`, `}`, `};`, `} status_t;`: the declaration around
/// the definitions.
fn is_brace(line: &str) -> bool {
    let opens = line.ends_with('{') && !line.contains(['}', '=', '(']);
    let closes = line.starts_with('}') && !line.contains(['{', '=', '(']);
    opens || closes
}

fn entry(definition: Definition<'_>, offset: usize, section: Option<usize>) -> Vec<FoundEntry> {
    let fields = if definition.comment.is_empty() {
        Vec::new()
    } else {
        let text = vec![Inline::Text(definition.comment.to_owned())];
        vec![FoundField {
            kind: FieldKind::Message,
            label: String::new(),
            offset,
            blocks: vec![Block::new(offset, BlockKind::Paragraph(text))],
        }]
    };
    let named = Named {
        codes: vec![definition.number],
        symbol: Some(definition.name.to_owned()),
        title: None,
    };
    named.entries(offset, section, fields, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(text: &str) -> Block {
        Block::new(7, BlockKind::Code(text.to_owned()))
    }

    fn found(text: &str) -> Vec<(String, i128, String)> {
        let (entries, _) = entries(&block(text), None).expect("a listing");
        entries
            .into_iter()
            .map(|entry| {
                let message = entry
                    .fields
                    .first()
                    .map(|field| crate::document::blocks_text(&field.blocks))
                    .unwrap_or_default();
                let Code::Int(value) = entry.code else {
                    panic!("a number")
                };
                (entry.symbol.unwrap(), value, message)
            })
            .collect()
    }

    #[test]
    fn c_defines_with_comments() {
        let text = "#define SQLITE_OK           0   /* Successful result */\n/* beginning-of-error-codes */\n#define SQLITE_ERROR        1   /* SQL error or missing database */\n#define SQLITE_ROW         100  /* sqlite3_step() has another row ready */\n";
        assert_eq!(
            found(text),
            [
                ("SQLITE_OK".into(), 0, "Successful result".into()),
                (
                    "SQLITE_ERROR".into(),
                    1,
                    "SQL error or missing database".into()
                ),
                (
                    "SQLITE_ROW".into(),
                    100,
                    "sqlite3_step() has another row ready".into()
                ),
            ]
        );
        let (_, rest) = entries(&block(text), None).unwrap();
        assert_eq!(
            rest.map(|b| b.kind),
            Some(BlockKind::Code("/* beginning-of-error-codes */\n".into()))
        );
    }

    #[test]
    fn enum_members_hex_and_negative_values() {
        let text = "typedef enum {\n    E_OK = 0,        // done\n    E_BUSY = 0x10,   // busy\n    E_FAIL = (-1)\n} status_t;\n";
        assert_eq!(
            found(text),
            [
                ("E_OK".into(), 0, "done".into()),
                ("E_BUSY".into(), 16, "busy".into()),
                ("E_FAIL".into(), -1, String::new()),
            ]
        );
        let windows = "#define ERROR_SUCCESS 0L\n#define ERROR_FILE_NOT_FOUND 2L\n#define ERROR_ACCESS_DENIED 5L\n";
        assert_eq!(
            found(windows)[2],
            ("ERROR_ACCESS_DENIED".into(), 5, String::new())
        );
    }

    #[test]
    fn examples_are_not_listings() {
        // Too few definitions.
        assert!(!is_listing(&block("#define A_B 1\n#define C_D 2\n")));
        // A statement among them.
        assert!(!is_listing(&block(
            "#define A_B 1\n#define C_D 2\n#define E_F 3\nprintf(\"%d\", A_B);\n"
        )));
        // Values that are expressions, and names that are not symbols.
        assert!(!is_listing(&block(
            "#define A_B (1 << 8)\n#define C_D 2\n#define E_F 3\n"
        )));
        assert!(!is_listing(&block("x = 1\ny = 2\nz = 3\n")));
        assert!(!is_listing(&block("let a = 1;\nlet b = 2;\nlet c = 3;\n")));
    }
}

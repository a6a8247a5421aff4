//! Problems found in a page or an invocation, kept as values until the one place that
//! reports them: `compile_error!` in the macro, `path:line:col: error: ...` in the CLI.
//!
//! Messages follow the house style: lower case, no final period, the offending item in
//! backticks, a hint after `;`.

use std::cell::OnceCell;
use std::fmt;

use crate::options::OptionSpot;

/// How bad a problem is. The macro fails on errors; `errcode check` also shows warnings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The page can still be expanded.
    Warning,
    /// The expansion is wrong or impossible.
    Error,
}

/// A place in a page: its path as shown to users, and a 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// The page path, relative to the invoking crate.
    pub path: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

impl Position {
    /// `path:line:column`.
    pub fn new(path: &str, line: u32, column: u32) -> Self {
        Position {
            path: path.to_owned(),
            line,
            column,
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path, self.line, self.column)
    }
}

/// One problem.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong and what to do.
    pub message: String,
    /// Where in the page (several for a conflict, such as a code defined twice).
    pub positions: Vec<Position>,
    /// The option at fault, when the problem is in the invocation rather than the page.
    pub option: Option<OptionSpot>,
}

impl Diagnostic {
    /// An error at positions in the page.
    pub fn error(message: impl Into<String>, positions: Vec<Position>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            positions,
            option: None,
        }
    }

    /// A warning at positions in the page.
    pub fn warning(message: impl Into<String>, positions: Vec<Position>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            message: message.into(),
            positions,
            option: None,
        }
    }

    /// An error in an option of the invocation.
    pub fn option_error(message: impl Into<String>, option: OptionSpot) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            positions: Vec::new(),
            option: Some(option),
        }
    }

    /// True for errors (the macro fails on them; warnings are for `errcode check`).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The message with each position on a line of its own, as the macro shows it:
    /// `message\n  --> docs-src/x.md:42:1`.
    pub fn render(&self) -> String {
        let mut text = self.message.clone();
        for position in &self.positions {
            text.push_str(&format!("\n  --> {position}"));
        }
        text
    }
}

/// Maps byte offsets of a page to lines and columns. The page is indexed when the first
/// position is asked for: most pages have no diagnostics, and the checks that might report
/// one each hold an index.
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: OnceCell<Vec<usize>>,
}

impl<'a> LineIndex<'a> {
    /// An index of `text`, built on first use.
    pub fn new(text: &'a str) -> Self {
        LineIndex {
            text,
            line_starts: OnceCell::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        // A loop over the bytes by index: in the unoptimised build cargo gives proc macros,
        // `find('\n')` costs more to set up for each (short) line than it saves.
        self.line_starts.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let mut starts = vec![0];
            let mut index = 0;
            while index < bytes.len() {
                if bytes[index] == b'\n' {
                    starts.push(index + 1);
                }
                index += 1;
            }
            starts
        })
    }

    /// The place of a byte offset in the page shown as `path`.
    pub fn position(&self, path: &str, offset: usize) -> Position {
        let (line, column) = self.line_column(offset);
        Position::new(path, line, column)
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line_starts = self.line_starts();
        let line = line_starts
            .partition_point(|start| *start <= offset)
            .saturating_sub(1);
        let start = line_starts[line];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |prefix| prefix.chars().count());
        (line as u32 + 1, column as u32 + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_are_one_based_and_count_characters() {
        let index = LineIndex::new("ab\n错误c\n");
        assert_eq!(index.line_column(0), (1, 1));
        assert_eq!(index.line_column(3), (2, 1));
        assert_eq!(index.line_column(9), (2, 3));
        assert_eq!(index.line_column(1000), (3, 1));
    }

    #[test]
    fn rendering_lists_every_position() {
        let at = |line| Position {
            path: "docs-src/x.md".into(),
            line,
            column: 1,
        };
        let diagnostic = Diagnostic::error("code `1` is defined twice", vec![at(3), at(9)]);
        assert_eq!(
            diagnostic.render(),
            "code `1` is defined twice\n  --> docs-src/x.md:3:1\n  --> docs-src/x.md:9:1"
        );
    }
}

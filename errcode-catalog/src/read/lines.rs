//! Pages saved as text are read line by line: each line with its byte offset in the page.

use crate::white_space::TrimSpace;

/// A line of a page, without its line break.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Line<'a> {
    /// Byte offset of the line's first character in the page.
    pub(super) offset: usize,
    /// The line's text.
    pub(super) text: &'a str,
}

impl<'a> Line<'a> {
    /// Whether the line holds only white space.
    pub(super) fn is_blank(&self) -> bool {
        self.text.trim_space().is_empty()
    }

    /// How many columns of white space it starts with (a tab counts as one).
    pub(super) fn indent(&self) -> usize {
        self.text.len() - self.text.trim_space_start().len()
    }

    /// The line without its first `columns` columns of white space.
    pub(super) fn dedent(&self, columns: usize) -> Line<'a> {
        let cut = columns.min(self.indent());
        Line {
            offset: self.offset + cut,
            text: &self.text[cut..],
        }
    }

    /// The line's text without white space around it, and the offset of that text.
    pub(super) fn trimmed(&self) -> (usize, &'a str) {
        (self.offset + self.indent(), self.text.trim_space())
    }
}

/// The lines of a page.
pub(super) fn lines(text: &str) -> Vec<Line<'_>> {
    let mut offset = 0;
    text.split('\n')
        .map(|line| {
            let start = offset;
            offset += line.len() + 1;
            Line {
                offset: start,
                text: line.strip_suffix('\r').unwrap_or(line),
            }
        })
        .collect()
}

/// The first line from `at` that is not blank (or the end).
pub(super) fn skip_blank(lines: &[Line<'_>], mut at: usize) -> usize {
    while at < lines.len() && lines[at].is_blank() {
        at += 1;
    }
    at
}

/// Where the block of lines indented by more than `indent` that starts at `start` ends: at the
/// first line that is not blank and not indented that deeply.
pub(super) fn indented_end(lines: &[Line<'_>], start: usize, indent: usize) -> usize {
    let mut end = start;
    let mut last_text = start;
    while end < lines.len() && (lines[end].is_blank() || lines[end].indent() > indent) {
        if !lines[end].is_blank() {
            last_text = end + 1;
        }
        end += 1;
    }
    last_text.max(start)
}

/// The smallest indentation of the lines that hold text.
pub(super) fn common_indent(lines: &[Line<'_>]) -> usize {
    lines
        .iter()
        .filter(|line| !line.is_blank())
        .map(Line::indent)
        .min()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_their_offsets_and_indentation() {
        let all = lines("a\r\n  b\n\n    c\nd");
        assert_eq!(all[1].offset, 3);
        assert_eq!(all[1].indent(), 2);
        assert_eq!(all[1].dedent(1).text, " b");
        assert_eq!(indented_end(&all, 1, 0), 4);
        assert_eq!(common_indent(&all[1..4]), 2);
        assert_eq!(all[3].trimmed(), (12, "c"));
    }
}

//! The lock file: `camera.md.lock` beside `camera.md`, one line per code, in a small subset of
//! TOML that any TOML reader accepts:
//!
//! ```toml
//! # The variant names of camera.md's codes, kept when the page's wording changes.
//! page = "camera.md"
//!
//! [CameraError]
//! 7400101 = { variant = "InvalidParameter", message = "Parameter missing or parameter type incorrect." }
//! "AuthFailure.SignatureExpire" = { variant = "SignatureExpire", message = "The signature expired." }
//! ```
//!
//! The subset is read here, by hand: a general TOML parser would add its crates to the build
//! of every crate that uses the macro, for a file of three kinds of line. Comments, blank lines,
//! `page = "..."`, `[EnumName]`, and `code = { variant = "...", message = "..." }` with basic
//! strings and their escapes; anything else is an error naming its line and column.
//!
//! (Long because its reader and writer of the TOML subset are one concept; 74 of its 432 lines are tests.)

use std::fmt::Write as _;

/// A lock file, read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lock {
    /// The file name of the page it locks, and its line.
    pub page: Option<(String, u32)>,
    /// The enums, in file order.
    pub enums: Vec<LockedEnum>,
}

/// An enum of the lock: its name and codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockedEnum {
    /// The enum's name.
    pub name: String,
    /// The line of its `[Name]`.
    pub line: u32,
    /// Its codes, in file order.
    pub codes: Vec<LockedCode>,
}

/// A code of the lock: the name its variant keeps, and the message the page gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockedCode {
    /// The code, as the catalog writes it (`7400101`, `AuthFailure.SignatureExpire`).
    pub code: String,
    /// The variant's name.
    pub variant: String,
    /// The message the page gave when the lock was written.
    pub message: String,
    /// Its line.
    pub line: u32,
}

/// A line of the lock that is not in the subset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockSyntaxError {
    /// 1-based line.
    pub line: u32,
    /// 1-based column (in characters).
    pub column: u32,
    /// What is wrong.
    pub message: String,
}

impl Lock {
    /// Reads a lock file.
    pub fn parse(text: &str) -> Result<Lock, LockSyntaxError> {
        let mut lock = Lock {
            page: None,
            enums: Vec::new(),
        };
        for (index, line) in text.lines().enumerate() {
            let number = index as u32 + 1;
            let mut cursor = Cursor {
                line,
                at: 0,
                number,
            };
            cursor.skip_space();
            if cursor.done() {
                continue;
            }
            if cursor.eat('[') {
                let name = cursor.bare_key()?;
                cursor.skip_space();
                cursor.expect(']')?;
                cursor.end()?;
                lock.enums.push(LockedEnum {
                    name,
                    line: number,
                    codes: Vec::new(),
                });
                continue;
            }
            let key = cursor.key()?;
            cursor.skip_space();
            cursor.expect('=')?;
            cursor.skip_space();
            match lock.enums.last_mut() {
                None if key == "page" => {
                    let page = cursor.string()?;
                    cursor.end()?;
                    lock.page = Some((page, number));
                }
                None => {
                    return Err(cursor.error(format!(
                        "expected `page = \"...\"` or an `[EnumName]` line before `{key}`"
                    )));
                }
                Some(locked) => {
                    let (variant, message) = cursor.entry()?;
                    cursor.end()?;
                    locked.codes.push(LockedCode {
                        code: key,
                        variant,
                        message,
                        line: number,
                    });
                }
            }
        }
        Ok(lock)
    }

    /// The lock as `errcode lock` writes it, with a header that says what it is.
    pub fn write(&self) -> String {
        let mut out = String::new();
        out.push_str(
            "# The variant names errcode gives this page's codes, kept when the page's wording\n\
             # changes. Written by `errcode lock`; edit a name here to rename its variant.\n\
             # Codes the page no longer lists stay as deprecated variants until `errcode lock --prune`.\n",
        );
        if let Some((page, _)) = &self.page {
            let _ = writeln!(out, "page = {}", quoted(page));
        }
        for locked in &self.enums {
            let _ = write!(out, "\n[{}]\n", locked.name);
            for code in &locked.codes {
                let _ = writeln!(
                    out,
                    "{} = {{ variant = {}, message = {} }}",
                    key(&code.code),
                    quoted(&code.variant),
                    quoted(&code.message)
                );
            }
        }
        out
    }
}

/// A key as TOML writes it: bare when it can be.
fn key(text: &str) -> String {
    if !text.is_empty() && text.chars().all(is_bare) {
        text.to_owned()
    } else {
        quoted(text)
    }
}

fn is_bare(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// A TOML basic string.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A place in one line of the lock.
struct Cursor<'a> {
    line: &'a str,
    at: usize,
    number: u32,
}

impl Cursor<'_> {
    fn rest(&self) -> &str {
        &self.line[self.at..]
    }

    fn done(&self) -> bool {
        self.rest().is_empty() || self.rest().starts_with('#')
    }

    fn skip_space(&mut self) {
        let rest = self.rest();
        self.at += rest.len() - rest.trim_start_matches([' ', '\t']).len();
    }

    fn eat(&mut self, c: char) -> bool {
        if self.rest().starts_with(c) {
            self.at += c.len_utf8();
            true
        } else {
            false
        }
    }

    fn error(&self, message: String) -> LockSyntaxError {
        LockSyntaxError {
            line: self.number,
            column: self.line[..self.at].chars().count() as u32 + 1,
            message,
        }
    }

    fn found(&self) -> String {
        match self.rest().chars().next() {
            Some(c) => format!("`{c}`"),
            None => "the end of the line".to_owned(),
        }
    }

    fn expect(&mut self, c: char) -> Result<(), LockSyntaxError> {
        if self.eat(c) {
            Ok(())
        } else {
            Err(self.error(format!("expected `{c}`, found {}", self.found())))
        }
    }

    /// Nothing but a comment after the line's content.
    fn end(&mut self) -> Result<(), LockSyntaxError> {
        self.skip_space();
        if self.done() {
            Ok(())
        } else {
            Err(self.error(format!(
                "expected the end of the line, found {}",
                self.found()
            )))
        }
    }

    fn bare_key(&mut self) -> Result<String, LockSyntaxError> {
        let length = self.rest().len() - self.rest().trim_start_matches(is_bare).len();
        if length == 0 {
            return Err(self.error(format!("expected a name, found {}", self.found())));
        }
        let key = self.rest()[..length].to_owned();
        self.at += length;
        Ok(key)
    }

    fn key(&mut self) -> Result<String, LockSyntaxError> {
        if self.rest().starts_with('"') {
            self.string()
        } else {
            self.bare_key()
        }
    }

    /// A basic string: `"..."` with TOML's escapes.
    fn string(&mut self) -> Result<String, LockSyntaxError> {
        self.expect('"')?;
        let mut text = String::new();
        loop {
            let Some(c) = self.rest().chars().next() else {
                return Err(self.error("this string is not closed with `\"`".to_owned()));
            };
            self.at += c.len_utf8();
            match c {
                '"' => return Ok(text),
                '\\' => text.push(self.escape()?),
                c => text.push(c),
            }
        }
    }

    fn escape(&mut self) -> Result<char, LockSyntaxError> {
        let Some(c) = self.rest().chars().next() else {
            return Err(self.error("expected an escape after `\\`".to_owned()));
        };
        self.at += c.len_utf8();
        let digits = match c {
            '"' => return Ok('"'),
            '\\' => return Ok('\\'),
            'n' => return Ok('\n'),
            't' => return Ok('\t'),
            'r' => return Ok('\r'),
            'b' => return Ok('\u{8}'),
            'f' => return Ok('\u{c}'),
            'u' => 4,
            'U' => 8,
            other => {
                self.at -= other.len_utf8();
                return Err(self.error(format!("unknown escape `\\{other}`")));
            }
        };
        let hex = self.rest().get(..digits).unwrap_or("");
        let scalar = u32::from_str_radix(hex, 16)
            .ok()
            .filter(|_| hex.len() == digits)
            .and_then(char::from_u32)
            .ok_or_else(|| self.error(format!("expected {digits} hex digits of a character")))?;
        self.at += digits;
        Ok(scalar)
    }

    /// `{ variant = "...", message = "..." }`, the two keys in any order.
    fn entry(&mut self) -> Result<(String, String), LockSyntaxError> {
        self.expect('{')?;
        let (mut variant, mut message) = (None, None);
        loop {
            self.skip_space();
            if self.eat('}') {
                break;
            }
            if variant.is_some() || message.is_some() {
                self.expect(',')?;
                self.skip_space();
            }
            let start = self.at;
            let key = self.bare_key()?;
            self.skip_space();
            self.expect('=')?;
            self.skip_space();
            let value = self.string()?;
            let slot = match key.as_str() {
                "variant" => &mut variant,
                "message" => &mut message,
                _ => {
                    self.at = start;
                    return Err(self.error(format!(
                        "unknown key `{key}`; a code has `variant` and `message`"
                    )));
                }
            };
            if slot.replace(value).is_some() {
                self.at = start;
                return Err(self.error(format!("`{key}` is given twice")));
            }
        }
        match variant {
            Some(variant) => Ok((variant, message.unwrap_or_default())),
            None => Err(self.error("this code has no `variant`".to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = "# comment\npage = \"camera.md\"\n\n[CameraError]\n7400101 = { variant = \"InvalidParameter\", message = \"Bad \\\"input\\\".\" }\n\"AuthFailure.SignatureExpire\" = { message = \"签名过期\\n。\", variant = \"SignatureExpire\" } # note\n-3301 = { variant = \"Negative\", message = \"\" }\n";

    #[test]
    fn a_lock_reads_and_writes_back_the_same() {
        let lock = Lock::parse(LOCK).unwrap();
        assert_eq!(lock.page, Some(("camera.md".to_owned(), 2)));
        let codes = &lock.enums[0].codes;
        assert_eq!(lock.enums[0].name, "CameraError");
        assert_eq!(codes[0].message, "Bad \"input\".");
        assert_eq!(codes[1].code, "AuthFailure.SignatureExpire");
        assert_eq!(codes[1].message, "签名过期\n。");
        assert_eq!(codes[2].code, "-3301");
        assert_eq!(codes[2].line, 7);
        let written = lock.write();
        assert!(written.contains("\n\"AuthFailure.SignatureExpire\" = { variant = \"SignatureExpire\", message = \"签名过期\\n。\" }\n"), "{written}");
        let again = Lock::parse(&written).unwrap();
        let codes_of = |lock: &Lock| -> Vec<(String, String, String)> {
            lock.enums[0]
                .codes
                .iter()
                .map(|c| (c.code.clone(), c.variant.clone(), c.message.clone()))
                .collect()
        };
        assert_eq!(codes_of(&again), codes_of(&lock));
        assert_eq!(
            again.page.map(|(page, _)| page),
            Some("camera.md".to_owned())
        );
    }

    #[test]
    fn lines_outside_the_subset_are_errors_at_their_column() {
        let error = |text: &str| {
            let error = Lock::parse(text).unwrap_err();
            (error.line, error.column, error.message)
        };
        assert_eq!(
            error("[A]\n1 = { variant = \"X\" \n"),
            (2, 21, "expected `,`, found the end of the line".to_owned())
        );
        assert_eq!(
            error("[A]\n1 = { name = \"X\" }\n"),
            (
                2,
                7,
                "unknown key `name`; a code has `variant` and `message`".to_owned()
            )
        );
        assert_eq!(
            error("1 = { variant = \"X\" }\n"),
            (
                1,
                5,
                "expected `page = \"...\"` or an `[EnumName]` line before `1`".to_owned()
            )
        );
        assert_eq!(
            error("[A]\n1 = { variant = \"X\\q\" }\n"),
            (2, 20, "unknown escape `\\q`".to_owned())
        );
        assert_eq!(
            error("[A]\n1 = { message = \"X\" }\n"),
            (2, 22, "this code has no `variant`".to_owned())
        );
        assert_eq!(
            error("[A] x\n"),
            (1, 5, "expected the end of the line, found `x`".to_owned())
        );
    }
}

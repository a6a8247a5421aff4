//! An option's value before it means anything: what the macro's tokens and the CLI's
//! `--opt key=value` arguments both turn into, so that one setter ([`super::Options::set`])
//! decides what every option means.

/// An option's value, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A string literal (`"AV_ERR_"`), unescaped; in `--opt`, a quoted value.
    Text(String),
    /// An identifier, a path, an integer or a visibility written as tokens (`CameraError`,
    /// `serde::Serialize`, `-5`, `pub(crate)`).
    Word(String),
    /// An unquoted `--opt` value: a string, a word or a number, whatever the option takes.
    Bare(String),
    /// `{ key = value, ... }`.
    Map(Vec<(Value, Value)>),
    /// `(value, ...)`, as in `derive(...)`.
    List(Vec<Value>),
}

impl Value {
    /// The text of a string, word or bare value.
    pub fn text(&self) -> Option<&str> {
        match self {
            Value::Text(text) | Value::Word(text) | Value::Bare(text) => Some(text),
            Value::Map(_) | Value::List(_) => None,
        }
    }

    /// An `--opt` value: `"quoted"` (with Rust's escapes), `{ key = value, ... }`,
    /// `(value, ...)`, or anything else as it stands.
    pub fn parse(text: &str) -> Result<Value, String> {
        let mut parser = Parser { rest: text.trim() };
        let value = parser.value(true)?;
        if parser.rest.trim().is_empty() {
            Ok(value)
        } else {
            Err(format!(
                "unexpected `{}` after the value",
                parser.rest.trim()
            ))
        }
    }
}

struct Parser<'a> {
    rest: &'a str,
}

impl Parser<'_> {
    /// A value; `whole` when it runs to the end of the text (a bare value may then hold
    /// commas and spaces).
    fn value(&mut self, whole: bool) -> Result<Value, String> {
        self.rest = self.rest.trim_start();
        if let Some(rest) = self.rest.strip_prefix('"') {
            let (text, after) = unescape(rest)?;
            self.rest = after;
            return Ok(Value::Text(text));
        }
        if let Some(rest) = self.rest.strip_prefix('{') {
            self.rest = rest;
            let items = self.items('}', |parser| {
                let key = parser.value(false)?;
                parser.expect('=')?;
                Ok((key, parser.value(false)?))
            })?;
            return Ok(Value::Map(items));
        }
        if let Some(rest) = self.rest.strip_prefix('(') {
            self.rest = rest;
            return Ok(Value::List(self.items(')', |parser| parser.value(false))?));
        }
        let end = if whole {
            self.rest.len()
        } else {
            self.rest
                .find([',', '=', '}', ')'])
                .unwrap_or(self.rest.len())
        };
        let (bare, rest) = self.rest.split_at(end);
        self.rest = rest;
        let bare = bare.trim();
        if bare.is_empty() {
            return Err("expected a value".to_owned());
        }
        Ok(Value::Bare(bare.to_owned()))
    }

    fn items<T>(
        &mut self,
        close: char,
        mut item: impl FnMut(&mut Self) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        let mut items = Vec::new();
        loop {
            self.rest = self.rest.trim_start();
            if let Some(rest) = self.rest.strip_prefix(close) {
                self.rest = rest;
                return Ok(items);
            }
            items.push(item(self)?);
            self.rest = self.rest.trim_start();
            if let Some(rest) = self.rest.strip_prefix(',') {
                self.rest = rest;
            } else if !self.rest.starts_with(close) {
                return Err(format!("expected `,` or `{close}`"));
            }
        }
    }

    fn expect(&mut self, c: char) -> Result<(), String> {
        match self.rest.trim_start().strip_prefix(c) {
            Some(rest) => {
                self.rest = rest;
                Ok(())
            }
            None => Err(format!("expected `{c}`")),
        }
    }
}

/// The text of a string literal whose opening quote is already read, and what follows it.
fn unescape(text: &str) -> Result<(String, &str), String> {
    let mut out = String::new();
    let mut chars = text.char_indices();
    while let Some((index, c)) = chars.next() {
        match c {
            '"' => return Ok((out, &text[index + 1..])),
            '\\' => {
                let (_, escaped) = chars.next().ok_or("unterminated string")?;
                match escaped {
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    '0' => out.push('\0'),
                    '\\' | '"' | '\'' => out.push(escaped),
                    'u' => {
                        let rest = &text[index + 2..];
                        let close = rest.find('}').ok_or("unterminated `\\u{...}`")?;
                        let digits = rest
                            .get(1..close)
                            .filter(|_| rest.starts_with('{'))
                            .ok_or("expected `\\u{...}`")?;
                        let c = u32::from_str_radix(digits, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or_else(|| format!("`\\u{{{digits}}}` is not a character"))?;
                        out.push(c);
                        for _ in 0..=close {
                            chars.next();
                        }
                    }
                    other => return Err(format!("unknown escape `\\{other}`")),
                }
            }
            c => out.push(c),
        }
    }
    Err("unterminated string".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bare(text: &str) -> Value {
        Value::Bare(text.to_owned())
    }

    #[test]
    fn quoted_and_bare_values() {
        assert_eq!(
            Value::parse(r#""AV_ERR_""#),
            Ok(Value::Text("AV_ERR_".into()))
        );
        assert_eq!(
            Value::parse(r#""a \"b\"\n\u{4e2d}""#),
            Ok(Value::Text("a \"b\"\n中".into()))
        );
        assert_eq!(
            Value::parse("AVSDK Client Error Codes"),
            Ok(bare("AVSDK Client Error Codes"))
        );
        assert_eq!(Value::parse(" pub(crate) "), Ok(bare("pub(crate)")));
        assert!(Value::parse(r#""open"#).is_err());
        assert!(Value::parse(r#""a" b"#).is_err());
    }

    #[test]
    fn maps_and_lists() {
        assert_eq!(
            Value::parse(r#"{ 10009 = ServerRoomNotExist, "AuthFailure" = Auth, -5 = Minus }"#),
            Ok(Value::Map(vec![
                (bare("10009"), bare("ServerRoomNotExist")),
                (Value::Text("AuthFailure".into()), bare("Auth")),
                (bare("-5"), bare("Minus")),
            ]))
        );
        assert_eq!(
            Value::parse("(serde::Serialize, Default,)"),
            Ok(Value::List(vec![bare("serde::Serialize"), bare("Default")]))
        );
        assert!(Value::parse("{ 1 = A").is_err());
        assert!(Value::parse("{ 1 A }").is_err());
    }
}

//! The lead of a unit, the text that names it (a heading, a list item's or a definition's
//! first line, a paragraph's first words), and the rule that finds a list of entries among
//! sibling units: most of them carry a code in the same place.
//!
//! The place is read from the run itself. Words that most units share (`Error` in
//! `Error 1000: hashchk`, `HTTPStatus` in `{{HTTPStatus(100, "100 Continue")}}`) are the run's
//! template and are skipped; the first token after them must be a code, or a name followed by a
//! number (`E_WIDGET_BUSY (12)`: the number is the code, the name its symbol). What follows the
//! code is a symbol when most units write one there (`-1000 UNKNOWN`, ``YN0000 - `UNNAMED` ``,
//! `P6000 (ServerError)`), else the entry's title (`7400101 Invalid Parameter`). Several codes
//! in a row (`Errors 2006, 2007 or 2106`) each make an entry with the same text.
//!
//! (Long because the rule of a run is one decision read in one sitting; 169 of its 768 lines are tests.)

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use super::code::{self, CodeToken, Shape, Token};
use super::{FoundEntry, FoundField};
use crate::document::Inline;
use crate::quick_hash::QuickHash;
use crate::white_space::TrimSpace;

/// Characters that separate a code from what follows it (`401 - Denied`, `401：拒绝`).
const SEPARATORS: &[char] = &[
    ':', '：', '-', '–', '—', '|', '.', '、', ',', '，', ';', '=', '>', ' ', '\t', '\n',
];

/// Words that join several codes of one unit (`2006, 2007 or 2106`).
const CODE_JOINERS: &[&str] = &["or", "and", "&", "/", ",", "、", "，"];

/// The text that names a unit, and its tokens.
#[derive(Clone, Debug)]
pub(crate) struct Lead {
    pub(crate) text: String,
    pub(crate) tokens: Vec<Token>,
    /// Byte ranges of `text` the page writes as inline code.
    code_spans: Vec<Range<usize>>,
}

/// What a unit of a list of entries names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Named {
    /// The code, or several (`Errors 2006, 2007 or 2106`).
    pub(crate) codes: Vec<CodeToken>,
    /// The page's symbol for the code.
    pub(crate) symbol: Option<String>,
    /// The text after the code.
    pub(crate) title: Option<String>,
}

impl Named {
    /// One entry per code, each with these fields (copied for all codes but the last, which
    /// takes them: most units name one code).
    pub(crate) fn entries(
        &self,
        offset: usize,
        section: Option<usize>,
        fields: Vec<FoundField>,
        anchor: Option<String>,
    ) -> Vec<FoundEntry> {
        let entry = |code: &CodeToken, fields: Vec<FoundField>| FoundEntry {
            list: 0,
            code: code.code.clone(),
            written: code.written.clone(),
            offset,
            section,
            symbol: self.symbol.clone(),
            title: self.title.clone(),
            fields,
            anchor: anchor.clone(),
        };
        let Some((last, others)) = self.codes.split_last() else {
            return Vec::new();
        };
        let mut entries: Vec<FoundEntry> = others
            .iter()
            .map(|code| entry(code, fields.clone()))
            .collect();
        entries.push(entry(last, fields));
        entries
    }
}

/// Where a unit carries its code: the token's index, and the index of a name before it.
#[derive(Clone, Copy)]
struct Place {
    code: usize,
    name: Option<usize>,
}

impl Lead {
    /// The lead of inline content; breaks end it.
    pub(crate) fn of(inlines: &[Inline]) -> Lead {
        let mut lead = Lead {
            text: String::new(),
            tokens: Vec::new(),
            code_spans: Vec::new(),
        };
        lead.push(inlines);
        lead.text = lead.text.trim_space_end().to_owned();
        lead.tokens = code::tokens(&lead.text);
        lead
    }

    /// The lead of plain text.
    pub(crate) fn of_text(text: &str) -> Lead {
        Lead {
            text: text.to_owned(),
            tokens: code::tokens(text),
            code_spans: Vec::new(),
        }
    }

    fn push(&mut self, inlines: &[Inline]) -> bool {
        for inline in inlines {
            match inline {
                Inline::Text(text) => self.text.push_str(text),
                Inline::Code(code) => {
                    let start = self.text.len();
                    self.text.push_str(code);
                    self.code_spans.push(start..self.text.len());
                }
                Inline::Strong(inner) | Inline::Emphasis(inner) | Inline::Strikethrough(inner) => {
                    if !self.push(inner) {
                        return false;
                    }
                }
                Inline::Link { content, .. } => {
                    if !self.push(content) {
                        return false;
                    }
                }
                Inline::Break => return false,
            }
        }
        true
    }

    /// Whether the token at `index` is written as inline code on the page.
    fn in_code_span(&self, index: usize) -> bool {
        let range = self.tokens[index].range();
        self.code_spans
            .iter()
            .any(|span| span.start <= range.start && range.end <= span.end)
    }

    fn code_at(&self, index: usize) -> Option<&CodeToken> {
        match self.tokens.get(index) {
            Some(Token::Code(code)) => Some(code),
            _ => None,
        }
    }
}

/// A heading that names its code by itself, whatever its siblings do: it starts with a number
/// (`## 7400101 Invalid Parameter`, `1007200001参数无效`) or with a code written as code
/// (``## `AuthFailure.SignatureExpire` ``). `1. Common Error Code` and `2.1 Overview` are
/// numbered headings, not codes.
pub(crate) fn lone(lead: &Lead) -> Option<Named> {
    let first = lead.tokens.first()?;
    if first.range().start != lead.text.len() - lead.text.trim_space_start().len() {
        return None;
    }
    let code = match first {
        Token::Code(code) if code.shape == Shape::Number => {
            let after = lead.text[code.range.end..].chars().next();
            if after.is_some_and(|c| c.is_alphanumeric() && c.is_ascii() || ".,_".contains(c)) {
                return None;
            }
            code
        }
        Token::Code(code) if lead.in_code_span(0) => code,
        Token::TooLarge(range) if lead.in_code_span(0) => {
            // Written as code, a number too large for an integer is kept as a name.
            let written = &lead.text[range.clone()];
            return Some(Named {
                codes: vec![CodeToken {
                    code: crate::catalog::Code::Text(written.to_owned()),
                    written: written.to_owned(),
                    shape: Shape::Alnum,
                    range: range.clone(),
                }],
                symbol: None,
                title: title(&lead.text[range.end..], written),
            });
        }
        _ => return None,
    };
    Some(Named {
        codes: vec![code.clone()],
        symbol: None,
        title: title(&lead.text[code.range.end..], &code.written),
    })
}

/// A lead that starts with a code standing as a name (`AccessDeniedException`,
/// `EACCES: Permission denied`): what a lone paragraph needs to lead an entry.
pub(crate) fn standing(lead: &Lead) -> Option<Named> {
    let code = lead.code_at(0)?;
    if code.range.start != lead.text.len() - lead.text.trim_space_start().len()
        || !stands_alone(lead, 0)
    {
        return None;
    }
    Some(Named {
        codes: vec![code.clone()],
        symbol: None,
        title: title(&lead.text[code.range.end..], &code.written),
    })
}

/// What kind of units a run holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Units {
    /// Headings: a word in capitals (`DESCRIPTION`, `NOTES`) names a section there, so only a
    /// name with `_`, a digit or a dot, or one written as code, counts as a code.
    Headings,
    /// List items, definitions, paragraphs: `EACCES` is a code.
    Items,
}

/// For each unit of a run of siblings, what it names, when the run is a list of entries;
/// all `None` when it is not.
pub(crate) fn run(leads: &[Lead], units: Units) -> Vec<Option<Named>> {
    let nothing = vec![None; leads.len()];
    if leads.len() < 2 {
        return nothing;
    }
    let template = template(leads);
    let places_of = |named_numbers: NamedNumbers| -> Vec<Option<Place>> {
        leads
            .iter()
            .map(|lead| {
                place(lead, &template, named_numbers)
                    .filter(|place| units == Units::Items || !capital_word(lead, place.code))
            })
            .collect()
    };
    let mut places = places_of(NamedNumbers::NamesWithoutDigits);
    let carried = places.iter().flatten().count();
    let named = places
        .iter()
        .flatten()
        .filter(|place| place.name.is_some())
        .count();
    if named * 2 > carried {
        // The run writes a name before each number (`CURLE_OK (0)`), so a name with digits
        // (`CURLE_FTP_WEIRD_227_FORMAT (14)`) is a name too.
        places = places_of(NamedNumbers::AnyName);
    }
    let carriers: Vec<(&Lead, Place)> = leads
        .iter()
        .zip(&places)
        .filter_map(|(lead, place)| place.map(|place| (lead, place)))
        .collect();
    if !is_list(leads.len(), &carriers) {
        return nothing;
    }
    let rests: Vec<Option<(String, usize)>> = leads
        .iter()
        .zip(&places)
        .map(|(lead, place)| place.map(|place| rest(lead, place)))
        .collect();
    let symbols_follow = {
        let written: Vec<(&Lead, &(String, usize))> = leads
            .iter()
            .zip(&rests)
            .filter_map(|(lead, rest)| rest.as_ref().map(|rest| (lead, rest)))
            .collect();
        let identifiers = written
            .iter()
            .filter(|(lead, (rest, last))| {
                identifier(lead, *last, rest).is_some_and(|(_, name)| name >= Name::Capitals)
            })
            .count();
        let said = written
            .iter()
            .filter(|(_, (rest, _))| !rest.is_empty())
            .count();
        said > 0 && identifiers * 2 >= said
    };
    leads
        .iter()
        .zip(places)
        .zip(rests)
        .map(|((lead, place), rest)| {
            let place = place?;
            let (rest, last) = rest?;
            let mut codes = vec![lead.code_at(place.code)?.clone()];
            codes.extend(
                following_codes(lead, place.code)
                    .into_iter()
                    .filter(|index| *index <= last)
                    .filter_map(|index| lead.code_at(index).cloned()),
            );
            let named = place.name.and_then(|index| lead.code_at(index));
            let (symbol, title) = match identifier(lead, last, &rest) {
                Some((symbol, name))
                    if (name == Name::Sure || symbols_follow) && named.is_none() =>
                {
                    (Some(symbol), None)
                }
                _ => (
                    named.map(|name| name.written.clone()),
                    Some(rest).filter(|rest| !rest.is_empty()),
                ),
            };
            Some(Named {
                codes,
                symbol,
                title,
            })
        })
        .collect()
}

/// A token as the template counts it: lower case, a plural's `s` off (`Errors` is `error`).
/// Borrowed when the token is already in small ASCII letters or digits (codes, most words).
fn template_key(text: &str) -> Cow<'_, str> {
    let lower = if is_ascii_without_capitals(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.to_lowercase())
    };
    let plural = lower
        .strip_suffix('s')
        .is_some_and(|singular| singular.len() >= 3 && singular.chars().all(char::is_alphabetic));
    if !plural {
        return lower;
    }
    match lower {
        Cow::Borrowed(text) => Cow::Borrowed(&text[..text.len() - 1]),
        Cow::Owned(mut text) => {
            text.pop();
            Cow::Owned(text)
        }
    }
}

fn is_ascii_without_capitals(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        if matches!(bytes[index], b'A'..=b'Z' | 0x80..) {
            return false;
        }
        index += 1;
    }
    true
}

/// Tokens most units share (counted once per unit). Few, so a list.
fn template(leads: &[Lead]) -> Vec<String> {
    let mut counts: HashMap<Cow<'_, str>, usize, QuickHash> = HashMap::default();
    let mut distinct: Vec<Cow<'_, str>> = Vec::new();
    for lead in leads {
        for token in &lead.tokens {
            let key = template_key(token.text(&lead.text));
            if !distinct.contains(&key) {
                distinct.push(key);
            }
        }
        for key in distinct.drain(..) {
            *counts.entry(key).or_default() += 1;
        }
    }
    let least = leads.len().div_ceil(2).max(2);
    counts
        .into_iter()
        .filter(|(_, count)| *count >= least)
        .map(|(text, _)| text.into_owned())
        .collect()
}

/// Which names before a number make the number the code (`E_WIDGET_BUSY (12)`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum NamedNumbers {
    /// Names without digits: `E1001 (404)` is a code and something else, unless the run says
    /// otherwise.
    NamesWithoutDigits,
    /// Any name that is not itself a number: in a run of names before numbers.
    AnyName,
}

/// Where a unit carries its code: the first token that is not the run's template.
fn place(lead: &Lead, template: &[String], named_numbers: NamedNumbers) -> Option<Place> {
    let mut rest = lead.tokens.iter().enumerate().filter(|(_, token)| {
        let key = template_key(token.text(&lead.text));
        !template.iter().any(|word| *word == key)
    });
    let (index, first) = rest.next()?;
    let Token::Code(code) = first else {
        return None;
    };
    if numbering(lead, code) {
        return None;
    }
    let may_name = match named_numbers {
        NamedNumbers::NamesWithoutDigits => !code.shape.has_digits(),
        NamedNumbers::AnyName => code.shape != Shape::Number,
    };
    if may_name
        && let Some((next, Token::Code(number))) = rest.next()
        && number.shape == Shape::Number
        && lead.text[code.range.end..number.range.start]
            .trim_space()
            .trim_matches(['(', '[', '#', ':', '=', '-'])
            .is_empty()
    {
        // `E_WIDGET_BUSY (12)`: the number is the code, the name its symbol.
        return Some(Place {
            code: next,
            name: Some(index),
        });
    }
    Some(Place {
        code: index,
        name: None,
    })
}

/// A code that is a word in capitals (`DESCRIPTION`), not written as code.
fn capital_word(lead: &Lead, index: usize) -> bool {
    lead.code_at(index).is_some_and(|code| {
        code.shape == Shape::Capitals
            && code.written.chars().all(|c| c.is_ascii_uppercase())
            && !lead.in_code_span(index)
    })
}

/// `1. Common Error Code`, `2) Setup`, `3、说明`: a number that numbers a heading or an item.
fn numbering(lead: &Lead, code: &CodeToken) -> bool {
    let at_start = code.range.start == lead.text.len() - lead.text.trim_space_start().len();
    let mut after = lead.text[code.range.end..].chars();
    let marker = after.next();
    let then = after.next();
    code.shape == Shape::Number
        && at_start
        && matches!(marker, Some('.' | ')' | '、' | '．'))
        && then.is_none_or(char::is_whitespace)
}

/// A run is a list of entries when at least two of its units, and most of them, carry a code,
/// and their codes are mostly different. Codes without digits (names such as `AccessDenied`)
/// are common words of documentation too, so a run of them needs two thirds of its units, each
/// naming nothing but the code before a separator (`AccessDenied`, `EACCES: ...`).
fn is_list(units: usize, carriers: &[(&Lead, Place)]) -> bool {
    let count = carriers.len();
    if count < 2 || count * 2 < units {
        return false;
    }
    let distinct: BTreeSet<&str> = carriers
        .iter()
        .filter_map(|(lead, place)| lead.code_at(place.code))
        .map(|code| code.written.as_str())
        .collect();
    if distinct.len() * 2 < count {
        return false;
    }
    let with_digits = carriers
        .iter()
        .filter(|(lead, place)| {
            lead.code_at(place.code)
                .is_some_and(|code| code.shape.has_digits())
        })
        .count();
    if with_digits * 2 >= count {
        return true;
    }
    let standing = carriers
        .iter()
        .filter(|(lead, place)| stands_alone(lead, place.code))
        .count();
    count * 3 >= units * 2 && standing * 3 >= count * 2
}

/// Whether the code at `index` is followed by nothing, or by a separator before any word.
fn stands_alone(lead: &Lead, index: usize) -> bool {
    let end = lead.tokens[index].range().end;
    let after = lead.text[end..].trim_start_matches(['`', '"', '\'', ']', ')', '*', '_']);
    let after_space = after.trim_space_start();
    after_space.is_empty()
        || after_space.starts_with(['(', ':', '：', '-', '–', '—', '|', '、', ',', '='])
}

/// The indices of codes that follow the one at `index`, joined to it (`2006, 2007 or 2106`).
fn following_codes(lead: &Lead, index: usize) -> Vec<usize> {
    let Some(first) = lead.code_at(index) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut end = first.range.end;
    for (next, token) in lead.tokens.iter().enumerate().skip(index + 1) {
        let code = match token {
            Token::Word(range)
                if CODE_JOINERS.contains(&lead.text[range.clone()].to_lowercase().as_str()) =>
            {
                continue;
            }
            Token::Code(code) if code.shape == first.shape => code,
            _ => break,
        };
        let between = &lead.text[end..code.range.start];
        let joined = !between.is_empty()
            && between
                .split(|c: char| c.is_whitespace() || c == ',' || c == '，' || c == '、')
                .all(|part| {
                    part.is_empty() || CODE_JOINERS.contains(&part.to_lowercase().as_str())
                });
        if !joined {
            break;
        }
        found.push(next);
        end = code.range.end;
    }
    found
}

/// The text after a unit's code (and the codes joined to it), and the index of the last token
/// it consumed.
fn rest(lead: &Lead, place: Place) -> (String, usize) {
    let mut last = place.code;
    if let Some(&joined) = following_codes(lead, place.code).last() {
        last = joined;
    }
    let end = lead.tokens[last].range().end;
    let written = lead
        .code_at(place.code)
        .map_or("", |code| code.written.as_str());
    (title(&lead.text[end..], written).unwrap_or_default(), last)
}

/// What follows a code, without the separators and wrappers around it, and without the code
/// written again (`100, "100 Continue"`).
fn title(text: &str, code: &str) -> Option<String> {
    let wrappers: &[char] = &['"', '\'', '`', ')', ']', '}', '*'];
    let mut text = text.trim_space_end();
    loop {
        let trimmed =
            text.trim_start_matches(|c: char| SEPARATORS.contains(&c) || wrappers.contains(&c));
        // An opener is the code's wrapper (`(12)`, `[E1]`) unless the title closes it:
        // `(404) Not found` keeps its bracket.
        let opened = trimmed.chars().next().and_then(|c| match c {
            '(' => Some(')'),
            '[' => Some(']'),
            '{' => Some('}'),
            _ => None,
        });
        match opened {
            Some(closer) if !trimmed[1..].contains(closer) => text = &trimmed[1..],
            _ => {
                text = trimmed;
                break;
            }
        }
    }
    if !code.is_empty()
        && let Some(again) = text.strip_prefix(code)
        && !again.starts_with(|c: char| c.is_alphanumeric())
    {
        text = again.trim_start_matches(|c: char| SEPARATORS.contains(&c));
    }
    let text = unbalanced_end(text).trim_space();
    (!text.is_empty()).then(|| text.to_owned())
}

/// `Continue")}}` → `Continue`: closers at the end that nothing in the text opened.
fn unbalanced_end(text: &str) -> &str {
    let mut end = text.len();
    while let Some(last) = text[..end].chars().last() {
        let opener = match last {
            ')' => '(',
            ']' => '[',
            '}' => '{',
            '"' | '\'' | '`' => last,
            _ => break,
        };
        let body = &text[..end - last.len_utf8()];
        let balanced = if opener == last {
            body.matches(last).count() % 2 == 1
        } else {
            body.matches(opener).count() > body.matches(last).count()
        };
        if balanced {
            break;
        }
        end -= last.len_utf8();
    }
    &text[..end]
}

/// How surely the rest of a lead is a name.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Name {
    /// One ASCII word (`(Unauthorized)`): a name where the run writes names.
    Word,
    /// A word in capitals (`UNKNOWN`, `NO`): a sign that the run writes names.
    Capitals,
    /// An identifier with `_`, a dot, humps or digits (`SERVER_BUSY`, `ServerError`), or a
    /// name written as code (`` `UNNAMED` ``): a name wherever it is.
    Sure,
}

/// The rest of a lead after the token at `last` as one name, and how surely it is one.
fn identifier(lead: &Lead, last: usize, rest: &str) -> Option<(String, Name)> {
    let inner = rest
        .trim_space()
        .trim_matches(['(', ')', '`', '"', '\'', '[', ']']);
    if inner.is_empty() || inner.contains(char::is_whitespace) {
        return None;
    }
    let after = lead.tokens.get(last)?.range().end;
    let spanned = lead
        .code_spans
        .iter()
        .any(|span| span.start >= after && lead.text[span.clone()].trim_space() == inner);
    if let Some(code) = code::code(inner)
        && (!code.shape.has_digits() || code.shape == Shape::Alnum)
    {
        let plain = code.written.chars().all(|c| c.is_ascii_uppercase());
        let name = if spanned || !plain {
            Name::Sure
        } else {
            Name::Capitals
        };
        return Some((code.written, name));
    }
    if spanned {
        return Some((inner.to_owned(), Name::Sure));
    }
    inner
        .chars()
        .all(|c| c.is_ascii_alphanumeric())
        .then(|| (inner.to_owned(), Name::Word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leads(texts: &[&str]) -> Vec<Lead> {
        texts.iter().map(|text| Lead::of_text(text)).collect()
    }

    /// Codes (joined by `+`), symbol and title.
    type Found = Option<(String, Option<String>, Option<String>)>;

    fn named(texts: &[&str]) -> Vec<Found> {
        run(&leads(texts), Units::Items)
            .into_iter()
            .map(|named| {
                named.map(|named| {
                    let codes: Vec<String> =
                        named.codes.into_iter().map(|code| code.written).collect();
                    (codes.join("+"), named.symbol, named.title)
                })
            })
            .collect()
    }

    fn some(code: &str, symbol: Option<&str>, title: Option<&str>) -> Found {
        Some((code.into(), symbol.map(Into::into), title.map(Into::into)))
    }

    #[test]
    fn codes_after_a_template_word() {
        assert_eq!(
            named(&[
                "Error 1000: hashchk",
                "Error 1001: isamchk",
                "Error 1002: NO"
            ]),
            [
                some("1000", None, Some("hashchk")),
                some("1001", None, Some("isamchk")),
                some("1002", None, Some("NO")),
            ]
        );
    }

    #[test]
    fn symbols_after_codes_when_most_units_write_one() {
        assert_eq!(
            named(&[
                "-1000 UNKNOWN",
                "-1001 DISCONNECTED",
                "-2021 Order cancel-replace partially failed"
            ]),
            [
                some("-1000", Some("UNKNOWN"), None),
                some("-1001", Some("DISCONNECTED"), None),
                some("-2021", None, Some("Order cancel-replace partially failed")),
            ]
        );
        assert_eq!(
            named(&["YN0000 - `UNNAMED`", "YN0001 - `EXCEPTION`"])[0],
            some("YN0000", Some("UNNAMED"), None)
        );
    }

    #[test]
    fn a_name_before_its_number_and_codes_in_macros() {
        assert_eq!(
            named(&["E_WIDGET_BUSY (12)", "E_WIDGET_GONE (13)"])[1],
            some("13", Some("E_WIDGET_GONE"), None)
        );
        // In a run of names before numbers, a name with digits is a name too.
        assert_eq!(
            named(&[
                "CURLE_OK (0)",
                "CURLE_FTP_WEIRD_227_FORMAT (14)",
                "CURLE_AGAIN (81)"
            ])[1],
            some("14", Some("CURLE_FTP_WEIRD_227_FORMAT"), None)
        );
        // Alone, a code with digits before a number stays the code.
        assert_eq!(
            named(&["E1001 (404) Not found", "E1002 (409) Conflict"])[0],
            some("E1001", None, Some("(404) Not found"))
        );
        assert_eq!(
            named(&[
                "{{HTTPStatus(100, \"100 Continue\")}}",
                "{{HTTPStatus(101, \"101 Switching Protocols\")}}",
                "102 Processing {{deprecated_inline}}",
            ])[1],
            some("101", None, Some("Switching Protocols"))
        );
    }

    #[test]
    fn several_codes_in_one_unit() {
        assert_eq!(
            named(&["Errors 2006, 2007 or 2106: Lost", "Error 2008: Gone"])[0],
            some("2006+2007+2106", None, Some("Lost"))
        );
    }

    #[test]
    fn runs_that_are_not_lists() {
        assert!(
            named(&[
                "10xx - General",
                "11xx - Requests",
                "Messages for -1010 and -2010",
                "Filter failures"
            ])
            .iter()
            .all(Option::is_none)
        );
        assert!(named(&["Overview", "1000"]).iter().all(Option::is_none));
        assert!(
            named(&[
                "JavaScript is a language",
                "TypeScript adds types",
                "Overview"
            ])
            .iter()
            .all(Option::is_none)
        );
        assert_eq!(
            named(&["AccessDenied", "NoSuchKey", "Overview"])[2],
            None,
            "a word among names is not one"
        );
        assert_eq!(
            named(&["AccessDenied", "NoSuchKey", "InvalidPart"])
                .iter()
                .flatten()
                .count(),
            3
        );
    }

    #[test]
    fn lone_headings_start_with_their_code() {
        let lone_code = |text: &str| {
            lone(&Lead::of_text(text)).map(|named| (named.codes[0].written.clone(), named.title))
        };
        assert_eq!(
            lone_code("7400101 Invalid Parameter"),
            Some(("7400101".into(), Some("Invalid Parameter".into())))
        );
        assert_eq!(
            lone_code("1007200001参数无效"),
            Some(("1007200001".into(), Some("参数无效".into())))
        );
        assert_eq!(
            lone_code("401：拒绝"),
            Some(("401".into(), Some("拒绝".into())))
        );
        assert_eq!(lone_code("1. Common Error Code"), None);
        assert_eq!(lone_code("2.1 Overview"), None);
        assert_eq!(lone_code("3D Touch"), None);
        assert_eq!(lone_code("AccessDenied"), None);
        let spanned = Lead::of(&[
            Inline::Code("AuthFailure.SignatureExpire".into()),
            Inline::Text(" Signature expired".into()),
        ]);
        assert_eq!(
            lone(&spanned).unwrap().title.as_deref(),
            Some("Signature expired")
        );
    }
}

//! The invocation: `error_catalog!("camera.md", name = CameraError, ...)`, parsed with syn.
//!
//! The CLI parses `--opt key=value` through the same parser, so the macro and `errcode expand`
//! always agree on what an option means.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Ident, LitInt, LitStr, Path, Token, Visibility, braced, parenthesized};

use crate::catalog::{Code, Repr};
use crate::read::Format;

/// Every option key, for `unknown option` suggestions.
pub const OPTION_NAMES: &[&str] = &[
    "name",
    "vis",
    "section",
    "format",
    "repr",
    "strip_prefix",
    "rename",
    "base_url",
    "derive",
    "duplicates",
    "max_size",
    "locale",
    "locales",
];

/// The largest page read unless `max_size` says otherwise: larger pages are refused rather than
/// left to slow every build down.
pub const DEFAULT_MAX_SIZE: u64 = 16 * 1024 * 1024;

/// A parsed `error_catalog!` invocation.
pub struct Invocation {
    /// The page path as written.
    pub path: LitStr,
    /// The options after it.
    pub options: Options,
}

/// What to do when one enum has two different entries for the same code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DuplicatePolicy {
    /// Keep the first entry; the other's text goes into the variant's docs.
    First,
    /// Keep the last entry; the other's text goes into the variant's docs.
    Last,
}

/// A value with the span of the tokens it came from, for errors that point at the option.
#[derive(Clone, Debug)]
pub struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

/// One `rename = { CODE = Name }` pair.
#[derive(Clone, Debug)]
pub struct Rename {
    /// The code to rename.
    pub code: Spanned<Code>,
    /// The variant name to give it.
    pub name: Ident,
}

/// The options of an invocation; `None` means the default.
#[derive(Default)]
pub struct Options {
    /// `name = CameraError`: the enum's name.
    pub name: Option<Ident>,
    /// `vis = pub(crate)`: the visibility of the generated items (default `pub`).
    pub vis: Option<Visibility>,
    /// `section = "AVSDK Client Error Codes"`: build the enum from this section only.
    pub section: Option<LitStr>,
    /// `format = "html"`: the front end, instead of the extension's.
    pub format: Option<Spanned<Format>>,
    /// `repr = u64`: the integer type, instead of the smallest that fits.
    pub repr: Option<Spanned<Repr>>,
    /// `strip_prefix = "AV_ERR_"`: removed from symbols before they become variant names.
    pub strip_prefix: Option<LitStr>,
    /// `rename = { 10009 = ServerRoomNotExist }`.
    pub rename: Vec<Rename>,
    /// `base_url = "https://..."`: where relative links of the page point.
    pub base_url: Option<LitStr>,
    /// `derive(serde::Serialize)`: extra derives for the enum.
    pub derives: Vec<Path>,
    /// `duplicates = "first"` or `"last"`.
    pub duplicates: Option<Spanned<DuplicatePolicy>>,
    /// `max_size = 33554432`: the largest page, in bytes, to read (default 16 MiB).
    pub max_size: Option<Spanned<u64>>,
    /// `locale = "en"`: the language of the page itself (default `"en"`).
    pub locale: Option<LitStr>,
    /// `locales = { "zh-CN" = "zh-cn/camera.md" }`: the same page in other languages.
    pub locales: Vec<(LitStr, LitStr)>,
}

impl Options {
    /// The language tag of the page itself.
    pub fn primary_locale(&self) -> String {
        self.locale
            .as_ref()
            .map_or_else(|| "en".to_owned(), LitStr::value)
    }
}

impl Parse for Invocation {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path: LitStr = input.parse()?;
        let mut options = Options::default();
        let mut errors: Option<syn::Error> = None;
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            if let Err(error) = options.parse_one(input) {
                match errors.as_mut() {
                    Some(errors) => errors.combine(error),
                    None => errors = Some(error),
                }
                // Skip to the next option so every mistake is reported at once.
                while !input.is_empty() && !input.peek(Token![,]) {
                    input.parse::<proc_macro2::TokenTree>()?;
                }
            }
        }
        match errors {
            Some(errors) => Err(errors),
            None => Ok(Invocation { path, options }),
        }
    }
}

impl Options {
    fn parse_one(&mut self, input: ParseStream<'_>) -> syn::Result<()> {
        let key = input.call(Ident::parse_any)?;
        let name = key.to_string();
        if name == "derive" {
            let content;
            parenthesized!(content in input);
            let paths = Punctuated::<Path, Token![,]>::parse_terminated(&content)?;
            self.derives.extend(paths);
            return Ok(());
        }
        if !OPTION_NAMES.contains(&name.as_str()) {
            return Err(syn::Error::new(key.span(), unknown_option(&name)));
        }
        input.parse::<Token![=]>()?;
        let duplicate = || syn::Error::new(key.span(), format!("option `{name}` is given twice"));
        match name.as_str() {
            "name" => set(&mut self.name, input.parse()?, duplicate)?,
            "vis" => set(&mut self.vis, input.parse()?, duplicate)?,
            "section" => set(&mut self.section, input.parse()?, duplicate)?,
            "strip_prefix" => set(&mut self.strip_prefix, input.parse()?, duplicate)?,
            "base_url" => set(&mut self.base_url, input.parse()?, duplicate)?,
            "format" => {
                let lit: LitStr = input.parse()?;
                let format = Format::from_name(&lit.value()).ok_or_else(|| {
                    syn::Error::new(
                        lit.span(),
                        format!(
                            "unknown format `{}`; expected one of {}",
                            lit.value(),
                            quoted_list(Format::NAMES)
                        ),
                    )
                })?;
                set(
                    &mut self.format,
                    Spanned {
                        value: format,
                        span: lit.span(),
                    },
                    duplicate,
                )?;
            }
            "repr" => {
                let ident: Ident = input.parse()?;
                let repr = Repr::from_name(&ident.to_string()).ok_or_else(|| {
                    syn::Error::new(
                        ident.span(),
                        format!(
                            "unsupported repr `{ident}`; expected one of `u32`, `i32`, `i64`, `u64`"
                        ),
                    )
                })?;
                set(
                    &mut self.repr,
                    Spanned {
                        value: repr,
                        span: ident.span(),
                    },
                    duplicate,
                )?;
            }
            "duplicates" => {
                let lit: LitStr = input.parse()?;
                let policy = match lit.value().as_str() {
                    "first" => DuplicatePolicy::First,
                    "last" => DuplicatePolicy::Last,
                    other => {
                        let message = format!(
                            "unknown duplicates policy `{other}`; expected \"first\" or \"last\""
                        );
                        return Err(syn::Error::new(lit.span(), message));
                    }
                };
                set(
                    &mut self.duplicates,
                    Spanned {
                        value: policy,
                        span: lit.span(),
                    },
                    duplicate,
                )?;
            }
            "max_size" => {
                let lit: LitInt = input.parse()?;
                let value = lit.base10_parse()?;
                set(
                    &mut self.max_size,
                    Spanned {
                        value,
                        span: lit.span(),
                    },
                    duplicate,
                )?;
            }
            "locale" => set(&mut self.locale, input.parse()?, duplicate)?,
            "locales" => {
                let content;
                braced!(content in input);
                let pairs = Punctuated::<LocalePage, Token![,]>::parse_terminated(&content)?;
                self.locales
                    .extend(pairs.into_iter().map(|pair| (pair.tag, pair.path)));
            }
            "rename" => {
                let content;
                braced!(content in input);
                let pairs = Punctuated::<Rename, Token![,]>::parse_terminated(&content)?;
                self.rename.extend(pairs);
            }
            _ => return Err(syn::Error::new(key.span(), unknown_option(&name))),
        }
        Ok(())
    }
}

fn set<T>(slot: &mut Option<T>, value: T, duplicate: impl Fn() -> syn::Error) -> syn::Result<()> {
    if slot.is_some() {
        return Err(duplicate());
    }
    *slot = Some(value);
    Ok(())
}

/// One `"zh-CN" = "zh-cn/camera.md"` pair of `locales`.
struct LocalePage {
    tag: LitStr,
    path: LitStr,
}

impl Parse for LocalePage {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let tag: LitStr = input.parse()?;
        input.parse::<Token![=]>()?;
        let path: LitStr = input.parse()?;
        Ok(LocalePage { tag, path })
    }
}

impl Parse for Rename {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let negative = input.parse::<Option<Token![-]>>()?.is_some();
        let lookahead = input.lookahead1();
        let code = if lookahead.peek(LitInt) {
            let lit: LitInt = input.parse()?;
            let magnitude: i128 = lit.base10_parse()?;
            let value = if negative { -magnitude } else { magnitude };
            Spanned {
                value: Code::Int(value),
                span: lit.span(),
            }
        } else if !negative && lookahead.peek(LitStr) {
            let lit: LitStr = input.parse()?;
            Spanned {
                value: Code::Text(lit.value()),
                span: lit.span(),
            }
        } else {
            return Err(lookahead.error());
        };
        input.parse::<Token![=]>()?;
        let name: Ident = input.parse()?;
        Ok(Rename { code, name })
    }
}

/// `unknown option `nmae`; did you mean `name`?` or the list of options.
fn unknown_option(name: &str) -> String {
    match closest(name, OPTION_NAMES) {
        Some(suggestion) => format!("unknown option `{name}`; did you mean `{suggestion}`?"),
        None => format!(
            "unknown option `{name}`; expected one of {}",
            quoted_list(OPTION_NAMES)
        ),
    }
}

fn quoted_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The candidate within a small edit distance of `word`, if any.
pub(crate) fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = word.chars().count().div_ceil(3);
    candidates
        .iter()
        .map(|candidate| (edit_distance(word, candidate), *candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(tokens: &str) -> syn::Result<Invocation> {
        syn::parse_str(tokens)
    }

    #[test]
    fn every_option_parses() {
        let invocation = parse(
            r#""avsdk.md", locale = "en-US", locales = { "zh-CN" = "zh-cn/avsdk.md" }, name = Avsdk, vis = pub(crate), section = "AVSDK Client Error Codes", format = "markdown", repr = u64, strip_prefix = "AV_ERR_", rename = { 10009 = ServerRoomNotExist, -5 = Minus, "AuthFailure" = Auth }, base_url = "https://example.com/doc/", derive(Default, serde::Serialize), duplicates = "first","#,
        )
        .unwrap();
        let options = invocation.options;
        assert_eq!(invocation.path.value(), "avsdk.md");
        assert_eq!(options.name.unwrap().to_string(), "Avsdk");
        assert_eq!(options.repr.unwrap().value, Repr::U64);
        assert_eq!(options.format.unwrap().value, Format::Markdown);
        assert_eq!(options.rename.len(), 3);
        assert_eq!(options.rename[1].code.value, Code::Int(-5));
        assert_eq!(
            options.rename[2].code.value,
            Code::Text("AuthFailure".into())
        );
        assert_eq!(options.derives.len(), 2);
        assert_eq!(options.duplicates.unwrap().value, DuplicatePolicy::First);
        assert_eq!(options.locale.unwrap().value(), "en-US");
        assert_eq!(options.locales[0].1.value(), "zh-cn/avsdk.md");
    }

    #[test]
    fn unknown_options_suggest_and_all_mistakes_are_reported() {
        let error = parse(r#""x.md", nmae = X, repr = u8, colour = "red""#)
            .err()
            .unwrap();
        let messages: Vec<String> = error.into_iter().map(|e| e.to_string()).collect();
        assert_eq!(
            messages,
            [
                "unknown option `nmae`; did you mean `name`?",
                "unsupported repr `u8`; expected one of `u32`, `i32`, `i64`, `u64`",
                "unknown option `colour`; expected one of `name`, `vis`, `section`, `format`, `repr`, `strip_prefix`, `rename`, `base_url`, `derive`, `duplicates`, `max_size`, `locale`, `locales`",
            ]
        );
    }

    #[test]
    fn options_given_twice_are_errors() {
        let error = parse(r#""x.md", name = A, name = B"#).err().unwrap();
        assert_eq!(error.to_string(), "option `name` is given twice");
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(closest("strip_prefx", OPTION_NAMES), Some("strip_prefix"));
        assert_eq!(closest("zzz", OPTION_NAMES), None);
    }
}

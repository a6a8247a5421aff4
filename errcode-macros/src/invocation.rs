//! The invocation's tokens: the page's path, then `key = value` options, turned into the
//! catalog's plain [`Options`]. The catalog decides what each option means; this file only
//! reads the tokens and remembers where each part was written, so that a problem the catalog
//! finds points at the tokens at fault.

use std::collections::HashMap;

use errcode_catalog::options::{OptionSpot, Options, Part, Value};
use proc_macro2::Span;
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Ident, LitInt, LitStr, Path, Token, Visibility, braced, parenthesized, token};

/// A parsed `error_catalog!` invocation.
pub(crate) struct Invocation {
    /// The page's path as written.
    pub(crate) path: LitStr,
    /// The options that could be read.
    pub(crate) options: Options,
    /// Mistakes in the options, each at its tokens.
    pub(crate) errors: Vec<syn::Error>,
    spans: HashMap<(&'static str, Part), Span>,
    items: HashMap<&'static str, usize>,
}

/// One option's value and where its parts are.
struct Written {
    value: Value,
    span: Span,
    /// The key's and the value's span of each item of a map or list.
    items: Vec<(Span, Span)>,
}

impl Invocation {
    /// Where `spot` was written, or `default` (the path) when it is not an option's.
    pub(crate) fn span(&self, spot: Option<OptionSpot>, default: Span) -> Span {
        spot.and_then(|spot| self.spans.get(&(spot.key, spot.part)).copied())
            .unwrap_or(default)
    }

    fn option(&mut self, input: ParseStream<'_>) -> syn::Result<()> {
        let key = input.call(Ident::parse_any)?;
        let name = key.to_string();
        let written = if name == "derive" && input.peek(token::Paren) {
            derives(input)?
        } else {
            input.parse::<Token![=]>()?;
            if name == "vis" {
                let vis: Visibility = input.parse()?;
                let span = syn::spanned::Spanned::span(&vis);
                Written {
                    value: Value::Word(vis.to_token_stream().to_string()),
                    span,
                    items: Vec::new(),
                }
            } else {
                value(input)?
            }
        };
        let Some(&known) = errcode_catalog::options::OPTION_NAMES
            .iter()
            .find(|option| **option == name)
        else {
            // The catalog words the refusal (with a suggestion).
            let message = self
                .options
                .set(&name, &written.value)
                .err()
                .map(|error| error.message)
                .unwrap_or_default();
            return Err(syn::Error::new(key.span(), message));
        };
        let first_item = self.items.get(known).copied().unwrap_or(0);
        let mut spans = vec![
            ((known, Part::Name), key.span()),
            ((known, Part::Value), written.span),
        ];
        for (index, (key_span, value_span)) in written.items.iter().enumerate() {
            spans.push(((known, Part::ItemKey(first_item + index)), *key_span));
            spans.push(((known, Part::ItemValue(first_item + index)), *value_span));
        }
        let result = self.options.set(known, &written.value);
        if let Err(error) = &result {
            let span = spans
                .iter()
                .find(|(spot, _)| *spot == (known, error.part))
                .map_or(key.span(), |(_, span)| *span);
            return Err(syn::Error::new(span, &error.message));
        }
        if self.spans.contains_key(&(known, Part::Name)) {
            // A list option given again: keep the first option's own spans.
            spans.retain(|((_, part), _)| matches!(part, Part::ItemKey(_) | Part::ItemValue(_)));
        }
        self.spans.extend(spans);
        *self.items.entry(known).or_default() += written.items.len();
        Ok(())
    }
}

impl Parse for Invocation {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let path: LitStr = input.parse()?;
        let mut invocation = Invocation {
            path,
            options: Options::default(),
            errors: Vec::new(),
            spans: HashMap::new(),
            items: HashMap::new(),
        };
        while !input.is_empty() {
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                break;
            }
            if let Err(error) = invocation.option(input) {
                invocation.errors.push(error);
                // Skip to the next option so that every mistake is reported at once.
                while !input.is_empty() && !input.peek(Token![,]) {
                    input.parse::<proc_macro2::TokenTree>()?;
                }
            }
        }
        Ok(invocation)
    }
}

/// `derive(serde::Serialize, Default)`: each path, at its last segment.
fn derives(input: ParseStream<'_>) -> syn::Result<Written> {
    let content;
    let parens = parenthesized!(content in input);
    let paths = Punctuated::<Path, Token![,]>::parse_terminated(&content)?;
    let mut values = Vec::new();
    let mut items = Vec::new();
    for path in &paths {
        let text: String = path
            .to_token_stream()
            .to_string()
            .split_whitespace()
            .collect();
        let span = path
            .segments
            .last()
            .map_or_else(Span::call_site, |last| last.ident.span());
        values.push(Value::Word(text));
        items.push((span, span));
    }
    Ok(Written {
        value: Value::List(values),
        span: parens.span.join(),
        items,
    })
}

/// A value: an atom, or `{ key = value, ... }`.
fn value(input: ParseStream<'_>) -> syn::Result<Written> {
    if !input.peek(token::Brace) {
        let (value, span) = atom(input)?;
        return Ok(Written {
            value,
            span,
            items: Vec::new(),
        });
    }
    let content;
    let braces = braced!(content in input);
    let mut pairs = Vec::new();
    let mut items = Vec::new();
    while !content.is_empty() {
        let (key, key_span) = atom(&content)?;
        content.parse::<Token![=]>()?;
        let (value, value_span) = atom(&content)?;
        pairs.push((key, value));
        items.push((key_span, value_span));
        if content.is_empty() {
            break;
        }
        content.parse::<Token![,]>()?;
    }
    Ok(Written {
        value: Value::Map(pairs),
        span: braces.span.join(),
        items,
    })
}

/// A string literal, an integer (`-5`), or an identifier.
fn atom(input: ParseStream<'_>) -> syn::Result<(Value, Span)> {
    let lookahead = input.lookahead1();
    if lookahead.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        Ok((Value::Text(lit.value()), lit.span()))
    } else if lookahead.peek(LitInt) {
        let lit: LitInt = input.parse()?;
        Ok((Value::Word(lit.base10_digits().to_owned()), lit.span()))
    } else if lookahead.peek(Token![-]) {
        input.parse::<Token![-]>()?;
        let lit: LitInt = input.parse()?;
        Ok((Value::Word(format!("-{}", lit.base10_digits())), lit.span()))
    } else if input.peek(Ident::peek_any) {
        let ident = input.call(Ident::parse_any)?;
        Ok((Value::Word(ident.to_string()), ident.span()))
    } else {
        Err(lookahead.error())
    }
}

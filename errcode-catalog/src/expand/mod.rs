//! Stage 4, expand: the catalog model into Rust tokens.
//!
//! The expansion is table-driven so that its compile cost stays flat per variant (SPEC §4,
//! BENCHMARKS.md): the page's texts are one string literal and each entry's layout a record in
//! a byte string (`encode`), read by the runtime's `const fn`s for `message()`, `title()`,
//! `Debug`, `Display` and `entry()`, which assembles an `Entry` value on each call; `from_code`
//! is a binary search over the sorted codes, also a byte string.
//!
//! Two `unsafe` casts avoid per-variant code and tables of `Self` values, which make rustc slow
//! (it finds a variant from its discriminant by a linear scan, so checking N values is O(N²)):
//! - `from_code` turns a code into the variant after finding it in the table of codes. Sound
//!   because the enum is `#[repr(int)]` and every code in the table is one of its discriminants.
//! - `ALL` views aligned bytes, the discriminants in page order in the target's byte order, as
//!   `[Self; N]`. Sound for the same reason: the layouts match and every element is valid.
//!
//! Symbolic enums use implicit discriminants `0..N` (page order), so an index is the variant.
//!
//! Page text reaches the output only as string literals built by `literal::string` (doc
//! comments rendered by the `render` module included); identifiers come from the `naming`
//! module.
//!
//! (Long because the enum and the impls every enum shares are read together.)

use std::path::Path;

pub use fallback::fallback;

mod encode;
mod fallback;
mod literal;
mod locales;
mod lookups;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{ToTokens, quote};

use crate::catalog::{Catalog, Code, EntryDef, EnumDef, Repr};
use crate::options::Options;
use crate::validate::BUILT_IN_TRAITS;
use literal::string;

/// Includes the bytes of the page at this absolute path, so that cargo rebuilds the crate
/// when the page changes.
pub fn track(path: &Path) -> TokenStream {
    match path.to_str() {
        Some(path) => {
            let path = Literal::string(path);
            quote! { const _: &[u8] = ::core::include_bytes!(#path); }
        }
        None => TokenStream::new(),
    }
}

/// The tokens of a whole catalog.
pub fn expand(catalog: &Catalog, options: &Options) -> TokenStream {
    let mut tokens = TokenStream::new();
    for definition in &catalog.enums {
        tokens.extend(expand_enum(catalog, definition, options));
    }
    tokens
}

/// The `vis` option's tokens, or `pub`.
fn visibility(options: &Options) -> TokenStream {
    options.vis.as_deref().map_or_else(|| quote!(pub), tokens)
}

/// Tokens of Rust that `options` checked (a visibility, a path): they always lex.
fn tokens(text: &str) -> TokenStream {
    text.parse().unwrap_or_default()
}

fn ident(name: &str) -> Ident {
    // Names come from `naming` (ASCII letters and digits, starting with a letter) or from an
    // identifier the user wrote, so they are always valid.
    Ident::new(name, Span::call_site())
}

/// `7400101`, or `-3301` as a minus sign and a literal.
fn integer(value: i128) -> TokenStream {
    let literal = Literal::u128_unsuffixed(value.unsigned_abs());
    if value < 0 {
        quote!(- #literal)
    } else {
        literal.into_token_stream()
    }
}

fn int_value(code: &Code) -> i128 {
    match code {
        Code::Int(value) => *value,
        Code::Text(_) => 0,
    }
}

fn expand_enum(catalog: &Catalog, definition: &EnumDef, options: &Options) -> TokenStream {
    let name = ident(&definition.name);
    let name_text = definition.name.as_str();
    let vis = visibility(options);
    // A derive of a trait errcode implements is reported by `validate`; leaving it out here
    // keeps the compiler from adding a second error about the same mistake.
    let derives = options
        .derives
        .iter()
        .filter(|path| !BUILT_IN_TRAITS.contains(&path.rsplit("::").next().unwrap_or(path)))
        .map(|path| tokens(path));
    let docs = string(&definition.docs);
    let count = definition.entries.len();
    let numeric = definition.repr != Repr::Str;
    let repr = ident(if numeric {
        definition.repr.name()
    } else {
        "u32"
    });
    let mut previous: Option<i128> = None;
    let variants: Vec<TokenStream> = definition
        .entries
        .iter()
        .map(|entry| {
            let code = numeric.then(|| int_value(&entry.code));
            // A code that follows the one before it is left implicit: rustc finds a variant
            // from its discriminant by walking the variants, and evaluates every explicit
            // discriminant it passes, which made validating `ALL` quadratic (BENCHMARKS.md).
            let explicit = code.filter(|code| {
                previous.is_none_or(|previous| previous.checked_add(1) != Some(*code))
            });
            previous = code;
            variant(entry, explicit)
        })
        .collect();

    let mut by_code: Vec<usize> = (0..count).collect();
    by_code.sort_by(|a, b| {
        definition.entries[*a]
            .code
            .cmp(&definition.entries[*b].code)
    });
    let catalog_static = catalog_static(catalog, definition);
    let lookups = if numeric {
        lookups::numeric_lookups(definition, &name, &repr, &by_code, &catalog.source)
    } else {
        lookups::symbolic_lookups(definition, &name, &by_code, &catalog.source)
    };
    let code_ty = if numeric {
        quote!(#repr)
    } else {
        quote!(&'static str)
    };
    let api = api(&name, name_text, &code_ty, numeric.then_some(&repr));
    let table_order: Vec<usize> = if numeric {
        by_code.clone()
    } else {
        (0..count).collect()
    };
    let localized = locales::localized(catalog, definition, &name, &table_order);

    quote! {
        #[doc = #docs]
        #[repr(#repr)]
        #[non_exhaustive]
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord #(, #derives)*)]
        #vis enum #name {
            #(#variants)*
        }

        const _: () = {
            #catalog_static
            #lookups
            #localized

            impl #name {
                /// Looks up the page's entry for this error: its code, message, description,
                /// causes, solutions and where the page defines it, read from the tables each
                /// time (no memory, no lock).
                #[inline]
                pub const fn entry(self) -> ::errcode_runtime::Entry {
                    entry_at(entry_index(self))
                }

                /// The entry's message: what the API returns as its error text.
                #[inline]
                pub const fn message(self) -> &'static str {
                    text_at(entry_index(self), ::errcode_runtime::__private::entries::MESSAGE)
                }

                /// The entry's title as the page writes it (empty when the page gives none).
                #[inline]
                pub const fn title(self) -> &'static str {
                    text_at(entry_index(self), ::errcode_runtime::__private::entries::TITLE)
                }
            }

            impl ::core::fmt::Debug for #name {
                #[inline]
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(text_at(entry_index(*self), ::errcode_runtime::__private::entries::VARIANT))
                }
            }

            #api
        };
    }
}

fn variant(entry: &EntryDef, explicit_discriminant: Option<i128>) -> TokenStream {
    let name = ident(&entry.variant);
    let docs = string(&entry.docs);
    let mut aliases = vec![entry.code.to_string()];
    if entry.written != aliases[0] {
        aliases.push(entry.written.clone());
    }
    aliases.extend(entry.symbol.clone());
    let aliases = aliases
        .into_iter()
        .filter(|alias| is_valid_alias(alias, &entry.variant))
        .map(|alias| string(&alias));
    let discriminant = explicit_discriminant.map(|code| {
        let value = integer(code);
        quote!(= #value)
    });
    let deprecated = entry.deprecated.as_deref().map(|note| {
        let note = string(note);
        quote!(#[deprecated(note = #note)])
    });
    quote! {
        #[doc = #docs]
        #(#[doc(alias = #aliases)])*
        #deprecated
        #name #discriminant,
    }
}

/// rustdoc rejects aliases that are empty, padded, hold quotes or tabs, or repeat the name.
fn is_valid_alias(alias: &str, name: &str) -> bool {
    !alias.is_empty()
        && alias != name
        && alias.trim() == alias
        && !alias
            .chars()
            .any(|c| c == '"' || c == '\'' || (c.is_whitespace() && c != ' '))
}

fn catalog_static(catalog: &Catalog, definition: &EnumDef) -> TokenStream {
    let name = string(&definition.name);
    let title = optional(catalog.title.as_deref());
    let section = optional(definition.section.as_deref());
    let source = string(&catalog.source);
    let metadata = catalog.metadata.iter().map(|m| {
        let key = string(&m.key);
        let value = string(&m.value);
        quote!((#key, #value))
    });
    quote! {
        static CATALOG: ::errcode_runtime::Catalog = ::errcode_runtime::Catalog {
            name: #name,
            title: #title,
            section: #section,
            source: #source,
            metadata: &[#(#metadata),*],
        };
    }
}

fn optional(text: Option<&str>) -> TokenStream {
    match text {
        Some(text) => {
            let text = string(text);
            quote!(::core::option::Option::Some(#text))
        }
        None => quote!(::core::option::Option::None),
    }
}

/// What an enum has whatever its page held, the stand-in included: the traits and the methods
/// written in terms of the inherent `code`, `from_code`, `entry`, `entry_in`, `message`,
/// `title` and `LOCALES`, the private `variants()` and the `CATALOG` static.
fn api(
    name: &Ident,
    name_text: &str,
    code_ty: &TokenStream,
    integer: Option<&Ident>,
) -> TokenStream {
    let code_conversions = code_conversions(name, name_text, code_ty, integer.is_some());
    let feature_impls = feature_impls(name, name_text, integer);
    quote! {
        impl #name {
            #[inline]
            /// The message in a language, as `entry_in` finds it.
            pub fn message_in(self, locale: &str) -> &'static str {
                self.entry_in(locale).message
            }

            #[inline]
            /// The entry in the language the application chose with `errcode_runtime::set_locale`.
            pub fn localized(self) -> ::errcode_runtime::Entry {
                match ::errcode_runtime::locale() {
                    ::core::option::Option::Some(tag) => self.entry_in(tag),
                    ::core::option::Option::None => self.entry(),
                }
            }
        }

        impl ::core::fmt::Display for #name {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::errcode_runtime::__private::display(f, &self.code(), self.title(), self.message())
            }
        }

        impl ::core::error::Error for #name {}

        impl ::errcode_runtime::ErrorCode for #name {
            type Code = #code_ty;
            const CATALOG: &'static ::errcode_runtime::Catalog = &CATALOG;

            #[inline]
            fn all() -> &'static [Self] {
                variants()
            }

            #[inline]
            fn code(self) -> #code_ty {
                #name::code(self)
            }

            #[inline]
            fn from_code(code: #code_ty) -> ::core::option::Option<Self> {
                #name::from_code(code)
            }

            #[inline]
            fn entry(self) -> ::errcode_runtime::Entry {
                #name::entry(self)
            }

            #[inline]
            fn message(self) -> &'static str {
                #name::message(self)
            }

            #[inline]
            fn title(self) -> &'static str {
                #name::title(self)
            }

            const LOCALES: &'static [&'static str] = #name::LOCALES;

            #[inline]
            fn entry_in(self, locale: &str) -> ::errcode_runtime::Entry {
                #name::entry_in(self, locale)
            }
        }

        impl ::core::str::FromStr for #name {
            type Err = ::errcode_runtime::ParseError;

            #[inline]
            fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> {
                ::errcode_runtime::__private::parse::<Self>(text)
            }
        }

        #code_conversions
        #feature_impls
    }
}

/// The impls of the runtime's optional features (`serde`, `miette`), routed through its macros
/// so that what they expand to follows the runtime's features, not the user crate's.
fn feature_impls(name: &Ident, name_text: &str, integer: Option<&Ident>) -> TokenStream {
    let name_text = string(name_text);
    let serde_kind = match integer {
        Some(repr) => quote!(int #repr),
        None => quote!(text),
    };
    quote! {
        ::errcode_runtime::__serde_impls!(#name, #name_text, #serde_kind);
        ::errcode_runtime::__miette_impls!(#name);
    }
}

/// `TryFrom` the code (naming the unknown code on failure) and `From` the enum into its code.
fn code_conversions(
    name: &Ident,
    name_text: &str,
    code_ty: &TokenStream,
    numeric: bool,
) -> TokenStream {
    let name_text = string(name_text);
    let (lifetime, input_ty) = if numeric {
        (quote!(), code_ty.clone())
    } else {
        (quote!(<'a>), quote!(&'a str))
    };
    quote! {
        impl #lifetime ::core::convert::TryFrom<#input_ty> for #name {
            type Error = ::errcode_runtime::UnknownCode<#input_ty>;

            #[inline]
            fn try_from(code: #input_ty) -> ::core::result::Result<Self, Self::Error> {
                match #name::from_code(code) {
                    ::core::option::Option::Some(error) => ::core::result::Result::Ok(error),
                    ::core::option::Option::None => {
                        ::core::result::Result::Err(::errcode_runtime::UnknownCode::new(code, #name_text))
                    }
                }
            }
        }

        impl ::core::convert::From<#name> for #code_ty {
            #[inline]
            fn from(error: #name) -> Self {
                error.code()
            }
        }
    }
}

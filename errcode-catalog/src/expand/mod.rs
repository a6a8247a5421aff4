//! Stage 4, expand: the catalog model into Rust tokens.
//!
//! The expansion is table-driven so that its compile cost stays flat per variant (SPEC §4,
//! BENCHMARKS.md): the page's texts are one string literal and each entry's layout a record in
//! a byte string (`table`), read by the runtime's `const fn`s for `message()`, `title()`,
//! `Debug` and `Display`, and built into `Entry` values on the first `entry()`; `from_code` is
//! a binary search over the sorted codes, also a byte string.
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
//! Page text reaches the output only as string literals built by `proc_macro2::Literal` and as
//! `#[doc]` strings rendered by the `rustdoc` module; identifiers come from the `naming` module.

use std::path::Path;

mod locales;
mod table;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{ToTokens, quote};

use crate::catalog::{Catalog, Code, Entry, EnumDef, Repr};
use crate::options::Options;
use crate::validate::BUILT_IN_TRAITS;
use table::Table;

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

/// What stands in for the enum when the page could not be read: an enum without variants but
/// with the whole API, so that code using it reports no errors beyond the page's own.
pub fn fallback(name: &str, options: &Options) -> TokenStream {
    let name = ident(options.name.as_deref().unwrap_or(name));
    let vis = visibility(options);
    let name_text = string(&name.to_string());
    let feature_impls = feature_impls(&name, &name.to_string(), Some(&ident("u32")));
    quote! {
        /// errcode could not build this enum from its page; the compiler error says why.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
        #vis enum #name {}

        const _: () = {
            static CATALOG: ::errcode_runtime::Catalog = ::errcode_runtime::Catalog {
                name: #name_text,
                title: ::core::option::Option::None,
                section: ::core::option::Option::None,
                source: "",
                metadata: &[],
            };

            impl #name {
                /// No variants: the page could not be read.
                pub const ALL: &'static [Self] = &[];

                /// Unreachable: the enum has no variants.
                pub const fn code(self) -> u32 {
                    match self {}
                }

                /// Always `None`: the page could not be read.
                pub const fn from_code(_code: u32) -> ::core::option::Option<Self> {
                    ::core::option::Option::None
                }

                /// Unreachable: the enum has no variants.
                pub fn entry(self) -> &'static ::errcode_runtime::Entry {
                    match self {}
                }

                /// Unreachable: the enum has no variants.
                pub const fn message(self) -> &'static str {
                    match self {}
                }

                /// Unreachable: the enum has no variants.
                pub const fn title(self) -> &'static str {
                    match self {}
                }
            }

            impl ::core::fmt::Display for #name {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    match *self {}
                }
            }

            impl ::core::error::Error for #name {}

            impl ::errcode_runtime::ErrorCode for #name {
                type Code = u32;
                const CATALOG: &'static ::errcode_runtime::Catalog = &CATALOG;

                fn all() -> &'static [Self] {
                    &[]
                }

                fn code(self) -> u32 {
                    match self {}
                }

                fn from_code(_code: u32) -> ::core::option::Option<Self> {
                    ::core::option::Option::None
                }

                fn entry(self) -> &'static ::errcode_runtime::Entry {
                    match self {}
                }
            }
            #feature_impls
        };
    }
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

fn string(text: &str) -> Literal {
    Literal::string(text)
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
        numeric_lookups(definition, &name, &repr, &by_code, &catalog.source)
    } else {
        symbolic_lookups(definition, &name, &by_code, &catalog.source)
    };
    let code_ty = if numeric {
        quote!(#repr)
    } else {
        quote!(&'static str)
    };
    let code_conversions = code_conversions(&name, name_text, &code_ty, numeric);
    let feature_impls = feature_impls(&name, name_text, numeric.then_some(&repr));
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
                /// causes, solutions and where the page defines it. (The entries are built the
                /// first time one is asked for.)
                #[inline]
                pub fn entry(self) -> &'static ::errcode_runtime::Entry {
                    entry_at(entry_index(self))
                }

                /// The entry's message: what the API returns as its error text.
                #[inline]
                pub const fn message(self) -> &'static str {
                    text_at(entry_index(self), ::errcode_runtime::__private::table::MESSAGE)
                }

                /// The entry's title as the page writes it (empty when the page gives none).
                #[inline]
                pub const fn title(self) -> &'static str {
                    text_at(entry_index(self), ::errcode_runtime::__private::table::TITLE)
                }
            }

            impl ::core::fmt::Debug for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(text_at(entry_index(*self), ::errcode_runtime::__private::table::VARIANT))
                }
            }

            impl ::core::fmt::Display for #name {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::errcode_runtime::__private::display(f, &self.code(), self.title(), self.message())
                }
            }

            impl ::core::error::Error for #name {}

            impl ::errcode_runtime::ErrorCode for #name {
                type Code = #code_ty;
                const CATALOG: &'static ::errcode_runtime::Catalog = &CATALOG;

                fn all() -> &'static [Self] {
                    variants()
                }

                fn code(self) -> #code_ty {
                    #name::code(self)
                }

                fn from_code(code: #code_ty) -> ::core::option::Option<Self> {
                    #name::from_code(code)
                }

                fn entry(self) -> &'static ::errcode_runtime::Entry {
                    #name::entry(self)
                }

                fn message(self) -> &'static str {
                    #name::message(self)
                }

                fn title(self) -> &'static str {
                    #name::title(self)
                }

                const LOCALES: &'static [&'static str] = #name::LOCALES;

                fn entry_in(self, locale: &str) -> &'static ::errcode_runtime::Entry {
                    #name::entry_in(self, locale)
                }
            }

            impl ::core::str::FromStr for #name {
                type Err = ::errcode_runtime::ParseError;

                fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> {
                    ::errcode_runtime::__private::parse::<Self>(text)
                }
            }

            #code_conversions
            #feature_impls
        };
    }
}

fn variant(entry: &Entry, explicit_discriminant: Option<i128>) -> TokenStream {
    let name = ident(&entry.variant);
    let docs = string(&entry.docs);
    let mut aliases = vec![entry.code.to_string()];
    aliases.extend(entry.symbol.clone());
    let aliases = aliases
        .into_iter()
        .filter(|alias| is_valid_alias(alias, &entry.variant))
        .map(|alias| string(&alias));
    let discriminant = explicit_discriminant.map(|code| {
        let value = integer(code);
        quote!(= #value)
    });
    quote! {
        #[doc = #docs]
        #(#[doc(alias = #aliases)])*
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

/// Integers of type `repr`, little-endian, as a byte string literal: rustc borrow-checks an
/// array literal of 10,000 integers for seconds, a byte string not at all.
fn integer_bytes(repr: Repr, values: impl Iterator<Item = i128>) -> Literal {
    Literal::byte_string(&encode(repr, values, Endian::Little))
}

#[derive(Clone, Copy, PartialEq)]
enum Endian {
    Little,
    Big,
}

fn encode(repr: Repr, values: impl Iterator<Item = i128>, endian: Endian) -> Vec<u8> {
    let width = match repr {
        Repr::U32 | Repr::I32 => 4,
        Repr::U64 | Repr::I64 => 8,
        Repr::Str => 0,
    };
    let mut bytes = Vec::new();
    for value in values {
        // The low `width` bytes of the value are its two's complement in the narrower type,
        // as `value as u32` (or `i32`, ...) would give; validation made sure it fits.
        let start = bytes.len();
        bytes.extend_from_slice(&value.to_le_bytes()[..width]);
        if endian == Endian::Big {
            bytes[start..].reverse();
        }
    }
    bytes
}

/// `static PAGE_ORDER` (the discriminants of the variants in page order, as bytes in the
/// target's byte order) and `pub const ALL` that views them as `[Self; N]`.
fn all_variants(name: &Ident, repr: Repr, values: &[i128]) -> TokenStream {
    let count = Literal::usize_unsuffixed(values.len());
    let little = encode(repr, values.iter().copied(), Endian::Little);
    let big = encode(repr, values.iter().copied(), Endian::Big);
    let size = Literal::usize_unsuffixed(little.len());
    let (little, big) = (Literal::byte_string(&little), Literal::byte_string(&big));
    quote! {
        #[cfg(target_endian = "little")]
        static PAGE_ORDER: ::errcode_runtime::__private::Aligned<[u8; #size]> =
            ::errcode_runtime::__private::Aligned(*#little);
        #[cfg(target_endian = "big")]
        static PAGE_ORDER: ::errcode_runtime::__private::Aligned<[u8; #size]> =
            ::errcode_runtime::__private::Aligned(*#big);

        /// The variants in page order. A function, so that the trait's `all()` can return them
        /// without naming the constant `ALL`: rustc evaluates a constant named in any function
        /// body, and checking one that holds every variant costs it time quadratic in their
        /// number (BENCHMARKS.md).
        const fn variants() -> &'static [#name] {
            // SAFETY: `PAGE_ORDER` is aligned for any integer and holds `N` discriminants of
            // this enum, in its `#[repr]` and the target's byte order: a valid `[Self; N]`.
            unsafe {
                &*(&PAGE_ORDER as *const ::errcode_runtime::__private::Aligned<[u8; #size]> as *const [#name; #count])
            }
        }

        impl #name {
            /// Every variant, in the order of the page.
            pub const ALL: &'static [Self] = variants();
        }
    }
}

/// The table of entries in this order of rows, and `entry_at(row)` and `text_at(row, field)`
/// that read it.
fn entries_table<'a>(entries: impl Iterator<Item = &'a Entry>) -> (Table, TokenStream) {
    let mut table = Table::default();
    for entry in entries {
        table.row(Some(entry));
    }
    let entry_at = quote! {
        fn entry_at(row: usize) -> &'static ::errcode_runtime::Entry {
            ENTRIES.entry(row)
        }

        /// A text of the entry of a row (`table::MESSAGE`, ...), or `""` when absent.
        const fn text_at(row: usize, field: usize) -> &'static str {
            ::errcode_runtime::__private::table::field(ENTRIES_TEXT, ENTRIES_META, row, field)
        }
    };
    (table, entry_at)
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

/// Integer codes: entries sorted by code, found by binary search; `ALL` in page order.
fn numeric_lookups(
    definition: &EnumDef,
    name: &Ident,
    repr: &Ident,
    by_code: &[usize],
    source: &str,
) -> TokenStream {
    let count = definition.entries.len();
    let (table, entry_at) = entries_table(by_code.iter().map(|&i| &definition.entries[i]));
    let table = table.statics("ENTRIES", source);
    let sorted = integer_bytes(
        definition.repr,
        by_code
            .iter()
            .map(|&i| int_value(&definition.entries[i].code)),
    );
    let page_order: Vec<i128> = definition
        .entries
        .iter()
        .map(|entry| int_value(&entry.code))
        .collect();
    let all = all_variants(name, definition.repr, &page_order);
    let search = ident(&format!("lower_bound_{repr}"));
    let read = ident(&format!("read_{repr}"));
    quote! {
        #table
        #entry_at
        #all
        /// The codes in ascending order, the order of `ENTRIES`.
        static CODES: &[u8] = #sorted;

        const fn entry_index(error: #name) -> usize {
            ::errcode_runtime::__private::#search(CODES, error as #repr)
        }

        impl #name {
            /// The numeric code, as the API reports it.
            #[inline]
            pub const fn code(self) -> #repr {
                self as #repr
            }

            /// The variant for a code, or `None` for a code the page does not define.
            /// A binary search over the page's codes.
            #[inline]
            pub const fn from_code(code: #repr) -> ::core::option::Option<Self> {
                let index = ::errcode_runtime::__private::#search(CODES, code);
                if index < #count && ::errcode_runtime::__private::#read(CODES, index) == code {
                    // SAFETY: `code` is in `CODES`, so it is a discriminant of this
                    // `#[repr(#repr)]` enum.
                    ::core::option::Option::Some(unsafe { ::core::mem::transmute::<#repr, Self>(code) })
                } else {
                    ::core::option::Option::None
                }
            }
        }
    }
}

/// Symbolic codes: variants are page indices; codes sorted for `from_code`.
fn symbolic_lookups(
    definition: &EnumDef,
    name: &Ident,
    by_code: &[usize],
    source: &str,
) -> TokenStream {
    let count = definition.entries.len();
    let (mut table, entry_at) = entries_table(definition.entries.iter());
    let codes: Vec<String> = by_code
        .iter()
        .map(|&i| definition.entries[i].code.to_string())
        .collect();
    let sorted = table.text_list(codes.iter().map(String::as_str));
    let table = table.statics("ENTRIES", source);
    let sorted_rows = integer_bytes(Repr::U32, by_code.iter().map(|&i| i as i128));
    // The variants have the implicit discriminants `0..N`, their rows in the page.
    let page_order: Vec<i128> = (0..count as i128).collect();
    let all = all_variants(name, Repr::U32, &page_order);
    quote! {
        #table
        #entry_at
        #all
        static SORTED_CODES: &[u8] = #sorted;
        static SORTED_ROWS: &[u8] = #sorted_rows;

        const fn entry_index(error: #name) -> usize {
            error as usize
        }

        impl #name {
            /// The code, as the API reports it.
            #[inline]
            pub const fn code(self) -> &'static str {
                text_at(self as usize, ::errcode_runtime::__private::table::CODE)
            }

            /// The variant for a code, or `None` for a code the page does not define.
            /// A binary search over the page's codes.
            #[inline]
            pub const fn from_code(code: &str) -> ::core::option::Option<Self> {
                match ::errcode_runtime::__private::table::find(ENTRIES_TEXT, SORTED_CODES, SORTED_ROWS, code) {
                    // SAFETY: `SORTED_ROWS` holds page rows `0..N`, the discriminants of this
                    // `#[repr(u32)]` enum.
                    ::core::option::Option::Some(row) => {
                        ::core::option::Option::Some(unsafe { ::core::mem::transmute::<u32, Self>(row as u32) })
                    }
                    ::core::option::Option::None => ::core::option::Option::None,
                }
            }
        }
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
            fn from(error: #name) -> Self {
                error.code()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_are_encoded_as_their_repr_in_either_byte_order() {
        let values = [-3301, 7400101];
        let mut little = Vec::new();
        let mut big = Vec::new();
        for value in values {
            little.extend((value as i32).to_le_bytes());
            big.extend((value as i32).to_be_bytes());
        }
        assert_eq!(
            encode(Repr::I32, values.into_iter(), Endian::Little),
            little
        );
        assert_eq!(encode(Repr::I32, values.into_iter(), Endian::Big), big);
        let large = [u64::MAX as i128];
        assert_eq!(
            encode(Repr::U64, large.into_iter(), Endian::Big),
            u64::MAX.to_be_bytes()
        );
        assert_eq!(
            encode(Repr::I64, [-1].into_iter(), Endian::Little),
            (-1i64).to_le_bytes()
        );
    }
}

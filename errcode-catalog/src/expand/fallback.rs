//! What stands in for an enum whose page could not be read (thiserror's `fallback.rs`): the
//! same API without variants, so that code using the enum reports no errors beyond the page's.

use proc_macro2::TokenStream;
use quote::quote;

use super::{feature_impls, ident, string, visibility};
use crate::options::Options;

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

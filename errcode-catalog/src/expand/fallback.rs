//! What stands in for an enum whose page could not be read (thiserror's `fallback.rs`): the
//! same API without variants, so that code using the enum reports no errors beyond the page's.

use super::{api, emit, string, visibility};
use crate::catalog::Repr;
use crate::options::Options;

/// What stands in for the enum when the page could not be read: an enum without variants but
/// with every item an expanded page has (the items every enum shares plus the inherent methods it is
/// written in terms of), so that code using it reports no errors beyond the page's own. Its
/// code type is the `repr` option's, else `u32`.
pub fn fallback(name: &str, options: &Options, out: &mut String) {
    let name = options.name.as_deref().unwrap_or(name);
    let vis = visibility(options);
    let locale = string(&options.primary_locale());
    let integer = match options.repr {
        Some(Repr::Str) => None,
        Some(repr) => Some(repr.name()),
        None => Some("u32"),
    };
    let code_ty = integer.unwrap_or("&'static str");
    let name_literal = string(name);
    emit!(
        out,
        "/// errcode could not build this enum from its page; the compiler error says why.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
{vis} enum {name} {{}}

const _: () = {{
    static CATALOG: ::errcode_runtime::Catalog = ::errcode_runtime::Catalog {{
        name: {name_literal},
        title: ::core::option::Option::None,
        section: ::core::option::Option::None,
        source: \"\",
        metadata: &[],
    }};

    #[inline]
    const fn variants() -> &'static [{name}] {{
        &[]
    }}

    impl {name} {{
        /// No variants: the page could not be read.
        pub const ALL: &'static [Self] = &[];

        /// The page's language only: the page could not be read.
        pub const LOCALES: &'static [&'static str] = &[{locale}];

        #[inline]
        /// Unreachable: the enum has no variants.
        pub const fn code(self) -> {code_ty} {{
            match self {{}}
        }}

        #[inline]
        /// Always `None`: the page could not be read.
        pub const fn from_code(_code: {code_ty}) -> ::core::option::Option<Self> {{
            ::core::option::Option::None
        }}

        #[inline]
        /// Unreachable: the enum has no variants.
        pub const fn entry(self) -> ::errcode_runtime::Entry {{
            match self {{}}
        }}

        #[inline]
        /// Unreachable: the enum has no variants.
        pub fn entry_in(self, _locale: &str) -> ::errcode_runtime::Entry {{
            match self {{}}
        }}

        #[inline]
        /// Unreachable: the enum has no variants.
        pub const fn message(self) -> &'static str {{
            match self {{}}
        }}

        #[inline]
        /// Unreachable: the enum has no variants.
        pub const fn title(self) -> &'static str {{
            match self {{}}
        }}
    }}
"
    );
    api(name, code_ty, integer, out);
    emit!(out, "}};\n");
}

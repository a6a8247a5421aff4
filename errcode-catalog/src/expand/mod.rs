//! Stage 4, expand: the catalog model into Rust source text, which the macro hands to rustc's
//! own lexer in one call (`proc_macro::TokenStream::from_str`).
//!
//! Text rather than tokens built one at a time with `quote`: in the unoptimised build cargo
//! gives proc macros, each token crossing into rustc and each literal lexed on its own cost
//! more than reading the page (BENCHMARKS.md, item 14), and an expansion kept between builds
//! (`cache`) is this same text.
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
//! The templates are this module's own text. Their holes take only literals built by the
//! `literal` module (page text, doc comments rendered by the `render` module included),
//! identifiers from the `naming` module or the `name` option, integers, and the `vis` and
//! `derive` options, which `options` checked to be a visibility and paths.
//!
//! (Long because the enum and the impls every enum shares are read together.)

use std::path::Path;

pub use fallback::fallback;

mod encode;
mod fallback;
mod literal;
mod locales;
mod lookups;

use crate::catalog::{Catalog, Code, EntryDef, EnumDef, Repr};
use crate::options::Options;
use crate::validate::BUILT_IN_TRAITS;
use crate::white_space::TrimSpace;
use literal::string;

/// Writes into the expansion's text (`write!` into a `String`, which cannot fail).
macro_rules! emit {
    ($out:expr, $($format:tt)*) => {{
        let _ = ::std::fmt::Write::write_fmt($out, format_args!($($format)*));
    }};
}
use emit;

/// Includes the bytes of the page at this absolute path, so that cargo rebuilds the crate
/// when the page changes.
pub fn track(path: &Path, out: &mut String) {
    if let Some(path) = path.to_str() {
        let path = string(path);
        emit!(out, "const _: &[u8] = ::core::include_bytes!({path});\n");
    }
}

/// The source text of a whole catalog.
pub fn expand(catalog: &Catalog, options: &Options, out: &mut String) {
    for definition in &catalog.enums {
        expand_enum(catalog, definition, options, out);
    }
}

/// The `vis` option, which `options` checked to be a visibility, or `pub`.
fn visibility(options: &Options) -> &str {
    options.vis.as_deref().unwrap_or("pub")
}

/// The value of a numeric code (`7400101`, `-3301`); a symbolic enum's code has none, and its
/// variants are numbered by their place on the page instead.
fn int_value(code: &Code) -> i128 {
    match code {
        Code::Int(value) => *value,
        Code::Text(_) => 0,
    }
}

fn expand_enum(catalog: &Catalog, definition: &EnumDef, options: &Options, out: &mut String) {
    let name = definition.name.as_str();
    let vis = visibility(options);
    let docs = string(&definition.docs);
    let count = definition.entries.len();
    let numeric = definition.repr != Repr::Str;
    let repr = if numeric {
        definition.repr.name()
    } else {
        "u32"
    };
    emit!(
        out,
        "#[doc = {docs}]\n#[repr({repr})]\n#[non_exhaustive]\n\
         #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord"
    );
    // A derive of a trait errcode implements is reported by `validate`; leaving it out here
    // keeps the compiler from adding a second error about the same mistake.
    for path in options
        .derives
        .iter()
        .filter(|path| !BUILT_IN_TRAITS.contains(&path.rsplit("::").next().unwrap_or(path)))
    {
        emit!(out, ", {path}");
    }
    emit!(out, ")]\n{vis} enum {name} {{\n");
    let mut previous: Option<i128> = None;
    for entry in &definition.entries {
        let code = numeric.then(|| int_value(&entry.code));
        // A code that follows the one before it is left implicit: rustc finds a variant
        // from its discriminant by walking the variants, and evaluates every explicit
        // discriminant it passes, which made validating `ALL` quadratic (BENCHMARKS.md).
        let explicit = code
            .filter(|code| previous.is_none_or(|previous| previous.checked_add(1) != Some(*code)));
        previous = code;
        variant(entry, explicit, out);
    }
    emit!(out, "}}\n\nconst _: () = {{\n");

    let mut by_code: Vec<usize> = (0..count).collect();
    by_code.sort_by(|a, b| {
        definition.entries[*a]
            .code
            .cmp(&definition.entries[*b].code)
    });
    catalog_static(catalog, definition, out);
    if numeric {
        lookups::numeric_lookups(definition, repr, &by_code, &catalog.source, out);
    } else {
        lookups::symbolic_lookups(definition, &by_code, &catalog.source, out);
    }
    let table_order: Vec<usize> = if numeric {
        by_code
    } else {
        (0..count).collect()
    };
    locales::localized(catalog, definition, name, &table_order, out);
    emit!(
        out,
        "
impl {name} {{
    /// Looks up the page's entry for this error: its code, message, description,
    /// causes, solutions and where the page defines it, read from the tables each
    /// time (no memory, no lock).
    #[inline]
    pub const fn entry(self) -> ::errcode_runtime::Entry {{
        entry_at(entry_index(self))
    }}

    /// The entry's message: what the API returns as its error text.
    #[inline]
    pub const fn message(self) -> &'static str {{
        text_at(entry_index(self), ::errcode_runtime::__private::entries::MESSAGE)
    }}

    /// The entry's title as the page writes it (empty when the page gives none).
    #[inline]
    pub const fn title(self) -> &'static str {{
        text_at(entry_index(self), ::errcode_runtime::__private::entries::TITLE)
    }}
}}

impl ::core::fmt::Debug for {name} {{
    #[inline]
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{
        f.write_str(text_at(entry_index(*self), ::errcode_runtime::__private::entries::VARIANT))
    }}
}}
"
    );
    let code_ty = if numeric { repr } else { "&'static str" };
    api(name, code_ty, numeric.then_some(repr), out);
    emit!(out, "}};\n");
}

fn variant(entry: &EntryDef, explicit_discriminant: Option<i128>, out: &mut String) {
    let docs = string(&entry.docs);
    emit!(out, "#[doc = {docs}]\n");
    let code = entry.code.to_string();
    let written = (entry.written != code).then_some(entry.written.as_str());
    for alias in [Some(code.as_str()), written, entry.symbol.as_deref()]
        .into_iter()
        .flatten()
        .filter(|alias| is_valid_alias(alias, &entry.variant))
    {
        let alias = string(alias);
        emit!(out, "#[doc(alias = {alias})]\n");
    }
    if let Some(note) = &entry.deprecated {
        let note = string(note);
        emit!(out, "#[deprecated(note = {note})]\n");
    }
    let name = &entry.variant;
    match explicit_discriminant {
        Some(value) => emit!(out, "{name} = {value},\n"),
        None => emit!(out, "{name},\n"),
    }
}

/// rustdoc rejects aliases that are empty, padded, hold quotes or tabs, or repeat the name.
fn is_valid_alias(alias: &str, name: &str) -> bool {
    !alias.is_empty()
        && alias != name
        && alias.trim_space() == alias
        && !alias
            .chars()
            .any(|c| c == '"' || c == '\'' || (c.is_whitespace() && c != ' '))
}

fn catalog_static(catalog: &Catalog, definition: &EnumDef, out: &mut String) {
    let name = string(&definition.name);
    let title = optional(catalog.title.as_deref());
    let section = optional(definition.section.as_deref());
    let source = string(&catalog.source);
    emit!(
        out,
        "static CATALOG: ::errcode_runtime::Catalog = ::errcode_runtime::Catalog {{
    name: {name},
    title: {title},
    section: {section},
    source: {source},
    metadata: &["
    );
    let metadata = catalog
        .metadata
        .iter()
        .map(|m| format!("({}, {})", string(&m.key), string(&m.value)));
    comma_separated(metadata, out);
    emit!(out, "],\n}};\n");
}

/// The elements of an array (or arguments), separated by commas.
fn comma_separated(items: impl IntoIterator<Item = impl std::fmt::Display>, out: &mut String) {
    for (index, item) in items.into_iter().enumerate() {
        let comma = if index == 0 { "" } else { ", " };
        emit!(out, "{comma}{item}");
    }
}

fn optional(text: Option<&str>) -> String {
    match text {
        Some(text) => format!("::core::option::Option::Some({})", string(text)),
        None => "::core::option::Option::None".to_owned(),
    }
}

/// What an enum has whatever its page held, the stand-in included: the traits and the methods
/// written in terms of the inherent `code`, `from_code`, `entry`, `entry_in`, `message`,
/// `title` and `LOCALES`, the private `variants()` and the `CATALOG` static. `integer` is the
/// code's type when it is an integer, and `code_ty` the code's type either way.
fn api(name: &str, code_ty: &str, integer: Option<&str>, out: &mut String) {
    emit!(
        out,
        "
impl {name} {{
    #[inline]
    /// The message in a language, as `entry_in` finds it.
    pub fn message_in(self, locale: &str) -> &'static str {{
        self.entry_in(locale).message
    }}

    #[inline]
    /// The entry in the language the application chose with `errcode_runtime::set_locale`.
    pub fn localized(self) -> ::errcode_runtime::Entry {{
        match ::errcode_runtime::locale() {{
            ::core::option::Option::Some(tag) => self.entry_in(tag),
            ::core::option::Option::None => self.entry(),
        }}
    }}
}}

impl ::core::fmt::Display for {name} {{
    #[inline]
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {{
        ::errcode_runtime::__private::display(f, &self.code(), self.title(), self.message())
    }}
}}

impl ::core::error::Error for {name} {{}}

impl ::errcode_runtime::ErrorCode for {name} {{
    type Code = {code_ty};
    const CATALOG: &'static ::errcode_runtime::Catalog = &CATALOG;

    #[inline]
    fn all() -> &'static [Self] {{
        variants()
    }}

    #[inline]
    fn code(self) -> {code_ty} {{
        {name}::code(self)
    }}

    #[inline]
    fn from_code(code: {code_ty}) -> ::core::option::Option<Self> {{
        {name}::from_code(code)
    }}

    #[inline]
    fn entry(self) -> ::errcode_runtime::Entry {{
        {name}::entry(self)
    }}

    #[inline]
    fn message(self) -> &'static str {{
        {name}::message(self)
    }}

    #[inline]
    fn title(self) -> &'static str {{
        {name}::title(self)
    }}

    const LOCALES: &'static [&'static str] = {name}::LOCALES;

    #[inline]
    fn entry_in(self, locale: &str) -> ::errcode_runtime::Entry {{
        {name}::entry_in(self, locale)
    }}
}}

impl ::core::str::FromStr for {name} {{
    type Err = ::errcode_runtime::ParseError;

    #[inline]
    fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> {{
        ::errcode_runtime::__private::parse::<Self>(text)
    }}
}}
"
    );
    code_conversions(name, code_ty, integer.is_some(), out);
    feature_impls(name, integer, out);
}

/// The impls of the runtime's optional features (`serde`, `miette`), routed through its macros
/// so that what they expand to follows the runtime's features, not the user crate's.
fn feature_impls(name: &str, integer: Option<&str>, out: &mut String) {
    let name_text = string(name);
    let serde_kind = match integer {
        Some(repr) => format!("int {repr}"),
        None => "text".to_owned(),
    };
    emit!(
        out,
        "::errcode_runtime::__serde_impls!({name}, {name_text}, {serde_kind});
::errcode_runtime::__miette_impls!({name});
"
    );
}

/// `TryFrom` the code (naming the unknown code on failure) and `From` the enum into its code.
fn code_conversions(name: &str, code_ty: &str, numeric: bool, out: &mut String) {
    let name_text = string(name);
    let (lifetime, input_ty) = if numeric {
        ("", code_ty)
    } else {
        ("<'a>", "&'a str")
    };
    emit!(
        out,
        "
impl{lifetime} ::core::convert::TryFrom<{input_ty}> for {name} {{
    type Error = ::errcode_runtime::UnknownCode<{input_ty}>;

    #[inline]
    fn try_from(code: {input_ty}) -> ::core::result::Result<Self, Self::Error> {{
        match {name}::from_code(code) {{
            ::core::option::Option::Some(error) => ::core::result::Result::Ok(error),
            ::core::option::Option::None => {{
                ::core::result::Result::Err(::errcode_runtime::UnknownCode::new(code, {name_text}))
            }}
        }}
    }}
}}

impl ::core::convert::From<{name}> for {code_ty} {{
    #[inline]
    fn from(error: {name}) -> Self {{
        error.code()
    }}
}}
"
    );
}

//! How a code finds its variant and a variant its entry: the entry table in the order of the
//! codes, the sorted codes as bytes searched by the runtime's `const fn`s, and `ALL` as bytes
//! viewed as `[Self; N]` (see the module docs of `expand` for why, and why that is sound).

use super::encode::Encoder;
use super::literal::{Lit, byte_string};
use super::{emit, int_value};
use crate::catalog::{EntryDef, EnumDef, Repr};

/// Integers of type `repr`, little-endian, as a byte string literal: rustc borrow-checks an
/// array literal of 10,000 integers for seconds, a byte string not at all.
fn integer_bytes(repr: Repr, values: impl Iterator<Item = i128>) -> Lit {
    byte_string(&encode(repr, values, Endian::Little))
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
fn all_variants(name: &str, repr: Repr, values: &[i128], out: &mut String) {
    let count = values.len();
    let little = encode(repr, values.iter().copied(), Endian::Little);
    let big = encode(repr, values.iter().copied(), Endian::Big);
    let size = little.len();
    let (little, big) = (byte_string(&little), byte_string(&big));
    emit!(
        out,
        "
#[cfg(target_endian = \"little\")]
static PAGE_ORDER: ::errcode_runtime::__private::Aligned<[u8; {size}]> =
    ::errcode_runtime::__private::Aligned(*{little});
#[cfg(target_endian = \"big\")]
static PAGE_ORDER: ::errcode_runtime::__private::Aligned<[u8; {size}]> =
    ::errcode_runtime::__private::Aligned(*{big});

#[inline]
/// The variants in page order. A function, so that the trait's `all()` can return them
/// without naming the constant `ALL`: rustc evaluates a constant named in any function
/// body, and checking one that holds every variant costs it time quadratic in their
/// number (BENCHMARKS.md).
const fn variants() -> &'static [{name}] {{
    // SAFETY: `PAGE_ORDER` is aligned for any integer and holds `N` discriminants of
    // this enum, in its `#[repr]` and the target's byte order: a valid `[Self; N]`.
    unsafe {{
        &*(&PAGE_ORDER as *const ::errcode_runtime::__private::Aligned<[u8; {size}]> as *const [{name}; {count}])
    }}
}}

impl {name} {{
    /// Every variant, in the order of the page.
    pub const ALL: &'static [Self] = variants();
}}
"
    );
}

/// The table of entries in this order of rows.
fn entries_table<'a>(entries: impl Iterator<Item = &'a EntryDef>) -> Encoder {
    let mut table = Encoder::with_rows(entries.size_hint().0);
    for entry in entries {
        table.row(Some(entry));
    }
    table
}

/// `entry_at(row)` and `text_at(row, field)`, which read the table of entries.
fn entry_readers(out: &mut String) {
    emit!(
        out,
        "
#[inline]
const fn entry_at(row: usize) -> ::errcode_runtime::Entry {{
    ENTRIES.entry(row)
}}

#[inline]
/// A text of the entry of a row (`entries::MESSAGE`, ...), or `\"\"` when absent.
const fn text_at(row: usize, field: usize) -> &'static str {{
    ::errcode_runtime::__private::entries::field(ENTRIES_TEXT, ENTRIES_META, row, field)
}}
"
    );
}

/// Integer codes: entries sorted by code, found by binary search; `ALL` in page order.
pub(super) fn numeric_lookups(
    definition: &EnumDef,
    repr: &str,
    by_code: &[usize],
    source: &str,
    out: &mut String,
) {
    let name = definition.name.as_str();
    let count = definition.entries.len();
    let table = entries_table(by_code.iter().map(|&i| &definition.entries[i]));
    table.statics("ENTRIES", source, out);
    entry_readers(out);
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
    all_variants(name, definition.repr, &page_order, out);
    emit!(
        out,
        "
/// The codes in ascending order, the order of `ENTRIES`.
static CODES: &[u8] = {sorted};

#[inline]
const fn entry_index(error: {name}) -> usize {{
    ::errcode_runtime::__private::lower_bound_{repr}(CODES, error as {repr})
}}

impl {name} {{
    /// The numeric code, as the API reports it.
    #[inline]
    pub const fn code(self) -> {repr} {{
        self as {repr}
    }}

    /// The variant for a code, or `None` for a code the page does not define.
    /// A binary search over the page's codes.
    #[inline]
    pub const fn from_code(code: {repr}) -> ::core::option::Option<Self> {{
        let index = ::errcode_runtime::__private::lower_bound_{repr}(CODES, code);
        if index < {count}usize && ::errcode_runtime::__private::read_{repr}(CODES, index) == code {{
            // SAFETY: `code` is in `CODES`, so it is a discriminant of this
            // `#[repr({repr})]` enum.
            ::core::option::Option::Some(unsafe {{ ::core::mem::transmute::<{repr}, Self>(code) }})
        }} else {{
            ::core::option::Option::None
        }}
    }}
}}
"
    );
}

/// Symbolic codes: variants are page indices; codes sorted for `from_code`.
pub(super) fn symbolic_lookups(
    definition: &EnumDef,
    by_code: &[usize],
    source: &str,
    out: &mut String,
) {
    let name = definition.name.as_str();
    let count = definition.entries.len();
    let mut table = entries_table(definition.entries.iter());
    let codes: Vec<String> = by_code
        .iter()
        .map(|&i| definition.entries[i].code.to_string())
        .collect();
    let sorted = table.text_list(codes.iter().map(String::as_str));
    table.statics("ENTRIES", source, out);
    entry_readers(out);
    let sorted_rows = integer_bytes(Repr::U32, by_code.iter().map(|&i| i as i128));
    // The variants have the implicit discriminants `0..N`, their rows in the page.
    let page_order: Vec<i128> = (0..count as i128).collect();
    all_variants(name, Repr::U32, &page_order, out);
    emit!(
        out,
        "
static SORTED_CODES: &[u8] = {sorted};
static SORTED_ROWS: &[u8] = {sorted_rows};

#[inline]
const fn entry_index(error: {name}) -> usize {{
    error as usize
}}

impl {name} {{
    /// The code, as the API reports it.
    #[inline]
    pub const fn code(self) -> &'static str {{
        text_at(self as usize, ::errcode_runtime::__private::entries::CODE)
    }}

    /// The variant for a code, or `None` for a code the page does not define.
    /// A binary search over the page's codes.
    #[inline]
    pub const fn from_code(code: &str) -> ::core::option::Option<Self> {{
        match ::errcode_runtime::__private::entries::find(ENTRIES_TEXT, SORTED_CODES, SORTED_ROWS, code) {{
            // SAFETY: `SORTED_ROWS` holds page rows `0..N`, the discriminants of this
            // `#[repr(u32)]` enum.
            ::core::option::Option::Some(row) => {{
                ::core::option::Option::Some(unsafe {{ ::core::mem::transmute::<u32, Self>(row as u32) }})
            }}
            ::core::option::Option::None => ::core::option::Option::None,
        }}
    }}
}}
"
    );
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

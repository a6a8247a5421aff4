//! The text front ends on arbitrary input (saved text, reStructuredText, AsciiDoc, troff, chosen
//! by the first byte): no panic, no hang, and a tree no deeper than the bound.
#![no_main]

use errcode_catalog::document::{Block, BlockKind, MAX_DEPTH};
use errcode_catalog::read::{Format, read};
use libfuzzer_sys::fuzz_target;

fn depth(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|block| match &block.kind {
            BlockKind::Quote(inner) => 1 + depth(inner),
            BlockKind::List { items, .. } => 1 + items.iter().map(|item| depth(item)).max().unwrap_or(0),
            BlockKind::Table(rows) => {
                2 + rows.iter().flat_map(|row| &row.cells).map(|cell| depth(&cell.blocks)).max().unwrap_or(0)
            }
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

const FORMATS: [Format; 4] = [Format::Text, Format::ReStructuredText, Format::AsciiDoc, Format::Troff];

fuzz_target!(|data: &[u8]| {
    let Some((selector, page)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(page);
    let document = read(&text, FORMATS[usize::from(*selector) % FORMATS.len()]);
    assert!(depth(&document.blocks) <= MAX_DEPTH + 2);
});

//! The neutral document model that every front end produces.
//!
//! Markdown, HTML and saved-text pages all become the same tree of headings, paragraphs, lists,
//! tables, quotes and code blocks, so a layout recogniser is written once and works on every
//! format. Every block keeps the byte offset where it starts in the page, for diagnostics and for
//! each entry's source line.
//!
//! The tree is never deeper than [`MAX_DEPTH`] (the builder in `read` flattens anything deeper),
//! so the recursive walks below are bounded.

/// How deeply blocks and inline spans may nest; deeper structure is flattened into its parent.
pub const MAX_DEPTH: usize = 32;

/// A page read by one of the front ends.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// Top-level blocks in page order.
    pub blocks: Vec<Block>,
}

/// One block and the byte offset where it starts in the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Byte offset of the block's first character in the page.
    pub offset: usize,
    /// What the block is.
    pub kind: BlockKind,
}

/// The kinds of block a page is made of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// `# Title` or `<h1>`: level 1 to 6.
    Heading {
        /// 1 for `#` / `<h1>`, up to 6.
        level: u8,
        /// The heading's text.
        content: Vec<Inline>,
        /// The anchor the page gives the heading (`<h2 id="...">`), if any.
        id: Option<String>,
    },
    /// A paragraph of inline text.
    Paragraph(Vec<Inline>),
    /// A bulleted (`start == None`) or numbered list.
    List {
        /// The first number of a numbered list.
        start: Option<u64>,
        /// The items, each a sequence of blocks.
        items: Vec<Vec<Block>>,
    },
    /// A table; header rows are marked.
    Table(Vec<Row>),
    /// A block quote, note or admonition.
    Quote(Vec<Block>),
    /// Preformatted text, kept verbatim.
    Code(String),
    /// An HTML comment such as `<!--Kit: Camera Kit-->`.
    Comment(String),
    /// A thematic break.
    Rule,
}

/// A table row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// True for header rows (`<th>` cells, or the Markdown head).
    pub header: bool,
    /// The row's cells.
    pub cells: Vec<Cell>,
}

/// A table cell: blocks, because HTML cells hold paragraphs and lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// Byte offset of the cell in the page.
    pub offset: usize,
    /// True for a header cell (`<th>`).
    pub header: bool,
    /// The cell's content.
    pub blocks: Vec<Block>,
}

/// Inline content of a paragraph or heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Plain text (entities decoded, white space collapsed).
    Text(String),
    /// Inline code.
    Code(String),
    /// `**strong**` or `<strong>` / `<b>`.
    Strong(Vec<Inline>),
    /// `*emphasis*` or `<em>` / `<i>`.
    Emphasis(Vec<Inline>),
    /// `~~struck~~` or `<del>`.
    Strikethrough(Vec<Inline>),
    /// A link with its target as written on the page.
    Link {
        /// The `href` or Markdown destination.
        target: String,
        /// The link text.
        content: Vec<Inline>,
    },
    /// A hard line break (`<br>`, two trailing spaces).
    Break,
}

impl Block {
    /// A block of the given kind at `offset`.
    pub fn new(offset: usize, kind: BlockKind) -> Self {
        Block { offset, kind }
    }

    /// The inline content of a paragraph or heading.
    pub fn inlines(&self) -> Option<&[Inline]> {
        match &self.kind {
            BlockKind::Paragraph(content) | BlockKind::Heading { content, .. } => Some(content),
            _ => None,
        }
    }
}

/// The visible text of inline content: markup removed, breaks as `\n`.
pub fn inline_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_inline_text(inlines, &mut out);
    out
}

fn push_inline_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Code(text) => out.push_str(text),
            Inline::Strong(inner) | Inline::Emphasis(inner) | Inline::Strikethrough(inner) => {
                push_inline_text(inner, out)
            }
            Inline::Link { content, .. } => push_inline_text(content, out),
            Inline::Break => out.push('\n'),
        }
    }
}

/// The visible text of a sequence of blocks, one block per line.
///
/// List items keep their marker (`1.` or `-`) so a numbered procedure still reads as one;
/// table cells are separated by ` | `.
pub fn blocks_text(blocks: &[Block]) -> String {
    let mut text = String::new();
    for block in blocks {
        push_block_lines(block, &mut text);
    }
    // Every line was written with its `\n`; the text ends without one.
    text.pop();
    text
}

/// Writes `block`'s lines into `text`, each ending in `\n`. (One string for the whole text:
/// this runs for every entry of a page, where a `String` per line and a join cost a twentieth
/// of the unoptimised proc macro's work.)
fn push_block_lines(block: &Block, text: &mut String) {
    match &block.kind {
        BlockKind::Heading { content, .. } | BlockKind::Paragraph(content) => {
            push_inline_text(content, text);
            text.push('\n');
        }
        BlockKind::List { start, items } => {
            let mut item_text = String::new();
            for (index, item) in items.iter().enumerate() {
                let marker = match start {
                    Some(first) => format!("{}. ", first.saturating_add(index as u64)),
                    None => "- ".to_owned(),
                };
                item_text.clear();
                for inner in item {
                    push_block_lines(inner, &mut item_text);
                }
                for (line_index, line) in item_text.split_terminator('\n').enumerate() {
                    if line_index == 0 {
                        text.push_str(&marker);
                    } else {
                        text.extend(std::iter::repeat_n(' ', marker.len()));
                    }
                    text.push_str(line);
                    text.push('\n');
                }
            }
        }
        BlockKind::Table(rows) => {
            for row in rows {
                for (index, cell) in row.cells.iter().enumerate() {
                    if index > 0 {
                        text.push_str(" | ");
                    }
                    text.push_str(&blocks_text(&cell.blocks).replace('\n', " "));
                }
                text.push('\n');
            }
        }
        BlockKind::Quote(inner) => {
            for block in inner {
                push_block_lines(block, text);
            }
        }
        BlockKind::Code(code) => {
            text.push_str(code.trim_end_matches('\n'));
            text.push('\n');
        }
        BlockKind::Comment(_) | BlockKind::Rule => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    #[test]
    fn inline_text_drops_markup_and_keeps_breaks() {
        let inlines = vec![
            text("call "),
            Inline::Strong(vec![Inline::Code("start()".into())]),
            Inline::Break,
            Inline::Link {
                target: "x.md".into(),
                content: vec![text("see")],
            },
        ];
        assert_eq!(inline_text(&inlines), "call start()\nsee");
    }

    #[test]
    fn blocks_text_numbers_list_items() {
        let item = |s: &str| vec![Block::new(0, BlockKind::Paragraph(vec![text(s)]))];
        let list = Block::new(
            0,
            BlockKind::List {
                start: Some(3),
                items: vec![item("a"), item("b")],
            },
        );
        let code = Block::new(0, BlockKind::Code("x = 1\n".into()));
        assert_eq!(blocks_text(&[list, code]), "3. a\n4. b\nx = 1");
    }
}

//! Builds the document tree from a stream of open/close/text calls.
//!
//! Both the Markdown and the HTML front end drive one `Builder`, so HTML embedded in a Markdown
//! page (a `<table>` whose cells hold Markdown, `**label**<br>`) lands in the same tree. The builder
//! is forgiving the way browsers are: closing a container closes whatever is still open inside
//! it, a cell outside a row opens the row, text outside a paragraph opens one. It bounds nesting
//! at [`MAX_DEPTH`]: deeper containers and spans are flattened into their parent, so no page can
//! make the tree (or any walk over it) arbitrarily deep.
//!
//! (Long because the builder is one state machine, containers, the open leaf and its spans, whose
//! parts only make sense together; a third of the file is its tests.)

use super::clean::{clean_text, normalize_space, push_text};
use crate::document::{Block, BlockKind, Cell, Document, Inline, MAX_DEPTH, Row};
use crate::white_space::TrimSpace;

/// The containers a front end can open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Container {
    Quote,
    List(Option<u64>),
    Item,
    Table,
    Row { header: bool },
    Cell { header: bool },
}

/// The inline spans a front end can open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Span {
    Strong,
    Emphasis,
    Strikethrough,
    Link(String),
    Code,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Leaf {
    Paragraph,
    Heading(u8),
    Code,
}

enum Frame {
    Root(Vec<Block>),
    Quote(usize, Vec<Block>),
    List(usize, Option<u64>, Vec<Vec<Block>>),
    Item(Vec<Block>),
    Table(usize, Vec<Row>, Vec<RowSpan>),
    Row(bool, Vec<Cell>),
    /// A cell, and how many rows it spans.
    Cell(usize, bool, Vec<Block>, usize),
}

/// A cell that spans the rows below its own (`rowspan`): each of them shows it in its column.
struct RowSpan {
    column: usize,
    remaining: usize,
    cell: Cell,
}

struct OpenLeaf {
    offset: usize,
    kind: Leaf,
    root: Vec<Inline>,
    spans: Vec<(Span, Vec<Inline>)>,
    overflow: Vec<Span>,
    code: String,
    id: Option<String>,
}

/// Accumulates a [`Document`].
pub(crate) struct Builder {
    frames: Vec<Frame>,
    overflow: Vec<Container>,
    leaf: Option<OpenLeaf>,
}

impl Builder {
    pub(crate) fn new() -> Self {
        Builder {
            frames: vec![Frame::Root(Vec::new())],
            overflow: Vec::new(),
            leaf: None,
        }
    }

    /// Opens a container, closing what HTML would close implicitly (an open item before the next
    /// item, an open cell before the next cell) and opening missing parents (a row for a cell).
    pub(crate) fn open(&mut self, container: Container, offset: usize) {
        self.close_leaf();
        match container {
            Container::Item => {
                if matches!(self.top(), Frame::Item(_)) {
                    self.pop();
                }
                if !matches!(self.top(), Frame::List(..)) {
                    self.open(Container::List(None), offset);
                }
            }
            Container::Row { .. } => {
                if matches!(self.top(), Frame::Cell(..)) {
                    self.pop();
                }
                if matches!(self.top(), Frame::Row(..)) {
                    self.pop();
                }
                if !matches!(self.top(), Frame::Table(..)) {
                    self.open(Container::Table, offset);
                }
            }
            Container::Cell { .. } => {
                if matches!(self.top(), Frame::Cell(..)) {
                    self.pop();
                }
                if !matches!(self.top(), Frame::Row(..)) {
                    self.open(Container::Row { header: false }, offset);
                }
            }
            Container::Quote | Container::List(_) | Container::Table => {}
        }
        if self.frames.len() >= MAX_DEPTH {
            self.overflow.push(container);
            return;
        }
        let frame = match container {
            Container::Quote => Frame::Quote(offset, Vec::new()),
            Container::List(start) => Frame::List(offset, start, Vec::new()),
            Container::Item => Frame::Item(Vec::new()),
            Container::Table => Frame::Table(offset, Vec::new(), Vec::new()),
            Container::Row { header } => Frame::Row(header, Vec::new()),
            Container::Cell { header } => {
                self.fill_spanned_cells(false);
                Frame::Cell(offset, header, Vec::new(), 1)
            }
        };
        self.frames.push(frame);
    }

    /// Closes the innermost open container of this kind and everything still open inside it;
    /// a close with no matching open is ignored.
    pub(crate) fn close(&mut self, container: Container) {
        self.close_leaf();
        if let Some(position) = self
            .overflow
            .iter()
            .rposition(|open| same_kind(*open, container))
        {
            self.overflow.truncate(position);
            return;
        }
        let Some(position) = self
            .frames
            .iter()
            .rposition(|frame| frame_is(frame, container))
        else {
            return;
        };
        if position == 0 {
            return;
        }
        self.overflow.clear();
        while self.frames.len() > position {
            self.pop();
        }
    }

    /// Makes the open cell span `rows` rows (HTML's `rowspan`).
    pub(crate) fn span_rows(&mut self, rows: usize) {
        if let Some(Frame::Cell(_, _, _, spanned)) = self.frames.last_mut() {
            *spanned = rows.max(1);
        }
    }

    /// Opens a list item for a definition unless one (its term's) is open.
    pub(crate) fn open_definition(&mut self, offset: usize) {
        self.close_leaf();
        if !matches!(self.top(), Frame::Item(_)) {
            self.open(Container::Item, offset);
        }
    }

    /// Puts the cells that rows above span into the open row: those of its next column, or
    /// with `to_end` all those after its last cell.
    fn fill_spanned_cells(&mut self, to_end: bool) {
        let depth = self.frames.len();
        if depth < 2 {
            return;
        }
        let (below, top) = self.frames.split_at_mut(depth - 1);
        let (Some(Frame::Table(_, _, spans)), Frame::Row(_, cells)) =
            (below.last_mut(), &mut top[0])
        else {
            return;
        };
        spans.sort_by_key(|span| span.column);
        for span in spans.iter_mut() {
            if span.column == cells.len() || (to_end && span.column > cells.len()) {
                cells.push(span.cell.clone());
                span.remaining -= 1;
            }
        }
        spans.retain(|span| span.remaining > 0);
    }

    /// Starts a paragraph, heading or code block, ending the one still open.
    pub(crate) fn open_leaf(&mut self, kind: Leaf, offset: usize) {
        self.close_leaf();
        self.leaf = Some(OpenLeaf {
            offset,
            kind,
            root: Vec::new(),
            spans: Vec::new(),
            overflow: Vec::new(),
            code: String::new(),
            id: None,
        });
    }

    /// Ends the open paragraph, heading or code block, if any.
    pub(crate) fn close_leaf(&mut self) {
        let Some(mut leaf) = self.leaf.take() else {
            return;
        };
        while let Some(last) = leaf.spans.len().checked_sub(1) {
            close_span_at(&mut leaf, last);
        }
        let kind = match leaf.kind {
            Leaf::Code => {
                if leaf.code.trim_space().is_empty() {
                    return;
                }
                BlockKind::Code(leaf.code)
            }
            Leaf::Paragraph | Leaf::Heading(_) => {
                let content = normalize_space(leaf.root);
                if content.is_empty() {
                    return;
                }
                match leaf.kind {
                    Leaf::Heading(level) => BlockKind::Heading {
                        level,
                        content,
                        id: leaf.id,
                    },
                    _ => BlockKind::Paragraph(content),
                }
            }
        };
        self.attach(Block::new(leaf.offset, kind));
    }

    /// Gives the open heading the anchor the page assigns it.
    pub(crate) fn set_anchor(&mut self, id: &str) {
        if let Some(leaf) = self
            .leaf
            .as_mut()
            .filter(|leaf| matches!(leaf.kind, Leaf::Heading(_)))
        {
            leaf.id = Some(clean_text(id).trim_space().to_owned()).filter(|id| !id.is_empty());
        }
    }

    /// Adds text; text outside any paragraph opens one unless it is only white space.
    pub(crate) fn text(&mut self, text: &str, offset: usize) {
        let text = clean_text(text);
        if text.is_empty() {
            return;
        }
        if self.leaf.is_none() {
            if text.trim_space().is_empty() {
                return;
            }
            self.open_leaf(Leaf::Paragraph, offset);
        }
        let Some(leaf) = self.leaf.as_mut() else {
            return;
        };
        if leaf.kind == Leaf::Code {
            leaf.code.push_str(&text);
        } else {
            push_text(current_inlines(leaf), &text);
        }
    }

    pub(crate) fn inline_code(&mut self, code: &str, offset: usize) {
        self.open_span(Span::Code, offset);
        self.text(code, offset);
        self.close_span(&Span::Code);
    }

    pub(crate) fn line_break(&mut self) {
        if let Some(leaf) = self.leaf.as_mut() {
            if leaf.kind == Leaf::Code {
                leaf.code.push('\n');
            } else {
                current_inlines(leaf).push(Inline::Break);
            }
        }
    }

    pub(crate) fn open_span(&mut self, span: Span, offset: usize) {
        if self.leaf.is_none() {
            self.open_leaf(Leaf::Paragraph, offset);
        }
        let Some(leaf) = self.leaf.as_mut() else {
            return;
        };
        if leaf.kind == Leaf::Code {
            return;
        }
        let inside_code = leaf.spans.iter().any(|(open, _)| *open == Span::Code);
        if leaf.spans.len() >= MAX_DEPTH || inside_code {
            leaf.overflow.push(span);
        } else {
            leaf.spans.push((span, Vec::new()));
        }
    }

    pub(crate) fn close_span(&mut self, span: &Span) {
        let Some(leaf) = self.leaf.as_mut() else {
            return;
        };
        if let Some(position) = leaf.overflow.iter().rposition(|open| same_span(open, span)) {
            leaf.overflow.truncate(position);
            return;
        }
        if let Some(position) = leaf
            .spans
            .iter()
            .rposition(|(open, _)| same_span(open, span))
        {
            while let Some(last) = leaf.spans.len().checked_sub(1).filter(|l| *l >= position) {
                close_span_at(leaf, last);
            }
        }
    }

    pub(crate) fn comment(&mut self, text: &str, offset: usize) {
        self.close_leaf();
        self.attach(Block::new(
            offset,
            BlockKind::Comment(clean_text(text).trim_space().to_owned()),
        ));
    }

    pub(crate) fn rule(&mut self, offset: usize) {
        self.close_leaf();
        self.attach(Block::new(offset, BlockKind::Rule));
    }

    /// Closes everything still open and returns the document.
    pub(crate) fn finish(mut self) -> Document {
        self.close_leaf();
        while self.frames.len() > 1 {
            self.pop();
        }
        match self.frames.pop() {
            Some(Frame::Root(blocks)) => Document { blocks },
            _ => Document::default(),
        }
    }

    fn top(&self) -> &Frame {
        // The root frame is never popped before `finish`, so the stack is never empty here.
        &self.frames[self.frames.len() - 1]
    }

    fn pop(&mut self) {
        if self.frames.len() <= 1 {
            return;
        }
        let Some(frame) = self.frames.pop() else {
            return;
        };
        match frame {
            Frame::Root(_) => {}
            Frame::Quote(offset, blocks) => {
                if !blocks.is_empty() {
                    self.attach(Block::new(offset, BlockKind::Quote(blocks)));
                }
            }
            Frame::List(offset, start, items) => {
                if !items.is_empty() {
                    self.attach(Block::new(offset, BlockKind::List { start, items }));
                }
            }
            Frame::Item(blocks) => {
                if let Some(Frame::List(_, _, items)) = self.frames.last_mut() {
                    items.push(blocks);
                } else {
                    for block in blocks {
                        self.attach(block);
                    }
                }
            }
            Frame::Table(offset, rows, _) => {
                if !rows.is_empty() {
                    self.attach(Block::new(offset, BlockKind::Table(rows)));
                }
            }
            Frame::Row(header, cells) => {
                self.frames.push(Frame::Row(header, cells));
                self.fill_spanned_cells(true);
                let Some(Frame::Row(header, cells)) = self.frames.pop() else {
                    return;
                };
                let header = header || (!cells.is_empty() && cells.iter().all(|cell| cell.header));
                if let Some(Frame::Table(_, rows, _)) = self.frames.last_mut() {
                    rows.push(Row { header, cells });
                } else {
                    for cell in cells {
                        for block in cell.blocks {
                            self.attach(block);
                        }
                    }
                }
            }
            Frame::Cell(offset, header, blocks, spanned) => {
                let depth = self.frames.len();
                if let Some(Frame::Row(_, cells)) = self.frames.last_mut() {
                    let cell = Cell {
                        offset,
                        header,
                        blocks,
                    };
                    let column = cells.len();
                    if spanned > 1
                        && let Some(Frame::Table(_, _, spans)) = self.frames.get_mut(depth - 2)
                    {
                        spans.push(RowSpan {
                            column,
                            remaining: spanned - 1,
                            cell: cell.clone(),
                        });
                    }
                    if let Some(Frame::Row(_, cells)) = self.frames.last_mut() {
                        cells.push(cell);
                    }
                } else {
                    for block in blocks {
                        self.attach(block);
                    }
                }
            }
        }
    }

    /// Puts a finished block into the innermost container, wrapping it where that container
    /// only holds items, rows or cells (a paragraph straight inside `<ul>` becomes an item).
    fn attach(&mut self, block: Block) {
        let offset = block.offset;
        match self.frames.last_mut() {
            Some(
                Frame::Root(blocks)
                | Frame::Quote(_, blocks)
                | Frame::Item(blocks)
                | Frame::Cell(_, _, blocks, _),
            ) => blocks.push(block),
            Some(Frame::List(_, _, items)) => items.push(vec![block]),
            Some(Frame::Table(_, rows, _)) => {
                let cell = Cell {
                    offset,
                    header: false,
                    blocks: vec![block],
                };
                rows.push(Row {
                    header: false,
                    cells: vec![cell],
                })
            }
            Some(Frame::Row(_, cells)) => cells.push(Cell {
                offset,
                header: false,
                blocks: vec![block],
            }),
            None => {}
        }
    }
}

fn frame_is(frame: &Frame, container: Container) -> bool {
    matches!(
        (frame, container),
        (Frame::Quote(..), Container::Quote)
            | (Frame::List(..), Container::List(_))
            | (Frame::Item(_), Container::Item)
            | (Frame::Table(..), Container::Table)
            | (Frame::Row(..), Container::Row { .. })
            | (Frame::Cell(..), Container::Cell { .. })
    )
}

fn same_kind(a: Container, b: Container) -> bool {
    std::mem::discriminant(&a) == std::mem::discriminant(&b)
}

fn same_span(a: &Span, b: &Span) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}

fn current_inlines(leaf: &mut OpenLeaf) -> &mut Vec<Inline> {
    match leaf.spans.last_mut() {
        Some((_, inlines)) => inlines,
        None => &mut leaf.root,
    }
}

fn close_span_at(leaf: &mut OpenLeaf, index: usize) {
    let (span, content) = leaf.spans.remove(index);
    let inline = match span {
        Span::Strong => Inline::Strong(content),
        Span::Emphasis => Inline::Emphasis(content),
        Span::Strikethrough => Inline::Strikethrough(content),
        Span::Link(target) => Inline::Link { target, content },
        Span::Code => Inline::Code(crate::document::inline_text(&content).replace('\n', " ")),
    };
    let empty = match &inline {
        Inline::Code(code) => code.is_empty(),
        Inline::Strong(inner)
        | Inline::Emphasis(inner)
        | Inline::Strikethrough(inner)
        | Inline::Link { content: inner, .. } => inner.is_empty(),
        Inline::Text(_) | Inline::Break => false,
    };
    if !empty {
        current_inlines(leaf).push(inline);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(document: &Document, index: usize) -> &[Inline] {
        document.blocks[index].inlines().expect("a paragraph")
    }

    #[test]
    fn text_outside_a_paragraph_opens_one_and_space_collapses() {
        let mut builder = Builder::new();
        builder.text("  \n ", 0);
        builder.text("  hello \n  world ", 3);
        builder.line_break();
        builder.text("  next", 9);
        let document = builder.finish();
        assert_eq!(document.blocks.len(), 1);
        assert_eq!(document.blocks[0].offset, 3);
        assert_eq!(
            paragraph(&document, 0),
            &[
                Inline::Text("hello world".into()),
                Inline::Break,
                Inline::Text("next".into())
            ]
        );
    }

    #[test]
    fn cell_without_row_or_table_opens_them() {
        let mut builder = Builder::new();
        builder.open(Container::Cell { header: true }, 0);
        builder.text("a", 0);
        builder.open(Container::Cell { header: true }, 5);
        builder.text("b", 5);
        builder.open(Container::Row { header: false }, 9);
        builder.open(Container::Cell { header: false }, 9);
        builder.text("c", 9);
        builder.close(Container::Table);
        let document = builder.finish();
        let BlockKind::Table(rows) = &document.blocks[0].kind else {
            panic!("a table")
        };
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].cells.len(), 2);
        assert_eq!(rows[1].cells.len(), 1);
        assert!(rows[0].header, "a row of header cells is a header row");
        assert!(!rows[1].header);
    }

    #[test]
    fn unmatched_close_is_ignored_and_unclosed_spans_end_with_the_paragraph() {
        let mut builder = Builder::new();
        builder.close(Container::Quote);
        builder.open_leaf(Leaf::Paragraph, 0);
        builder.open_span(Span::Strong, 0);
        builder.text("bold", 0);
        builder.close_span(&Span::Emphasis);
        let document = builder.finish();
        assert_eq!(
            paragraph(&document, 0),
            &[Inline::Strong(vec![Inline::Text("bold".into())])]
        );
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_flattened() {
        let mut builder = Builder::new();
        for _ in 0..10_000 {
            builder.open(Container::Quote, 0);
        }
        builder.text("deep", 0);
        for _ in 0..10_000 {
            builder.close(Container::Quote);
        }
        builder.text("after", 1);
        let document = builder.finish();
        let mut depth = 0;
        let mut blocks = &document.blocks;
        while let Some(BlockKind::Quote(inner)) = blocks.first().map(|b| &b.kind) {
            depth += 1;
            blocks = inner;
        }
        assert_eq!(depth, MAX_DEPTH - 1);
        assert_eq!(
            document.blocks.len(),
            2,
            "text after the quotes is outside them"
        );
    }
}

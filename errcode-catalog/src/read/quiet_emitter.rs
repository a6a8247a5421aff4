//! html5gum's default emitter, declining the tokenizer's character errors.
//!
//! Unless its emitter declines them, the tokenizer checks every byte of the page for
//! characters HTML forbids, to report each as an error. errcode reads HTML as a browser shows
//! it and reports none of its parse errors, and the check is a fifth of tokenizing in the
//! unoptimised build cargo gives proc macros (BENCHMARKS.md, item 19). The `Emitter` trait has
//! no smaller way to decline them than implementing it whole: every other method is the
//! default emitter's own.

use html5gum::{DefaultEmitter, Emitter, Error, State, Token};

/// [`DefaultEmitter`] with spans, without character errors.
pub(super) struct QuietEmitter(pub(super) DefaultEmitter<usize>);

impl Emitter for QuietEmitter {
    type Token = Token<usize>;

    fn should_emit_errors(&mut self) -> bool {
        false
    }

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.0.set_last_start_tag(last_start_tag);
    }

    fn emit_eof(&mut self) {
        self.0.emit_eof();
    }

    fn emit_error(&mut self, error: Error) {
        self.0.emit_error(error);
    }

    fn pop_token(&mut self) -> Option<Self::Token> {
        self.0.pop_token()
    }

    fn init_string(&mut self) {
        self.0.init_string();
    }

    fn emit_string(&mut self, c: &[u8]) {
        self.0.emit_string(c);
    }

    fn init_start_tag(&mut self) {
        self.0.init_start_tag();
    }

    fn init_end_tag(&mut self) {
        self.0.init_end_tag();
    }

    fn init_comment(&mut self) {
        self.0.init_comment();
    }

    fn emit_current_tag(&mut self) -> Option<State> {
        self.0.emit_current_tag()
    }

    fn emit_current_comment(&mut self) {
        self.0.emit_current_comment();
    }

    fn emit_current_doctype(&mut self) {
        self.0.emit_current_doctype();
    }

    fn set_self_closing(&mut self) {
        self.0.set_self_closing();
    }

    fn set_force_quirks(&mut self) {
        self.0.set_force_quirks();
    }

    fn push_tag_name(&mut self, s: &[u8]) {
        self.0.push_tag_name(s);
    }

    fn push_comment(&mut self, s: &[u8]) {
        self.0.push_comment(s);
    }

    fn push_doctype_name(&mut self, s: &[u8]) {
        self.0.push_doctype_name(s);
    }

    fn init_doctype(&mut self) {
        self.0.init_doctype();
    }

    fn init_attribute(&mut self) {
        self.0.init_attribute();
    }

    fn init_attribute_value(&mut self) {
        self.0.init_attribute_value();
    }

    fn push_attribute_name(&mut self, s: &[u8]) {
        self.0.push_attribute_name(s);
    }

    fn push_attribute_value(&mut self, s: &[u8]) {
        self.0.push_attribute_value(s);
    }

    fn set_doctype_public_identifier(&mut self, value: &[u8]) {
        self.0.set_doctype_public_identifier(value);
    }

    fn set_doctype_system_identifier(&mut self, value: &[u8]) {
        self.0.set_doctype_system_identifier(value);
    }

    fn push_doctype_public_identifier(&mut self, s: &[u8]) {
        self.0.push_doctype_public_identifier(s);
    }

    fn push_doctype_system_identifier(&mut self, s: &[u8]) {
        self.0.push_doctype_system_identifier(s);
    }

    fn start_open_tag(&mut self) {
        self.0.start_open_tag();
    }

    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.0.current_is_appropriate_end_tag_token()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&mut self) -> bool {
        self.0
            .adjusted_current_node_present_but_not_in_html_namespace()
    }

    fn move_position(&mut self, offset: isize) {
        self.0.move_position(offset);
    }
}

//! The logic behind `errcode`: read a vendor's error-code page, recognise its entries, build the
//! catalog model and generate Rust tokens.

pub mod catalog;
pub mod document;
pub mod read;
pub mod recognise;

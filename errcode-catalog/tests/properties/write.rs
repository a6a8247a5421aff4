//! A catalog written back as a Markdown page in the heading-per-code layout.
//!
//! Reading the page again gives the same entries (codes, titles, messages, descriptions, causes,
//! solutions, other fields, sections), which the property tests check on every seed page and
//! on mutations of them: it proves that any text survives errcode's escaping. Symbols are not
//! written (the heading layout has no place for them), so names that came from a symbol differ.
//! Symbolic codes are written as code (`` ## `AccessDenied` ``), which the heading layout reads.

use errcode_catalog::catalog::{Catalog, Code, EntryDef};
use errcode_catalog::render::{code_span, escape_text};

/// The page, with one `##` section per section and one heading per entry.
pub fn to_markdown(catalog: &Catalog) -> String {
    let mut out = String::new();
    let title = catalog.title.as_deref().unwrap_or("Error Codes");
    out.push_str(&format!("# {}\n", line(title)));
    for definition in &catalog.enums {
        let mut section: Option<&str> = None;
        for entry in &definition.entries {
            let entry_section = entry.section.as_deref().or(definition.section.as_deref());
            if entry_section != section {
                section = entry_section;
                if let Some(heading) = section {
                    out.push_str(&format!("\n## {}\n", line(heading)));
                }
            }
            let level = if section.is_some() { "###" } else { "##" };
            write_entry(&mut out, level, entry);
        }
    }
    out
}

fn write_entry(out: &mut String, level: &str, entry: &EntryDef) {
    match &entry.code {
        Code::Int(value) => out.push_str(&format!("\n{level} {value}")),
        Code::Text(symbol) => out.push_str(&format!("\n{level} {}", code_span(symbol))),
    }
    if !entry.title.is_empty() {
        out.push_str(&format!(" {}", line(&entry.title)));
    }
    out.push('\n');
    field(out, "Error Message", &entry.message);
    if let Some(description) = &entry.description {
        field(out, "Error Description", description);
    }
    list(out, "Possible Causes", &entry.causes);
    list(out, "Solution", &entry.solutions);
    for extra in &entry.fields {
        let label = if extra.label.is_empty() {
            "Note"
        } else {
            extra.label.as_str()
        };
        field(out, label, &extra.text);
    }
}

fn field(out: &mut String, label: &str, text: &str) {
    if text.is_empty() {
        return;
    }
    out.push_str(&format!(
        "\n**{}**\n\n{}\n",
        line(label),
        paragraph(text, "")
    ));
}

fn list(out: &mut String, label: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    out.push_str(&format!("\n**{}**\n\n", line(label)));
    for (index, item) in items.iter().enumerate() {
        let marker = format!("{}. ", index + 1);
        let indent = " ".repeat(marker.len());
        out.push_str(&format!("{marker}{}\n", paragraph(item, &indent)));
    }
}

/// Text on one heading line: line breaks become spaces.
fn line(text: &str) -> String {
    escape_text(&text.replace('\n', " "), true)
}

/// Text as one paragraph; its line breaks become hard breaks (`\` at the end of a line).
fn paragraph(text: &str, indent: &str) -> String {
    text.split('\n')
        .map(|part| escape_text(part, true))
        .collect::<Vec<_>>()
        .join(&format!("\\\n{indent}"))
}

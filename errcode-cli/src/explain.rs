//! `errcode explain CODE [FILE...]`: the whole entry, rendered for a terminal.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ArgMatches;
use errcode_catalog::catalog::{Code, EntryDef, EnumDef};
use errcode_catalog::resolve::{self, DOCS_FOLDER};

use crate::Failure;
use crate::page::{emit, environment, options_of, pages_in};

pub(crate) fn run(args: &ArgMatches) -> Result<ExitCode, Failure> {
    let wanted = args
        .get_one::<String>("code")
        .map_or("", String::as_str)
        .trim();
    let files: Vec<PathBuf> = match args.get_many::<String>("files") {
        Some(files) => files.map(PathBuf::from).collect(),
        None => default_pages()?,
    };
    let options = options_of(args)?;
    let environment = environment()?;
    let root = environment.manifest_dir.clone();
    let mut found = 0;
    let mut out = String::new();
    for file in &files {
        let display = resolve::relative_to(&root.join(file), &root);
        let loaded = errcode_catalog::load_file(file.clone(), &display, &options, &environment);
        let Some(catalog) = loaded.catalog else {
            crate::page::print(&loaded.diagnostics, false);
            continue;
        };
        for definition in &catalog.enums {
            for entry in definition
                .entries
                .iter()
                .filter(|entry| matches(entry, wanted))
            {
                if found > 0 {
                    out.push('\n');
                }
                out.push_str(&render(definition, entry, &catalog.source));
                found += 1;
            }
        }
    }
    emit(&out)?;
    if found == 0 {
        let searched: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
        return Err(Failure::from(format!(
            "no page defines `{wanted}` (searched {})",
            searched.join(", ")
        )));
    }
    Ok(ExitCode::SUCCESS)
}

/// Every page of the nearest `docs-src/` folder (here or in a parent folder).
fn default_pages() -> Result<Vec<PathBuf>, Failure> {
    let here = environment()?.manifest_dir;
    let folder = here
        .ancestors()
        .map(|dir| dir.join(DOCS_FOLDER))
        .find(|dir| dir.is_dir())
        .ok_or_else(|| {
            Failure::from(format!(
                "no `{DOCS_FOLDER}/` folder here or above; name the pages to search"
            ))
        })?;
    let relative = folder
        .strip_prefix(&here)
        .map_or(folder.clone(), Path::to_path_buf);
    pages_in(&relative)
}

/// `7400101`, `0x70F`, `authfailure.signatureexpire`, `AV_ERR_FAILED` or a variant name.
fn matches(entry: &EntryDef, wanted: &str) -> bool {
    let as_number = parse_number(wanted);
    let code_matches = match &entry.code {
        Code::Int(value) => as_number == Some(*value),
        Code::Text(text) => {
            text.eq_ignore_ascii_case(wanted)
                || parse_number(text).is_some_and(|n| Some(n) == as_number)
        }
    };
    code_matches
        || entry
            .symbol
            .as_deref()
            .is_some_and(|symbol| symbol.eq_ignore_ascii_case(wanted))
        || entry.variant.eq_ignore_ascii_case(wanted)
}

fn parse_number(text: &str) -> Option<i128> {
    let text = text.trim().trim_start_matches('+');
    match text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
        Some(hex) => i128::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
}

/// The entry as a terminal shows it: heading, where it comes from, then each field.
pub(crate) fn render(definition: &EnumDef, entry: &EntryDef, source: &str) -> String {
    let mut out = String::new();
    let heading = if entry.title.is_empty() {
        entry.code.to_string()
    } else {
        format!("{} {}", entry.code, entry.title)
    };
    out.push_str(&format!("{heading}\n"));
    let mut origin = vec![
        format!("{}::{}", definition.name, entry.variant),
        format!("{source}:{}", entry.line),
    ];
    if let Some(section) = &entry.section {
        origin.push(format!("section: {section}"));
    }
    if let Some(symbol) = &entry.symbol {
        origin.push(format!("symbol: {symbol}"));
    }
    out.push_str(&format!("  {}\n", origin.join(" · ")));
    out.push_str(&format!(
        "\n  Message:     {}\n",
        indent(&entry.message, 15)
    ));
    if let Some(description) = entry.description.as_deref().filter(|d| *d != entry.message) {
        out.push_str(&format!("  Description: {}\n", indent(description, 15)));
    }
    list(&mut out, "Causes", &entry.causes);
    list(&mut out, "Solutions", &entry.solutions);
    for field in &entry.fields {
        let label = if field.label.is_empty() {
            "Note"
        } else {
            field.label.as_str()
        };
        out.push_str(&format!("\n  {label}:\n    {}\n", indent(&field.text, 4)));
    }
    out
}

fn list(out: &mut String, label: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    out.push_str(&format!("\n  {label}:\n"));
    for (index, item) in items.iter().enumerate() {
        let marker = if items.len() > 1 {
            format!("{}. ", index + 1)
        } else {
            "- ".to_owned()
        };
        out.push_str(&format!("    {marker}{}\n", indent(item, 4 + marker.len())));
    }
}

fn indent(text: &str, width: usize) -> String {
    text.replace('\n', &format!("\n{}", " ".repeat(width)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_codes_match() {
        assert_eq!(parse_number("0x1F"), Some(31));
        assert_eq!(parse_number(" +7400101 "), Some(7400101));
        assert_eq!(parse_number("-3301"), Some(-3301));
        assert_eq!(parse_number("AuthFailure"), None);
    }
}

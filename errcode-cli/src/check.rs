//! `errcode check PATH...`: lints pages and folders for a docs team's CI.
//!
//! Errors are what would fail the macro (conflicting duplicate codes, a page without entries);
//! warnings are likely mistakes (codes repeated word for word, names that clash, labels outside
//! the vocabulary, sections without entries, headings that mention a code but are not entries).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ArgMatches;
use errcode_catalog::read::read_file;
use errcode_catalog::resolve;
use errcode_catalog::validate::PageSource;

use crate::Failure;
use crate::page::{emit, environment, options_of, pages_in, render};

pub(crate) fn run(args: &ArgMatches) -> Result<ExitCode, Failure> {
    let deny_warnings = args.get_one::<String>("deny").is_some();
    let options = options_of(args)?;
    let environment = environment()?;
    let root = environment.manifest_dir.clone();
    let mut pages = Vec::new();
    for path in args.get_many::<String>("paths").into_iter().flatten() {
        let path = PathBuf::from(path);
        if !path.exists() {
            return Err(Failure::from(format!(
                "no such file or folder: `{}`",
                path.display()
            )));
        }
        pages.extend(pages_in(&path)?);
    }
    let mut diagnostics = Vec::new();
    for page in &pages {
        let display = resolve::relative_to(&root.join(page), &root);
        let loaded = errcode_catalog::load_file(page.clone(), &display, &options, &environment);
        diagnostics.extend(loaded.diagnostics);
        if let Ok((text, format)) = read_file(page, &display, &options) {
            let source = PageSource {
                path: &display,
                stem: "",
                text: &text,
            };
            diagnostics.extend(errcode_catalog::lint(&source, format));
        }
    }
    let (lines, counts) = render(&diagnostics, true);
    emit(
        &lines
            .iter()
            .map(|line| format!("{line}\n"))
            .collect::<String>(),
    )?;
    let noun = if pages.len() == 1 { "page" } else { "pages" };
    eprintln!(
        "checked {} {noun}: {} errors, {} warnings",
        pages.len(),
        counts.errors,
        counts.warnings
    );
    let failed = counts.errors > 0 || (deny_warnings && counts.warnings > 0);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

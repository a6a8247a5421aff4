//! Reading a page the way the macro does, and the commands that show one page:
//! `list`, `expand` and `json`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ArgMatches;
use errcode_catalog::catalog::Catalog;
use errcode_catalog::options::{Options, Value};
use errcode_catalog::resolve::Environment;
use errcode_catalog::{Diagnostic, Severity};

use crate::Failure;

/// Writes a command's output to stdout. A reader that stops early (`errcode json x | head`)
/// closes the pipe; that ends the output quietly instead of failing.
pub(crate) fn emit(text: &str) -> Result<(), Failure> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::from(format!("cannot write the output: {error}")))
        }
        _ => Ok(()),
    }
}

/// The page options of a command, as the macro would have them: every `--opt key=value`
/// (the value quoted or not) and `--section`, set by the library's one option setter.
pub(crate) fn options_of(args: &ArgMatches) -> Result<Options, Failure> {
    let mut options = Options::default();
    for option in args.get_many::<String>("opt").into_iter().flatten() {
        let (key, value) = split_option(option)
            .map_err(|message| format!("invalid --opt `{option}`: {message}"))?;
        options
            .set(key, &value)
            .map_err(|error| format!("invalid --opt `{option}`: {}", error.message))?;
    }
    if let Some(section) = args.try_get_one::<String>("section").ok().flatten() {
        options
            .set("section", &Value::Bare(section.clone()))
            .map_err(|error| format!("invalid --section: {}", error.message))?;
    }
    Ok(options)
}

/// `key=value`, or `derive(A, B)` as the macro writes it.
fn split_option(option: &str) -> Result<(&str, Value), String> {
    let list_start = option
        .find('(')
        .filter(|&open| !option[..open].contains('='));
    let (key, value) = match (list_start, option.split_once('=')) {
        (Some(open), _) => option.split_at(open),
        (None, Some((key, value))) => (key, value),
        (None, None) => return Err("expected `key=value`".to_owned()),
    };
    Ok((key.trim(), Value::parse(value)?))
}

/// The macro's environment for the current folder: it stands for the invoking crate's root.
pub(crate) fn environment() -> Result<Environment, Failure> {
    let manifest_dir =
        std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
    Ok(Environment {
        manifest_dir,
        source_file: None,
    })
}

fn file_of(args: &ArgMatches) -> &str {
    args.get_one::<String>("file").map_or("", String::as_str)
}

/// Loads the page of a command's `FILE` and `--opt` arguments; errors are printed and fail.
fn load(args: &ArgMatches) -> Result<Catalog, Failure> {
    let loaded = errcode_catalog::load(file_of(args), &options_of(args)?, &environment()?);
    if print(&loaded.diagnostics, false).errors > 0 {
        return Err(Failure::from(format!("`{}` has errors", file_of(args))));
    }
    loaded.catalog.ok_or_else(|| Failure::from("no catalog"))
}

/// How many problems were printed.
#[derive(Default)]
pub(crate) struct Counts {
    pub(crate) errors: usize,
    pub(crate) warnings: usize,
}

/// Prints errors to stderr as `path:line:col: error: message`.
pub(crate) fn print(diagnostics: &[Diagnostic], warnings: bool) -> Counts {
    let (lines, counts) = render(diagnostics, warnings);
    for line in lines {
        eprintln!("{line}");
    }
    counts
}

/// Diagnostics as `path:line:col: error: message` lines, sorted by place; warnings only with
/// `warnings`.
pub(crate) fn render(diagnostics: &[Diagnostic], warnings: bool) -> (Vec<String>, Counts) {
    let mut shown: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| warnings || d.severity == Severity::Error)
        .collect();
    shown.sort_by(|a, b| {
        a.positions
            .first()
            .cmp(&b.positions.first())
            .then(a.message.cmp(&b.message))
    });
    let mut counts = Counts::default();
    let mut lines = Vec::new();
    for diagnostic in shown {
        let level = match diagnostic.severity {
            Severity::Error => {
                counts.errors += 1;
                "error"
            }
            Severity::Warning => {
                counts.warnings += 1;
                "warning"
            }
        };
        let message = diagnostic.message.replace('\n', "\n    ");
        match diagnostic.positions.split_first() {
            Some((first, others)) => {
                lines.push(format!("{first}: {level}: {message}"));
                lines.extend(
                    others
                        .iter()
                        .map(|other| format!("{other}: note: also here")),
                );
            }
            None => lines.push(format!("errcode: {level}: {message}")),
        }
    }
    (lines, counts)
}

/// `errcode list FILE`: one aligned line per entry.
pub(crate) fn list(args: &ArgMatches) -> Result<ExitCode, Failure> {
    let catalog = load(args)?;
    let mut rows = Vec::new();
    for definition in &catalog.enums {
        for entry in &definition.entries {
            let message = entry.message.lines().next().unwrap_or("").to_owned();
            rows.push((
                entry.code.to_string(),
                format!("{}::{}", definition.name, entry.variant),
                message,
            ));
        }
    }
    let code_width = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
    let name_width = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for (code, name, message) in rows {
        out.push_str(&format!(
            "{code:>code_width$}  {name:<name_width$}  {message}\n"
        ));
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// `errcode expand FILE`: exactly the macro's expansion, formatted.
pub(crate) fn expand(args: &ArgMatches) -> Result<ExitCode, Failure> {
    let expansion =
        errcode_catalog::expand_page(file_of(args), &options_of(args)?, &environment()?);
    if print(&expansion.diagnostics, false).errors > 0 {
        return Err(Failure::from(format!("`{}` has errors", file_of(args))));
    }
    emit(&format!("{}\n", format_code(&expansion.code)?))?;
    Ok(ExitCode::SUCCESS)
}

/// Formats generated code with prettyplease.
pub(crate) fn format_code(code: &str) -> Result<String, Failure> {
    let file = syn::parse_file(code).map_err(|e| format!("the expansion does not parse: {e}"))?;
    Ok(prettyplease::unparse(&file))
}

/// `errcode json FILE`: the catalog model.
pub(crate) fn json(args: &ArgMatches) -> Result<ExitCode, Failure> {
    let catalog = load(args)?;
    let json =
        serde_json::to_string_pretty(&catalog).map_err(|e| format!("cannot write JSON: {e}"))?;
    emit(&format!("{json}\n"))?;
    Ok(ExitCode::SUCCESS)
}

/// The pages in a folder (recursively) or the file itself, sorted.
pub(crate) fn pages_in(path: &Path) -> Result<Vec<PathBuf>, Failure> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut pages = Vec::new();
    let mut folders = vec![path.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|e| format!("cannot read `{}`: {e}", folder.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("cannot read `{}`: {e}", folder.display()))?;
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if errcode_catalog::read::Format::from_path(&path).is_some() {
                pages.push(path);
            }
        }
    }
    pages.sort();
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_set_like_the_macro_does() {
        let matches = crate::cli::command()
            .try_get_matches_from([
                "errcode",
                "list",
                "docs-src/avsdk.md",
                "--opt",
                "strip_prefix = \"AV_ERR_\"",
                "--opt",
                "repr=u64",
                "--opt",
                "derive(Default, serde::Serialize)",
                "--section",
                "AVSDK Client Error Codes",
            ])
            .unwrap();
        let (_, args) = matches.subcommand().unwrap();
        let options = options_of(args).unwrap();
        assert_eq!(options.strip_prefix.as_deref(), Some("AV_ERR_"));
        assert_eq!(options.derives, ["Default", "serde::Serialize"]);
        assert_eq!(options.section.as_deref(), Some("AVSDK Client Error Codes"));
        assert_eq!(split_option("nmae=X").map(|(key, _)| key), Ok("nmae"));
        assert!(split_option("name").is_err());
    }
}

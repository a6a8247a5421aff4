//! Reading a page the way the macro does, and the commands that show one page:
//! `list`, `expand` and `json`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ArgMatches;
use errcode_catalog::catalog::Catalog;
use errcode_catalog::options::Invocation;
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

/// The invocation the macro would see for `FILE` and `--opt key=value` arguments.
pub(crate) fn invocation(file: &str, options: &[String]) -> Result<Invocation, Failure> {
    let mut tokens = format!("{file:?}");
    for option in options {
        tokens.push_str(", ");
        tokens.push_str(option);
    }
    syn::parse_str(&tokens).map_err(|error| {
        let messages: Vec<String> = error.into_iter().map(|e| e.to_string()).collect();
        Failure::from(format!("invalid --opt: {}", messages.join("; ")))
    })
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

fn options_of(args: &ArgMatches) -> Vec<String> {
    args.get_many::<String>("opt")
        .map(|values| values.cloned().collect())
        .unwrap_or_default()
}

fn file_of(args: &ArgMatches) -> &str {
    args.get_one::<String>("file").map_or("", String::as_str)
}

/// Loads the page of a command's `FILE` and `--opt` arguments; errors are printed and fail.
fn load(args: &ArgMatches) -> Result<Catalog, Failure> {
    let invocation = invocation(file_of(args), &options_of(args))?;
    let loaded = errcode_catalog::load(
        &invocation.path.value(),
        &invocation.options,
        &environment()?,
    );
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
    let section = args.get_one::<String>("section");
    let mut rows = Vec::new();
    for definition in &catalog.enums {
        for entry in &definition.entries {
            let in_section = section.is_none_or(|wanted| {
                [entry.section.as_deref(), definition.section.as_deref()]
                    .into_iter()
                    .flatten()
                    .any(|s| s.eq_ignore_ascii_case(wanted.trim()))
            });
            if in_section {
                let message = entry.message.lines().next().unwrap_or("").to_owned();
                rows.push((
                    entry.code.to_string(),
                    format!("{}::{}", definition.name, entry.variant),
                    message,
                ));
            }
        }
    }
    if let (Some(wanted), true) = (section, rows.is_empty()) {
        return Err(Failure::from(format!(
            "no entries in section `{wanted}` of `{}`",
            file_of(args)
        )));
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
    let invocation = invocation(file_of(args), &options_of(args))?;
    let expansion = errcode_catalog::expand_invocation(&invocation, &environment()?);
    if print(&expansion.diagnostics, false).errors > 0 {
        return Err(Failure::from(format!("`{}` has errors", file_of(args))));
    }
    emit(&format!("{}\n", format_tokens(expansion.tokens)?))?;
    Ok(ExitCode::SUCCESS)
}

/// Formats generated tokens with prettyplease.
pub(crate) fn format_tokens(tokens: proc_macro2::TokenStream) -> Result<String, Failure> {
    let file: syn::File =
        syn::parse2(tokens).map_err(|e| format!("the expansion does not parse: {e}"))?;
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
    fn options_are_parsed_like_the_macro_does() {
        let invocation = invocation(
            "docs-src/avsdk.md",
            &["strip_prefix = \"AV_ERR_\"".into(), "repr=u64".into()],
        )
        .unwrap();
        assert_eq!(invocation.path.value(), "docs-src/avsdk.md");
        assert_eq!(invocation.options.strip_prefix.unwrap().value(), "AV_ERR_");
        let error = invocation_error("nmae=X");
        assert_eq!(
            error,
            "invalid --opt: unknown option `nmae`; did you mean `name`?"
        );
    }

    fn invocation_error(option: &str) -> String {
        match invocation("x.md", &[option.to_owned()]) {
            Err(Failure(message)) => message,
            Ok(_) => panic!("an error"),
        }
    }
}

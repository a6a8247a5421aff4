//! `errcode lock PAGE`: writes `PAGE.lock`, the variant names of the page's codes, so that a
//! reworded page keeps them (see the `lock` module of errcode-catalog).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ArgMatches;
use errcode_catalog::{lock, resolve};

use crate::Failure;
use crate::page::{environment, options_of, print};

pub(crate) fn run(args: &ArgMatches) -> Result<ExitCode, Failure> {
    let file = args.get_one::<String>("file").map_or("", String::as_str);
    let prune = args.get_flag("prune");
    let options = options_of(args)?;
    let environment = environment()?;
    let path = PathBuf::from(file);
    if !path.is_file() {
        return Err(Failure::from(format!("no such page: `{file}`")));
    }
    let display = resolve::relative_to(
        &environment.manifest_dir.join(&path),
        &environment.manifest_dir,
    );
    let loaded = errcode_catalog::load_file(path.clone(), &display, &options, &environment);
    if print(&loaded.diagnostics, false).errors > 0 {
        return Err(Failure::from(format!("`{file}` has errors")));
    }
    let catalog = loaded
        .catalog
        .ok_or_else(|| Failure::from(format!("`{file}` could not be read")))?;
    let page_name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let written = lock::of_catalog(&catalog, &page_name, prune);
    let lock_path = lock::path_beside(&path);
    std::fs::write(&lock_path, written.write())
        .map_err(|e| format!("cannot write `{}`: {e}", lock_path.display()))?;
    let codes: usize = written.enums.iter().map(|e| e.codes.len()).sum();
    let gone: usize = catalog
        .enums
        .iter()
        .flat_map(|e| &e.entries)
        .filter(|entry| entry.deprecated.is_some())
        .count();
    let enums = written.enums.len();
    let noun = if enums == 1 { "enum" } else { "enums" };
    let gone = match (gone, prune) {
        (0, _) => String::new(),
        (gone, true) => format!("; pruned {gone} the page no longer lists"),
        (gone, false) => format!("; kept {gone} the page no longer lists (--prune drops them)"),
    };
    eprintln!(
        "wrote {}: {codes} codes in {enums} {noun}{gone}",
        lock_path.display()
    );
    Ok(ExitCode::SUCCESS)
}

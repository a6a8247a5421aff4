//! The command line, with clap's builder API.

use std::process::ExitCode;

use clap::{Arg, ArgAction, Command};

fn page_options() -> Arg {
    Arg::new("opt")
        .long("opt")
        .value_name("KEY=VALUE")
        .action(ArgAction::Append)
        .help("An option of error_catalog!: --opt strip_prefix=AV_ERR_, --opt 'rename={10009=Busy}', --opt 'derive(Default)'; quoting a value is optional")
}

fn file() -> Arg {
    Arg::new("file")
        .value_name("FILE")
        .required(true)
        .help("The page: Markdown, HTML or text")
}

/// The `errcode` command and its subcommands.
pub(crate) fn command() -> Command {
    Command::new("errcode")
        .version(env!("CARGO_PKG_VERSION"))
        .about("Reads vendors' error-code pages as errcode's error_catalog! macro does")
        .subcommand_required(true)
        .subcommand(
            Command::new("list")
                .about("One line per entry: code, Enum::Variant, message")
                .arg(file())
                .arg(Arg::new("section").long("section").value_name("SECTION").help("Only entries of this section and its subsections (the `section` option)"))
                .arg(page_options()),
        )
        .subcommand(
            Command::new("explain")
                .about("Everything a page says about a code, like `rustc --explain`")
                .arg(Arg::new("code").value_name("CODE").required(true).help("A code, symbol or variant name (7400101, AuthFailure.SignatureExpire)"))
                .arg(
                    Arg::new("files")
                        .value_name("FILE")
                        .num_args(0..)
                        .help("Pages to search; default: every page in docs-src/"),
                )
                .arg(page_options()),
        )
        .subcommand(
            Command::new("expand")
                .about("The Rust code the macro generates for a page, formatted")
                .arg(file())
                .arg(page_options()),
        )
        .subcommand(
            Command::new("json")
                .about("The page's catalog as JSON")
                .arg(file())
                .arg(page_options()),
        )
        .subcommand(
            Command::new("check")
                .about("Lints pages: duplicates, name clashes, missing messages, unknown labels, sections without entries")
                .arg(Arg::new("paths").value_name("PATH").num_args(1..).required(true).help("Pages, or folders searched for pages"))
                .arg(
                    Arg::new("deny")
                        .long("deny")
                        .value_name("LEVEL")
                        .value_parser(["warnings"])
                        .help("--deny warnings: fail on warnings too"),
                )
                .arg(page_options()),
        )
        .subcommand(
            Command::new("diff")
                .about("What changes between two versions of a page, and whether it breaks code that uses the enum")
                .arg(Arg::new("old").value_name("OLD").required(true))
                .arg(Arg::new("new").value_name("NEW").required(true))
                .arg(Arg::new("lock").long("lock").value_name("LOCK").help("The lock file naming the variants of both versions; default: NEW's own (NEW.lock), when it has one"))
                .arg(page_options()),
        )
        .subcommand(
            Command::new("lock")
                .about("Writes FILE.lock, the variant name of each code, which later builds keep whatever the page's wording")
                .arg(file())
                .arg(Arg::new("prune").long("prune").action(ArgAction::SetTrue).help("Drop the codes the page no longer lists (kept until then as deprecated variants)"))
                .arg(page_options()),
        )
}

/// Prints a usage error as `errcode: ...` with exit code 2 (help and version exit 0).
pub(crate) fn usage_error(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        print!("{error}");
        return if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    let rendered = error.to_string();
    let message = rendered.strip_prefix("error: ").unwrap_or(&rendered);
    eprint!("errcode: {message}");
    ExitCode::from(2)
}

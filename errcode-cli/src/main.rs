//! `errcode`: see what the macro makes of a page before building, look an error up the way
//! `rustc --explain` does, lint pages in a docs team's CI, and tell whether a doc update breaks
//! downstream code.
//!
//! Exit codes: 0 success, 1 a failure the command reports (page errors, an unknown code, a
//! breaking change), 2 a usage error.

mod check;
mod cli;
mod diff;
mod explain;
mod lock;
mod page;

use std::process::ExitCode;

use clap::ArgMatches;

/// A command's failure: its message, printed as `errcode: <message>` with exit code 1.
#[derive(Debug)]
struct Failure(String);

impl<T: Into<String>> From<T> for Failure {
    fn from(message: T) -> Self {
        Failure(message.into())
    }
}

fn main() -> ExitCode {
    let matches = match cli::command().try_get_matches() {
        Ok(matches) => matches,
        Err(error) => return cli::usage_error(&error),
    };
    match run(&matches) {
        Ok(code) => code,
        Err(Failure(message)) => {
            eprintln!("errcode: {message}");
            ExitCode::from(1)
        }
    }
}

fn run(matches: &ArgMatches) -> Result<ExitCode, Failure> {
    match matches.subcommand() {
        Some(("list", args)) => page::list(args),
        Some(("explain", args)) => explain::run(args),
        Some(("expand", args)) => page::expand(args),
        Some(("json", args)) => page::json(args),
        Some(("check", args)) => check::run(args),
        Some(("diff", args)) => diff::run(args),
        Some(("lock", args)) => lock::run(args),
        _ => Err(Failure::from("no command given; see `errcode --help`")),
    }
}

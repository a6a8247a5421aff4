//! `cargo run --release -p errcode-bench -- <command>`: errcode's benchmarks (BENCHMARKS.md).
//!
//! Every command takes `--codes runs` (the default: codes in runs, as vendors number them) or
//! `--codes scattered` (no two codes consecutive, the compiler's worst case).
//!
//! - `build [--sizes 1000,10000,30000] [--reps 3] [--baselines-up-to 10000]`: `cargo build` time
//!   and peak memory of the same generated page as a crate using `error_catalog!`, as that
//!   crate with the expansion written out (the floor), as match-based code, as thiserror +
//!   num_enum + strum derives, and as a bare enum. Dependencies are built once; before each
//!   measured build only the measured crate is cleaned (`CARGO_INCREMENTAL=0`), and the kinds
//!   take turns; a macro crate is built with the expansion caches emptied (the page changed)
//!   and then with what that build kept (the page unchanged). Also the no-op rebuild after
//!   touching `lib.rs`.
//! - `expand [--sizes ...]`: errcode's own work (read, recognise, validate, expand) on the page.
//! - `lookup [--sizes ...]`: `from_code`, `message` and `entry()` against a `HashMap` built at
//!   start-up.
//! - `corpus [--pages DIR] [--reps 3]`: one crate with an `error_catalog!` for every page under
//!   DIR (the pages of `ERRCODE_CORPUS`'s `truth.json` files unless given), against the same
//!   crate with the expansions written out: clean builds and the no-op rebuild.
//! - `first-build [--sizes 100] [--reps 1]`: the first build of a user's crate, every
//!   dependency from scratch, with `error_catalog!` and with thiserror + num_enum + strum.
//! - `smoke`: every step but `first-build` on a tiny page (and `corpus` on the pages the
//!   repository carries), so CI keeps the benchmarks working.

mod corpus;
mod crates;
mod page;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crates::Kind;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn bench_dir() -> PathBuf {
    workspace().join("target/bench")
}

fn option(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|arg| arg == name)
        .and_then(|index| args.get(index + 1))
        .cloned()
}

fn sizes(args: &[String], default: &[usize]) -> Vec<usize> {
    option(args, "--sizes")
        .map(|sizes| {
            sizes
                .split(',')
                .filter_map(|size| size.trim().parse().ok())
                .collect()
        })
        .unwrap_or_else(|| default.to_vec())
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

fn codes(args: &[String]) -> page::Codes {
    match option(args, "--codes").as_deref() {
        Some("scattered") => page::Codes::Scattered,
        _ => page::Codes::Runs,
    }
}

/// Writes the generated page of `n` entries and returns its folder.
fn write_page(n: usize, codes: page::Codes) -> PathBuf {
    let dir = bench_dir()
        .join("pages")
        .join(format!("{n}-{codes:?}").to_lowercase());
    std::fs::create_dir_all(&dir).expect("a folder for the page");
    let text = page::page(&page::entries(n, codes));
    let path = dir.join("page.md");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(&path, text).expect("the page is written");
    }
    dir
}

/// A crate of `kind` for the page in `page_dir`; returns its folder and package name.
fn write_crate(
    kind: Kind,
    n: usize,
    page_dir: &Path,
    lib: &str,
    extra_deps: &str,
) -> (PathBuf, String) {
    let name = format!("bench-{}-{n}", kind.name());
    let dir = bench_dir().join("crates").join(&name);
    std::fs::create_dir_all(dir.join("src")).expect("a crate folder");
    let runtime = workspace()
        .join("errcode-runtime")
        .canonicalize()
        .expect("the runtime");
    let manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\n{}{extra_deps}\n[workspace]\n{}",
        kind.dependencies(&runtime.display().to_string()),
        kind.profile(),
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).expect("a manifest");
    std::fs::copy(page_dir.join("page.md"), dir.join("page.md")).expect("the page");
    let lib_path = dir.join("src/main.rs");
    let _ = std::fs::remove_file(&lib_path);
    std::fs::write(dir.join("src/lib.rs"), lib).expect("the source");
    (dir, name)
}

/// Empties the expansion caches of the bench's target folder (`errcode_catalog::cache`), so that
/// the next build of a macro crate expands its pages as after an edit of each.
fn forget_kept_expansions() {
    let builds = bench_dir().join("target/debug/build");
    for build in std::fs::read_dir(builds).into_iter().flatten().flatten() {
        if build
            .file_name()
            .to_string_lossy()
            .starts_with("errcode-catalog-")
        {
            let _ = std::fs::remove_dir_all(build.path().join("out/expansions"));
        }
    }
}

/// One measured build of the crate `name` in `dir` after cleaning it; with `forget`, every
/// expansion kept by earlier builds is forgotten first (as after a page edit).
fn clean_build(dir: &Path, name: &str, forget: bool) -> Measured {
    if forget {
        forget_kept_expansions();
    }
    cargo(dir, &["clean", "--quiet", "-p", name], false);
    cargo(dir, &["build", "--quiet"], false)
}

/// A measured command: wall time, and peak memory of the largest process (GNU time, when the
/// machine has it).
struct Measured {
    seconds: f64,
    peak_mb: Option<f64>,
}

fn cargo(dir: &Path, args: &[&str], incremental: bool) -> Measured {
    cargo_in(dir, &bench_dir().join("target"), args, incremental)
}

/// [`cargo`] with its own target folder.
fn cargo_in(dir: &Path, target: &Path, args: &[&str], incremental: bool) -> Measured {
    let time = Path::new("/usr/bin/time");
    let mut command = if time.exists() {
        let mut command = Command::new(time);
        command.args(["-f", "errcode-bench-peak-kb %M", "cargo"]);
        command
    } else {
        Command::new("cargo")
    };
    command
        .args(args)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env("CARGO_INCREMENTAL", if incremental { "1" } else { "0" });
    let start = Instant::now();
    let output = command.output().expect("cargo runs");
    let seconds = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "cargo {args:?} in {} failed:\n{stderr}",
        dir.display()
    );
    let peak_mb = stderr
        .lines()
        .filter_map(|line| line.strip_prefix("errcode-bench-peak-kb "))
        .filter_map(|kb| kb.trim().parse::<f64>().ok())
        .next_back()
        .map(|kb| kb / 1024.0);
    Measured { seconds, peak_mb }
}

fn build(args: &[String]) {
    let sizes = sizes(args, &[1_000, 10_000, 30_000]);
    let reps: usize = option(args, "--reps")
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let baselines_up_to: usize = option(args, "--baselines-up-to")
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX);
    for n in sizes {
        let page_dir = write_page(n, codes(args));
        let (catalog, expansion) = crates::expand(&page_dir);
        let kinds: Vec<Kind> = Kind::ALL
            .into_iter()
            .filter(|kind| n <= baselines_up_to || !matches!(kind, Kind::Match | Kind::Derives))
            .collect();
        let crates: Vec<(Kind, PathBuf, String)> = kinds
            .iter()
            .map(|&kind| {
                let (dir, name) = write_crate(
                    kind,
                    n,
                    &page_dir,
                    &crates::source(kind, &catalog, &expansion),
                    "",
                );
                (kind, dir, name)
            })
            .collect();
        eprintln!("n = {n}: building dependencies");
        for (_, dir, _) in &crates {
            cargo(dir, &["build", "--quiet"], false);
        }
        // A macro crate is built twice a turn: with nothing kept (as after a page edit), then
        // with the expansion kept by that build (as after an edit of the crate's own code).
        let mut rows: Vec<(String, Vec<Measured>)> = Vec::new();
        let mut rows_of_crate = Vec::new();
        for kind in &kinds {
            let cold = rows.len();
            if kind.invokes_the_macro() {
                rows.push((format!("{}, page changed", kind.name()), Vec::new()));
                rows.push((format!("{}, page unchanged", kind.name()), Vec::new()));
                rows_of_crate.push(vec![(cold, true), (cold + 1, false)]);
            } else {
                rows.push((kind.name().to_owned(), Vec::new()));
                rows_of_crate.push(vec![(cold, false)]);
            }
        }
        for rep in 0..reps {
            for turn in 0..crates.len() {
                let index = (turn + rep) % crates.len();
                let (_, dir, name) = &crates[index];
                for &(row, forget) in &rows_of_crate[index] {
                    let measured = clean_build(dir, name, forget);
                    eprintln!(
                        "n = {n} rep {rep}: {} {:.2} s",
                        rows[row].0, measured.seconds
                    );
                    rows[row].1.push(measured);
                }
            }
        }
        let macro_seconds = median(rows[0].1.iter().map(|m| m.seconds).collect());
        println!("\n### {n} entries ({reps} builds each, medians)\n");
        println!("| crate | build (s) | min–max (s) | peak memory (MB) | vs macro, page changed |");
        println!("|---|---|---|---|---|");
        for (label, measured) in &rows {
            let seconds: Vec<f64> = measured.iter().map(|m| m.seconds).collect();
            let peak = measured
                .iter()
                .filter_map(|m| m.peak_mb)
                .fold(0.0_f64, f64::max);
            let (low, high) = seconds
                .iter()
                .fold((f64::MAX, 0.0_f64), |(l, h), s| (l.min(*s), h.max(*s)));
            let middle = median(seconds.clone());
            println!(
                "| {label} | {middle:.2} | {low:.2}–{high:.2} | {peak:.0} | {:.2}× |",
                middle / macro_seconds
            );
        }
        println!(
            "\nNo-op rebuild after touching `src/lib.rs` (incremental, as `cargo build` does; the page unchanged):\n"
        );
        for (kind, dir, _) in crates
            .iter()
            .filter(|(kind, ..)| matches!(kind, Kind::Macro | Kind::MacroOptimized | Kind::Match))
        {
            cargo(dir, &["build", "--quiet"], true);
            let lib = dir.join("src/lib.rs");
            let text = std::fs::read_to_string(&lib).expect("the source");
            std::fs::write(&lib, text).expect("touch");
            let measured = cargo(dir, &["build", "--quiet"], true);
            println!("- {}: {:.2} s", kind.name(), measured.seconds);
        }
    }
}

/// The median time of `runs` calls of `f`.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn expand(args: &[String]) {
    println!(
        "| entries | page (KiB) | errcode's work: read, recognise, validate, expand (ms, median of 5) |"
    );
    println!("|---|---|---|");
    for n in sizes(args, &[1_000, 10_000, 30_000]) {
        let page_dir = write_page(n, codes(args));
        let size = std::fs::metadata(page_dir.join("page.md"))
            .map(|m| m.len())
            .unwrap_or(0);
        let elapsed = time(5, || crates::macro_work(&page_dir));
        println!(
            "| {n} | {} | {:.1} |",
            size / 1024,
            elapsed.as_secs_f64() * 1000.0
        );
    }
}

const LOOKUP_MAIN: &str = r#"
errcode_runtime::error_catalog!("page.md");

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let codes: Vec<u32> = BenchError::ALL.iter().map(|error| error.code()).collect();
    let mut queries = Vec::with_capacity(1 << 16);
    let mut state = 0x9E37_79B9_7F4A_7C15_u64;
    for _ in 0..queries.capacity() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let code = codes[(state % codes.len() as u64) as usize];
        // One query in eight asks for a code the page does not define.
        queries.push(if state % 8 == 0 { code + 1_000_000 } else { code });
    }
    let map: HashMap<u32, &'static str> =
        codes.iter().map(|&code| (code, BenchError::from_code(code).unwrap().message())).collect();
    let measure = |f: &dyn Fn(u32) -> Option<&'static str>| {
        let mut samples: Vec<f64> = (0..9)
            .map(|_| {
                let start = Instant::now();
                for &query in &queries {
                    black_box(f(black_box(query)));
                }
                start.elapsed().as_nanos() as f64 / queries.len() as f64
            })
            .collect();
        samples.sort_by(f64::total_cmp);
        samples[samples.len() / 2]
    };
    let from_code = measure(&|code| BenchError::from_code(code).map(|_| ""));
    let message = measure(&|code| BenchError::from_code(code).map(BenchError::message));
    // `entry()` assembles the whole entry from the tables, its lists included.
    let entry = measure(&|code| {
        BenchError::from_code(code).map(|error| {
            let entry = error.entry();
            black_box(entry.causes.get(0));
            entry.message
        })
    });
    let hashmap = measure(&|code| map.get(&code).copied());
    println!("{} {from_code:.1} {message:.1} {entry:.1} {hashmap:.1}", codes.len());
}
"#;

fn lookup(args: &[String], release: bool) {
    println!(
        "| entries | `from_code` (ns) | `from_code` + `message` (ns) | `from_code` + `entry()` (ns) | `HashMap::get` (ns) |"
    );
    println!("|---|---|---|---|---|");
    for n in sizes(args, &[1_000, 10_000, 30_000]) {
        let page_dir = write_page(n, codes(args));
        let (dir, name) = write_crate(Kind::Macro, n, &page_dir, "", "");
        let dir_main = dir.join("src/main.rs");
        let _ = std::fs::remove_file(dir.join("src/lib.rs"));
        std::fs::write(&dir_main, LOOKUP_MAIN).expect("the lookup program");
        let mut run = vec!["run", "--quiet"];
        if release {
            run.push("--release");
        }
        let output = Command::new("cargo")
            .args(&run)
            .current_dir(&dir)
            .env("CARGO_TARGET_DIR", bench_dir().join("target"))
            .output()
            .expect("cargo runs");
        assert!(
            output.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let line = String::from_utf8_lossy(&output.stdout);
        let fields: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(fields.len(), 5, "{line}");
        println!("| {} |", fields.join(" | "));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("build") => build(&args),
        Some("expand") => expand(&args),
        Some("lookup") => lookup(&args, true),
        Some("corpus") => corpus::corpus(&args),
        Some("first-build") => corpus::first_build(&args),
        Some("smoke") => {
            let smoke = vec!["smoke".to_owned(), "--sizes".to_owned(), "100".to_owned()];
            let carried = errcode_test_pages::carried()
                .join("en")
                .display()
                .to_string();
            corpus::corpus(&["smoke", "--pages", &carried, "--reps", "1"].map(str::to_owned));
            expand(&smoke);
            lookup(&smoke, false);
            build(
                &[
                    smoke,
                    vec![
                        "--reps".to_owned(),
                        "1".to_owned(),
                        "--baselines-up-to".to_owned(),
                        "0".to_owned(),
                    ],
                ]
                .concat(),
            );
        }
        _ => {
            eprintln!(
                "usage: errcode-bench build|expand|lookup|corpus|first-build|smoke [--sizes 1000,10000] [--reps 3] [--baselines-up-to N] [--pages DIR]"
            );
            std::process::exit(2);
        }
    }
}

//! Builds of real pages: every page of the corpus in one crate, and the first build of a user's
//! crate, dependencies included.

use std::path::{Path, PathBuf};

use errcode_catalog::options::{DuplicatePolicy, Options};

use crate::crates::{self, Kind};
use crate::{Measured, bench_dir, cargo, cargo_in, median, option, sizes, write_crate, write_page};

fn reps(args: &[String], default: usize) -> usize {
    option(args, "--reps")
        .and_then(|r| r.parse().ok())
        .unwrap_or(default)
}

/// `corpus`: one crate with an `error_catalog!` per page of `ERRCODE_CORPUS` or of the folder
/// `--pages` (each in its own
/// module, since pages reuse enum names), against the same crate with the expansions written
/// out. The difference is the macro's own work. Every page gets `duplicates = "first"`, which
/// the few pages that define a code twice need and the others ignore.
pub fn corpus(args: &[String]) {
    let pages: Vec<PathBuf> = match option(args, "--pages") {
        Some(folder) => errcode_test_pages::pages_in(Path::new(&folder)),
        None => errcode_test_pages::corpus()
            .truth()
            .into_iter()
            .map(|page| page.path)
            .collect(),
    };
    let reps = reps(args, 3);
    let crates: Vec<(&str, PathBuf)> = [("macro", false), ("floor", true)]
        .into_iter()
        .map(|(kind, written_out)| (kind, corpus_crate(kind, &pages, written_out)))
        .collect();
    eprintln!("corpus of {} pages: building dependencies", pages.len());
    for (_, dir) in &crates {
        cargo(dir, &["build", "--quiet"], false);
    }
    // The macro crate is built with nothing kept (every page as after an edit), then with what
    // that build kept (as after an edit of the crate's own code).
    let rows = [
        "macro, pages changed",
        "macro, pages unchanged",
        "expansions written out",
    ];
    let rows_of_crate = [vec![(0, true), (1, false)], vec![(2, false)]];
    let mut seconds: Vec<Vec<f64>> = vec![Vec::new(); rows.len()];
    for rep in 0..reps {
        for turn in 0..crates.len() {
            let index = (turn + rep) % crates.len();
            let (kind, dir) = &crates[index];
            let name = format!("bench-corpus-{kind}");
            for &(row, forget) in &rows_of_crate[index] {
                let measured = crate::clean_build(dir, &name, forget);
                eprintln!("corpus rep {rep}: {} {:.2} s", rows[row], measured.seconds);
                seconds[row].push(measured.seconds);
            }
        }
    }
    let rebuilds: Vec<f64> = crates
        .iter()
        .map(|(_, dir)| median((0..reps).map(|_| no_op_rebuild(dir)).collect()))
        .collect();
    println!(
        "\n### {} pages in one crate ({reps} builds each, medians)\n",
        pages.len()
    );
    println!("| crate | build (s) | min–max (s) |");
    println!("|---|---|---|");
    for (row, times) in rows.iter().zip(&seconds) {
        let low = times.iter().copied().fold(f64::MAX, f64::min);
        let high = times.iter().copied().fold(0.0, f64::max);
        println!(
            "| {row} | {:.2} | {low:.2}–{high:.2} |",
            median(times.clone())
        );
    }
    let written = median(seconds[2].clone());
    for (row, times) in rows.iter().zip(&seconds).take(2) {
        let with_macro = median(times.clone());
        println!(
            "\n{row}: the macro's own work {:.2} s, {:.0}% of the build.",
            with_macro - written,
            100.0 * (with_macro - written) / with_macro,
        );
    }
    println!(
        "\nNo-op rebuild after touching `src/lib.rs` (pages unchanged; median of {reps}): macro {:.2} s, written out {:.2} s ({:.2}×).",
        rebuilds[0],
        rebuilds[1],
        rebuilds[0] / rebuilds[1]
    );
}

/// The corpus crate: the pages copied in as `pages/p{index}.{ext}`, and either an invocation or
/// its expansion per page.
fn corpus_crate(kind: &str, pages: &[PathBuf], written_out: bool) -> PathBuf {
    let name = format!("bench-corpus-{kind}");
    let dir = bench_dir().join("crates").join(&name);
    std::fs::create_dir_all(dir.join("pages")).expect("a folder for the pages");
    std::fs::create_dir_all(dir.join("src")).expect("a crate folder");
    let runtime = crate::workspace()
        .join("errcode-runtime")
        .canonicalize()
        .expect("the runtime");
    let manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\nerrcode-runtime = {{ path = {:?} }}\n\n[workspace]\n",
        runtime.display().to_string()
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).expect("a manifest");
    let mut lib = String::from("#![allow(dead_code)]\n");
    for (index, page) in pages.iter().enumerate() {
        let extension = page.extension().and_then(|e| e.to_str()).unwrap_or("md");
        let file = format!("pages/p{index}.{extension}");
        std::fs::copy(page, dir.join(&file)).expect("the page is copied");
        let body = if written_out {
            let options = Options {
                duplicates: Some(DuplicatePolicy::First),
                ..Options::default()
            };
            crates::written_out(&dir, &file, &options)
        } else {
            format!("errcode_runtime::error_catalog!({file:?}, duplicates = \"first\");\n")
        };
        lib.push_str(&format!("\npub mod p{index} {{\n{body}}}\n"));
    }
    std::fs::write(dir.join("src/lib.rs"), lib).expect("the source");
    dir
}

/// The incremental build after touching `src/lib.rs`, as `cargo build` does after an edit.
fn no_op_rebuild(dir: &Path) -> f64 {
    cargo(dir, &["build", "--quiet"], true);
    let lib = dir.join("src/lib.rs");
    let text = std::fs::read_to_string(&lib).expect("the source");
    std::fs::write(&lib, text).expect("touch");
    cargo(dir, &["build", "--quiet"], true).seconds
}

/// `first-build`: a user's first `cargo build`, every dependency from scratch, of the generated
/// page as `error_catalog!` and as thiserror + num_enum + strum derives. Each build has a target
/// folder of its own, emptied before it; crates.io sources are already downloaded.
pub fn first_build(args: &[String]) {
    let reps = reps(args, 1);
    for n in sizes(args, &[100]) {
        let page_dir = write_page(n, crate::codes(args));
        let (catalog, expansion) = crates::expand(&page_dir);
        println!("\n### First build, {n} entries ({reps} builds each, medians)\n");
        println!("| crate | first build (s) | peak memory (MB) |");
        println!("|---|---|---|");
        for kind in [Kind::Macro, Kind::Derives] {
            let source = crates::source(kind, &catalog, &expansion);
            let (dir, _) = write_crate(kind, n, &page_dir, &source, "");
            let target = bench_dir().join("first").join(kind.name());
            cargo_in(&dir, &target, &["fetch", "--quiet"], false);
            let measured: Vec<Measured> = (0..reps)
                .map(|_| {
                    let _ = std::fs::remove_dir_all(&target);
                    cargo_in(&dir, &target, &["build", "--quiet"], false)
                })
                .collect();
            let peak = measured
                .iter()
                .filter_map(|m| m.peak_mb)
                .fold(0.0_f64, f64::max);
            let seconds = median(measured.iter().map(|m| m.seconds).collect());
            println!("| {} | {seconds:.2} | {peak:.0} |", kind.name());
        }
    }
}

#!/usr/bin/env bash
# Instructions rustc executes to build the bench's macro crate of N entries, or the corpus
# crate, with its pages changed (the kept expansions removed): the whole rustc and the proc
# macro's part, by stage. Counted with callgrind, deterministic where the wall clock of a
# shared machine is not (BENCHMARKS.md, item 13). Needs valgrind, and the crate from an earlier
# `cargo run --release -p errcode-bench -- build --sizes N` (or `-- corpus`).
#
#   bench/instructions.sh 1000
#   bench/instructions.sh corpus
set -euo pipefail
n="${1:?usage: bench/instructions.sh N (entries) | corpus}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/target/bench/target"
if [ "$n" = corpus ]; then
    name="bench-corpus-macro"
    made_by="errcode-bench corpus"
else
    name="bench-macro-$n"
    made_by="errcode-bench build --sizes $n"
fi
crate="$root/target/bench/crates/$name"
[ -d "$crate" ] || { echo "no $crate: run $made_by first" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 1; }

cd "$crate"
touch src/lib.rs
# The rustc command cargo runs for the crate itself, writing its output elsewhere.
rustc_command="$(CARGO_TARGET_DIR="$target" cargo build -v 2>&1 \
    | sed -n "s/^ *Running \`\(.*--crate-name ${name//-/_} .*\)\`$/\1/p" | tail -1)"
[ -n "$rustc_command" ] || { echo "cargo ran no rustc for $name" >&2; exit 1; }
out="$(mktemp -d)"
rustc_command="$(echo "$rustc_command" \
    | sed "s/-C incremental=[^ ]* //; s#--out-dir [^ ]*#--out-dir $out#")"

rm -rf "$target"/debug/build/errcode-catalog-*/out/expansions
CARGO_MANIFEST_DIR="$crate" eval valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" \
    "$rustc_command" 2>/dev/null
callgrind_annotate --inclusive=yes "$out/callgrind.out" 2>/dev/null \
    | grep -E "PROGRAM TOTALS|errcode_macros::error_catalog |errcode_catalog::(read::read|recognise::recognise|validate::validate|expand::expand) " \
    | sed 's/ *\[.*//; s/???://'
rm -rf "$out"

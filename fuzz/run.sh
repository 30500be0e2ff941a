#!/usr/bin/env bash
# Fuzzes one target, or replays the seeds and findings through every target (see README.md):
#
#   fuzz/run.sh TARGET [SECONDS]   fuzz TARGET for SECONDS (600 by default) with cargo-fuzz
#   fuzz/run.sh --replay           build the targets with plain cargo and run each input once
#
# Fuzzing builds with cargo-fuzz and no sanitizer (stable Rust needs nothing else), starts
# from fuzz/corpus/TARGET plus the seed inputs below, splices in fuzz/dateline.dict, and
# saves a crash in fuzz/artifacts/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."

# The inputs every run starts from: the parse crate's fixtures, the seed articles, the
# target's own seeds and what fuzzing it found before.
seed_dirs() {
    local dir
    for dir in crates/parse/tests/fixtures seeds "fuzz/seeds/$1" "crates/parse/tests/fuzz-failures/$1"; do
        if [[ -d $dir ]]; then printf '%s\n' "$dir"; fi
    done
}

if [[ ${1:-} == --replay ]]; then
    # Without cargo-fuzz's instrumentation the binaries cannot fuzz, but run given inputs
    # as libFuzzer does (`-runs=0`: the corpus once, nothing more); a broken invariant is a
    # panic and a non-zero exit.
    if ! cargo build --manifest-path fuzz/Cargo.toml --target-dir fuzz/target --locked; then
        echo "fuzz/Cargo.lock out of date? After a dependency of crates/parse or crates/model" \
            "changes, run: cargo update --manifest-path fuzz/Cargo.toml --workspace" >&2
        exit 1
    fi
    for source in fuzz/fuzz_targets/*.rs; do
        target=$(basename "$source" .rs)
        mapfile -t dirs < <(seed_dirs "$target")
        echo "replaying ${dirs[*]} through $target"
        # A failing input is saved under fuzz/artifacts/, as when fuzzing, not in the cwd.
        mkdir -p "fuzz/artifacts/$target"
        status=0
        output=$(fuzz/target/debug/"$target" -runs=0 -artifact_prefix="fuzz/artifacts/$target/" "${dirs[@]}" 2>&1) ||
            status=$?
        if ((status != 0)); then
            printf '%s\n' "$output" >&2
            echo "$target failed on an input above (exit $status)" >&2
            exit 1
        fi
        grep -E '^(Done|INFO: seed corpus)' <<<"$output" || true
    done
    exit 0
fi

target=${1:?usage: fuzz/run.sh TARGET [SECONDS] | fuzz/run.sh --replay}
seconds=${2:-600}
case $target in
    date_line) max_len=256 ;;        # one line, with room for odd spacing
    parse_bytes) max_len=10000 ;;    # past the 8 KiB a NUL is looked for in
    *) max_len=8192 ;;
esac
corpus=fuzz/corpus/$target
mkdir -p "$corpus"
mapfile -t dirs < <(seed_dirs "$target")

# -timeout: an input that takes seconds is a finding too (the parser is linear).
cargo fuzz run --sanitizer none "$target" "$corpus" "${dirs[@]}" -- \
    -dict=fuzz/dateline.dict -max_len="$max_len" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1

#!/usr/bin/env bash
# Times `dateline check` against `cat` over the same generated tree of articles, page cache
# warm, and prints both times, their MB/s and the ratio dateline/cat. The target: `dateline
# check` within 1.5x the time `cat` takes to read the same files.
#
#   benches/check-vs-cat.sh                # the design corpus: 28,000 files, about 200 MB
#   FILES=2000 REPS=3 benches/check-vs-cat.sh
#
# Environment:
#   FILES        files in the tree (default 28000)
#   SEED         generator seed (default 1)
#   REPS         timed runs of each, the best and the median are shown (default 5)
#   TARGET       the ratio to meet (default 1.5)
#   CORPUS_DIR   where trees are kept (default benches/corpus, which git ignores)
#   DATELINE_ARGS  extra arguments for `dateline check`, e.g. "-j 1" for one worker thread
#
# A tree is generated once per FILES and SEED and reused: gen-corpus is deterministic, so a
# tree whose `.done` stamp names the current gen-corpus binary is the one asked for. A rebuilt
# generator (a changed binary) makes the tree again.
set -euo pipefail

FILES="${FILES:-28000}"
SEED="${SEED:-1}"
REPS="${REPS:-5}"
TARGET="${TARGET:-1.5}"
DATELINE_ARGS="${DATELINE_ARGS:-}"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
CORPUS_DIR="${CORPUS_DIR:-$here/corpus}"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
dateline="$target_dir/release/dateline"
gen_corpus="$target_dir/release/gen-corpus"
tree="$CORPUS_DIR/seed-$SEED-files-$FILES"

die() {
    echo "check-vs-cat: $*" >&2
    exit 2
}

[[ "$FILES" =~ ^[0-9]+$ && "$SEED" =~ ^[0-9]+$ && "$REPS" =~ ^[1-9][0-9]*$ ]] ||
    die "FILES, SEED and REPS must be whole numbers (REPS at least 1)"

cd "$root"
echo "== building (release)" >&2
cargo build --release --quiet -p dateline || die "cannot build the dateline CLI (cargo build --release -p dateline)"
cargo build --release --quiet -p dateline-benches --bin gen-corpus || die "cannot build gen-corpus"
[[ -x "$dateline" ]] || die "no binary at $dateline"

generator=$(cksum <"$gen_corpus")
if [[ ! -f "$tree.done" || "$(cat "$tree.done")" != "$generator" ]]; then
    echo "== generating $FILES files (seed $SEED) in $tree" >&2
    rm -rf "$tree" "$tree.done"
    mkdir -p "$CORPUS_DIR"
    "$gen_corpus" --out "$tree" --files "$FILES" --seed "$SEED" >&2
    echo "$generator" >"$tree.done"
fi

files=$(find "$tree" -type f | wc -l)
bytes=$(find "$tree" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
((files > 0)) || die "no files under $tree"

read_with_cat() {
    find "$tree" -type f -print0 | xargs -0 cat >/dev/null
}

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# Exit codes 0 (clean) and 1 (warnings only) are both a finished check.
check_with_dateline() {
    local status=0
    # shellcheck disable=SC2086 # DATELINE_ARGS is split into words on purpose
    "$dateline" check $DATELINE_ARGS "$tree" >"$log" 2>&1 || status=$?
    if ((status > 1)); then
        tail -n 20 "$log" >&2
        die "dateline check exited with $status"
    fi
}

# Seconds taken by one run of the function named $1.
seconds() {
    local start end
    start=$(date +%s.%N)
    "$1"
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f\n", e - s }'
}

# "best median" of REPS runs of the function named $1.
best_and_median() {
    local i
    for ((i = 0; i < REPS; i++)); do
        seconds "$1"
    done | sort -g | awk '{ t[NR] = $1 } END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%s %.4f\n", t[1], m }'
}

echo "== warming the page cache" >&2
read_with_cat
read_with_cat
check_with_dateline
summary=$(grep -v ': \(warning\|error\|note\): ' "$log" | tail -n 1 || true)

echo "== timing $REPS runs of each" >&2
read -r cat_best cat_median < <(best_and_median read_with_cat)
read -r dl_best dl_median < <(best_and_median check_with_dateline)

cores=$(nproc 2>/dev/null || echo "?")
awk -v files="$files" -v bytes="$bytes" -v tree="${tree#"$root"/}" -v reps="$REPS" -v cores="$cores" \
    -v cb="$cat_best" -v cm="$cat_median" -v db="$dl_best" -v dm="$dl_median" -v target="$TARGET" \
    -v summary="$summary" -v args="$DATELINE_ARGS" 'BEGIN {
    mb = bytes / 1e6
    printf "corpus: %d files, %.1f MB in %s (page cache warm, %s cores)\n", files, mb, tree, cores
    if (summary != "") printf "dateline check said: %s\n", summary
    printf "\n%-16s %10s %10s %12s\n", "", "best", "median", "MB/s (best)"
    printf "%-16s %9.3fs %9.3fs %12.0f\n", "cat", cb, cm, mb / cb
    printf "%-16s %9.3fs %9.3fs %12.0f\n", "dateline check", db, dm, mb / db
    if (args != "") printf "(dateline check %s)\n", args
    ratio = db / cb
    printf "\nratio dateline/cat: %.2fx (best of %d), %.2fx (median)\n", ratio, reps, dm / cm
    printf "target: dateline check within %sx cat: %s\n", target, (ratio <= target ? "met" : "NOT met")
}'

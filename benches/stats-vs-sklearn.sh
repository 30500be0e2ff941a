#!/usr/bin/env bash
# Times `dateline stats` against scikit-learn's `CountVectorizer().fit_transform` and against
# `cat`, over the same generated tree of articles in one run, page cache warm, and measures the
# peak memory of dateline and of the scikit-learn run. Prints one table and the three targets
# of DESIGN.md: dateline stats at least 25x as fast as scikit-learn, within 2x cat, and peak
# memory below the corpus size.
#
#   benches/stats-vs-sklearn.sh                      # 28,000 files, about 200 MB
#   FILES=2000 REPS=3 benches/stats-vs-sklearn.sh    # a quick run
#   DATELINE_ARGS="-j 1" benches/stats-vs-sklearn.sh # dateline on one worker thread
#
# Environment (FILES, SEED, REPS, CORPUS_DIR and DATELINE_ARGS as in benches/lib.sh):
#   FILES          files in the tree (default 28000); the tree is shared with check-vs-cat.sh
#   SEED           generator seed (default 1)
#   REPS           timed runs of cat and of dateline stats (default 5)
#   SKLEARN_REPS   timed runs of the scikit-learn script (default 3; each takes a while)
#   CORPUS_DIR     where trees are kept (default benches/corpus, which git ignores)
#   DATELINE_ARGS  extra arguments for `dateline stats`, e.g. "-j 1" for one worker thread
#   VENV           the Python environment, made once and reused (default target/bench-venv)
#   PYTHON         the interpreter that makes it (default python3)
#   SKLEARN_SPEC   what pip installs (default scikit-learn, the latest)
#
# The runs are interleaved (cat, dateline, scikit-learn, then again) so that a change in the
# machine's load falls on all three alike. scikit-learn is timed twice: the whole process
# (interpreter start and imports included) and, from inside, reading the files plus
# fit_transform; the ratio against dateline uses the second, the smaller.
set -euo pipefail

script_name=stats-vs-sklearn
# shellcheck source=benches/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SKLEARN_REPS="${SKLEARN_REPS:-3}"
VENV="${VENV:-$target_dir/bench-venv}"
PYTHON="${PYTHON:-python3}"
SKLEARN_SPEC="${SKLEARN_SPEC:-scikit-learn}"
SKLEARN_TARGET=25
CAT_TARGET=2
[[ "$SKLEARN_REPS" =~ ^[1-9][0-9]*$ ]] || die "SKLEARN_REPS must be a whole number, at least 1"

cd "$root"
build_binaries

if ! "$VENV/bin/python" -c 'import sklearn' 2>/dev/null; then
    echo "== setting up $VENV with $SKLEARN_SPEC" >&2
    "$PYTHON" -m venv "$VENV" || die "cannot make a venv with $PYTHON -m venv"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$SKLEARN_SPEC" >&2 ||
        die "cannot pip install $SKLEARN_SPEC"
fi
sklearn_version=$("$VENV/bin/python" -c 'import sklearn; print(sklearn.__version__)')
python_version=$("$VENV/bin/python" -c 'import platform; print(platform.python_version())')

ensure_tree

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
log="$work/dateline.log"

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

# Exit codes 0 (clean) and 1 (warnings only) are both a finished run.
stats_with_dateline() {
    local status=0
    # shellcheck disable=SC2086 # DATELINE_ARGS is split into words on purpose
    with_peak_rss "$work/dateline.rss" "$dateline" stats $DATELINE_ARGS "$tree" >"$log" 2>&1 || status=$?
    if ((status > 1)); then
        tail -n 20 "$log" >&2
        die "dateline stats exited with $status"
    fi
}

count_with_sklearn() {
    with_peak_rss "$work/sklearn.rss" "$VENV/bin/python" "$here/sklearn_count.py" "$tree" >>"$work/sklearn.out" ||
        die "the scikit-learn script failed"
}

load_before=$(load_average)
echo "== warming the page cache (load average $load_before)" >&2
read_with_cat
read_with_cat
stats_with_dateline
count_with_sklearn
rm -f "$work"/*.rss "$work/sklearn.out"
dateline_said=$(awk '$1 == "articles" || $1 == "tokens" || $1 == "types" { printf "%s%s %s", sep, $2, $1; sep = ", " }' "$log")

reps=$((REPS > SKLEARN_REPS ? REPS : SKLEARN_REPS))
echo "== timing $REPS runs of cat and dateline stats, $SKLEARN_REPS of scikit-learn, interleaved" >&2
for ((i = 0; i < reps; i++)); do
    if ((i < REPS)); then
        seconds read_with_cat >>"$work/cat.s"
        seconds stats_with_dateline >>"$work/dateline.s"
    fi
    if ((i < SKLEARN_REPS)); then
        seconds count_with_sklearn >>"$work/sklearn.s"
    fi
    echo "   run $((i + 1)) of $reps done (load average $(load_average))" >&2
done
load_after=$(load_average)

read -r cat_best cat_median < <(best_median_of <"$work/cat.s")
read -r dl_best dl_median < <(best_median_of <"$work/dateline.s")
read -r sk_best sk_median < <(best_median_of <"$work/sklearn.s")
read -r ski_best ski_median < <(sed -n 's/.* total_s=\([0-9.]*\).*/\1/p' "$work/sklearn.out" | best_median_of)
sklearn_said=$(tail -n 1 "$work/sklearn.out" | sed 's/ read_s=.*//')
dl_rss=$(max_rss "$work/dateline.rss")
sk_rss=$(max_rss "$work/sklearn.rss")

cores=$(nproc 2>/dev/null || echo "?")
awk -v files="$files" -v bytes="$bytes" -v tree="${tree#"$root"/}" -v cores="$cores" \
    -v reps="$REPS" -v skreps="$SKLEARN_REPS" -v args="$DATELINE_ARGS" \
    -v cb="$cat_best" -v cm="$cat_median" -v db="$dl_best" -v dm="$dl_median" \
    -v sb="$sk_best" -v sm="$sk_median" -v sib="$ski_best" -v sim="$ski_median" \
    -v drss="$dl_rss" -v srss="$sk_rss" -v sktarget="$SKLEARN_TARGET" -v cattarget="$CAT_TARGET" \
    -v dsaid="$dateline_said" -v ssaid="$sklearn_said" -v skv="$sklearn_version" -v pyv="$python_version" \
    -v load1="$load_before" -v load2="$load_after" 'BEGIN {
    mb = bytes / 1e6
    printf "corpus: %d files, %.1f MB (%d bytes) in %s\n", files, mb, bytes, tree
    printf "page cache warm, %s cores, load average %s before and %s after the timed runs\n", cores, load1, load2
    printf "dateline stats%s counted: %s\n", (args != "" ? " " args : ""), dsaid
    printf "scikit-learn %s (Python %s) counted: %s\n", skv, pyv, ssaid
    printf "\n%-40s %5s %9s %9s %8s %13s\n", "", "runs", "best", "median", "MB/s", "peak RSS"
    printf "%-40s %5d %8.3fs %8.3fs %8.0f %13s\n", "cat (find | xargs cat)", reps, cb, cm, mb / cb, ""
    printf "%-40s %5d %8.3fs %8.3fs %8.0f %10.1f MB\n", "dateline stats", reps, db, dm, mb / db, drss * 1024 / 1e6
    printf "%-40s %5d %8.3fs %8.3fs %8.1f %10.1f MB\n", "scikit-learn, whole process", skreps, sb, sm, mb / sb, srss * 1024 / 1e6
    printf "%-40s %5d %8.3fs %8.3fs %8.1f %13s\n", "scikit-learn, reading + fit_transform", skreps, sib, sim, mb / sib, ""
    sk = sib / db; skm = sim / dm; ct = db / cb; ctm = dm / cm; mem = drss * 1024 / bytes
    printf "\n%-44s %10s %10s %12s  %s\n", "target", "best", "median", "wanted", "verdict"
    printf "%-44s %9.1fx %9.1fx %11s  %s\n", "scikit-learn / dateline (reading + fit)", sk, skm, ">= " sktarget "x", (sk >= sktarget ? "met" : "NOT met")
    printf "%-44s %9.1fx %9.1fx %11s  %s\n", "scikit-learn / dateline (whole process)", sb / db, sm / dm, "", ""
    printf "%-44s %9.2fx %9.2fx %11s  %s\n", "dateline / cat", ct, ctm, "<= " cattarget "x", (ct <= cattarget ? "met" : "NOT met")
    printf "%-44s %9.2fx %10s %11s  %s\n", "dateline peak RSS / corpus size", mem, "", "< 1x", (mem < 1 ? "met" : "NOT met")
    printf "(verdicts use the best times; peak RSS is the largest over all runs)\n"
}'

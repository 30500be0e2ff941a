#!/usr/bin/env bash
# Times `dateline check` against `cat` over the same generated tree of articles, page cache
# warm, and prints both times, their MB/s and the ratio dateline/cat. The target: `dateline
# check` within 1.5x the time `cat` takes to read the same files.
#
#   benches/check-vs-cat.sh                # the design corpus: 28,000 files, about 200 MB
#   FILES=2000 REPS=3 benches/check-vs-cat.sh
#
# Environment (FILES, SEED, REPS, CORPUS_DIR and DATELINE_ARGS as in benches/lib.sh):
#   FILES        files in the tree (default 28000)
#   SEED         generator seed (default 1)
#   REPS         timed runs of each, the best and the median are shown (default 5)
#   TARGET       the ratio to meet (default 1.5)
#   CORPUS_DIR   where trees are kept (default benches/corpus, which git ignores)
#   DATELINE_ARGS  extra arguments for `dateline check`, e.g. "-j 1" for one worker thread
set -euo pipefail

script_name=check-vs-cat
# shellcheck source=benches/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

TARGET="${TARGET:-1.5}"

cd "$root"
build_binaries
ensure_tree

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

echo "== warming the page cache" >&2
read_with_cat
read_with_cat
check_with_dateline
summary=$(grep -v ': \(warning\|error\|note\): ' "$log" | tail -n 1 || true)

echo "== timing $REPS runs of each" >&2
cat_times=$(best_and_median read_with_cat)
dl_times=$(best_and_median check_with_dateline)
read -r cat_best cat_median <<<"$cat_times"
read -r dl_best dl_median <<<"$dl_times"

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

#!/usr/bin/env bash
# Runs every command in every text format with two dateline binaries over the same corpus and
# says whether stdout, stderr and the exit status are byte for byte the same: the check that a
# change to the output layer changed nothing users see.
#
#   cp target/debug/dateline /tmp/dateline-before     # build the old commit first
#   cargo build -p dateline
#   benches/compare-outputs.sh /tmp/dateline-before target/debug/dateline seeds
#   TOPICS_CORPUS="$(benches/news-corpus.sh)/cnn" \
#     benches/compare-outputs.sh /tmp/dateline-before target/debug/dateline "$(benches/news-corpus.sh)"
#
# Environment:
#   TOPICS_CORPUS  what `topics` and `topics infer` read instead of the corpus (LDA over the
#                  whole news corpus takes minutes in a debug build)
#   KEEP           a folder to keep both runs' outputs in (default: a temporary one, removed)
set -euo pipefail

[ $# -ge 3 ] || { echo "usage: $0 OLD_BINARY NEW_BINARY PATH..." >&2; exit 2; }
old=$1 new=$2
shift 2
out=${KEEP:-$(mktemp -d)}
[ -n "${KEEP:-}" ] || trap 'rm -rf "$out"' EXIT

# run BINARY FOLDER PATH...: every command and format, each output in FOLDER.
run() {
    local bin=$1 dir=$2
    shift 2
    mkdir -p "$dir"
    local topics=("$@")
    [ -z "${TOPICS_CORPUS:-}" ] || topics=("$TOPICS_CORPUS")
    one() {
        local name=$1 format=$2
        shift 2
        local status=0
        "$bin" "$@" --format "$format" >"$dir/$name.$format" 2>"$dir/$name.$format.err" || status=$?
        echo "$status" >"$dir/$name.$format.status"
    }
    for format in table text json jsonl csv; do one parse "$format" parse "$@"; done
    for format in table json jsonl csv; do
        one check "$format" check "$@"
        one stats "$format" stats "$@"
        one stats-all "$format" stats --top 0 "$@"
        one terms "$format" terms "$@"
        one terms-month "$format" terms --by month "$@"
        one terms-folder "$format" terms --by folder --top 5 "$@"
        one tfidf "$format" tfidf "$@"
        one tfidf-sklearn "$format" tfidf --preset sklearn --top 3 "$@"
        one ngrams "$format" ngrams "$@"
        one collocations "$format" collocations "$@"
        one keyness "$format" keyness --target 2024-01-01.. "$@"
        one kwic "$format" kwic --query Iran --top 0 "$@"
        one trends "$format" trends --terms Gaza,Iran --by month "$@"
        one topics "$format" topics -k 3 --iterations 30 -j 1 "${topics[@]}"
        one actors "$format" actors "$@"
        one actors-month "$format" actors --by month "$@"
        one quotes "$format" quotes "$@"
        one network "$format" network "$@"
    done
    "$bin" topics -k 3 --iterations 30 -j 1 --save-model "$dir/model.json" "${topics[@]}" >/dev/null 2>&1 || true
    for format in table json jsonl csv; do
        one infer "$format" topics infer --model "$dir/model.json" --iterations 20 "${topics[@]}"
    done
    rm -f "$dir/model.json"
}

run "$old" "$out/old" "$@"
run "$new" "$out/new" "$@"
if diff -r "$out/old" "$out/new"; then
    echo "same: $(find "$out/new" -type f | wc -l) outputs"
else
    echo "outputs differ (above)" >&2
    exit 1
fi

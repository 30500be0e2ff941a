#!/bin/sh
# Scores dateline's actors and quotes on the development set (or, with `test`, the held-out
# test set) of the real news corpus that benches/news-corpus.sh makes.
#   crates/actors/tests/gold/score-news.sh [dev|test] [CORPUS]
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
set_name="${1:-dev}"
corpus="${2:-$root/benches/corpus/news-articles}"
[ -d "$corpus" ] || { echo "no corpus at $corpus: run benches/news-corpus.sh first" >&2; exit 2; }
cargo build --quiet --release -p dateline-actors --example gold --manifest-path "$root/Cargo.toml"
pred="$(mktemp)"
trap 'rm -f "$pred"' EXIT
"$root/target/release/examples/gold" "$corpus" "$here/news-$set_name.gold.jsonl" > "$pred"
python3 "$here/score.py" "$here/news-$set_name.gold.jsonl" "$pred"

#!/usr/bin/env bash
# Regenerates the NLTK reference for dateline's bigram association measures.
#
#   crates/analyze/tests/reference/make_collocation_reference.sh
#
# 1. Writes collocation_terms.json: the seeds' term tokens as dateline counts them (stopwords
#    and numbers kept, case-folded), in reading order, by running the ignored Rust test
#    `collocations::export_collocation_terms`. Set SKIP_EXPORT=1 to use the committed file.
# 2. Creates a Python venv under target/ (or $VENV) and installs NLTK from PyPI.
# 3. Feeds the terms to nltk.collocations.BigramCollocationFinder.from_words and writes, for
#    every bigram, NLTK's counts (n_ii, n_ix, n_xi, n_xx) and its BigramAssocMeasures scores
#    (pmi, likelihood_ratio, student_t, chi_sq, dice), as score_ngram gives them, to
#    collocation_nltk.json.
#
# Both files are committed; `cargo test -p dateline-analyze` compares against them to 1e-9
# without Python.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
nltk_version="${NLTK_VERSION:-3.10.4}"
venv="${VENV:-$root/target/collocation-reference-venv}"

cd "$root"
if [[ "${SKIP_EXPORT:-0}" != 1 ]]; then
    cargo test -p dateline-analyze --test integration -- --ignored --exact collocations::export_collocation_terms
fi

if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "nltk==$nltk_version"

"$venv/bin/python" - "$here/collocation_terms.json" "$here/collocation_nltk.json" <<'PY'
import json
import platform
import sys

import nltk
from nltk.collocations import BigramCollocationFinder
from nltk.metrics import BigramAssocMeasures

terms_path, out_path = sys.argv[1], sys.argv[2]
with open(terms_path, encoding="utf-8") as f:
    words = json.load(f)["terms"]

finder = BigramCollocationFinder.from_words(words)
measures = ["pmi", "likelihood_ratio", "student_t", "chi_sq", "dice"]
rows = []
for (w1, w2), n_ii in sorted(finder.ngram_fd.items()):
    row = {
        "w1": w1,
        "w2": w2,
        "n_ii": n_ii,
        "n_ix": finder.word_fd[w1],
        "n_xi": finder.word_fd[w2],
        "n_xx": finder.N,
    }
    for name in measures:
        row[name] = finder.score_ngram(getattr(BigramAssocMeasures, name), w1, w2)
    rows.append(row)

reference = {
    "description": "NLTK BigramCollocationFinder.from_words over collocation_terms.json; "
    "made by make_collocation_reference.sh",
    "nltk_version": nltk.__version__,
    "python_version": platform.python_version(),
    "total_tokens": finder.N,
    "bigrams": rows,
}
with open(out_path, "w", encoding="utf-8") as f:
    f.write("{\n")
    for key in ["description", "nltk_version", "python_version", "total_tokens"]:
        f.write(f" {json.dumps(key)}: {json.dumps(reference[key])},\n")
    f.write(' "bigrams": [\n')
    # One bigram per line keeps the file diffable.
    f.write(",\n".join("  " + json.dumps(row, ensure_ascii=False) for row in rows))
    f.write("\n ]\n}\n")
print(f"{len(rows)} bigrams over {finder.N} tokens, NLTK {nltk.__version__}: {out_path}")
PY

#!/usr/bin/env bash
# Regenerates tfidf_sklearn.json: scikit-learn's TfidfVectorizer scores over the reference
# corpus (the four seeds and corpus/*.txt), which the Rust tests compare with the sklearn
# preset to 1e-9. Only this script needs Python; the tests read the committed JSON.
#
#   crates/analyze/tests/reference/make_tfidf_reference.sh
#
# 1. A Python venv under target/ with scikit-learn from PyPI (SKLEARN_VERSION=1.7.2 pins one;
#    PYTHON=python3.12 picks the interpreter).
# 2. Rust writes the texts scikit-learn is to see (`tfidf::write_sklearn_input`), so both sides
#    work on the same bytes: the articles' title, headings and paragraphs joined with "\n".
# 3. make_tfidf_reference.py computes the scores and tokens into tfidf_sklearn.json.
# 4. The committed table of Python's \w characters is checked against this Python, and the
#    Rust tests run against the new reference.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
venv="$target/tfidf-reference-venv"

if [ ! -x "$venv/bin/python" ]; then
    "${PYTHON:-python3}" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "scikit-learn${SKLEARN_VERSION:+==$SKLEARN_VERSION}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
DATELINE_TFIDF_INPUT="$work/input.json" \
    cargo test --quiet -p dateline-analyze --test integration -- --ignored --exact tfidf::write_sklearn_input
"$venv/bin/python" "$here/make_tfidf_reference.py" "$work/input.json" "$here/tfidf_sklearn.json"
echo "wrote $here/tfidf_sklearn.json with scikit-learn $("$venv/bin/python" -c 'import sklearn; print(sklearn.__version__)')"

if ! "$venv/bin/python" "$root/crates/text/src/sklearn/python_word_table.py" --check "$root/crates/text/src/sklearn/python_word.rs"; then
    echo "warning: Python's \\w differs from the committed table; regenerate it with:" >&2
    echo "  $venv/bin/python $root/crates/text/src/sklearn/python_word_table.py $root/crates/text/src/sklearn/python_word.rs" >&2
fi

cargo test --quiet -p dateline-analyze --test integration tfidf

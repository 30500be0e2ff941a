"""Counts terms over a tree of article files with scikit-learn's CountVectorizer, the peer that
`dateline stats` is timed against by benches/stats-vs-sklearn.sh.

    python sklearn_count.py TREE

Reads every file under TREE (recursively, in sorted path order, as `dateline` does), decodes
it as UTF-8 (invalid bytes replaced, as `dateline` decodes lossily), and runs
`CountVectorizer().fit_transform(texts)` with scikit-learn's defaults: lower case, tokens are
runs of two or more word characters, no stop words. Prints one line of `key=value` pairs:
files, bytes, the vocabulary size, the tokens counted, and the seconds taken by reading, by
fit_transform and by both (after the interpreter has started and imported scikit-learn).
"""

import os
import sys
import time


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: sklearn_count.py TREE", file=sys.stderr)
        return 2
    tree = sys.argv[1]

    from sklearn.feature_extraction.text import CountVectorizer

    start = time.perf_counter()
    paths = []
    for folder, dirs, names in os.walk(tree):
        dirs.sort()
        paths.extend(os.path.join(folder, name) for name in names)
    paths.sort()
    texts = []
    size = 0
    for path in paths:
        with open(path, "rb") as file:
            data = file.read()
        size += len(data)
        texts.append(data.decode("utf-8", errors="replace"))
    read = time.perf_counter()

    matrix = CountVectorizer().fit_transform(texts)
    done = time.perf_counter()

    print(
        f"files={len(texts)} bytes={size} vocabulary={matrix.shape[1]} tokens={int(matrix.sum())}"
        f" read_s={read - start:.4f} fit_transform_s={done - read:.4f} total_s={done - start:.4f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

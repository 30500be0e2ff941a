"""scikit-learn's TF-IDF over the texts dateline gives it; run by make_tfidf_reference.sh.

    python make_tfidf_reference.py INPUT.json OUTPUT.json

INPUT.json is written by the Rust test `tfidf::write_sklearn_input`: the reference corpus as
`{"documents": [{"path", "text"}], "token_cases": [str]}`, where each text is exactly what
`dateline_analyze::tfidf::sklearn_text` makes of the article. OUTPUT.json keeps those texts and
adds, for each vectorizer setting, every non-zero score of `TfidfVectorizer(...).fit_transform`
per document, and the tokens scikit-learn's tokenizer and analyzer find in each token case.
"""

import json
import platform
import sys
import unicodedata

import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer

# The settings the Rust test replays: the defaults, and both kinds of document-frequency bound.
CONFIGS = [
    {"name": "defaults", "min_df": 1, "max_df": 1.0},
    {"name": "min_df=2, max_df=0.8", "min_df": 2, "max_df": 0.8},
    {"name": "min_df=0.3, max_df=3", "min_df": 0.3, "max_df": 3},
]


def scores(texts, min_df, max_df):
    vectorizer = TfidfVectorizer(min_df=min_df, max_df=max_df)
    matrix = vectorizer.fit_transform(texts).tocsr()
    features = vectorizer.get_feature_names_out()
    rows = []
    for i in range(matrix.shape[0]):
        row = matrix.getrow(i)
        rows.append({str(features[j]): float(v) for j, v in sorted(zip(row.indices, row.data)) if v != 0.0})
    return rows


def main(input_path, output_path):
    with open(input_path, encoding="utf-8") as f:
        given = json.load(f)
    texts = [doc["text"] for doc in given["documents"]]
    default = TfidfVectorizer()
    tokenizer, analyzer = default.build_tokenizer(), default.build_analyzer()
    reference = {
        "generated_by": "crates/analyze/tests/reference/make_tfidf_reference.sh",
        "python": platform.python_version(),
        "unicode": unicodedata.unidata_version,
        "scikit_learn": sklearn.__version__,
        "documents": given["documents"],
        "configs": [dict(config, scores=scores(texts, config["min_df"], config["max_df"])) for config in CONFIGS],
        "tokens": [
            {"text": text, "tokenizer": tokenizer(text), "analyzer": analyzer(text)} for text in given["token_cases"]
        ],
    }
    with open(output_path, "w", encoding="utf-8") as f:
        json.dump(reference, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])

#!/usr/bin/env bash
# Regenerates the gensim reference for dateline's topic coherence (UMass and NPMI).
#
#   crates/analyze/tests/reference/make_coherence_reference.sh
#
# 1. Writes coherence_input.json: the reference corpus's terms as dateline reads them, per
#    segment, and a few fixed topics, by running the ignored Rust test
#    `topic_stats::export_coherence_input`. Set SKIP_EXPORT=1 to use the committed file.
# 2. Creates a Python venv under target/ (or $VENV) and installs gensim from PyPI
#    (GENSIM_VERSION=4.4.0 unless set).
# 3. Scores the topics with gensim's CoherenceModel: `u_mass` over the documents' bags of words,
#    `c_npmi` with windows of 10 over the segments as texts and over whole documents as texts
#    (processes=1), and the same NPMI from an exact count of every window in plain Python
#    (gensim updates its window incrementally and can drop a repeated word; see
#    dateline_analyze::topic_stats::WindowCounts), and writes coherence_gensim.json.
#
# Both files are committed; `cargo test -p dateline-analyze` compares against them to 1e-9
# without Python.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
gensim_version="${GENSIM_VERSION:-4.4.0}"
venv="${VENV:-$root/target/topic-reference-venv}"

cd "$root"
if [[ "${SKIP_EXPORT:-0}" != 1 ]]; then
    cargo test -p dateline-analyze --test integration -- --ignored --exact topic_stats::export_coherence_input
fi

if [[ ! -x "$venv/bin/python" ]]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "gensim==$gensim_version"

"$venv/bin/python" - "$here/coherence_input.json" "$here/coherence_gensim.json" <<'PY'
import itertools
import json
import platform
import sys
from collections import Counter

import gensim
import numpy as np
from gensim.corpora import Dictionary
from gensim.models.coherencemodel import CoherenceModel

WINDOW = 10
TOPN = 10
EPSILON = 1e-12  # gensim.topic_coherence.direct_confirmation_measure.EPSILON

input_path, out_path = sys.argv[1], sys.argv[2]
with open(input_path, encoding="utf-8") as f:
    data = json.load(f)
topics = [topic[:TOPN] for topic in data["topics"]]
segment_texts = [segment for doc in data["documents"] for segment in doc["segments"]]
document_texts = [[term for segment in doc["segments"] for term in segment] for doc in data["documents"]]
dictionary = Dictionary(document_texts)
corpus = [dictionary.doc2bow(text) for text in document_texts]


def scores(model):
    per_topic = [float(s) for s in model.get_coherence_per_topic()]
    return {"per_topic": per_topic, "mean": float(model.aggregate_measures(per_topic))}


def exact_npmi(texts):
    """NPMI over boolean windows, each window's word set counted exactly."""
    relevant = {word for topic in topics for word in topic}
    windows = []
    for text in texts:
        # Every text is at least one window, as in gensim 4's WindowedTextsAnalyzer.accumulate.
        starts = max(len(text) - WINDOW + 1, 1)
        windows.extend(relevant.intersection(text[i:i + WINDOW]) for i in range(starts))
    n = len(windows)
    occurrences = Counter(word for window in windows for word in window)
    pairs = Counter(frozenset(pair) for window in windows for pair in itertools.combinations(sorted(window), 2))
    per_topic = []
    for topic in topics:
        sims = []
        for w_prime, w_star in itertools.permutations(topic, 2):  # gensim's s_one_one
            joint = pairs[frozenset((w_prime, w_star))] / n + EPSILON
            ratio = np.log(joint / ((occurrences[w_prime] / n) * (occurrences[w_star] / n)))
            sims.append(ratio / -np.log(joint))
        per_topic.append(float(np.mean(sims)))
    return {"per_topic": per_topic, "mean": float(np.mean(per_topic))}


def npmi(texts):
    model = CoherenceModel(topics=topics, texts=texts, dictionary=dictionary, coherence="c_npmi",
                           window_size=WINDOW, topn=TOPN, processes=1)
    return {"gensim": scores(model), "exact": exact_npmi(texts)}


u_mass = CoherenceModel(topics=topics, corpus=corpus, dictionary=dictionary, coherence="u_mass", topn=TOPN)
reference = {
    "description": "gensim CoherenceModel over coherence_input.json; made by make_coherence_reference.sh",
    "gensim_version": gensim.__version__,
    "numpy_version": np.__version__,
    "python_version": platform.python_version(),
    "window_size": WINDOW,
    "topics": topics,
    "u_mass": scores(u_mass),
    "c_npmi_segments": npmi(segment_texts),
    "c_npmi_documents": npmi(document_texts),
}
with open(out_path, "w", encoding="utf-8") as f:
    json.dump(reference, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(json.dumps({k: reference[k] for k in ["u_mass", "c_npmi_segments", "c_npmi_documents"]}, indent=1))
PY

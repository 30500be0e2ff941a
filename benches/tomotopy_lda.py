"""tomotopy's side of benches/topics-vs-tomotopy.sh.

    python benches/tomotopy_lda.py TOKENS WORDS_JSON [--k 20] [--iterations 200] [--threads 2]
                                   [--seed 1] [--alpha 0.1] [--eta 0.01] [--top 10]

Reads the pruned corpus `lda-bench --tokens` wrote (one document a line, terms separated by
spaces, already pruned: no term weighting, no further filtering here), trains
`tomotopy.LDAModel` with dateline's defaults (symmetric alpha 0.1, eta 0.01, no
hyperparameter optimisation: tomotopy re-estimates alpha every 10 iterations unless
`optim_interval` is 0), times `model.train(iterations, workers=threads)`, writes each topic's
top words to WORDS_JSON for dateline's UMass to score, and prints `key=value` lines, among
them tomotopy's own `Coherence(coherence='u_mass')` for reference.
"""

import argparse
import json
import sys
import time

import tomotopy as tp


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("tokens")
    parser.add_argument("words")
    parser.add_argument("--k", type=int, default=20)
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--alpha", type=float, default=0.1)
    parser.add_argument("--eta", type=float, default=0.01)
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    if args.threads < 1:
        parser.error("--threads must be at least 1 (tomotopy reads 0 as every core)")

    with open(args.tokens, encoding="utf-8") as file:
        docs = [line.split() for line in file]

    started = time.perf_counter()
    model = tp.LDAModel(tw=tp.TermWeight.ONE, k=args.k, alpha=args.alpha, eta=args.eta, seed=args.seed)
    model.optim_interval = 0  # dateline's default: alpha and beta stay as given
    skipped = 0
    for words in docs:
        if words:
            model.add_doc(words)
        else:
            skipped += 1  # tomotopy refuses an empty document; it would hold no token anyway
    add_s = time.perf_counter() - started

    started = time.perf_counter()
    model.train(args.iterations, workers=args.threads)
    train_s = time.perf_counter() - started

    topics = [[word for word, _ in model.get_topic_words(t, top_n=args.top)] for t in range(model.k)]
    with open(args.words, "w", encoding="utf-8") as file:
        json.dump(topics, file, indent=2)
        file.write("\n")

    own = tp.coherence.Coherence(model, coherence="u_mass", top_n=args.top)
    print(f"tomotopy_version={tp.__version__}")
    print(f"isa={tp.isa}")
    print(f"docs={len(model.docs)}")
    print(f"empty_docs_skipped={skipped}")
    print(f"types={len(model.used_vocabs)}")
    print(f"tokens={model.num_words}")
    print(f"add_s={add_s:.4f}")
    print(f"train_s={train_s:.4f}")
    print(f"log_likelihood_per_token={model.ll_per_word:.6f}")
    print(f"own_umass={own.get_score():.6f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

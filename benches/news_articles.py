"""Writes the rows of a news-articles CSV as one plain-text article per file.

Usage: python3 news_articles.py NewsArticles.csv OUT_DIR

The CSV has the columns article_id, publish_date ("2017/2/7", once with a time and padding),
article_source_link, title, subtitle and text, with each article's paragraphs already joined
into one line by its publisher's scraper. Each row becomes OUT_DIR/<site>/<article_id>.txt in
the layout of dateline's seed articles: the title, a blank line, the date as "February 7, 2017"
(with " - H:MM" when the row has a time), a blank line, then the subtitle and the text as
paragraphs. Nothing else is changed: the text keeps its scraper's damage (quotes turned into
"?", lost spaces), because that is what dateline meets in real corpora. A row with no text
still becomes a file, so the corpus keeps every row.
"""

import csv
import re
import sys
from pathlib import Path

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]
DATE = re.compile(r"\s*(\d{4})/(\d{1,2})/(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?\s*$")


def site_of(link):
    """"www.aljazeera.com" -> "aljazeera", "europe.chinadaily.com.cn" -> "chinadaily"."""
    host = link.split("/")[2] if link.count("/") >= 2 else "unknown"
    parts = [p for p in host.split(".") if p not in ("www", "europe", "com", "co", "uk", "cn", "ie", "go")]
    return parts[0] if parts else "unknown"


def date_line(raw):
    match = DATE.match(raw)
    if not match:
        return None
    year, month, day, hour, minute = match.groups()
    line = f"{MONTHS[int(month) - 1]} {int(day)}, {year}"
    if hour is not None:
        line += f" - {int(hour)}:{minute}"
    return line


def main():
    source, out = Path(sys.argv[1]), Path(sys.argv[2])
    csv.field_size_limit(1 << 30)
    rows = 0
    with source.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            blocks = [row["title"].strip()]
            date = date_line(row["publish_date"])
            if date is None:
                sys.exit(f"{source}: article {row['article_id']}: unreadable date {row['publish_date']!r}")
            blocks.append(date)
            blocks += [b.strip() for b in (row["subtitle"], row["text"]) if b.strip()]
            folder = out / site_of(row["article_source_link"])
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{int(row['article_id']):05}.txt").write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
            rows += 1
    print(f"{rows} articles written under {out}", file=sys.stderr)


if __name__ == "__main__":
    main()

"""How the city population threshold trades gold places found against gold people and
organisations that share a city's name, on the development set and the seeds (never the
held-out test set). Reads the files beside it; plain Python 3, no packages.

usage: python3 crates/actors/data/coverage.py
"""

import json
from pathlib import Path

DATA = Path(__file__).parent
GOLD = DATA.parent / "tests" / "gold"
THRESHOLDS = (15000, 50000, 100000, 500000)


def rows(name):
    with open(DATA / name, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]


def main():
    places, place_aliases = rows("places.tsv"), rows("place-aliases.tsv")
    city_population = {}
    for name, kind, _, population in places:
        if kind == "city":
            city_population[name] = max(city_population.get(name, 0), int(population))
    for alias, name, kind, _ in place_aliases:
        if kind == "city":
            city_population[alias] = max(city_population.get(alias, 0), city_population.get(name, 0))
    other = ({r[0] for r in places if r[1] != "city"} | {r[0] for r in place_aliases if r[2] != "city"}
             | {r[0] for f in ("country-aliases.tsv", "country-aliases-extra.tsv", "places-extra.tsv") for r in rows(f)})
    articles = [json.loads(line) for f in ("news-dev.gold.jsonl", "seeds.gold.jsonl")
                for line in open(GOLD / f, encoding="utf-8") if line.strip()]
    gold_places = [a["name"] for r in articles for a in r["actors"] if a["type"] == "place"]
    print("cities from\tgold place names found\tperson or organisation forms that are cities")
    for threshold in THRESHOLDS:
        cities = {name for name, population in city_population.items() if population >= threshold}
        found = sum(name in cities or name in other for name in gold_places)
        clashes = sorted({form for r in articles for a in r["actors"] if a["type"] != "place"
                          for form in [a["name"], *a["aliases"]] if form in cities})
        print(f"{threshold}\t{found} of {len(gold_places)}\t{len(clashes)}: {', '.join(clashes)}")


if __name__ == "__main__":
    main()

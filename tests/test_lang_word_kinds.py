"""The word-kind files of lang/de (entity_words.tsv, figure_words.tsv, event_cues.tsv,
administrative_units.tsv): every kind the rules load is explained in the file's header, and a
kind the file lacks is an error, not an empty list that would silently switch a rule off. The
words for towns and administrative units live in one file only, and every rule that knows such
words reads them there; quotation marks are defined once."""

from __future__ import annotations

import re

import pytest
from test_entities import orgs, places

from pipeline.entities.gazetteer import town_part_heads
from pipeline.entities.words import (
    ENTITY_WORDS_FILE,
    entity_word_list,
    entity_words,
    org_patterns,
    org_place_heads,
)
from pipeline.events.lexicon import EVENT_CUES_FILE, cues, word_is_cue
from pipeline.events.places import municipality_town
from pipeline.lang import (
    ADMINISTRATIVE_UNITS_FILE,
    UNIT_KINDS,
    administrative_words,
    data_path,
    load_json,
    load_word_kinds,
)
from pipeline.quantities.lexicon import FIGURE_WORDS_FILE, figure_words
from pipeline.quotation_marks import CLOSING, GERMAN_PAIRS, NAME_PAIRS, OPENING, PAIRS

KIND_FILES = [ENTITY_WORDS_FILE, FIGURE_WORDS_FILE, EVENT_CUES_FILE, ADMINISTRATIVE_UNITS_FILE]
# "#   kind   what it is for": the kind starts three spaces in, its explanation after it
_DOCUMENTED = re.compile(r"^#   ([a-z_]+) ", re.M)


@pytest.mark.parametrize("name", KIND_FILES)
def test_every_kind_is_documented_and_every_documented_kind_has_words(name):
    documented = set(_DOCUMENTED.findall(data_path(name).read_text(encoding="utf-8")))
    # the event rules add the administrative units to two cue kinds (see ADMINISTRATIVE_CUES)
    kinds = set(cues()) if name == EVENT_CUES_FILE else set(load_word_kinds(name))
    assert kinds == documented


@pytest.mark.parametrize("name", KIND_FILES)
def test_no_kind_lists_a_word_twice(name):
    for kind, words in load_word_kinds(name).items():
        assert len(words) == len(set(words)), kind


def test_a_kind_the_file_lacks_is_an_error():
    with pytest.raises(KeyError):
        entity_words("no_such_kind")
    with pytest.raises(KeyError):
        entity_word_list("no_such_kind")
    with pytest.raises(KeyError):
        figure_words("no_such_kind")


ALL_UNITS = frozenset(administrative_words(*load_word_kinds(ADMINISTRATIVE_UNITS_FILE)))


def test_the_words_for_administrative_units_are_listed_once():
    district = load_json("district_patterns.json")
    lists = {
        "place_heads_before": org_patterns()["place_heads_before"],
        **{key: district[key] for key in ("named_heads", "part_heads", "state_heads")},
        "region": load_word_kinds(EVENT_CUES_FILE)["region"],
    }
    # "markt" stays a genitive_head there: the market as an event, no town's title
    assert "municipality" not in load_word_kinds(EVENT_CUES_FILE)
    for key, words in lists.items():
        assert not ALL_UNITS & {w.capitalize() for w in words}, key
    found = [w for words in load_word_kinds(ADMINISTRATIVE_UNITS_FILE).values() for w in words]
    assert len(found) == len(set(found))


def test_every_rule_on_administrative_units_reads_the_shared_list():
    units = set(administrative_words(*UNIT_KINDS))
    assert units <= set(org_place_heads())
    assert "Markt" in ALL_UNITS and "Markt" not in units | set(org_place_heads())
    assert set(administrative_words("municipality")) <= town_part_heads()
    assert all(word_is_cue(w.lower(), "region") for w in units)
    assert word_is_cue("markt", "municipality") and not word_is_cue("markt", "region")
    assert not word_is_cue("landkreis", "municipality")


@pytest.mark.parametrize(
    ("name", "town"),
    [
        ("Kreisstadt Dornbach", "Dornbach"),
        ("Markt Hohenfels", "Hohenfels"),
        ("Landkreis Cham", None),
    ],
)
def test_a_municipality_as_organiser_names_its_town(name, town):
    assert municipality_town(name) == town


def test_a_municipality_acts_but_a_market_square_is_a_place(entities_nlp):
    text = "Die Stadtgemeinde Kellbach lädt zum Sommerfest. Auf dem Markt Rosenheim stehen Buden."
    found = orgs(entities_nlp, text)
    assert "Stadtgemeinde Kellbach" in found
    assert not any(name.startswith("Markt") for name in found)
    assert "Kellbach" in places(entities_nlp, "Das Fest findet in der Kreisstadt Kellbach statt.")


def test_quotation_marks_pair_up():
    assert set(NAME_PAIRS) <= set(PAIRS) and set(GERMAN_PAIRS) <= set(NAME_PAIRS)
    # counting German marks tells inside a quotation from outside: no pair closes with one
    assert not {opening for opening, _ in GERMAN_PAIRS} & CLOSING
    assert {"»", "“", "'"} <= OPENING - {o for o, _ in NAME_PAIRS}


def test_a_name_in_straight_single_quotes_after_a_type_word_is_an_organisation(entities_nlp):
    assert "Tanzfieber" in orgs(entities_nlp, "Am Abend trat die Gruppe 'Tanzfieber' auf.")

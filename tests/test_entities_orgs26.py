"""Organisation classes from reports the rules were never tuned on (round 26), each with
sentences written for this test; the model's reading is given, so they hold whatever model is
loaded."""

from __future__ import annotations

import pytest
from test_entities_general import with_model_ents
from test_entities_org_precision import org_names as _orgs


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


def _names_of(doc) -> dict[str, set[str]]:
    """Written text -> the names its mentions were given."""
    found: dict[str, set[str]] = {}
    for m in doc._.organisations:
        found.setdefault(m.text, set()).add(m.name)
    return found


# -- an abbreviated role before a firm ("GF" for the managing director) is no word of its name --
def test_role_abbreviation_is_no_part_of_a_firm(nlp):
    text = "Zu Gast waren Eva Roth und Ulf Berg, GF Tannwerk Systeme GmbH & Co. KG, aus Weilbach."
    assert "Tannwerk Systeme GmbH & Co. KG" in _orgs(with_model_ents(nlp, text, []))


def test_role_abbreviation_before_a_firm_the_model_reads(nlp):
    text = "Es sprach Ulf Berg, CEO Velvorn Kabelwerke AG, über Kupfer."
    orgs = _orgs(with_model_ents(nlp, text, []))
    assert "Velvorn Kabelwerke AG" in orgs
    assert not any(name.startswith("CEO") for name in orgs)


# -- a bare acronym a bracket defined earlier keeps the long name, whatever rule found it -------
def test_later_bare_acronym_takes_the_bracketed_long_name(nlp):
    text = (
        "Die Hochschule Tannheim (HST) stellte zwei Roboter aus. "
        "Die Mitglieder der HST waren stolz."
    )
    doc = with_model_ents(nlp, text, [("Hochschule Tannheim", "ORG")])
    assert _orgs(doc) == {"Hochschule Tannheim"}


# -- a head of several words, or its acronym, alone refers to the one body named in full -------
def test_multiword_head_and_its_acronym_refer_to_the_one_chamber(nlp):
    text = (
        "Die Industrie- und Handelskammer Oberweiler-Tannberg ehrte ihre besten Azubis. "
        "Die IHK war zufrieden."
    )
    doc = with_model_ents(nlp, text, [])
    assert _orgs(doc) == {"Industrie- und Handelskammer Oberweiler-Tannberg"}


def test_head_acronym_with_two_chambers_stays_bare(nlp):
    text = (
        "Die Industrie- und Handelskammer Oberweiler und die Industrie- und Handelskammer "
        "Tannberg luden ein. Die IHK war zufrieden."
    )
    names = _names_of(with_model_ents(nlp, text, []))
    assert names.get("IHK") == {"IHK"}


# -- church districts are named like towns' authorities: head word and place -------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Das katholische Dekanat Tannheim lädt zur Wallfahrt nach Weilbach ein.",
            "Dekanat Tannheim",
        ),
        ("Der evangelische Kirchenbezirk Tannheim lud zum Fest.", "Kirchenbezirk Tannheim"),
        ("Der Kirchenkreis Weilbach half beim Aufbau.", "Kirchenkreis Weilbach"),
    ],
)
def test_church_district_and_its_place(nlp, text, expected):
    town = expected.split()[-1]
    assert expected in _orgs(with_model_ents(nlp, text, [(town, "LOC")]))


# -- a party whose short name is an everyday word, alone in brackets after a name ---------------
def test_party_in_brackets_after_a_person(nlp):
    text = "Es sprachen Tom Haber (Grüne), Eva Roth (Linke) und Ina Vogt im Saal."
    doc = with_model_ents(nlp, text, [("Tom Haber", "PER"), ("Eva Roth", "PER")])
    assert {"Grüne", "Linke"} <= _orgs(doc)


def test_everyday_word_outside_brackets_is_no_party(nlp):
    text = "Im Sommer zieht es viele ins Grüne, sagte Tom Haber."
    assert "Grüne" not in _orgs(with_model_ents(nlp, text, [("Tom Haber", "PER")]))


# -- kindergartens and butchers are named like schools and bakeries ------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beim Fest trat der Chor des Kindergartens St. Georg auf.", "Kindergarten St. Georg"),
        ("Der Lotte-Kramer-Kindergarten feiert sein Jubiläum.", "Lotte-Kramer-Kindergarten"),
        ("Die Fleischerei Kramer verkaufte Bratwürste.", "Fleischerei Kramer"),
    ],
)
def test_kindergarten_and_butcher(nlp, text, expected):
    assert expected in _orgs(with_model_ents(nlp, text, []))


def test_numbered_kindergarten_is_the_house(nlp):
    text = "Gebaut wird der Neubau vom Kindergarten Birkenhof 3 bis zum Herbst."
    assert not any(
        name.startswith("Kindergarten") for name in _orgs(with_model_ents(nlp, text, []))
    )


# -- a model span running on into the sentence's object has no evidence of a name ----------------
def test_org_span_running_into_an_object_is_cut(nlp):
    text = "Am Abend spielte die Band der Grundschule Weilbach ein Ständchen."
    doc = with_model_ents(nlp, text, [("Grundschule Weilbach ein Ständchen", "ORG")])
    assert _orgs(doc) == {"Grundschule Weilbach"}


# -- a quoted name keeps the article it quotes -----------------------------------------------------
def test_quoted_name_keeps_its_own_article(nlp):
    text = "Ausgerichtet wurde das Turnier von der Band „Die Roten Füchse“ aus Weilbach."
    assert "Die Roten Füchse" in _orgs(with_model_ents(nlp, text, []))


# -- after a kind of company, a first name and a noble surname are a person ----------------------
def test_maker_and_noble_surname_is_a_person(nlp):
    text = "Der Vortrag kam vom Keramikhersteller Tadeo von Kelvatec-Haus aus Weilbach."
    assert _orgs(with_model_ents(nlp, text, [])) == set()


# -- an acronym in brackets spells a long form with lower-case words and the place it serves -----
def test_acronym_spells_adjective_and_place(nlp):
    text = "Den Abschluss machte ein Gast vom Zentrum für ländliche Bildung in Tannland (ZLBT)."
    doc = with_model_ents(nlp, text, [])
    assert _orgs(doc) == {"Zentrum für ländliche Bildung in Tannland"}


# -- a town's authority as the doer of a passive whose participle opens the sentence ------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Getragen wird der Bauernmarkt von der Großen Kreisstadt Tannheim.",
            "Große Kreisstadt Tannheim",
        ),
        ("Organisiert wird das Fest seit Jahren von der Gemeinde Tannheim.", "Gemeinde Tannheim"),
    ],
)
def test_town_as_doer_of_a_fronted_passive(nlp, text, expected):
    assert expected in _orgs(with_model_ents(nlp, text, [("Tannheim", "LOC")]))


def test_town_after_von_without_a_doing_participle_is_the_place(nlp):
    text = "Gewandert wurde von der Stadt Tannheim bis nach Weilbach."
    assert _orgs(with_model_ents(nlp, text, [("Tannheim", "LOC")])) == set()


# -- a possessive before an institution's word says whose it is, no name's adjective -----------
def test_possessive_is_no_adjective_of_a_name(nlp):
    text = "Sie rief: „Meine Schule ist die beste im ganzen Land!“"
    assert _orgs(with_model_ents(nlp, text, [])) == set()


# -- a quoted name after a type word in the genitive; a model span cutting the quote is no name --
@pytest.mark.parametrize("quote", [("„", "“"), ('"', '"')])
def test_quoted_name_after_genitive_type_word(nlp, quote):
    opening, closing = quote
    text = f"Es kam die Vorsitzende des Vereins {opening}Grüne Welle Tannheim{closing} mit."
    doc = with_model_ents(nlp, text, [(f"Vereins {opening}Grüne Welle Tannheim", "ORG")])
    assert _orgs(doc) == {"Grüne Welle Tannheim"}


# -- a foundation named after the body a place completes ----------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Saniert wurde die Orgel dank der Stiftung Gemeinde Tannheim.",
            "Stiftung Gemeinde Tannheim",
        ),
        (
            "Den Preis stiftete die Stiftung Kreissparkasse Weilbach.",
            "Stiftung Kreissparkasse Weilbach",
        ),
    ],
)
def test_foundation_of_a_body_and_place(nlp, text, expected):
    town = expected.split()[-1]
    assert expected in _orgs(with_model_ents(nlp, text, [(town, "LOC")]))

"""A fair company, a fair's name and its fairground; a quoted name after a type word that is
also a role noun; a house's name with its number. Sentences written for these tests (rules
only, the model's reading given where a rule asks for it)."""

from __future__ import annotations

import pytest
from test_entities import orgs, places
from test_entities_general import with_model_ents


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


# -- "Messe" and a town: the company where it speaks, the fairground where one goes ----------
@pytest.mark.parametrize(
    "text",
    [
        "Die Hallen waren bis zum Abend voll, berichtet die Messe Wels.",
        "Der Auftakt sei gelungen, so die Messe Wels.",
        "Mehr Aussteller als je zuvor, meldete die Messe Wels am Sonntag.",
    ],
)
def test_fair_company_speaking_in_inverted_order(nlp, text):
    assert "Messe Wels" in orgs(nlp, text).values()
    assert "Messe Wels" not in places(nlp, text).values()


def test_fairground_after_a_place_preposition(nlp):
    text = "Am Samstag gingen wir auf die Messe Wels."
    assert "Messe Wels" in places(nlp, text).values()
    assert "Messe Wels" not in orgs(nlp, text).values()


# -- "Messe" and a name of its own: the fair ---------------------------------------------------
def test_fair_named_after_messe_is_no_venue_and_no_company(nlp):
    text = "Die 40. Ausgabe der Berner Messe Foire Centrale zählte 9000 Besucher."
    assert "Messe Foire Centrale" not in places(nlp, text).values()
    assert "Berner Messe" not in orgs(nlp, text).values()


def test_fair_named_after_messe_is_a_venue_after_a_place_preposition(nlp):
    text = "Am Abend trafen sich alle auf der Messe Foire Centrale."
    assert "Messe Foire Centrale" in places(nlp, text).values()


def test_fair_company_by_its_city_adjective_stays(nlp):
    assert "Leipziger Messe" in orgs(nlp, "Die Leipziger Messe meldete einen Rekord.").values()
    assert (
        "Leipziger Messe GmbH"
        in orgs(nlp, "Tom Keller leitet seit Mai die Leipziger Messe GmbH.").values()
    )


# -- a quoted name after a type word that is also a role noun ("Firma", "Team") ---------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Thomas Berger, Inhaber der Firma „Gartenbedarf Berger“, ist zufrieden.",
            "Gartenbedarf Berger",
        ),
        ("Das Unternehmen „Holzbau Keller“ lieferte die Bühne.", "Holzbau Keller"),
    ],
)
def test_quoted_name_after_firma(nlp, text, name):
    assert name in orgs(nlp, text).values()


# -- a house's own name with its number ---------------------------------------------------------
def test_numbered_house_name_read_by_the_model(nlp):
    text = "Heute beginnt der Neubau vom Kindergarten Birkenhof 3 in Talheim."
    doc = with_model_ents(nlp, text, [("Kindergarten Birkenhof 3", "LOC"), ("Talheim", "LOC")])
    names = {m.name for m in doc._.places}
    assert "Kindergarten Birkenhof 3" in names
    assert "Kindergarten" not in names


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Die Schau fand in Halle 5 statt.", "Halle 5"),
        ("Die Läufer passierten bei KM 4 die Brücke.", "KM 4"),
    ],
)
def test_marker_or_hall_number_stays_no_place(nlp, text, span):
    doc = with_model_ents(nlp, text, [(span, "LOC")])
    assert span not in {m.text for m in doc._.places}


# -- a quoted name opening its line before its verb: the model's group is kept ----------------
def test_quoted_group_opening_a_line_before_its_verb(nlp):
    text = "Viele Gäste kamen.\n\n„The Lindens“ begleiteten den Abend musikalisch."
    doc = with_model_ents(nlp, text, [("The Lindens", "ORG")])
    assert "The Lindens" in {m.name for m in doc._.organisations}


def test_quoted_title_inside_a_sentence_needs_more_than_quotes(nlp):
    text = "Viele Gäste sangen das Lied „Schöne Tage“ mit."
    doc = with_model_ents(nlp, text, [("Schöne Tage", "ORG")])
    assert "Schöne Tage" not in {m.name for m in doc._.organisations}


# -- a person's company: after "von" and the person, after "Firma" ------------------------------
def test_company_compound_after_a_person_and_von(nlp):
    text = "Zufrieden zeigte sich auch Jana Fink von Brenner-Technik."
    doc = with_model_ents(nlp, text, [("Jana Fink", "PER"), ("Brenner-Technik", "ORG")])
    assert "Brenner-Technik" in {m.name for m in doc._.organisations}


def test_compound_with_a_name_inside_stays_no_company_without_a_person(nlp):
    text = "Nach dem Brenner-Besuch fuhren alle heim."
    doc = with_model_ents(nlp, text, [("Brenner-Besuch", "ORG")])
    assert doc._.organisations == []


def test_first_name_after_firma_opens_the_company_not_a_person(nlp):
    text = "Neue Kunden gewann auch die Firma Lorenz Fliesenbau."
    doc = with_model_ents(nlp, text, [("Lorenz Fliesenbau", "ORG")])
    assert "Lorenz Fliesenbau" in {m.name for m in doc._.organisations}


def test_first_name_without_firma_stays_a_person(nlp):
    text = "Am Stand sprach Lorenz Fliesenbau mit vielen Gästen."
    doc = with_model_ents(nlp, text, [("Lorenz Fliesenbau", "ORG")])
    assert doc._.organisations == []


# -- a school named with hyphens: the building after a place preposition ----------------------
def test_school_named_after_a_person_is_the_building_after_a_locative(nlp):
    text = "Nach der Ankunft in der Lessing-Schule gab es Essen."
    assert "Lessing-Schule" in places(nlp, text).values()
    assert "Lessing-Schule" not in orgs(nlp, text).values()


def test_school_named_after_a_person_acting_is_the_organisation(nlp):
    text = "Die Lessing-Schule lädt zum Sommerfest."
    assert "Lessing-Schule" in orgs(nlp, text).values()
    assert "Lessing-Schule" not in places(nlp, text).values()

"""Organisations the rule layers made where a reader sees none (a place, a common noun, an
office), each class with sentences written for this test."""

from __future__ import annotations

import pytest
from test_entities import orgs
from test_entities_general import with_model_ents


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


def org_names(doc) -> set[str]:
    return {m.name for m in doc._.organisations}


def place_names(doc) -> set[str]:
    return {m.name for m in doc._.places}


# -- a town's word and a name the model reads as the place alone: the town, no authority -------
@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Am Sonntag erkundeten Radler aus Ulm und Celle die Stadt Gera.", "Gera"),
        ("Gefeiert wurde die Partnerschaft mit der Stadt Gera.", "Gera"),
    ],
)
def test_town_the_model_reads_as_a_place(nlp, text, town):
    doc = with_model_ents(nlp, text, [(town, "LOC")])
    assert f"Stadt {town}" not in org_names(doc)
    assert town in place_names(doc)


def test_town_the_model_reads_as_a_body_stays_one(nlp):
    text = "Im Mai lud die Stadt Gera zum Empfang."
    assert "Stadt Gera" in org_names(with_model_ents(nlp, text, [("Stadt Gera", "ORG")]))
    # without a model reading the rule decides as before
    assert "Stadt Gera" in orgs(nlp, text).values()


# -- no organisation: a kind of federal body alone refers back to one named in full; an
# indefinite article before a one-word name on an organisation ending makes a common noun ------
@pytest.mark.parametrize(
    "text",
    [
        "Nach Angaben des Bundesverbands stieg der Umsatz.",
        "Der Bundesverband begrüßte die Gäste.",
        "Das Bundesamt prüft den Antrag noch.",
        "Im Dorf gibt es seit Jahren eine lustige und laute Velvorngruppe.",
        "Es kam eine Velvorngruppe.",
        "Der Erlös ging an eine Velvorn-Stiftung.",
    ],
)
def test_bare_federal_kind_or_indefinite_compound_is_no_name(nlp, text):
    assert not orgs(nlp, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Der Bundesverband KLBV begrüßte die Gäste.", "Bundesverband KLBV"),
        ("Die Bundesärztekammer begrüßte die Gäste.", "Bundesärztekammer"),
        ("Der Bundesrat beschloss das Gesetz.", "Bundesrat"),
    ],
)
def test_federal_body_of_one_kind_stays(nlp, text, name):
    assert name in orgs(nlp, text).values()


def test_compound_after_definite_article_stays_a_name(nlp):
    assert orgs(nlp, "Die Velvorngruppe stellte aus.") == {"Velvorngruppe": "Velvorngruppe"}
    assert "Velvorn-Stiftung" in orgs(nlp, "Der Erlös ging an die Velvorn-Stiftung.")


# -- an acronym and a district's authority the model reads as one name: the body's branch -----
def test_acronym_before_authority_in_one_model_name(nlp):
    text = "Es sprach Eva Roth vom KVBW Landkreis Celle über Steuern."
    doc = with_model_ents(nlp, text, [("KVBW Landkreis Celle", "ORG"), ("Eva Roth", "PER")])
    assert "KVBW Landkreis Celle" in org_names(doc)
    assert "Landkreis Celle" not in org_names(doc)


# -- an acronym no bracket defines that spells one full name of the report ----------------------
def test_acronym_spelling_a_full_name_takes_it(nlp):
    doc = nlp("Den Pokal gewann der SV Lindach. Danach gab es beim SVL ein Grillfest.")
    found = {m.text: (m.name, m.acronym) for m in doc._.organisations}
    assert found["SVL"] == ("SV Lindach", "SVL")


def test_acronym_spelling_two_names_stays_itself(nlp):
    doc = nlp(
        "Es spielten der SV Lindach und der SV Lauterbach. Danach gab es beim SVL ein Grillfest."
    )
    found = {m.text: m.name for m in doc._.organisations}
    assert found["SVL"] == "SVL"


# -- a council that is its member's title, before a laureate and the person's name --------------
def test_council_title_before_laureate_and_person(nlp):
    text = "Zu Gast war auch der Zürcher Kantonsrat und Friedenspreisträger Max Huber."
    assert not orgs(nlp, text)
    assert (
        "Zürcher Kantonsrat" in orgs(nlp, "Der Zürcher Kantonsrat beschloss das Budget.").values()
    )


# -- common nouns before the model's organisation that ends on the legal form -------------------
def test_common_noun_before_the_models_company(nlp):
    text = "Der Film zeigt die Nähe Velvorn Bau AG zu den Kunden."
    doc = with_model_ents(nlp, text, [("Velvorn Bau AG", "ORG")])
    assert org_names(doc) == {"Velvorn Bau AG"}


def test_unknown_word_before_the_models_company_stays(nlp):
    text = "Gebucht wurde die visitVelvorn Gastgeber e.V. aus Soest."
    doc = with_model_ents(nlp, text, [("Gastgeber e.V.", "ORG")])
    assert org_names(doc) == {"visitVelvorn Gastgeber e.V."}


# -- a choir in its Swiss diminutive is an organisation head -------------------------------------
def test_swiss_diminutive_choir_is_an_organisation(nlp):
    text = "Zum Schluss sang das Jodlerchörli Tannheim zwei Lieder."
    doc = with_model_ents(nlp, text, [("Jodlerchörli Tannheim", "ORG")])
    assert "Jodlerchörli Tannheim" in org_names(doc)
    assert "Tannheim" not in place_names(doc)


def test_town_word_before_the_models_company_stays(nlp):
    text = "Zum Fest lud die Ulmer Stadtwerke AG alle Kunden ein."
    doc = with_model_ents(nlp, text, [("Stadtwerke AG", "ORG")])
    found = {m.name: m.source for m in doc._.organisations}
    assert found == {"Ulmer Stadtwerke AG": "legal_form"}


# -- a company's name and "-Werk" in one word: its plant ----------------------------------------
def test_company_plant_is_no_body(nlp):
    assert not orgs(nlp, "Am Nachmittag ging es zum Velvorn-Werk am Stadtrand.")


def test_compound_body_on_a_site_ending_without_hyphen_stays(nlp):
    assert orgs(nlp, "Das Velvornwerk lud zum Empfang.") == {"Velvornwerk": "Velvornwerk"}


# -- the name after an edition noun and a genitive article is an event's ------------------------
def test_name_of_an_edition_is_no_organisation(nlp):
    text = "Gefeiert wurde die 4. Auflage der „Velvorner Lichterreigen“ am Marktplatz."
    doc = with_model_ents(nlp, text, [("Velvorner Lichterreigen", "ORG")])
    assert not org_names(doc)


def test_newspaper_after_an_edition_noun_stays(nlp):
    text = "Das stand in der aktuellen Ausgabe der Velvorner Zeitung vom Montag."
    doc = with_model_ents(nlp, text, [("Velvorner Zeitung", "ORG")])
    assert "Velvorner Zeitung" in org_names(doc)

"""Organisation classes that failed on reports nobody tuned on, each with sentences written for
this test (rules only: they must hold whatever NER model is loaded)."""

from __future__ import annotations

import pytest
from test_entities import orgs
from test_entities_general import with_model_ents


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


# -- a head and adjectives in the genitive plural name one body --------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Der Verband Deutscher Werkzeughersteller lud Gäste ein.",
            "Verband Deutscher Werkzeughersteller",
        ),
        ("Es sprach die Präsidentin des Vereins Bayerischer Imker.", "Verein Bayerischer Imker"),
        (
            "Auch die Arbeitsgemeinschaft Freier Theater war dabei.",
            "Arbeitsgemeinschaft Freier Theater",
        ),
        # a lower-case adjective in the genitive plural before a plural noun
        ("Der Erlös ging an den Verein kranker Tiere in Celle.", "Verein kranker Tiere"),
        # a bare generic head: adjectives in any case, and a place after them
        ("Gefördert wird das vom Fonds Sicheres Bayern.", "Fonds Sicheres Bayern"),
        ("Es sprach der Vorsitzende vom Verein Neue Musik.", "Verein Neue Musik"),
    ],
)
def test_head_with_genitive_adjectives(nlp, text, name):
    assert name in orgs(nlp, text).values()


def test_genitive_adjective_is_no_name_of_its_own(nlp):
    # the type noun before the adjective is the name's head, not a word before it
    found = orgs(nlp, "Der Verband Deutscher Werkzeughersteller lud Gäste ein.")
    assert "Deutscher" not in found


# -- a bare acronym no reader knows as a word, after an article --------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Den Vortrag hielt ein Mitglied der BKGV aus Gera.", "BKGV"),
        ("Die Gäste wurden beim TKVW in Sulz empfangen.", "TKVW"),
    ],
)
def test_unknown_acronym_after_an_article(nlp, text, name):
    assert name in orgs(nlp, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # an everyday abbreviation (frequency data), not a body
        ("Das WLAN im Saal fiel am Morgen aus.", "WLAN"),
        # written before a year somewhere in the report: a fair's edition
        ("Die FTXA 2024 war voll. Die FTXA zog 900 Besucher an.", "FTXA"),
        # a title's abbreviation
        ("Es sprach der MdLb. Tom Kranz.", "MdLb"),
    ],
)
def test_acronyms_that_name_no_body(nlp, text, word):
    assert word not in orgs(nlp, text)


def test_defined_acronym_keeps_the_long_name(nlp):
    text = "Die Kammer für Holzhandel ( KfHW ) tagte. Danach lud die KfHW zum Essen."
    names = {m.text: m.name for m in nlp(text)._.organisations}
    assert names.get("KfHW") == "Kammer für Holzhandel"


# -- an institution's compound and a place, a school named after a person ---------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Den Vortrag hielt das Kreiskrankenhaus Celle am Abend.", "Kreiskrankenhaus Celle"),
        ("Zum Schluss spielte die Stadtmusik Wil zwei Märsche.", "Stadtmusik Wil"),
        ("Gewonnen haben zwei Schülerinnen der Lotte-Reiniger-Schule.", "Lotte-Reiniger-Schule"),
    ],
)
def test_institution_names(nlp, text, name):
    assert name in orgs(nlp, text)


def test_school_as_lodging_is_no_organisation(nlp):
    assert "Lotte-Reiniger-Schule" not in orgs(
        nlp, "Übernachtet wurde in der Lotte-Reiniger-Schule am Markt."
    )


# -- the medium in a dateline's brackets -------------------------------------------------------
def test_dateline_medium(nlp):
    text = "Celle (Heideblick) - Am Samstag kamen 300 Gäste zum Fest."
    assert "Heideblick" in orgs(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Celle (tk) - Am Samstag kamen 300 Gäste zum Fest.",  # an author's initials
        "Baar (ZG) - Am Samstag kamen 300 Gäste zum Fest.",  # a canton's code
    ],
)
def test_dateline_brackets_without_medium(nlp, text):
    assert not orgs(nlp, text)


# -- a person and "von" with a name no lexicon knows -------------------------------------------
def test_person_affiliation_without_the_model(nlp):
    doc = with_model_ents(
        nlp, "Sabine Roth von Kelvatec zeigte neue Pumpen.", [("Sabine Roth", "PER")]
    )
    assert "Kelvatec" in {m.text for m in doc._.organisations}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Sabine Roth von Anfang an dabei.", "Sabine Roth"),  # an everyday noun
        ("Sabine Roth von Frei sprach.", "Sabine Roth"),  # an everyday word
        ("Sabine Roth von Celle sprach.", "Sabine Roth"),  # a place
    ],
)
def test_person_and_von_without_a_name(nlp, text, person):
    doc = with_model_ents(nlp, text, [(person, "PER")])
    assert not doc._.organisations


def test_town_adjective_and_club(nlp):
    found = orgs(nlp, "Der Vorsitzende des Celler Tennisklubs begrüßte die Gäste.")
    assert "Celler Tennisklubs" in found


# -- a whole quoted name after an organisation's type word -------------------------------------
@pytest.mark.parametrize(
    ("text", "quoted", "is_organisation"),
    [
        ("Den Scheck bekam der Verein „Zukunft für Kinder“ am Montag.", "Zukunft für Kinder", True),
        ("Danach spielte die Schülerband „Kolibrix“ drei Lieder.", "Kolibrix", True),
        # a project's or a work's title after its noun
        ("Gefördert wurde das Projekt „Grüne Höfe“ mit 500 Euro.", "Grüne Höfe", False),
        ("Er leitete das Gesamtkunstwerk „Maskenzug“ seit Jahren.", "Maskenzug", False),
    ],
)
def test_noun_before_a_quoted_name(nlp, text, quoted, is_organisation):
    assert (quoted in orgs(nlp, text)) is is_organisation


def test_genitive_singular_after_a_head_is_no_name(nlp):
    assert not orgs(nlp, "Die Stiftung neuer Art half vielen.")


def test_word_ending_on_a_head_without_its_gender_is_no_head(nlp):
    # "das Referat" only ends on the letters of "der Rat"; "der Beirat" is a compound of it
    assert not orgs(nlp, "Großen Beifall bekam das Referat des Berliner Arztes Tom Kranz.")
    found = orgs(nlp, "Es sprach der Beirat für Umweltfragen.")
    assert "Beirat für Umweltfragen" in found


# -- a person's role and a genitive name no lexicon knows --------------------------------------
def test_role_and_genitive_name(nlp):
    assert "Velvorn" in orgs(nlp, "Es sprach die Geschäftsführerin der Velvorn am Abend.")


@pytest.mark.parametrize(
    "text",
    [
        "Es sprach die Leiterin der Abteilung am Abend.",
        "Es sprach der Sprecher der Jugendverwaltung am Abend.",  # a compound of nouns
        "Es sprach der Sprecher der Schweiz am Abend.",  # a place
    ],
)
def test_role_and_genitive_common_noun(nlp, text):
    assert not orgs(nlp, text)


def test_model_span_adding_only_the_type_word_keeps_the_name(nlp):
    text = "Es sprach Eva Roth vom Studio Kelvatec über Spiele."
    doc = with_model_ents(nlp, text, [("Eva Roth", "PER"), ("Studio Kelvatec", "ORG")])
    assert {m.text for m in doc._.organisations} == {"Kelvatec"}


def test_acronym_before_a_title_is_a_title(nlp):
    text = "Es sprach PD Dr. Tom Keller über Gelenke."
    doc = with_model_ents(nlp, text, [("PD", "ORG"), ("Tom Keller", "PER")])
    assert not doc._.organisations
    text = "Es sprach der Präsident der ÖGKV Prof. Tom Keller."
    doc = with_model_ents(nlp, text, [("ÖGKV", "ORG"), ("Tom Keller", "PER")])
    assert {m.text for m in doc._.organisations} == {"ÖGKV"}


# -- a council's name as a person's office -------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("Zum Empfang kam alt Bundesrat Peter Gisler aus Bern.", [("Peter Gisler", "PER")]),
        # a list of offices before the person, the first with a canton's adjective
        (
            "Es sprach der Zürcher Kantonsrat, Regierungsrat und Nationalrat Hans Meier.",
            [("Zürcher Kantonsrat", "LOC"), ("Hans Meier", "PER")],
        ),
    ],
)
def test_council_before_a_person_is_an_office(nlp, text, ents):
    doc = with_model_ents(nlp, text, ents)
    assert not doc._.organisations
    assert not [m for m in doc._.places if "rat" in m.text]


def test_council_without_a_person_stays_a_body(nlp):
    text = "Der Bundesrat und Peter Gisler sprachen am Abend."
    doc = with_model_ents(nlp, text, [("Peter Gisler", "PER")])
    assert {m.text for m in doc._.organisations} == {"Bundesrat"}


# -- a person's affiliation in brackets is the body's whole name ---------------------------------
def test_bracketed_affiliation_runs_to_the_town(nlp):
    text = "Es sprach Anna Weber (Deutsche Akademie für Lehrer in Schule und Beruf, Ulm) zuerst."
    doc = with_model_ents(nlp, text, [("Anna Weber", "PER")])
    found = {m.text: m.name for m in doc._.organisations}
    name = "Deutsche Akademie für Lehrer in Schule und Beruf"
    assert found == {name: name}
    assert {m.text for m in doc._.places} == {"Ulm"}


def test_bracketed_affiliation_stops_before_a_sentence(nlp):
    # no closing bracket or town in reach: the rule's name stays as it was
    text = "Es sprach Anna Weber (Institut für Kunst in der Stadt, das sie seit Jahren leitet)."
    doc = with_model_ents(nlp, text, [("Anna Weber", "PER")])
    assert {m.text for m in doc._.organisations} == {"Institut für Kunst"}


def test_model_span_ends_before_a_bracket_it_does_not_close(nlp):
    text = "Gewonnen hat der TSV Nord 08 Lindau (12 Teilnehmer) vor dem SV West."
    doc = with_model_ents(nlp, text, [("TSV Nord 08 Lindau (12 Teilnehmer", "ORG")])
    assert "TSV Nord 08 Lindau" in {m.text for m in doc._.organisations}
    assert not [m for m in doc._.organisations if "(" in m.text]


def test_titles_after_an_organisation_are_no_second_one(nlp):
    text = "Der Chef der Velvorn Dental GmbH, Prof. DDr. Ilvy Burg, sprach zuerst."
    found = orgs(nlp, text)
    assert "Velvorn Dental GmbH" in found
    assert not [t for t in found if "DDr" in t]


# -- a feminine or genitive role noun before a fair company --------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "„Wir sind zufrieden“, sagt die Geschäftsführerin der Messe Ulm, Eva Roth.",
        "Das Fazit des Geschäftsführers der Messe Ulm fiel gut aus.",
    ],
)
def test_role_before_fair_company(nlp, text):
    assert "Messe Ulm" in orgs(nlp, text)


# -- well-known names the frequency data calls everyday words ------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Bilder wurden auf Instagram und YouTube geteilt.", "YouTube"),
        ("Im Anschluss sprach ein Vertreter der ÖVP zu den Gästen.", "ÖVP"),
        ("Die Helfer vom Roten Kreuz versorgten die Läufer.", "Rotes Kreuz"),
    ],
)
def test_well_known_names(nlp, text, name):
    assert name in orgs(nlp, text).values()


def test_person_after_a_known_name_is_no_second_one(nlp):
    text = "Es moderierten die Chefin der FAZ sowie die Journalistin Eva Roth."
    assert orgs(nlp, text) == {"FAZ": "FAZ"}


def test_model_span_ends_before_an_object(nlp):
    text = "Im Finale schlug Tom Keller vom SV Linde Lindach den Favoriten."
    doc = with_model_ents(
        nlp, text, [("Tom Keller", "PER"), ("SV Linde Lindach den Favoriten", "ORG")]
    )
    assert {m.text for m in doc._.organisations} == {"SV Linde Lindach"}


def test_model_span_drops_a_persons_title(nlp):
    text = "Den ersten Vortrag hielt PD Dr. med. Tom Keller."
    assert not with_model_ents(nlp, text, [("PD Dr.", "ORG")])._.organisations
    text = "Es sprach der Präsident der ÖGKV Prof. Tom Keller."
    doc = with_model_ents(nlp, text, [("ÖGKV Prof.", "ORG")])
    assert {m.text for m in doc._.organisations} == {"ÖGKV"}

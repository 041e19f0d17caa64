"""Organisation names the entity stage missed or cut where the model had never seen the text:
a long form before its acronym, a fair company's plural name, institutes in the plural, a
chamber of a place pair, a board named after its event, a trade's pair of compounds. Each
with sentences written for this test; the model's reading is given, so they hold whatever
model is loaded."""

from __future__ import annotations

import pytest
from test_entities_general import with_model_ents
from test_entities_org_precision import org_names as _orgs


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


# -- the words before an acronym in brackets that spell it ----------------------------------
@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        # a compound's parts give their initials too ("Gewerbe|gemeinschaft")
        (
            "Zur Eröffnung begrüßte die Sprecherin der Gewerbegemeinschaft Tannheimer Land "
            "(GGTL) die Gäste.",
            [],
            "Gewerbegemeinschaft Tannheimer Land",
        ),
        # hyphenated parts, the genitive head named in the nominative, the town after the
        # brackets is the branch's
        (
            "Die Helfer des Senioren-Radsport-Vereins (SRV) Weilbach bauten die Zelte auf.",
            [("Weilbach", "LOC")],
            "Senioren-Radsport-Verein Weilbach",
        ),
        (
            "Eingeladen hatte der Bund der Tannheimer Bienenfreunde (BTB) in den Saal.",
            [],
            "Bund der Tannheimer Bienenfreunde",
        ),
    ],
)
def test_long_form_before_its_acronym(nlp, text, ents, name):
    assert name in _orgs(with_model_ents(nlp, text, ents))


@pytest.mark.parametrize(
    ("text", "ents", "wrong"),
    [
        # initials that do not spell it: no long form
        (
            "Zur Eröffnung begrüßte die Sprecherin der Gewerbegemeinschaft Tannheimer Land "
            "(KLM) die Gäste.",
            [],
            "Gewerbegemeinschaft Tannheimer Land",
        ),
        # a fair's long form has no organisation's head
        (
            "Die Tannheimer Gartenschau (TGS) zog viele Gäste an.",
            [],
            "Tannheimer Gartenschau",
        ),
        # a venue's head is a building's, no body's
        (
            "Die Tagung fand im Weilbach Center Nord (WCN) statt.",
            [("WCN", "ORG")],
            "Weilbach Center Nord",
        ),
    ],
)
def test_no_long_form_without_spelling_or_head(nlp, text, ents, wrong):
    assert wrong not in _orgs(with_model_ents(nlp, text, ents))


# -- "<name> Messen <town>": a company that runs fairs there --------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Die Projektleiterin bei den Brunnholt Messen Weilbach plant schon den Herbst.",
        "Die Brunnholt Messen Weilbach vermieten ihre Hallen auch für Feiern.",
    ],
)
def test_fair_company_in_the_plural(nlp, text):
    assert "Brunnholt Messen Weilbach" in _orgs(with_model_ents(nlp, text, [("Weilbach", "LOC")]))


def test_fair_company_with_a_town_the_gazetteer_does_not_read(nlp):
    text = "Neu bei den Brunnholt Messen Oberkirchzell ist ein Hallenplan für Kinder."
    doc = with_model_ents(nlp, text, [("Oberkirchzell", "LOC")])
    assert "Brunnholt Messen Oberkirchzell" in _orgs(doc)


def test_fair_company_with_a_pair_of_towns(nlp):
    text = "Die Brunnholt Messen Duisburg-Essen vermieten ihre Hallen auch für Feiern."
    assert "Brunnholt Messen Duisburg-Essen" in _orgs(with_model_ents(nlp, text, []))


def test_fair_company_needs_a_town_not_a_country(nlp):
    text = "Die Brunnholt Messen Österreich vermieten ihre Hallen auch für Feiern."
    doc = with_model_ents(nlp, text, [("Österreich", "LOC")])
    assert "Brunnholt Messen Österreich" not in _orgs(doc)


def test_initials_of_a_long_compound_stay_few(nlp):
    """Each later part of a compound may add its initial, at most two of one word: the choices
    stay bounded however many nouns the word ends in."""
    finder = nlp.get_pipe("german_entities").organisations
    choices = finder._letter_choices("Stadtteilbürgervereinsvorstand")
    assert len(choices) <= 2**2
    assert {"S", "SV"} <= set(choices)


def test_plural_fairs_after_an_adjective_are_no_company(nlp):
    text = "Die großen Messen Berlin und Köln waren voll."
    doc = with_model_ents(nlp, text, [("Berlin", "LOC"), ("Köln", "LOC")])
    assert not any("Messen" in name for name in _orgs(doc))


# -- institutes in the plural with their subjects -------------------------------------------
def test_institutes_in_the_plural(nlp):
    text = "Die drei Fraunhofer-Institute für Holzforschung und Akustik stellten Versuche vor."
    assert "Fraunhofer-Institute für Holzforschung und Akustik" in _orgs(
        with_model_ents(nlp, text, [])
    )


# -- "beider" and a place: the body of a place pair -----------------------------------------
def test_chamber_of_a_place_pair(nlp):
    text = "Der Gewerbeverein beider Weilbach lud im Juni zum Sommerabend."
    doc = with_model_ents(nlp, text, [("Weilbach", "LOC")])
    assert "Gewerbeverein beider Weilbach" in _orgs(doc)


def test_no_body_of_both_without_a_place(nlp):
    text = "Die Vertreter der Kammer beider Gemeindeteile trafen sich."
    assert "Kammer beider Gemeindeteile" not in _orgs(with_model_ents(nlp, text, []))


# -- a board named after the event it runs --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        (
            "Die Sprecherin des Kuratoriums Großes Brunnenfest der Altstadt, Jana Fink, "
            "lobte die Helfer.",
            [("Jana Fink", "PER")],
            "Kuratorium Großes Brunnenfest der Altstadt",
        ),
        (
            "Das Festkomitee Tannheimer Musiknacht hat neue Helfer gefunden.",
            [],
            "Festkomitee Tannheimer Musiknacht",
        ),
    ],
)
def test_board_named_after_its_event(nlp, text, ents, name):
    assert name in _orgs(with_model_ents(nlp, text, ents))


def test_board_before_a_person_is_no_event_board(nlp):
    text = "Das Kuratorium Tom Haber und Jana Fink tagte im Mai."
    doc = with_model_ents(nlp, text, [("Tom Haber", "PER"), ("Jana Fink", "PER")])
    assert not any(name.startswith("Kuratorium Tom") for name in _orgs(doc))


# -- a lower-case adjective before a pair of compounds: the trade the body is named by ------
def test_association_of_a_trade_pair(nlp):
    text = "Zur Obstschau lud die Vereinigung heimischer Obst- und Gemüsebau ein."
    assert "Vereinigung heimischer Obst- und Gemüsebau" in _orgs(with_model_ents(nlp, text, []))


# -- the event's noun written apart before a club's head ------------------------------------
def test_club_after_its_events_noun(nlp):
    text = "Die Helfer des Lichterfest Vereins bauten am Freitag die Bühne auf."
    assert "Lichterfest Verein" in _orgs(with_model_ents(nlp, text, []))


def test_noun_before_a_club_that_names_no_event(nlp):
    text = "Die Helfer des Gemüse Vereins bauten am Freitag die Bühne auf."
    assert "Gemüse Verein" not in _orgs(with_model_ents(nlp, text, []))


# -- firms named by a trade's noun and the family's name ------------------------------------
def test_firm_whose_family_name_is_also_a_town(nlp):
    text = "Die Lehre bei der Firma Zimmerei Tannheim beginnt im August."
    doc = with_model_ents(nlp, text, [("Tannheim", "LOC")])
    assert "Zimmerei Tannheim" in _orgs(doc)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Lehrstellen bei Metallbau HORNSKE sind begehrt.", "Metallbau HORNSKE"),
        ("Die Metzgerei WOBBELER lud zum Hoffest ein.", "Metzgerei WOBBELER"),
    ],
)
def test_trade_and_a_shouted_family_name(nlp, text, name):
    assert name in _orgs(with_model_ents(nlp, text, []))


def test_trade_and_a_shouted_common_noun_is_no_firm(nlp):
    text = "Die Bäckerei HEUTE hat geschlossen."
    assert "Bäckerei HEUTE" not in _orgs(with_model_ents(nlp, text, []))

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
        # a compound's parts give their initials too ("Unternehmer|vereinigung")
        (
            "Es sprach der Vorsitzende der Unternehmervereinigung Wirtschaftsraum Tannheim "
            "(UVWT) zur Eröffnung.",
            [("Tannheim", "LOC")],
            "Unternehmervereinigung Wirtschaftsraum Tannheim",
        ),
        # hyphenated parts, the genitive head named in the nominative, the town after the
        # brackets is the branch's
        (
            "Das Turnier des Jugend-Handballturnier-Vereins (JHV) Weilbach war gut besucht.",
            [("Weilbach", "LOC")],
            "Jugend-Handballturnier-Verein Weilbach",
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
            "Es sprach der Vorsitzende der Unternehmervereinigung Wirtschaftsraum Tannheim "
            "(KLM) zur Eröffnung.",
            [("Tannheim", "LOC")],
            "Unternehmervereinigung Wirtschaftsraum Tannheim",
        ),
        # a fair's long form has no organisation's head
        (
            "Die Tannheimer Gartenschau (TGS) zog viele Gäste an.",
            [],
            "Tannheimer Gartenschau",
        ),
        # a venue's head is a building's, no body's
        (
            "Getagt wurde im Congress Center Tannheim (CCT) an der Förde.",
            [("CCT", "ORG")],
            "Congress Center Tannheim",
        ),
    ],
)
def test_no_long_form_without_spelling_or_head(nlp, text, ents, wrong):
    assert wrong not in _orgs(with_model_ents(nlp, text, ents))


# -- "<name> Messen <town>": a company that runs fairs there --------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Zufrieden zeigte sich die Bereichsleiterin bei den Kalma Messen Tannheim am Abend.",
        "Die Kalma Messen Tannheim zählten mehr Gäste.",
    ],
)
def test_fair_company_in_the_plural(nlp, text):
    assert "Kalma Messen Tannheim" in _orgs(with_model_ents(nlp, text, [("Tannheim", "LOC")]))


def test_fair_company_with_a_town_the_gazetteer_does_not_read(nlp):
    text = "Zufrieden zeigte sich die Bereichsleiterin bei den Kalma Messen St.Tannheim."
    doc = with_model_ents(nlp, text, [("St.Tannheim", "LOC")])
    assert "Kalma Messen St.Tannheim" in _orgs(doc)


def test_plural_fairs_after_an_adjective_are_no_company(nlp):
    text = "Die großen Messen Berlin und Köln waren voll."
    doc = with_model_ents(nlp, text, [("Berlin", "LOC"), ("Köln", "LOC")])
    assert not any("Messen" in name for name in _orgs(doc))


# -- institutes in the plural with their subjects -------------------------------------------
def test_institutes_in_the_plural(nlp):
    text = "Die beiden Max-Planck-Institute für Bodenkunde und Chemie öffneten ihre Labore."
    assert "Max-Planck-Institute für Bodenkunde und Chemie" in _orgs(with_model_ents(nlp, text, []))


# -- "beider" and a place: the body of a place pair -----------------------------------------
def test_chamber_of_a_place_pair(nlp):
    text = "Zum Empfang der Handelskammer beider Tannheim kamen viele Gäste."
    doc = with_model_ents(nlp, text, [("Tannheim", "LOC")])
    assert "Handelskammer beider Tannheim" in _orgs(doc)


def test_no_body_of_both_without_a_place(nlp):
    text = "Die Vertreter der Kammer beider Gemeindeteile trafen sich."
    assert "Kammer beider Gemeindeteile" not in _orgs(with_model_ents(nlp, text, []))


# -- a board named after the event it runs --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        (
            "Der Vorsitzende des Kuratoriums Lange Nacht der Musik, Tom Haber, zog Bilanz.",
            [("Tom Haber", "PER")],
            "Kuratorium Lange Nacht der Musik",
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
    text = "Veranstaltet wird der Tag vom Verband moderner Wärme- und Lichtschutz."
    assert "Verband moderner Wärme- und Lichtschutz" in _orgs(with_model_ents(nlp, text, []))


# -- the event's noun written apart before a club's head ------------------------------------
def test_club_after_its_events_noun(nlp):
    text = "Der Markt des Heimatfest Vereins endete am Sonntag mit einem Konzert."
    assert "Heimatfest Verein" in _orgs(with_model_ents(nlp, text, []))


def test_noun_before_a_club_that_names_no_event(nlp):
    text = "Der Markt des Gemüse Vereins endete am Sonntag."
    assert "Gemüse Verein" not in _orgs(with_model_ents(nlp, text, []))


# -- firms named by a trade's noun and the family's name ------------------------------------
def test_firm_whose_family_name_is_also_a_town(nlp):
    text = "Gäste gab es bei der Firma Karosserie Tannheim und bei der Firma Lohmann Stanztechnik."
    doc = with_model_ents(nlp, text, [("Tannheim", "LOC")])
    assert "Karosserie Tannheim" in _orgs(doc)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gefeiert wurde bei Anlagenbau KRANZLER in Weilbach.", "Anlagenbau KRANZLER"),
        ("Die Metzgerei WOBBELER lud zum Hoffest ein.", "Metzgerei WOBBELER"),
    ],
)
def test_trade_and_a_shouted_family_name(nlp, text, name):
    assert name in _orgs(with_model_ents(nlp, text, []))


def test_trade_and_a_shouted_common_noun_is_no_firm(nlp):
    text = "Die Bäckerei HEUTE hat geschlossen."
    assert "Bäckerei HEUTE" not in _orgs(with_model_ents(nlp, text, []))

"""Place classes that went wrong on reports the rules were not tuned on, read without the
model's help where the model did not see the text: each with sentences written for this test.
Rules only (no statistical model) unless the model's reading is given."""

from __future__ import annotations

import pytest
from test_entities import places
from test_entities_general import model_places, with_model_ents


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


# -- a town's name as a person's noble surname after a first name ---------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Zum Schluss dankte Prof. Karl-Heinz von Coburg allen Helfern.",
        "Eine Rose bekam Marie-Luise von Coburg geschenkt.",
        "Den Walzer tanzte Sophie zu Coburg.",
    ],
)
def test_noble_surname_after_first_name_is_no_place(nlp, text):
    assert "Coburg" not in places(nlp, text)


def test_noble_surname_also_where_the_model_reads_a_place(nlp):
    text = "Zum Schluss dankte Prof. Karl-Heinz von Coburg allen Helfern."
    assert "Coburg" not in model_places(nlp, text, [("Coburg", "LOC")])


@pytest.mark.parametrize(
    "text",
    [
        "Die Reise führte im August von Coburg nach Kerbach.",  # a month, no first name
        "Der Bus fuhr von Coburg nach Kerbach.",
    ],
)
def test_town_after_von_without_a_first_name_stays(nlp, text):
    assert places(nlp, text).get("Coburg") == "Coburg"


# -- a town named like a first name before a surname ----------------------------------------
def test_first_name_town_before_surname_is_a_person(nlp):
    text = "Im Chor sangen Tom Keller, Verona Wirz und Lea Brandt die Soli."
    assert "Verona" not in places(nlp, text)


def test_first_name_town_before_surname_where_the_model_reads_the_town(nlp):
    text = "Im Chor sangen Tom Keller und Verona Wirz die Soli."
    assert "Verona" not in model_places(nlp, text, [("Verona", "LOC")])


@pytest.mark.parametrize(
    "text",
    [
        "Der Chor reiste nach Verona Ende Mai.",  # a place context, and a noun after it
        "Die Delegation flog im Mai nach Verona weiter.",
        "Verona Wirz sang, danach reisten alle nach Verona.",
    ],
)
def test_first_name_town_in_a_place_context_stays(nlp, text):
    assert places(nlp, text).get("Verona") == "Verona"


# -- a hyphenated district named after towns, one of them named like a word -----------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Zum Fest reisten Chöre aus dem Landkreis Lindau-Bogen an.", "Landkreis Lindau-Bogen"),
        ("Auch aus dem Kreis Siegen-Wittgenstein kamen Gäste.", "Kreis Siegen-Wittgenstein"),
    ],
)
def test_hyphenated_district_with_a_town_named_like_a_word(nlp, text, name):
    assert name in places(nlp, text).values()


@pytest.mark.parametrize(
    "text",
    [
        "Er kam aus dem Kreis Jung-Alt.",  # no part a town
        "Die Runde fand im Kreis Eltern-Kind statt.",
    ],
)
def test_hyphenated_words_after_district_word_are_no_district(nlp, text):
    assert places(nlp, text) == {}


# -- a mountain pasture named by its own word ------------------------------------------------
def test_named_alp_after_a_place_preposition(nlp):
    assert places(nlp, "Das Bergfest auf der Lindenalp lockte viele Gäste.") == {
        "Lindenalp": "Lindenalp"
    }


def test_alp_word_without_a_place_preposition_is_none(nlp):
    assert places(nlp, "Die Lindenalp gehört der Genossenschaft.") == {}


# -- a town in capitals alone on a line of the report's head ---------------------------------
HEAD = "Sommerfest im Kindergarten\n\nLieder und Spiele für die Kleinen\n\n{line}\n\n"
BODY = (
    "Der Kindergarten lud am Samstag zu seinem Sommerfest ein, und Eltern, Großeltern und "
    "Geschwister spielten mit den Kindern bis zum Abend.\n"
)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("LINDWIL", "Lindwil"),
        ("LINDWIL-SÜD", "Lindwil-Süd"),
        ("LINDWIL-KERBACH", "Lindwil-Kerbach"),
    ],
)
def test_capitals_dateline_in_the_head_is_a_town(nlp, line, name):
    assert places(nlp, HEAD.format(line=line) + BODY) == {line: name}


@pytest.mark.parametrize("line", ["EINLADUNG", "KINDER-FEST", "SPORT", "MARTINA"])
def test_capitals_word_or_first_name_in_the_head_is_no_town(nlp, line):
    assert places(nlp, HEAD.format(line=line) + BODY) == {}


def test_capitals_line_below_the_first_long_line_is_no_dateline(nlp):
    text = HEAD.format(line="Hallo") + BODY + "\nLINDWIL\n\nDanach ging es weiter.\n"
    assert places(nlp, text) == {}


# -- a partner town after "Städtepartnerschaft mit" ------------------------------------------
@pytest.mark.parametrize(
    ("text", "towns"),
    [
        (
            "Seit 1998 verbindet eine Städtepartnerschaft die Stadt mit Nowa Ruda und "
            "mit Ústí nad Orlicí.",
            {"Nowa Ruda", "Ústí nad Orlicí"},
        ),
        ("Die Gemeindepartnerschaft mit Wels feiert Jubiläum.", {"Wels"}),
    ],
)
def test_partner_town_after_a_partnership_noun(nlp, text, towns):
    assert set(places(nlp, text)) == towns


def test_partner_town_also_where_the_model_reads_a_person(nlp):
    text = "Ihr zehnjähriges Bestehen feiert im Herbst die Städtepartnerschaft mit Nowa Ruda."
    assert "Nowa Ruda" in model_places(nlp, text, [("Nowa Ruda", "PER")])


@pytest.mark.parametrize(
    "text",
    [
        "Die Partnerschaft mit Wels besteht seit Jahren.",  # a company's, maybe
        "Die Städtepartnerschaft besteht. Mit Wels ist alles gut.",  # another clause
    ],
)
def test_no_partner_town_without_a_towns_partnership_in_the_clause(nlp, text):
    assert "Wels" not in places(nlp, text)


# -- a show named with its town is an event, no place -----------------------------------------
def test_show_and_town_the_model_reads_as_a_place_is_an_event(nlp):
    text = "Die Gewerbeschau Lindach lockte am Sonntag viele Familien."
    assert model_places(nlp, text, [("Gewerbeschau Lindach", "LOC")]) == {}


def test_town_after_a_show_word_and_locative_stays(nlp):
    text = "Die Gewerbeschau in Lindach lockte am Sonntag viele Familien."
    assert model_places(nlp, text, [("Lindach", "LOC")]) == {"Lindach": "Lindach"}


# -- a town's adjective alone names its people -------------------------------------------------
@pytest.mark.parametrize("adjective", ["Luzerner", "Bad Tölzer"])
def test_town_adjective_alone_the_model_reads_as_a_place_is_none(nlp, adjective):
    text = f"Am Ende jubelte der {adjective} über den Pokal."
    assert model_places(nlp, text, [(adjective, "LOC")]) == {}


def test_town_adjective_before_a_venue_stays_the_venue(nlp):
    text = "Die Gäste trafen sich am Kölner Dom."
    assert model_places(nlp, text, [("Kölner Dom", "LOC")]) == {"Kölner Dom": "Kölner Dom"}


# -- a compass word after a named park or square belongs to its name --------------------------
def test_compass_word_after_a_named_compound_belongs_to_it(nlp):
    text = "Das Konzert im Lindenpark Nord war gut besucht."
    assert places(nlp, text) == {"Lindenpark Nord": "Lindenpark Nord"}


def test_compass_word_before_another_name_is_not_taken(nlp):
    text = "Das Konzert im Lindenpark Süd Tirol war gut besucht."
    assert "Lindenpark" in places(nlp, text)


# -- an inn or restaurant compound with its own name -------------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Zum Mittagessen kehrte die Gruppe ins Panoramarestaurant Sonnkopf ein.",
            "Panoramarestaurant Sonnkopf",
        ),
        ("Gefeiert wurde im Landgasthof Kerbach.", "Landgasthof Kerbach"),
    ],
)
def test_restaurant_compound_and_its_name(nlp, text, name):
    assert name in places(nlp, text).values()


def test_restaurant_compound_and_a_common_noun_is_not_one_name(nlp):
    assert "Schnellrestaurant Burger" not in places(
        nlp, "Das Schnellrestaurant Burger bietet Essen."
    )


# -- a dateline closed by a full stop ----------------------------------------------------------
LONG_BODY = (
    " Am Montag begann das Dorffest mit einem Umzug durch die Gassen, und viele Gäste aus der "
    "Region kamen, um dabei zu sein.\n"
)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Lindwil-Kerbach.", {"Lindwil-Kerbach"}),
        ("Ulm/Lindwil.", {"Ulm", "Lindwil"}),
        ("Wels.", {"Wels"}),  # a town named like a word: the dateline names it
    ],
)
def test_dotted_dateline_names_the_towns(nlp, line, names):
    text = "Dorffest eröffnet\n" + line + LONG_BODY
    assert set(places(nlp, text).values()) == names


@pytest.mark.parametrize("line", ["Danke.", "Einladung.", "Martina.", "Prof. Dr. Keller."])
def test_dotted_word_at_line_start_is_no_dateline(nlp, line):
    assert places(nlp, "Dorffest eröffnet\n" + line + LONG_BODY) == {}


def test_dotted_name_below_the_reports_first_long_line_is_no_dateline(nlp):
    text = "Dorffest eröffnet\n" + LONG_BODY + "Lindwil-Kerbach. Danach ging es weiter.\n"
    assert places(nlp, text) == {}


# -- a club's name the model reads as a place ---------------------------------------------------
@pytest.mark.parametrize("club", ["RV Lindenhöhe", "TSV Lindenhöhe"])
def test_club_name_the_model_reads_as_a_place_is_none(nlp, club):
    text = f"Zweite wurde die Reiterin vom {club} auf ihrem Pferd."
    assert model_places(nlp, text, [(club, "LOC")]) == {}


def test_state_abbreviation_the_model_reads_as_a_place_stays(nlp):
    text = "Die Delegation reiste danach nach NRW weiter."
    assert model_places(nlp, text, [("NRW", "LOC")]) == {"NRW": "Nordrhein-Westfalen"}


# -- a town named like a word alone on a line of the report's head -----------------------------
def test_town_alone_on_a_head_line_is_a_dateline(nlp):
    text = "Messe lockt Besucher\n\nRegion\nWels\n3. Mai\n\n" + BODY
    assert places(nlp, text) == {"Wels": "Wels"}


def test_town_named_like_a_word_alone_on_a_body_line_needs_a_context(nlp):
    text = "Messe lockt Besucher\n\n" + BODY + "Wels\n"
    assert places(nlp, text) == {}


# -- a town called by its river or landscape -------------------------------------------------
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Am Abend kehrte der Chor in die Weserstadt zurück.", "Weserstadt"),
        ("Die Gäste reisten weiter in die Isarmetropole.", "Isarmetropole"),
    ],
)
def test_town_epithet_is_no_place(nlp, text, word):
    assert word not in model_places(nlp, text, [(word, "LOC")])


def test_unknown_town_on_stadt_stays(nlp):
    text = "Die Gäste reisten weiter nach Lindenstadt."
    assert "Lindenstadt" in model_places(nlp, text, [("Lindenstadt", "LOC")])


# -- a country or town that opens an English event's title -------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Sie zeigte ihr Modell auf der Japan Robotics Fair in Tokio.",
        "Er startete bei den Kanada Youth Games in diesem Jahr.",
    ],
)
def test_place_opening_an_event_title_is_none(nlp, text):
    assert not {"Japan", "Kanada"} & set(model_places(nlp, text, []))


# -- a word-like town the report names by its fair or adjective elsewhere ----------------------
@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Die Messe Essen meldete Rekorde. Essen ist bei Händlern beliebt.", "Essen"),
        ("Das Fest begann auf dem Zuger Rathausplatz. Stolz war Zug auf die Gäste.", "Zug"),
    ],
)
def test_town_named_by_its_fair_or_adjective(nlp, text, town):
    assert town in model_places(nlp, text, [])


def test_word_after_an_article_stays_a_word(nlp):
    text = "Die Messe Essen öffnet. Das Essen war gut."
    assert "Essen" not in model_places(nlp, text, [])


# -- the two half-cantons of Appenzell ----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "org", "place"),
    [
        (
            "Der Imkerverein Appenzell Ausserrhoden lud ein.",
            "Imkerverein Appenzell Ausserrhoden",
            None,
        ),
        ("Sie wohnt seit Jahren in Appenzell Innerrhoden.", None, "Appenzell Innerrhoden"),
    ],
)
def test_appenzell_half_cantons(nlp, text, org, place):
    doc = with_model_ents(nlp, text, [])
    if org:
        assert org in {o.name for o in doc._.organisations}
    if place:
        assert place in model_places(nlp, text, []).values()


# -- a forum named after a country is a meeting, no building ------------------------------------
def test_forum_named_after_a_country_is_no_venue(nlp):
    places = model_places(nlp, "Beim Export Forum Kanada sprachen Händler über Zölle.", [])
    assert not any("Forum" in p for p in places)


def test_forum_named_after_a_town_stays_a_venue(nlp):
    assert "Forum Ludwigsburg" in model_places(
        nlp, "Das Konzert fand im Forum Ludwigsburg statt.", []
    )


# -- a noun the model takes into a place's name ------------------------------------------------
def test_noun_after_a_town_is_no_part_of_it(nlp):
    text = "Am Sonntag gab es in Lindwil Trubel auf allen Plätzen."
    places = model_places(nlp, text, [("Lindwil Trubel", "LOC")])
    assert "Lindwil" in places and "Lindwil Trubel" not in places


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Wir wandern gern durch die Lüneburger Heide.", "Lüneburger Heide"),
        ("Der Abend fand im Goldenen Hirsch statt.", "Goldenen Hirsch"),
        ("Die Firma sitzt in Lindwil Nord.", "Lindwil Nord"),
    ],
)
def test_place_with_its_own_noun_stays_whole(nlp, text, span):
    assert span in model_places(nlp, text, [(span, "LOC")])

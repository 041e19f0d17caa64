"""Named grounds and buildings the places stage missed: a town's name before "Oval", a school
house with a quoted name, type words before a name (a festival ground, an estate, an open-air
pool, a sports ground, an assembly hall with its genitive) and barns of a town, in sentences
written for this test. Rules only, and one event record on the default pipeline."""

from __future__ import annotations

import pytest
from test_entities import places

from tests.test_events import only_event


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a town's name and "Oval": one venue, not the town
        ("Die Ehrungen fanden im neu gestalteten Talheim Oval statt.", "Talheim Oval"),
        ("Die Gäste wurden im Kerbach Oval begrüßt.", "Kerbach Oval"),
        # a compound building word and a quoted name: the name is the place
        ("Die Gemeinde weihte das Schulhaus «Birkenried» feierlich ein.", "Birkenried"),
        # type word and name
        ("Der Kinderflohmarkt ist auf dem Festplatz Kerbach.", "Festplatz Kerbach"),
        ("Der Hoftag fand auf dem Gut Lindenhof statt.", "Gut Lindenhof"),
        ("Das Beachturnier wird im Freibad Kerbach gespielt.", "Freibad Kerbach"),
        (
            "Die Preisverleihung war in der Aula der Talheimer Akademie.",
            "Aula der Talheimer Akademie",
        ),
        ("Das Dorffest fand auf dem Sportgelände Kerbach statt.", "Sportgelände Kerbach"),
        ("Der Liederabend war in der Kulturscheune Kerbach.", "Kulturscheune Kerbach"),
        # sports grounds, a bathing lake, a former barracks and a festival meadow with a name
        ("Das Turnier fand auf der Sportanlage Kerbach statt.", "Sportanlage Kerbach"),
        ("Das Seefest findet am Badesee Kerbach statt.", "Badesee Kerbach"),
        ("Das Fest fand in der ehemaligen Kaserne Kerbach statt.", "Kaserne Kerbach"),
        ("Der Flohmarkt war in der Lindenkaserne Talheim.", "Lindenkaserne Talheim"),
        ("Das Fest fand auf dem Gelände der Birkenhain-Kaserne statt.", "Birkenhain-Kaserne"),
        ("Der Zirkus gastiert auf der Festwiese Kerbach.", "Festwiese Kerbach"),
        # a bar named with a hyphen after a name of its own
        ("Nach der Premiere ging es in die Zappa-Bar am Hafen.", "Zappa-Bar"),
        # the one tithe barn of the town, after a definite locative
        ("Die Bilder hingen bis Sonntag in der Zehntscheune.", "Zehntscheune"),
    ],
)
def test_named_venue(nlp, text, name):
    assert name in places(nlp, text).values()


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # the town alone is no longer the place where "Oval" follows it
        ("Die Ehrungen fanden im neu gestalteten Talheim Oval statt.", "Talheim"),
        # a museum after a town's name stays the town (not "Oval")
        ("Die Ausstellung im Talheim Museum lief bis Mai.", "Talheim Museum"),
        # no quotes: a common noun after the school house is no name
        ("Das Schulhaus Fenster wurden erneuert.", "Schulhaus Fenster"),
        # a quoted name of more than one word is left alone
        ("Sie sprach im Schulhaus „Neue Wege“ gehen.", "Schulhaus Neue"),
        # a works or a bare "Anlage" with a town after it is no venue
        ("Die Kläranlage Talheim wird erneuert.", "Kläranlage Talheim"),
        ("Die Anlage Talheim wurde verkauft.", "Anlage Talheim"),
        # a bar named by a common noun, and adjectives on "-bar", are no venue
        ("Die Gäste trafen sich an der Cocktail-Bar.", "Cocktail-Bar"),
        ("Dankbar nahm die Wirtin den Preis entgegen.", "Dankbar"),
        ("Sichtbar wurde das erst am Abend.", "Sichtbar"),
        # a festival ground without a name of its own
        ("Die Fahrgeschäfte standen auf dem Festplatz.", "Festplatz"),
        # a quoted name after a word that also names an event format is no building's
        ("Er sprach beim Diskussionsforum „Zukunftsblick“ über Pflege.", "Zukunftsblick"),
    ],
)
def test_no_named_venue(nlp, text, wrong):
    found = places(nlp, text)
    assert wrong not in found and wrong not in found.values()


def test_event_venue_is_the_oval_not_the_town(default_nlp):
    row = only_event(
        default_nlp,
        "Das Sommerfest des Turnvereins Oberxlingen lockte am Samstag rund 800 Gäste an. "
        "Gefeiert wurde im festlich geschmückten Talheim Oval.",
    )
    assert row["venue"] == "Talheim Oval"


def test_estate_named_after_a_town_is_the_events_ground(default_nlp):
    row = only_event(
        default_nlp,
        "Am Samstag zeigten die Firmen im Gewerbegebiet Talheim ihre Hallen. "
        "Die Gewerbeschau lockte 500 Besucher an.",
    )
    assert row["venue"] == "Gewerbegebiet Talheim"

"""The participants total of an event (the ``participants`` column): which of several counts is
the edition's total, on sentences written for these tests, with a sentence of the same shape
where the rule must not fire."""

from __future__ import annotations

import pandas as pd
import pytest

import pipeline
from pipeline.events.context import DocContext
from pipeline.events.totals import TotalChooser
from pipeline.extensions import get_facts
from tests.test_events import only_event

REFERENCE = "2023-09-12"


def participants(nlp, text: str) -> float | None:
    return only_event(nlp, text, REFERENCE)["participants"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the count joined to the event's name, not a larger one of another event after it
        (
            "Ärztekongress in Talheim. Der Ärztekongress (ÄKT) mit 5.200 Teilnehmern und "
            "zeitgleich ein Fachtag in Oberxlo mit 6.100 Teilnehmern fanden in derselben "
            "Woche statt.",
            5200,
        ),
        (
            "Ärztekongress in Talheim mit Rekord. Der Ärztekongress mit 5.200 Teilnehmern in "
            "Talheim und zeitgleich ein Fachtag in Oberxlo mit 6.100 Teilnehmern fanden in "
            "derselben Woche statt.",
            5200,
        ),
        # "mit" far from the name joins nothing: the largest count stays the total
        (
            "Der Ärztekongress in Talheim endete am Freitag. Die Organisatoren rechneten mit 5.200 "
            "Teilnehmern, gekommen sind 6.100 Teilnehmer.",
            6100,
        ),
    ],
)
def test_participants_total(default_nlp, text, expected):
    assert participants(default_nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beim Reitturnier in Talheim gingen 45 Reiterpaare an den Start.", 45),
        # people at the start take part
        ("Beim Stadtlauf in Talheim waren 600 Kinder am Start.", 600),
        ("Beim Stadtlauf in Talheim starteten 900 Schülerinnen und Schüler.", 900),
        ("Beim Stadtlauf in Talheim gingen 3.000 Aktive an den Start.", 3000),
        ("Beim Volkswandertag in Talheim gingen 600 Wanderer auf die Strecke.", 600),
        # registrations for a race or a congress count who takes part, not for a fair
        ("Der Stadtlauf in Talheim verzeichnete 1.800 Anmeldungen.", 1800),
        ("Für den Ärztekongress in Talheim lagen 2.400 Anmeldungen vor.", 2400),
        ("Für die Gartenmesse in Talheim lagen 300 Anmeldungen vor.", None),
        # people in the town are no participants
        ("Beim Stadtlauf in Talheim feuerten 600 Kinder die Läufer an.", None),
    ],
)
def test_who_starts_takes_part(default_nlp, text, expected):
    assert participants(default_nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "participants", "visitors"),
    [
        # at a congress or conference, who comes or visits takes part
        ("Die Fachtagung Pflege in Talheim besuchten 300 Teilnehmer.", 300, None),
        ("Zur Fachtagung Pflege in Talheim kamen 300 Fachleute.", 300, None),
        ("Zum Kongress in Talheim reisten 2.000 Ärztinnen und Ärzte an.", 2000, None),
        (
            "Der Herzkongress in Talheim endete am Samstag. 1.200 Kardiologen kamen in die "
            "Stadthalle.",
            1200,
            None,
        ),
        ("In Talheim trafen sich 1.200 Kardiologen zum Herzkongress.", 1200, None),
        (
            "Auf dem Herzkongress in Talheim diskutierten 1.200 Fachleute über neue Therapien.",
            1200,
            None,
        ),
        # a trade's day is a meeting of its people
        (
            "Rund 300 Handwerkerinnen und Handwerker sind am Freitag zum Wirtschaftstag in "
            "Talheim zusammengekommen.",
            300,
            None,
        ),
        # people of any kind in a sentence that names it are no total
        (
            "Mit drei Leuten aus dem Büro sind wir zum Herzkongress in Talheim gefahren.",
            None,
            None,
        ),
        # at a fair they visit it
        ("Die Jobmesse in Talheim besuchten 3.500 Teilnehmer.", None, 3500),
        ("Zur Gartenmesse in Talheim kamen 300 Fachleute.", None, 300),
        ("Am Dorffest in Oberxlo trafen sich 300 Bürger.", None, 300),
        # a profession counted without coming or taking part is no total
        (
            "Der Herzkongress in Talheim endete am Samstag. Die Stadt zählt 1.200 Kardiologen.",
            None,
            None,
        ),
    ],
)
def test_who_comes_to_a_congress_takes_part(default_nlp, text, participants, visitors):
    row = only_event(default_nlp, text, REFERENCE)
    assert (row["participants"], row["visitors"]) == (participants, visitors)


def test_a_congress_and_a_fair_read_the_same_count_apart(default_nlp):
    # one report, two choosers: the answer for a figure depends on the event's kind, so a
    # chooser must not reuse what the other one decided for it
    doc = default_nlp("Die Fachtagung in Talheim besuchten 300 Teilnehmer.")
    (figure,) = [f for f in get_facts(doc, "figures") if f.value == 300]
    ctx = DocContext(doc)
    fair = TotalChooser(ctx, set())
    congress = TotalChooser(ctx, set(), taking_part=True, registering=True)
    assert fair.field(figure) == "visitors"
    assert congress.field(figure) == "participants"
    assert fair.field(figure) == "visitors"


@pytest.mark.parametrize(
    "sentence, participants",
    [
        ("Zum Talbacher Schachturnier hatten sich 84 Spieler angemeldet.", 84),
        ("Für den Talbacher Malwettbewerb wurden bis Freitag 120 Jugendliche eingetragen.", 120),
        # no registration: people counted at the event, no participants total
        ("Beim Talbacher Sommerfest saßen 84 Kinder im Zelt.", None),
    ],
)
def test_people_who_registered_take_part(default_nlp, sentence, participants):
    rows = pipeline.extract(sentence, nlp=default_nlp)["events"]
    value = rows["participants"].iloc[0]
    assert (None if pd.isna(value) else value) == participants

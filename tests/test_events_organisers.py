"""Who organises an event (the ``organisers`` column): the forms of ``OrganiserFinder`` that read
the role from the sentence's shape, each on sentences written for these tests, with a sentence
of the same shape where the rule must not fire."""

from __future__ import annotations

import pandas as pd
import pytest

import pipeline

REFERENCE = "2023-09-12"


@pytest.fixture(scope="module")
def nlp(default_nlp):
    return default_nlp


def organisers(nlp, text: str) -> str | None:
    events = pipeline.extract(text, reference_date=REFERENCE, nlp=nlp)["events"]
    assert len(events) == 1, events
    value = events["organisers"].iloc[0]
    return None if pd.isna(value) else value


def test_subject_after_its_verb(nlp):
    text = "Am Freitagabend lud der Heimatverein Oberxlingen zum Herbstfest auf den Dorfplatz ein."
    assert organisers(nlp, text) == "Heimatverein Oberxlingen"


def test_subject_after_participle_and_auxiliary(nlp):
    text = "Eingeladen hatte der Heimatverein Talbrunn zum Lichterfest am Marktplatz."
    assert organisers(nlp, text) == "Heimatverein Talbrunn"


def test_object_after_the_verb_is_no_organiser(nlp):
    # the subject stands before the verb: the club after it is invited, it does not invite
    text = (
        "Die Gemeinde Talbrunn lud den Musikverein Oberxlingen zum Sommerfest in die Festhalle ein."
    )
    assert organisers(nlp, text) == "Gemeinde Talbrunn"


def test_role_adjective_before_the_name(nlp):
    text = (
        "Rund 800 Besucher kamen am Samstag zur Jobmesse in Talheim, sagte die Sprecherin des "
        "veranstaltenden Gewerbevereins Talheim."
    )
    assert organisers(nlp, text) == "Gewerbeverein Talheim"


def test_durchfuehren_is_an_organiser_verb(nlp):
    text = (
        "Am Samstag hat die Freiwillige Feuerwehr Oberxlingen ihren Tag der offenen Tür "
        "durchgeführt."
    )
    assert organisers(nlp, text) == "Freiwillige Feuerwehr Oberxlingen"


def test_head_who_welcomes_the_guests_hosts(nlp):
    text = (
        "Der Vorsitzende des TSV Talheim hieß die Teilnehmerinnen und Teilnehmer des "
        "Hallenturniers in der Sporthalle willkommen."
    )
    assert organisers(nlp, text) == "TSV Talheim"


def test_welcoming_head_only_where_no_organiser_is_named(nlp):
    text = (
        "Veranstalter des Schachturniers war der Kreisverband Ostholstein. Der Präsident des "
        "TSV Talheim begrüßte die Spieler in der Stadthalle."
    )
    assert organisers(nlp, text) == "Kreisverband Ostholstein"


def test_welcoming_a_decision_is_no_host(nlp):
    text = (
        "Der Präsident des Landesverbands Nord begrüßte die Entscheidung, das Stadtfest in "
        "Talheim zu verlängern."
    )
    assert organisers(nlp, text) is None


def test_organisation_where_the_event_is_hosts(nlp):
    text = "Zum Tag der offenen Tür an der Grundschule Talheim kamen am Samstag rund 300 Besucher."
    assert organisers(nlp, text) == "Grundschule Talheim"


def test_place_of_the_event_only_where_no_organiser_is_named(nlp):
    text = (
        "Zum Sommerfest beim TSV Talheim kamen am Samstag rund 300 Besucher. Veranstalter war "
        "der Förderverein Talheim e.V."
    )
    assert organisers(nlp, text) == "Förderverein Talheim e.V."


def test_split_verb_with_its_particle(nlp):
    text = "Der Sportverein Talheim richtet am Sonntag die Kreismeisterschaft im Crosslauf aus."
    assert organisers(nlp, text) == "Sportverein Talheim"


def test_split_verb_without_its_particle_is_another_verb(nlp):
    text = (
        "Zum Festakt in Talheim am Freitag werden auch der Landrat und ein Vertreter der "
        "Kreissparkasse Talheim das Wort an die Gäste richten."
    )
    assert organisers(nlp, text) is None


def test_event_business_whose_officer_speaks(nlp):
    text = (
        "Rund 9.000 Besucher kamen zur Gartenmesse in Talheim. „Die Gartenmesse war ein voller "
        "Erfolg“, sagte die Geschäftsführerin der Messe Talheim GmbH am Sonntag."
    )
    assert organisers(nlp, text) == "Messe Talheim GmbH"


def test_stemmen_is_an_organiser_verb(nlp):
    text = "Der Turnverein Oberxlingen stemmte das Dorffest am Wochenende mit 80 Helfern."
    assert organisers(nlp, text) == "Turnverein Oberxlingen"

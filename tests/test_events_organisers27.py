"""Who organises an event, read from weak signs where nothing else names an organiser: the
organisation whose officer is quoted on the event (``OrganiserFinder.quoted_officer``). Every
sentence is written for these tests."""

from __future__ import annotations

import pytest

from tests.test_events_organisers import organisers


@pytest.mark.parametrize(
    "text",
    [
        # the quotation before the officer
        "Xdorf. Das Kürbisfest in Xdorf lockte am Sonntag 3.000 Gäste an. „Mit so vielen "
        "Besuchern hatten wir nicht gerechnet“, sagte Eva Lind, Vorsitzende des "
        "Heimatvereins Xdorf.",
        # ... and after him
        "Xdorf. Das Kürbisfest in Xdorf lockte am Sonntag 3.000 Gäste an. Der Vorsitzende des "
        "Heimatvereins Xdorf, Max Brenner: „Mit so vielen Besuchern hatten wir nicht "
        "gerechnet.“",
    ],
)
def test_the_organisation_whose_officer_is_quoted_hosts_the_event(default_nlp, text):
    assert organisers(default_nlp, text) == "Heimatverein Xdorf"


@pytest.mark.parametrize(
    "text",
    [
        # a quoted name is no speech
        "Xdorf. Das Kürbisfest in Xdorf lockte am Sonntag 3.000 Gäste an. Unter den Gästen war "
        "der Vorsitzende des Heimatvereins Xdorf mit dem Chor „Frohsinn“.",
        # a president speaks as a guest of honour
        "Xdorf. Das Kürbisfest in Xdorf lockte am Sonntag 3.000 Gäste an. „Mit so vielen "
        "Besuchern hatten wir nicht gerechnet“, sagte Eva Lind, Präsidentin des "
        "Heimatvereins Xdorf.",
        # the officer in the genitive is not who speaks
        "Xdorf. Das Kürbisfest in Xdorf lockte am Sonntag 3.000 Gäste an. „Mit so vielen "
        "Besuchern hatten wir nicht gerechnet“, sagte Eva Lind, die Nachfolgerin des "
        "langjährigen Vorsitzenden des Heimatvereins Xdorf.",
        # no quotation at all
        "Xdorf. Das Kürbisfest in Xdorf lockte am Sonntag 3.000 Gäste an. Eva Lind, "
        "Vorsitzende des Heimatvereins Xdorf, war unter den Gästen.",
    ],
)
def test_an_officer_not_quoted_as_speaker_names_no_organiser(default_nlp, text):
    assert organisers(default_nlp, text) is None


def test_a_stronger_sign_wins_over_a_quoted_officer(default_nlp):
    text = (
        "Xdorf. Der Turnverein Xdorf veranstaltete am Sonntag das Kürbisfest. „Mit so vielen "
        "Besuchern hatten wir nicht gerechnet“, sagte Eva Lind, Vorsitzende des "
        "Heimatvereins Xdorf."
    )
    assert organisers(default_nlp, text) == "Turnverein Xdorf"

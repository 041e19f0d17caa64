"""Organisers read through the inflected forms of their cue words (a verb's past plural, a
role noun's co-organiser) and through a person named after a role noun to the organisation
the person speaks for. Every sentence is written for these tests."""

from __future__ import annotations

import pytest

from tests.test_events_organisers import organisers

QUOTED = (
    "Die Talheimer Hochzeitsmesse lockte am Sonntag 800 Besucher an. „Mit dem Andrang können wir "
    "gut leben“, sagte Mitorganisatorin Eva-Maria Kessler"
)


def test_a_verb_in_the_past_plural_names_its_subjects_as_organisers(default_nlp):
    text = (
        "Der Gewerbeverein Talheim und die Werbegemeinschaft Oberbach veranstalteten am "
        "Samstag das Talheimer Herbstfest. Rund 3000 Gäste kamen."
    )
    assert organisers(default_nlp, text) == "Gewerbeverein Talheim; Werbegemeinschaft Oberbach"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the organisation the co-organiser speaks for
        (QUOTED + " vom Gewerbeverein Talheim.", "Gewerbeverein Talheim"),
        # a person alone is no organiser
        (QUOTED + ".", None),
    ],
)
def test_a_person_after_a_role_noun_gives_the_organisation_after_von(default_nlp, text, expected):
    assert organisers(default_nlp, text) == expected

"""Organisers read from further shapes of sentence (``OrganiserFinder``, ``PhraseFinder``): a
subject of two coordinated names with its auxiliary, a name after "von" right after the event's
name, who counted the visitors, and a short form named in full elsewhere; each on sentences
written for these tests, with one of the same shape where the rule must not fire."""

from __future__ import annotations

import pytest

from pipeline.events.organiser_phrases import institution_with_complement
from pipeline.events.organisers import fuller_name, shortens
from tests.test_events import only_event

REFERENCE = "2023-09-12"


@pytest.fixture(scope="module")
def nlp(default_nlp):
    return default_nlp


def organisers(nlp, text: str) -> str | None:
    return only_event(nlp, text, REFERENCE)["organisers"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two subjects, the second one by its type word alone, the participle far after them
        (
            "Rund 900 Besucher kamen am Samstag zum Talheimer Lichterfest an der Hochschule "
            "Talheim. TWK und Hochschule hatten Familien, Schüler, Senioren, Vereine und viele "
            "andere Gäste zum Lichterfest geladen.",
            "TWK; Hochschule Talheim",
        ),
        # a name after "von" right after the event's name, which the entity stage missed
        (
            "Am 3. September fand das mittlerweile 5. Oberbacher Weinfest von XANT+WELLE statt. "
            "Rund 2000 Gäste kamen.",
            "XANT+WELLE",
        ),
        # who counted the visitors speaks for the organiser
        (
            "Die Talheimer Jobmesse ist zu Ende. „Wir haben rund 5.000 Besucher gezählt“, "
            "berichtet Anna Berger von der IHK Talheim.",
            "IHK Talheim",
        ),
        # ... not an exhibitor who is pleased
        (
            "Die Talheimer Jobmesse ist zu Ende. „Wir sind sehr zufrieden“, berichtet Anna "
            "Berger von der Bäckerei Kranz.",
            None,
        ),
        # who takes part, after "von", is no organiser
        (
            "Am Samstag fand in Talheim eine Tagung von Bürgermeisterinnen statt. Rund 80 "
            "Gäste kamen.",
            None,
        ),
        # a name in a list after "mit den" is no subject of the verb after it
        (
            "Zum Talheimer Lichterfest kamen 900 Besucher. Anschließend hatte man mit "
            "Peter Kraus, den „Talheimer Spatzen“ und Anna Beil zur Party geladen.",
            None,
        ),
        # who supports the event after an agent participle does not run it
        (
            "Rund 300 Gäste kamen zur Ringvorlesung an der Hochschule Talheim. Organisiert wird "
            "die Ringvorlesung von Prof. Dr. Anna Kraus, mit Unterstützung des Fördervereins "
            "Talheim e.V.",
            "Hochschule Talheim",
        ),
        # the event's genitive after the people it is for
        (
            "Am Samstag fand in Talheim die Landestagung für Bürgermeisterinnen des "
            "Talheimer Gemeindeverbands statt. Rund 90 Gäste kamen.",
            "Talheimer Gemeindeverband",
        ),
        # a known organisation's one-word name stays beside another organiser
        (
            "Auf Einladung des Bundestags fand in Talheim der Jahresempfang der Gesellschaft für "
            "Talheimer Geschichte statt. 300 Gäste kamen.",
            "Bundestag; Gesellschaft für Talheimer Geschichte",
        ),
        # the company of a fair ground runs the fair where nothing else names an organiser
        (
            "Die Talheimer Frühjahrsmesse schloss am Sonntag ihre Tore. Rund 40.000 Besucher "
            "kamen auf das Gelände der Messe Talheim.",
            "Messe Talheim",
        ),
        (
            "Die Talheimer Frühjahrsmesse schloss am Sonntag ihre Tore. Veranstalter war der "
            "Gewerbeverein Talheim. Rund 40.000 Besucher kamen auf das Gelände der Messe Talheim.",
            "Gewerbeverein Talheim",
        ),
    ],
)
def test_organiser_read_from_the_sentence(nlp, text, expected):
    assert organisers(nlp, text) == expected


def test_a_short_form_of_a_name_given_in_full_is_that_name():
    full = "Bundesverband des Talheimer Weinfachhandels e.V."
    assert fuller_name("Bundesverband TWFH", {full, "Bundesverband TWFH"}) == full
    # the acronym's letters are not those of the name's rest
    assert fuller_name("Bundesverband XYZ", {full}) == "Bundesverband XYZ"
    # another head
    assert fuller_name("Landesverband TWFH", {full}) == "Landesverband TWFH"
    # no acronym at the end
    assert fuller_name("Bundesverband Talheim", {full}) == "Bundesverband Talheim"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("der Handelskammer beider Talufer begrüßte", "Handelskammer beider Talufer"),
        (
            "der Handwerkskammer für Talheim und Umgebung .",
            "Handwerkskammer für Talheim und Umgebung",
        ),
        # "und" joins only another capitalised word
        ("die Handwerkskammer für Talheim und lud", "Handwerkskammer für Talheim"),
        # no complement: the word alone is read as before
        ("die Handwerkskammer lud", None),
        ("die Handwerkskammer für alle", None),
    ],
)
def test_an_institution_word_with_its_complement(text, expected):
    words = text.split()
    i = next(k for k, w in enumerate(words) if "kammer" in w)
    assert institution_with_complement(words, [w.lower() for w in words], i) == expected


def test_a_shorter_form_of_another_organiser_is_that_organiser():
    assert shortens("Max-Planck Institute", "Max-Planck-Institute für Xkunde und Ykunde")
    assert not shortens("Stadt Talheim", "Stadtwerke Talheim")  # whole words only
    assert not shortens("Stadt Talheim", "Stadt Talheim")

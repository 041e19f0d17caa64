"""Organisers read from further shapes of sentence (``OrganiserFinder``, ``PhraseFinder``): a
subject of two coordinated names with its auxiliary, a name after "von" right after the event's
name, who counted the visitors, and a short form named in full elsewhere; each on sentences
written for these tests, with one of the same shape where the rule must not fire."""

from __future__ import annotations

import pytest

from pipeline.entities.words import shortens, sole_longer
from pipeline.events.organiser_phrases import institution_with_complement
from pipeline.events.organisers import fuller_name
from tests.test_events_organisers import organisers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two subjects, the second one by its type word alone, the participle far after them
        (
            "Der Talheimer Laternenabend im Garten der Musikschule Talheim war gut besucht. "
            "KBV und Musikschule haben dazu am Freitag ihre Nachbarn, Freunde und Ehemaligen "
            "in den Garten geladen.",
            "KBV; Musikschule Talheim",
        ),
        # a name after "von" right after the event's name, which the entity stage missed
        (
            "Rund 1.500 Leute besuchten am Sonntag den Talheimer Kürbismarkt von BERG+TAL "
            "hinter dem Bahnhof.",
            "BERG+TAL",
        ),
        # who counted the visitors speaks for the organiser
        (
            "Nach zwei Tagen schloss die Talheimer Ausbildungsbörse. „Am Einlass haben wir "
            "4.200 Gäste registriert“, sagte Eva Lind vom Kreisjugendring Talheim.",
            "Kreisjugendring Talheim",
        ),
        # ... not an exhibitor who will come again
        (
            "Nach zwei Tagen schloss die Talheimer Ausbildungsbörse. „Im Herbst kommen wir "
            "wieder“, sagte Jonas Falk vom Malerbetrieb Weber.",
            None,
        ),
        # ... nor an exhibitor who counted the visitors at the stand
        (
            "Die Talheimer Baumesse schloss am Sonntag. „Wir haben an unserem Stand 300 "
            "Besucher gezählt“, sagte Karl Kurz von der Kelmo GmbH.",
            None,
        ),
        # who takes part, after "von", is no organiser
        (
            "Der Talheimer Fachtag von Hebammen zog am Dienstag 60 Besucherinnen ins Bürgerhaus.",
            None,
        ),
        # a name after "dem" is no subject of the verb after it, nor is a capitalised
        # adverb that opens the sentence
        (
            "Beim Talheimer Laternenfest zählte man 700 Besucher. Schließlich hat man die Gäste "
            "mit dem „Duo Kleeblatt“ und Eva Roth zum Tanz in die Festhalle geladen.",
            None,
        ),
        # who supports the event after an agent participle does not run it
        (
            "Die Talheimer Vortragsreihe zur Stadtgeschichte lockte 250 Zuhörer. Veranstaltet "
            "wird die Reihe von der Volkshochschule Talheim, seit drei Jahren mit Unterstützung "
            "der Sparkasse Talheim.",
            "Volkshochschule Talheim",
        ),
        # the event's genitive after the people it is for
        (
            "Der Fachtag für Hebammen des Talheimer Hebammenverbands zog am Mittwoch 90 "
            "Teilnehmerinnen ins Bürgerhaus.",
            "Talheimer Hebammenverband",
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
        # ... but not a concert in its hall
        (
            "Das Konzert in der Messe Talheim war ausverkauft. 3.000 Zuhörer feierten die "
            "Band Blechklang.",
            None,
        ),
    ],
)
def test_organiser_read_from_the_sentence(default_nlp, text, expected):
    assert organisers(default_nlp, text) == expected


def test_a_short_form_of_a_name_given_in_full_is_that_name():
    full = "Landesverband der Holzbaubetriebe Talheim e.V."
    assert fuller_name("Landesverband HBT", {full, "Landesverband HBT"}) == full
    # the acronym's letters are not those of the name's rest
    assert fuller_name("Landesverband XYZ", {full}) == "Landesverband XYZ"
    # another head
    assert fuller_name("Kreisverband HBT", {full}) == "Kreisverband HBT"
    # no acronym at the end
    assert fuller_name("Landesverband Talheim", {full}) == "Landesverband Talheim"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("der Landwirtschaftskammer beider Seelande lud", "Landwirtschaftskammer beider Seelande"),
        (
            "der Handwerkskammer für Talheim und Umgebung .",
            "Handwerkskammer für Talheim und Umgebung",
        ),
        (
            "der Handwerkskammer für Talheim sowie Umgebung .",
            "Handwerkskammer für Talheim sowie Umgebung",
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
    assert shortens("Kessler-Werk Labore", "Kessler-Werk-Labore für Glas und Keramik")
    assert not shortens("Stadt Talheim", "Stadtwerke Talheim")  # whole words only
    assert not shortens("Stadt Talheim", "Stadt Talheim")


def test_the_one_longer_name_that_begins_with_a_key():
    names = {"Musikschule Talheim", "Musikschulen Oberbach", "Stadtwerke Talheim"}
    assert sole_longer("Musikschule", names) == "Musikschule Talheim"
    assert sole_longer("Stadt", names) is None  # whole words only
    assert sole_longer("Musikschule", {*names, "Musikschule Xdorf"}) is None  # two of them
    # a mapping is tested by its folded forms
    assert sole_longer("verein", {"verein talheim": "Verein Talheim"}) == "Verein Talheim"

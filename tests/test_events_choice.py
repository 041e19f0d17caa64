"""Which event a report is about: general evidence of where and how an event is named, on
sentences written for these tests."""

from __future__ import annotations

import pytest

import pipeline
from pipeline.events.context import DocContext
from pipeline.events.lexicon import event_noun_base
from pipeline.events.naming import EventName, NameFinder, NameMention, placed_weights


@pytest.fixture(scope="module")
def nlp(default_nlp):
    return default_nlp


def event_names(nlp, text: str) -> list[str]:
    return list(pipeline.extract(text, nlp=nlp)["events"]["name"])


def named(start: int, end: int, kind: str, weight: float) -> NameMention:
    return NameMention(start, end, "Drachenfest", ("drachenfest",), kind, weight)


def test_a_place_in_the_text_counts_once_however_many_rules_found_it():
    # an event noun and an EVT entity on the same words, and a name elsewhere
    noun, entity, later = (
        named(4, 5, "named", 2.0),
        named(4, 6, "named", 3.0),
        named(9, 10, "named", 1.0),
    )
    assert placed_weights([noun, entity, later]) == [3.0, 1.0]
    # two places named once each: both count
    assert placed_weights([named(1, 2, "named", 1.0), named(2, 3, "named", 1.0)]) == [1.0, 1.0]
    twice = EventName([noun, entity, later])
    once = EventName([entity, later])
    assert twice.score == once.score


def test_a_bracket_closed_inside_a_word_ends_the_aside(nlp):
    doc = nlp("Am letzten (eintrittsfreien)-Tag zog die Talheimer Gartenmesse viele Gäste an.")
    ctx = DocContext(doc)
    name = next(t.i for t in doc if t.text == "Talheimer")
    assert not ctx.in_parentheses(name)
    aside = nlp("Die Gäste (vor allem aus Talheim) kamen früh.")
    assert DocContext(aside).in_parentheses(next(t.i for t in aside if t.text == "Talheim"))


def test_the_rule_context_reads_what_the_doc_says_of_its_tokens(nlp):
    doc = nlp(
        "Das Talheimer Drachenfest zog am Sonntag 3000 Gäste an. Der Heimatverein Talheim "
        "(Veranstalter) war zufrieden.\n\nIm Mai folgt das Seefest in Xdorf."
    )
    ctx = DocContext(doc)
    assert ctx.ent_bounds == [(e.start, e.end, e.label_) for e in doc.ents]
    assert [ctx.punct_at(i) for i in range(len(doc))] == [t.is_punct for t in doc]
    sentences = list(doc.sents)
    for t in doc:
        assert ctx.token_at(t.idx) == t.i
        assert ctx.token_at(t.idx + len(t.text) - 1) == t.i  # its last character
        if t.whitespace_:
            assert ctx.token_at(t.idx + len(t.text)) == t.i  # the space after it
        assert sentences[ctx.sentence_of(t.i)].start <= t.i < sentences[ctx.sentence_of(t.i)].end
    assert ctx.token_at(len(doc.text) + 5) == len(doc) - 1
    assert ctx.sentence_of(-1) == 0


def test_the_first_sentence_of_a_report_without_title_weighs_as_a_title(nlp):
    text = (
        "Die Talheimer Apfelwoche ging am Sonntag mit einem Umzug zu Ende. Rund 3000 Besucher "
        "kamen in die Altstadt. Beim Kelterfest auf dem Marktplatz drängten sich die Familien. "
        "Die Kapelle spielte bis in den Abend. Am Kelterfest gab es frischen Most. Die Bäcker "
        "(auch beim Kelterfest vertreten) waren zufrieden. Die Apfelwoche soll wiederkommen."
    )
    assert event_names(nlp, text) == ["Talheimer Apfelwoche"]


def test_an_event_in_the_genitive_of_its_visitors_weighs_more(nlp):
    text = (
        "Am Wochenende kamen viele Gäste nach Talheim. Beim Drachenfest auf der Wiese stiegen "
        "hundert Drachen auf. Die Talheimer Herbsttage boten auch Musik und Tanz. Die Kinder "
        "bastelten eigene Drachen. Das Drachenfest dauerte bis zum Abend. Die Besucher der "
        "Herbsttage lobten das Wetter."
    )
    assert event_names(nlp, text) == ["Talheimer Herbsttage"]


def test_an_inauguration_and_a_ground_breaking_are_events(nlp):
    assert event_noun_base("Schulhaus-Einweihung") == "Schulhaus-Einweihung"
    assert event_noun_base("Spatenstichs") == "Spatenstich"
    text = "Die Turnhallen-Einweihung in Talheim lockte am Samstag 500 Gäste an."
    assert event_names(nlp, text) == ["Turnhallen-Einweihung"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # an opening of a building is an event, named with the building
        (
            "Zahlreiche Gäste kamen am Samstag zur Eröffnung des umgebauten Feuerwehrhauses in "
            "Talheim. Der Bürgermeister hieß zur Eröffnung alle willkommen.",
            ["Eröffnung des umgebauten Feuerwehrhauses"],
        ),
        # the opening of a fair is a part of the fair
        (
            "Zur Eröffnung der Messe in Talheim kamen am Samstag 3000 Besucher.",
            ["Messe Talheim"],
        ),
        # an opening alone names no event
        ("Zur Eröffnung sprach am Samstag der Bürgermeister von Talheim.", []),
    ],
)
def test_an_opening_is_an_event_with_the_building_it_opens(nlp, text: str, names):
    assert event_names(nlp, text) == names


ANNIVERSARY_BODY = (
    "50 Jahre Musikverein Talheim waren ein Grund zum Feiern. Das Fest dauerte zwei Tage. "
    "Viele Gäste kamen am Samstag. Zum Festumzug kamen 40 Gruppen. Der Festumzug zog durch den "
    "Ort, nach dem Festumzug spielte die Kapelle."
)


@pytest.mark.parametrize(
    ("title", "name"),
    [
        # a title "N Jahre X" names the anniversary celebration, over a part named more often
        # (the same words in the text are no such title)
        ("50 Jahre Musikverein Talheim\n\n", "50 Jahre Musikverein Talheim"),
        # without such a title the parade is what the report names most
        ("Ein schönes Wochenende\n\n", "Festumzug"),
    ],
)
def test_an_anniversary_title_names_the_celebration(nlp, title: str, name: str):
    assert event_names(nlp, title + ANNIVERSARY_BODY)[0] == name


def test_a_day_inside_guillemets_is_the_speakers_not_the_events(nlp):
    text = (
        "Das Talheimer Gartenfest war gut besucht. Der Vortrag trug den Titel «Gärten heute "
        "und morgen». Rund 300 Gäste kamen."
    )
    rows = pipeline.extract(text, reference_date="2023-06-12", nlp=nlp)["events"]
    assert list(rows["name"]) == ["Talheimer Gartenfest"]
    assert rows["start"].isna().all()


def test_what_someone_said_is_speech_and_a_quoted_name_is_none(nlp):
    doc = nlp(
        "Ein Gast sagte: „Auf der Messe haben wir sehr viel gesehen.“ Die «Gartenmesse» lief gut."
    )
    ctx = DocContext(doc)
    said = next(t.i for t in doc if t.text == "Messe")
    name = next(t.i for t in doc if t.text == "Gartenmesse")
    assert ctx.in_speech(said)
    assert not ctx.in_speech(name)
    assert not ctx.in_speech(next(t.i for t in doc if t.text == "lief"))


def test_a_bare_event_noun_in_speech_does_not_choose_the_event(nlp):
    text = (
        "Am Wochenende kamen viele Gäste zu den Oberbacher Gartentagen in die Stadthalle.\n"
        "Ein Aussteller war begeistert: „Das war eine Messe nach unserem Geschmack. "
        "Auf der Messe haben wir viel verkauft, die Messe hat sich gelohnt, "
        "und auf der Messe waren alle freundlich.“\n"
        "Die Oberbacher Gartentage sollen im nächsten Jahr wiederkommen."
    )
    assert event_names(nlp, text) == ["Oberbacher Gartentage"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # the name only in the dative: its adjective takes the nominative of the head's gender
        (
            "Zum Großen Preis von Talheim kamen am Sonntag rund 3.000 Zuschauer. Beim Großen "
            "Preis von Talheim siegte ein Gast aus Ulm.",
            "Großer Preis von Talheim",
        ),
        # a neuter head
        (
            "Zum Großen Sommerkonzert kamen am Samstag 600 Gäste nach Talheim. Das Orchester "
            "spielte beim Großen Sommerkonzert bis Mitternacht.",
            "Großes Sommerkonzert",
        ),
        # a feminine head: the dative's "-en" becomes "-e"
        (
            "Rund 800 Gäste kamen zur Langen Nacht der Chöre in Talheim. Bei der Langen "
            "Nacht der Chöre sangen 20 Chöre.",
            "Lange Nacht der Chöre",
        ),
        # a town's adjective is no declined adjective and stays as it is
        ("Das Talheimer Weinfest lockte 5.000 Besucher an.", "Talheimer Weinfest"),
    ],
)
def test_an_event_name_is_given_in_the_nominative(nlp, text: str, name: str):
    assert event_names(nlp, text) == [name]


def test_the_name_with_another_year_is_another_edition(default_nlp):
    # "Kräutermesse 2016" after "Kräutermesse 2015": the dates given with it are the next
    # edition's, not this one's
    text = (
        "Die Kräutermesse 2015 in Ulm ist vorbei. Rund 4.000 Besucher kamen an drei Tagen. "
        "Die Kräutermesse 2016 findet vom 10. bis 12. März in Ulm statt."
    )
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert list(rows["name"]) == ["Kräutermesse"]
    assert (rows["year"].iloc[0], rows["visitors"].iloc[0]) == (2015, 4000)
    assert rows["start"].isna().all() and rows["end"].isna().all()


def test_a_day_that_borrows_its_year_from_a_comparison_dates_nothing(default_nlp):
    # no reference date: "der 3. Mai" takes its year from "2010", an earlier year's; far from
    # the event's name it does not date the event
    text = (
        "Das Ulmer Sommerfest ging gestern zu Ende. Rund 20.000 Besucher kamen. 2010 waren es "
        "noch 30.000 Gäste gewesen. Am stärksten besucht war der 3. Mai."
    )
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert list(rows["name"]) == ["Ulmer Sommerfest"]
    assert rows["start"].isna().all() and rows["year"].isna().all()
    # a day that writes its year still dates the event where nothing else does
    dated = text.replace("der 3. Mai.", "der 3. Mai 2011.")
    assert list(pipeline.extract(dated, nlp=default_nlp)["events"]["start"]) == ["2011-05-03"]


def test_a_count_in_a_clause_with_another_year_is_no_total(default_nlp):
    text = (
        "Das Ulmer Sommerfest ging gestern zu Ende. Rund 20.000 Besucher kamen. 2010 waren es "
        "noch 30.000 Gäste gewesen."
    )
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert list(rows["visitors"]) == [20000]
    # the event's own year written after its name is no other year; nor is a year in a
    # heading over the sentence
    own = (
        "Sommerfest 2012 war ein Erfolg\n\nMehr Gäste als 2010 und 2011\n\nDas Sommerfest "
        "zählte 2012 insgesamt 25.000 Besucher. Am Samstag kamen 9.000 Besucher."
    )
    assert list(pipeline.extract(own, nlp=default_nlp)["events"]["visitors"]) == [25000]


def test_a_places_inhabitants_are_no_visitors(default_nlp):
    text = (
        "Zum Weinfest in Talheim kamen 650 Besucher, dabei hat der Ort gerade einmal 2.300 "
        "Einwohner."
    )
    assert list(pipeline.extract(text, nlp=default_nlp)["events"]["visitors"]) == [650]


def test_a_time_or_a_counted_unit_is_no_part_of_an_event_name(default_nlp):
    # "diese Woche" is a time; "Woche der Talheimer" no event's name
    time = "Am Montag singt diese Woche der Talheimer Kirchenchor im Dom."
    assert pipeline.extract(time, nlp=default_nlp)["events"].empty
    # "3 Kilometer" counts a distance: "Kilometer" is no word of the race's name
    race = "Nach 3 Kilometer Waldlauf gab Hans Vogel in Talheim auf."
    assert list(pipeline.extract(race, nlp=default_nlp)["events"]["name"]) == ["Waldlauf"]


def test_a_ball_is_an_event_and_a_ball_game_none(default_nlp):
    text = "Zum Frühlingsball der Feuerwehr Talheim kamen 420 Besucher in die Stadthalle."
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert list(rows["name"]) == ["Frühlingsball"] and list(rows["visitors"]) == [420]
    game = "Hans Vogel schoss den Ball ins Tor, der Fußball-Verein Talheim gewann das Spiel."
    assert pipeline.extract(game, nlp=default_nlp)["events"].empty


def test_events_listed_after_darunter_are_parts_and_leave_the_count_to_the_event(default_nlp):
    text = (
        "Talheimer Winzerfest erneut beliebt\n\nDas Talheimer Winzerfest zog an drei Tagen "
        "15.000 Besucher an. 80 Aussteller zeigten sich in drei Zelten, darunter die Weinschau "
        "„Rebstock“ und die Sektbar."
    )
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert list(rows["name"]) == ["Talheimer Winzerfest"]
    assert (rows["visitors"].iloc[0], rows["exhibitors"].iloc[0]) == (15000, 80)


def test_a_bare_sport_is_no_event_but_a_named_race_of_it_is(default_nlp):
    sports = "Der Verein bietet Schwimmen, Radfahren und Triathlon für alle Altersgruppen an."
    assert pipeline.extract(sports, nlp=default_nlp)["events"].empty
    race = "Beim Talheimer Sprinttriathlon gingen am Sonntag 250 Starter ins Wasser."
    assert list(pipeline.extract(race, nlp=default_nlp)["events"]["name"]) == [
        "Talheimer Sprinttriathlon"
    ]


def test_an_opening_of_an_event_is_that_event(default_nlp):
    # "Eröffnung des Weihnachtsmarktes": the market is the event, not its opening
    text = (
        "Die Eröffnung des Weihnachtsmarktes war am 1. Dezember 2023 in Talheim. "
        "Rund 3.000 Besucher kamen zum Weihnachtsmarkt."
    )
    assert list(pipeline.extract(text, nlp=default_nlp)["events"]["name"]) == ["Weihnachtsmarkt"]


def test_a_two_digit_year_is_no_clock_time():
    from pipeline.events.dates import SHORT_YEAR

    assert SHORT_YEAR.search("am 1.5.19 in Talheim")
    assert not SHORT_YEAR.search("am Samstag um 10.30 Uhr")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # an edition number or "diesjährig" before a proper name the report repeats: each place
        (
            "Am Sonntag ging die dritte Korvel Vinora zu Ende. Rund 9.000 Gäste kamen. Die "
            "Korvel Vinora kommt im nächsten Jahr wieder.",
            ["Korvel Vinora", "Korvel Vinora"],
        ),
        (
            "Zum Start der diesjährigen Quendara drängten sich 20.000 Gäste. Die Quendara läuft "
            "noch bis Sonntag.",
            ["Quendara", "Quendara"],
        ),
        # named once: any word the dictionary lacks ("Austragung") may stand there
        ("Die 25. Korvelvinora war ein Erfolg.", []),
        # a noun with a genitive after it is the edition's, the genitive the event
        ("Die 25. Austragung des Bergfests lockte Gäste an. Die Austragung gefiel.", []),
        # a title and a first name make a person; "letzte" is no edition; a club's "1."
        (
            "Es sprach der Erste Bürgermeister Hans Muster. Erste Bürgermeister Hans Muster "
            "dankte. Die letzte Quendara war kleiner. Die Quendara kommt wieder. Der 1. FC "
            "Korvelia spielte, der 1. FC Korvelia siegte.",
            [],
        ),
        # a word ending like a person's noun is a person ("-erin", "-sänger"), no event
        (
            "Die diesjährige Kelvora Schmidtke-Preisträgerin dankte. Die Kelvora "
            "Schmidtke-Preisträgerin sprach.",
            [],
        ),
        # the bare "-er" also ends an event's own word: that name stays
        (
            "Der diesjährige Talheimer Lichterzauber lockte Gäste. Der Talheimer Lichterzauber "
            "dauerte bis Mitternacht.",
            ["Talheimer Lichterzauber", "Talheimer Lichterzauber"],
        ),
    ],
)
def test_an_edition_word_before_a_repeated_proper_name_names_the_event(
    nlp, text: str, names: list[str]
):
    finder = NameFinder(DocContext(nlp(text)), {}, {})
    assert [m.name for m in finder.edition_mentions()] == names


@pytest.mark.parametrize(
    ("title", "name"),
    [
        # a quoted name right after the event noun names it
        ("Gartenmesse „Grünzeit“ lockt Tausende", "Grünzeit"),
        # a headline's quote is what someone said, no name
        ("Gartenmesse „so schön wie nie!“", "Talheimer Gartenmesse"),
        ("Gartenmesse „Wer kommt wieder?“", "Talheimer Gartenmesse"),
    ],
)
def test_a_quote_after_the_event_noun_names_it_unless_it_is_said(nlp, title: str, name: str):
    text = (
        f"{title}\n\nDie 5. Talheimer Gartenmesse zog am Wochenende 4.000 Besucher an. "
        "Die Talheimer Gartenmesse kommt wieder."
    )
    assert event_names(nlp, text) == [name]

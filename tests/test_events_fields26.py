"""Organisers and totals read from further shapes of sentence: a club or public body that thanks
or expects its guests, "die Verantwortlichen der X", a name coordinated with one the entity
stage found after a role noun, an object after a role noun, the agent of a fronted participle;
counts of more beside a total, counts per week, visits beside visitors, traders at a market
and firms at a fair. Each on sentences written for these tests, with one of the same shape
where the rule must not fire."""

from __future__ import annotations

import pytest

from tests.test_events import only_event

REFERENCE = "2023-09-12"


def field(nlp, text: str, name: str):
    return only_event(nlp, text, REFERENCE)[name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who thanks the helpers and guests in its own name hosts the event ...
        (
            "Beim Talheimer Dorffest war am Wochenende viel los. Der SV Talheim bedankt sich "
            "herzlich bei Helfern und Gästen für ein schönes Wochenende.",
            "SV Talheim",
        ),
        # ... not who thanks someone else for something else
        (
            "Beim Talheimer Dorffest war am Wochenende viel los. Der SV Talheim dankt der "
            "Gemeinde für den neuen Rasen.",
            None,
        ),
        # ... nor a bank or a utility thanking the helpers: as often a sponsor or a service
        (
            "Beim Talheimer Dorffest war am Wochenende viel los. Die Sparkasse Talheim dankt "
            "allen Helfern.",
            None,
        ),
        # a club that expects the guests, the subject before or after the verb, hosts them ...
        (
            "Das Talheimer Sommerfest beginnt am Freitag. Zum Fest erwartet der Turnverein "
            "Talheim rund 800 Besucher auf dem Sportplatz.",
            "Turnverein Talheim",
        ),
        # ... not when it expects something else
        (
            "Das Talheimer Sommerfest beginnt am Freitag. Der Turnverein Talheim erwartet "
            "Sonnenschein.",
            None,
        ),
        # ... nor a utility (or the police) expecting visitors
        (
            "Das Talheimer Sommerfest beginnt am Freitag. Die Stadtwerke Talheim erwarten rund "
            "5.000 Besucher und setzen Sonderbusse ein.",
            None,
        ),
        # a person's name after a word of office is no organisation's name
        (
            "Der Talheimer Weihnachtsmarkt endete am Sonntag. Stadtpfarrerin Eva Roth lud am "
            "Abend alle Gäste zum Adventslied in die Kirche ein.",
            None,
        ),
        # the agent of an organiser's participle that opens the sentence names an organiser in
        # words, as a role noun does
        (
            "Die Talheimer Gewerbeschau lockte am Wochenende viele Besucher. Organisiert wurde "
            "das Fest vom Gewerbeverein Talheim. Mit im Organisationsteam waren die Sparkasse "
            "Talheim und die Handwerkskammer Oberxlingen.",
            "Gewerbeverein Talheim; Sparkasse Talheim; Handwerkskammer Oberxlingen",
        ),
        # words before a quoted name describe it, they are no name of their own (the agent
        # read after a fronted participle keeps the name the entity stage found)
        (
            "Der Talheimer Theaterabend lockte am Samstag viele Zuschauer. Ausgerichtet wurde der "
            "Abend erneut vom Talheimer Laienspiel-Team „Die Kulissenschieber“.",
            "Die Kulissenschieber",
        ),
        # the genitive after "die Verantwortlichen"
        (
            "Rund 3000 Gäste kamen zur Gewerbeschau „Talmesse 2023“. Zufrieden zeigten sich die "
            "Verantwortlichen der Werbegemeinschaft Oberxlingen mit dem Andrang.",
            "Werbegemeinschaft Oberxlingen",  # (the town the place stage found ends the name)
        ),
        # a name coordinated with an organisation the entity stage found after the role noun
        (
            "Das Talheimer Radrennen startet am Samstag. Veranstalter sind der RV Talheim und "
            "Radwerk Nord.",
            "RV Talheim; Radwerk Nord",
        ),
        # a role noun with its own article and then an article: an object, no name
        (
            "Zum Talheimer Schülertag hatten sich 400 Jugendliche angemeldet. Deshalb "
            "erweiterten die Organisatoren das Platzkontingent.",
            None,
        ),
        # a compound of a generic event noun is no organisation's name
        (
            "Der Talheimer Ehrenamtspreis wurde am Freitag zum dritten Mal verliehen. "
            "Initiatorin der Seniorenveranstaltung ist die Talheim Marketing GmbH.",
            "Talheim Marketing GmbH",
        ),
        # "einlädt" in a relative clause after the event's name
        (
            "Am Freitag beginnt die zweite Talheimer Umweltkonferenz, zu der die Stiftung Grünes "
            "Tal am 4. und 5. Mai einlädt.",
            "Stiftung Grünes Tal",
        ),
    ],
)
def test_organisers(default_nlp, text, expected):
    assert field(default_nlp, text, "organisers") == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # "weitere": more beside a count named before, no total
        (
            "Die Talheimer Bürgerversammlung begann am Montag. Nach dem Bürgermeister sprachen "
            "zwei weitere Redner.",
            "participants",
            None,
        ),
        # ... while a count before "dazu weitere …" of another kind stays the total
        (
            "Das Talheimer Radrennen startet am Samstag. Am Start stehen 900 Starter, dazu "
            "kommen weitere 2000 Zuschauer.",
            "participants",
            900,
        ),
        # a count two years ago is another edition's
        (
            "Die Talheimer Ferienmesse zählte am Wochenende 9.800 Besucher. In Oberxlingen waren "
            "es vor zwei Jahren 10.400 Besucher.",
            "visitors",
            9800,
        ),
        # ... so is one any number of years ago, in figures or words
        (
            "Die Talheimer Ferienmesse zählte am Wochenende 9.800 Besucher. Vor sechs Jahren "
            "kamen noch 12.400 Besucher.",
            "visitors",
            9800,
        ),
        (
            "Die Talheimer Ferienmesse zählte am Wochenende 9.800 Besucher. Vor 3 Jahren "
            "kamen noch 12.400 Besucher.",
            "visitors",
            9800,
        ),
        # a count joined to events in the plural is the size of each
        (
            "Die Talheimer Stadtgala fand am Freitag statt. Ein Sonderpreis ehrte Tagungen mit "
            "über 1.500 Teilnehmern, zur Gala selbst kamen 800 Teilnehmer.",
            "participants",
            800,
        ),
        # ... not the count joined to the event itself
        (
            "Der Talheimer Ärztekongress mit 1.300 Teilnehmern endete am Freitag.",
            "participants",
            1300,
        ),
        # a count per week is no total
        (
            "Der Talheimer Weihnachtsmarkt lief vier Wochen. Die Stadt schätzt den Andrang auf "
            "5000 Besucher pro Woche.",
            "visitors",
            None,
        ),
        # visitors counted beside visits: the visitors
        (
            "Die Talheimer Ferienmesse zählte am Wochenende mehr als 9.800 Besucher. Gezählt "
            "wurden zudem 15.300 Besuche, da viele Gäste zweimal kamen.",
            "visitors",
            9800,
        ),
        # visits alone still count
        (
            "Die Talheimer Ferienmesse meldete am Wochenende 15.300 Besuche.",
            "visitors",
            15300,
        ),
        # firms counted at a fair are its exhibitors; the count compared with is another's
        (
            "Die Talheimer Jobmesse lockte am Samstag viele Schüler. Um Auszubildende warben 70 "
            "Betriebe aus dem Landkreis. Gegenüber den 85 Betrieben beim Start der Messe, die "
            "sich damals präsentiert hatten, ist das ein Rückgang.",
            "exhibitors",
            70,
        ),
        # a goal for later editions is no total
        (
            "Die Talheimer Jobmesse lockte am Samstag viele Schüler. Um Auszubildende warben 70 "
            "Betriebe aus dem Landkreis. Langfristig sollen es 120 Betriebe werden.",
            "exhibitors",
            70,
        ),
        # ... not firms who visit it
        (
            "Die Talheimer Jobmesse lockte am Samstag viele Schüler. Mehr als 70 Betriebe aus "
            "dem Landkreis besuchten die Messe.",
            "exhibitors",
            None,
        ),
        # ... nor firms counted at a fête
        (
            "Das Talheimer Sommerfest lockte am Samstag viele Gäste. Mehr als 70 Betriebe aus "
            "dem Landkreis spendeten Preise.",
            "exhibitors",
            None,
        ),
        # traders at a market are its exhibitors ...
        (
            "Auf dem Talheimer Herbstmarkt priesen am Sonntag rund 120 Händler ihre Waren an.",
            "exhibitors",
            120,
        ),
        # ... not traders who visit a fair
        (
            "Die Talheimer Küchenmesse besuchten am Dienstag 2.000 Händler aus ganz Europa.",
            "exhibitors",
            None,
        ),
    ],
)
def test_totals(default_nlp, text, name, expected):
    assert field(default_nlp, text, name) == expected

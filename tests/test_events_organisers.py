"""Who organises an event (the ``organisers`` column): the forms of ``OrganiserFinder`` that read
the role from the sentence's shape, each on sentences written for these tests, with a sentence
of the same shape where the rule must not fire."""

from __future__ import annotations

import pytest

import pipeline
from pipeline.events.organisers import abbreviates
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
        # the subject after its verb
        (
            "Am Freitagabend lud der Heimatverein Oberxlingen zum Herbstfest auf den Dorfplatz "
            "ein.",
            "Heimatverein Oberxlingen",
        ),
        # ... after a participle and its auxiliary
        (
            "Eingeladen hatte der Heimatverein Talbrunn zum Lichterfest am Marktplatz.",
            "Heimatverein Talbrunn",
        ),
        # an adjective of the role right before the name
        (
            "Rund 800 Besucher kamen am Samstag zur Jobmesse in Talheim, sagte die Sprecherin des "
            "veranstaltenden Gewerbevereins Talheim.",
            "Gewerbeverein Talheim",
        ),
        # "durchführen", "stemmen" and "richten … aus" are organisers' verbs
        (
            "Am Samstag hat die Freiwillige Feuerwehr Oberxlingen ihr Sommerfest mit Umzug "
            "durchgeführt.",
            "Freiwillige Feuerwehr Oberxlingen",
        ),
        (
            "Der Turnverein Oberxlingen stemmte das Dorffest am Wochenende mit 80 Helfern.",
            "Turnverein Oberxlingen",
        ),
        (
            "Der Sportverein Talheim richtet am Sonntag die Kreismeisterschaft im Crosslauf aus.",
            "Sportverein Talheim",
        ),
        # where nothing else names one: the head who welcomes the guests ...
        (
            "Der Vorsitzende des TSV Talheim hieß die Teilnehmerinnen und Teilnehmer des "
            "Hallenturniers in der Sporthalle willkommen.",
            "TSV Talheim",
        ),
        # ... the organisation named as where the event is ...
        (
            "Zum Tag der offenen Tür an der Grundschule Talheim kamen am Samstag rund 300 "
            "Besucher.",
            "Grundschule Talheim",
        ),
        # ... an event business whose officer speaks of the event
        (
            "Rund 9.000 Besucher kamen zur Gartenmesse in Talheim. „Die Gartenmesse war ein "
            "voller Erfolg“, sagte die Geschäftsführerin der Messe Talheim GmbH am Sonntag.",
            "Messe Talheim GmbH",
        ),
        # an event business whose officer sums up, in a report on organisers it does not name
        (
            "Die Veranstalter der Gartenmesse in Talheim zeigten sich am Ende zufrieden. "
            "Man sei gut ausgebucht gewesen, meinte der Geschäftsführer der Messe Talheim.",
            "Messe Talheim",
        ),
        # who runs it with another: "gemeinsam mit", "in Zusammenarbeit mit" in a sentence of
        # organising, or (the close cues) one that names the event
        (
            "Der Förderverein Oberxlingen veranstaltete das Dorffest gemeinsam mit der "
            "Freiwilligen Feuerwehr Oberxlingen.",
            "Förderverein Oberxlingen; Freiwillige Feuerwehr Oberxlingen",
        ),
        (
            "Die Pflegetagung in Talheim fand am 4. Mai in Zusammenarbeit mit dem Klinikum "
            "Talheim statt.",
            "Klinikum Talheim",
        ),
        # a one-word institution the dictionary knows, after an article
        ("Die Jobmesse in Talheim wurde von der Handwerkskammer organisiert.", "Handwerkskammer"),
        ("Gastgeber der Pflegetagung in Talheim war das Landratsamt.", "Landratsamt"),
        (
            "Die Kreishandwerkerschaft lud am Samstag zur Jobmesse in die Stadthalle Talheim ein.",
            "Kreishandwerkerschaft",
        ),
        # the participle far after "X hat"
        (
            "Die Stadtverwaltung hat das Stadtfest in Talheim in diesem Jahr zum ersten Mal "
            "selbst organisiert.",
            "Stadtverwaltung",
        ),
        # the task of organising taken on, held or thanked for
        (
            "Das Dorffest in Oberxlingen war ein Erfolg. Die Organisation lag in den Händen des "
            "Heimatvereins Oberxlingen.",
            "Heimatverein Oberxlingen",
        ),
        (
            "Das Dorffest in Oberxlingen war ein Erfolg. Für die Organisation zeichnete der "
            "Heimatverein Oberxlingen verantwortlich.",
            "Heimatverein Oberxlingen",
        ),
        (
            "Beim Dorffest in Oberxlingen dankte der Bürgermeister dem Heimatverein Oberxlingen "
            "für die Organisation.",
            "Heimatverein Oberxlingen",
        ),
        # a role noun, an agent noun and the event word's genitive
        (
            "Träger der Gartenmesse in Talheim ist der Gartenbauverband Nord.",
            "Gartenbauverband Nord",
        ),
        (
            "Das Dorffest in Oberxlingen fand unter der Regie des Heimatvereins Oberxlingen statt.",
            "Heimatverein Oberxlingen",
        ),
        (
            "Die Gartenmesse in Talheim ist eine Veranstaltung der Messe Talheim GmbH.",
            "Messe Talheim GmbH",
        ),
        (
            "Die Ausrichtung des Turniers in Talheim übernahm der TSV Talheim.",
            "TSV Talheim",
        ),
        ("Hausherr der Pflegetagung in Talheim war das Klinikum Talheim.", "Klinikum Talheim"),
        # a name the entity stage does not know, after the role, the event and its town
        (
            "Ausrichter des Turniers in Talheim waren die Landfrauen Oberxlingen.",
            "Landfrauen Oberxlingen",
        ),
        # a name the entity stage does not know, as the subject of an organiser's verb
        (
            "Die Landfrauen Oberxlingen hatten zum Kaffeenachmittag ins Gemeindehaus eingeladen.",
            "Landfrauen Oberxlingen",
        ),
        # the organisation whose own event it is
        (
            "Der TSV Talheim feierte am Samstag sein Sommerfest auf dem Sportgelände.",
            "TSV Talheim",
        ),
        (
            "Die Freiwillige Feuerwehr Oberxlingen beging am Wochenende ihr traditionelles "
            "Feuerwehrfest.",
            "Freiwillige Feuerwehr Oberxlingen",
        ),
        (
            "Die Sparkasse Talheim unterstützte den Musikverein Talheim bei seinem "
            "Frühlingskonzert in der Stadthalle.",
            "Musikverein Talheim",
        ),
        # a participle of running it opening the sentence, its agent far after it
        (
            "Getragen wird das Stadtfest in Talheim von der Werbegemeinschaft Talheim.",
            "Werbegemeinschaft Talheim",
        ),
        (
            "Initiiert wurde der Aktionstag in Talheim vom Seniorenbeirat Talheim.",
            "Seniorenbeirat Talheim",
        ),
        # and where the shape differs, no organiser or only the one named in words
        # costumes worn are no event carried
        (
            "Beim Festumzug in Talheim wurden historische Trachten getragen, die der "
            "Heimatverein Talheim genäht hatte.",
            None,
        ),
        # the possessive belongs to someone in a clause of their own
        (
            "Beim Radrennen in Talheim siegte die für den RC Talheim startende Fahrerin, die "
            "mit großem Vorsprung ihr Rennen beendete.",
            None,
        ),
        # the role said of both
        (
            "Veranstalter des Stadtfests in Talheim ist der Gewerbeverein Talheim gemeinsam mit "
            "der Werbegemeinschaft Talheim.",
            "Gewerbeverein Talheim; Werbegemeinschaft Talheim",
        ),
        # who thanks did not organise
        (
            "Beim Dorffest in Oberxlingen dankte die Sparkasse Oberxlingen dem Heimatverein "
            "Oberxlingen für die Organisation.",
            "Heimatverein Oberxlingen",
        ),
        # partners of the organisers in something else are none
        (
            "Veranstalter des Stadtfests in Talheim ist der Gewerbeverein Talheim. Die "
            "Veranstalter hatten gemeinsam mit der Polizei Talheim ein Sicherheitskonzept "
            "erarbeitet.",
            "Gewerbeverein Talheim",
        ),
        (
            "Das Verkehrskonzept für das Stadtfest in Talheim wurde in Zusammenarbeit mit der "
            "Polizei Talheim erstellt.",
            None,
        ),
        # a person after the verb is no organisation
        ("Landrat Schmidtke lud am Freitag zum Neujahrsempfang in die Festhalle Talheim.", None),
        ("Nach dem Festakt lud Fürst Hadubrand zum Empfang in die Festhalle Talheim.", None),
        # thanked for something else
        (
            "Beim Dorffest in Oberxlingen dankte der Bürgermeister der Sparkasse Oberxlingen für "
            "die Unterstützung.",
            None,
        ),
        # opening or supporting it with someone is not running it
        (
            "Der Bürgermeister eröffnete das Dorffest in Oberxlingen gemeinsam mit dem "
            "Vorsitzenden des TSV Oberxlingen.",
            None,
        ),
        (
            "Die Sparkasse Talheim unterstützte das Dorffest in Oberxlingen gemeinsam mit der "
            "Volksbank Oberxlingen.",
            None,
        ),
        # a council word as a person's title before the name, or one doing something else
        ("Der Stadtrat Peter Muster lud zum Bürgerfest in Talheim ein.", None),
        (
            "Das Stadtfest in Talheim wurde vom Stadtmarketing organisiert. Der Stadtrat hatte "
            "das Budget im Frühjahr erhöht.",
            "Stadtmarketing",
        ),
        # the bare head of a compound is no institution of its own
        ("Die Jobmesse in Talheim wurde von der Kammer organisiert.", None),
        # the subject stands before the verb: the club after it is invited, it does not invite
        (
            "Die Gemeinde Talbrunn lud den Musikverein Oberxlingen zum Sommerfest in die "
            "Festhalle ein.",
            "Gemeinde Talbrunn",
        ),
        # "richten" without its particle is another verb
        (
            "Zum Festakt in Talheim am Freitag werden auch der Landrat und ein Vertreter der "
            "Kreissparkasse Talheim das Wort an die Gäste richten.",
            None,
        ),
        # a welcome without guests is none ("begrüßte die Entscheidung")
        (
            "Der Präsident des Landesverbands Nord begrüßte die Entscheidung, das Stadtfest in "
            "Talheim zu verlängern.",
            None,
        ),
        # ... not where the report speaks of no organisers and the sentence not of the event
        (
            "Rund 9.000 Besucher kamen zur Gartenmesse in Talheim. Man sei gut ausgebucht "
            "gewesen, meinte der Geschäftsführer der Messe Talheim.",
            None,
        ),
        # the weaker signs only where no organiser is named in words
        (
            "Veranstalter des Schachturniers war der Kreisverband Ostholstein. Der Präsident des "
            "TSV Talheim begrüßte die Spieler in der Stadthalle.",
            "Kreisverband Ostholstein",
        ),
        (
            "Zum Sommerfest beim TSV Talheim kamen am Samstag rund 300 Besucher. Veranstalter "
            "war der Förderverein Talheim e.V.",
            "Förderverein Talheim e.V.",
        ),
        # an agent before an inflected participle
        (
            "Die vom Turnverein Oberxlingen ausgerichtete Kreismeisterschaft lockte am Samstag "
            "300 Sportler an.",
            "Turnverein Oberxlingen",
        ),
        # the verb of a relative clause with its particle joined on, and its partner
        (
            "Rund 900 Gäste kamen am Sonntag zum Bauernmarkt, den der Gewerbeverein Talheim "
            "gemeinsam mit der Stadt Talheim ausrichtete.",
            "Gewerbeverein Talheim; Stadt Talheim",
        ),
        (
            "Rund 900 Gäste kamen am Sonntag zum Hoffest, zu dem der Bauernverband Talheim einlud.",
            "Bauernverband Talheim",
        ),
        # a partner named before the verb is no subject: the name after the verb runs it too
        (
            "In Zusammenarbeit mit dem Kulturverein Talbach veranstaltete die Gemeinde Xdorf am "
            "Samstag das Dorffest. 900 Gäste kamen.",
            "Kulturverein Talbach; Gemeinde Xdorf",
        ),
        # a subject before the verb makes the name after it the object
        (
            "Am Samstag lud der Kulturverein Talbach die Gemeinde Xdorf zum Dorffest. 900 Gäste "
            "kamen.",
            "Kulturverein Talbach",
        ),
    ],
)
def test_organiser_read_from_the_sentence(nlp, text, expected):
    assert organisers(nlp, text) == expected


def test_the_event_in_a_role_nouns_genitive_is_no_organiser_without_an_event_noun(nlp):
    # the name ends in no event noun: it is the event by the event's own mentions
    text = (
        "Die Veranstalter der Oberbacher Sommerklassik 2024 haben eine gute Bilanz gezogen. "
        "Rund 5000 Gäste kamen am Wochenende in den Schlosspark. Die Oberbacher Sommerklassik "
        "2024 war ausverkauft."
    )
    rows = pipeline.extract(text, nlp=nlp)["events"]
    assert list(rows["name"]) == ["Oberbacher Sommerklassik"]
    assert rows["organisers"].isna().all()


def test_an_acronym_of_another_organiser_is_that_organiser_again(default_nlp):
    text = (
        "Zum Sommerfest der HWK kamen 600 Gäste. Die Handwerkskammer Talheim hatte zum "
        "Sommerfest in ihren Innenhof eingeladen."
    )
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert list(rows["organisers"]) == ["Handwerkskammer Talheim"]


def test_an_acronym_abbreviates_a_name_of_its_letters():
    assert abbreviates("HWK", "Handwerkskammer Talheim")
    assert abbreviates("DGXK", "Deutsche Gesellschaft für Xylokunde e.V.")
    assert not abbreviates("TSV", "Turnverein Talheim")  # no "s" in it
    assert not abbreviates("ORF", "Stadt Talheim")


@pytest.mark.parametrize(
    "verb, organisers",
    [
        ("betont", "Messe Offenburg"),
        ("resümiert", "Messe Offenburg"),
        # no verb of reporting: the fair company is only named
        ("schreibt", None),
    ],
)
def test_a_fair_company_that_stresses_the_fairs_figures_runs_it(default_nlp, verb, organisers):
    text = (
        "Die Gartenmesse endete am Sonntag. "
        f"Die Messe Offenburg {verb}, dass die Hallen gut gefüllt waren."
    )
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert list(rows["organisers"].astype(object).where(rows["organisers"].notna(), None)) == [
        organisers
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Volker Brandt, Geschäftsführer von Data Forum, zog nach der Agrarmesse eine gute Bilanz.",
        "Für Sabine Kraus, Geschäftsführerin von Smart Forum, war die Agrarmesse ein Erfolg.",
    ],
)
def test_a_company_someone_heads_is_no_event_though_its_name_ends_in_one(nlp, text):
    event = only_event(nlp, text, REFERENCE)
    assert (event["name"], event["organisers"]) == ("Agrarmesse", None)


def test_verb_at_the_end_of_the_longest_relative_clause_after_an_acronym(nlp) -> None:
    """The verb rule returns early when no organiser's cue starts within VERB_REACH tokens of
    the name: the furthest token it reads, the last of a relative clause of ROLE_WINDOW tokens
    after an acronym in brackets, must still count."""
    from pipeline.events.organisers import BRACKET_REACH, ROLE_WINDOW

    filler = (
        "mit viel Liebe und großer Geduld für alle Kinder und Eltern aus dem Ort und der "
        "ganzen Umgebung stets"
    )
    clause = f"das Lichterfest in Talheim {filler} organisiert"
    bracket = "(kurz HVT)"
    assert len(nlp.make_doc(clause)) == ROLE_WINDOW  # the clause is as long as the rule reads
    assert len(nlp.make_doc(bracket)) == BRACKET_REACH  # and the bracket too
    text = (
        "Das Lichterfest in Talheim lockte am Samstag rund 500 Besucher an. "
        f"Der Heimatverein Talheim {bracket}, der {clause}, zog eine gute Bilanz."
    )
    assert organisers(nlp, text) == "Heimatverein Talheim"


def test_an_invitation_to_another_event_names_its_organisers_not_the_reports(nlp):
    text = (
        "Die Talheimer Gartenmesse lockte am Wochenende 4.000 Besucher an. Am Samstag lud der "
        "Imkerverein Talheim zum Honigfest auf dem Freigelände ein."
    )
    assert organisers(nlp, text) is None
    # inviting to the event itself names its organiser
    own = "Am Samstag lud der Imkerverein Talheim zum Honigfest ein. 400 Gäste kamen."
    assert organisers(nlp, own) == "Imkerverein Talheim"


@pytest.mark.parametrize(
    "text, organiser",
    [
        (
            "Die vom St. Hubertus Schützengilde 1621 ausgerichtete Kirmes lockte am Wochenende "
            "rund 3.000 Besucher an.",
            "St. Hubertus Schützengilde 1621",
        ),
        (
            "Die vom Förderkreis Alte Mühle Brenntal veranstaltete Kirmes lockte am Wochenende "
            "rund 3.000 Besucher an.",
            "Förderkreis Alte Mühle Brenntal",
        ),
    ],
)
def test_a_name_before_an_organisers_participle_runs_the_event(
    default_nlp, text: str, organiser: str
):
    # "die vom X veranstaltete Kirmes": read where the entity stage found no organisation
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert list(rows["organisers"]) == [organiser]


def test_a_participle_said_of_something_else_gives_no_organiser(default_nlp):
    text = (
        "Die Kirmes lockte am Wochenende rund 3.000 Besucher an. Am Sonntag gab es ein vom "
        "St. Hubertus Schützengilde 1621 ausgerichtetes Preisschießen neben dem Festzelt."
    )
    rows = pipeline.extract(text, nlp=default_nlp)["events"]
    assert list(rows["name"]) == ["Kirmes"]
    assert rows["organisers"].isna().all()

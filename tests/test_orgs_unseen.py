"""Organisation classes that failed where the model had never seen the text, each with
sentences written for this test; the model's reading is given, so they hold whatever model is
loaded."""

from __future__ import annotations

import pytest
from test_entities_general import with_model_ents
from test_entities_org_precision import org_names as _orgs
from test_entities_org_precision import place_names as _places

from pipeline.entities.ner import _opening_role


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


# -- a town's word in the genitive after a noun is the authority, whatever the model reads ------
@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Es sprach Tom Haber, Oberbürgermeister der Stadt Tannheim, zu den Gästen.", "Tannheim"),
        ("Das neue Rathaus der Gemeinde Weilbach wurde eingeweiht.", "Weilbach"),
        ("Die Ehrennadel der Stadt Tannheim erhielt Tom Haber.", "Tannheim"),
        # a noun of its office, meeting, prize or help, or a person's role (authority_endings)
        ("Den Kulturpreis der Stadt Weilbach erhielt ein Chor.", "Weilbach"),
        ("Die Einwohnerversammlung der Gemeinde Weilbach tagte im Mai.", "Weilbach"),
        ("Die Sprecherin der Stadt Weilbach bestätigte den Termin.", "Weilbach"),
        ("Mit Unterstützung der Gemeinde Weilbach wurde gebaut.", "Weilbach"),
    ],
)
def test_town_authority_in_the_genitive(nlp, text, town):
    doc = with_model_ents(nlp, text, [(town, "LOC")])
    assert f"{doc.text.split(town)[0].split()[-1]} {town}" in _orgs(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Die Einwohner der Stadt Tannheim feierten lange.",
        "Im Zentrum der Stadt Tannheim stand ein Zelt.",
        "Die Gäste kamen aus der Gemeinde Tannheim.",
        "Es gibt eine Partnerschaft mit der Stadt Tannheim.",
        # any other noun: its fields, forests, children, sights
        "Die Felder der Gemeinde Tannheim standen unter Wasser.",
        "Durch die Wälder der Gemeinde Tannheim führt ein Pfad.",
        "Die Kinder der Stadt Tannheim malten Bilder.",
        "Die Sehenswürdigkeiten der Stadt Tannheim lockten Gäste.",
    ],
)
def test_town_as_a_place(nlp, text):
    doc = with_model_ents(nlp, text, [("Tannheim", "LOC")])
    assert not any("Tannheim" in name for name in _orgs(doc))


def test_lone_name_of_a_named_authority_is_the_town(nlp):
    text = (
        "Im Mai tagte die Bürgerversammlung der Gemeinde Weilbach. "
        "Zur Straße von Weilbach nach Ulm gab es Fragen."
    )
    second = text.rindex("Weilbach")
    doc = nlp.make_doc(text)
    from spacy.tokens import Span

    first = doc.char_span(text.index("Weilbach"), text.index("Weilbach") + 8)
    lone = doc.char_span(second, second + 8)
    doc.ents = [Span(doc, first.start, first.end, "LOC"), Span(doc, lone.start, lone.end, "ORG")]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert _orgs(doc) == {"Gemeinde Weilbach"}
    assert "Weilbach" in _places(doc)


# -- a name never ends on a truncated compound ("Wald-") ----------------------------------------
def test_truncated_compound_runs_on_to_its_completion(nlp):
    text = (
        "Den Scheck überreichten Kassier Tom Weber vom BLG Berg- und Hüttenwesen, Prof. Paul "
        "Mertz, sowie zwei Kinder."
    )
    doc = with_model_ents(
        nlp, text, [("Tom Weber", "PER"), ("BLG Berg-", "ORG"), ("Paul Mertz", "PER")]
    )
    # the abbreviated title before a person after the list's comma is no second organisation
    assert _orgs(doc) == {"BLG Berg- und Hüttenwesen"}


# -- a full stop at a sentence's end is no part of the model's name -----------------------------
def test_sentence_full_stop_is_no_part_of_a_name(nlp):
    text = "Es sprach die Leiterin der Pfälzischen Imkergesellschaft. Danach gab es Kuchen."
    doc = with_model_ents(nlp, text, [("Pfälzischen Imkergesellschaft.", "ORG")])
    assert "Pfälzische Imkergesellschaft" in _orgs(doc)
    assert not any(name.endswith(".") for name in _orgs(doc))


def test_split_legal_form_keeps_its_full_stop(nlp):
    text = "Geliefert hat die Holzbau Kranzl Ltd. Danach gab es Kuchen."
    doc = with_model_ents(nlp, text, [("Holzbau Kranzl Ltd.", "ORG")])
    assert any(name.endswith("Ltd.") for name in _orgs(doc))


# -- an acronym defined right after an event's name is the event's short name -------------------
@pytest.mark.parametrize(
    ("text", "event", "acronym"),
    [
        (
            "Für das Kerbacher Jugendchorfest (KJF) probte der Chor seit Januar.",
            "Kerbacher Jugendchorfest",
            "KJF",
        ),
        (
            "Im Juli folgt die Kerbacher Musiknacht (KMN) in Talheim.",
            "Kerbacher Musiknacht",
            "KMN",
        ),
    ],
)
def test_event_acronym_is_no_organisation(nlp, text, event, acronym):
    doc = with_model_ents(nlp, text, [(event, "EVT"), (acronym, "ORG")])
    assert acronym not in {m.text for m in doc._.organisations}


@pytest.mark.parametrize(
    "text",
    [
        # the society's acronym, though the sentence speaks of its congress
        "Es begann die Jahrestagung der Gesellschaft für Holzkunde (GHK) in Ulm.",
        "Gastgeber war das Tannheim Convention Bureau (TCB) in Ulm.",
    ],
)
def test_body_acronym_after_an_event_word_stays(nlp, text):
    acronym = text[text.index("(") + 1 : text.index(")")]
    doc = with_model_ents(nlp, text, [(acronym, "ORG")])
    assert acronym in {m.text for m in doc._.organisations}


# -- a company after a person and "von", and after "Firma", without the model -------------------
@pytest.mark.parametrize(
    ("text", "person", "name"),
    [
        (
            "So sagte Inhaber Klaus Kranzl von Kranzl Gerüstbau gestern.",
            "Klaus Kranzl",
            "Kranzl Gerüstbau",
        ),
        (
            "Zufrieden zeigte sich Jana Fink von Velvorn Drucktechnik.",
            "Jana Fink",
            "Velvorn Drucktechnik",
        ),
    ],
)
def test_trade_name_after_person_and_von(nlp, text, person, name):
    doc = with_model_ents(nlp, text, [(person, "PER")])
    assert name in _orgs(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Es sprach Jana Fink von Anfang an.",
        "Es sprach Jana Fink von Ulm Messe heute.",  # a place, not an unknown word
    ],
)
def test_no_trade_name_after_von(nlp, text):
    doc = with_model_ents(nlp, text, [("Jana Fink", "PER")])
    assert not _orgs(doc)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Drei Lehrlinge der Firma Lorenz Fliesenbau aus Ulm legten ein Mosaik.",
            "Lorenz Fliesenbau",
        ),
        ("Die Firma Nordlicht Analytics, Ulm, zeigte eine neue Software.", "Nordlicht Analytics"),
        ("Bei der Firma Kranzlinger gibt es Kuchen.", "Kranzlinger"),
    ],
)
def test_name_after_firma(nlp, text, name):
    doc = with_model_ents(nlp, text, [])
    assert name in _orgs(doc)


def test_no_name_after_firma(nlp):
    assert not _orgs(with_model_ents(nlp, "Die Firma hat zwei Standorte in Ulm.", []))


# -- club abbreviations: a founding year before the name, a club number before the town ---------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Es siegte Jan Roth vom TC RW Talheim mit 6:2.", "TC RW Talheim"),
        ("Es spielte Eva Kolb vom GSV 1902 Ulm gut.", "GSV 1902 Ulm"),
        ("Es spielte Lena Roth vom TC 1907 Rot-Gelb Ulm gut.", "TC 1907 Rot-Gelb Ulm"),
        (
            "Danach kam der FSV Nord 08 Ulm (6 Starter) ins Ziel.",
            "FSV Nord 08 Ulm",
        ),
        ("Es ritt Tina Haas vom ZRFV Tannheim.", "ZRFV Tannheim"),
    ],
)
def test_club_names(nlp, text, name):
    assert name in _orgs(with_model_ents(nlp, text, []))


def test_ambiguous_club_abbreviation_needs_a_name(nlp):
    assert not _orgs(with_model_ents(nlp, "Im TC Bereich sah man das nicht.", []))


# -- where a legal-form name starts and ends ----------------------------------------------------
def test_capitalised_numeral_opens_a_legal_form_name(nlp):
    text = "Den Zuschlag erhielt am Ende die Sieben Eichen GmbH aus Ulm."
    doc = with_model_ents(nlp, text, [("Eichen GmbH", "ORG")])
    assert "Sieben Eichen GmbH" in _orgs(doc)


def test_legal_form_closes_a_bracketed_affiliation(nlp):
    text = "Für Beat Roth (Velvorn AG Talberg und Mitglied im Festkomitee) lief es gut."
    doc = with_model_ents(nlp, text, [("Beat Roth", "PER")])
    assert "Velvorn AG" in _orgs(doc)
    assert not any("Mitglied" in name for name in _orgs(doc))


# -- the model's organisation: events, quantifiers, a branch's direction ------------------------
@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Die Gäste der Deutschen Seniorenmeisterschaft Ü60 kamen.",
            "Deutschen Seniorenmeisterschaft Ü60",
        ),
        ("Viele kamen zum Tannheimer Heimatfest.", "Tannheimer Heimatfest"),
    ],
)
def test_model_event_is_no_organisation(nlp, text, span):
    assert not _orgs(with_model_ents(nlp, text, [(span, "ORG")]))


def test_model_event_with_a_body_head_stays(nlp):
    text = "Es lud die Tannheimer Messegesellschaft ein."
    doc = with_model_ents(nlp, text, [("Tannheimer Messegesellschaft", "ORG")])
    assert "Tannheimer Messegesellschaft" in _orgs(doc)


def test_quantifier_is_no_part_of_a_name(nlp):
    doc = with_model_ents(
        nlp, "Jeder Imkerverein zeigte seinen Honig.", [("Jeder Imkerverein", "ORG")]
    )
    assert not any(name.startswith("Jeder") for name in _orgs(doc))


def test_direction_after_a_head_names_a_branch(nlp):
    doc = with_model_ents(nlp, "Zur Tagung kam der BLG-Bezirksverband Süd mit zwölf Leuten.", [])
    assert "BLG-Bezirksverband Süd" in _orgs(doc)


# -- national parliaments known by their one word (a state's only with its adjective) ---------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Bundesversammlung wählte am Mittwoch.", "Bundesversammlung"),
        ("Der Ständerat beschloss das Gesetz.", "Ständerat"),
    ],
)
def test_parliament_by_its_word(nlp, text, name):
    assert name in _orgs(with_model_ents(nlp, text, []))


def test_council_before_a_person_is_an_office(nlp):
    assert not _orgs(with_model_ents(nlp, "Es sprach alt Ständerat Max Huber.", []))


# -- a head the model leaves out of its organisation, or reads as a person's first word ---------
def test_model_person_opening_on_a_club_is_the_club(nlp):
    text = "Im Vorstand des Ortsvereins Velvornhof sitzen fünf Frauen."
    doc = with_model_ents(nlp, text, [("Ortsvereins Velvornhof", "PER")])
    assert "Ortsverein Velvornhof" in _orgs(doc)


def test_head_before_the_model_name_opens_it(nlp):
    text = "Vor dem Zelt der Interessengemeinschaft Saubere Flüsse standen Kinder Schlange."
    doc = with_model_ents(nlp, text, [("Saubere Flüsse", "ORG")])
    assert "Interessengemeinschaft Saubere Flüsse" in _orgs(doc)


def test_role_before_the_model_name_does_not_open_it(nlp):
    text = "Lange redete der Vorsitzende Saubere Flüsse."
    doc = with_model_ents(nlp, text, [("Saubere Flüsse", "ORG")])
    assert not any(name.startswith("Vorsitzende") for name in _orgs(doc))


# -- a university's unit named by its subjects ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Mit Brückenmodellen warb die Fakultät Bau- und Umweltingenieurwesen um Schüler.",
            "Fakultät Bau- und Umweltingenieurwesen",
        ),
        ("Auch der Fachbereich Chemie und Physik stellte aus.", "Fachbereich Chemie und Physik"),
        ("Die Fakultät Maschinenbau und die Stadt luden ein.", "Fakultät Maschinenbau"),
    ],
)
def test_subject_unit(nlp, text, name):
    assert name in _orgs(with_model_ents(nlp, text, []))


def test_unit_word_alone_is_no_name(nlp):
    assert not _orgs(with_model_ents(nlp, "Der Fachbereich und die Stadt luden ein.", []))


# -- a person's role and a theatre, opera or orchestra in the genitive ---------------------------
def test_stage_house_after_a_role(nlp):
    text = (
        "Blumen bekamen der Direktor der Philharmonie Tim Adler und die Leiterin des "
        "Stadttheaters Lea Brandt."
    )
    found = _orgs(with_model_ents(nlp, text, [("Tim Adler", "PER"), ("Lea Brandt", "PER")]))
    assert {"Philharmonie", "Stadttheater"} <= found


def test_bare_stage_word_after_a_role_is_no_name(nlp):
    assert not _orgs(with_model_ents(nlp, "Der Direktor des Theaters sprach lange.", []))


# -- a compound on a band's or company's kind before an unknown name ----------------------------
@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        ("Den Abend gestalteten die Rockband Velvorn und ein Chor.", [], "Velvorn"),
        ("Beim Sommerfest trat das Gitarrentrio ZELMORA auf.", [], "ZELMORA"),
        (
            "Eva Brandt vom Fensterhersteller Kelvatec zeigte neue Modelle.",
            [("Eva Brandt", "PER")],
            "Kelvatec",
        ),
        ("Der Vertrag des Softwareanbieters Trelvio läuft aus.", [], "Trelvio"),
        ("Ein Sprecher des Autokonzernes Velvorn bestätigte das.", [], "Velvorn"),  # "-es"
        # the model's span with the type word keeps the name alone
        (
            "Zuletzt spielte die Schülerband Kranzlix im Hof.",
            [("Schülerband Kranzlix", "ORG")],
            "Kranzlix",
        ),
    ],
)
def test_name_after_a_group_compound(nlp, text, ents, name):
    orgs = _orgs(with_model_ents(nlp, text, ents))
    assert name in orgs and not any(o != name and name in o for o in orgs)


@pytest.mark.parametrize(
    "text",
    [
        "Der Landesverband Nord tagte im Mai.",  # a longer head that ends alike
        "Es sang das Frauenensemble Süd.",  # a direction, no unknown word
        "Am Abend probte die Kinderband Regenbogen.",  # a common noun: left to the model
        "Gewonnen hat das Siegertrio Anna Roth, Eva Brandt und Tom Weber.",  # persons
        "Der Autohändler Ulm schloss früh.",  # a town
    ],
)
def test_no_name_after_a_group_compound(nlp, text):
    assert not _orgs(with_model_ents(nlp, text, []))


# -- a person's title the model takes into an organisation's name ------------------------------
def test_title_opening_a_model_name_is_the_persons_role(nlp):
    text = "Den Preis überreichte Tom Weber, Direktor Kammer Kelvingen, am Abend."
    doc = with_model_ents(nlp, text, [("Tom Weber", "PER"), ("Direktor Kammer Kelvingen", "ORG")])
    orgs = _orgs(doc)
    assert "Kammer Kelvingen" in orgs and not any("Direktor" in o for o in orgs)


@pytest.mark.parametrize(
    ("words", "role"),
    [
        (["Direktorin", "Volkshochschule"], True),
        (["Geschäftsführer", "Stadtwerke"], True),
        (["Gemeinderat", "Lindau"], False),  # a title that also names a body
        (["Präsidentin", "und"], False),  # no name after it
    ],
)
def test_opening_role(words, role):
    assert _opening_role(words, 0) is role


# -- a school or hospital named by its town's or its own adjective ------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Mensa vom Talheimer Gymnasium ist neu.", "Talheimer Gymnasium"),
        ("Im Herbst feiert die Städtische Musikschule ihr Jubiläum.", "Städtische Musikschule"),
        ("Ärzte des Lindauer Krankenhauses halfen.", "Lindauer Krankenhaus"),
    ],
)
def test_adjective_and_institution(nlp, text, name):
    assert name in _orgs(with_model_ents(nlp, text, []))


def test_town_adjective_before_a_school_named_after_a_person(nlp):
    text = "Es gewann das Lindauer Clara-Roth-Gymnasium."
    orgs = _orgs(with_model_ents(nlp, text, []))
    assert "Clara-Roth-Gymnasium" in orgs and "Lindauer Clara-Roth-Gymnasium" not in orgs


# -- a town that acts is its authority, also where the model reads the town alone ---------------
@pytest.mark.parametrize(
    "text",
    [
        "Die Stadt Tannheim lud zum Empfang ins Rathaus.",
        "Die Gemeinde Weilbach tritt als Sponsor auf.",
        "Die Bühne wurde von zwei Brauereien und der Stadt Tannheim bezahlt.",
        "Die Pokale wurden von der Gemeinde Weilbach gestiftet.",
    ],
)
def test_acting_town_is_the_authority(nlp, text):
    town = "Tannheim" if "Tannheim" in text else "Weilbach"
    doc = with_model_ents(nlp, text, [(town, "LOC")])
    assert any(o.endswith(town) and o != town for o in _orgs(doc))


@pytest.mark.parametrize(
    "text",
    [
        "Die Stadt Tannheim liegt an einem See.",
        "Wir fuhren durch die Stadt Tannheim und aßen Eis.",
        "Die Stadt Tannheim hat viele Gäste, die als Partner kamen.",
    ],
)
def test_town_that_does_not_act_stays_the_town(nlp, text):
    doc = with_model_ents(nlp, text, [("Tannheim", "LOC")])
    assert not any("Tannheim" in o for o in _orgs(doc))


# -- a clinic named by its portfolio ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Die Klinik für Innere Medizin bietet am Samstag Führungen an.",
            "Klinik für Innere Medizin",
        ),
        # two heads share the portfolio
        (
            "Die Klinik und Tagesklinik für Psychiatrie am Kreiskrankenhaus Lindau zieht um.",
            "Klinik und Tagesklinik für Psychiatrie",
        ),
        # a second body named after a person after the portfolio is a name of its own
        (
            "Das Institut für Geschichte der Stiftung Paul Kranzl zeigt Briefe.",
            "Institut für Geschichte",
        ),
        # an adjective after the portfolio's noun opens the sentence's object
        (
            "Im Herbst übernimmt die Klinik und Tagesklinik für Psychiatrie neue Räume.",
            "Klinik und Tagesklinik für Psychiatrie",
        ),
        # before the noun it belongs to the portfolio
        (
            "Morgen lädt die Landeszentrale für politische Bildung Talheim ein.",
            "Landeszentrale für politische Bildung Talheim",
        ),
    ],
)
def test_clinic_and_its_portfolio(nlp, text, name):
    orgs = _orgs(with_model_ents(nlp, text, []))
    assert name in orgs and not any(o.startswith(name) and o != name for o in orgs)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Wie Tom Weber von der Polizeiinspektion Lindau mitteilte, blieb es ruhig.",
            "Polizeiinspektion Lindau",
        ),
        ("Zeugen sollen sich beim Polizeirevier Süd melden.", "Polizeirevier Süd"),
    ],
)
def test_police_station_of_a_town_or_district(nlp, text, name):
    assert name in _orgs(with_model_ents(nlp, text, []))


# -- a firm's type word and two family names ----------------------------------------------------
def test_firm_of_two_families(nlp):
    text = "Die Brötchen lieferte die Bäckerei Kranzl und Wobbe. Alle lobten sie."
    orgs = _orgs(with_model_ents(nlp, text, []))
    assert "Bäckerei Kranzl und Wobbe" in orgs and "Wobbe" not in orgs


@pytest.mark.parametrize(
    "text",
    [
        "Die Bäckerei Kranzl und Söhne spendete Brot.",  # an inflected noun, no family
        "Die Bäckerei Kranzl und Ulm spendeten Brot.",  # a town
    ],
)
def test_no_second_family_after_a_firm(nlp, text):
    assert not any(o.endswith(("Söhne", "Ulm")) for o in _orgs(with_model_ents(nlp, text, [])))


# -- a consulate of a town, named in the nominative ---------------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Visa stellt das Generalkonsulat Lindau seit Montag wieder aus.",
            "Generalkonsulat Lindau",
        ),
        (
            "Laut einer Sprecherin des Generalkonsulats Lindau bleibt das Büro geschlossen.",
            "Generalkonsulat Lindau",
        ),
    ],
)
def test_consulate(nlp, text, name):
    doc = with_model_ents(nlp, text, [("Lindau", "LOC")])
    assert name in _orgs(doc) and "Lindau" not in _places(doc)


# -- a company's national branch ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Das sagte Tom Roth, Chef von Kelvatec Deutschland, beim Empfang.",
            "Kelvatec Deutschland",
        ),
        ("Mit Velvorn Europe kam ein weiterer Hersteller.", "Velvorn Europe"),
        ("Den Auftrag bekam die Kelvatec Deutschland.", "Kelvatec Deutschland"),
    ],
)
def test_national_branch(nlp, text, name):
    doc = with_model_ents(nlp, text, [])
    assert name in _orgs(doc) and not _places(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Das Team Deutschland gewann.",  # a common noun
        "Sie lebt schon lange in Kelvatec Deutschland.",  # after a locative
        # a surname before a country: no article or preposition of a company before it
        "Man hörte von Trainer Brandolf, dass Quellmeyer Österreich verlassen werde.",
    ],
)
def test_no_branch_before_a_country(nlp, text):
    assert not _orgs(with_model_ents(nlp, text, []))


# -- an acronym before a district's word is the body's branch there ----------------------------
def test_acronym_before_a_district_is_a_branch(nlp):
    doc = with_model_ents(
        nlp, "Das schildert Eva Roth vom BVKW Landkreis Celle.", [("Eva Roth", "PER")]
    )
    assert "BVKW Landkreis Celle" in _orgs(doc) and "Landkreis Celle" not in _orgs(doc)


def test_district_after_a_locative_is_no_body(nlp):
    doc = with_model_ents(nlp, "Im Landkreis Celle feierte man lange.", [])
    assert not _orgs(doc)


# -- a state's body named by a lower-case adjective ---------------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Sie arbeitet seit Mai im hessischen Umweltministerium.", "Umweltministerium"),
        ("Sie sprach im sächsischen Landtag über Schulen.", "Landtag"),
        ("Ein Vertreter des bayerischen Kultusministeriums kam.", "Kultusministerium"),
        ("Im Saal saßen Abgeordnete des thüringischen Landtages.", "Landtag"),
        ("Das teilte das mecklenburg-vorpommersche Sozialministerium mit.", "Sozialministerium"),
    ],
)
def test_state_body_after_its_adjective(nlp, text, name):
    assert name in _orgs(with_model_ents(nlp, text, []))


def test_town_office_after_an_everyday_adjective_is_none(nlp):
    assert not _orgs(with_model_ents(nlp, "Im städtischen Kulturamt war es ruhig.", []))

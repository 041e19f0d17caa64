"""Place classes that the rules used to miss or misread on reports nobody tuned on, each with
sentences written for this test. Rules only (no statistical model) unless the model's
reading is given."""

from __future__ import annotations

import pytest
from test_entities import orgs, places
from test_entities_general import with_model_ents


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


def place_rows(nlp, text: str) -> dict[str, tuple[str, str | None]]:
    return {m.text: (m.name, m.country_code) for m in nlp(text)._.places}


# -- towns of neighbouring countries under their own name -----------------------------------
@pytest.mark.parametrize(
    ("text", "town", "country"),
    [
        ("Die Delegation reiste im Mai nach Jihlava weiter.", "Jihlava", "CZ"),
        ("Der Chor aus Kamienna Góra sang zum Abschluss.", "Kamienna Góra", "PL"),
        ("Gespielt wurde zuletzt in Szombathely.", "Szombathely", "HU"),
    ],
)
def test_neighbour_town_by_its_own_name(nlp, text, town, country):
    assert place_rows(nlp, text).get(town, (None, None))[1] == country


def test_neighbour_town_own_name_needs_a_place_context(nlp):
    # the town's own name is no German word, but a name without context may be anything
    assert "Teplice" not in places(nlp, "Teplice heißt das neue Modell der Firma.")


def test_german_name_of_neighbour_town_is_kept(nlp):
    assert places(nlp, "Sie fuhren gestern nach Iglau.") == {"Iglau": "Iglau"}


# -- a town named like a word, which the report calls a town elsewhere ----------------------
def test_town_named_like_a_word_confirmed_by_the_report(nlp):
    text = "Froh sind alle, dass Wels wieder Gastgeber ist. Die Stadt Wels lädt ein."
    assert "Wels" in places(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # nothing in the report calls it a town
        "Froh sind alle, dass Wels wieder Gastgeber ist.",
        # the report calls it a town, but here it is the fish
        "Der Wels ist ein großer Fisch. Die Stadt Wels liegt an der Traun.",
        # a hall, not the town
        "Die Stadt Halle baut. Wir trafen uns an Halle 5 am Eingang.",
    ],
)
def test_word_sense_kept_where_the_context_says_so(nlp, text):
    found = places(nlp, text)
    assert "Wels" not in found and "Halle 5" not in found and "Halle" not in found


# -- a Swiss town with its canton's code ----------------------------------------------------
def test_canton_code_belongs_to_a_swiss_town(nlp):
    found = place_rows(nlp, "Das Turnier findet dieses Jahr in Alpthal SZ statt.")
    assert found == {"Alpthal SZ": ("Alpthal", "CH")}


def test_canton_code_makes_an_unknown_name_a_swiss_town(nlp):
    text = "Zweiter wurde Urs Brändli aus Lindwil TG vor Beat Koller aus Ebnet SG."
    assert place_rows(nlp, text) == {
        "Lindwil TG": ("Lindwil", "CH"),
        "Ebnet SG": ("Ebnet", "CH"),
    }


@pytest.mark.parametrize(
    "text",
    [
        # a club's abbreviation before the name, and capitals after a region of no country
        "Die SG Lindwil gewann das Derby.",
        "Die Lage in Europa SO bleibt offen.",
        "Wir trafen ihn in Rom AG und Co. nicht.",
    ],
)
def test_no_canton_code_without_a_swiss_town(nlp, text):
    assert all(not name.endswith((" SG", " SO", " AG")) for name in places(nlp, text))


# -- villages under 1,000 inhabitants (GeoNames' cities500) ---------------------------------
@pytest.mark.parametrize(
    ("text", "village", "country"),
    [
        ("Das Jodlerfest fand dieses Jahr in Alberswil statt.", "Alberswil", "CH"),
        ("Die Musik kam aus Abtswind und Würzburg.", "Abtswind", "DE"),
    ],
)
def test_village_in_a_place_context(nlp, text, village, country):
    assert place_rows(nlp, text).get(village, (None, None))[1] == country


def test_village_without_a_place_context_is_no_place(nlp):
    assert "Abtswind" not in places(nlp, "Abtswind hat gewonnen.")


# -- a town in a club's name ----------------------------------------------------------------
def test_second_town_of_a_club_name_is_no_place(nlp):
    found = places(nlp, "Im Finale trafen die HSG Borken/Abtswind und der TSV Kassel aufeinander.")
    assert "Abtswind" not in found


def test_towns_joined_by_a_slash_outside_a_club_name(nlp):
    assert "Abtswind" in places(nlp, "Die Gäste kamen aus Kassel/Abtswind angereist.")


# -- a town in the genitive inside what the model reads as an event -------------------------
@pytest.mark.parametrize(
    ("text", "event", "kept"),
    [
        # the genitive owns what follows: no event's name takes a town that way
        ("Darüber war man sich in Bremens Chefetagen einig.", "Bremens Chefetagen", True),
        # the town as it is, or its adjective, belongs to the event's name
        ("Zum Bremen Marathon kamen viele Läufer.", "Bremen Marathon", False),
        ("Die Kieler Woche lockte viele Segler an.", "Kieler Woche", False),
    ],
)
def test_town_in_a_model_event(nlp, text, event, kept):
    doc = with_model_ents(nlp, text, [(event, "EVT")])
    assert any(p.name in ("Bremen", "Kiel") for p in doc._.places) is kept


# -- the hall of a named valley or land, one compound ---------------------------------------
@pytest.mark.parametrize(
    ("text", "hall", "kept"),
    [
        ("Die Murrtalhalle war beim Konzert voll besetzt.", "Murrtalhalle", True),
        ("Die neue Sauerlandhalle hat sich bewährt.", "Sauerlandhalle", True),
        # a common noun before the landscape word, or none at all
        ("Die Festlandhalle war voll.", "Festlandhalle", False),
        ("Die Bergtalhalle wurde renoviert.", "Bergtalhalle", False),
        ("Die Talhalle ist alt.", "Talhalle", False),
    ],
)
def test_hall_of_a_named_valley(nlp, text, hall, kept):
    assert (hall in places(nlp, text)) is kept


# -- a hotel chain's name alone ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gefeiert wurde bis spät im Dorint, danach ging es heim.", {"Dorint": "venue"}),
        ("Vom Hilton aus fuhren die Busse zur Halle.", {"Hilton": "venue"}),
        # the chain's hotel with a name of its own stays one venue
        ("Wir wohnten im Maritim Hotel Ulm.", {"Maritim Hotel Ulm": "venue"}),
        # without a definite locative the chain is a company
        ("Dorint meldet ein gutes Jahr.", {}),
    ],
)
def test_hotel_chain_alone_after_a_definite_locative(nlp, text, expected):
    assert {m.text: m.kind for m in nlp(text)._.places} == expected


# -- a country's English name ---------------------------------------------------------------
def test_english_country_name_needs_a_place_context(nlp):
    assert places(nlp, "Die Forschung kommt aus Georgia und Jordan.") == {
        "Georgia": "Georgien",
        "Jordan": "Jordanien",
    }
    # alone it is as often a first name or a word of an English name
    assert places(nlp, "Die Rede hielt Georgia Brown vor der Georgia Society.") == {}


# -- a known place and a compass word the model reads as one name ------------------------------
def test_place_and_compass_word(nlp):
    text = "Die Gäste kamen aus Frankfurt Süd und aus Ulm."
    doc = with_model_ents(nlp, text, [("Frankfurt Süd", "LOC"), ("Ulm", "LOC")])
    assert {m.text: m.name for m in doc._.places} == {
        "Frankfurt Süd": "Frankfurt Süd",
        "Ulm": "Ulm",
    }


def test_compass_word_alone_is_no_name(nlp):
    # without the model's reading the known town stays the place
    assert places(nlp, "Die Gäste kamen aus Frankfurt Süd und aus Ulm.") == {
        "Frankfurt": "Frankfurt",
        "Ulm": "Ulm",
    }


# -- a district after a locative, an article and adjectives is the area --------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Es kamen Gäste aus dem benachbarten Landkreis Celle.", "Landkreis Celle"),
        ("Die Firmen im gesamten Landkreis Harburg profitieren.", "Landkreis Harburg"),
    ],
)
def test_district_after_locative_and_adjective(nlp, text, name):
    doc = nlp(text)
    assert name in {m.name for m in doc._.places}
    assert not doc._.organisations


def test_district_as_subject_stays_the_authority(nlp):
    doc = nlp("Der benachbarte Landkreis Celle hat die Förderung beschlossen.")
    assert not doc._.places


# -- a person the model reads as a place ---------------------------------------------------------
def test_first_name_and_unknown_surname_is_a_person(nlp):
    # "Sofia" is a town too: with an unknown word after it, the model's place is a person
    text = "Es forschten Jan Keller (Gymnasium Lindau) und Sofia Wicki (Realschule Wangen)."
    doc = with_model_ents(nlp, text, [("Jan Keller", "PER"), ("Sofia Wicki", "LOC")])
    assert not doc._.places


def test_town_named_with_a_first_name_stays_a_place(nlp):
    text = "Die Gäste kamen aus Maria Enzersdorf und Ulm."
    doc = with_model_ents(nlp, text, [("Maria Enzersdorf", "LOC"), ("Ulm", "LOC")])
    assert {m.text for m in doc._.places} == {"Maria Enzersdorf", "Ulm"}


@pytest.mark.parametrize("title", ["Mag.", "MMag.", "Dkfm.", "DDr."])
def test_abbreviated_title_the_tokenizer_splits_opens_a_person(nlp, title):
    text = f"Es sprachen Tom Keller und {title} Ilvy Burg, Leiterin des Hauses."
    doc = with_model_ents(nlp, text, [("Ilvy Burg", "LOC")])
    assert not doc._.places
    assert not doc._.organisations


# -- a plural of a town word before town names lists the towns -----------------------------------
def test_partner_towns_are_places(nlp):
    found = places(nlp, "Die Partnerstädte Chartres und Jena schickten Gäste.")
    assert {"Chartres", "Jena"} <= set(found.values())
    assert not orgs(nlp, "Die Partnerstädte Chartres und Jena schickten Gäste.")
    # a body's plural compound before a town stays the body
    assert "Stadtwerke Ulm" in orgs(nlp, "Die Stadtwerke Ulm luden ein.")


# -- known places joined by hyphens into one word --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Die Sieger der Runde Bodensee-Oberschwaben stehen fest.",
            "Bodensee-Oberschwaben",
            "region",
        ),
        ("Die Gäste kamen aus Hamburg-Altona.", "Hamburg-Altona", "district"),
    ],
)
def test_joined_places(nlp, text, name, kind):
    found = {m.name: m.kind for m in nlp(text)._.places}
    assert found == {name: kind}


def test_double_surname_is_no_joined_place(nlp):
    assert not places(nlp, "Es sprach Karl Meyer-Lindau über die Pläne.")


# -- a noun that says where something takes place, a copula and the venue --------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Spielort war das Lindenstadion.", "Lindenstadion"),
        ("Tagungsort war der Velvornpark bei Ulm.", "Velvornpark"),
    ],
)
def test_venue_after_a_venue_statement(nlp, text, name):
    assert name in places(nlp, text).values()


def test_venue_word_without_a_venue_statement(nlp):
    assert "Lindenstadion" not in places(nlp, "Sein Lieblingswort war das Lindenstadion.").values()


# -- a dateline or headline in capitals --------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "written", "name"),
    [
        (
            "KARLSRUHE (epd) – Der Kirchentag ging am Sonntag in Karlsruhe zu Ende.",
            "KARLSRUHE",
            "Karlsruhe",
        ),
        ("BAD KISSINGEN. Die Kurkonzerte beginnen im Mai.", "BAD KISSINGEN", "Bad Kissingen"),
    ],
)
def test_a_town_in_capitals_has_its_own_name(nlp, text, written, name):
    # capitals are the dateline's way of writing, not the town's: every mention shares one name
    assert place_rows(nlp, text)[written] == (name, "DE")
    assert {m.name for m in nlp(text)._.places} == {name}


# -- a town's word before a name the model reads as a place ----------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Gäste besuchten die Kolonie Lindwiesen am Nachmittag.", "Lindwiesen"),
        ("Der Rundgang führte durch den Ortsteil Brauhain.", "Brauhain"),
    ],
)
def test_model_place_after_a_town_word(nlp, text, name):
    doc = with_model_ents(nlp, text, [(name, "LOC")])
    assert name in {m.name for m in doc._.places}


def test_lone_model_place_without_a_town_word(nlp):
    text = "Die Gäste lobten Brauhain sehr."
    doc = with_model_ents(nlp, text, [("Brauhain", "LOC")])
    assert not doc._.places


# -- a town's name that only opens the model's longer foreign name -----------------------------
def test_town_name_opening_a_foreign_street_is_no_town(nlp):
    text = "Danach zog der Umzug durch die Rue de la Gare zum Markt."
    doc = with_model_ents(nlp, text, [("Rue de la Gare", "LOC")])
    assert "Rue" not in {m.name for m in doc._.places}


def test_town_coordinated_in_the_model_place_stays(nlp):
    text = "Die Sänger kamen aus Rue und Bulle."
    doc = with_model_ents(nlp, text, [("Rue und Bulle", "LOC")])
    assert {"Rue", "Bulle"} <= {m.name for m in doc._.places}


# -- a venue named with its adjectives ends before "im", "am" -------------------------------
def test_adjective_named_venue_ends_before_its_building(nlp):
    text = "Dann besuchten sie das Historische Stadtmuseum im Lindenkloster."
    found = places(nlp, text)
    assert found.get("Historische Stadtmuseum") == "Historisches Stadtmuseum"
    assert not any(" im " in name for name in found.values())


def test_venue_word_with_its_building_complement(nlp):
    text = "Dann besuchten sie das Naturkundemuseum im Lindeneum."
    assert "Naturkundemuseum im Lindeneum" in places(nlp, text).values()


# -- a place and a word after it ----------------------------------------------------------------
def test_country_and_a_predicate_noun_is_no_company(nlp):
    text = "Im nächsten Jahr wird die Schweiz Partner der Messe sein."
    doc = with_model_ents(nlp, text, [("Schweiz", "LOC")])
    assert "Schweiz" in {m.name for m in doc._.places}
    assert not doc._.organisations


def test_town_and_its_marketing_company(nlp):
    text = "Laut Ulm Partner kamen viele Gäste."
    doc = with_model_ents(nlp, text, [("Ulm", "LOC")])
    assert {m.name for m in doc._.organisations} == {"Ulm Partner"}


# -- an academy the model reads as a place after a place preposition ---------------------------
def test_academy_after_a_place_preposition_is_also_its_building(nlp):
    text = "Die Klasse wurde in die Bayerische Lindenakademie in Ulm eingeladen."
    doc = with_model_ents(nlp, text, [("Bayerische Lindenakademie", "LOC"), ("Ulm", "LOC")])
    assert "Bayerische Lindenakademie" in {m.name for m in doc._.places}
    assert "Bayerische Lindenakademie" in {m.name for m in doc._.organisations}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Die Bayerische Lindenakademie bietet Kurse an.", "LOC"),
        ("Die Klasse wurde in die Bayerische Lindenakademie eingeladen.", "ORG"),
    ],
)
def test_academy_acting_or_read_as_a_body_is_no_place(nlp, text, label):
    doc = with_model_ents(nlp, text, [("Bayerische Lindenakademie", label)])
    assert "Bayerische Lindenakademie" not in {m.name for m in doc._.places}


# -- a quoted name joined to a venue word by a hyphen -----------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Das Publikum lobte die neue «Lindner Sparkasse»-Halle sehr.",
            "«Lindner Sparkasse»-Halle",
        ),
        ("Das Konzert fand in der „Lindner Sparkasse“-Arena statt.", "„Lindner Sparkasse“-Arena"),
    ],
)
def test_quoted_name_before_a_hyphenated_venue_word(nlp, text, name):
    assert list(places(nlp, text).values()) == [name]


def test_hyphenated_venue_without_a_quoted_name(nlp):
    assert list(places(nlp, "Die Hans-Sachs-Halle war voll.").values()) == ["Hans-Sachs-Halle"]


# -- an everyday word after "im" the model reads as a place -----------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Die Bühne war im Nu umgebaut.",
        "Die Gäste blieben im Übrigen bis zum Schluss.",
    ],
)
def test_everyday_word_after_a_fused_locative_is_no_place(nlp, text):
    word = "Nu" if "Nu " in text else "Übrigen"
    doc = with_model_ents(nlp, text, [(word, "LOC")])
    assert not doc._.places


def test_unknown_name_after_a_fused_locative_is_a_place(nlp):
    text = "Das Konzert fand im Velvorn statt."
    doc = with_model_ents(nlp, text, [("Velvorn", "LOC")])
    assert "Velvorn" in {m.name for m in doc._.places}


# -- a venue's name after a role noun and "von" that the model reads as a body ---------------------
def test_venue_name_after_a_role_and_von_is_the_company(nlp):
    text = "Lena Brandt, Geschäftsführerin von Lindner Forum, war zufrieden."
    doc = with_model_ents(nlp, text, [("Lena Brandt", "PER"), ("Lindner Forum", "ORG")])
    assert {m.name for m in doc._.organisations} == {"Lindner Forum"}
    assert not doc._.places


def test_venue_name_after_a_locative_stays_the_venue(nlp):
    text = "Das Konzert fand im Lindner Forum statt."
    doc = with_model_ents(nlp, text, [("Lindner Forum", "ORG")])
    assert "Lindner Forum" in {m.name for m in doc._.places}


# -- a building's compound after a definite locative, though a town is named so -----------------
def test_building_compound_named_like_a_town_after_im(nlp):
    text = "Die Lesung fand gestern im Einhaus statt."
    doc = with_model_ents(nlp, text, [("Einhaus", "LOC")])
    assert [(m.name, m.kind) for m in doc._.places] == [("Einhaus", "venue")]


def test_town_named_like_a_building_compound_after_in(nlp):
    text = "Die Familie wohnt seit Jahren in Einhaus."
    doc = with_model_ents(nlp, text, [("Einhaus", "LOC")])
    assert [(m.name, m.kind) for m in doc._.places] == [("Einhaus", "city")]


# -- a name that reads like an event's after a statement of where something takes place ------
def test_venue_named_like_an_event_after_a_venue_statement(nlp):
    text = "Tagungsort ist die LINDEXPO in Ulm."
    doc = with_model_ents(nlp, text, [("LINDEXPO", "LOC"), ("Ulm", "LOC")])
    assert ("LINDEXPO", "venue") in {(m.name, m.kind) for m in doc._.places}


def test_name_like_an_event_without_a_venue_statement(nlp):
    text = "Die LINDEXPO zog viele Besucher an."
    doc = with_model_ents(nlp, text, [("LINDEXPO", "LOC")])
    assert not doc._.places


# -- a town's one square after an article where the model reads it as a place ------------------
def test_civic_landmark_the_model_reads_after_an_article(nlp):
    text = "Wie sich der Marktplatz heute zeigt, gefällt allen."
    doc = with_model_ents(nlp, text, [("Marktplatz", "LOC")])
    assert "Marktplatz" in {m.name for m in doc._.places}


@pytest.mark.parametrize(
    ("text", "ents"),
    [
        ("Wie sich der Marktplatz heute zeigt, gefällt allen.", []),
        ("Die Stadt plant einen Marktplatz im Süden.", [("Marktplatz", "LOC")]),
    ],
)
def test_civic_landmark_unread_or_indefinite_is_no_place(nlp, text, ents):
    doc = with_model_ents(nlp, text, ents)
    assert "Marktplatz" not in {m.name for m in doc._.places}


# -- a name joined by a hyphen to a compound on a place ending ---------------------------------
@pytest.mark.parametrize(
    ("text", "word", "kept"),
    [
        (
            "Abends öffnete das Lindner-Großplanetarium seine Kuppel.",
            "Lindner-Großplanetarium",
            True,
        ),
        ("Abends öffnete das Kinder-Planetarium seine Kuppel.", "Kinder-Planetarium", False),
    ],
)
def test_named_place_compound_without_a_preposition(nlp, text, word, kept):
    doc = with_model_ents(nlp, text, [(word, "LOC")])
    assert (word in {m.name for m in doc._.places}) is kept


# -- a name in capitals alone on the report's first line -----------------------------------------
@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("LINDWIL-SÜD\n\nDas Dorffest war gut besucht.", True),
        ("LINDWIL-SÜD feiert sein Dorffest.", False),
        ("Das Dorffest war gut besucht.\nLINDWIL-SÜD\n", False),
    ],
)
def test_capitals_alone_on_the_first_line(nlp, text, kept):
    doc = with_model_ents(nlp, text, [("LINDWIL-SÜD", "LOC")])
    assert ("LINDWIL-SÜD" in {m.text for m in doc._.places}) is kept


def test_capitals_alone_on_the_first_line_of_a_later_piece_are_no_dateline(nlp):
    # a report too long for one Doc is analysed in pieces; only the report's own first line
    # holds its dateline
    from spacy.tokens import Span

    from pipeline.extensions import CHUNK_START

    text = "LINDWIL-SÜD\n\nDas Dorffest war gut besucht."
    doc = nlp.make_doc(text)
    doc.user_data[CHUNK_START] = 100_000
    doc.ents = [Span(doc, 0, 1, label="LOC")]
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert "LINDWIL-SÜD" not in {m.text for m in doc._.places}

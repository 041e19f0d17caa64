"""Places and organisations on real-style German sentences: recognition, canonical names,
acronym linking, venue patterns, ambiguity and the precedence between layers."""

from __future__ import annotations

import pytest

from pipeline.nlp import load_nlp


def rules_only_nlp():
    """A blank pipeline with only the entity extractor: no NER model, no other extractor."""
    pipe = load_nlp("blank", extract=False)
    pipe.add_pipe("german_entities", config={"on_error": "raise"})
    return pipe


@pytest.fixture(scope="module")
def nlp(entities_nlp):
    return entities_nlp


def places(nlp, text: str) -> dict[str, str]:
    """Written text -> canonical name of every place mention."""
    return {m.text: m.name for m in nlp(text)._.places}


def orgs(nlp, text: str) -> dict[str, str]:
    return {m.text: m.name for m in nlp(text)._.organisations}


# -- places ---------------------------------------------------------------------------------
def test_cities_countries_states_and_regions(nlp):
    found = places(
        nlp,
        "Referenten kamen aus Cottbus, Ulm und Südwestfalen, aus Bayern, NRW und den "
        "Niederlanden sowie aus Litauen und den USA.",
    )
    assert found == {
        "Cottbus": "Cottbus",
        "Ulm": "Ulm",
        "Südwestfalen": "Südwestfalen",
        "Bayern": "Bayern",
        "NRW": "Nordrhein-Westfalen",
        "Niederlanden": "Niederlande",
        "Litauen": "Litauen",
        "USA": "USA",
    }


def test_place_records_carry_kind_country_and_coordinates(nlp):
    doc = nlp("Die Tagung fand in Mannheim statt, Gäste kamen aus Polen.")
    by_name = {m.name: m for m in doc._.places}
    mannheim, polen = by_name["Mannheim"], by_name["Polen"]
    assert (mannheim.kind, mannheim.country_code, mannheim.geonames_id) == ("city", "DE", 2873891)
    assert mannheim.latitude == pytest.approx(49.49, abs=0.01)
    assert (polen.kind, polen.country_code) == ("country", "PL")
    assert mannheim.source == "gazetteer"
    assert doc.text[mannheim.start_char : mannheim.end_char] == "Mannheim"


def test_genitive_and_official_state_names(nlp):
    found = places(
        nlp,
        "Eine Abordnung Kölns reiste in den Freistaat Thüringen.",
    )
    assert found["Kölns"] == "Köln"
    assert found["Freistaat Thüringen"] == "Thüringen"


def test_small_town_needs_a_place_context(nlp):
    assert places(nlp, "Die Bühne baute eine Firma aus Hundsangen bei Montabaur.") == {
        "Hundsangen": "Hundsangen",
        "Montabaur": "Montabaur",
    }


def test_essen_the_food_is_no_place(nlp):
    assert places(nlp, "Der Abend geht über in Musik, Essen und Netzwerken.") == {}
    assert places(nlp, "Das Spiel heißt „Pixel Garden – Ernte ist alles“.") == {}


def test_essen_the_city_in_context(nlp):
    assert places(nlp, "Die Messe fand in Essen statt.") == {"Essen": "Essen"}
    assert "Essen" in places(nlp, "Essen (dpa) - Die Besucher kamen zahlreich.")
    assert places(nlp, "Gäste kamen aus Dortmund, Bochum und Essen.")["Essen"] == "Essen"


def test_town_named_surname_is_a_person(nlp):
    assert places(nlp, "Herr Weimar vom Landesamt sprach über Zahlen.") == {}
    assert places(nlp, "Es sprach Stephan Essen, danach sagte Essen noch etwas.") == {}


def test_rooms_and_halls_are_no_places(nlp):
    assert places(nlp, "Das Gruppenfoto entstand im Saal „Rigoletto“.") == {}
    assert places(nlp, "Der Stand befindet sich in Halle 5.") == {}


def test_adjectives_are_no_places(nlp):
    assert places(nlp, "Die Bremer Breakdancer und estnische Gäste feierten.") == {}


# -- venues ---------------------------------------------------------------------------------
def test_venue_patterns(nlp):
    found = places(
        nlp,
        "Das Treffen fand im Arena und Congress Center Forum Wesertal statt. Danach ging es "
        "auf Burg Falkenhorst und in die Mannheimer Otto-Lenz-Anlage, später ins "
        "Spielzeug-Museum, ins Museum für Glas und Keramik und zur Sternwarte Tycho Brahe.",
    )
    assert found == {
        "Arena und Congress Center Forum Wesertal": "Arena und Congress Center Forum Wesertal",
        "Burg Falkenhorst": "Burg Falkenhorst",
        "Otto-Lenz-Anlage": "Otto-Lenz-Anlage",
        "Spielzeug-Museum": "Spielzeug-Museum",
        "Museum für Glas und Keramik": "Museum für Glas und Keramik",
        "Sternwarte Tycho Brahe": "Sternwarte Tycho Brahe",
    }


def test_venue_names_in_nominative(nlp):
    found = places(nlp, "Besucher zog es in das Deutsche Technikmuseum und in das Neue Museum.")
    assert found == {
        "Deutsche Technikmuseum": "Deutsches Technikmuseum",
        "Neue Museum": "Neues Museum",
    }


def test_city_adjective_venue_shares_the_name_of_its_plain_form(nlp):
    doc = nlp("Der Lesekreis im Literaturhaus Kiel: im Kieler Literaturhaus war es voll.")
    assert {m.name for m in doc._.places if m.kind == "venue"} == {"Literaturhaus Kiel"}


def test_known_venue_keeps_the_city_where_the_text_uses_it(nlp):
    doc = nlp("Unser Stand stand im City Cube, und abends zeigte uns Berlin seine Lichter.")
    by_text = {m.text: m for m in doc._.places}
    assert by_text["City Cube"].name == "CityCube Berlin"
    assert by_text["City Cube"].kind == "venue"
    assert by_text["Berlin"].kind == "city"


def test_venue_acronym_is_linked(nlp):
    found = places(
        nlp, "Im Congress Center Leipzig (CCL) gab es 184 Veranstaltungen. Das CCL schließt."
    )
    assert set(found.values()) == {"Congress Center Leipzig"}
    assert "CCL" in found


def test_named_event_hides_its_city(nlp):
    assert places(nlp, "Auf der Kieler Woche 2018 waren Drohnen ein Thema.") == {}


# -- organisations --------------------------------------------------------------------------
def test_legal_forms_and_canonical_names(nlp):
    found = orgs(
        nlp,
        "Zu ihr gehörten Lea Brandt von der pixelkram Studios UG, Vertreter des Bitkom e.V. "
        "und der visitKassel Gastgeber e. V. sowie die Leipziger Messe GmbH.",
    )
    assert set(found.values()) == {
        "pixelkram Studios UG",
        "Bitkom e.V.",
        "visitKassel Gastgeber e.V.",
        "Leipziger Messe GmbH",
    }


def test_role_noun_is_not_part_of_the_name(nlp):
    found = orgs(
        nlp,
        "Lea Brandt, Sprecherin des Messeveranstalters Nordic Fair Services GmbH, zieht Bilanz.",
    )
    assert list(found.values()) == ["Nordic Fair Services GmbH"]


def test_associations_in_nominative(nlp):
    found = orgs(
        nlp,
        "Zum Fachgespräch im Rathaus lud der Deutsche Kinder- und Jugendbund mit dem "
        "Deutschen Städtetag die Schulleitungen ein.",
    )
    assert set(found.values()) == {"Deutscher Kinder- und Jugendbund", "Deutscher Städtetag"}


def test_public_bodies(nlp):
    found = orgs(
        nlp,
        "Es folgte ein Workshop des Bundesministerium für Bildung, Wissenschaft und Forschung. "
        "Veranstalter waren das Kongress Palais Kassel sowie die Agentur für Arbeit Ulm Süd; "
        "die IHK Kassel unterstützte.",
    )
    assert set(found.values()) == {
        "Bundesministerium für Bildung, Wissenschaft und Forschung",
        "Agentur für Arbeit Ulm Süd",
        "IHK Kassel",
    }


def test_genitive_body_keeps_its_place(nlp):
    doc = nlp("Es sprach die Präsidentin des Landtags des Saarlandes.")
    assert [m.name for m in doc._.organisations] == ["Landtag des Saarlandes"]
    assert [m.name for m in doc._.places] == ["Saarland"]


def test_acronym_defined_in_brackets_is_linked(nlp):
    doc = nlp(
        "Veranstalter ist die Nordic Fair Services GmbH (K.M.V.). "
        "K.M.V.-Geschäftsführerin Olga Brenner sagte, die K.M.V. sei zufrieden."
    )
    names = {m.name for m in doc._.organisations}
    assert names == {"Nordic Fair Services GmbH"}
    assert {m.acronym for m in doc._.organisations} == {"K.M.V."}
    assert len(doc._.organisations) >= 3


def test_short_form_shares_the_full_name(nlp):
    doc = nlp(
        "Die Smart Country Convention des Bitkom e.V. begann. Nach einer Begrüßung von Seiten "
        "des Bitkom ging es weiter. Die Nordhessische Messe AG lud ein; die Nordhessische Messe "
        "zählte."
    )
    by_text = {m.text: m.name for m in doc._.organisations}
    assert by_text["Bitkom"] == "Bitkom e.V."
    assert by_text["Nordhessische Messe"] == "Nordhessische Messe AG"
    assert {m.legal_form for m in doc._.organisations} == {"e.V.", "AG"}


def test_research_institutes_and_news_agencies(nlp):
    found = orgs(
        nlp, "Karlsruhe (dpa/lsw) - Die „Digitalen Dörfer“ sind ein Projekt des Fraunhofer IGD."
    )
    assert set(found.values()) == {"dpa", "Fraunhofer IGD"}


def test_persons_and_events_are_neither(nlp):
    doc = nlp(
        "Landrätin Dr. Helga Bornemann begrüßte den estnischen Außenminister Tarmo Kivisild "
        "auf der Smart Country Convention."
    )
    assert doc._.places == [] and doc._.organisations == []


def test_report_whose_only_places_are_inside_organisation_names(nlp):
    doc = nlp(
        "Mit im Boot sind die IHK Kassel, Dresden Marketing, visitKassel "
        "Gastgeber e.V. sowie die Stadt Mannheim und das Team der Kulturbetriebe Dresden."
    )
    assert doc._.places == []
    assert {m.name for m in doc._.organisations} == {
        "IHK Kassel",
        "Dresden Marketing",
        "visitKassel Gastgeber e.V.",
        "Stadt Mannheim",
        "Kulturbetriebe Dresden",
    }


def test_city_after_locative_is_a_place_not_an_actor(nlp):
    doc = nlp("Die Tagung fand in der Stadt Mannheim statt.")
    assert [m.name for m in doc._.places] == ["Mannheim"]
    assert doc._.organisations == []


def test_coordination_with_an_organisation_wins_over_places_inside(nlp):
    doc = nlp("Partner sind die Lüttgens Holding und Sanofi Aventis Deutschland.")
    assert {m.name for m in doc._.organisations} == {
        "Lüttgens Holding",
        "Sanofi Aventis Deutschland",
    }
    assert doc._.places == []


def test_coordination_with_a_venue(nlp):
    found = places(nlp, "Magneten waren das Neue Museum (4100), das Stadtforum (3700) und andere.")
    assert set(found.values()) == {"Neues Museum", "Stadtforum"}


def test_club_acronym_and_place(nlp):
    doc = nlp("Er trainiert seit Jahren beim RSC Wetzlar.")
    assert [m.name for m in doc._.organisations] == ["RSC Wetzlar"]
    assert doc._.places == []


# -- combination with a statistical NER -----------------------------------------------------
@pytest.fixture(scope="module")
def nlp_with_ner():
    """A stand-in for the project's NER model: fixed doc.ents from an entity ruler, with the
    kind of errors a moderate model makes (a common noun as LOC, an event as ORG)."""
    pipe = load_nlp("blank", extract=False)
    ruler = pipe.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "LOC", "pattern": "Hauptstadt"},
            {"label": "LOC", "pattern": "Kulturfabrik Kampnagel"},
            {"label": "ORG", "pattern": "Smart Country Convention"},
            {"label": "ORG", "pattern": "Sanofi Aventis Deutschland"},
            {"label": "ORG", "pattern": "Ubisoft"},
            {"label": "LOC", "pattern": "Essen"},
            {"label": "PER", "pattern": "Mia Wong"},
            {"label": "ORG", "pattern": "Ärztekammer"},
            {"label": "ORG", "pattern": "BAU MESSE"},
            {"label": "LOC", "pattern": "Rohrleitungen"},
            {"label": "ORG", "pattern": "Pressestelle"},
            {"label": "ORG", "pattern": "Goethestraße"},
            {"label": "LOC", "pattern": "Stadtführungen"},
            {"label": "LOC", "pattern": "Kapellenberg"},
            {"label": "ORG", "pattern": "Fachmesse Baumaschinen Süd"},
        ]
    )
    pipe.add_pipe("german_entities", config={"on_error": "raise"})
    return pipe


def test_ner_fills_gaps_and_is_checked(nlp_with_ner):
    doc = nlp_with_ner(
        "Die Smart Country Convention in der Hauptstadt zeigte Neues von Ubisoft und "
        "Sanofi Aventis "
        "Deutschland, abends ging es in die Kulturfabrik Kampnagel und nach Essen."
    )
    by_text = {m.text: m for m in doc._.places}
    assert set(by_text) == {"Kulturfabrik Kampnagel", "Essen"}
    assert by_text["Kulturfabrik Kampnagel"].source == "ner"
    assert by_text["Essen"].kind == "city"  # the gazetteer's data for a known name
    assert {m.name: m.source for m in doc._.organisations} == {
        "Ubisoft": "ner",
        "Sanofi Aventis Deutschland": "ner",
    }


def test_rules_win_over_overlapping_ner(nlp_with_ner):
    doc = nlp_with_ner("Jury: Tom Keller von der pixelkram Studios UG, Mia Hartung von Microsoft.")
    assert [m.name for m in doc._.organisations] == ["pixelkram Studios UG", "Microsoft"]
    assert doc._.places == []


def test_idioms_and_offices_are_neither(nlp):
    doc = nlp(
        "Das Zelt geriet in Brand. Er übernahm das Amt des Vizepräsidenten und lief von Amt zu "
        "Amt; das Unternehmen wuchs mindestens um zehn Prozent."
    )
    assert doc._.places == [] and doc._.organisations == []


def test_body_with_a_specific_complement(nlp):
    found = orgs(
        nlp,
        "Es sprachen Vertreter der Universität zu Köln, des Amtes für Umwelt und der "
        "Bundeszentrale für politische Bildung (bpb).",
    )
    assert set(found.values()) == {
        "Universität zu Köln",
        "Amt für Umwelt",
        "Bundeszentrale für politische Bildung",
    }


def test_lower_case_brand_after_a_type_noun(nlp):
    assert orgs(nlp, "Den Preis holte das Startup wuselwerk aus Bietigheim.") == {
        "wuselwerk": "wuselwerk"
    }


def test_districts(nlp):
    doc = nlp(
        "Die Feier fand im Landkreis Göttingen statt, Gäste kamen aus dem Rhein-Sieg-Kreis "
        "und aus dem Stadtteil Kreuzberg. Der Landkreis Göttingen lud ein."
    )
    assert {(m.name, m.kind) for m in doc._.places} == {
        ("Landkreis Göttingen", "district"),
        ("Rhein-Sieg-Kreis", "district"),
        ("Kreuzberg", "district"),
    }
    assert [m.name for m in doc._.organisations] == ["Landkreis Göttingen"]


# -- generalisation: squares, landmarks, regions, clubs, compounds ---------------------------
def test_named_squares_parks_and_halls_after_a_place_preposition(nlp):
    found = places(
        nlp,
        "Der Flohmarkt zieht vom Odeonsplatz in den Grugapark um, das Konzert steigt auf dem "
        "Marktplatz und dem Festplatz; zwischen Wittelsbacherplatz und Karolinenplatz ist Ruhe.",
    )
    # "auf dem Marktplatz": the town's one market square, a place although the lexicon lists
    # the word; "Festplatz" (a compound on an everyday word) counts as its coordinated partner
    assert found == {
        "Odeonsplatz": "Odeonsplatz",
        "Grugapark": "Grugapark",
        "Marktplatz": "Marktplatz",
        "Festplatz": "Festplatz",
        "Wittelsbacherplatz": "Wittelsbacherplatz",
        "Karolinenplatz": "Karolinenplatz",
    }


def test_square_named_like_a_common_noun_needs_the_ner(nlp, nlp_with_ner):
    text = "Das Feuerwerk über dem Kapellenberg sahen alle, auch die auf dem Festplatz."
    assert places(nlp, text) == {}
    assert places(nlp_with_ner, text) == {"Kapellenberg": "Kapellenberg"}


def test_square_with_a_house_number_is_an_address(nlp):
    assert places(nlp, "Anmeldung im Bürgerbüro, Lindenplatz 4, bis Freitag.") == {}


def test_latinate_building_names_and_genitive(nlp):
    found = places(nlp, "Vor den Stufen des Johanneums und im Athenaeum drängten sich Gäste.")
    assert found == {"Johanneums": "Johanneum", "Athenaeum": "Athenaeum"}


def test_venue_compound_with_a_place_or_an_am_im_complement(nlp):
    found = places(
        nlp,
        "Die Lesung im Stadtmuseum Erfurt war voll, die Gala fand in der Festhalle am See "
        "statt und die Ausstellung im Kunstmuseum am Dom; am Montag war im Rahmen der "
        "Woche das Museum geschlossen. Übernachtet wurde im Hotel Goldener Hirsch.",
    )
    assert found == {
        "Stadtmuseum Erfurt": "Stadtmuseum Erfurt",
        "Festhalle am See": "Festhalle am See",
        "Kunstmuseum am Dom": "Kunstmuseum am Dom",
        "Hotel Goldener Hirsch": "Hotel Goldener Hirsch",
    }


def test_venue_with_a_lower_case_hyphenated_name(nlp):
    assert places(nlp, "Der Einlass erfolgt an der kubus-Halle.") == {"kubus-Halle": "kubus-Halle"}


def test_fairground_after_a_preposition_is_a_venue(nlp):
    doc = nlp("Die Schau fand in der Messe Stuttgart statt; Veranstalter war die Messe Essen.")
    assert [(m.name, m.kind) for m in doc._.places] == [("Messe Stuttgart", "venue")]
    assert [m.name for m in doc._.organisations] == ["Messe Essen"]


def test_city_adjective_venue_keeps_its_written_form(nlp):
    assert places(nlp, "Das Finale steigt in der Wiener Stadthalle.") == {
        "Wiener Stadthalle": "Wiener Stadthalle"
    }


def test_compass_regions_abbreviated_towns_and_curated_regions(nlp):
    found = places(
        nlp,
        "Die Teams reisten aus Osthessen, Nordbayern und Westpolen an, aus St. Ingbert, "
        "Hann. Münden und dem Vogtland, aus der Rhön, der Pfalz und dem Kanton Zürich.",
    )
    assert found == {
        "Osthessen": "Osthessen",
        "Nordbayern": "Nordbayern",
        "Westpolen": "Westpolen",
        "St. Ingbert": "St. Ingbert",
        "Hann. Münden": "Hann. Münden",
        "Vogtland": "Vogtland",
        "Rhön": "Rhön",
        "Pfalz": "Pfalz",
        "Kanton Zürich": "Kanton Zürich",
    }


def test_first_name_that_inflects_like_a_town_is_a_person(nlp):
    assert places(nlp, "Den Pokal erhielt Jonas Weber aus Gießen.") == {"Gießen": "Gießen"}


def test_complement_list_with_a_trailing_city(nlp):
    found = orgs(
        nlp, "Laut der Hochschule für Musik, Theater und Medien Hannover (HMTMH) stieg die Zahl."
    )
    assert set(found.values()) == {"Hochschule für Musik, Theater und Medien Hannover"}


def test_genitive_of_a_place_head_organisation(nlp):
    assert orgs(nlp, "Auf Einladung des Landkreises Harburg kamen 200 Gäste.") == {
        "Landkreises Harburg": "Landkreis Harburg"
    }


def test_hyphen_elided_coordination_before_a_legal_form(nlp):
    found = orgs(
        nlp, "Mitveranstalter ist der Arbeitskreis Boden- und Gewässerschutz e.V. aus Kiel."
    )
    assert set(found.values()) == {"Arbeitskreis Boden- und Gewässerschutz e.V."}


def test_single_word_organisation_compounds(nlp):
    found = orgs(
        nlp,
        "Der Niersverband und die Bosch-Stiftung förderten das Projekt, die Messegesellschaft "
        "und die Handwerkskammer warben dafür.",
    )
    assert set(found.values()) == {"Niersverband", "Bosch-Stiftung"}


def test_clubs_with_numbers_and_places(nlp):
    found = orgs(
        nlp,
        "Es siegte Anna Roth von den Radfreunden Kassel vor dem TSV 1880 Wasserburg, dem "
        "1. FC Kaiserslautern und dem SV Darmstadt.",
    )
    assert set(found.values()) == {
        "Radfreunde Kassel",
        "TSV 1880 Wasserburg",
        "1. FC Kaiserslautern",
        "SV Darmstadt",
    }


def test_known_acronym_links_to_the_name_it_abbreviates(nlp):
    doc = nlp("Das Deutsche Rote Kreuz (DRK) war vor Ort. Das DRK versorgte 40 Menschen.")
    assert {m.name for m in doc._.organisations} == {"Deutsches Rotes Kreuz"}


def test_bare_head_noun_refers_to_the_full_name(nlp_with_ner):
    doc = nlp_with_ner(
        "Geladen hatte die Ärztekammer Westfalen-Lippe. Die Ärztekammer zählte 90 Gäste."
    )
    assert {m.name for m in doc._.organisations} == {"Ärztekammer Westfalen-Lippe"}


def test_ner_noise_common_noun_compounds_streets_and_fair_editions(nlp_with_ner):
    doc = nlp_with_ner(
        "Die BAU MESSE 2024 zeigte Rohrleitungen. Die nächste BAU MESSE kommt; Kontakt: "
        "Pressestelle, Goethestraße 3. Es gab Stadtführungen."
    )
    assert doc._.organisations == []
    assert doc._.places == []


def test_plural_compound_before_a_place_is_an_organisation(nlp):
    doc = nlp(
        "Unterstützt wurde das Fest von den Verkehrsbetrieben Zürich und den Stadtwerken "
        "Ulm; die Besucher Berlins staunten."
    )
    assert {m.name for m in doc._.organisations} == {"Verkehrsbetriebe Zürich", "Stadtwerke Ulm"}


def test_ner_event_compound_is_no_organisation(nlp_with_ner):
    doc = nlp_with_ner("Auf der Fachmesse Baumaschinen Süd zeigten Firmen ihre Bagger.")
    assert doc._.organisations == []


def test_city_adjective_before_an_organisation_head(nlp):
    found = orgs(
        nlp,
        "Es zahlten die Dresdner Verkehrsbetriebe und die Zürcher Kantonalbank; die Lehrer "
        "Gewerkschaft blieb fern.",
    )
    assert set(found.values()) == {"Dresdner Verkehrsbetriebe", "Zürcher Kantonalbank"}


def test_official_long_town_names(nlp):
    found = places(nlp, "Die Tour führt von Freiburg im Breisgau nach Mülheim an der Ruhr.")
    assert found == {"Freiburg im Breisgau": "Freiburg", "Mülheim an der Ruhr": "Mülheim"}


def test_compound_on_a_river_name_is_an_organisation(nlp):
    assert orgs(nlp, "Der Erftverband und der Heimatverein pflanzten Bäume.") == {
        "Erftverband": "Erftverband"
    }


def test_opera_and_fair_buildings_after_a_preposition_are_venues(nlp):
    doc = nlp(
        "Das Ensemble der Bayerischen Staatsoper gastierte in der Komischen Oper Berlin und in "
        "der Kölner Oper; die Dresdner Philharmonie spielte."
    )
    assert {m.name for m in doc._.places} == {"Komische Oper Berlin", "Kölner Oper"}
    assert {m.name for m in doc._.organisations} == {"Bayerische Staatsoper"}


def test_street_from_the_ner_is_an_address_not_an_organisation(nlp_with_ner):
    doc = nlp_with_ner("Die Pressestelle sitzt in der Goethestraße 3.")
    assert doc._.organisations == [] and doc._.places == []


def test_institution_center_is_an_organisation(nlp):
    doc = nlp("Studierende des Innovation Center Bochum tagten im Congress Center Bochum.")
    assert [m.name for m in doc._.organisations] == ["Innovation Center Bochum"]
    assert [m.name for m in doc._.places] == ["Congress Center Bochum"]


# -- organisations: coreference, clubs, publishers, regional bodies, facilities -------------
def test_administration_and_short_club_names_share_the_full_name(nlp):
    found = orgs(
        nlp,
        "Die Gemeindeverwaltung Bad Wimpfen teilte mit, dass die Gemeinde Bad Wimpfen das "
        "Fest fördert.",
    )
    assert set(found.values()) == {"Gemeinde Bad Wimpfen"}
    found = orgs(nlp, "Blau-Weiß Lohne: Der SV Blau-Weiß Lohne 1894 e.V. richtet das Turnier aus.")
    assert set(found.values()) == {"SV Blau-Weiß Lohne 1894 e.V."}


def test_club_abbreviation_and_name_words(nlp):
    found = orgs(nlp, "Gastgeber ist der SC Rot-Weiß Ahrweiler, Gegner die LG Nordlicht Kiel.")
    assert set(found.values()) == {"SC Rot-Weiß Ahrweiler", "LG Nordlicht Kiel"}
    assert orgs(nlp, "Im TV Programm lief nichts.") == {}


def test_public_body_and_company_names(nlp):
    found = orgs(
        nlp,
        "Das Staatssekretariat für Migration lud ein, die Tagung war im Rechenzentrum der "
        "Nordlicht Hosting AG. Veranstalter ist die Ferber & Hansen GmbH & Co. KG.",
    )
    assert set(found.values()) == {
        "Staatssekretariat für Migration",
        "Nordlicht Hosting AG",
        "Ferber & Hansen GmbH & Co. KG",
    }


def test_publishers_and_regional_institutions(nlp):
    found = orgs(
        nlp,
        "Das Buch erschien im Wallstein Verlag, im Kompass Verlag und im Verlag Klaus Wagenbach. "
        "Die Volksbank "
        "Mittelhessen und der Präsident des Sportkreises Ravensburg gratulierten.",
    )
    assert set(found.values()) == {
        "Wallstein Verlag",
        "Kompass Verlag",
        "Verlag Klaus Wagenbach",
        "Volksbank Mittelhessen",
        "Sportkreis Ravensburg",
    }
    assert places(nlp, "Der Präsident des Sportkreises Ravensburg sprach.") == {}


def test_fair_and_festival_titles_are_no_organisations(nlp):
    doc = nlp("Die Buchmesse Saar und das Kieler Craft Beer Festival lockten viele Besucher.")
    assert doc._.organisations == []
    doc = nlp("Besucher der Kunstmesse Rhein kamen aus der Region.")
    assert doc._.organisations == []


def test_district_compounds_foreign_towns_and_venues(nlp):
    found = places(
        nlp,
        "Gäste kamen aus dem Vogelsbergkreis und aus der Partnerstadt Villeneuve-sur-Lot. Der "
        "Arbeitskreis tagte im Ökologisch-Botanischen Garten, gefeiert wurde im Vereinsheim am "
        "Lindenbühl.",
    )
    assert found == {
        "Vogelsbergkreis": "Vogelsbergkreis",
        "Villeneuve-sur-Lot": "Villeneuve-sur-Lot",
        "Ökologisch-Botanischen Garten": "Ökologisch-Botanischer Garten",
        "Vereinsheim am Lindenbühl": "Vereinsheim am Lindenbühl",
    }


def test_foundation_with_a_name_but_not_with_a_common_noun(nlp):
    found = orgs(nlp, "Die Stiftung Mercator lädt ein, wenn die Stiftung Gelder bereitstellt.")
    assert set(found.values()) == {"Stiftung Mercator"}


def test_ner_span_inside_a_quoted_motto_is_no_name(nlp):
    from spacy.tokens import Span

    from pipeline.entities.ner import _in_motto

    doc = nlp.make_doc("Unter dem Leitthema „Smart Mobility Alliance – Moving Cities“ tagte man.")
    words = [t.text for t in doc]
    start = words.index("Moving")
    assert _in_motto(Span(doc, start, start + 2))
    assert _in_motto(Span(doc, words.index("Smart"), words.index("Alliance") + 1))
    doc = nlp.make_doc("Zum Thema „Energie“ sprach die IHK Bremen.")
    start = [t.text for t in doc].index("IHK")
    assert not _in_motto(Span(doc, start, start + 2))


def test_ner_people_noun_before_a_name_is_no_organisation(nlp):
    from spacy.tokens import Span

    finder = nlp.get_pipe("german_entities").ner
    doc = nlp.make_doc(
        "Es spielten die Kölner Rapper Mainzer Hofsänger und die Berliner Philharmoniker."
    )
    words = [t.text for t in doc]
    rapper = words.index("Kölner")
    assert finder._people_before_name(Span(doc, rapper, rapper + 2))
    orchestra = words.index("Berliner")
    assert not finder._people_before_name(Span(doc, orchestra, orchestra + 2))


def test_ner_role_before_a_person_and_work_titles_are_no_organisations(nlp):
    from spacy.tokens import Span

    from pipeline.entities.ner import _in_motto

    finder = nlp.get_pipe("german_entities").ner
    doc = nlp.make_doc("Es sang der Ex-Silbermond-Frontmann Thomas Kruse am Abend.")
    start = [t.text for t in doc].index("Ex-Silbermond-Frontmann")
    assert finder._role_and_person(Span(doc, start, start + 3))
    doc = nlp.make_doc("Sie entwickelten das Spiel „Iron Harvest – Krieg der Maschinen“.")
    start = [t.text for t in doc].index("Iron")
    assert _in_motto(Span(doc, start, start + 2))

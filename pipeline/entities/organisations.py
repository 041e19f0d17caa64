"""Organisations by pattern (org_patterns.json).

- a legal form closes a name: "Nordic Fair Services GmbH", "pixelkram Studios UG",
  "visitKassel Gastgeber e.V."; the name runs left over capitalised or unknown words and
  stops at articles, prepositions and role nouns ("des Messeveranstalters ...");
- a body and its complement: "Bundesministerium für Bildung und Forschung", "Agentur für
  Arbeit Köln Nord", "Senats der Freien Hansestadt Bremen";
- capitalised adjectives and an organisation noun: "Deutscher Städtetag", "Deutsche Städte-
  und Gemeindebund";
- a head word and a place: "IHK Kassel", "Stadt Mannheim" (as actor, not after "in"),
  "Kulturbetriebe Dresden", "Dresden Marketing", an acronym and a place ("LAC Homburg");
- research prefixes: "Fraunhofer IGD", "Max-Planck-Institut für ...";
- a type noun before a name: "das Startup creatale";
- organisations known by a fixed short name (news agencies: "dpa"); a known fair company after
  a place preposition is the fairground ("in der Messe Essen", see venues.py);
- one word on an organisation ending whose first part is a name ("Emschergenossenschaft",
  "Bosch-Stiftung"; not "Messegesellschaft", "Handwerkskammer");
- clubs: "TSV 1860 München", "1. FC Köln", "von den Lauffreunden Wetterau";
- a plural compound and a place: "Kulturbetriebe Dresden", "den Verkehrsbetrieben Zürich";
- genitive heads ("des Kreises Gütersloh" -> "Kreis Gütersloh"), a place after a complement
  list ("Hochschule für Technik, Wirtschaft und Kultur Leipzig"), hyphen-elided coordination
  before a legal form ("Fachverband Wasser- und Abwassertechnik e.V.").
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace
from functools import cache, lru_cache
from itertools import compress, groupby, pairwise

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Token

from pipeline.entities.candidates import (
    CITY,
    COUNTRY,
    DISTRICT,
    NER_SOURCE,
    ORG,
    OTHER,
    PERSON_LABELS,
    PLACE,
    REGION,
    STATE,
    Candidate,
)
from pipeline.entities.canonical import (
    GENITIVE_ENDINGS,
    LemmaLookup,
    before_attributive_adjectives,
    canonical_span,
    genitive_stems,
    head_noun,
    is_adjective,
    is_dictionary_word,
)
from pipeline.entities.everyday import is_everyday_word
from pipeline.entities.gazetteer import Gazetteer, city_of_adjective
from pipeline.entities.org_evidence import (
    dateline_source_at,
    is_org_head,
    names_event,
    org_cues,
)
from pipeline.entities.persons import person_starts
from pipeline.entities.unknown_names import place_name_end
from pipeline.entities.words import (
    ARTICLES,
    GENITIVE_ARTICLES,
    PROPER_ADJECTIVE_STEMS,
    TRUNCATION_JOINERS,
    WordValues,
    common_nouns,
    ent_bounds,
    entity_word_list,
    entity_words,
    first_names,
    fold,
    has_upper,
    is_acronym,
    is_capitalised,
    is_generic_compound,
    is_noun_compound,
    is_noun_form,
    is_regional_adjective,
    noun_genders,
    org_patterns,
    org_place_heads,
    person_titles,
    positions,
    span_of,
    token_texts,
    values_of,
    venue_patterns,
)
from pipeline.lang import administrative_words
from pipeline.numbers import parse_number_word
from pipeline.quotation_marks import CLOSING as CLOSING_QUOTES
from pipeline.quotation_marks import OPENING as OPENING_QUOTES

MAX_NAME_WORDS = 6
MAX_ADJECTIVES = 3
NAME_CONNECTORS = frozenset({"&", "+"})
MAX_UNKNOWN_NAME = 3
MIN_GROUP_PREFIX = 3  # "Rock|band", "Gitarren|trio": a compound, not the type noun alone
# later parts of one compound that may add their initials to an acronym: each doubles the
# choices, and an acronym takes at most two of them from one word ("Gewerbe|gemeinschaft")
MAX_INNER_INITIALS = 2
MAX_ACT_WORDS = 4  # words after a town's name where its verb, participle or role stands
MAX_SUBJECTS = 5  # words of a university unit's subjects ("Bau- und Umweltingenieurwesen")
MIN_STAGE_PREFIX = 3  # "Staats|oper": the part before a stage's ending in a name of one house
MIN_STAGE_NAME = 10  # "Schauspielhaus", "Philharmonie": long enough to name a house alone
FIRM_NOUNS = entity_words("firm_noun")  # only a company's name follows ("die Firma X")
ROLE_ABBREVIATIONS = entity_words("role_abbreviation")  # "Eva Roth, GF Kramer Bau"
# the word lists are in lang/de/entity_words.tsv, whose header says what each kind is for
FOUNDATION_BEFORE = entity_words("foundation_before")
KNOWN_NAME_ENDS = entity_words("known_name_end")
SETTLEMENT_PLURALS = entity_word_list("settlement_plural_ending")
AGENT_PREPOSITIONS = entity_words("agent_preposition")
PASSIVE_AGENT_PREPOSITIONS = entity_words("passive_agent_preposition")
MAX_SERVICE_CLUB_NAME = 4  # words of a service club's own name ("Tannheim Alte Mühle")
INDEFINITE_ARTICLES = entity_words("indefinite_article")
POSSESSIVES = entity_words("possessive")
SPELLING_LINKS = entity_words("spelling_link")  # "... in Bayern (AKDB)"
SURNAME_PARTICLES = entity_words("noble_particle") - {"vom"}  # "vom" opens a place, no surname
ADJECTIVE_JOINERS = entity_words("adjective_joiner")  # "eine lustige und laute Tanzgruppe"
PLURAL_ENDINGS = entity_word_list("plural_ending")
CLUB_ORDINALS = entity_words("club_ordinal")
# the forms of the article a rule skips or asks for: the case tells a place from an actor
GENITIVE_DETERMINERS = entity_words("genitive_determiner")
PLACE_PAIR_DETERMINERS = entity_words("place_pair_determiner")
SINGULAR_GENITIVE_ARTICLES = entity_words("singular_genitive_article")
LOCATIVE_ARTICLES = entity_words("locative_article")
VENUE_ARTICLES = entity_words("venue_article")
GROUNDS_PREPOSITIONS = entity_words("grounds_preposition")
ACRONYM_DETERMINERS = entity_words("acronym_determiner")
PERSON_AFFILIATIONS = entity_words("person_affiliation")
# before a company's national branch; an article does too ("die Kelvatec Deutschland")
BRANCH_BEFORE = entity_words("branch_preposition") | entity_words("article")
MIN_BARE_ACRONYM = 3  # "die EU", "die AG": two letters are too often an everyday abbreviation
EDITION_YEAR_DIGITS = 4
MAX_REGION_CODE = 2  # "(ZG)", "(D)": a canton's or country's code after a town, no medium
MAX_QUOTED_WORDS = 5
PLACE_LABELS = frozenset({"LOC", "GPE"})  # the model's labels of a place
TOWN_KINDS = frozenset({CITY, DISTRICT, REGION})  # gazetteer kinds of a town's name
SENTENCE_MARKS = frozenset({".", "!", "?", ":", ";"})
MAX_HOUSE_NUMBER = 2  # digits of the number telling houses of one name apart ("Birkenhof 3")
MAX_INITIALS = 3  # "(tk)", "(gol)": an author's initials (news services are known by name)


class OrganisationFinder:
    def __init__(
        self, nlp: Language, gazetteer: Gazetteer, lemma: LemmaLookup | None = None
    ) -> None:
        p = org_patterns()
        self.gazetteer = gazetteer
        self.lemma = lemma
        self.nouns = common_nouns()

        def tokens(text: str) -> tuple[str, ...]:
            return tuple(t.text for t in nlp.make_doc(text))

        self.legal_forms = [(tokens(form), canon) for form, canon in p["legal_forms"]]
        self.weak_legal_forms = entity_words("weak_legal_form")
        self.complement_heads = tuple(p["complement_heads"])
        self.complement_words = frozenset(p["complement_words"])
        self.complement_joiners = frozenset(p["complement_joiners"])
        self.directions = frozenset(p["direction_words"])
        self.adjective_heads = tuple(p["adjective_heads"])
        # heads of a body's name, which a title ending does not make a person ("Stadtrat")
        self.body_heads = frozenset(self.complement_heads + self.adjective_heads)
        self.place_before = [tokens(w) for w in org_place_heads()]
        self.place_after = sorted(
            (tokens(w) for w in p["place_heads_after"]), key=lambda x: -len(x)
        )
        self.locative = frozenset(p["locative_before_actor"])
        self.prefix_names = frozenset(p["prefix_names"])
        self.type_nouns = frozenset(p["type_nouns"])
        self.federal_prefix = p["federal_prefix"]
        self.federal_kinds = frozenset(p["federal_kinds"])
        self.site_suffixes = frozenset(p["site_suffixes"])
        self.inner_words = frozenset(p["inner_name_words"])
        self.generic_heads = frozenset(p["generic_heads"])
        self.brand_type_nouns = frozenset(p["brand_type_nouns"])
        # "Messe Hannover" is a venue (or an organiser when the text says so), see venues.py
        self.venue_heads = frozenset(venue_patterns()["heads"])
        # "Messe" and its plural: a fair, its company or its ground by what stands around them
        self.fair_heads = frozenset(venue_patterns()["fair_name_heads"])
        self.fair_plurals = frozenset(venue_patterns()["fair_name_plurals"])
        self.role_suffixes = tuple(p["role_suffixes"])
        self.known = [(tokens(text), name, acronym) for text, name, acronym in p["known"]]
        self.legal_index = _first_token_index(self.legal_forms)
        self.place_before_index = _first_token_index([(seq,) for seq in self.place_before])
        self.place_before_set = frozenset(self.place_before)
        # the one-word heads, whose genitive may open a name too ("des Kreises Gütersloh")
        self.place_before_words = frozenset(seq[0] for seq in self.place_before if len(seq) == 1)
        # the readings of _place_heads start on a capitalised word, unless a head word does not
        self.lower_place_heads = any(not k[:1].isupper() for k in self.place_before_index)
        self.place_after_index = _first_token_index([(seq,) for seq in self.place_after])
        self.place_after_rank = {seq: k for k, seq in enumerate(self.place_after)}
        self.known_index = _first_token_index(self.known)
        self.compound_suffixes = tuple(
            sorted(
                (*p["compound_suffixes"], *p["institution_compound_suffixes"]),
                key=len,
                reverse=True,
            )
        )
        self.club_heads = frozenset(p["club_heads"])
        self.service_clubs = frozenset(p["service_clubs"])
        self.service_club_words = frozenset(p["service_club_words"])
        self.service_club_compounds = frozenset(
            f"{club.lower()}{dash}{word.lower()}"
            for club in p["service_clubs"]
            for word in p["service_club_words"]
            for dash in ("", "-")
        )
        self.center_words = frozenset(p["center_words"])
        self.club_suffixes = tuple(p["club_suffixes"])
        self.venue_context = frozenset(venue_patterns()["context_words"])
        self.club_abbreviations = frozenset(p["club_abbreviations"])
        self.ambiguous_clubs = frozenset(p["ambiguous_club_abbreviations"])
        self.regional_heads = frozenset(p["regional_heads"])
        self.family_heads = frozenset(p["family_name_heads"])
        self.event_board_heads = frozenset(p["event_board_heads"])
        self.publisher_heads = frozenset(p["publisher_heads"])
        self.facility_heads = tuple(p["facility_heads"])
        self.institution_endings = tuple(p["institution_endings"])
        self.institution_suffixes = tuple(p["institution_compound_suffixes"])
        self.trade_endings = tuple(p["trade_endings"])
        self.subject_unit_heads = tuple(p["subject_unit_heads"])
        self.stage_endings = tuple(p["stage_endings"])
        self.group_type_endings = tuple(p["group_type_endings"])
        self.branch_countries = frozenset(p["branch_countries"])
        self.bracket_parties: dict[str, str] = dict(p["bracket_parties"])
        cues = org_cues()
        self.organiser_cues = frozenset(cues["organiser_verbs"]) | frozenset(
            cues["organiser_nouns"]
        )
        self.organiser_nouns = frozenset(cues["organiser_nouns"])
        self.agent_participles = frozenset(cues["agent_participles"])
        self.organiser_links = frozenset(cues["organiser_links"])
        self.visit_verbs = frozenset(cues["visit_verbs"])
        self.town_agent_verbs = frozenset(cues["town_agent_verbs"])
        self.gift_participles = frozenset(cues["gift_participles"])
        self.authority_roles = frozenset(cues["authority_roles"])
        self.authority_endings = tuple(cues["authority_endings"])
        self.reporting_verbs = frozenset(cues["reporting_verbs"])
        self.quoted_name_heads = tuple(cues["quoted_name_heads"])
        self._lemma_values: frozenset[str] | None = None
        self.nlp = nlp
        # word predicates asked for every token by several patterns: memoised per finder
        for name in (
            "_is_person_role",
            "_is_org_head",
            "_is_complement_head",
            "_is_role_noun",
            "_may_open_head",
            "_is_lone_head",
            "_letter_choices",  # asked again for each start of an acronym's long form
        ):
            setattr(self, name, lru_cache(maxsize=65536)(getattr(self, name)))
        # the word test each pattern makes before it looks further (see _starts)
        self._tests: dict[str, Callable[[str], object]] = {
            "legal_form": self._opens_legal_form,
            "complement": self._is_complement_head,
            "adjective_head": self._is_adjective_head,
            "federal_body": self._is_federal_body,
            "prefix_name": self.prefix_names.__contains__,
            "type_noun": self.type_nouns.__contains__,
            "known": self._opens_known,
            "messe": self.fair_heads.__contains__,
            "messen": self.fair_plurals.__contains__,
            "club": self._may_open_club,
            "service_club": self._may_open_service_club,
            "plural_name": self._may_open_plural_name,
            "center": self.center_words.__contains__,
            "club_abbreviation": self.club_abbreviations.__contains__,
            "regional_name": self._may_open_regional_name,
            "publisher": self.publisher_heads.__contains__,
            "foundation": "Stiftung".__eq__,
            "event_board": self._may_open_event_board,
            "place_head": self._may_open_place_head,
            "compound_name": self._may_be_compound_name,
            "organiser_cue": self.organiser_cues.__contains__,
            "bare_acronym": self._may_be_bare_acronym,
            "dateline": "(".__eq__,
            "quoted": OPENING_QUOTES.__contains__,
            "role": self._is_person_role_word,
            "firm": FIRM_NOUNS.__contains__,
            "trade": self._is_trade_noun,
            "subject_unit": frozenset(self.subject_unit_heads).__contains__,
            "group_compound": self._is_group_compound,
        }
        self._test_bits = {name: 1 << k for k, name in enumerate(self._tests)}
        self._bit_tests = tuple(zip(self._test_bits.values(), self._tests.values(), strict=True))
        self._word_mask = WordValues(self._word_mask)  # type: ignore[method-assign]
        self._names_of = lru_cache(maxsize=4096)(self._names_of)  # type: ignore[method-assign]
        self._doc_starts: tuple[Doc, dict[str, list[int]]] | None = None

    def _word_mask(self, text: str) -> int:
        """The patterns whose word test a word passes, as bits."""
        mask = 0
        for bit, test in self._bit_tests:
            if test(text):
                mask |= bit
        return mask

    def _names_of(self, mask: int) -> tuple[str, ...]:
        return tuple(name for name, bit in self._test_bits.items() if mask & bit)

    def _index_starts(self, doc: Doc) -> dict[str, list[int]]:
        """For every pattern, the tokens whose word passes its test: one pass over the doc
        (one memoised look-up per token) for all patterns instead of one per pattern."""
        masks = values_of(token_texts(doc), self._word_mask)
        # the tokens grouped by their mask in C (a stable sort keeps each group in text
        # order), then each group's tokens added to its patterns at once
        marked = sorted(compress(range(len(masks)), masks), key=masks.__getitem__)
        starts: dict[str, list[int]] = {}
        merged: set[str] = set()  # patterns that took the tokens of several masks
        for mask, group in groupby(marked, key=masks.__getitem__):
            tokens = list(group)
            for name in self._names_of(mask):
                if name in starts:
                    starts[name].extend(tokens)
                    merged.add(name)
                else:
                    starts[name] = tokens.copy()
        for name in merged:
            starts[name].sort()
        return starts

    def _starts(self, doc: Doc, name: str) -> list[int]:
        """Indices of the tokens where the pattern ``name`` may start, in order."""
        indexed = self._doc_starts
        if indexed is not None and indexed[0] is doc:
            return indexed[1].get(name, [])
        return positions(token_texts(doc), self._tests[name])

    def find(self, doc: Doc) -> list[Candidate]:
        self._doc_starts = (doc, self._index_starts(doc))
        try:
            return self._find(doc)
        finally:
            self._doc_starts = None  # holds no doc after it

    def _find(self, doc: Doc) -> list[Candidate]:
        found: list[Candidate] = []
        for finder in (
            self._legal_forms,
            self._complements,
            self._genitive_adjective_names,
            self._adjective_heads,
            self._place_heads,
            self._prefix_names,
            self._type_nouns,
            self._known,
            self._federal_bodies,
            self._compound_names,
            self._clubs,
            self._service_clubs,
            self._plural_names,
            self._centers,
            self._club_names,
            self._regional_names,
            self._publishers,
            self._foundations,
            self._event_boards,
            self._fair_companies,
            self._fair_company_plurals,
            self._organiser_names,
            self._bare_acronyms,
            self._dateline_sources,
            self._bracket_parties,
            self._spelled_names,
            self._person_affiliations,
            self._quoted_names,
            self._role_genitives,
            self._firm_names,
            self._shouted_firms,
            self._subject_units,
            self._group_compounds,
            self._national_branches,
            self._state_bodies,
        ):
            found.extend(finder(doc))
        texts = token_texts(doc)
        if not any(
            texts[c.end - 1].endswith("-")
            or (c.end < len(texts) and texts[c.end] in self.directions)
            for c in found
        ):
            return found  # most reports: no name ends on a truncation or before a direction
        out = []
        for c in found:
            c = self._completed(doc, texts, c)
            if c is not None:
                out.append(c)
        return out

    def _completed(self, doc: Doc, texts: list[str], cand: Candidate) -> Candidate | None:
        """A name never ends on a truncated compound ("Dorf-"): it runs on through the
        conjunction to the word that completes it ("BLG Berg- und Hüttenwesen"), or it is
        no name. A direction after an organisation's head is its branch's name
        ("Bezirksverband Süd")."""
        last, j = texts[cand.end - 1], cand.end
        if (
            j < len(texts)
            and texts[j] in self.directions
            and self._is_org_head(last)
            and (j + 1 == len(texts) or not is_capitalised(texts[j + 1]))
        ):
            # "Bezirksverband Süd": a region's branch, the direction is part of its name
            return self._org(doc, cand.start, j + 1, cand.source)
        if len(last) < 3 or not last.endswith("-"):
            return cand
        if (
            j + 1 < len(texts)
            and texts[j].lower() in ADJECTIVE_JOINERS
            and is_capitalised(texts[j + 1])
        ):
            return self._org(doc, cand.start, j + 2, cand.source)
        return None

    # -- helpers -------------------------------------------------------------------------
    def _org(self, doc: Doc, start: int, end: int, source: str, **extra) -> Candidate:
        return Candidate(
            start, end, ORG, canonical_span(span_of(doc, start, end), self.lemma), source, **extra
        )

    def _is_role_noun(self, text: str) -> bool:
        return is_capitalised(text) and text.lower().endswith(self.role_suffixes)

    def _opens_legal_form(self, text: str) -> bool:
        return _may_start(self.legal_index, text)

    def _opens_known(self, text: str) -> bool:
        return _may_start(self.known_index, text)

    def _is_name_word(self, tok: Token) -> bool:
        """A word that can be part of a company or association name."""
        text = tok.text
        if text in NAME_CONNECTORS:
            return True
        if _capitalised_number(text) and not tok.is_sent_start:
            return True  # "Drei Kronen Verlag GmbH": a capitalised numeral inside a sentence
        if not any(ch.isalnum() for ch in text) or text.lower() in STOP_WORDS:
            return False
        if self._is_role_noun(text) or self._is_person_role(text) or text in ROLE_ABBREVIATIONS:
            return False
        if is_capitalised(text) or has_upper(text):
            return True
        # lower-case brand names are words no dictionary knows ("mimimi", "creatale")
        return (
            text.isalpha()
            and self.lemma is not None
            and text.capitalize() not in self.nouns
            and not is_dictionary_word(text, self.lemma)
        )

    def _match_tokens(self, doc: Doc, i: int, seq: tuple[str, ...]) -> bool:
        """Token texts equal ``seq``; the last may carry the sentence's full stop ("GmbH.")."""
        texts = token_texts(doc)
        end = i + len(seq)
        if end > len(texts):
            return False
        # slices compared in C: asked at every token an index entry starts with
        word, last = texts[end - 1], seq[-1]
        return (word == last or word == last + ".") and texts[i : end - 1] == list(seq[:-1])

    def _starting_at(self, index: dict[str, list], doc: Doc, i: int) -> list:
        """Entries of a first-token index whose token sequence starts at token i."""
        text = doc[i].text
        entries = index.get(text, [])
        if not entries and not text.endswith("."):
            return entries  # most tokens start no entry
        if text.endswith("."):
            entries = entries + index.get(text[:-1], [])
        return [e for e in entries if self._match_tokens(doc, i, e[0])]

    def _extends_name_left(self, doc: Doc, k: int) -> bool:
        """Whether token k belongs to the name that continues at k + 1."""
        tok = doc[k]
        if tok.like_num and k > 0 and is_capitalised(doc[k - 1].text):
            return True  # "TSV Grünwald 1920 e.V."
        if tok.lower_ in self.inner_words and k > 0 and k + 1 < len(doc):
            after, before = doc[k + 1].text, doc[k - 1].text
            if tok.text in NAME_CONNECTORS:  # "Kiepenheuer & Witsch GmbH", "Ernst & Young"
                return is_capitalised(before) and has_upper(after)
            if tok.lower_ in TRUNCATION_JOINERS and before.endswith("-") and len(before) > 2:
                return True  # "Fachverband Wasser- und Abwassertechnik e.V."
            # "Tourismus und Marketing GmbH", "Kultur im Park e.V.", not "Bitkom und Deutsche
            # Messe AG": the word after must be a common noun
            return (
                (after in self.nouns or (after.isalpha() and is_noun_compound(after)))
                and not is_adjective(after, self.lemma)
                and is_capitalised(before)
                and not self._is_role_noun(before)
            )
        if tok.text in self.type_nouns and k + 1 < len(doc):
            # "Verband Deutscher Maschinenbau e.V.": a head before a genitive adjective is
            # part of the name; "Verein Kultur im Park e.V.", "Agentur motion events GmbH": the
            # type noun is not
            return is_capitalised(doc[k + 1].text) and is_adjective(doc[k + 1].text, self.lemma)
        return self._is_name_word(tok) or self._lower_case_name_part(tok.text)

    def _lower_case_name_part(self, text: str) -> bool:
        """ "motion events GmbH", "dm-drogerie markt GmbH": German writes nouns capitalised,
        so a noun in lower case before a legal form is a stylised name, like a word no
        dictionary knows; lower-case verbs, adjectives and function words end the name."""
        if not text[:1].islower() or self.lemma is None:
            return False
        parts = [p for p in text.split("-") if p]
        return bool(parts) and all(
            part.isalpha()
            and part not in STOP_WORDS
            and (is_noun_form(part.capitalize()) or not is_dictionary_word(part, self.lemma))
            for part in parts
        )

    def _adjectives_before(self, doc: Doc, i: int) -> int:
        """Start of the capitalised adjectives right before token i ("Deutsche Gesellschaft")."""
        k = i
        while k > 0 and i - k < MAX_ADJECTIVES and is_adjective(doc[k - 1].text, self.lemma):
            if doc[k - 1].is_sent_start and not self._proper_adjective(doc[k - 1].text):
                break
            if doc[k - 1].lower_ in POSSESSIVES:
                break  # "„Meine Schule wird alt“": whose, no name's adjective
            k -= 1
        return k

    def _proper_adjective(self, word: str) -> bool:
        return any(stem in word.lower() for stem in PROPER_ADJECTIVE_STEMS)

    # -- patterns ------------------------------------------------------------------------
    def _legal_forms(self, doc: Doc) -> list[Candidate]:
        out = []
        resume = 1  # the token after the last name found
        for i in self._starts(doc, "legal_form"):
            if i < resume:
                continue
            resume = i + 1
            for seq, canon in self._starting_at(self.legal_index, doc, i):
                start = i
                while (
                    start > 0
                    and i - start < MAX_NAME_WORDS
                    and self._extends_name_left(doc, start - 1)
                ):
                    start -= 1
                while start < i and (
                    doc[start].text in NAME_CONNECTORS or doc[start].lower_ in self.inner_words
                ):
                    start += 1
                if start == i:
                    break
                start = self._model_start(doc, start, i, i + len(seq))
                words = [t.text for t in span_of(doc, start, i)]
                if canon in self.weak_legal_forms and all(w in self.nouns for w in words):
                    break
                end = i + len(seq)
                cand = self._org(doc, start, end, "legal_form", legal_form=canon or None)
                core = canonical_span(span_of(doc, start, i), self.lemma)
                cand.name = f"{core} {canon}".strip() if canon else core
                out.append(cand)
                resume = end
                break
        return out

    def _model_start(self, doc: Doc, start: int, form: int, end: int) -> int:
        """Where the model's organisation that ends on the legal form starts, when it starts
        later and only common nouns stand before it ("zeigt die Nähe Velvorn AG"
        -> "Velvorn AG"); else ``start``. A word no lexicon knows stays ("visitKassel"), and so
        does a type word of names ("Bäckerei Velvorn GmbH")."""
        for ent_start, ent_end, label in ent_bounds(doc):  # read once per report
            if (
                ent_end == end
                and start < ent_start < form
                and label == "ORG"
                and all(
                    self._sentence_noun(doc[k].text)
                    # "Sieben Eichen GmbH": a capitalised numeral inside a sentence is a name's
                    and not (_capitalised_number(doc[k].text) and not doc[k].is_sent_start)
                    for k in range(start, ent_start)
                )
            ):
                return ent_start
        return start

    def _sentence_noun(self, word: str) -> bool:
        """A common noun that no name takes as its type or its town ("Nähe"; not
        "Bäckerei", "Stiftung", "Dortmunder": "Ulmer Stadtwerke AG" keeps its town's word)."""
        return (
            word in self.nouns
            and word not in self.type_nouns
            and word not in self.regional_heads
            and not self._is_org_head(word)
            and not is_org_head(word)
            and not self._is_institution(word)
            and not self._place_adjective(word)
        )

    def _is_complement_head(self, text: str) -> bool:
        if not is_capitalised(text) or self._is_person_role(text):
            return False  # "Landrat des Landkreises ...", "Präsident der ...": a person
        head = head_noun(text)
        base = (head[0] if head else text).lower()
        return self._on_head(base, self.complement_heads)

    @staticmethod
    def _on_head(base: str, endings: tuple[str, ...]) -> bool:
        """A lower-case noun ends on one of the heads, and as a compound of it: a compound
        takes its head's gender, so a noun of another gender only ends on the letters
        ("das Referat", "die Heirat" are no "der Rat"; "der Stadtrat" is)."""
        if not base.endswith(endings):
            return False
        ending = max((e for e in endings if base.endswith(e)), key=len)
        if len(base) == len(ending):
            return True
        genders = noun_genders()
        word, head = genders.get(base.capitalize()), genders.get(ending.capitalize())
        return not (word and head and word != head)

    def _complements(self, doc: Doc) -> list[Candidate]:
        out = []
        texts = token_texts(doc)
        resume = 0  # the token after the last name found
        for i in self._starts(doc, "complement"):
            if i >= len(texts) - 2:
                break
            if i < resume:
                continue
            end = self._complement_end(doc, i + 1)
            if end is None or not self._specific(doc, i, end):
                continue
            k = i
            if k >= 2 and doc[k - 1].lower_ == "und" and doc[k - 2].text.endswith("-"):
                k -= 2  # "Industrie- und Handelskammer zu Leipzig"
            elif k >= 2 and doc[k - 1].lower_ == "und" and self._is_complement_head(texts[k - 2]):
                k -= 2  # "Klinik und Tagesklinik für Psychiatrie": two heads share the portfolio
            if self._facility_of_company(doc, i, end):
                continue
            start = self._adjectives_before(doc, k)
            cand = self._with_legal_form(doc, start, end)
            cand.inner_places = self._genitive_places(doc, i + 1, end)
            out.append(cand)
            resume = cand.end
        return out

    def _genitive_adjective_names(self, doc: Doc) -> list[Candidate]:
        """ "Verband Deutscher Werkzeughersteller", "Bund Freier Waldorfschulen e.V.", "des
        Vereins Bayerischer Imker": a head, one to three adjectives in the genitive plural
        ("-er") and a noun (or "Maschinen- und Anlagenbau") name one body; the head belongs to
        the name, the adjectives do not describe it. A bare generic head takes adjectives in
        any case and a place too ("Fonds Sicheres Tannheim", "Verein Deutsche Sprache")."""
        out = []
        texts = token_texts(doc)
        resume = 0
        for i in self._starts(doc, "complement"):
            if i < resume or i + 2 >= len(doc):
                continue
            generic = texts[i] in self.generic_heads
            j = i + 1
            while (
                j < len(doc)
                and j - i <= MAX_ADJECTIVES
                and (
                    self._genitive_adjective(texts[j])
                    or (generic and is_capitalised(texts[j]) and is_adjective(texts[j], self.lemma))
                )
            ):
                j += 1
            if j == i + 1 or j >= len(doc):
                continue
            adjective = texts[j - 1]
            paired = texts[j].endswith("-") and j + 2 < len(doc) and doc[j + 1].lower_ == "und"
            if paired:
                j += 2  # "Maschinen- und Anlagenbau"
            if not (is_capitalised(texts[j]) and texts[j].isalpha()):
                continue
            if self._is_place_word(texts[j]) and not generic:
                continue
            if adjective[:1].islower() and not (paired or self._inflected_noun(texts[j])):
                # "Stiftung neuer Art": a genitive singular, no plural of members; a pair of
                # compounds ("Obst- und Gemüsebau") is a trade's name whatever its number
                continue
            cand = self._with_legal_form(doc, i, j + 1)
            out.append(cand)
            resume = cand.end
        return out

    def _inflected_noun(self, word: str) -> bool:
        """A noun not in its base form ("Kinder", "Sportjournalisten"): after a lower-case
        "-er" adjective, the plural the genitive plural wants ("Verein kranker Tiere")."""
        lemma = self.lemma(word) if self.lemma is not None else None
        return bool(lemma) and lemma != word and lemma in self.nouns

    def _genitive_adjective(self, text: str) -> bool:
        """ "Deutscher", "Bayerischer", "Kölner", "kranker": an adjective on "-er", the
        form of the genitive plural after a head ("Bund Deutscher Architekten", "Verein
        kranker Tiere"), capitalised or not."""
        if not (text.endswith("er") and text.isalpha()):
            return False
        if text[:1].islower():
            return is_adjective(text.capitalize(), self.lemma)
        return is_adjective(text, self.lemma) or self._place_adjective(text)

    def _facility_of_company(self, doc: Doc, head: int, end: int) -> bool:
        """ "im Rechenzentrum der Green Datacenter AG": a facility head before "der/des" and a
        name with a legal form; the company is the organisation, the head its building."""
        if doc[head + 1].lower_ not in GENITIVE_ARTICLES:
            return False
        base = head_noun(doc[head].text)
        word = (base[0] if base else doc[head].text).lower()
        if not word.endswith(self.facility_heads):
            return False
        last = min(end + 1, len(doc))
        return any(self._starting_at(self.legal_index, doc, k) for k in range(head + 3, last))

    def _specific(self, doc: Doc, head: int, end: int) -> bool:
        """Whether a head and its complement name one body: "Amt für Umwelt", "Universität zu
        Köln", "Senat der Freien und Hansestadt Hamburg", not "Amt des Vizepräsidenten", "von
        Amt zu Amt", "Organisation der Spiele"."""
        word = doc[head + 1].lower_
        if word == "zu" or word in PLACE_PAIR_DETERMINERS:  # "Gewerbeverein beider Weilbach"
            return self._place_after(doc, head + 2) is not None
        adjective = head > 0 and is_adjective(doc[head - 1].text, self.lemma)
        if doc[head].text in self.generic_heads and not adjective and word != "für":
            return False
        if word in GENITIVE_ARTICLES:
            return any(
                is_adjective(t.text, self.lemma)
                or (is_capitalised(t.text) and t.text not in self.nouns and self._lemma_noun(t))
                for t in span_of(doc, head + 2, end)
            )
        return True

    def _lemma_noun(self, token: Token) -> bool:
        """True when a capitalised word is no inflected common noun ("Innern", "Hamburg")."""
        lemma = self.lemma(token.text) if self.lemma is not None else None
        return not (lemma and lemma in self.nouns)

    def _with_legal_form(self, doc: Doc, start: int, end: int) -> Candidate:
        """The organisation from start to end, with a legal form that follows it ("Deutsche
        Gesellschaft für Pflegewissenschaft e. V.")."""
        if end >= len(doc):
            return self._org(doc, start, end, "pattern")
        for seq, canon in self._starting_at(self.legal_index, doc, end):
            if canon:
                core = canonical_span(span_of(doc, start, end), self.lemma)
                cand = self._org(doc, start, end + len(seq), "pattern", legal_form=canon)
                cand.name = f"{core} {canon}"
                return cand
        return self._org(doc, start, end, "pattern")

    def _complement_end(self, doc: Doc, j: int) -> int | None:
        """End of "des Innern, für Wirtschaft und Energie", "für Arbeit Köln Nord", "der Länder"."""
        end = None
        while j < len(doc) and doc[j].lower_ in self.complement_words:
            k = j + 1
            if doc[j].lower_ == "für" and k < len(doc) and doc[k].lower_ in ARTICLES:
                break  # "die Beauftragte für die Kirchweih": a purpose, no portfolio ("für Arbeit")
            while k < len(doc) and doc[k].lower_ in ARTICLES:
                k += 1
            first = k
            while k < len(doc) and (
                is_capitalised(doc[k].text)
                and doc[k].lower_ not in STOP_WORDS
                and not (k > first and person_starts(doc, k))
                or doc[k].text.endswith("-")
                # "für politische Bildung"; after the portfolio's noun an adjective opens the
                # sentence's object ("für Psychiatrie neue Räume")
                or (
                    self._attributive_adjective(doc, k)
                    and (k == first or doc[k - 1].lower_ == "und")
                )
                or (
                    doc[k].lower_ == "und"
                    and k + 1 < len(doc)
                    and is_capitalised(doc[k + 1].text)
                    and k > first
                )
            ):
                k += 1
            if k == first:
                break
            if end is not None and k < len(doc) and person_starts(doc, k):
                break  # "... für Geschichte der Stiftung Paul Kranzl": the second body's
                # name runs on in words a name's complement does not take; it is a name of its own
            listed = self._enumeration_end(doc, k)
            if listed > k:  # "für Technik, Wirtschaft und Kultur Leipzig"
                listed = self._place_after(doc, listed) or listed
            end = k = listed
            j = k
            # ", für Wirtschaft und Energie" continues a ministry's portfolio; ", des Amtes ..." or
            # "und der ..." start the next organisation of a list
            if (
                j + 1 < len(doc)
                and doc[j].text in self.complement_joiners
                and doc[j + 1].lower_ == "für"
            ):
                j += 1
        if end is not None and end < len(doc) and doc[end].text in self.directions:
            end += 1
        return end

    def _is_person_role(self, text: str) -> bool:
        """A person's title ("Landrat", "Vorstandsvorsitzender"); an ending that is also a
        body's head ("-rat": "Stadtrat", "Wissenschaftsrat") counts only as a whole word."""
        words, endings = person_titles()
        if text in words:
            return True
        lower = text.lower()
        if not lower.endswith(endings):  # one test in C for most words, then the longest
            return False
        ending = max((e for e in endings if lower.endswith(e)), key=len, default="")
        return bool(ending) and ending not in self.body_heads

    def _attributive_adjective(self, doc: Doc, k: int) -> bool:
        """ "für politische Bildung": a lower-case adjective before a capitalised noun."""
        text = doc[k].text
        return (
            text[:1].islower()
            and k + 1 < len(doc)
            and is_capitalised(doc[k + 1].text)
            and is_adjective(text.capitalize(), self.lemma)
        )

    def _enumeration_end(self, doc: Doc, k: int) -> int:
        """ "für Wirtschaft, Innovation, Digitalisierung und Energie": commas inside a complement
        only when the list closes with "und" and a capitalised word."""
        j = k
        while j + 1 < len(doc) and doc[j].text == "," and is_capitalised(doc[j + 1].text):
            j += 2
        if (
            j > k
            and j + 1 < len(doc)
            and doc[j].lower_ == "und"
            and is_capitalised(doc[j + 1].text)
        ):
            return j + 2
        return k

    def _genitive_places(self, doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
        """Places named in a genitive attribute ("der Freien und Hansestadt Hamburg")."""
        out = []
        for k in range(start, end - 1):
            if doc[k].lower_ in GENITIVE_ARTICLES:
                match = self.gazetteer.match_at(doc, k + 1)
                if match is not None and match.end <= end:
                    out.append((match.start, match.end))
        return out

    def _adjective_heads(self, doc: Doc) -> list[Candidate]:
        out = []
        texts = token_texts(doc)
        for i in self._starts(doc, "adjective_head"):
            text = texts[i]
            head = head_noun(text)
            base = (head[0] if head else text).lower()
            k = i
            # "Deutsche Kinder- und Jugendbund": skip the truncated part of a coordination
            if k >= 2 and doc[k - 1].lower_ == "und" and doc[k - 2].text.endswith("-"):
                k -= 2
            start = self._adjectives_before(doc, k)
            if (
                start == k
                and k > 0
                and self._place_adjective(doc[k - 1].text)
                and not self._named_institution(text)
            ):
                start = k - 1  # "Münchner Verkehrsgesellschaft", "Appenzeller Kantonalbank"
            if start == k:
                continue
            if text in self.venue_heads and self._in_venue_context(doc, start):
                continue  # "in die Grazer Oper", "in der Leipziger Messe": the building
            if base.endswith("messe") and not self._fair_company(doc, start, i):
                continue  # "die Offene Messe", "die Ulmer Gartenmesse": fairs, events
            end = self._place_after(doc, i + 1) or i + 1  # "Freiwillige Feuerwehr Grünwald"
            out.append(self._with_legal_form(doc, start, end))
        return out

    def _named_institution(self, text: str) -> bool:
        """ "Clara-Roth-Gymnasium": a school or hospital named with hyphens after a person
        is a whole name; the town's adjective before it says where it is ("das Talheimer
        Clara-Roth-Gymnasium")."""
        return "-" in text and text.lower().endswith(self.institution_suffixes)

    def _is_adjective_head(self, text: str) -> bool:
        """A capitalised word on an organisation head that adjectives name ("Städtetag"), no
        person's title ("der Stellvertretende Landrat")."""
        if not text[:1].isupper() or self._is_person_role(text):
            return False
        head = head_noun(text)
        return self._on_head((head[0] if head else text).lower(), self.adjective_heads)

    def _place_adjective(self, word: str) -> bool:
        """A city's adjective, or an "-er" word on any place the gazetteer knows that is no
        common noun ("Appenzeller", "Saarbrücker"): before an organisation head it names."""
        if city_of_adjective(self.gazetteer, word) is not None:
            return True
        if not (is_capitalised(word) and word.endswith("er") and len(word) > 5):
            return False
        if is_noun_form(word) or word in self.nouns:
            return False
        stems = (word[:-2], word[:-1], word[:-2] + "en")
        return any(self.gazetteer.lookup(stem) is not None for stem in stems)

    def _genitive_place(self, doc: Doc, start: int, end: int) -> bool:
        """ "Deutschlands", "Europas": a country or region in the genitive after a head word
        says where, it names no body ("Stadt Deutschlands" is no town called so)."""
        match = self.gazetteer.match_at(doc, start)
        if match is None or match.end != end:
            return False
        written = span_of(doc, start, end).text
        return match.entry.kind in (COUNTRY, REGION, STATE) and (
            fold(written) != fold(match.name) and written.endswith("s")
        )

    def _fair_company(self, doc: Doc, start: int, head: int) -> bool:
        """ "Leipziger Messe", "Deutsche Messe": a fair company is "Messe" itself after a city
        or a proper adjective; a compound ("Publikumsmesse") or an everyday adjective ("Offene
        Messe") names a fair, and so does a name after it ("die Berner Messe Foire Centrale")."""
        if doc[head].text not in self.fair_heads | self.fair_plurals:
            return False
        nxt = doc[head + 1].text if head + 1 < len(doc) else ""
        if is_capitalised(nxt) and nxt.isalpha() and not self._opens_legal_form(nxt):
            return False
        word = doc[start].text
        return self._proper_adjective(word) or self._place_adjective(word)

    def _place_after(
        self, doc: Doc, j: int, kinds: frozenset[str] | None = None, model: bool = False
    ) -> int | None:
        """End of a place name at j, a compound of places ("Duisburg-Essen") included, and a
        direction word after it ("Köln Nord"). ``kinds``: the gazetteer kinds a place there
        must have; ``model``: else the model's place there (a small town the gazetteer
        lacks)."""
        if j >= len(doc):
            return None
        match = self.gazetteer.match_at(doc, j)
        if match is not None:
            if kinds is not None and match.entry.kind not in kinds:
                return None
            end = match.end
        elif "-" in doc[j].text and all(
            self.gazetteer.lookup(part) for part in doc[j].text.split("-")
        ):
            end = j + 1
        elif model:
            bounds = (e for s, e, label in ent_bounds(doc) if s == j and label in PLACE_LABELS)
            end = next(bounds, None)
            if end is None:
                return None
        else:
            return None
        if end < len(doc) and doc[end].text in self.directions:
            end += 1
        return end

    def _is_org_head(self, text: str) -> bool:
        if not is_capitalised(text) or self._is_person_role(text):
            return False  # "Landrat Martin Huber": a role and a person
        head = head_noun(text)
        base = (head[0] if head else text).lower()
        return self._on_head(base, self.complement_heads) or self._on_head(
            base, self.adjective_heads
        )

    def _federal_bodies(self, doc: Doc) -> list[Candidate]:
        """ "Bundesärztekammer", "Bundesnetzagentur": a federal body is one of a kind; an
        acronym after it belongs to its name ("Bundesverband KLBV")."""
        texts = token_texts(doc)
        out = []
        for i in self._starts(doc, "federal_body"):
            if i + 1 < len(doc) and is_acronym(texts[i + 1]):
                out.append(self._org(doc, i, i + 2, "pattern"))
            elif not self._federal_kind(texts[i]):
                out.append(self._org(doc, i, i + 1, "pattern"))
        return out

    def _federal_kind(self, text: str) -> bool:
        """ "Bundesverband", "des Bundesamtes": a kind of federal body, which alone refers back
        to one named in full (a complement after it is another rule's name)."""
        rest = text[len(self.federal_prefix) :].capitalize()
        stems = (rest, rest[:-1], rest[:-2]) if rest.endswith("es") else (rest, rest[:-1])
        return any(stem in self.federal_kinds for stem in stems)

    def _is_federal_body(self, text: str) -> bool:
        return (
            text.startswith(self.federal_prefix)
            and len(text) > len(self.federal_prefix) + 3
            and self._is_org_head(text)
        )

    def _place_heads(self, doc: Doc) -> list[Candidate]:
        out = []
        texts = token_texts(doc)
        # a reading starts on a head (its word says so), an acronym or a place name
        matches = self.gazetteer.matches(doc)
        starts = sorted({*self._starts(doc, "place_head"), *compress(range(len(matches)), matches)})
        for i in starts:
            text = texts[i]
            heads: list[tuple[str, ...]] = []
            genitive = False
            if self._may_open_head(text):  # most words open none: spare the look-ups
                heads = [e[0] for e in self._starting_at(self.place_before_index, doc, i)]
                if not heads:
                    heads = self._genitive_head(doc, i)  # "des Kreises Gütersloh"
                    genitive = bool(heads)
            place_head = bool(heads)
            if not heads and self._is_lone_head(text):
                heads = [(text,)]  # "Regionalverband Ruhr", "Universität Hamburg"
            for seq in heads:
                end = self._place_after(doc, i + len(seq))
                if end is None and place_head:  # "Stadt Neuweiler", "des Kreises Rottal-Inn"
                    end = place_name_end(doc, i + len(seq), self.gazetteer, self.lemma)
                if end is None and place_head and self._direction_at(texts, i + len(seq)):
                    end = i + len(seq) + 1  # "Polizeiinspektion Nord": a district's office
                if end is None or (
                    self._after_locative(doc, i)
                    and not (place_head and self._passive_agent(doc, i))
                ):
                    continue  # "durch die Stadt X" is the way through it, unless done by it
                if place_head and self._genitive_place(doc, i + len(seq), end):
                    continue  # "die größte Stadt Deutschlands": a town of the country
                if place_head and self._visited(doc, i, end):
                    continue  # "besichtigten die Stadt Tannheim": a place, no authority
                if place_head and self._model_reads_town(doc, i, i + len(seq), end):
                    continue  # "erkundeten Radler aus X die Stadt Tannheim": the town visited
                # "Wissenschaftszentrum Berlin für Sozialforschung"
                end = self._complement_end(doc, end) or end
                start = self._adjectives_before(doc, i)
                if start == i and place_head and self._branch_acronym(doc, i):
                    start = i - 1  # "vom BVKW Landkreis Celle": the body's branch there
                cand = self._with_legal_form(doc, start, end)
                if genitive and start == i:  # "des Generalkonsulats X": the lexicon lacks it
                    self._renamed(
                        cand, doc, i, self._nominative_head(text, self.place_before_words)
                    )
                out.append(cand)
                break
            else:
                if is_acronym(text) and self.gazetteer.lookup(text) is None:
                    match = self.gazetteer.match_at(doc, i + 1)
                    if match is not None and match.end < len(doc) and doc[match.end].is_digit:
                        match = None  # "AQUA RUHR 2023": a fair's edition
                    if match is not None and self._shouted(span_of(doc, i + 1, match.end).text):
                        match = None  # "AQUA RUHR": a name in capitals, not acronym and town
                    if match is not None:  # "LAC Homburg", "IHK Kassel"
                        out.append(self._org(doc, i, match.end, "pattern"))
                        continue
                match = self.gazetteer.match_at(doc, i)
                if match is None:
                    continue
                if match.end >= len(doc):
                    continue
                after = self._starting_at(self.place_after_index, doc, match.end)
                if (
                    after
                    and i > 0
                    and doc[i - 1].lower_ in ARTICLES
                    and self._model_reads_place(doc, i, match.end)
                ):
                    continue  # "wird die Schweiz Partner der Messe": the country, a predicate
                if after:  # "Dresden Marketing"; the first in the list's order
                    seq = min((e[0] for e in after), key=self.place_after_rank.__getitem__)
                    out.append(self._org(doc, i, match.end + len(seq), "pattern"))
        return out

    def _direction_at(self, texts: list[str], j: int) -> bool:
        """A direction word alone at ``j`` (no capitalised word after it): a district."""
        return (
            j < len(texts)
            and texts[j] in self.directions
            and not (j + 1 < len(texts) and is_capitalised(texts[j + 1]))
        )

    def _visited(self, doc: Doc, start: int, end: int) -> bool:
        """A visiting verb right after the name or before its article ("wurde die Stadt
        Tannheim besichtigt", "besuchten die Stadt Tannheim")."""
        k = start - 1
        while k >= 0 and doc[k].lower_ in ARTICLES:
            k -= 1
        return any(
            0 <= j < len(doc) and self._verb_lemma(doc[j].text) in self.visit_verbs
            for j in (k, end)
        )

    def _model_reads_town(self, doc: Doc, i: int, name: int, end: int) -> bool:
        """The model reads the name after a town's word as a place of its own, the word
        outside it: the sentence means the town, not its authority ("erkundeten Radler aus
        Ulm die Stadt Tannheim", "die Partnerschaft mit der Stadt Tannheim"). Where a town
        acts ("die Stadt Tannheim lädt ein") the model reads word and name as one body."""
        return (
            doc[i].text in _town_words()
            and self._model_reads_place(doc, name, end)
            and not self._town_authority(doc, i)
            and not self._town_acts(doc, i, end)
        )

    def _town_acts(self, doc: Doc, i: int, end: int) -> bool:
        """A town's word and name at ``i:end`` that act, whatever the model reads: the subject
        of an inviting, organising or funding verb that opens the sentence ("Die Stadt
        Tannheim lud ein"), the doer of a passive after "von" or "durch" ("von der Firma X und
        der Stadt Tannheim gestiftet", "Getragen wird der Bauernmarkt von der Stadt Tannheim"),
        or in a role after "als" ("tritt als Sponsor auf")."""
        texts = token_texts(doc)
        after = []
        for w in texts[end : end + MAX_ACT_WORDS]:
            if w in SENTENCE_MARKS:
                break
            after.append(w)
        first = self._adjectives_before(doc, i)  # "durch die Große Kreisstadt Tannheim"
        if self._fronted_passive_agent(doc, texts, first - 1 if first > 0 else first):
            return True  # "Getragen wird der Bauernmarkt von der Stadt Tannheim"
        if not after:
            return False
        if any(w == "als" and nxt in self.authority_roles for w, nxt in pairwise(after)):
            return True  # "tritt als Sponsor auf"
        k = i - 1 if i > 0 and texts[i - 1].lower() in ARTICLES else i
        if doc[k].is_sent_start and self._verb_lemma(after[0]) in self.town_agent_verbs:
            return True  # "Die Stadt Tannheim lud ..."
        if not any(w in self.agent_participles or w in self.gift_participles for w in after):
            return False
        before = texts[max(0, i - MAX_ACT_WORDS * 2) : i]
        if any(w in SENTENCE_MARKS for w in before):
            before = before[max(k for k, w in enumerate(before) if w in SENTENCE_MARKS) + 1 :]
        return any(w.lower() in PASSIVE_AGENT_PREPOSITIONS for w in before)

    def _fronted_passive_agent(self, doc: Doc, texts: list[str], k: int) -> bool:
        """ "Getragen wird der Bauernmarkt von der Stadt Tannheim": the doer's preposition right
        before the town's article (at ``k``), a doing or giving participle earlier in its
        sentence, where word order puts the participle first."""
        if k < 1 or texts[k].lower() not in ARTICLES:
            return False
        if texts[k - 1].lower() not in PASSIVE_AGENT_PREPOSITIONS:
            return False
        j = k - 1
        while j > 0 and not doc[j].is_sent_start and texts[j - 1] not in SENTENCE_MARKS:
            j -= 1
        cues = (*self.agent_participles, *self.gift_participles)
        return any(w.lower() in cues for w in texts[j : k - 1])

    def _town_authority(self, doc: Doc, i: int) -> bool:
        """A town's word at ``i`` in the genitive right after a noun of its office, house, meeting,
        prize or help, or a person's role, names the authority whatever
        the model reads ("der Bürgermeister der Stadt Tannheim", "das Rathaus der Gemeinde
        Tannheim"); after other nouns it is the town, its people, parts or fields ("die Einwohner
        der Stadt Tannheim", "die Felder der Gemeinde Tannheim"). So does a town's word
        after a passive participle and its doer's preposition ("unterstützt durch die Gemeinde
        Tannheim"), where "durch die Stadt" alone would be the way through it. A quoted name
        before the genitive is the noun's ("das „Bürgercafé“ der Stadt Tannheim")."""
        if i < 2:
            return False
        if self._passive_agent(doc, i):
            return True
        k = i - 2
        quoted = k > 0 and doc[k].text in CLOSING_QUOTES
        if quoted:
            k -= 1  # "das „Bürgercafé“ der Stadt Tannheim": the noun is the quoted name's
        article, before = doc[i - 1], doc[k]
        return (
            article.lower_ == "der"
            and is_capitalised(before.text)
            and before.text.isalpha()
            and not before.is_sent_start
            # a quoted name is a thing of the town's own, whatever its last word
            and (quoted or self._names_an_authority(before.text))
            and self.gazetteer.lookup(before.text) is None
        )

    def _names_an_authority(self, noun: str) -> bool:
        # not every organisation head: "im Zentrum der Stadt" is the town's centre
        return noun.lower().endswith(self.authority_endings) or self._is_role_noun(noun)

    def _passive_agent(self, doc: Doc, i: int) -> bool:
        """The words before ``i`` are a passive participle, its doer's preposition and an
        article ("gefördert von der", "ausgerichtet durch die")."""
        return (
            i >= 3
            and doc[i - 1].lower_ in ARTICLES
            and doc[i - 2].lower_ in PASSIVE_AGENT_PREPOSITIONS
            and doc[i - 3].lower_ in self.agent_participles
        )

    @staticmethod
    def _model_reads_place(doc: Doc, start: int, end: int) -> bool:
        """The model reads the place alone as a place, the word after it outside: after an
        article that word says something of the place ("im nächsten Jahr wird die Schweiz Partner
        der Messe"), it names no body with it; "Dresden Marketing" the model reads as one name."""
        return any(
            (start, end) == (ent_start, ent_end) and label in PLACE_LABELS
            for ent_start, ent_end, label in ent_bounds(doc)
        )

    def _verb_lemma(self, word: str) -> str:
        lemma = self.lemma(word) if self.lemma is not None else None
        return lemma or word

    def _may_open_place_head(self, text: str) -> bool:
        """Whether a reading of :meth:`_place_heads` other than a place and a word after it
        may start at a word: a head before a place, an organisation head or an acronym."""
        if not (self.lower_place_heads or text[:1].isupper()):
            return False  # without lower-case heads only a capitalised word starts a pattern
        return self._may_open_head(text) or self._is_lone_head(text) or is_acronym(text)

    def _may_open_head(self, text: str) -> bool:
        """Whether a place head may start at a word: one of the heads before a place, or a
        genitive form of one ("Kreises", see ``_genitive_head``)."""
        return _may_start(self.place_before_index, text) or text.endswith("s")

    def _is_lone_head(self, text: str) -> bool:
        """An organisation head that takes a place after it by itself ("Universität")."""
        return (
            text not in self.venue_heads
            and not self._fair_compound(text)
            and (self._is_org_head(text) or self._is_institution(text))
        )

    def _is_institution(self, text: str) -> bool:
        """ "Kreiskrankenhaus", "Stadtmusik", "Realschule": a compound on an
        institution's ending, which a place after it makes one body ("... Celle")."""
        return (
            text[:1].isupper()
            and text.replace("-", "").isalpha()
            and text.lower().endswith(self.institution_endings)
        )

    @staticmethod
    def _fair_compound(text: str) -> bool:
        """ "Buchmesse Ruhr" is a fair (events.py), not the company "Messe Essen"."""
        return len(text) > 7 and text.lower().endswith("messe") and text[-5] == "m"

    @staticmethod
    def _shouted(text: str) -> bool:
        letters = [ch for ch in text if ch.isalpha()]
        return len(letters) > 3 and all(ch.isupper() for ch in letters)

    def _genitive_head(self, doc: Doc, i: int) -> list[tuple[str, ...]]:
        text = doc[i].text
        if not (is_capitalised(text) and text.endswith("s") and i > 0):
            return []
        if doc[i - 1].lower_ not in GENITIVE_DETERMINERS:
            return []
        return [(text,)] if self._nominative_head(text, self.place_before_words) else []

    @staticmethod
    def _nominative_head(text: str, heads: Collection[str]) -> str:
        """The head of ``heads`` a word is, as written or in the genitive ("Sportkreises" ->
        "Sportkreis"); "" when it is none."""
        if text in heads:
            return text
        return next((stem for stem in genitive_stems(text) if stem in heads), "")

    @staticmethod
    def _renamed(cand: Candidate, doc: Doc, i: int, head: str) -> Candidate:
        """``cand``, whose head at ``i`` is written in the genitive, named with the head in the
        nominative ("des Sportkreises Böblingen" -> "Sportkreis Böblingen"): the name the body
        goes by, also where the lexicon lacks the genitive form."""
        cand.name = f"{head} {span_of(doc, i + 1, cand.end).text}"
        return cand

    def _branch_acronym(self, doc: Doc, i: int) -> bool:
        """An acronym no reader knows as a word right before an administrative unit's word
        ("BVKW Landkreis Celle"): the body's branch for that unit, one name."""
        if i < 1 or doc[i].text not in _district_words():
            return False
        word = doc[i - 1].text
        return (
            self._may_be_bare_acronym(word)
            and self.gazetteer.lookup(word) is None
            and not doc[i - 1].is_sent_start
        )

    def _after_locative(self, doc: Doc, i: int) -> bool:
        """ "in der Stadt Mannheim" is a place; "die Stadt Mannheim lädt ein" an actor; so is
        "im gesamten Landkreis X": adjectives between the article and the head."""
        first = k = before_attributive_adjectives(doc, i, self.lemma)
        while k >= 0 and doc[k].lower_ in LOCATIVE_ARTICLES:
            k -= 1
        return (
            k >= 0
            and k < first
            and doc[k].lower_ in self.locative
            or (k == first and k >= 0 and doc[k].lower_ in ("im",))
        )

    def _prefix_names(self, doc: Doc) -> list[Candidate]:
        out = []
        for i in self._starts(doc, "prefix_name"):
            end = i + 1
            complement = self._complement_end(doc, end)
            if complement is not None:
                end = complement
            while end < len(doc) and is_acronym(doc[end].text):
                end += 1
            if end > i + 1:
                out.append(self._org(doc, i, end, "pattern"))
        return out

    def _type_nouns(self, doc: Doc) -> list[Candidate]:
        out = []
        last = len(doc) - 1
        texts = token_texts(doc)
        for i in self._starts(doc, "type_noun"):
            if i == last:
                break  # a type noun needs a name after it
            text = texts[i]
            nxt = doc[i + 1]
            if not self._is_name_word(nxt) or nxt.text in self.nouns:
                continue
            if self._genitive_adjective(nxt.text):
                continue  # "Verband Deutscher Werkzeughersteller": the head belongs to the name
            if not has_upper(nxt.text) and not (
                text in self.brand_type_nouns and self._at_boundary(doc, i + 2)
            ):
                continue  # "Unternehmen mindestens ...": a lower-case word is rarely a name
            if is_capitalised(nxt.text) and self.gazetteer.match_at(doc, i + 1) is not None:
                continue
            end = i + 2
            while end < len(doc) and end - i <= 3 and self._is_name_word(doc[end]):
                if doc[end].text in self.nouns or person_starts(doc, end):
                    break
                end += 1
            out.append(self._org(doc, i + 1, end, "pattern", after_type_word=True))
        return out

    def _at_boundary(self, doc: Doc, j: int) -> bool:
        return j >= len(doc) or doc[j].is_punct or doc[j].lower_ in KNOWN_NAME_ENDS

    def _known(self, doc: Doc) -> list[Candidate]:
        out = []
        for i in self._starts(doc, "known"):
            hits = self._starting_at(self.known_index, doc, i)
            if (
                hits
                and any(w in self.venue_heads for w in hits[0][0])
                and self._in_venue_context(doc, i)
            ):
                continue  # "in der Messe Essen": the fairground, not the company
            if hits:
                seq, name, acronym = hits[0]
                out.append(Candidate(i, i + len(seq), ORG, name, "known", acronym=acronym or None))
        return out

    def _fair_companies(self, doc: Doc) -> list[Candidate]:
        """ "die Messe Wels meldete", "Veranstalter ist die Messe Tannheim": "Messe" and a town
        name the company that runs the fairground; after a place preposition ("in der Messe
        Wels") it is the fairground (venues.py), before a year the fair."""
        out = []
        for i in self._starts(doc, "messe"):
            if i >= len(doc) - 1 or self._in_venue_context(doc, i):
                continue
            match = self.gazetteer.match_at(doc, i + 1)
            if match is None or match.entry.kind not in TOWN_KINDS:
                continue
            if match.end < len(doc) and doc[match.end].like_num:
                continue
            if not self._acts(doc, i, match.end):
                continue  # "bei Familien wird die Messe Tannheim beliebter": the fair
            out.append(self._with_legal_form(doc, i, match.end))
        return out

    def _fair_company_plurals(self, doc: Doc) -> list[Candidate]:
        """ "bei den Brunnholt Messen Weilbach": a name, "Messen" and a town name a company that
        runs fairs there; one fair is "Messe", so the plural between a name and a town is no
        fair, and after "bei" it is the employer; on its site ("in den ...") the fairground."""
        out = []
        for i in self._starts(doc, "messen"):
            if not 1 <= i < len(doc) - 1:
                continue
            k = i - 2 if i >= 2 and doc[i - 2].lower_ in VENUE_ARTICLES else i - 1
            if k >= 0 and doc[k].lower_ in GROUNDS_PREPOSITIONS:
                continue
            name = doc[i - 1].text
            if not (
                is_capitalised(name)
                and name.isalpha()
                and name.lower() not in STOP_WORDS
                and name not in self.nouns
                and not is_adjective(name, self.lemma)
            ):
                continue
            end = self._place_after(doc, i + 1, TOWN_KINDS, model=True)
            if end is not None:
                out.append(self._with_legal_form(doc, i - 1, end))
        return out

    def _acts(self, doc: Doc, start: int, end: int) -> bool:
        """The name is an actor: a verb right after it ("meldete", "lädt ein", "ist"), a
        legal form, a role noun before it ("Veranstalter ist die ..."), or a word of saying
        and an article before it, the speaker in inverted order ("…, informiert die ...";
        ``reporting_verbs`` of org_cues.json)."""
        if (
            start >= 2
            and doc[start - 1].lower_ in VENUE_ARTICLES
            and doc[start - 2].lower_ in self.reporting_verbs
        ):
            return True
        if end < len(doc):
            nxt = doc[end]
            if self._starting_at(self.legal_index, doc, end):
                return True
            lemma = self.lemma(nxt.text) if self.lemma is not None else None
            if nxt.text[:1].islower() and lemma and lemma != nxt.text and lemma.endswith("n"):
                return True  # a finite verb: its lemma is an infinitive
        before = [t.text for t in span_of(doc, max(0, start - 3), start)]
        return any(self._is_role_noun(w) for w in before)

    def _in_venue_context(self, doc: Doc, i: int) -> bool:
        k = i - 1
        if k >= 0 and doc[k].lower_ in VENUE_ARTICLES:
            k -= 1
        return k >= 0 and doc[k].lower_ in self.venue_context

    def lemma_values(self) -> frozenset[str]:
        """Lemmas the lookup table lists inflected forms for: everyday words."""
        if self._lemma_values is None:
            values: frozenset[str] = frozenset()
            if "lemmatizer" in self.nlp.pipe_names:
                try:
                    table = self.nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
                    values = frozenset(table.values())
                except (KeyError, AttributeError, ValueError):
                    pass
            self._lemma_values = values
        return self._lemma_values

    def _compound_names(self, doc: Doc) -> list[Candidate]:
        """ "Emschergenossenschaft", "Ruhrverband", "Körber-Stiftung": one word on an
        organisation ending that is no common noun, before which stands a name rather than an
        everyday word ("Messegesellschaft", "Handwerkskammer" are generic)."""
        out = []
        texts = token_texts(doc)
        for i in self._starts(doc, "compound_name"):
            text = texts[i]
            lower = text.lower()
            suffix = (
                next((x for x in self.compound_suffixes if lower.endswith(x)), None)
                if lower.endswith(self.compound_suffixes)
                else None
            )
            if (
                suffix is None
                or len(text) - len(suffix) < 3
                or text.startswith(self.federal_prefix)
            ):
                continue
            if is_noun_form(text) or self._is_role_noun(text):
                continue
            if is_generic_compound(text, suffix, self.lemma_values(), self._is_place_word):
                continue
            if self.gazetteer.match_at(doc, i) is not None:
                continue
            if "-" in text and suffix in self.site_suffixes:
                continue  # "zum Velvorn-Werk": the company's plant, no body of its own
            if self._after_indefinite_article(doc, i):
                continue  # "eine lustige und laute Tanzgruppe": a common noun, no name
            if self._is_institution(text) and (
                self._after_locative(doc, i) or not all(p[:1].isupper() for p in text.split("-"))
            ):
                continue  # "in der Lotte-Reiniger-Schule": the building; "Bau-mit-Schule": a motto
            out.append(self._org(doc, i, i + 1, "pattern"))
        return out

    def _after_indefinite_article(self, doc: Doc, i: int) -> bool:
        """An indefinite article before the word, lower-case adjectives (and their "und")
        between: a name takes none ("eine lustige und laute Tanzgruppe")."""
        k = i - 1
        while k >= 0 and doc[k].lower_ not in INDEFINITE_ARTICLES:
            word = doc[k].text
            if not (
                word == ","
                or word in ADJECTIVE_JOINERS
                or (word.islower() and is_adjective(word.capitalize(), self.lemma))
            ):
                return False
            k -= 1
        return k >= 0

    def _organiser_names(self, doc: Doc) -> list[Candidate]:
        """ "veranstaltet von Kranzl", "Veranstalter war die Velvorn": after an organiser's cue
        a name no dictionary, gazetteer or list of first names knows is the organiser, even
        without a legal form or a head word."""
        out = []
        texts = token_texts(doc)
        for i in self._starts(doc, "organiser_cue"):
            j = i + 1
            if texts[i] in self.organiser_nouns:
                if j >= len(doc) or texts[j] not in self.organiser_links:
                    continue  # "Veranstalter ist|war|sind"
            elif j >= len(doc) or texts[j] not in AGENT_PREPOSITIONS:
                continue  # "veranstaltet von"
            j += 1
            while j < len(doc) and texts[j] in ARTICLES:
                j += 1
            end = self._unknown_name_end(texts, j)
            if end is not None:
                out.append(self._org(doc, j, end, "pattern"))
        return out

    def _bare_acronyms(self, doc: Doc) -> list[Candidate]:
        """ "vertrat die TKVW", "beim BKGV": an acronym after an article names a body when no
        reader knows it as a word ("die KI", "das WLAN" are everyday), it is no place, and the
        report never writes it before a year ("die IAA 2023" is a fair's edition) or the model
        reads it as an event or a person."""
        texts = token_texts(doc)
        # only after an article or a preposition (the first test of the loop below): the
        # sets of the whole report are built for these alone
        found = [
            i
            for i in self._starts(doc, "bare_acronym")
            if i > 0 and texts[i - 1].lower() in ACRONYM_DETERMINERS
        ]
        if not found:
            return []
        editions = {
            texts[k - 1]
            for k in range(1, len(texts))
            if texts[k].isdigit() and len(texts[k]) == EDITION_YEAR_DIGITS
        }
        # "Internationale Akademie (IAK)": a defined acronym is the long form's (linking.py)
        defined = {
            texts[k]
            for k in range(1, len(texts) - 1)
            if texts[k - 1] == "(" and texts[k + 1] == ")"
        }
        other = {
            t
            for start, end, label in ent_bounds(doc)
            if label not in ("ORG", "LOC")
            for t in range(start, end)
        }
        out = []
        for i in found:
            text = texts[i]
            if text in editions or text in defined or i in other:
                continue
            if self.gazetteer.lookup(text) is not None:
                continue
            nxt = texts[i + 1] if i + 1 < len(texts) else ""
            if nxt == "." and not doc[i].whitespace_:
                continue  # "MdL.", "LAbg.": a title's abbreviation
            if nxt[:1].isupper() or nxt[:1].isdigit():
                continue  # "der TG Nordheide", "die IAA 2023": a longer name or an edition
            out.append(self._org(doc, i, i + 1, "pattern"))
        return out

    def _bracket_parties(self, doc: Doc) -> list[Candidate]:
        """ "Tom Haber (Grüne)", "Eva Roth (Linke)": after a name, a party whose name is also
        an everyday word stands alone in brackets (org_patterns.json 'bracket_parties')."""
        out = []
        texts = token_texts(doc)
        for k in self._starts(doc, "dateline"):
            if k < 1 or k + 2 >= len(texts) or texts[k + 2] != ")":
                continue
            name = self.bracket_parties.get(texts[k + 1])
            if name is not None and is_capitalised(texts[k - 1]):
                out.append(Candidate(k + 1, k + 2, ORG, name, "pattern"))
        return out

    def _dateline_sources(self, doc: Doc) -> list[Candidate]:
        """ "Celle (Tannheimer Bote) -", "HOLLERBACH (KWZ).", "(Velvorn) Die Stadt ...": one
        word in brackets after the town opening a report's line, or opening the line, is the
        news service or medium; not a country or canton code ("Zug (ZG)"), nor an author's
        initials ("(tk)")."""
        out = []
        texts = token_texts(doc)
        for k in self._starts(doc, "dateline"):
            i = k + 1
            if i + 1 >= len(texts) or texts[i + 1] != ")":
                continue
            word = texts[i]
            if not word.isalpha() or len(word) <= (
                MAX_REGION_CODE if word.isupper() else MAX_INITIALS
            ):
                continue  # "(ZG)": a canton; "(tk)": the author's initials, no body
            if self.gazetteer.lookup(word) is not None or word.lower() in STOP_WORDS:
                continue
            if dateline_source_at(doc, i, i + 1):
                out.append(self._org(doc, i, i + 1, "pattern"))
        return out

    def _spelled_names(self, doc: Doc) -> list[Candidate]:
        """ "der Gewerbegemeinschaft Tannheimer Land (GGTL)", "des Senioren-Radsport-Vereins
        (SRV)": the words right before an acronym in brackets whose initials spell it
        (a compound's parts may add theirs) are the long form it is defined for; a name with
        an organisation's head is the organisation, whatever the model reads (an event's or a
        place's long form has none, a venue's only a building's: "Weilbach Center Nord"). A
        town right after the brackets is the branch's ("... Vereins (SRV) Weilbach")."""
        texts = token_texts(doc)
        out = []
        for k in self._starts(doc, "dateline"):
            if k < 1 or k + 2 >= len(texts) or texts[k + 2] != ")":
                continue
            acronym = texts[k + 1]
            if not (acronym.isalpha() and is_acronym(acronym)):
                continue
            start = self._spelling_start(texts, k, acronym.upper())
            if start is None or not any(
                self._is_org_head(w) and w not in self.venue_heads for w in texts[start:k]
            ):
                continue  # "Congress Center Tannheim (CCT)": a venue's head, the building
            cand = self._org(doc, start, k, "pattern", acronym=acronym)
            town = self._place_after(doc, k + 3)
            if town is not None and _boundary_after(doc, town):
                cand.name = f"{cand.name} {span_of(doc, k + 3, town).text}"
                cand.end = town
            out.append(cand)
        return out

    def _spelling_start(self, texts: list[str], k: int, acronym: str) -> int | None:
        """Where the name before token ``k`` starts whose words spell ``acronym``: capitalised
        words, and the lower-case words a name holds ("für", "und"), at most MAX_NAME_WORDS."""
        start = None
        for s in range(k - 1, max(-1, k - 1 - MAX_NAME_WORDS), -1):
            word = texts[s]
            if not (
                (is_capitalised(word) and word.replace("-", "").isalpha())
                or word in self.inner_words
                or word in GENITIVE_ARTICLES
                or word in SPELLING_LINKS
                or (word.isalpha() and word.islower() and is_capitalised(texts[s + 1]))
            ):
                break  # a lower-case word only before a noun: "für regionale Entwicklung"
            if is_capitalised(word) and _spells(
                tuple(self._letter_choices(w) for w in texts[s:k]), acronym
            ):
                start = s
        return start

    def _letter_choices(self, word: str) -> tuple[str, ...]:
        """The initials a word may give an acronym: none for a lower-case word or its first
        letter ("für"); a capitalised word its first letter and its compound parts' ("Gewerbe-
        gemeinschaft" "G" or "GG", "Senioren-Radsport" "SR")."""
        if not is_capitalised(word):
            return ("", word[0].upper())
        choices = [""]
        for part in word.split("-"):
            if not part:
                continue
            inner = [
                part[p].upper()
                for p in range(MIN_GROUP_PREFIX, len(part) - MIN_GROUP_PREFIX)
                if part[p:].capitalize() in self.nouns
            ][:MAX_INNER_INITIALS]
            heads = [part[0].upper()]
            for letter in inner:  # a compound's later parts, each optional
                heads += [h + letter for h in heads]
            choices = [c + h for c in choices for h in heads]
        return tuple(dict.fromkeys(choices))

    def _may_be_bare_acronym(self, text: str) -> bool:
        return (
            text.isalpha()
            and len(text) >= MIN_BARE_ACRONYM
            and not text.endswith("s")  # "die OKs": a plural of an everyday abbreviation
            and is_acronym(text)
            and text not in self.legal_index
            and not is_everyday_word(text)
        )

    def _person_affiliations(self, doc: Doc) -> list[Candidate]:
        """ "Alexander Berg von Velvorn nutzte ...": after a person the model reads, "von" and
        one word that no dictionary, gazetteer or list of first names knows and that is no
        everyday word is the body the person works for ("von Anfang an", "von Celle", "von
        Frei" stay out; where a longer name ends is left to the model)."""
        out = []
        texts = token_texts(doc)
        for start, j, label in ent_bounds(doc):
            if label not in PERSON_LABELS or j >= len(texts):
                continue
            if texts[j] not in PERSON_AFFILIATIONS:
                continue
            j += 1
            while j < len(texts) and texts[j] in ARTICLES:
                j += 1
            end = self._unknown_name_end(texts, j)
            if end == j + 1 and texts[j].isalpha() and not is_everyday_word(texts[j]):
                out.append(self._org(doc, j, end, "pattern"))
            elif self._trade_name(texts, j, texts[j - 2] if j - start > 2 else ""):
                out.append(self._org(doc, j, j + 2 if "-" not in texts[j] else j + 1, "pattern"))
        return out

    def _firm_names(self, doc: Doc) -> list[Candidate]:
        """ "bei der Firma Tom Kranzl Holzbau", "die Firma Kranzl": only a company's name follows
        the noun, so one to three capitalised words after it are one where the last is a
        trade's noun or one of them a word no lexicon knows (no person: a first name opens the
        company's name)."""
        texts = token_texts(doc)
        out = []
        for i in self._starts(doc, "firm"):  # most reports name no firm so
            j = end = i + 1
            while end < len(texts) and end - j < MAX_UNKNOWN_NAME and is_capitalised(texts[end]):
                end += 1
            if end == j or (end < len(texts) and is_capitalised(texts[end])):
                continue  # no name, or one whose end is unclear
            words = texts[j:end]
            if not all(w.replace("-", "").isalpha() and w.lower() not in STOP_WORDS for w in words):
                continue
            # the trade's noun closes the name or opens it before the family's ("Zimmerei
            # Tannheim", where the family's name is also a town's)
            trade = len(words) > 1 and (
                words[-1].lower().endswith(self.trade_endings)
                or words[0] in self.family_heads
                or words[0].lower().endswith(self.trade_endings)
            )
            if trade or any(self._is_unknown_word(w) and w not in first_names() for w in words):
                out.append(self._org(doc, j, end, "pattern", after_type_word=True))
        return out

    def _is_trade_noun(self, text: str) -> bool:
        """ "Metallbau", "Metzgerei": a trade's noun that a firm puts before its family's name."""
        return text in self.family_heads or (
            is_capitalised(text)
            and text.isalpha()
            and not has_upper(text[1:])  # "SommerfestMetallbau": two words run together
            and text.lower().endswith(self.trade_endings)
        )

    def _shouted_firms(self, doc: Doc) -> list[Candidate]:
        """ "bei Metallbau HORNSKE in Tannheim": a trade's noun and one name in capitals (more
        than an acronym's letters) that no lexicon knows as a common noun, then a boundary,
        are the firm, written as the firm writes itself."""
        out = []
        texts = token_texts(doc)
        for i in self._starts(doc, "trade"):
            if i + 1 >= len(texts):
                continue
            word = texts[i + 1]
            if not (word.isalpha() and self._shouted(word) and not is_acronym(word)):
                continue
            if word.title() in self.nouns or not _boundary_after(doc, i + 2):
                continue
            out.append(self._org(doc, i, i + 2, "pattern"))
        return out

    def _subject_units(self, doc: Doc) -> list[Candidate]:
        """ "die Fakultät Bau- und Umweltingenieurwesen", "der Fachbereich Chemie": a
        university's unit and the subjects it is named by, common nouns joined by "und"."""
        texts = token_texts(doc)
        out = []
        for i in self._starts(doc, "subject_unit"):
            end = k = i + 1
            while k < len(texts) and k - i <= MAX_SUBJECTS:
                word = texts[k]
                if word == "und" and k > i + 1:
                    k += 1
                    continue
                truncated = word.endswith("-")  # "Holz-": the next noun completes it
                stem = word[:-1] if truncated else word
                if not (is_capitalised(stem) and stem.isalpha()):
                    break
                if not (truncated or is_noun_compound(stem)):
                    break
                k += 1
                if not truncated:
                    end = k
            if end > i + 1 and not (end < len(texts) and is_capitalised(texts[end])):
                out.append(self._org(doc, i, end, "pattern"))
        return out

    def _group_compounds(self, doc: Doc) -> list[Candidate]:
        """ "die Rockband Velvorn", "vom Fensterhersteller Kelvatec": right after a compound
        that names a kind of band or company, capitalised words with one that no lexicon,
        gazetteer or list of first names knows are its name (a common noun or a town there is
        no name: "das Frauenensemble Süd", "der Autohändler Ulm")."""
        texts = token_texts(doc)
        out = []
        for i in self._starts(doc, "group_compound"):
            end = self._unknown_name_end(texts, i + 1)
            if end is not None and _noble_surname_at(texts, end):
                continue  # "der Glashersteller Tadeo von Kranzl": a person and a noble surname
            if end is not None and not person_starts(doc, i + 1):
                out.append(self._org(doc, i + 1, end, "pattern", after_type_word=True))
        return out

    def _state_bodies(self, doc: Doc) -> list[Candidate]:
        """ "im thüringischen Landtag", "des bayerischen Wirtschaftsministeriums": a
        state's adjective in lower case before a government body's word makes the word that
        state's body, named by the word ("Landtag", "Wirtschaftsministerium")."""
        texts = token_texts(doc)
        out = []
        for i in positions(texts, _is_government_word):
            if i == 0 or not is_regional_adjective(texts[i - 1]):
                continue
            if i + 1 < len(texts) and is_capitalised(texts[i + 1]):
                continue  # a longer name: another rule's
            out.append(self._org(doc, i, i + 1, "pattern"))
        return out

    def _national_branches(self, doc: Doc) -> list[Candidate]:
        """ "von Kelvatec Deutschland", "mit Velvorn Europe": a word that no lexicon, gazetteer
        or list of first names knows before a country is the company's branch there, after an
        article or a preposition a company takes ("die", "von", "mit"): a surname before a
        country is a person who goes there ("…, dass Quellmeyer Österreich verlässt")."""
        texts = token_texts(doc)
        out = []
        for k in positions(texts, self.branch_countries.__contains__):
            i = k - 1
            if i < 0 or not is_capitalised(texts[i]) or doc[i].is_sent_start:
                continue
            if k + 1 < len(texts) and is_capitalised(texts[k + 1]):
                continue  # a longer name: where it ends is another rule's
            if i == 0 or texts[i - 1].lower() not in BRANCH_BEFORE:
                continue  # also "in Kelvatec Deutschland": no way to name a place
            word = texts[i]
            if word in first_names() or is_everyday_word(word) or not self._is_unknown_word(word):
                continue
            out.append(self._with_legal_form(doc, i, k + 1))
        return out

    def _is_group_compound(self, text: str) -> bool:
        """A compound on a band's or company's kind ("Jugendband", "Softwareanbieters"), not
        on a longer organisation head that ends alike ("Landesverband")."""
        if not (is_capitalised(text) and text.replace("-", "").isalpha()):
            return False
        lower = text.lower()
        forms = genitive_stems(lower) or (lower,)  # "des Softwareanbieters"
        stem, ending = next(
            ((f, e) for f in forms for e in self.group_type_endings if f.endswith(e)), (lower, "")
        )
        if not ending or len(stem) - len(ending) < MIN_GROUP_PREFIX:
            return False
        head = next((h for h in self.compound_suffixes if stem.endswith(h)), "")
        return len(head) <= len(ending)

    def _trade_name(self, texts: list[str], j: int, surname: str) -> bool:
        """A company after a person and "von": an unknown word (or the person's own surname)
        and a trade's noun, two words or joined by a hyphen, and no capitalised word after
        them ("Jana Fink von Kranzl Metallbau", "Tom Kranzl von Kranzl Holzbau", "von
        Kranzl-Technik")."""
        if j >= len(texts):
            return False
        parts = texts[j].split("-")
        if len(parts) == 2 and all(parts):
            name, trade, end = parts[0], parts[1], j + 1
        elif j + 1 < len(texts):
            name, trade, end = texts[j], texts[j + 1], j + 2
        else:
            return False
        if end < len(texts) and is_capitalised(texts[end]):
            return False  # where a longer name ends is left to the model
        if not (is_capitalised(name) and name.isalpha() and is_capitalised(trade)):
            return False
        if name != surname and (name in first_names() or not self._is_unknown_word(name)):
            return False
        return trade.isalpha() and trade.lower().endswith(self.trade_endings)

    def _quoted_names(self, doc: Doc) -> list[Candidate]:
        """ "der Verein „Freude für Kinder“", "die Schülerband „Kolibrix“": a whole quoted
        name of up to five words right after an organisation's type word (``quoted_name_heads``
        of org_cues.json) is that organisation's name, whatever its words (a fair's, a work's
        or a project's title follows other nouns: "die Weinmesse „Rebenzauber“", "das Projekt
        „…“")."""
        out = []
        texts = token_texts(doc)
        for k in self._starts(doc, "quoted"):
            if k == 0 or not self._quoted_name_head(texts[k - 1]):
                continue
            end = k + 1
            while (
                end < len(texts)
                and end - k <= MAX_QUOTED_WORDS
                and texts[end] not in CLOSING_QUOTES
                and texts[end] not in SENTENCE_MARKS
            ):
                end += 1
            if end == k + 1 or end >= len(texts) or texts[end] not in CLOSING_QUOTES:
                continue
            if not texts[k + 1][:1].isupper():
                continue
            cand = self._org(doc, k + 1, end, "pattern")
            if texts[k + 1].lower() in ARTICLES:
                cand.name = span_of(doc, k + 1, end).text  # "„Die Roten Füchse“": as quoted
            out.append(cand)
        return out

    def _role_genitives(self, doc: Doc) -> list[Candidate]:
        """ "der Chefredakteur der Abendpost", "Geschäftsführerin der Velvorn": a person's
        role, a genitive article and one capitalised word that is no everyday word (frequency
        data), place, first name or common noun name what the person works for ("Leiter der
        Abteilung", "Bürgermeister der Stadt" stay out)."""
        out = []
        texts = token_texts(doc)
        for i in self._starts(doc, "role"):
            j = i + 2
            if j >= len(texts) or texts[i + 1] not in GENITIVE_ARTICLES:
                continue
            word = texts[j]
            if not (is_capitalised(word) and word.isalpha()):
                continue
            after = texts[j + 1] if j + 1 < len(texts) else ""
            if self._is_stage(word) and (not after[:1].isupper() or after in first_names()):
                # "der Direktor der Philharmonie Tim Adler": the house he leads, a body
                out.append(self._org(doc, j, j + 1, "pattern"))
                continue
            if is_everyday_word(word):
                continue
            if j + 1 < len(texts) and texts[j + 1][:1].isupper():
                continue  # a longer name: where it ends is the model's or another rule's
            if word in first_names() or not self._is_unknown_word(word):
                continue  # an unknown word is no place word either
            out.append(self._org(doc, j, j + 1, "pattern"))
        return out

    def _is_stage(self, word: str) -> bool:
        """A theatre's, opera's or orchestra's word ("Staatsoper", "Schauspielhaus")."""
        lower = word.lower()
        for case in ("", *GENITIVE_ENDINGS):  # "des Schauspielhauses", "der Staatsoper"
            if not lower.endswith(case):
                continue
            stem = lower[: len(lower) - len(case)]
            ending = next((e for e in self.stage_endings if stem.endswith(e)), None)
            if ending is not None:
                # "Staatsoper", "Stadttheater": a compound; "Schauspielhaus" alone
                return len(stem) - len(ending) >= MIN_STAGE_PREFIX or len(ending) >= MIN_STAGE_NAME
        return False

    def _is_person_role_word(self, text: str) -> bool:
        return self._is_role_noun(text) or self._is_person_role(text)

    def _quoted_name_head(self, word: str) -> bool:
        """A type word before a quoted name, also in the genitive ("des Vereins „…“")."""
        if not word[:1].isupper():
            return False
        forms = (word, *genitive_stems(word))
        return any(form.lower().endswith(self.quoted_name_heads) for form in forms)

    def _unknown_name_end(self, texts: list[str], j: int) -> int | None:
        """End of one to three capitalised words at j, one of them a word that no lexicon,
        gazetteer or list of first names knows, followed by no further capitalised word."""
        end = j
        while end < len(texts) and end - j < MAX_UNKNOWN_NAME and is_capitalised(texts[end]):
            end += 1
        if end == j or (end < len(texts) and is_capitalised(texts[end])):
            return None
        words = texts[j:end]
        if words[0] in first_names() or any(w.lower() in STOP_WORDS for w in words):
            return None
        return end if any(self._is_unknown_word(w) for w in words) else None

    def _is_unknown_word(self, word: str) -> bool:
        return (
            word.replace("-", "").isalpha()
            and not is_noun_form(word)
            and not is_noun_compound(word)
            and not self._is_place_word(word)
            and (self.lemma is None or self.lemma(word) in (None, word))
            and not is_adjective(word, self.lemma)
        )

    def _may_be_compound_name(self, text: str) -> bool:
        return (
            text[:1].isupper()
            and len(text) >= 8
            and text.replace("-", "").isalpha()
            and text.lower().endswith(self.compound_suffixes)
        )

    def _is_place_word(self, word: str) -> bool:
        return self.gazetteer.lookup(word[:1].upper() + word[1:]) is not None

    def _clubs(self, doc: Doc) -> list[Candidate]:
        """ "TSV 1860 München", "1. FC Köln", "FC Bayern München", "Sportfreunde Siegen",
        "von den Lauffreunden Wetterau": a club word, a founding year or number, and a place."""
        out = []
        texts = token_texts(doc)
        for i in self._starts(doc, "club"):
            text = texts[i]
            lower = text.lower()
            start = _club_number_start(doc, i)
            j = i + 1
            if j < len(doc) and doc[j].text.isdigit() and len(doc[j].text) <= 4:
                j += 1  # "TSV 1860", "Hannover 96"
            end = j
            while end < len(doc):
                match = self.gazetteer.match_at(doc, end)
                if match is None:
                    break
                end = match.end
            if end == j:
                continue
            cand = self._org(doc, start, end, "pattern")
            if lower.endswith("freunden") and cand.name.startswith(text):
                cand.name = text[:-1] + cand.name[len(text) :]  # "den Lauffreunden Wetterau"
            out.append(cand)
        return out

    def _may_open_club(self, text: str) -> bool:
        return text in self.club_heads or (
            is_capitalised(text) and text.lower().endswith(self.club_suffixes)
        )

    def _may_open_service_club(self, text: str) -> bool:
        return text in self.service_clubs or text.lower() in self.service_club_compounds

    def _service_clubs(self, doc: Doc) -> list[Candidate]:
        """ "Lions Club Tannheim Alte Mühle", "des Rotary-Clubs Weilbach": a service club's
        word and its own name after it, the capitalised words up to a common noun, a role, a
        stop word or punctuation (a declined adjective takes the word after it: "Alte Mühle")."""
        out = []
        texts = token_texts(doc)
        for i in self._starts(doc, "service_club"):
            j = i + 1
            if texts[i] in self.service_clubs:
                if j >= len(texts) or texts[j] not in self.service_club_words:
                    continue  # "Lions" alone: the model's to read
                j += 1
            end = self._service_club_name_end(doc, j)
            if end == j:
                continue  # "der Lions Club": the kind of club, no name of one
            cand = self._with_legal_form(doc, i, end)
            club = span_of(doc, i, j).text
            if club.endswith("s") and cand.name.startswith(club):
                cand.name = club[:-1] + cand.name[len(club) :]  # "des Lions Clubs Tannheim"
            out.append(cand)
        return out

    def _service_club_name_end(self, doc: Doc, j: int) -> int:
        texts = token_texts(doc)
        end = j
        while end < len(texts) and end - j < MAX_SERVICE_CLUB_NAME:
            word = texts[end]
            if (
                not is_capitalised(word)
                or doc[end].is_sent_start
                or word.lower() in STOP_WORDS
                or self._is_role_noun(word)
                or word in self.legal_index
                or self._plain_noun(word)
            ):
                break
            if (
                end + 1 < len(texts)
                and end + 1 - j < MAX_SERVICE_CLUB_NAME
                and is_adjective(word, self.lemma)
                and is_capitalised(texts[end + 1])
                and not doc[end + 1].is_sent_start
            ):
                end += 2  # "Alte Mühle"
                continue
            end += 1
        return end

    def _plural_names(self, doc: Doc) -> list[Candidate]:
        """ "Kulturbetriebe Dresden", "Verkehrsbetriebe Zürich": a plural compound and a place
        name written as such, not after a locative ("in den Kulturbetriebe" is no phrase)."""
        out = []
        texts = token_texts(doc)
        matches = self.gazetteer.matches(doc)
        for i in self._starts(doc, "plural_name"):
            if i == len(doc) - 1:
                continue
            match = matches[i + 1]  # most such words have no place after them
            if match is None or match.entry.kind not in TOWN_KINDS:
                continue
            text = texts[i]
            if self._is_role_noun(text) or doc[i].is_sent_start or not self._is_plural(text):
                continue
            if text.lower().endswith(SETTLEMENT_PLURALS):
                continue  # "die Partnerstädte Chartres und Jena": the towns themselves
            if fold(match.name) != fold(span_of(doc, i + 1, match.end).text):
                continue  # "Besucher Berlins": a genitive, not a name
            if self._after_locative(doc, i) or self._in_venue_context(doc, i):
                continue
            cand = self._org(doc, i, match.end, "pattern")
            if text.endswith("en") and self._is_plural(text[:-1]):
                cand.name = text[:-1] + cand.name[len(text) :]  # "den Stadtwerken Ulm"
            out.append(cand)
        return out

    @staticmethod
    def _may_open_plural_name(text: str) -> bool:
        return text[:1].isupper() and len(text) >= 8 and text.isalpha()

    def _centers(self, doc: Doc) -> list[Candidate]:
        """ "Management Center Innsbruck", "Innovation Centre Bochum": an institution."""
        out = []
        for i in self._starts(doc, "center"):
            if i >= len(doc) - 1:
                continue
            if doc[i + 1].text not in ("Center", "Centre", "Centrum"):
                continue
            end = self._place_after(doc, i + 2) or i + 2
            out.append(self._with_legal_form(doc, i, end))
        return out

    def _name_run(self, doc: Doc, j: int, limit: int) -> int:
        """End of up to ``limit`` capitalised name words from j (no stop word, role noun or
        punctuation); hyphenated words count as one ("Blau-Weiß")."""
        end = j
        while (
            end < len(doc)
            and end - j < limit
            and is_capitalised(doc[end].text)
            and doc[end].lower_ not in STOP_WORDS
            and not self._is_role_noun(doc[end].text)
            and doc[end].text not in self.legal_index
        ):
            end += 1
        return end

    def _club_names(self, doc: Doc) -> list[Candidate]:
        """ "TSV Eintracht Grafenau 1925 e.V.", "LG Telis Finanz Regensburg", "SV Werder
        Bremen": a club abbreviation, capitalised words (not all common nouns), an optional
        founding year and an optional legal form."""
        out = []
        texts = token_texts(doc)
        resume = 0  # the token after the last name found
        for i in self._starts(doc, "club_abbreviation"):
            if i >= len(texts) - 1:
                break
            if i < resume:
                continue
            first = i + 1
            if _founding_year(texts[first]) and first + 1 < len(texts):
                first += 1  # "TC 1907 Rot-Gelb Talheim": the year before the name
            end = self._name_run(doc, first, 4)
            if (
                first < end < len(texts) - 1
                and len(texts[end]) == 2
                and texts[end].isdigit()
                and (town := self.gazetteer.match_at(doc, end + 1)) is not None
            ):
                end = town.end  # "FSV Nord 08 Talheim"
            words = [t.text for t in span_of(doc, first, end)]
            if not words or (
                all(w in self.nouns or self._lemma_is_noun(w) for w in words)
                and not any(self.gazetteer.lookup(w) for w in words)
            ):
                continue  # "im TV Programm"; but "LG Nordlicht Kiel"
            if end < len(doc) and doc[end].text.isdigit() and len(doc[end].text) == 4:
                end += 1  # "TSV Eintracht Grafenau 1925"
            cand = self._with_legal_form(doc, i, end)
            number = _club_number_start(doc, i)
            if number < i:  # "1. FC Blau-Weiß Talheim"
                cand = self._org(doc, number, cand.end, cand.source, legal_form=cand.legal_form)
            if (
                doc[i].text in self.ambiguous_clubs
                and cand.end == end
                and not doc[end - 1].is_digit
                and first == i + 1
                and not any(self.gazetteer.lookup(w) for w in words)
            ):
                continue  # "TV Script": a common abbreviation needs a place, year or legal form
            out.append(cand)
            resume = cand.end
        return out

    def _plain_noun(self, word: str) -> bool:
        """A common noun that is no place name."""
        return (word in self.nouns or self._lemma_is_noun(word)) and not self.gazetteer.lookup(word)

    def _lemma_is_noun(self, word: str) -> bool:
        lemma = self.lemma(word) if self.lemma is not None else None
        return bool(lemma) and lemma in self.nouns

    def _regional_names(self, doc: Doc) -> list[Candidate]:
        """ "Sparkasse Tauberfranken", "des Sportkreises Böblingen": a regional institution and
        one or two capitalised words, even when the gazetteer does not know the region."""
        out = []
        texts = token_texts(doc)
        for i in self._starts(doc, "regional_name"):
            if i >= len(doc) - 1:
                break
            text = texts[i]
            head = self._nominative_head(text, self.regional_heads)
            if not head:
                continue
            if head != text and (i == 0 or doc[i - 1].lower_ not in SINGULAR_GENITIVE_ARTICLES):
                continue  # a genitive needs its article ("des Sportkreises")
            end = self._name_run(doc, i + 1, 3)
            while (
                end > i + 1
                and self._plain_noun(doc[end - 1].text)
                and not (end > i + 2 and is_adjective(doc[end - 2].text, self.lemma))
            ):
                end -= 1  # "der Sparkasse Tauberfranken Geld"; not "Klinik Hohe Warte"
            if end == i + 1 and self._family_name(doc, i):
                end = i + 2  # "das Bankhaus Lampe lud ein"
            if end == i + 1:
                continue  # "die Sparkasse Hauptstelle"
            if end < len(doc) and texts[end].isdigit() and len(texts[end]) <= MAX_HOUSE_NUMBER:
                continue  # "der Kindergarten Birkenhof 3": a house's name and number, the building
            if end - i > 3 and self.gazetteer.match_at(doc, end - 1) is None:
                end -= 1  # three words only when a place closes them ("Forst Brandenburg")
            if end == i + 2 and self._partners_name(doc, i):
                end = i + 4  # "die Bäckerei Kranzl und Wobbe": a firm of two families
            cand = self._with_legal_form(doc, i, end)
            if head != text:  # "des Sportkreises Böblingen" -> "Sportkreis Böblingen"
                self._renamed(cand, doc, i, head)
            out.append(cand)
        return out

    def _may_open_regional_name(self, text: str) -> bool:
        """A regional head ("Sparkasse") or a genitive of one ("Sportkreises")."""
        return bool(self._nominative_head(text, self.regional_heads))

    def _family_name(self, doc: Doc, i: int) -> bool:
        """ "Bäckerei Lemke,": a firm's type word and one capitalised word, then a boundary."""
        if not self._family_firm_head(doc, i, 1):
            return False
        word = doc[i + 1].text
        return _family_word(word) and word.lower() not in STOP_WORDS and _boundary_after(doc, i + 2)

    def _family_firm_head(self, doc: Doc, i: int, words: int) -> bool:
        """A firm's type word that family names follow ("Bäckerei") at ``i``, and ``words``
        tokens after it in the doc."""
        return doc[i].text in self.family_heads and i + words < len(doc)

    def _partners_name(self, doc: Doc, i: int) -> bool:
        """ "Bäckerei Kranzl und Wobbe.": a firm's type word and two family names joined by
        "und", then a boundary, name one firm; a family name is no common noun, place or first
        name ("Bäckerei Kranzl und Söhne" is another rule's, "Bäckerei Kranzl und Café Roth"
        two firms)."""
        if not self._family_firm_head(doc, i, 3) or doc[i + 2].lower_ != "und":
            return False
        word = doc[i + 3].text
        return (
            _family_word(word)
            and word not in self.nouns
            and not is_noun_form(word)
            and (self.lemma is None or self.lemma(word) in (None, word))  # no "Söhne"
            and word not in first_names()
            and not self._is_place_word(word)
            and _boundary_after(doc, i + 4)
        )

    def _publishers(self, doc: Doc) -> list[Candidate]:
        """ "Carlsen Verlag", "Verlag Peter Hammer", "Verlagsgruppe Oetinger": a publisher
        head before or after a capitalised name that is no common noun."""
        out = []
        for i in self._starts(doc, "publisher"):
            end = self._name_run(doc, i + 1, 2)
            words = [t.text for t in span_of(doc, i + 1, end)]
            if words and not all(w in self.nouns or self._lemma_is_noun(w) for w in words):
                out.append(self._with_legal_form(doc, i, end))
                continue
            k = i - 1
            # a noun written apart before "Verlag" is a name ("Klartext Verlag")
            if k >= 0 and self._publisher_word(doc, k):
                if k > 0 and self._publisher_word(doc, k - 1):
                    k -= 1  # "Rowohlt Theater Verlag"
                out.append(self._with_legal_form(doc, k, i + 1))
        return out

    def _foundations(self, doc: Doc) -> list[Candidate]:
        """ "die Stiftung Mercator lädt ein": "Stiftung" after an article or preposition and
        one capitalised word that is no common noun, closed by punctuation, "und" or a
        lower-case word other than a genitive article (not "die Stiftung Gelder bereitstellt",
        "die Stiftung Kunst der Gegenwart"); or a body a place completes, which founded it
        ("dank der Stiftung Gemeinde Tannheim", "die Stiftung Kreissparkasse Weilbach")."""
        out = []
        for i in self._starts(doc, "foundation"):
            if not 1 <= i < len(doc) - 1 or doc[i - 1].lower_ not in FOUNDATION_BEFORE:
                continue
            word = doc[i + 1].text
            body = self._body_and_place_end(doc, i + 1)
            if body is not None:  # "Stiftung Gemeinde Tannheim", "Stiftung Kreissparkasse X"
                out.append(self._org(doc, i, body, "pattern"))
                continue
            if (
                not is_capitalised(word)
                or not word.isalpha()
                or word.lower() in STOP_WORDS
                or word in self.nouns
                or self._lemma_is_noun(word)
                or is_adjective(word, self.lemma)
            ):
                continue
            nxt = doc[i + 2] if i + 2 < len(doc) else None
            if nxt is not None and not (
                nxt.is_punct or (nxt.text[:1].islower() and nxt.lower_ not in GENITIVE_ARTICLES)
            ):
                continue
            out.append(self._org(doc, i, i + 2, "pattern"))
        return out

    def _body_and_place_end(self, doc: Doc, j: int) -> int | None:
        """End of a one-word body's head that a place completes and that place at ``j``
        ("Stadt Tannheim", "Sparkasse Weilbach"): a foundation named after the body."""
        if doc[j].text not in self.place_before_words:
            return None
        return self._place_after(doc, j + 1)

    def _may_open_event_board(self, text: str) -> bool:
        return bool(self._nominative_head(text, self.event_board_heads))

    def _event_boards(self, doc: Doc) -> list[Candidate]:
        """ "des Kuratoriums Großes Brunnenfest der Altstadt", "das Festkomitee Tannheimer
        Musiknacht": a board or club that runs an event is named by the event's name right
        after its head, capitalised words (a genitive article inside) of which one is an
        event's noun, up to punctuation or a lower-case word; or by the event's noun right
        before it ("des Lichterfest Vereins")."""
        out = []
        texts = token_texts(doc)
        for i in self._starts(doc, "event_board"):
            if self._event_before_board(doc, i):
                cand = self._org(doc, i - 1, i + 1, "pattern")
                head = self._nominative_head(texts[i], self.event_board_heads)
                cand.name = f"{texts[i - 1]} {head}"  # "des Heimatfest Vereins"
                out.append(cand)
                continue
            end = self._event_name_end(doc, i + 1)
            if end is None:
                continue
            cand = self._with_legal_form(doc, i, end)
            head = self._nominative_head(texts[i], self.event_board_heads)
            if head != texts[i] and not cand.legal_form:
                self._renamed(cand, doc, i, head)  # "des Kuratoriums ..." -> "Kuratorium ..."
            out.append(cand)
        return out

    def _event_before_board(self, doc: Doc, i: int) -> bool:
        """ "des Tannheimer Lichterfest Vereins": an event's noun written apart before the head
        names the club that runs it, where no other capitalised word stands before the noun
        (the adjective's club is the model's or the adjective rule's)."""
        if i < 1 or not names_event(doc[i - 1].text) or not doc[i - 1].text.isalpha():
            return False
        return i < 2 or not is_capitalised(doc[i - 2].text) or doc[i - 2].is_sent_start

    def _event_name_end(self, doc: Doc, j: int) -> int | None:
        """End of an event's name at ``j`` that a boundary closes ("Großes Brunnenfest der
        Altstadt,")."""
        k = j
        while k < len(doc) and k - j < MAX_NAME_WORDS:
            text = doc[k].text
            if is_capitalised(text) and text.replace("-", "").isalnum():
                if self._is_role_noun(text) or (
                    text.lower() in STOP_WORDS and not is_adjective(text, self.lemma)
                ):
                    break  # "Großes Brunnenfest": an adjective on the stop list opens a name
                k += 1
            elif (
                k > j
                and doc[k].lower_ in GENITIVE_ARTICLES
                and k + 1 < len(doc)
                and is_capitalised(doc[k + 1].text)
            ):
                k += 1  # "Brunnenfest der Altstadt"
            else:
                break
        if k == j or not (_boundary_after(doc, k) or self._starting_at(self.legal_index, doc, k)):
            return None
        if not any(names_event(t.text) for t in span_of(doc, j, k)):
            return None
        return k

    def _publisher_word(self, doc: Doc, k: int) -> bool:
        tok = doc[k]
        return (
            is_capitalised(tok.text)
            and not tok.is_sent_start
            and tok.lower_ not in STOP_WORDS
            and not self._is_role_noun(tok.text)
            and not is_adjective(tok.text, self.lemma)
        )

    def _is_plural(self, word: str) -> bool:
        """A compound whose last part is a plural noun form ("Kultur|projekte")."""
        if self.lemma is None:
            return False
        for cut in range(3, len(word) - 4):
            part = word[cut:].capitalize()
            lemma = self.lemma(part)
            if lemma and lemma != part and lemma in self.nouns:
                return part.endswith(PLURAL_ENDINGS) and not lemma.endswith(part[-2:])
        return False


def _noble_surname_at(texts: list[str], k: int) -> bool:
    """ "von Kranzl", "zu Weilbach-Berg": a noble particle and a capitalised name at ``k``."""
    return k + 1 < len(texts) and texts[k] in SURNAME_PARTICLES and is_capitalised(texts[k + 1])


def _family_word(word: str) -> bool:
    """A capitalised word of letters only, as a family's name after a firm's word is
    ("Bäckerei Lemke"); the callers add what it must not be."""
    return is_capitalised(word) and word.isalpha()


def _spells(choices: tuple[tuple[str, ...], ...], acronym: str) -> bool:
    """Whether one initial string of each word, in order, make up the acronym."""
    if not choices:
        return not acronym
    return any(
        acronym.startswith(c) and _spells(choices[1:], acronym[len(c) :]) for c in choices[0]
    )


def _boundary_after(doc: Doc, j: int) -> bool:
    """The doc's end, punctuation or a lower-case word at ``j``: a name before it ends there
    ("die Bäckerei Lemke lud ein", "Bäckerei Lemke,")."""
    return j >= len(doc) or doc[j].is_punct or doc[j].text[:1].islower()


GOVERNMENT_HEADS = entity_word_list("government_head")
# a government body's word as it ends in the genitive too ("Landtags", "Ministeriums")
GOVERNMENT_ENDINGS = tuple(h + e for h in GOVERNMENT_HEADS for e in ("", *GENITIVE_ENDINGS))


def _is_government_word(word: str) -> bool:
    """A capitalised word on a government body's head, also in the genitive ("Landtags")."""
    return is_capitalised(word) and word.isalpha() and word.lower().endswith(GOVERNMENT_ENDINGS)


@cache
def _district_words() -> frozenset[str]:
    """Words of districts and regions before their name ("Landkreis", "Kreis", "Bezirk")."""
    return frozenset(administrative_words("district"))


@lru_cache(maxsize=1)
def _town_words() -> frozenset[str]:
    """The words of a town as a unit ("Stadt", "Gemeinde"): a town is visited and partnered,
    and the model reads a state's name without "Land" also where the state acts."""
    return frozenset(administrative_words("municipality"))


def towns_of_authorities(found: list[Candidate]) -> list[Candidate]:
    """A lone word the model reads as an organisation is the town when the rules name the
    town's authority with that word elsewhere in the report ("die Bürgerversammlung der
    Gemeinde Tannheim", later "die Straße von Tannheim nach Ulm"): the body goes by its town's
    word and name, the name alone is the town."""
    towns = _town_words()
    names = {
        c.name.partition(" ")[2]
        for c in found
        if c.label == ORG and c.source != NER_SOURCE and c.name.partition(" ")[0] in towns
    }
    names.discard("")  # the town's word alone
    if not names:
        return found
    return [
        replace(c, label=PLACE, kind=OTHER)
        if c.label == ORG and c.source == NER_SOURCE and c.length == 1 and c.name in names
        else c
        for c in found
    ]


def _founding_year(text: str) -> bool:
    return len(text) == EDITION_YEAR_DIGITS and text.isdigit()


@lru_cache(maxsize=65536)
def _capitalised_number(text: str) -> bool:
    return is_capitalised(text) and text.isalpha() and parse_number_word(text.lower()) is not None


def _club_number_start(doc: Doc, i: int) -> int:
    """Start of the club's number before its abbreviation ("1. FC Köln"), else i."""
    if i >= 2 and doc[i - 1].text == "." and doc[i - 2].text.isdigit():
        return i - 2
    if i >= 1 and doc[i - 1].text in CLUB_ORDINALS:
        return i - 1
    return i


def _first_token_index(entries: list[tuple]) -> dict[str, list[tuple]]:
    """Entries (token sequence first) by their first token, longest sequence first."""
    index: dict[str, list[tuple]] = {}
    for entry in sorted(entries, key=lambda e: -len(e[0])):
        index.setdefault(entry[0][0], []).append(entry)
    return index


def _may_start(index: dict[str, list], text: str) -> bool:
    """Whether an entry of a first-token index can start at a token (see ``_starting_at``)."""
    return text in index or (text.endswith(".") and text[:-1] in index)

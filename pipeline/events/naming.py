"""Which named event a report is about: event names in the text, grouped, weighed by where and
how often they occur.

A mention is an event noun ("Jobmesse", "Kirchentag", "Hackathon") with the capitalised words
before it that belong to its name ("Smart Country Convention", "Cranger Kirmes", "Lange Nacht
der Museen"), a name the noun introduces ("Gartenmesse GRÜNZEIT", "Festival «Sommerklang»"), an
``EVT`` entity of the NER, or a proper name that is the subject of the report's totals ("Kornfest
zieht 20'000 Gäste an"). Mentions whose words are one another's part are one event.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from itertools import compress, count
from operator import methodcaller, or_

from spacy.lang.de.stop_words import STOP_WORDS
from spacy.tokens import Doc

from pipeline.entities.canonical import ADJECTIVE_ENDINGS, GENITIVE_ENDINGS
from pipeline.entities.everyday import is_everyday_word
from pipeline.entities.words import (
    common_nouns,
    entity_word_list,
    first_names,
    is_acronym,
    person_titles,
    positions,
)
from pipeline.events.context import DocContext
from pipeline.events.lexicon import (
    WORD_CACHE_SIZE,
    cue_words,
    event_noun_base,
    is_generic,
    word_hits,
    word_is_cue,
)
from pipeline.events.places import place_in_word
from pipeline.memo import WordValues
from pipeline.quotation_marks import NAME_PAIRS
from pipeline.records import DateMention
from pipeline.temporal.lexicon import lexicon

# Weights of a mention by where it stands, and of an event by what kind of name it has.
TITLE_WEIGHT = 3.0
LEAD_WEIGHT = 2.0
BODY_WEIGHT = 1.0
NAMED_FACTOR = 2.0  # a name of its own ("Cranger Kirmes", "BEA")
COMPOUND_FACTOR = 1.0  # a specific event noun ("Jobmesse", "Landesturnfest")
GENERIC_FACTOR = 0.4  # "die Messe", "das Konzert"
SUBJECT_FACTOR = 1.0  # a proper name found only as the subject of the totals
ASIDE_FACTOR = 0.5  # in parentheses
PLURAL_FACTOR = 0.5  # "Vernissagen sind …": such events in general
OTHER_EDITION_FACTOR = 0.3  # "die nächste Messe"
LISTED_PART_FACTOR = 0.3  # "mit Festakt, Kinderfest und Hoftag": parts
ATTENDED_FACTOR = 1.5  # "die Besucher des Dorffests": the report's people belong to it
LIST_EVENTS = 3  # events named in one sentence that make a list of a programme's parts
LIST_GAP = 4  # words between two names of one list ("und einen", ", allen Mitarbeitern und")
MAX_NAME_WORDS = 3  # capitalised words before the event noun that can belong to its name
ANNIVERSARY_NAME_WORDS = 6  # words after "75 Jahre" that can name what is celebrated
OPENED_REACH = 3  # words after "Eröffnung des" up to the building's noun ("neuen umgebauten")
# Opening quotation marks and their closing ones
QUOTES = dict(NAME_PAIRS)
QUOTE_MARKS = frozenset(QUOTES) | frozenset(QUOTES.values())
# Adjectival forms of a name after an article or preposition, and their nominative
WEAK_ENDING, NOMINATIVE_ENDING = "en", "e"
PLURAL_N = cue_words("noun_plural_ending")[0]  # "Messe" -> "Messen"
GENITIVE_S = cue_words("noun_genitive_ending")[0]  # "Europas größte Messe"
COPULA_REACH = 4  # words between a copula's name and its event noun ("Europas größte")
PROPER_MIN_LETTERS = 3
LOWER_PREFIX_LETTERS = 4  # "xyz-" before a capitalised event noun at most
ORDINAL = re.compile(r"^\d{1,3}\.$")  # an edition number before a name ("30.")
SAID_ENDINGS = frozenset({"!", "?"})  # the end of an exclamation or a question in quotes
COUNT = re.compile(r"^\d+(?:[.,]\d+)*$")  # a cardinal in digits ("10", "1,5", "12.700")
TOTAL_CATEGORIES = ("visitors", "exhibitors", "participants")
KIND_ORDER = {"introduced": 0, "named": 1, "subject": 2, "compound": 3, "generic": 4}
YEAR_DIGITS = 4
YEARS = range(1900, 2101)  # a year after a name: "AQUA RUHR 2023"
NOT_FOUND = -1  # str.find's answer for no match


MIN_PERSON_ENDING = 2  # letters; longer endings only ("-erin", "-sänger")


@cache
def person_endings() -> tuple[str, ...]:
    """How a noun of a person ends ("Preisträgerin", "Sänger"), as the entity stage reads it,
    less the bare "-er": an event's own word ends so too ("Lichterzauber", "Sommerfeuer")."""
    nouns = tuple(e for e in entity_word_list("person_noun_ending") if len(e) > MIN_PERSON_ENDING)
    return nouns + entity_word_list("person_role_ending")


@dataclass
class NameMention:
    start: int  # token range of the name as written
    end: int
    name: str  # the name in nominative, without year
    key: tuple[str, ...]  # stems of its words
    kind: str  # introduced, named, compound, generic, subject
    weight: float = 1.0
    plural: bool = False
    in_speech: bool = False  # inside what someone said (asked of bare event nouns only)
    introduces: tuple[str, ...] = ()  # key of the event noun this name follows
    apposed: tuple[str, ...] = ()  # key of a bare event noun in apposition ("X, ein Turnier")
    head: int = -1  # the token of the event noun this name follows ("Festival «X»")


@dataclass
class EventName:
    mentions: list[NameMention] = field(default_factory=list)
    # the best mention and the number of mentions it was chosen from: the rules ask for it
    # many times, and mentions are only ever added
    _best: tuple[int, NameMention] | None = field(default=None, repr=False, compare=False)

    @property
    def key(self) -> tuple[str, ...]:
        return self.best.key

    @property
    def best(self) -> NameMention:
        """The fullest name: most words, named before compound before generic, first."""
        cached = self._best
        if cached is not None and cached[0] == len(self.mentions):
            return cached[1]
        best = min(
            self.mentions,
            key=lambda m: (
                m.kind != "introduced",
                -len(m.key),
                KIND_ORDER[m.kind],
                m.name.isupper(),
                m.plural,
                m.start,
            ),
        )
        self._best = (len(self.mentions), best)
        return best

    @property
    def first(self) -> NameMention:
        return min(self.mentions, key=lambda m: m.start)

    @property
    def kind(self) -> str:
        return self.best.kind

    @property
    def score(self) -> float:
        factor = {
            "introduced": NAMED_FACTOR,
            "named": NAMED_FACTOR,
            "subject": SUBJECT_FACTOR,
            "compound": COMPOUND_FACTOR,
            "generic": GENERIC_FACTOR,
        }[self.kind]
        mentions = self.mentions
        if self.kind != "generic":
            # „Eine tolle Messe für uns“: a bare event noun in what someone said joins the
            # named event it can refer to, but does not tell which event the report is about
            mentions = [m for m in mentions if not (m.kind == "generic" and m.in_speech)]
        return factor * sum(placed_weights(mentions))


def placed_weights(mentions: list[NameMention]) -> list[float]:
    """The weight of each place in the text that names the event, once: the same words can be
    found by several rules (an event noun and an ``EVT`` entity, a name and the noun that
    introduces it, a subject before two totals), and how often a report names an event is
    counted in places, not in rules. Of overlapping mentions the heaviest counts."""
    ordered = sorted(mentions, key=lambda m: (m.start, -m.weight))
    out: list[float] = []
    end = -1
    for m in ordered:
        if m.start < end:  # overlaps the place counted last
            if m.weight > out[-1]:
                out[-1] = m.weight
            end = max(end, m.end)
            continue
        out.append(m.weight)
        end = m.end
    return out


def stem(word: str) -> str:
    lower = word.lower()
    if len(lower) > 4:
        for ending in ("en", "er", "es", "em", "e", "n", "s"):
            if lower.endswith(ending):
                return lower[: -len(ending)]
    return lower


# every event name's words are stemmed, and names recur from report to report
_STEMS = WordValues(stem, WORD_CACHE_SIZE)


def is_count(text: str) -> bool:
    """A number written in digits that counts ("10", "1,5", "12.700"), not an ordinal ("20.")
    or a year."""
    return bool(COUNT.match(text)) and not is_year(text)


def is_year(text: str) -> bool:
    return text.isdigit() and len(text) == YEAR_DIGITS


def is_common_word(text: str) -> bool:
    return text in common_nouns() or text.lower() in STOP_WORDS


class NameFinder:
    def __init__(
        self,
        ctx: DocContext,
        places: dict[int, object],
        orgs: dict[int, object],
        dates: list[DateMention] = (),
    ):
        self.ctx = ctx
        self.doc: Doc = ctx.doc
        self.places = places
        self.orgs = orgs
        # the end characters of the dates of several words ("diese Woche")
        self.time_phrase_ends = frozenset(d.end_char for d in dates if " " in d.text.strip())

    def events(self, figures: list) -> list[EventName]:
        """The events named in the report, best first."""
        nouns = self.noun_mentions()
        mentions = [
            *nouns,
            *self.copula_mentions(nouns),
            *self.invited_mentions(),
            *self.year_mentions(),
            *self.entity_mentions(),
            *self.subject_mentions(figures),
            *self.anniversary_mentions(),
            *self.edition_mentions(),
            *self.brand_mentions(),
        ]
        for m in mentions:
            m.weight = self.weight(m)
            m.in_speech = m.kind == "generic" and self.ctx.in_speech(m.start)
        self.mark_apposed(mentions)
        groups = merge_introduced(group_mentions(mentions))
        self.add_bare_mentions(groups)
        self.weigh_listed_parts(groups)
        weigh_part_events(groups)
        return sorted(groups, key=lambda g: (-g.score, g.first.start))

    def mark_apposed(self, mentions: list[NameMention]) -> None:
        """ "Beim 8. Talheimer Hallencup, einem Turnier für Hobbyteams": a bare event noun in
        apposition right after a name says what kind of event the name is, and that noun
        refers to it wherever it stands (not to another event of the kind)."""
        words, lowers = self.ctx.words, self.ctx.lowers
        ends = {m.end: m for m in mentions if m.kind != "generic"}
        for m in mentions:
            if m.kind != "generic" or m.plural or m.start < 2:
                continue
            if words[m.start - 2] != "," or not word_is_cue(lowers[m.start - 1], "determiner"):
                continue
            named = ends.get(m.start - 2)
            if named is not None and not named.apposed:
                named.apposed = m.key

    def weigh_listed_parts(self, groups: list[EventName]) -> None:
        """ "Das Jubiläum bot einen Festakt, ein Kinderfest und einen Hoftag": where a
        sentence names several events, those after the first are the parts of a programme,
        which weigh less than the event they belong to."""
        ctx = self.ctx
        by_sentence: dict[int, list[tuple[int, int, NameMention]]] = defaultdict(list)
        for k, group in enumerate(groups):
            for m in group.mentions:
                if not m.plural:  # "zwei Kongresse": such events, not a whole of parts
                    by_sentence[ctx.sentence_of(m.start)].append((m.start, k, m))
        for found in by_sentence.values():
            if len({k for _, k, _ in found}) < LIST_EVENTS:
                continue
            found.sort(key=lambda item: item[0])
            first = found[0][1]
            parts = [m for _, k, m in found if k != first]
            if all(self.coordinated(a, b) for a, b in zip(parts, parts[1:], strict=False)):
                for m in parts:
                    m.weight *= LISTED_PART_FACTOR

    def coordinated(self, a: NameMention, b: NameMention) -> bool:
        """Whether two names stand in one list: a comma or a coordinator between them and
        only a few words ("einen Festakt, ein Kinderfest")."""
        between = self.ctx.lowers[a.end : b.start]
        return len(between) <= LIST_GAP and any(
            w == "," or word_is_cue(w, "name_coordinator") for w in between
        )

    def weight(self, m: NameMention) -> float:
        if self.ctx.in_title(self.ctx.token_starts[m.start]) or self.opens_untitled(m.start):
            weight = TITLE_WEIGHT
        elif self.ctx.in_lead(m.start):
            weight = LEAD_WEIGHT
        else:
            weight = BODY_WEIGHT
        if self.ctx.in_parentheses(m.start):
            weight *= ASIDE_FACTOR
        if m.plural and m.end - m.start == 1:
            # "Vernissagen sind keine Seltenheit": such events in general; a plural with name
            # words before it ("die Talheimer Kunstwochen") names the one series reported on
            weight *= PLURAL_FACTOR
        if self.ctx.cues.within(m.start - 3, m.start, "next_edition"):
            weight *= OTHER_EDITION_FACTOR
        if self.attended(m.start):
            weight *= ATTENDED_FACTOR
        return weight

    def attended(self, start: int) -> bool:
        """ "Die Besucher des 30. Talheimer Dorffests", "die Veranstalter der X", "die achte
        Ausgabe der X": an event named in the genitive of who comes to it or runs it, or of
        its edition."""
        words, lowers, cues = self.ctx.words, self.ctx.lowers, self.ctx.cues
        link = start - 1
        # an edition number, an opening quotation mark or a weak adjective may stand between
        while link >= 0 and self.between_article_and_name(words[link]):
            link -= 1
        if link < 1 or not word_is_cue(lowers[link], "genitive_link"):
            return False
        return any(
            cues.at(link - 1, kind) for kind in ("attendee", "organiser_role", "edition_noun")
        )

    def opens_untitled(self, i: int) -> bool:
        """A report without a title opens with the sentence that says what it is about: its
        first sentence weighs as a title does."""
        return not self.ctx.title_end and self.ctx.sentence_of(i) == 0

    def inside_other_record(self, i: int) -> bool:
        """A word inside a place or organisation name is no event ("Deutsche Messe AG",
        "Messe und Congress Centrum"), unless the name is just an event ("Ulmer
        Gartenmesse" taken for an organisation) that nobody heads ("der Geschäftsführer von
        Nordlicht Forum" speaks for a company)."""
        if i in self.places:
            return True
        record = self.orgs.get(i)
        if record is None:
            return False
        words = record.text.split()
        token_end = self.ctx.token_starts[i] + len(self.ctx.words[i])
        if len(words) > 2 or record.end_char != token_end:
            return True
        return self.ctx.officer_before(self.ctx.token_at(record.start_char))

    def noun_mentions(self) -> list[NameMention]:
        out = []
        texts = self.ctx.words
        # event nouns are capitalised: most words need no look-up, and each word is looked up
        # once (memoised across documents)
        for i in positions(texts, _NOUN_BASES):  # the Doc's word rows, read in C
            text = texts[i]
            base = _NOUN_BASES[text]
            if self.inside_other_record(i) or self.ends_time_phrase(i):
                continue
            start = self.name_start(i)
            end = self.genitive_end(i, base)
            if end == i + 1 and word_is_cue(base.lower(), "opening"):
                end = self.opened_building_end(i)
            singular = plural_singular(base)
            # "Vernissagen sind keine Seltenheit": a plural speaks of such events in general
            plural = bool(singular) or (
                text.lower().endswith("n") and not base.lower().endswith("n")
            )
            # the organisation in the genitive belongs to the name (not to a plural's: "zu den
            # Konzerten der Stadtkapelle"), while the mention ends at the noun: the organiser
            # rules read the genitive after it as who runs the event
            name_end = end
            if start == i and end == i + 1 and is_generic(base) and not plural:
                name_end = self.organisation_genitive_end(i)
            words = [*texts[start:i], base, *texts[i + 1 : name_end]]
            words = self.nominative(start, words, i - start)
            single = start == i and name_end == i + 1
            if single and self.ctx.cues.at(i, "event_phrase"):
                # "das Open Air am See": the noun and the word after it are a kind of event
                found = mention(i, i + 2, texts[i : i + 2], "compound")
                out.append(found)
                continue
            if single and word_is_cue((singular or base).lower(), "not_alone"):
                continue  # "Tag 2", "die Nacht": no event without a name around it
            if single:
                kind = self.single_word_kind(singular or base)
            elif start == i and all(
                not w[:1].isupper() or is_common_word(w) for w in texts[i + 1 : name_end]
            ):
                kind = "compound"  # "Tag der offenen Tür": a kind of event, named by words
            else:
                kind = "named"
            found = mention(start, end, words, kind)
            found.plural = plural
            out.append(found)
            for introduced in self.introduced_names(i):
                introduced.introduces = found.key
                introduced.head = i
                out.append(introduced)
        return out

    def invited_mentions(self) -> list[NameMention]:
        """ "Der Heimatverein lud zur „Talheimer Lichternacht“ ein", "lädt zum «Korvel
        Vinora» ein": a quoted name after the preposition of an organiser's invitation, in a
        sentence with an organiser's verb, is an event's name where the report quotes it again
        (its title), at each place; not what someone said, a place or an organisation."""
        ctx = self.ctx
        words = ctx.words
        invited = [
            i
            for i in ctx.cues.starts_of("invited_to")
            if i + 2 < len(words) and words[i + 1] in QUOTES
        ]
        names: set[tuple[str, ...]] = set()
        for i in invited:
            end = self.quote_end(i + 1)
            low, high = ctx.sentence_span(i)
            if end is None or not ctx.cues.within(low, high, "organiser_verb"):
                continue
            quoted = tuple(words[i + 2 : end])
            if all(k in self.places or k in self.orgs for k in range(i + 2, end)):
                continue  # a place or organisation ("zur „Alten Post“"), not "Talheimer X"
            names.add(quoted)
        out = []
        for quoted in names:
            size = len(quoted)
            found = [
                mention(k, k + size, list(quoted), "named")
                for k in positions(words, quoted[0].__eq__)
                if tuple(words[k : k + size]) == quoted and k > 0 and words[k - 1] in QUOTES
            ]
            # quoted once, it may be any word the dictionary lacks ("zum „Mitmachen“")
            if len(found) > 1:
                out += found
        return out

    def quote_end(self, opening: int) -> int | None:
        """Where the quoted name opened at token ``opening`` ends (its closing mark), for a
        name of capitalised words of at most MAX_NAME_WORDS + 1 words that no one said."""
        words = self.ctx.words
        closing = QUOTES[words[opening]]
        for end in range(opening + 2, min(opening + MAX_NAME_WORDS + 3, len(words))):
            # the pair's closing mark, or any mark where a text mixes them ("„X „")
            if words[end] == closing or words[end] in QUOTE_MARKS:
                quoted = words[opening + 1 : end]
                if is_said(quoted) or not quoted[0][:1].isupper():
                    return None
                if all(is_common_word(w) for w in quoted):
                    return None  # "zum „Mitmachen“": a word, no name
                return end
        return None

    def copula_mentions(self, nouns: list[NameMention]) -> list[NameMention]:
        """ "Seit Jahren ist die Korvel Vinora das wichtigste Treffen der Winzer", "Die Korvel
        Vinora bleibt die wichtigste Messe": a proper name that a copula makes a bare event
        noun is that event's name (found although it has no event noun of its own)."""
        out = []
        for noun in nouns:
            if noun.end - noun.start != 1 or noun.plural or noun.kind == "introduced":
                continue
            span = self.copula_name(noun.start)
            if span is None:
                continue
            start, end = span
            found = mention(start, end, self.ctx.words[start:end], "named")
            if noun.kind != "generic":  # "die Messe" joins the strongest event anyway
                found.introduces = noun.key
            out.append(found)
        return out

    def copula_name(self, i: int) -> tuple[int, int] | None:
        """The token range of the proper name a copula links to the bare event noun at ``i``:
        after the copula ("ist die Korvel Vinora die größte Messe") or before it ("Die Korvel
        Vinora ist die größte Messe"), with only an article, adjectives or a genitive place
        ("Europas") between the name and the noun."""
        ctx = self.ctx
        low, high = ctx.sentence_span(i)
        k = i - 1
        while (
            k >= low
            and i - k <= COPULA_REACH
            and not self.is_copula(k, i, high)
            and self.noun_attribute(k)
        ):
            k -= 1
        if k < low:
            return None
        if self.is_copula(k, i, high):  # "Die Korvel Vinora ist die größte Messe"
            end = k
            start = self.copula_name_start(end, low)
            if start is None:
                return None
            # after an article: a capitalised word opening the sentence may be any word
            # ("Zweimal war die Schau schon in Talheim", "Abermals war die Messe …")
            opened = start > low and word_is_cue(ctx.lowers[start - 1], "determiner")
            return (start, end) if opened else None
        # "ist die Korvel Vinora die größte Messe"
        end = k + 1
        start = self.copula_name_start(end, low)
        if start is None:
            return None
        before = start - 1
        if before >= low and word_is_cue(ctx.lowers[before], "determiner"):
            before -= 1
        return (start, end) if before >= low and self.is_copula(before, i, high) else None

    def noun_attribute(self, k: int) -> bool:
        """An article, an adjective ("größte") or a genitive place ("Europas") before a noun."""
        text, lower = self.ctx.words[k], self.ctx.lowers[k]
        if word_is_cue(lower, "determiner"):
            return True
        if text.isalpha() and text == lower:
            return lower not in STOP_WORDS
        return k in self.places and lower.endswith(GENITIVE_S)

    def is_copula(self, k: int, noun: int, sentence_end: int) -> bool:
        lower = self.ctx.lowers[k]
        if word_is_cue(lower, "name_copula"):
            return True
        return word_is_cue(lower, "name_copula_split") and any(
            word_is_cue(w, "name_copula_particle") for w in self.ctx.lowers[noun + 1 : sentence_end]
        )

    def copula_name_start(self, end: int, low: int) -> int | None:
        """The first token of the capitalised words that end before ``end``: a name with a
        proper word (no place, person, organisation or dictionary word alone) and no event
        noun (found by that noun)."""
        words = self.ctx.words
        start = end
        while (
            start > low
            and end - start < MAX_NAME_WORDS
            and words[start - 1][:1].isupper()
            and words[start - 1].replace("-", "").isalpha()
            and words[start - 1].lower() not in STOP_WORDS
        ):
            start -= 1
        if start == end:
            return None
        tokens = range(start, end)
        if any(k in self.orgs or event_noun_base(words[k]) for k in tokens):
            return None
        # a person ("Greta Almer ist die beste Läuferin des Turniers"); a first name or a
        # word the NER takes for a person's inside a name is none ("Agro Nova")
        if words[start] in first_names() or self.doc[start].ent_type_ == "PER":
            return None
        proper = [k for k in tokens if k not in self.places and not self.is_common(k)]
        return start if any(is_proper_word(words[k]) for k in proper) else None

    def ends_time_phrase(self, i: int) -> bool:
        """Whether token ``i`` ends a date of several words ("diese Woche", "am Wochenende"):
        an event noun there is a time ("singt diese Woche der Xdorfer Kirchenchor im
        Dom"), not the head of a name."""
        return self.ctx.token_starts[i] + len(self.ctx.words[i]) in self.time_phrase_ends

    def single_word_kind(self, base: str) -> str:
        """ "Messe" is generic, "Jobmesse" a compound, "Schwarzachtalmesse" (no dictionary
        word) a name of its own."""
        if is_generic(base):
            return "generic"
        if "-" in base:
            return "named" if self.names_before_hyphen(base.split("-", 1)[0]) else "compound"
        if base in common_nouns() or base.capitalize() in common_nouns():
            return "compound"
        return "named"

    def names_before_hyphen(self, first: str) -> bool:
        """ "KVT-Kongress", "Talheim-Schwinget" (Talheim named elsewhere too): an acronym or
        a proper name before the hyphen makes a name of its own; "Kinder-Uni" (a dictionary
        word) and "Open-Air-Festival" (a loan word found only there) are a kind of event."""
        if is_acronym(first) or place_in_word(first):
            return True
        if not is_proper_word(first):
            return False
        # a set of the report's words, made once: asked for each hyphenated event noun
        return first in self.ctx.memoised(("word_set",), lambda: frozenset(self.ctx.words))

    def name_start(self, i: int) -> int:
        """First token of the name whose event noun is token ``i``: capitalised words before
        it that are no common words ("Smart Country", "Cranger", "Hannover")."""
        ctx = self.ctx
        start = i
        own = self.orgs.get(i)  # "Ulmer Gartenmesse" read as an organisation
        while start > 0 and i - start < MAX_NAME_WORDS:
            text = ctx.words[start - 1]
            if not text[:1].isupper() or not any(ch.isalpha() for ch in text):
                break
            is_place = (start - 1) in self.places
            org = self.orgs.get(start - 1)
            if org is not None and org is not own and not is_place:
                break
            if text.lower() in STOP_WORDS or text in first_names():
                break
            if start > 1 and is_count(ctx.words[start - 2]):
                break  # "nach 5 Kilometer Rennen": a counted unit, no name word
            proper = is_place or is_acronym(text)
            if self.opens_line_or_sentence(start - 1) and not proper:
                break
            # a line break after the word (what the two tokens' text_with_ws holds after it)
            after = ctx.token_starts[start - 1] + len(text)
            stop = ctx.token_starts[start + 1] if start + 1 < len(ctx.words) else len(ctx.text)
            if "\n" in ctx.text[after:stop]:
                break
            start -= 1
        # "die Genossenschaft Olma Messen": a common noun opening the run before another name
        # word is the phrase's head, not part of the name ("der Deutsche Bädertag" keeps it)
        while start + 1 < i and self.is_phrase_head(start):
            start += 1
        return start

    def is_phrase_head(self, i: int) -> bool:
        text = self.ctx.words[i]
        if i in self.places or place_in_word(text):  # "Lindauer", "Tiroler"
            return False
        return is_common_word(text)

    def is_common(self, i: int) -> bool:
        """A dictionary word or stop word, also inflected ("Veranstaltungen")."""
        if is_common_word(self.ctx.words[i]):
            return True  # (no Token made)
        lemma = self.doc[i].lemma_
        return bool(lemma) and is_common_word(lemma)

    def opens_line_or_sentence(self, i: int) -> bool:
        """A capitalised word at the start of a line or sentence may be any word
        ("Gelungenes Schülerturnier"); after an edition number ("20. Lindauer …") the
        sentence splitter's break is none."""
        ctx = self.ctx
        if i == 0 or ctx.after_line_break(ctx.token_starts[i]):
            return True
        # Token.is_sent_start, read in the sentence starts (no Token made)
        sentence_start = ctx.sentence_starts[ctx.sentence_of(i)] == i
        return sentence_start and not ORDINAL.match(ctx.words[i - 1])

    def opened_building_end(self, i: int) -> int:
        """ "die Eröffnung des umgebauten Rathauses": an opening takes the genitive of the
        building it opens into its name (adjectives between), not that of an event ("der
        Messe")."""
        words, lowers = self.ctx.words, self.ctx.lowers
        if i + 2 >= len(words) or not word_is_cue(lowers[i + 1], "genitive_article"):
            return i + 1
        for end in range(i + 2, min(i + 2 + OPENED_REACH, len(words))):
            text = words[end]
            if not text.isalpha():
                return i + 1
            if text[:1].isupper():
                if event_noun_base(text) is not None:
                    return i + 1  # "die Eröffnung des Weihnachtsmarktes": the event is the market
                lower = lowers[end]
                forms = (lower, *(lower[: -len(e)] for e in GENITIVE_ENDINGS if lower.endswith(e)))
                endings = cue_words("opened_building")
                return end + 1 if any(f.endswith(endings) for f in forms) else i + 1
        return i + 1

    def genitive_end(self, i: int, base: str) -> int:
        """ "Lange Nacht der Museen", "Tag der offenen Tür": a bare time or feast noun takes
        a genitive attribute into its name."""
        doc = self.doc
        if not word_is_cue(base.lower(), "genitive_head") or i + 2 >= len(doc):
            return i + 1
        if not word_is_cue(self.ctx.lowers[i + 1], "genitive_article"):
            return i + 1
        for end in range(i + 2, min(i + 5, len(doc))):
            text = self.ctx.words[end]
            if not text.isalpha():
                return i + 1
            if text[:1].isupper():
                # "am Tag der Eröffnung", "am zweiten Tag des (Talheimer) Bauforums": a day
                # of an event, not an event of its own
                named = self.capitalised_run(end)
                if any(map(event_noun_base, self.ctx.words[end:named])):
                    return i + 1
                return named
        return i + 1

    def capitalised_run(self, start: int) -> int:
        """The end of the capitalised words of letters from ``start`` on, at most
        MAX_NAME_WORDS, on one line, with no stop word ("Tag der Talheimer Vereine")."""
        ctx = self.ctx
        end = start + 1
        while end < min(start + MAX_NAME_WORDS, len(ctx.words)):
            text = ctx.words[end]
            if not text[:1].isupper() or not text.replace("-", "").isalpha():
                break
            if text.lower() in STOP_WORDS or ctx.after_line_break(ctx.token_starts[end]):
                break
            end += 1
        return end

    def organisation_genitive_end(self, i: int) -> int:
        """ "die Tagung des Talheimer Imkerbundes", "der Kongress des Verbands der
        Bienenzüchter": a generic event noun with an organisation in the genitive
        right after it is that organisation's event, named with it (the report's other events
        of the kind are others'); a compound has a name of its own ("der Frühlingsball der
        Feuerwehr")."""
        words, lowers = self.ctx.words, self.ctx.lowers
        if i + 2 >= len(words) or not word_is_cue(lowers[i + 1], "genitive_article"):
            return i + 1
        record = self.orgs.get(i + 2)
        if record is None or record.start_char != self.ctx.token_starts[i + 2]:
            return i + 1
        end = i + 2
        while end < len(words) and self.orgs.get(end) is record:
            end += 1
        if any(map(event_noun_base, words[i + 2 : end])):
            return i + 1  # "am Tag des Talheimer Imkerforums": an event read as an organisation
        return end

    def nominative(self, start: int, words: list[str], head: int) -> list[str]:
        """ "der Langen Nacht" -> "Lange Nacht": weak adjective endings after an article."""
        before = start - 1
        # "der 12. Langen Nacht", "der gestrigen „Langen Nacht": an edition number, an
        # opening quotation mark or a weak adjective stand between the article and the name
        while before >= 0 and self.between_article_and_name(self.ctx.words[before]):
            before -= 1
        if before < 0 or not word_is_cue(self.ctx.lowers[before], "inflecting_word"):
            return words
        out = list(words)
        for k in range(head):
            word = out[k]
            weak = word.endswith(WEAK_ENDING) and word.lower() not in common_nouns()
            if weak and (start + k) not in self.places:
                out[k] = word[: -len(WEAK_ENDING)] + NOMINATIVE_ENDING
        return out

    @staticmethod
    def between_article_and_name(word: str) -> bool:
        weak = word.endswith(WEAK_ENDING) and word[:1].islower() and word.isalpha()
        return bool(ORDINAL.match(word)) or word in QUOTES or weak

    def introduced_names(self, i: int) -> list[NameMention]:
        """A name right after the event noun: "Gartenmesse GRÜNZEIT", "Festival «Sommerklang»"."""
        texts = self.ctx.words
        if i + 1 >= len(texts):
            return []
        text = texts[i + 1]
        if text in QUOTES:
            return self.quoted_name(i + 1)
        if self.names_a_prize(i) and texts[i + 2] in QUOTES:
            # "die Verleihung des „Goldenen Kelms“": the ceremony is known by its prize
            return self.quoted_name(i + 2)
        if is_acronym(text) and (i + 1) not in self.places and len(text) >= PROPER_MIN_LETTERS:
            return [mention(i + 1, i + 2, [text], "introduced")]
        return []

    def quoted_name(self, opening: int) -> list[NameMention]:
        """The quoted name opened at token ``opening``, of at most four words, if no one
        said it."""
        texts = self.ctx.words
        closing = QUOTES[texts[opening]]
        for end in range(opening + 1, min(opening + 6, len(texts))):
            if texts[end] == closing and end > opening + 1:
                quoted = texts[opening + 1 : end]
                if is_said(quoted):
                    return []
                return [mention(opening + 1, end, quoted, "introduced")]
        return []

    def names_a_prize(self, i: int) -> bool:
        """Whether the event noun at ``i`` is a prize's ceremony ("Verleihung",
        ``prize_ceremony``) with a genitive article after it."""
        words = self.ctx.words
        if i + 2 >= len(words) or not word_is_cue(self.ctx.lowers[i + 1], "genitive_article"):
            return False
        base = _NOUN_BASES[words[i]]
        return base is not None and base.lower().endswith(cue_words("prize_ceremony"))

    def anniversary_mentions(self) -> list[NameMention]:
        """ "75 Jahre Turnverein Musterdorf" as a report's title: the anniversary
        celebration of what it names, also where the text repeats the words."""
        ctx = self.ctx
        words, lowers = ctx.words, ctx.lowers
        if not ctx.title_end:
            return []
        first = ctx.token_at(len(ctx.text) - len(ctx.text.lstrip()))
        title = self.anniversary_at(first)
        if title is None:
            return []
        out = [title]
        key = title.key
        # the same words again under the title
        for i in range(title.end, len(words) - 1):
            if words[i] == words[first] and lowers[i + 1] == lowers[first + 1]:
                again = self.anniversary_at(i)
                if again is not None and again.key == key:
                    out.append(again)
        return out

    def anniversary_at(self, i: int) -> NameMention | None:
        """ "75 Jahre Turnverein Musterdorf" starting at token ``i``: a number, "Jahre"
        and capitalised words (joined by "und" or hyphens) up to a line's or clause's end."""
        words, lowers = self.ctx.words, self.ctx.lowers
        if i + 2 >= len(words) or not words[i].isdigit():
            return None
        if not word_is_cue(lowers[i + 1], "anniversary_years"):
            return None
        end = i + 2
        while end < len(words) and end - i - 2 < ANNIVERSARY_NAME_WORDS:
            text = words[end]
            if (
                text[:1].isupper()
                or text == "-"
                or (
                    word_is_cue(lowers[end], "name_coordinator")
                    and end + 1 < len(words)
                    and words[end + 1][:1].isupper()
                )
            ):
                after = self.ctx.token_starts[end] + len(text)
                end += 1
                if "\n" in self.ctx.text[after : after + 2]:
                    break
                continue
            break
        if end == i + 2 or not words[end - 1][:1].isupper():
            return None
        return mention(i, end, words[i:end], "compound")

    def year_mentions(self) -> list[NameMention]:
        """ "AQUA RUHR 2023", "Kärnten Läuft 2024": proper words before a year are a name (not
        a person's title and the year of office: "Vorsitzende 2019 bis 2022")."""
        out = []
        titles = person_titles()[0]
        texts = self.ctx.words
        # the years, found in C by a memoised word test in the Doc's word rows (most words
        # are none)
        for i in positions(texts, _YEAR_WORDS):
            if i == 0:
                continue
            if event_noun_base(texts[i - 1]):
                continue  # "Hannover Messe 2017" is found by its event noun
            if texts[i - 1] in titles:
                continue  # "Vorsitzende 2019 bis 2022": a person's term of office
            start = self.name_start(i)
            words = texts[start:i]
            proper = [k for k in range(start, i) if k not in self.places and not self.is_common(k)]
            if words and proper and (start + len(words) - 1) not in self.orgs:
                out.append(mention(start, i, words, "named"))
        return out

    def edition_mentions(self) -> list[NameMention]:
        """ "Die dritte Korvel Vinora gefiel", "zum Start der diesjährigen Quendara": an
        edition number or "diesjährig" after an article or preposition, before capitalised
        words with a proper word among them and no event noun (found by its noun), is an
        event's name where the report repeats those words (a word it uses once may be any
        noun the dictionary lacks: "die 25. Austragung"), at each place. Not a club ("der 1.
        FC Talheim": a first "1." is no edition), an organisation, a person or a noun with a
        genitive after it ("die 25. Austragung des X": X is the event)."""
        texts = self.ctx.words
        found: dict[tuple[str, ...], NameMention] = {}
        for i in positions(texts, _EDITION_WORDS):
            if i == 0 or texts[i - 1].lower() not in STOP_WORDS:
                continue
            end = self.edition_name_end(i + 1)
            words = tuple(texts[i + 1 : end])
            if not words or any(k in self.orgs for k in range(i + 1, end)):
                continue
            if not any(
                k not in self.places and is_proper_word(texts[k]) and not self.is_common(k)
                for k in range(i + 1, end)
            ):
                continue
            if end < len(texts) and word_is_cue(texts[end].lower(), "genitive_link"):
                continue
            if self.doc[i + 1].ent_type_ == "PER" or self.names_a_person(words):
                continue
            found.setdefault(words, mention(i + 1, end, list(words), "named"))
        out = []
        for words, first in found.items():
            size = len(words)
            again = [
                mention(k, k + size, list(words), "named")
                for k in positions(texts, words[0].__eq__)
                if k != first.start and tuple(texts[k : k + size]) == words
            ]
            if again:
                out += [first, *again]
        return out

    def brand_mentions(self) -> list[NameMention]:
        """ "die drupa 2024", "die 12. bauma", "die Messen fairLAB und …", "die nächste
        interpack Verpackungsmesse": a word written in lower case that no dictionary has (a
        fair's brand) after an article or an edition number and before a year or an event
        noun, or right after an event noun, is an event's name. A word in plain lower case
        counts where the report uses it again (one written with an inner capital, "fairLAB",
        at once); adjectives ("die neue 2024") end as adjectives do."""
        words, lowers = self.ctx.words, self.ctx.lowers
        repeated = Repeated(words)
        out = []
        for i in positions(words, _BRAND_WORDS):
            if i == 0 or i + 1 >= len(words) or self.doc[i].lemma_ not in ("", words[i]):
                continue  # "die Messe zeigte": an inflected verb the lemma table knows
            before, after = words[i - 1], words[i + 1]
            opened = word_is_cue(lowers[i - 1], "determiner") or _EDITION_WORDS[before]
            closed = _YEAR_WORDS[after] or _NOUN_BASES[after] is not None
            introduced = _NOUN_BASES[before] is not None
            if not (introduced or _EDITION_WORDS[before] or (opened and closed)):
                continue
            if words[i].islower() and not repeated(words[i]):
                continue
            out.append(mention(i, i + 1, [words[i]], "named"))
        return out

    @staticmethod
    def names_a_person(words: tuple[str, ...]) -> bool:
        """ "Oberbürgermeisterin Greta Almer": a first name or a person's title among the
        words; "Kelvora Schmidtke-Preisträgerin": a last word (the head) that ends like a
        noun of a person ("-erin", "-sänger")."""
        titles = person_titles()[0]
        if any(w in first_names() or w in titles for w in words):
            return True
        return words[-1].lower().endswith(person_endings())

    def edition_name_end(self, start: int) -> int:
        """The end of the capitalised words of letters after an edition word, at most
        MAX_NAME_WORDS + 1 and not past a line break; ``start`` where one is an event noun."""
        texts, ctx = self.ctx.words, self.ctx
        end = start
        while end < min(start + MAX_NAME_WORDS + 1, len(texts)):
            text = texts[end]
            if not text[:1].isupper() or not text.replace("-", "").isalpha():
                break
            if event_noun_base(text):
                return start
            if end > start and ctx.after_line_break(ctx.token_starts[end]):
                break
            end += 1
        return end

    def entity_mentions(self) -> list[NameMention]:
        """Named events the NER marks (``EVT``), when the loaded model has that label."""
        out = []
        for start, end in label_ranges(self.ctx.ent_bounds, "EVT"):
            if not self.names_an_event(start, end):
                continue
            words = without_years(self.ctx.words[start:end])
            if words:
                out.append(mention(start, end, words, "named"))
        return out

    def names_an_event(self, start: int, end: int) -> bool:
        """Whether an ``EVT`` span can be an event's name: not just a place or organisation the
        other stages found ("im Deutschen Historischen Museum"), and not dictionary words
        alone ("Mittagspause", "Anfahrt") unless one is an event noun."""
        tokens = range(start, end)
        if all(i in self.places or i in self.orgs for i in tokens):
            return False
        words = self.ctx.words
        if any(event_noun_base(words[i]) for i in tokens):
            return True
        if all(words[i] in self.person_words() for i in tokens):
            return False  # "sagte Traußnig": the person named in full elsewhere, no event
        return not all(self.is_common(i) or is_common_word(_last_part(words[i])) for i in tokens)

    def person_words(self) -> frozenset[str]:
        """The words of the persons the NER finds ("Gerald Traußnig") and those after a first
        name: where the NER reads one of them alone as an event, it is that person."""

        def compute() -> frozenset[str]:
            words = self.ctx.words
            found = {w for s, e in label_ranges(self.ctx.ent_bounds, "PER") for w in words[s:e]}
            found |= {b for a, b in zip(words, words[1:], strict=False) if a in first_names()}
            return frozenset(found)

        return self.ctx.memoised(("person_words",), compute)

    def subject_mentions(self, figures: list) -> list[NameMention]:
        """ "Kornfest zieht 20'000 Gäste an": a proper name before a total in its sentence,
        used more than once, that is no place, organisation, person or common word."""
        total_tokens = [
            self.ctx.token_at(f.start_char) for f in figures if f.category in TOTAL_CATEGORIES
        ]
        if not total_tokens:
            return []
        words = self.ctx.words
        repeated = Repeated(words)
        # each sentence's candidates found once: a sentence with many totals would otherwise
        # be walked once per total; only the words whose shape and dictionary look-ups allow
        # a name (a memoised word test, mapped in C) are tested at their token
        candidates: dict[int, list[int]] = {}
        out = []
        for total in total_tokens:
            start, end = self.ctx.sentence_span(total)
            if start not in candidates:
                candidates[start] = [
                    i
                    for i in map(start.__add__, word_hits(_SUBJECT_WORDS, words[start:end]))
                    if self.is_proper_subject(i) and repeated(words[i])
                ]
            found = candidates[start]
            for i in found[: bisect_left(found, total)]:
                out.append(mention(i, i + 1, [self.ctx.words[i]], "subject"))
        return out

    def is_proper_subject(self, i: int) -> bool:
        text = self.ctx.words[i]
        if is_brand_word(text):
            # "Die velmora zählte 40.000 Besucher": a brand in lower case after an article
            return i > 0 and word_is_cue(self.ctx.lowers[i - 1], "determiner")
        if not is_proper_word(text):
            return False
        if i in self.places or i in self.orgs:
            return False
        if i > 0 and self.ctx.words[i - 1] in first_names():
            return False
        token = self.doc[i]  # made only for the few words that get this far
        if token.ent_type_ == "PER" or event_noun_base(text):
            return False
        lemma = token.lemma_
        return not (lemma and lemma != text and is_common_word(lemma))

    def add_bare_mentions(self, groups: list[EventName]) -> None:
        """A name of one proper word counts wherever that word stands ("die XPO",
        "XPO-Tage")."""
        singles = [
            g
            for g in groups
            if g.best.kind in ("named", "subject") and g.best.end - g.best.start == 1
        ]
        if not singles:
            return
        taken = {i for g in groups for m in g.mentions for i in range(m.start, m.end)}
        # where each word stands, and each part before a hyphen ("XPO" in "XPO-Tage"): one
        # pass over the words, not one per event (a report can name thousands); only the forms
        # looked up below are kept, as most words name no event
        wanted = {self.ctx.words[g.best.start] for g in singles}
        wanted |= {w + "-" for w in wanted}
        places_of: dict[str, list[int]] = defaultdict(list)
        words = self.ctx.words
        # only the wanted words and those with a hyphen after their first character can be
        # one: both found in C; the latter only where the text holds a wanted form that ends
        # in a hyphen (a word's part before a hyphen stands in the text)
        maybe = map(wanted.__contains__, words)
        if any(w.endswith("-") and w in self.ctx.text for w in wanted):
            hyphen_at = map(methodcaller("find", "-", 1), words)
            maybe = map(or_, maybe, map(NOT_FOUND.__ne__, hyphen_at))
        for i in compress(count(), maybe):
            text = words[i]
            if text in wanted:
                places_of[text].append(i)
            k = text.find("-", 1)
            while k != -1:
                if text[: k + 1] in wanted:
                    places_of[text[: k + 1]].append(i)
                k = text.find("-", k + 1)
        for group in singles:
            best = group.best
            word = self.ctx.words[best.start]
            for i in sorted({*places_of.get(word, ()), *places_of.get(word + "-", ())}):
                if i in taken:
                    continue
                m = mention(i, i + 1, [word], best.kind)
                m.weight = self.weight(m)
                group.mentions.append(m)
                taken.add(i)


class Repeated:
    """Whether a word stands more than once among ``words``, counted when first asked (most
    reports have no proper name before a total to ask for)."""

    def __init__(self, words: list[str]) -> None:
        self.words = words
        self.counts: Counter[str] | None = None

    def __call__(self, word: str) -> bool:
        if self.counts is None:
            self.counts = Counter(self.words)
        return self.counts[word] > 1


def label_ranges(bounds: list[tuple[int, int, str]], label: str) -> list[tuple[int, int]]:
    """Token ranges of the entities of ``label`` among ``(start, end, label)`` bounds as
    ``doc.ents`` has them (``DocContext.ent_bounds``)."""
    return [(start, end) for start, end, found in bounds if found == label]


def is_proper_word(text: str) -> bool:
    """A capitalised word of letters that is no dictionary word, stop word or first name: it
    can be an event's proper name."""
    return (
        text.isalpha()
        and text[:1].isupper()
        and len(text) >= PROPER_MIN_LETTERS
        and not is_common_word(text)
        and text not in first_names()
    )


def is_said(words: list[str]) -> bool:
    """ "Gartenmesse „so schön wie nie!“": quoted words that open in lower case or end in an
    exclamation or question mark are what someone said (a headline's quote), no name."""
    return words[0][:1].islower() or words[-1] in SAID_ENDINGS


def is_edition_word(text: str) -> bool:
    """ "12.", "dritte", "diesjährigen": an ordinal from the second on (a first "1." is as
    often a club's: "1. FC"), a word ordinal (not "letzte"), or an edition adjective
    (``edition_adjective``)."""
    if ORDINAL.match(text):
        return int(text[:-1]) >= 2
    if not text[:1].islower():
        return False  # "Erster Bürgermeister": a title
    if word_is_cue(text, "edition_adjective"):
        return True
    return any(
        text.startswith(stem) and text[len(stem) :] in ADJECTIVE_ENDINGS and value >= 1
        for stem, value in lexicon().ordinals.items()
    )


_EDITION_WORDS = WordValues(is_edition_word, WORD_CACHE_SIZE)
# four digits of a year after a name
_YEAR_WORDS = WordValues(lambda text: is_year(text) and int(text) in YEARS, WORD_CACHE_SIZE)


def is_brand_word(text: str) -> bool:
    """A word of letters opening in lower case that no dictionary has and that ends like no
    adjective ("drupa", "bauma", "fairLAB"; not "neue", "gestrigen"), nor an everyday word
    ("erstmals", "ebenfalls": adverbs that no noun dictionary lists): an event's brand."""
    if len(text) < PROPER_MIN_LETTERS or not text.isalpha() or not text[:1].islower():
        return False
    if text in STOP_WORDS or is_common_word(text.capitalize()) or is_everyday_word(text):
        return False
    return not text.islower() or not text.endswith(ADJECTIVE_ENDINGS)


_BRAND_WORDS = WordValues(is_brand_word, WORD_CACHE_SIZE)


# a proper name or a brand in lower case can be the subject of the totals
_SUBJECT_WORDS = WordValues(
    lambda text: is_proper_word(text) or is_brand_word(text), WORD_CACHE_SIZE
)


def _capitalised_noun_base(word: str) -> str | None:
    # event nouns are capitalised: most words need no look-up
    if word[:1].isupper():
        return event_noun_base(word)
    # "jfw-Laternenlauf", "e-Sport-Turnier": a short lower-case prefix (a brand, an
    # acronym written small) before a hyphen and a capitalised event noun
    k = word.find("-")
    if 0 < k <= LOWER_PREFIX_LETTERS and word[:k].isalnum() and word[k + 1 : k + 2].isupper():
        base = event_noun_base(word[k + 1 :])
        return word[: k + 1] + base if base else None
    return None


_NOUN_BASES = WordValues(_capitalised_noun_base, WORD_CACHE_SIZE)


def plural_singular(base: str) -> str | None:
    """ "Messen" -> "Messe", "Herbstmessen" -> "Herbstmesse": an event noun's base that is the
    plural of another event noun (the noun list holds plurals such as "messen" so that they are
    found at all), else None. The plural is such events, or a series of them, not one event's
    own name ("Messen" is no proper name as a noun no dictionary has would be)."""
    if not base.endswith(PLURAL_N) or len(base) <= len(PLURAL_N):
        return None
    singular = base[: -len(PLURAL_N)]
    return singular if _NOUN_BASES[singular] == singular else None


def _last_part(word: str) -> str:
    """ "Medien-Beauftragte" -> "Beauftragte"."""
    return word.rsplit("-", 1)[-1]


def without_years(words: list[str]) -> list[str]:
    """The name's words without a year before or after them ("Hannover Messe 2017"); a number
    inside a name is the name's ("Kelmo 3000 Stadtlauf")."""
    start, end = 0, len(words)
    while start < end and is_year(words[start]):
        start += 1
    while end > start and is_year(words[end - 1]):
        end -= 1
    return words[start:end]


def mention(start: int, end: int, words: list[str], kind: str) -> NameMention:
    words = without_years(words)
    name = " ".join(words).replace(" - ", "-")
    return NameMention(start, end, name, tuple(map(_STEMS, words)), kind)


def contains(outer: tuple[str, ...], inner: tuple[str, ...]) -> bool:
    n = len(inner)
    if n == 1:  # (most names: one word, found without slices; asked for every pair of names)
        # "OSZE-Kongress" and "OSZE-Außenministertreffen", "BEA-Tage" and "BEA"
        return inner[0] in outer or (len(outer) == 1 and _prefix(outer[0]) == _prefix(inner[0]))
    return any(outer[k : k + n] == inner for k in range(len(outer) - n + 1))


def _prefix(word: str) -> str | None:
    return word.split("-", 1)[0] if "-" in word else word


def refers_to(group: EventName, generic: NameMention) -> bool:
    """A bare event noun refers to an event whose name has it as a word or a word's head
    ("die Messe": "Hannover Messe", "Schwarzachtalmesse")."""
    return any(word.endswith(generic.key[-1]) for word in group.key)


def is_part_event(group: EventName) -> bool:
    """Whether an event's name ends in a noun for the opening or closing part of a larger
    event ("die feierliche Eröffnungsfeier", "Abschlusskonzert")."""
    return word_is_cue(group.best.name.split()[-1].lower(), "part_event")


def weigh_part_events(groups: list[EventName]) -> None:
    """ "Das Abschlusskonzert beendete das Talheimer Weinfest": where the report
    names another event that is no bare event noun, an opening or closing ceremony is that
    event's part and weighs as a listed part does; alone it is the event reported on."""
    parts = [g for g in groups if is_part_event(g)]
    if not parts or all(g.kind == "generic" or is_part_event(g) for g in groups):
        return
    for group in parts:
        for m in group.mentions:
            m.weight *= LISTED_PART_FACTOR


def merge_introduced(groups: list[EventName]) -> list[EventName]:
    """ "Weinmesse «Rebenzauber Talgau»", "Gartenmesse GRÜNZEIT": the event noun before a name
    is that event."""
    for group in list(groups):
        if group not in groups:
            continue  # merged into another already
        for m in list(group.mentions):
            if not m.introduces:
                continue
            for other in groups:
                if other is not group and other in groups and contains(other.key, m.introduces):
                    group.mentions.extend(other.mentions)
                    groups.remove(other)
                    break
    return groups


def group_mentions(mentions: list[NameMention]) -> list[EventName]:
    """Mentions whose words are part of another's name are the same event ("Kirmes",
    "Cranger Kirmes"); the longest names open the groups. A bare event noun then joins the
    strongest event it can refer to."""
    groups: list[EventName] = []
    specific = [m for m in mentions if m.kind != "generic" and m.key]
    for m in sorted(specific, key=lambda m: (-len(m.key), m.start)):
        home = next((g for g in groups if contains(g.key, m.key)), None)
        if home is None:
            groups.append(EventName([m]))
        else:
            home.mentions.append(m)
    strongest = sorted(groups, key=lambda g: -g.score)
    generic_groups: list[EventName] = []
    apposed = {m.apposed: g for g in groups for m in g.mentions if m.apposed}
    # "die Verleihung des „Goldenen Kelms“": the bare noun before a name is that event
    heads = {m.head: g for g in groups for m in g.mentions if m.head >= 0}
    for m in sorted((m for m in mentions if m.kind == "generic"), key=lambda m: m.start):
        home = heads.get(m.start) or apposed.get(m.key)
        home = home or next((g for g in strongest if refers_to(g, m)), None)
        home = home or next((g for g in generic_groups if g.key == m.key), None)
        if home is None:
            generic_groups.append(EventName([m]))
        else:
            home.mentions.append(m)
    return groups + generic_groups

"""Organisers the entity stage did not find, read from the words the text gives them:

- the name after a role noun: "Veranstalter ist der Heimatverein Talheim", "die Ausrichter,
  das Hotel Seeblick und ...";
- the name after an agent participle: "organisiert vom Förderkreis Altstadt";
- an acronym in the event's genitive: "die Jahrestagung der DGVK".

A name is a run of capitalised words with at least one proper word in it (an acronym or a word
that is no dictionary word, stop word, event noun or first name); a venue the place stage found
there counts too (a hotel or hall that runs the event).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.lang.de.stop_words import STOP_WORDS

from pipeline.entities.candidates import PERSON_LABELS, VENUE
from pipeline.entities.canonical import ADJECTIVE_ENDINGS, GENITIVE_ENDINGS, nominative_name
from pipeline.entities.everyday import is_everyday_word
from pipeline.entities.words import (
    common_nouns,
    entity_words,
    first_names,
    is_acronym,
    person_titles,
    positions,
    shortens,
    sole_longer,
)
from pipeline.events.context import CLAUSE_MARKS, DocContext
from pipeline.events.lexicon import (
    WORD_CACHE_SIZE,
    cue_first_words,
    cue_sizes,
    cue_words,
    event_noun_base,
    word_is_cue,
    words_are_cue,
)
from pipeline.memo import WordValues
from pipeline.quotation_marks import OPENING
from pipeline.records import OrganisationMention, PlaceMention

# "von der X", "vom Y" (the dative the agent's preposition takes), from entity_words.tsv
DATIVE_ARTICLES = entity_words("dative_article")

PHRASE_REACH = 8  # tokens after a cue in which the name begins
PHRASE_MAX_WORDS = 5
NAME_PUNCTUATION = frozenset({"-", "&"})
ATTRIBUTE_REACH = 3  # words from the participle to the event's name ("… veranstaltete 5. Kirmes")


@dataclass(frozen=True, slots=True)
class Phrase:
    start: int  # first token of the name
    name: str
    end: int  # token after the name


class PhraseFinder:
    def __init__(self, ctx: DocContext, orgs: dict[int, object], places: dict[int, PlaceMention]):
        self.ctx = ctx
        self.orgs = orgs  # token -> organisation mention covering it
        self.places = places  # token -> place mention covering it

    def after_cues(self, kind: str) -> list[Phrase]:
        """The names right after each cue of ``kind``."""
        return [p for cue in self.ctx.cues.starts.get(kind, ()) for p in self.names_from(cue + 1)]

    def after_cue_words(self, kind: str) -> list[tuple[int, Phrase]]:
        """The names right after each whole cue of ``kind`` ("in Zusammenarbeit mit der X"),
        with the token where the cue begins."""
        lowers = self.ctx.lowers
        out = []
        for cue in self.ctx.cues.starts.get(kind, ()):
            size = max(
                (n for n in cue_sizes(kind) if words_are_cue(tuple(lowers[cue : cue + n]), kind)),
                default=1,
            )
            out.extend((cue, p) for p in self.names_from(cue + size))
        return out

    def names_from(self, i: int) -> list[Phrase]:
        """The name starting near token ``i`` and the names coordinated with it ("die
        Weinfreunde Oberbach und der Sportclub Talheim")."""
        out = []
        found = self.name_after(i)
        while found:
            if not self.describes_quoted(found):
                out.append(found)
            joining = found.end < len(self.ctx.words) and word_is_cue(
                self.ctx.lowers[found.end], "organiser_joining"
            )
            found = self.name_after(found.end + 1) if joining else None
        return out

    def fronted_agents(self) -> list[Phrase]:
        """ "Ausgerichtet wird der Markt vom Heimatverein X": the names after "von", "vom",
        "durch" in the clause of an organiser's participle that opens the sentence."""
        words, lowers, cues = self.ctx.words, self.ctx.lowers, self.ctx.cues
        out = []
        # the participles of "organisiert von X" and those that only open a sentence
        # ("Getragen wird der Markt von X"), as OrganiserFinder.agent reads them
        for cue in sorted(cues.starts_of("organiser_by") | cues.starts_of("fronted_agent")):
            opening = self.ctx.sentence_span(cue)[0]
            if any(words[k].strip() for k in range(opening, cue)):
                continue  # (most: the participle ends its clause, "von" follows it directly)
            for i in range(cue + 1, min(cue + 1 + PHRASE_REACH, len(words))):
                if words[i] in CLAUSE_MARKS:
                    break
                if word_is_cue(lowers[i], "agent_preposition"):
                    out.extend(self.names_from(i + 1))
                    break
        return out

    def describes_quoted(self, phrase: Phrase) -> bool:
        """ "vom Talheimer Laienspiel-Team „Die Kulissenschieber“": words right before a quoted
        name the entity stage found describe that organisation; they are no name of their
        own."""
        words = self.ctx.words
        quote = phrase.end
        if quote >= len(words) or words[quote] not in OPENING:
            return False
        return any(k in self.orgs for k in range(quote + 1, min(quote + 3, len(words))))

    def names_after_mention(self, i: int) -> list[Phrase]:
        """ "Veranstalter sind der RV Talheim und Radwerk Nord": the names coordinated (by "und",
        "sowie") with an organisation the entity stage found near token ``i``, after lead-in
        words only; the rules read that organisation itself."""
        words, lowers = self.ctx.words, self.ctx.lowers
        last = min(i + PHRASE_REACH, len(words))
        while i < last and i not in self.orgs and word_is_cue(lowers[i], "organiser_lead_in"):
            i += 1
        end = self.mention_end(i) if i < last else None
        if end is None or end + 1 >= len(words) or not joins_subjects(lowers[end]):
            return []
        return self.names_from(end + 1)

    def subject_names(self) -> list[OrganisationMention]:
        """Names the entity stage missed where an organiser's verb's subject stands: at the
        start of a sentence that has such a verb ("Die Landfrauen X hatten zum Kaffee
        eingeladen") or right after the verb and an article ("Am Freitag lud der Kulturkreis
        X zum Empfang"); the organiser rules then decide whether it is the verb's subject."""
        words, lowers, cues = self.ctx.words, self.ctx.lowers, self.ctx.cues
        verbs = sorted(cues.starts_of("organiser_verb") | cues.starts_of("organiser_split_verb"))
        starts: set[int] = set()
        for v in verbs:
            low, _ = self.ctx.sentence_span(v)
            starts.add(low)
            starts.add(v + 1)
        out = []
        for i in sorted(starts):
            if i < len(words) and word_is_cue(lowers[i], "subject_article"):
                i += 1
            found = self.subject_name(i)
            if found is not None:
                out.append(found)
            # "X und Musikschule haben … geladen": a name coordinated with the subject
            end = self.ctx.token_at(found.end_char - 1) + 1 if found else self.mention_end(i)
            if end is None or end + 1 >= len(words) or not joins_subjects(lowers[end]):
                continue
            i = end + 1
            if word_is_cue(lowers[i], "subject_article"):
                i += 1
            found = self.subject_name(i) or self.short_name(i)
            if found is not None:
                out.append(found)
        return out

    def mention_end(self, i: int) -> int | None:
        """The token after the organisation the entity stage found at ``i``, or None."""
        org = self.orgs.get(i)
        if org is None or self.orgs.get(i - 1) is org:
            return None
        return self.ctx.token_at(org.end_char - 1) + 1

    def subject_name(self, i: int) -> OrganisationMention | None:
        """A name the entity stage missed that starts at token ``i``, or None."""
        found = self.missed_name(i)
        if found is None:
            return None
        end, name = found
        words = self.ctx.words
        if end - i == 1 and _opening_word(words[i]):
            return None  # "Schließlich hat man … geladen"
        if any(REGNAL.match(w) for w in words[i:end]):
            return None  # "Fürst Anselm IV.": a person
        return self.mention(i, end, name)

    def missed_name(self, i: int) -> tuple[int, str] | None:
        """The end and the (nominative) name of a run of capitalised words from token ``i``
        that the entity and place stages left out, with a proper word in it and no title of a
        person before it nor event noun in it (the event's own name), or None."""
        words = self.ctx.words
        if i >= len(words) or i in self.orgs or i in self.places:
            return None  # the organiser rules read what the entity stage found
        if not words[i][:1].isupper() or self.is_titled(i):
            return None
        end = self.run_end(i)
        if end <= i or not self.has_proper_word(i, end):
            return None
        if any(event_noun_base(w) for w in words[i:end]):
            return None  # the event's own name, or another ("das Finale vom Talheimer Cup")
        return end, " ".join(nominative_name(words[i:end])).replace(" - ", "-")

    def short_name(self, i: int) -> OrganisationMention | None:
        """ "Musikschule" alone where the report names one organisation "Musikschule X": that
        one, called by its type word (the entity stage leaves the bare word out)."""
        words = self.ctx.words
        if i + 1 >= len(words) or i in self.orgs or i in self.places:
            return None
        if not words[i][:1].isupper() or words[i + 1][:1].isupper():
            return None
        longer = sole_longer(words[i], {o.name for o in self.orgs.values()})
        return self.mention(i, i + 1, longer) if longer is not None else None

    def mention(self, i: int, end: int, name: str) -> OrganisationMention:
        words = self.ctx.words
        first = self.ctx.token_starts[i]
        last = self.ctx.token_starts[end - 1] + len(words[end - 1])
        return OrganisationMention(first, last, " ".join(words[i:end]), name, source=SUBJECT_SOURCE)

    def is_titled(self, i: int) -> bool:
        """ "Landrat Schmidtke", "Bürgermeisterin X": a person's title opens the run."""
        whole, endings = person_titles()
        word = self.ctx.words[i]
        return (
            word in whole
            or word.lower().endswith(endings)
            or word_is_cue(word.lower(), "person_opener")
        )

    def genitive_acronyms(self, name_spans: list[tuple[int, int]]) -> list[Phrase]:
        """ "Jahrestagung der DGVK": an acronym in the genitive right after the event's name."""
        words, lowers = self.ctx.words, self.ctx.lowers
        out = []
        for _, end in name_spans:
            i = end + 2
            if i >= len(words) or not word_is_cue(lowers[end + 1], "genitive_article"):
                continue
            if i in self.orgs or i in self.places or not is_acronym(words[i]):
                continue
            if i + 1 < len(words) and words[i + 1][:1].isupper():
                continue  # "der IAP Deutschland": a longer name the rule cannot read
            out.append(Phrase(i, words[i], i + 1))
        return out

    def names_after_event(self, name_spans: list[tuple[int, int]]) -> list[Phrase]:
        """ "der Talheimer Kürbismarkt von BERG+TAL", "der Wettbewerb von Junge Forscher
        Talheim": a name the entity stage missed right after the event's name and "von"."""
        words, lowers = self.ctx.words, self.ctx.lowers
        out = []
        for _, end in name_spans:
            i = end + 2
            # "von", "vom" (the genitive's article "des", "der" leaves the name to the entity
            # stage's rules; see genitive_acronyms)
            if i >= len(words) or not word_is_cue(lowers[end + 1], "event_owner_link"):
                continue
            if lowers[i] in DATIVE_ARTICLES:
                i += 1
            found = self.missed_name(i)
            if found is None:
                continue
            stop, name = found
            if stop in self.orgs or stop in self.places:
                continue  # a longer name the rule cannot read
            if stop - i == 1 and not (is_acronym(words[i]) or _joined_name(words[i])):
                continue  # "der Fachtag von Hebammen": who takes part
            out.append(Phrase(i, name, stop))
        return out

    def operated_venues(self) -> list[Phrase]:
        """ "Messe Talheim": a venue of the report whose name opens with the word of a company
        that runs a venue and the fairs on it (``venue_operator``), first mention first; the
        organiser rules ask only where the event is a fair (``fair_event``)."""
        out, seen = [], set()
        for i, place in sorted(self.places.items(), key=lambda item: item[0]):
            if place.kind != VENUE or place.name in seen:
                continue
            first = place.name.split()[0].lower()
            if " " in place.name and word_is_cue(first, "venue_operator"):
                seen.add(place.name)
                out.append(Phrase(i, place.name, i + 1))
        return out

    def agents_before_participle(self, name_spans: list[tuple[int, int]]) -> list[Phrase]:
        """ "die vom Schützenverein Talheim 1920 veranstaltete Kirmes": a name the entity stage
        missed between "von"/"vom" (and an article) and an organiser's participle declined
        before the event's name, which follows within a few words."""
        words, lowers = self.ctx.words, self.ctx.lowers
        name_starts = {s for s, _ in name_spans}
        out = []
        for i, word in enumerate(lowers):
            if not word_is_cue(word, "agent_preposition"):
                continue  # (a word cue: not in the document's index of cues)
            start = i + 1
            if start < len(words) and lowers[start] in DATIVE_ARTICLES:
                start += 1
            end = start
            while end < min(start + PHRASE_MAX_WORDS, len(words)) and (
                words[end][:1].isupper() or words[end].isdigit() or words[end] in NAME_PUNCTUATION
            ):
                end += 1  # a club's year of founding belongs to its name ("TSV 1860")
            if end == start or end >= len(words) or not _attributive_organiser(lowers[end]):
                continue
            if any(k in self.orgs for k in range(start, end)):
                continue  # the entity stage found it: the organiser rules read the mention
            if all(k in self.places for k in range(start, end)):
                continue  # a place alone; a town in a club's name is part of the name
            if self.is_titled(start) or not self.has_proper_word(start, end):
                continue
            if name_starts.isdisjoint(range(end + 1, end + 1 + ATTRIBUTE_REACH)):
                continue  # the participle is said of something else
            name = " ".join(nominative_name(words[start:end])).replace(" - ", "-")
            out.append(Phrase(start, name, end))
        return out

    def name_after(self, start: int) -> Phrase | None:
        """The first name from ``start`` on, skipping lead-in words ("ist die", "war der",
        ":"); None where an organisation the entity stage found, or any other word, comes
        first."""
        words, lowers = self.ctx.words, self.ctx.lowers
        i = start
        while i < min(start + PHRASE_REACH, len(words)):
            if i in self.orgs:
                return None  # the entity stage's rules see this one
            place = self.places.get(i)
            if place is not None:
                if place.kind == VENUE:
                    return Phrase(i, place.name, self.ctx.token_at(place.end_char - 1) + 1)
                return None
            if word_is_cue(lowers[i], "organiser_lead_in"):
                i += 1
                continue
            if not words[i][:1].isupper():
                return None
            end = self.run_end(i)
            if self.is_person(i, end):
                # "Organisatorin Eva Roth vom Heimatverein X": the person's organisation
                if end < len(words) and word_is_cue(lowers[end], "affiliation"):
                    i = end + 1
                    continue
                return None
            if self.proper_word_in(i, end):  # no person: asked right above
                # declined as the organisations table declines names
                name = " ".join(nominative_name(words[i:end])).replace(" - ", "-")
                return Phrase(i, name, end)
            if not all(event_noun_base(w) for w in words[i:end]):
                return None
            i = end  # "Veranstalter der Messe ist …": the event's own name
            i = self.after_event_place(i)  # "… der Messe in Talheim war die X"
        return None

    def after_event_place(self, i: int) -> int:
        """The token after "in Talheim" right after the event's name (a locative and a town
        the place stage found), or ``i`` where none follows."""
        words, lowers = self.ctx.words, self.ctx.lowers
        if i + 1 >= len(words) or not word_is_cue(lowers[i], "locative"):
            return i
        place = self.places.get(i + 1)
        if place is None or place.kind == VENUE:
            return i
        return self.ctx.token_at(place.end_char - 1) + 1

    def run_end(self, start: int) -> int:
        """End of the run of capitalised words (and joining dashes) from ``start``; a town
        the place stage found ends it as part of the name ("die Werbegemeinschaft Talheim")."""
        words = self.ctx.words
        end = start
        while end < min(start + PHRASE_MAX_WORDS, len(words)):
            word = words[end]
            if not (word[:1].isupper() or word in NAME_PUNCTUATION):
                break
            if end in self.orgs:
                break
            place = self.places.get(end)
            if place is not None:
                if end > start and place.kind != VENUE:
                    return self.ctx.token_at(place.end_char - 1) + 1
                break
            end += 1
        return end

    def is_person(self, start: int, end: int) -> bool:
        """Whether tokens ``start``..``end`` name a person: a first name stands among them
        (also one joined by a hyphen: "Eva-Maria"), or the model reads them all as one
        (not where it reads a saint's name inside a club's: "St. Georg Schützenbruderschaft")."""
        names = first_names()
        words = self.ctx.words[start:end]
        if any(w in names or (w.count("-") == 1 and set(w.split("-")) <= names) for w in words):
            return True
        doc = self.ctx.doc
        return end > start and all(doc[i].ent_type_ in PERSON_LABELS for i in range(start, end))

    def has_proper_word(self, start: int, end: int) -> bool:
        # a person is none, maybe after a word of office ("Stadtpfarrerin Eva Roth")
        return not self.is_person(start, end) and self.proper_word_in(start, end)

    def proper_word_in(self, start: int, end: int) -> bool:
        """Whether a word of tokens ``start``..``end`` is no dictionary word: a name's."""
        for i in range(start, end):
            word = self.ctx.words[i]
            if i in self.places:
                return True  # the town that ends the run ("die Alte Hansestadt X": run_end)
            if is_acronym(word) or _joined_name(word):
                return True
            if not word.isalpha() and "-" not in word:
                continue
            if word.lower() in STOP_WORDS or event_noun_base(word) or _generic_event(word):
                continue
            lemma = self.ctx.doc[i].lemma_  # "Broschüren": an inflected dictionary word
            if not {word, _stem(word), lemma} & common_nouns():
                return True
        return False


def _generic_event(word: str) -> bool:
    """ "Seniorenveranstaltung", "Kunstausstellungen": a compound of a generic event noun
    ("veranstaltung", "ausstellung"; not the short ones such as "tag", ``compound_event_end``)
    names an event, not an organisation."""
    low = word.lower()
    forms = (low, *(low[: -len(e)] for e in cue_words("noun_inflection_ending") if low.endswith(e)))
    return any(form.endswith(cue_words("compound_event_end")) for form in forms)


def _opening_word(word: str) -> bool:
    """ "Anschließend", "Tags": a word of everyday German, capitalised where it opens a
    sentence; no acronym."""
    return not is_acronym(word) and is_everyday_word(word)


def _joined_name(word: str) -> bool:
    """ "Roth+Lind", "BERG+TAL": words joined by a plus, which no dictionary word has."""
    parts = word.split("+")
    return len(parts) > 1 and all(p.isalpha() for p in parts)


def joins_subjects(word: str) -> bool:
    """ "und", "sowie" between two names that are one verb's subject, or one name's parts
    (not a comma: "X, Y hatten" is as often an apposition)."""
    return word != "," and word_is_cue(word, "organiser_joining")


def _attributive_organiser(word: str) -> bool:
    """ "veranstaltete", "organisierten": an organiser's participle with an adjective's
    ending."""
    return any(
        word.endswith(ending) and word_is_cue(word[: -len(ending)], "organiser_by")
        for ending in ADJECTIVE_ENDINGS
    )


INSTITUTION_SOURCE = "event_institution"
SUBJECT_SOURCE = "event_subject"
REGNAL = re.compile(r"^[IVX]+\.$")  # a ruler's number


def institution_mentions(
    ctx: DocContext,
    orgs: dict[int, object],
    places: dict[int, PlaceMention],
    organisations: list[OrganisationMention],
) -> list[OrganisationMention]:
    """ "die Handwerkskammer", "des Sozialministeriums": a one-word organisation that is a
    dictionary compound of an institution word (the ``institution`` cues), after an article,
    where the entity stage found nothing; named by the report's own longer name where one
    begins with the word ("Handwerkskammer Talheim")."""
    words, lowers, starts = ctx.words, ctx.lowers, ctx.token_starts
    out = []
    found = positions(words, _INSTITUTIONS)
    # "die Landwirtschaftskammer beider Seelande", "der Handwerkskammer für Talheim": the full
    # names the report gives its institutions, each word's stem -> the names
    full: dict[str, set[str]] = {}
    for i in found:
        name = institution_with_complement(words, lowers, i)
        if name is not None:
            full.setdefault(_INSTITUTIONS[words[i]], set()).add(name)
    # each word looked up once (memoised across documents, read from the Doc's word rows);
    # most are none
    for i in found:
        if i == 0:
            continue
        word = words[i]
        stem = _INSTITUTIONS[word]
        if i in orgs or i in places:
            continue
        before = lowers[i - 1]
        if not (word_is_cue(before, "inflecting_word") or word_is_cue(before, "article")):
            continue
        if i + 1 < len(words) and words[i + 1][:1].isupper():
            continue  # a longer name the rule cannot read
        # the report's own organisations first, then the institution's full names
        known = {o.name for o in organisations}
        if not any(shortens(stem, n) for n in known):
            known = full.get(stem, set())
        name = sole_longer(stem, known) or stem
        start = starts[i]
        out.append(
            OrganisationMention(start, start + len(word), word, name, source=INSTITUTION_SOURCE)
        )
    return out


def institution_with_complement(words: list[str], lowers: list[str], i: int) -> str | None:
    """ "Landwirtschaftskammer beider Seelande", "Handwerkskammer für Talheim und Umgebung": the
    institution word at ``i`` with its complement (``institution_complement`` and capitalised
    words, maybe joined by "und", "sowie"), or None."""
    k = i + 1
    if k + 1 >= len(words) or not word_is_cue(lowers[k], "institution_complement"):
        return None
    end, last = k + 1, min(k + 1 + PHRASE_MAX_WORDS, len(words))
    while end < last and (
        words[end][:1].isupper()
        or (joins_subjects(lowers[end]) and end + 1 < last and words[end + 1][:1].isupper())
    ):
        end += 1
    if end == k + 1:
        return None
    return " ".join([_stem(words[i]), *words[k:end]])


def _institution_stem(word: str) -> str | None:
    """The word without a genitive ending where it is an institution word ("Handwerkskammer",
    "Sozialministeriums" -> "Sozialministerium"), else None."""
    if not word[:1].isupper():
        return None
    stem = _stem(word)
    low = stem.lower()
    if low in _institution_words():  # a whole word
        return stem
    endings = _institution_endings()
    if low.endswith(endings) and low not in endings:
        return stem
    return None


@cache
def _institution_words() -> frozenset[str]:
    """The first words of the institution cues, for a look-up in C."""
    return frozenset(cue_first_words("institution"))


@cache
def _institution_endings() -> tuple[str, ...]:
    """The institution words that end a compound ("*kammer")."""
    return tuple(e[1:] for e in cue_first_words("institution") if e.startswith("*"))


_INSTITUTIONS = WordValues(_institution_stem, WORD_CACHE_SIZE)


def _stem(word: str) -> str:
    """The word without a genitive ending, where it has one."""
    for ending in GENITIVE_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)]
    return word

"""The word lists of the event rules (``lang/de/event_*``), and matching of cue words on tokens."""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress, count

from pipeline.entities.words import positions
from pipeline.lang import UNIT_KINDS, administrative_words, load_word_kinds, load_words
from pipeline.memo import WordValues
from pipeline.numbers import parse_numeral

# The cue words of the event rules, one ``kind<TAB>word`` file like the entity and figure word
# kinds (a "word" may be several words separated by a space)
EVENT_CUES_FILE = "event_cues.tsv"

# Cue kinds whose words are (also) administrative units of ``administrative_units.tsv``, kept
# there once for the entity rules as well: a municipality as organiser, any unit as an area. A
# market town ("Markt Schönau") is a municipality but no region: as a region its name would no
# longer be taken for the organiser named after "Veranstalter ist der ...".
ADMINISTRATIVE_CUES = {
    "municipality": ("municipality", "market_town"),
    "region": UNIT_KINDS,
}

# Kinds of one-word cues the rules look up for a given word (``word_is_cue``), never by
# position: left out of the per-document index, where frequent words ("der", ",") would cost.
WORD_KINDS = frozenset(
    {
        "dateline",
        "difference",
        "exhibitor_unit",
        "stall_unit",
        "additional",
        "not_alone",
        "visitor_unit",
        "times_unit",
        "building_locative",
        "region",
        "participant_unit",
        "name_attachment",
        "organiser_lead_in",
        "organiser_joining",
        "daypart_event",
        "not_event_prefix",
        "municipality",
        "perfect_auxiliary",
        "guest_officer",
        "officer_genitive",
        "until",
        "until_article",
        "genitive_head",
        "genitive_article",
        "genitive_link",
        "inflecting_word",
        "article",
        "determiner",
        "relative_pronoun",
        "subject_article",
        "joining_word",
        "simile",
        "denial_adverb",
        "denial_contrast",
        "time_clause",
        "anniversary_years",
        "name_coordinator",
        "town_adjective_ending",
        "gendered_pair",
        "institution",
        "organiser_genitive",
        "person_opener",
        "role_copula",
        "thanked_article",
        "possessive",
        "competition_event",
        "registration_unit",
        "agent_preposition",
        "affiliation",
        "participant_event",
        "fair_event",
        "event_owner_link",
        "participant_person",
        "founding_event",
        "opening",
        "opened_building",
        "origin",
        "origin_between",
        "seat",
        "resident_unit",
        "exact_count_word",
        "season_event",
        "season_festival",
        "name_copula",
        "name_copula_split",
        "name_copula_particle",
        "prize_ceremony",
    }
)
# Words whose event noun is remembered: every token of every report is looked up.
WORD_CACHE_SIZE = 100_000


@dataclass(frozen=True, slots=True)
class Cue:
    words: tuple[str, ...]  # lower case; the last may end in "*" (any ending)


@cache
def cues() -> dict[str, tuple[Cue, ...]]:
    """Cues by kind (see the header of ``event_cues.tsv``), in the file's order."""
    found = dict(load_word_kinds(EVENT_CUES_FILE))
    for kind, units in ADMINISTRATIVE_CUES.items():
        found[kind] = (*found.get(kind, ()), *(w.lower() for w in administrative_words(*units)))
    return {
        kind: tuple(Cue(tuple(words.split())) for words in entries)
        for kind, entries in found.items()
    }


class CueIndex:
    """Where each kind of cue starts in a Doc, found in one pass over its lower-case words:
    the rules ask about cues at many tokens, and matching every cue there again would cost
    more than all the other event rules together."""

    def __init__(self, lowers: list[str], texts: list[str] | None = None) -> None:
        """``lowers``: the Doc's words in lower case; ``texts``: the same words as written,
        where they come with the Doc's word rows (``DocRead.texts``), whose column of
        openings is read in C without a look-up per token."""
        self.size = len(lowers)
        starts: dict[str, list[int]] = defaultdict(list)
        last = self.size - 1
        # most words open no cue
        for i in positions(lowers if texts is None else texts, _OPENING):
            singles, by_second, loose = _CUE_PLANS[lowers[i]]
            for kind in singles:
                starts[kind].append(i)
            if i < last and (by_second or loose):
                # a longer cue is matched in full only where its second word follows
                for kind, cue in (*by_second.get(lowers[i + 1], ()), *loose):
                    found = starts.get(kind)  # .get: no empty list for a kind not found yet
                    # (a second cue of a kind at one token is no second start)
                    if (found is None or found[-1] != i) and _matches_from(cue, lowers, i):
                        starts[kind].append(i)
        # the tokens came in order, so each list is sorted, each token once
        self.starts = dict(starts)
        # as sets only for the kinds a rule asks about (a report has cues of some 20 kinds)
        self.start_sets = _StartSets(self.starts)

    def at(self, i: int, kind: str) -> bool:
        """Whether a cue of ``kind`` starts at token ``i`` (negative: from the end)."""
        if i < 0:
            i += self.size
        return i in self.start_sets[kind]

    def starts_of(self, kind: str) -> frozenset[int]:
        """The tokens where a cue of ``kind`` starts (for tests over many tokens)."""
        return self.start_sets[kind]

    def any_starts(self, kinds: Iterable[str]) -> bool:
        """Whether a cue of one of ``kinds`` starts anywhere in the Doc."""
        return any(kind in self.starts for kind in kinds)

    def any_at(self, tokens: Iterable[int], kind: str) -> bool:
        """Whether a cue of ``kind`` starts at one of ``tokens`` (indices into the Doc)."""
        return not self.starts_of(kind).isdisjoint(tokens)

    def within(self, start: int, end: int, kind: str) -> bool:
        """Whether a cue of ``kind`` starts at a token in ``[start, end)``."""
        found = self.starts.get(kind)
        if not found:
            return False
        start, end = max(start, 0), min(end, self.size)
        k = bisect_left(found, start)
        return k < len(found) and found[k] < end


class _StartSets(dict):
    """The tokens where each kind of cue starts, as a set made when a rule first asks (a kind
    without cues: an empty set)."""

    def __init__(self, starts: dict[str, list[int]]) -> None:
        super().__init__()
        self.lists = starts

    def __missing__(self, kind: str) -> frozenset[int]:
        found = self[kind] = frozenset(self.lists.get(kind, ()))
        return found


def word_hits(values: WordValues, words: list[str]) -> list[int]:
    """Indices of the words whose memoised value is true: one dict look-up per token in C (a
    new word computes its value), cheaper than collecting the distinct words first."""
    return list(compress(count(), map(values.__getitem__, words)))


@cache
def _first_words() -> tuple[dict[str, tuple], dict[str, tuple]]:
    """Cues by their first word: exact words, and the stems of words ending in "*"."""
    exact: dict[str, list] = defaultdict(list)
    prefixes: dict[str, list] = defaultdict(list)
    for kind, items in cues().items():
        if kind in WORD_KINDS:
            continue
        for cue in items:
            first = cue.words[0]
            if first.endswith("*"):
                prefixes[first[:-1]].append((kind, cue))
            else:
                exact[first].append((kind, cue))
    return (
        {w: tuple(c) for w, c in exact.items()},
        {w: tuple(c) for w, c in prefixes.items()},
    )


@cache
def _opening_stems() -> tuple[str, ...]:
    """The stems that open cues (``_first_words``), for one ``str.startswith`` in C."""
    return tuple(_first_words()[1])


def _cues_opening(word: str) -> tuple[tuple[str, Cue], ...]:
    """The cues (with their kind) whose first word is ``word``."""
    exact, prefixes = _first_words()
    found = list(exact.get(word, ()))
    if word.startswith(_opening_stems()):  # (most words: none; asked for every new word)
        for stem in prefixes:
            if word.startswith(stem):
                found += prefixes[stem]
    return tuple(found)


# keyed by the word in any case (lower case is lower case again): a Doc's word rows are keyed
# by the words as written
_OPENING = WordValues(lambda word: _cues_opening(word.lower()), WORD_CACHE_SIZE)


def _cue_plan(word: str) -> tuple[tuple[str, ...], dict[str, tuple], tuple]:
    """How :class:`CueIndex` tests the cues ``word`` opens: the kinds of its one-word cues
    (found where the word stands), its longer cues by their exact second word, and those whose
    second word ends in "*". Most openings are prepositions ("in", "am") that open many longer
    cues, of which the next word rules out nearly all."""
    singles: list[str] = []
    by_second: dict[str, list[tuple[str, Cue]]] = defaultdict(list)
    loose: list[tuple[str, Cue]] = []
    for kind, cue in _cues_opening(word):
        if len(cue.words) == 1:
            singles.append(kind)
        elif cue.words[1].endswith("*") or cue.words[1] == NUMBER_SLOT:
            loose.append((kind, cue))
        else:
            by_second[cue.words[1]].append((kind, cue))
    return (
        tuple(dict.fromkeys(singles)),  # a kind once: its token is one start
        {second: tuple(found) for second, found in by_second.items()},
        tuple(loose),
    )


_CUE_PLANS = WordValues(_cue_plan, WORD_CACHE_SIZE)
NUMBER_SLOT = "#"  # a cue's word that stands for any number ("vor # jahr*")
# "3", "sechs", "einem": a word read as a number
_NUMBERS = WordValues(lambda word: parse_numeral(word) is not None, WORD_CACHE_SIZE)


def _matches_from(cue: Cue, lowers: list[str], start: int) -> bool:
    words = cue.words
    if start + len(words) > len(lowers):
        return False
    # a plain loop: called at every opening of a multi-word cue in every report
    for k in range(1, len(words)):
        expected, word = words[k], lowers[start + k]
        if expected.endswith("*"):
            if not word.startswith(expected[:-1]):
                return False
        elif expected == NUMBER_SLOT:
            if not _NUMBERS[word]:
                return False
        elif word != expected:
            return False
    return True


@lru_cache(maxsize=WORD_CACHE_SIZE)
def word_is_cue(word: str, kind: str) -> bool:
    """Whether one lower-case word is a one-word cue of ``kind``."""
    words, stems = _one_word_cues(kind)
    return word in words or word.startswith(stems)


@cache
def _one_word_cues(kind: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The one-word cues of ``kind``: exact words, and the stems of those that end in "*"
    (any ending), tested in C for a new word."""
    words = [c.words[0] for c in cues()[kind] if len(c.words) == 1]
    return (
        frozenset(w for w in words if not w.endswith("*")),
        tuple(w[:-1] for w in words if w.endswith("*")),
    )


@cache
def cue_words(kind: str) -> tuple[str, ...]:
    """The one-word cues of ``kind`` (for prefix tests: ``text.startswith(cue_words(k))``)."""
    return tuple(c.words[0] for c in cues()[kind] if len(c.words) == 1)


@cache
def cue_first_words(kind: str) -> tuple[str, ...]:
    """The first word of every cue of ``kind`` (for ending tests: ``word.endswith(...)``)."""
    return tuple(c.words[0] for c in cues()[kind])


@lru_cache(maxsize=WORD_CACHE_SIZE)
def words_are_cue(words: tuple[str, ...], kind: str) -> bool:
    """Whether lower-case words are a cue of ``kind`` (exact words)."""
    return words in _cue_word_tuples(kind)


@cache
def _cue_last_words(kind: str) -> frozenset[str]:
    return frozenset(c.words[-1] for c in cues()[kind])


@cache
def _cue_word_tuples(kind: str) -> frozenset[tuple[str, ...]]:
    return frozenset(c.words for c in cues()[kind])


@cache
def cue_sizes(kind: str) -> tuple[int, ...]:
    """How many words the cues of ``kind`` have, fewest first."""
    return tuple(sorted({len(c.words) for c in cues()[kind]}))


def cue_sizes_before(lowers: list[str], token: int, kind: str) -> list[int]:
    """The sizes of the cues of ``kind`` (exact words) that end right before ``token``: "im"
    and "in der" before a name."""
    if token < 1 or (token <= len(lowers) and lowers[token - 1] not in _cue_last_words(kind)):
        return []  # (before most tokens no cue of the kind ends)
    return [
        n
        for n in cue_sizes(kind)
        if token - n >= 0 and words_are_cue(tuple(lowers[token - n : token]), kind)
    ]


@cache
def event_endings() -> tuple[str, ...]:
    """The endings of event nouns, longest first: ``event_nouns.txt`` and the ones that make a
    name an event's, which the organisation evidence reads too (``event_name_endings.txt``)."""
    endings = load_words("event_nouns.txt") | load_words("event_name_endings.txt")
    return tuple(sorted(endings, key=len, reverse=True))


@cache
def generic_event_nouns() -> frozenset[str]:
    return load_words("event_generic_nouns.txt")


@cache
def anniversary_nouns() -> frozenset[str]:
    """ "Jubiläum", "Bestehen": an organisation in their genitive celebrates."""
    return load_words("anniversary_nouns.txt")


@cache
def not_events() -> frozenset[str]:
    return load_words("event_not_events.txt")


@cache
def _not_event_endings() -> tuple[str, ...]:
    """``not_events()`` for one ``str.endswith`` in C."""
    return tuple(not_events())


@lru_cache(maxsize=WORD_CACHE_SIZE)
def name_ends_in(name: str, kind: str) -> bool:
    """Whether an event's name ends in an event noun of ``kind``: a fair ("Talheimer
    Herbstmesse": fair_event), one takes part in ("Fachtagung": participant_event), not one
    visited, or a competition ("Stadtlauf": competition_event)."""
    words = name.split()
    base = event_noun_base(words[-1]) if words else None
    return base is not None and base.lower().endswith(cue_first_words(kind))


def event_noun_base(word: str) -> str | None:
    """The word without inflection when it is an event noun ("Kongresses" -> "Kongress",
    "Unternehmertage" -> "Unternehmertage"), else None. A day of an event ("Messetagen",
    "Festivaltag") and the words of ``event_not_events.txt`` are no event nouns, in any
    inflection: "Etagen" is the plural of "Etage", not "Etag" + "en" (a "-tag" event),
    unless an event noun longer than the word that is none ends it ("Staatsfeiertag" is a
    celebration, a "Feiertag" a date)."""
    if not word[:1].isupper() or not any(ch.isalpha() for ch in word):
        return None
    lower = word.lower()
    endings = cue_words("noun_inflection_ending")
    forms = [lower, *(lower[: -len(e)] for e in endings if lower.endswith(e))]
    # each ending tested in C: every new capitalised word of every report is asked
    blocked = [form for form in forms if form.endswith(_not_event_endings())]
    # the longest word that is none ending the word: a longer event noun still makes it one
    not_event = max(
        (len(n) for form in blocked for n in _not_event_endings() if form.endswith(n)), default=0
    )
    for form in forms:
        if len(form) < 3 or not form.endswith(event_endings()):
            continue
        ending = next(e for e in event_endings() if form.endswith(e))  # the longest
        if word_is_cue(ending, "daypart_event"):
            return word[: len(form)] if _is_daypart_event(form, ending) else None
        if not_event >= len(ending):  # a longer event noun wins: "Nationalfeiertag"
            return None
        if word_is_cue(ending, "season_event") and not _is_season_festival(form, ending):
            return None
        if _is_event_day(form, ending):
            return None
        return word[: len(form)]
    return None


def _is_daypart_event(form: str, ending: str) -> bool:
    """ "Seniorennachmittag", "Galaabend" are events; "Nachmittag", "Sonntagnachmittag",
    "Vorabend" are times."""
    first = form[: -len(ending)].rstrip("s-")
    return len(first) >= 3 and not word_is_cue(first, "not_event_prefix")


def _is_season_festival(form: str, ending: str) -> bool:
    """ "Kultursommer", "Musikherbst" are festivals, and so is the season of an event noun
    ("Messefrühling", "Festivalsommer"); "Dürresommer", "Lebensherbst" are not."""
    first = form[: -len(ending)].rstrip("s-")
    return word_is_cue(first, "season_festival") or (
        len(first) >= 3 and first.endswith(event_endings())
    )


def _is_event_day(form: str, ending: str) -> bool:
    """ "Messetag", "Festivaltage", "Kongresswoche": a time of an event, not an event."""
    if not word_is_cue(ending, "event_day"):
        return False
    first = form[: -len(ending)].rstrip("s-")
    if not first.endswith(event_endings()):
        return False
    # "Herbsttage", "Sommernacht": days of a season are an event, not days of one
    season = next(e for e in event_endings() if first.endswith(e))
    return not word_is_cue(season, "season_event")


def is_generic(base: str) -> bool:
    return base.lower() in generic_event_nouns()

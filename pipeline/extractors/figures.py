"""Figure extractor: every quantity with its counted noun, unit, qualifier and category.

A figure is a number (German digits "12.700", "1,5", "12 700"; number words "zwölf",
"eineinhalb"; "eine" only where it is clearly a numeral), an optional multiplier ("Mio.",
"Millionen"), and what it counts: a unit symbol ("km", "%"), the head noun after any adjectives
("12.700 begeisterte Besucherinnen" -> Besucher), a number adjective ("2-tägig" -> Tag), or, for a
bare number ("China (9.000)", "2014 waren es 50.000"), the noun of the context; a part ("davon
84", "zwei davon") the noun of the whole before it. A currency before the number ("CHF 120 Mio.",
"€ 95,–") is its unit. Ranges ("10 bis 15") give two figures (at_least, at_most). Numbers inside
dates, ordinals, phone numbers, postal codes, years, labels ("Tag 1"), names, quoted titles („Die
7 Schächte“), ages ("Martina Huber (24)") and vague quantities ("mehrere tausend") are skipped.
The rules are in ``pipeline/quantities``, the word lists in ``lang/de``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache, partial
from itertools import compress, count
from operator import itemgetter
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.doc_layout import doc_layout, doc_text
from pipeline.extractors.base import Extractor
from pipeline.memo import WordValues
from pipeline.numbers import (
    _digits_decimal,
    finite_float,
    multiplier,
    number_word_starts,
    read_number_word,
)
from pipeline.quantities import lexicon, nouns
from pipeline.quantities.qualifiers import EXACT, Qualifier, find_qualifier
from pipeline.quotation_marks import CLOSING, OPENING
from pipeline.records import FigureMention
from pipeline.word_runs import word_runs
from pipeline.word_trie import trie_pattern

COUNT_CATEGORIES = frozenset({"visitors", "exhibitors", "participants", "people", "organisations"})
MEASURE_CATEGORIES = frozenset({"money", "percent", "area", "distance"})
RANGE_QUALIFIERS = ("at_least", "at_most")

# A number in digits, not glued to a word, a dot or a colon before it ("G7", "4.0", "20:01");
# thousands grouped by dots, spaces or the Swiss apostrophe ("2'300", "2’300").
_NUMBER_CORE = r"(\d{1,3}(?:[.'’\u00a0\u202f\u2009 ]\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?!\d|[.,:'’]\d)"
# _NUMBER_CORE not glued to what is before it, written to begin with its first digit so that
# the regex engine skips to the digits of a text instead of trying every character
# ("(?<![…]\d)" after the digit tests the character before it).
_DIGITS = re.compile(
    r"(\d(?<![\w.,:/+\-–]\d)(?<!\d['’]\d)(?:\d{0,2}(?:[.'’\u00a0\u202f\u2009 ]\d{3})+(?:,\d+)?"
    r"|\d*(?:,\d+)?))(?!\d|[.,:'’]\d)"
)
_DIGITS_AT = re.compile(_NUMBER_CORE)  # the upper end of a range, right after "-" or "bis"
_WORD = re.compile(r"[^\W\d_](?:[\w\-]*\w)?(?:[*:_/]-?[iI]n(?:nen)?(?!\w))?")
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")
# spaces (possessive: never given back for a space to be the "other character"), then a
# word, a number or any other character but a line end, tried in that order: one match
# instead of three
_NEXT_TOKEN = re.compile(
    rf"[^\S\n]*+(?:(?P<word>{_WORD.pattern})|(?P<num>{_NUMBER.pattern})|(?P<sym>[^\n]))"
)
_GLUED_WORD = re.compile(r"[-–]?([^\W\d_]+)")
_RANGE_DASHES = ("-", "–", "—")
_RANGE_WORDS = lexicon.figure_words("range_word")
_PHONE = re.compile(r"(?i)\b(?:tel|telefon|fon|fax|telefax|mobil|handy|hotline)\b")
# the quotation marks of every rule, and the single guillemets and the typographic apostrophe,
# which enclose a title in some reports
_OPEN_QUOTES = OPENING | {"‹", "›"}
_CLOSE_QUOTES = CLOSING | {"’", "‹", "›"}
_TITLE_TAIL = 30  # characters after a quoted title's number in which its closing mark stands
# a closing quotation mark with no sentence end before it (matched within _TITLE_TAIL)
_CLOSE_QUOTE_CHARS = re.escape("".join(sorted(_CLOSE_QUOTES)))
_TITLE_CLOSE = re.compile(f"[^.!?{_CLOSE_QUOTE_CHARS}]*[{_CLOSE_QUOTE_CHARS}]")
_PHONE_WINDOW = 40
_MAX_ADJECTIVES = 4
# the word lists are in lang/de/figure_words.tsv, whose header says what each kind is for
_ADJECTIVE_ENDINGS = lexicon.figure_word_list("adjective_ending")
_COMPARATIVES = lexicon.figure_words("comparative")
_YEAR_WORDS = lexicon.figure_words("year_before")
_AGE_AFTER = lexicon.figure_word_list("age_after")
_RELATIVE_DATE_UNITS = lexicon.figure_words("relative_date_unit")
_PREPOSITIONAL = lexicon.figure_words("prepositional_qualifier")
# how far back context is read: keeps every number's work bounded on huge, odd inputs
_MAX_WORD = 64
_CONTEXT_WINDOW = 400
_CONTEXT_FIGURES = 20
_AGE_LIMIT_BEFORE = lexicon.figure_words("age_limit_before")
_AGE_LIMIT_WORDS = 3  # "Kinder unter 14 Jahren", "Läuferinnen und Läufer ab 16 Jahren"
_MAX_AGE = 110  # "Martina Huber (24)": a number in parentheses after a name up to this is an age
_MIN_PARENS = 10  # a bare number in parentheses below this is a footnote or list mark
_TITLE_WORDS = 2  # capitalised words before the number in a quoted title ("Die 7 Schächte")
_TRUNCATION_JOINERS = lexicon.figure_words("truncation_joiner")
_CLOCK_BEFORE = lexicon.figure_words("clock_before")
_PART_WORDS = lexicon.figure_words("part_word")
_VAGUE_BEFORE = lexicon.figure_words("vague_before")
_FRACTION_NOUN = re.compile(r"(?:Drit|Vier|Fünf|Sechs|Sieb|Ach|Neun|Zehn|Zwanzigs|Hunderts)tel$")
_WHOLE_AFTER_FRACTION = lexicon.figure_words("whole_after_fraction")
_DETERMINERS = lexicon.figure_words("determiner")
# "davon 84", "davon kamen 300 aus Bayern", right before the number (or its qualifier)
_PART_BEFORE = re.compile(r"\b(?:[Dd]avon|[Dd]arunter)\s+(?:[^\W\d_]+\s+)?\Z")
_PRICE_DASH = re.compile(r"[.,][-–—]+(?![\w-])")  # whole currency units: "500,- Euro", "20.–"


class Tok(NamedTuple):
    text: str
    start: int
    end: int
    kind: str  # word, num, sym


@dataclass(slots=True)
class Reading:
    """One number being read: where it stands and what has been found after it."""

    start: int
    end: int
    value: Decimal
    kind: str  # digits, cardinal, article
    unit: str | None = None
    noun_end: int | None = None
    second: Decimal | None = None  # upper end of a range
    scaled: bool = False  # a multiplier ("Mio.") applied
    bare_end: bool = False  # "N." ends a sentence
    adjective: bool = False  # "2-tägig", "zweijährige": the unit comes from the adjective
    attributes: int = 0  # adjectives between the number and its noun
    noun_text: str | None = None  # the counted noun as written
    lead: int | None = None  # where a currency before the number begins ("CHF 120 Mio.")


@Language.factory("german_figures", default_config={"on_error": "record"})
def make_figures(nlp: Language, name: str, on_error: str) -> FigureExtractor:
    return FigureExtractor(nlp, name, on_error)


class FigureExtractor(Extractor):
    attr = "figures"

    def __init__(self, nlp: Language, name: str, on_error: str = "record") -> None:
        super().__init__(nlp, name, on_error)
        if "lemmatizer" in nlp.pipe_names:  # share the loaded table instead of a second copy
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_lookup"):
                nouns.use_lookup_table(lookups.get_table("lemma_lookup"))

    def extract(self, doc: Doc) -> list[FigureMention]:
        return FigureReader(doc).read()


_offsets = partial(map, itemgetter("start_char", "end_char"))  # of stored fact rows
_UNREAD = Tok("", -1, -1, "")  # a position FigureReader has not read yet


def next_token(text: str, pos: int) -> Tok | None:
    """The token after ``pos`` on the same line (spaces skipped), or None at a line end."""
    m = _NEXT_TOKEN.match(text, pos)
    if m is None:
        return None
    kind = m.lastgroup
    assert kind is not None
    return Tok(m.group(kind), m.start(kind), m.end(), kind)


def previous_word(text: str, pos: int, lower: bool = True) -> str:
    """The word (or symbol) right before ``pos`` on the same line, lower case by default."""
    i = pos
    while i > 0 and text[i - 1] in " \t\u00a0":
        i -= 1
    j, stop = i, max(0, i - _MAX_WORD)
    while j > stop and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    word = text[j:i] if j < i else text[i - 1 : i]
    return word.lower() if lower else word


def _is_adjective(tok: Tok) -> bool:
    word = tok.text
    return (
        tok.kind == "word"
        and word[:1].islower()
        and len(word) >= 3
        and word.endswith(_ADJECTIVE_ENDINGS)
        and word not in lexicon.function_words()
    )


class FigureReader:
    """Reads the figures of one document, in text order (context flows forward)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        # the offsets from the stored rows (one read of the Doc's facts instead of a list of
        # records per fact type)
        facts = doc._.facts or {}
        spans = sorted(_offsets(facts.get("dates") or ()))
        self.date_starts = [s for s, _ in spans]
        self.date_ends = [e for _, e in spans]
        names = sorted(
            _offsets([*(facts.get("places") or ()), *(facts.get("organisations") or ())])
        )
        self.name_starts = [s for s, _ in names]
        self.name_ends = [e for _, e in names]
        self._person_ends: frozenset[int] | None = None  # read when first asked (rarely)
        self.sent_starts = doc_layout(doc).sentence_starts or [0]
        self.found: list[FigureMention] = []
        # The rules ask for the same neighbours of a number again and again. About half the
        # asks are new positions: a miss is a dict.get, not a KeyError raised and caught.
        self._tokens: dict[int, Tok | None] = {}
        self._words: dict[int, str] = {}
        self._lower_words: dict[int, str] = {}

    def _next(self, pos: int) -> Tok | None:
        """:func:`next_token` in this document, each position read once."""
        tok = self._tokens.get(pos, _UNREAD)
        if tok is _UNREAD:
            tok = self._tokens[pos] = next_token(self.text, pos)
        return tok

    def _previous(self, pos: int, lower: bool = True) -> str:
        """:func:`previous_word` in this document, each position read once."""
        if lower:
            word = self._lower_words.get(pos)
            if word is None:
                word = self._lower_words[pos] = self._previous(pos, lower=False).lower()
            return word
        word = self._words.get(pos)
        if word is None:
            word = self._words[pos] = previous_word(self.text, pos, lower=False)
        return word

    # -- candidates -------------------------------------------------------------------------

    def read(self) -> list[FigureMention]:
        consumed = -1
        for reading in sorted(self._candidates(), key=lambda r: r.start):
            if reading.start < consumed:
                continue
            figures = self._complete(reading)
            if figures:
                consumed = max(f.end_char for f in figures)
                self.found.extend(figures)
        return self.found

    def _candidates(self) -> list[Reading]:
        """The numbers outside the dates (a number in a date is none of its figures), read
        only there."""
        out = []
        in_date = self._in_date
        for m in _DIGITS.finditer(self.text):
            start, end = m.span(1)
            if in_date(start, end):
                continue
            value = _DECIMALS(m.group(1))
            if value is not None:
                out.append(Reading(start, end, value, "digits"))
        for start, end in _number_word_spans(self.text):
            if in_date(start, end):
                continue
            word = self.text[start:end]
            if word[0].isupper() and not self._sentence_initial(start):
                continue  # "die Elf", "Acht geben": capitalised mid-sentence is a noun
            if self._previous(start) in _CLOCK_BEFORE:
                continue  # "halb sieben" is a clock time
            lower = word.lower()
            found = read_number_word(lower)
            if found is not None:
                if found.kind != "zero":
                    out.append(Reading(start, end, Decimal(str(found.value)), found.kind))
                continue
            fixed = self._word_figure(lower)
            if fixed:
                value, unit, adjective = fixed
                out.append(Reading(start, end, value, "cardinal", unit, end, adjective=adjective))
        return out

    @staticmethod
    def _word_figure(lower: str) -> tuple[Decimal, str, bool] | None:
        """Number words with their unit: "zweimal" -> (2, Mal), "fünfköpfige" -> (5, Person),
        "zweijährigen" -> (2, Jahr)."""
        if lower.endswith("mal"):
            found = read_number_word(lower[:-3])
            if found and found.kind == "cardinal" and found.value > 1:
                return Decimal(str(found.value)), "Mal", False
            return None
        m = lexicon.adjective_pattern().match(lower)
        if m:
            found = read_number_word(m.group("num"))
            if found and found.kind != "zero":
                unit = lexicon.adjective_units()[m.group("suffix").lower()]
                return Decimal(str(found.value)), unit, True
        return None

    # -- reading one number -----------------------------------------------------------------

    def _complete(self, r: Reading) -> list[FigureMention]:
        text = self.text
        if r.kind == "digits" and not self._plausible_digits(r):
            return []
        if r.unit is None and not self._read_after(r):
            return []
        lead = r.start if r.lead is None else r.lead
        qualifier = find_qualifier(text, lead, r.noun_end or r.end)
        if r.unit is None:
            r.unit = self._elided_unit(r, qualifier.start, qualifier.qualifier)
            if r.unit is None:
                return []
        category = nouns.category_of(r.unit)
        if not self._counts(r, category, qualifier):
            return []
        end = r.noun_end or r.end
        start = qualifier.start
        value = finite_float(r.value)
        second = None if r.second is None else finite_float(r.second)
        if value is None or (r.second is not None and second is None):
            return []  # beyond any float: no figure rather than inf
        base = FigureMention(
            start, end, text[start:end], value, r.unit, qualifier.qualifier, category
        )
        if second is None:
            return [base]
        return [
            replace(base, qualifier=RANGE_QUALIFIERS[0]),
            replace(base, value=second, qualifier=RANGE_QUALIFIERS[1]),
        ]

    def _plausible_digits(self, r: Reading) -> bool:
        """False for phone numbers, ordinals and numbers glued to names."""
        text, digits = self.text, self.text[r.start : r.end]
        if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
            return False  # 0711 …, 030 …: phone and area codes
        line_start = text.rfind("\n", max(0, r.start - _PHONE_WINDOW), r.start) + 1
        if _PHONE.search(text, max(line_start, r.start - _PHONE_WINDOW), r.start):
            return False
        after_currency = self._previous(r.start, lower=False) in lexicon.units_before()
        price_dash = _PRICE_DASH.match(text, r.end)
        if price_dash:
            r.noun_end = price_dash.end()  # "500,- Euro", "Fr. 20.–"
        elif (
            text.startswith(".", r.end) and not text.startswith("..", r.end) and not after_currency
        ):
            after = self._next(r.end + 1)
            sentence_start = (
                after is None
                or after.kind == "word"
                and after.text[0].isupper()
                and after.text.lower() in lexicon.function_words()
            )
            if not sentence_start:
                return False  # "30. Langen Nacht", "3. Platz", "14. und 15. Januar": ordinal
            r.bare_end = True  # "Es kamen 500. Die …": the dot ends the sentence
        return True

    def _read_after(self, r: Reading) -> bool:
        """Multiplier, range, unit or counted noun after the number; False to drop it."""
        text = self.text
        if r.kind == "digits" and not r.bare_end and not r.noun_end and not self._read_glued(r):
            return False
        if r.unit is not None or r.bare_end:
            return True
        pos = self._read_half(r)
        pos = self._read_multiplier(r, pos)
        pos = self._read_range(r, pos)
        tok = self._next(pos)
        if tok is not None and tok.text == "von" and r.second is None:
            self._read_partitive(r, tok)
            return True
        currency = self._currency_before(r)
        if currency and tok is not None and tok.text.lower() in lexicon.calendar_words():
            return False  # "Fr. 14 Uhr": Friday, not Swiss francs
        if currency:
            r.unit = currency  # "€ 15", "EUR 900 für Firmen", "CHF 120 Mio. und"
            return True
        if tok is None:
            return True
        unit = lexicon.unit_pattern().match(text, tok.start)
        if unit:
            r.unit, r.noun_end = lexicon.units_after()[unit.group()], unit.end()
            return True
        seen_adjective = False
        for _ in range(_MAX_ADJECTIVES):  # "12.700 begeisterte Besucher", "große und kleine"
            joiner = seen_adjective and tok.text in (",", "und")
            if not (_is_adjective(tok) or joiner or self._adverb_before_adjective(tok)):
                break
            seen_adjective = True
            r.attributes += 1
            nxt = self._next(tok.end)
            if nxt is None or (joiner and not _is_adjective(nxt)):
                return True
            tok = nxt
        if tok.kind == "word" and tok.text[0].isupper():
            if self._place_adjective(tok):
                tok = self._next(tok.end)  # "zwei Hamburger Freundinnen"
                r.attributes += 1
            self._take_noun(r, tok)
        return True

    def _currency_before(self, r: Reading) -> str | None:
        """The currency written before the number ("CHF 1,85 Millionen", "€ 95,–", "US-$ 5"),
        with ``r.lead`` set to where it begins; None without one."""
        word = self._previous(r.start, lower=False)
        currency = lexicon.units_before().get(word)
        if currency is None:
            return None
        lead = self.text.rfind(word, 0, r.start)
        if self.text[max(0, lead - 3) : lead] == "US-":
            lead -= 3  # "US-$"
        r.lead = lead
        return currency

    def _place_adjective(self, tok: Tok) -> bool:
        """A capitalised "-er" adjective of a place before the counted noun ("drei Berliner
        Museen"); never a counting noun itself ("Besucher Anfang Mai")."""
        if not tok.text.endswith("er"):
            return False
        if nouns.category_of(nouns.noun_lemma(tok.text)) != nouns.DEFAULT_CATEGORY:
            return False
        nxt = self._next(tok.end)
        if nxt is None or nxt.kind != "word" or not nxt.text[0].isupper():
            return False
        lemma = nouns.noun_lemma(nxt.text)
        return lemma != nxt.text or nouns.category_of(lemma) != nouns.DEFAULT_CATEGORY

    def _read_half(self, r: Reading) -> int:
        """ "eine halbe Million", "eine halbe Stunde": the article with "halb" is 0.5."""
        pos = r.noun_end or r.end
        if r.kind != "article":
            return pos
        tok = self._next(pos)
        if tok is None or tok.text.lower() not in lexicon.half_words():
            return pos
        r.value, r.kind = Decimal("0.5"), "cardinal"
        return tok.end

    def _read_partitive(self, r: Reading, von: Tok) -> None:
        """A part of a whole counts the whole's noun: "29 von 93 Maschinen", "57 von 910
        Mitgliedern", "acht von zehn Besuchern" (the whole is read as a figure of its own)."""
        whole = self._next(von.end)
        if whole is None:
            return
        if whole.kind == "word":
            found = read_number_word(whole.text)
            if found is None or found.kind != "cardinal":
                return
            probe = Reading(whole.start, whole.end, Decimal(0), "cardinal")
            self._read_after(probe)
        else:
            if whole.kind != "num" or _digits_decimal(whole.text) is None:
                return
            probe = Reading(whole.start, whole.end, Decimal(0), "digits")
            if self._read_glued(probe) and probe.unit is None:
                self._read_after(probe)
        r.unit = probe.unit

    def _adverb_before_adjective(self, tok: Tok) -> bool:
        """An adverb before an adjective: "zwei lebensgefährlich verletzte Fahrer"."""
        if tok.kind != "word" or not tok.text[0].islower():
            return False
        if tok.text in lexicon.function_words():
            return False
        nxt = self._next(tok.end)
        return nxt is not None and _is_adjective(nxt)

    def _read_glued(self, r: Reading) -> bool:
        """Units, number adjectives and ranges glued to digits: "4,5km", "83%", "2-tägig",
        "10–15"; False for glued letters that make a label ("4,5er", "3D")."""
        text = self.text
        if r.end >= len(text):
            return True
        c = text[r.end]
        if c in "-–" and r.end + 1 < len(text) and text[r.end + 1].isalpha():
            word = _GLUED_WORD.match(text, r.end).group(1)
            m = lexicon.adjective_pattern().match(word) if word[0].islower() else None
            if m and not m.group("num"):
                r.unit = lexicon.adjective_units()[m.group("suffix").lower()]
                r.adjective = True
            elif word.lower() == "mal":
                r.unit = "Mal"
            else:
                return False  # "500-Jahr-Jubiläum", "3-Zimmer-Wohnung": part of a name
            r.noun_end = r.end + 1 + len(word)
            return True
        if c.isalpha() or c in "%°€²'\"$£":
            unit = lexicon.unit_pattern().match(text, r.end)
            if unit:
                r.unit, r.noun_end = lexicon.units_after()[unit.group()], unit.end()
                return True
            word = _GLUED_WORD.match(text, r.end)
            if word and multiplier(word.group(1)):
                return True  # "1,2Mio" is read as a multiplier next
            return not c.isalpha()
        return True

    def _read_multiplier(self, r: Reading, pos: int) -> int:
        tok = self._next(pos)
        if tok is None or tok.kind != "word":
            return pos
        dotted = self.text.startswith(".", tok.end)
        factor = (multiplier(tok.text + ".") if dotted else None) or multiplier(tok.text)
        if factor is None:
            return pos
        r.value *= factor
        r.scaled = True
        end = tok.end + (1 if dotted and multiplier(tok.text + ".") else 0)
        r.noun_end = end
        return end

    def _read_range(self, r: Reading, pos: int) -> int:
        """The upper end of a range: "10 bis 15", "10–15", "zwischen 10 und 15", "ein bis
        zwei"."""
        text = self.text
        tok = self._next(pos)
        if tok is None:
            return pos
        between = self._previous(r.start) == "zwischen"
        joiner = tok.text in _RANGE_DASHES or tok.text in _RANGE_WORDS
        if not (joiner or (between and tok.text == "und")):
            return pos
        nxt = self._next(tok.end)
        if nxt is None:
            return pos
        if nxt.kind == "num":
            digits = _DIGITS_AT.match(text, nxt.start)  # "200 000 bis 250 000": groups too
            if digits is None:
                return pos
            nxt = Tok(digits.group(1), nxt.start, digits.end(1), "num")
            value = _digits_decimal(nxt.text)
        else:
            found = read_number_word(nxt.text) if nxt.kind == "word" else None
            value = Decimal(str(found.value)) if found and found.kind != "zero" else None
        if value is None or self._in_date(nxt.start, nxt.end):
            return pos
        upper = Reading(nxt.start, nxt.end, value, "digits" if nxt.kind == "num" else "cardinal")
        end = self._read_multiplier(upper, nxt.end)
        if upper.scaled and not r.scaled:
            r.value *= upper.value / value
            r.scaled = True
        if upper.value <= r.value:
            return pos  # "3-1", a score or a date, not a range
        r.second = upper.value
        r.noun_end = end
        return end

    def _completes_truncation(self, tok: Tok) -> Tok | None:
        """The full compound after a truncated one: "Kurz- und Mittelstreckenflüge"."""
        conj = self._next(tok.end + 1)
        if conj is None or conj.text not in _TRUNCATION_JOINERS:
            return None
        full = self._next(conj.end)
        if full is not None and full.kind == "word" and full.text[0].isupper():
            return full
        return None

    def _take_noun(self, r: Reading, tok: Tok) -> None:
        if self.text.startswith("-", tok.end) and tok.kind == "word":
            full = self._completes_truncation(tok)  # "520 Kurz- und Mittelstreckenflüge"
            if full is None:
                return  # "72 Schwer- und 677 Leichtverletzte": no noun of its own
            tok = full
        word = tok.text.rstrip("-")
        if word.lower() in lexicon.function_words():
            return  # "PMID 17117481 Mit …": a sentence goes on, no counted noun
        if word.lower() in lexicon.calendar_words():
            return  # "15 Uhr", "3 Oktober": dates and times
        if len(word) < 2 or self._in_name(tok.start, tok.end):
            return  # "A 27 Bremen", "Radio 7 Nachrichten": a name, not a counted noun
        if word.isupper() and nouns.category_of(word) == nouns.DEFAULT_CATEGORY:
            return  # "810 IN 128/16": an acronym of a file number
        lemma = nouns.noun_lemma(word)
        r.unit, r.noun_end, r.noun_text = lemma, tok.end, word
        pair = self._next(tok.end)  # "Besucherinnen und Besucher": one noun
        if pair is not None and pair.text == "und":
            other = self._next(pair.end)
            if (
                other is not None
                and other.kind == "word"
                and other.text[0].isupper()
                and nouns.noun_lemma(other.text) == lemma
            ):
                r.noun_end = other.end

    # -- bare numbers -----------------------------------------------------------------------

    def _elided_unit(self, r: Reading, qual_start: int, qualifier: str) -> str | None:
        """The unit of a bare number from its context, or None when it is no figure."""
        text = self.text
        before = self._previous(qual_start)
        after = self._next(r.noun_end or r.end)
        comparative = after is not None and after.text in _COMPARATIVES
        part = _PART_BEFORE.search(text, max(0, qual_start - _MAX_WORD), qual_start)
        if r.kind != "article" and (part or (after is not None and after.text in _PART_WORDS)):
            return self._whole_unit(qual_start)  # "120 Verlage, davon 84 aus NRW", "zwei davon"
        if r.kind != "digits" and not (comparative and r.kind == "cardinal"):
            return None  # number words need a noun, except "zwölf mehr als im Vorjahr"
        in_parens = before == "(" and after is not None and after.text == ")"
        after_es = before == "es"
        counting = not (in_parens or comparative or after_es or qualifier != EXACT)
        if counting and not self._counting_sentence(qual_start):
            return None  # a bare number in a list ("Marold 2. Die …"), a label, a code
        if in_parens and (r.value < _MIN_PARENS or self._age_in_parens(r, qual_start)):
            return None  # "(2)" a footnote, "Ein Autofahrer (26)" an age
        if _is_year(r, text) and qual_start == r.start:
            return None  # "(1850)" is a year; "(jeweils 1800)" a count
        unit = self._noun_after_als(r)
        if unit:
            return unit
        # "im Vorjahr waren es 4,2 Mio." may repeat a measure (Euro); a plain count repeats a
        # count ("(9.000)" after "Besucher"), never the "Kilometer" of a race before it
        measures = r.scaled
        if counting:  # "Die Besucherzahl stieg auf 12.700"
            return self._sentence_count_noun(qual_start)
        if in_parens:
            return self._sentence_count_noun(qual_start) or self._previous_unit(measures)
        return self._previous_unit(measures) or self._sentence_count_noun(qual_start)

    def _whole_unit(self, pos: int) -> str | None:
        """The unit of the whole a part is taken from ("davon", "darunter"): the last figure,
        in this sentence or the one before."""
        if not self.found:
            return None
        k = bisect_right(self.sent_starts, pos) - 1
        since = self.sent_starts[max(0, k - 1)] if k >= 0 else 0
        last = self.found[-1]
        return last.unit if last.start_char >= since else None

    def _age_in_parens(self, r: Reading, qual_start: int) -> bool:
        """A person's age after the person: "Ein Autofahrer (26)", "die Besucherin (73)",
        "Martina Huber (24)" (a person's name: no noun the tables know, no place)."""
        paren = self.text.rfind("(", 0, qual_start)
        noun = self._previous(paren, lower=False)
        if not noun[:1].isupper():
            return False
        if nouns.category_of(nouns.noun_lemma(noun)) in COUNT_CATEGORIES - {"organisations"}:
            return True
        if r.value > _MAX_AGE or r.value != int(r.value):
            return False
        name_end = paren
        while name_end > 0 and self.text[name_end - 1] in " \u00a0":
            name_end -= 1
        if name_end in self._persons_end():
            return True
        start = name_end - len(noun)
        if self._in_name(start, name_end):
            return False
        first = self._previous(start, lower=False)  # "Greta Vogel (17)"
        return not nouns.is_noun(noun) or (
            first[:1].isupper() and first.isalpha() and not nouns.is_noun(first)
        )

    def _persons_end(self) -> frozenset[int]:
        """Where the model's persons end: only an age in parentheses asks, so the entities
        (a Span each) are read for the few reports with one."""
        if self._person_ends is None:
            self._person_ends = frozenset(e.end_char for e in self.doc.ents if e.label_ == "PER")
        return self._person_ends

    def _noun_after_als(self, r: Reading) -> str | None:
        """The noun after "als" in the clause: "etwa 5000 werden als Zuschauer erwartet"."""
        tok = self._next(r.noun_end or r.end)
        for _ in range(4):
            if tok is None or tok.kind != "word":
                return None
            if tok.text == "als":
                noun = self._next(tok.end)
                while noun is not None and _is_adjective(noun):
                    noun = self._next(noun.end)
                if noun is not None and noun.kind == "word" and noun.text[0].isupper():
                    lemma = nouns.noun_lemma(noun.text)
                    if nouns.category_of(lemma) != nouns.DEFAULT_CATEGORY:
                        return lemma  # not "7 gilt als Glückszahl"
                return None
            tok = self._next(tok.end)
        return None

    def _sentence_count_noun(self, pos: int) -> str | None:
        """Nearest noun before ``pos`` in its sentence that counts people or organisations,
        directly or as the first part of a count statement ("Besucherzahl" -> Besucher)."""
        for m in reversed(self._sentence_words(pos)):
            word = m.group()
            if not word[0].isupper():
                continue
            lemma = nouns.noun_lemma(word)
            if nouns.category_of(lemma) in COUNT_CATEGORIES:
                return lemma
            counted = _counted_part(lemma)
            if counted:
                return counted
        return None

    def _counting_sentence(self, pos: int) -> bool:
        """Whether the sentence before ``pos`` states a count: "Zahl der Aussteller",
        "Besucherzahl", "Teilnehmerrekord"."""
        return any(
            m.group().lower().endswith(lexicon.count_statement_heads())
            for m in self._sentence_words(pos)
            if m.group()[0].isupper()
        )

    def _sentence_words(self, pos: int) -> list[re.Match[str]]:
        """The words before ``pos`` in its sentence (at most a context window of them)."""
        start = self.sent_starts[max(0, bisect_right(self.sent_starts, pos) - 1)]
        return list(_WORD.finditer(self.text, max(start, pos - _CONTEXT_WINDOW), pos))

    def _previous_unit(self, measures: bool) -> str | None:
        for figure in reversed(self.found[-_CONTEXT_FIGURES:]):
            if measures or figure.category not in MEASURE_CATEGORIES | {"duration"}:
                return figure.unit
        return None

    # -- what is never a figure ---------------------------------------------------------------

    def _counts(self, r: Reading, category: str, qualifier: Qualifier) -> bool:
        text, qual_start = self.text, qualifier.start
        before = self._previous(qual_start)
        unit_noun = category in MEASURE_CATEGORIES and not r.attributes
        phrase = text[qual_start : r.start].lower().split()
        adverbial = qualifier.qualifier != EXACT and not _PREPOSITIONAL.intersection(phrase)
        numeral = r.scaled or r.second is not None or unit_noun or adverbial
        numeral = numeral or (r.kind == "article" and self._fraction_of_whole(r))
        if self._previous(r.start) in _VAGUE_BEFORE:
            return False  # "mehrere tausend Besucher", "ein paar hundert Leute": vague
        if category == "money" and self._price_compound(r, before):
            return False  # "das 9 Euro Ticket", "Ein Euro Jobs": a compound without hyphens
        if r.kind == "article" and not numeral:
            return False  # "ein Projekt": an article; "einen Euro", "knapp eine Woche": numerals
        if r.kind == "digits":
            digits = text[r.start : r.end]
            qualified = qual_start < r.start
            if _is_year(r, text) and not self._count_after_year(r, category, qualified):
                return False
            if digits.isdigit() and len(digits) == 5 and category == "other":
                return False  # "82491 Grainau": postal code
            if before in lexicon.label_words() and qual_start == r.start:
                return False  # "Tag 1", "Halle 3"
            raw = self._previous(qual_start, lower=False)
            if len(raw) == 1 and raw.isupper():
                return False  # "A 7", "B 27": roads
        if r.unit == "Jahr":
            nxt = self._next(r.noun_end or r.end)
            if nxt is not None and nxt.text.startswith(_AGE_AFTER) and len(nxt.text) <= 6:
                return False  # "73 Jahre alt", "eine 54 Jahre alte Fahrerin"
            if r.adjective and nxt is not None and nxt.text[:1].isupper():
                lemma = nouns.noun_lemma(nxt.text)
                if (
                    nouns.category_of(lemma) in COUNT_CATEGORIES
                    or lemma.lower() in lexicon.anniversary_nouns()
                    or not nouns.is_noun(nxt.text)
                ):
                    return False  # "73-jähriger Läufer", "25-jähriges Jubiläum", "19-jährige Lea"
            if "alter von" in text[max(0, qual_start - 15) : qual_start].lower():
                return False
            if before == "(" and self._age_in_parens(r, qual_start):
                return False  # "Martina Huber (24 Jahre)"
            limit = qualifier.start < r.start or before in _AGE_LIMIT_BEFORE
            if self._age_limit(qual_start, limit):
                return False  # "Kinder unter 14 Jahren", "Läufer ab 16", "Kinder bis 12 Jahre"
        if before == "vor" and r.unit in _RELATIVE_DATE_UNITS and qualifier.qualifier == EXACT:
            return False  # "vor zwanzig Jahren" is a date; "vor mehr als zwei Jahren" no date
        return not self._quoted_title(r, qualifier.qualifier != EXACT)

    def _fraction_of_whole(self, r: Reading) -> bool:
        """ "ein Drittel der Gäste", "ein Viertel davon": a fraction of a whole (as "zwei
        Drittel der Gäste"), not "ein Viertel mit Altbauten" (a quarter of a town)."""
        if r.unit is None or not _FRACTION_NOUN.match(r.unit):
            return False
        nxt = self._next(r.noun_end or r.end)
        return nxt is not None and nxt.text.lower() in _WHOLE_AFTER_FRACTION

    def _price_compound(self, r: Reading, before: str) -> bool:
        """A price that names a thing, written without hyphens: a determiner, the number, the
        currency and a noun ("das 49 Euro Ticket", "einen 50 Euro Schein", "Ein Euro Jobs");
        not "für 9 Euro Eintritt" (no determiner)."""
        if r.scaled or r.lead is not None or r.noun_end is None:
            return False
        if r.kind != "article" and before not in _DETERMINERS:
            return False
        nxt = self._next(r.noun_end)
        return (
            nxt is not None
            and nxt.kind == "word"
            and nxt.text[0].isupper()
            and nxt.text.lower() not in lexicon.function_words()
            and nxt.text.lower() not in lexicon.calendar_words()
        )

    def _age_limit(self, qual_start: int, qualified: bool) -> bool:
        """A qualified number of years right after people: an age limit, not a duration."""
        if not qualified:
            return False
        words = self._sentence_words(qual_start)[-_AGE_LIMIT_WORDS:]
        return any(
            m.group()[0].isupper()
            and nouns.category_of(nouns.noun_lemma(m.group())) in COUNT_CATEGORIES
            for m in words
        )

    def _count_after_year(self, r: Reading, category: str, qualified: bool) -> bool:
        """Whether a number that could be a year ("1200", "2016") counts its noun: a count or
        measure noun ("2000 Besucher", "von 2000 Euro"), a qualifier ("ungefähr 1000"), or a
        plural form ("1200 Arbeitsplätze") without "im Jahr"/"seit" before it."""
        if category in COUNT_CATEGORIES | MEASURE_CATEGORIES or qualified:
            return True
        if self._previous(r.start) in _YEAR_WORDS:
            return False
        # "1200 Arbeitsplätze", but not "der 1750 errichtete Turm"
        return not r.attributes and r.noun_text is not None and r.noun_text != r.unit

    def _quoted_title(self, r: Reading, qualified: bool) -> bool:
        """„775 Jahre Berlin“, „Die 7 Schächte“: a short quoted title with the number at its
        start or after a capitalised word or two (not a quote: „Wir hatten 300 Besucher“).
        The closing mark is looked for first, in C: most numbers have none after them."""
        end = r.noun_end or r.end
        if _TITLE_CLOSE.match(self.text, end, end + _TITLE_TAIL) is None:
            return False
        i = r.start if r.lead is None else r.lead
        for words in range(_TITLE_WORDS + 1):
            while i > 0 and self.text[i - 1] == " ":
                i -= 1
            if i > 0 and self.text[i - 1] in _OPEN_QUOTES:
                return True
            word = self._previous(i, lower=False)
            title_word = word[:1].isupper() and word.isalpha()
            if words == _TITLE_WORDS or not title_word or qualified:
                return False
            i -= len(word)
        return False

    def _sentence_initial(self, pos: int) -> bool:
        k = bisect_right(self.sent_starts, pos) - 1
        if k >= 0 and self.sent_starts[k] == pos:
            return True
        before = self.text[max(0, pos - 3) : pos].rstrip(" ")
        return not before or before[-1] in '\n„“"«»(:–-'

    def _in_name(self, start: int, end: int) -> bool:
        k = bisect_right(self.name_starts, start) - 1
        return (
            k >= 0
            and self.name_ends[k] > start
            or (k + 1 < len(self.name_starts) and self.name_starts[k + 1] < end)
        )

    def _in_date(self, start: int, end: int) -> bool:
        k = bisect_right(self.date_starts, start) - 1
        return (
            k >= 0
            and self.date_ends[k] > start
            or (k + 1 < len(self.date_starts) and self.date_starts[k + 1] < end)
        )


def _counted_part(lemma: str) -> str | None:
    """What a count statement counts: "Besucherzahl" -> Besucher, "Ausstellerrekord" ->
    Aussteller; None for other nouns."""
    lower = lemma.lower()
    for head in lexicon.count_statement_heads():
        if lower.endswith(head) and len(lower) > len(head) + 2:
            part = nouns.noun_lemma(lemma[: -len(head)].rstrip("-"))
            if nouns.category_of(part) != nouns.DEFAULT_CATEGORY:
                return part
    return None


def _number_word_spans(text: str) -> list[tuple[int, int]]:
    """Where :func:`_number_word_pattern` matches in ``text``, in order. Its matches are
    letters only, opening after a character that is no letter, so each lies in one word run
    and is found the same in the run alone: the runs the date stage has cut this text into are
    looked up in a memo (in C), instead of the pattern trying every character of the text."""
    parts, ends = word_runs(text)
    found = list(map(_NUMBER_WORDS_IN_RUN.__getitem__, parts[1::2]))
    return [
        (ends[2 * i] + start, ends[2 * i] + end)
        for i in compress(count(), found)
        for start, end in found[i]
    ]


def _number_words_in_run(run: str) -> tuple[tuple[int, int], ...]:
    """The spans of :func:`_number_word_pattern`'s matches in one word run (mostly none)."""
    return tuple(m.span() for m in _number_word_pattern().finditer(run))


# memoised by run, emptied when full, so memory stays flat
_NUMBER_WORDS_IN_RUN = WordValues(_number_words_in_run, 200_000)
# the value of a number as written ("12.700", "1,5"): the same numbers recur in and across
# reports, and reading one checks its pattern again and builds a Decimal
_DECIMALS = WordValues(_digits_decimal)


@cache
def _number_word_pattern() -> re.Pattern[str]:
    """Whole words that begin like a number word ("zwölf…", "ein…", "drei…")."""
    return re.compile(rf"(?<![^\W\d_])(?:{trie_pattern(number_word_starts())})[^\W\d_]*", re.I)


def _is_year(r: Reading, text: str) -> bool:
    digits = text[r.start : r.end]
    return digits.isdigit() and len(digits) == 4 and 1000 <= int(digits) <= 2100

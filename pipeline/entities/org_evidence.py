"""Evidence that a span the statistical NER reads as an organisation names one.

The in-domain model labels many names ORG that are none: bands, mottos, English phrases, a
continent, "<Noun> für <Noun>" descriptions. A model ORG is kept only with some evidence a
reader would also use: an organisation head word ("-verband", "-bank", "Verlag"), a legal form,
an acronym or an inner capital ("KölnKongress"), or organisation context around it ("bei",
"veranstaltet von", "die Firma", "... lädt ein").
"""

from __future__ import annotations

from functools import cache, lru_cache

from spacy.tokens import Span

from pipeline.entities.events import is_event_word
from pipeline.entities.words import (
    GENITIVE_ARTICLES,
    common_nouns,
    entity_word_list,
    entity_words,
    first_names,
    has_upper,
    is_acronym,
    org_patterns,
    positions,
    role_suffixes,
    span_of,
)
from pipeline.lang import load_json, load_words
from pipeline.quotation_marks import CLOSING as CLOSING_QUOTES
from pipeline.quotation_marks import OPENING as OPENING_QUOTES

CONTEXT_WINDOW = 3


@cache
def org_cues() -> dict:
    return load_json("org_cues.json")


@cache
def context_words(key: str) -> frozenset[str]:
    """The words of one list of ``org_cues.json`` (a context that speaks for or against an
    organisation)."""
    return frozenset(org_cues()[key])


@cache
def head_endings() -> tuple[str, ...]:
    """Lower-case endings of words that head an organisation name."""
    patterns = org_patterns()
    lists = (
        patterns["complement_heads"],
        patterns["adjective_heads"],
        patterns["compound_suffixes"],
        patterns["generic_heads"],
        patterns["regional_heads"],
        patterns["publisher_heads"],
        patterns["family_name_heads"],
        patterns["type_nouns"],
        org_cues()["head_endings"],
    )
    return tuple(sorted({w.lower() for words in lists for w in words if " " not in w}))


@cache
def legal_form_words() -> frozenset[str]:
    """Words of the legal forms that only a legal form uses ("GmbH", "e.V.", "AG")."""
    words = {w for form, _ in org_patterns()["legal_forms"] for w in form.split()}
    return frozenset(w for w in words if any(ch.isalpha() for ch in w) and w not in ("Co.", "u."))


def _has_inner_capital(word: str) -> bool:
    """ "KölnKongress", "eBay", "YouTube": a capital after the first letter of a part."""
    return any(
        has_upper(part[1:]) and not part.isupper() for part in word.split("-") if len(part) > 1
    )


# case and plural endings a head takes ("Verbandes", "Messen", "Ministeriums")
# "" first: the head as it is
CASE_ENDINGS = ("", *entity_word_list("case_ending"))


def is_org_head(word: str) -> bool:
    last = word.split("-")[-1].lower()
    return any(
        len(last) > len(ending) + 1
        and last.endswith(ending)
        and last[: len(last) - len(ending)].endswith(head_endings())
        for ending in CASE_ENDINGS
    )


def is_headed_organisation(words: tuple[str, ...]) -> bool:
    """Words that an organisation head or a legal form makes an organisation name although no
    word of theirs is a name of its own ("Messe Tannheim", "Stiftung Lesefreude", "Appenzeller
    Kantonalbank"). A single word is left out: "der Landesakademie" may be a venue's short
    name, and a lone compound on a head is as often a generic noun ("Förderverein")."""
    return len(words) > 1 and any(w in legal_form_words() or is_org_head(w) for w in words)


def _is_acronym(word: str) -> bool:
    """An acronym, not a shouted common noun ("TOP", "HUB")."""
    return is_acronym(word) and not (word.isupper() and word.title() in common_nouns())


@lru_cache(maxsize=65536)
def _word_evidence(word: str) -> bool:
    return (
        word in legal_form_words()
        or _is_acronym(word)
        or _has_inner_capital(word)
        or is_org_head(word)
    )


def _quote_fragment(span: Span) -> bool:
    """The start of a longer quoted title ("„Smarte Dörfer made in Sachsen“"): the span
    follows an opening quote that does not close right after it."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].text not in OPENING_QUOTES:
        return False
    return span.end < len(doc) and doc[span.end].text not in CLOSING_QUOTES


# a cue that also closes a compound ("Rohstoffhersteller", "Jugendverein"); shorter cues
# ("von", "bei") would end too many words
MIN_COMPOUND_CUE = 6


@cache
def _compound_cues() -> tuple[str, ...]:
    return tuple(sorted(w for w in context_words("context_before") if len(w) >= MIN_COMPOUND_CUE))


@lru_cache(maxsize=65536)
def _is_type_word(word: str) -> bool:
    """A noun that says what the next name is: an organisation head ("Jugendband",
    "Blasmusikensemble") or a compound on a cue ("Rohstoffhersteller")."""
    lower = word.lower()
    if not word[:1].isupper() or is_event_word(word):
        return False  # "die Weinmesse „Rebenzauber“": a fair's name, not a company's
    return is_org_head(word) or lower.endswith(_compound_cues())


def _type_word_before(doc, start: int) -> bool:
    """The word before the span (an opening quote between them allowed) is a type word: "die
    Tanzgruppe Silver Stars", "der Jugendchor „Tonwerk“"."""
    k = start - 1
    if k >= 0 and doc[k].text in OPENING_QUOTES:
        k -= 1
    return k >= 0 and _is_type_word(doc[k].text)


def _line_start(doc, k: int) -> bool:
    return k == 0 or "\n" in doc[k - 1].whitespace_ or doc[k - 1].is_space


def dateline_source_at(doc, start: int, end: int) -> bool:
    """Tokens start to end are in brackets in a dateline's place ("KASSEL (vel) -", "(vel)
    Die Stadt ..."): the medium or author, after a line-initial word (the town) or opening
    the line."""
    k = start - 1
    if k < 0 or doc[k].text != "(" or end >= len(doc) or doc[end].text != ")":
        return False
    return _line_start(doc, k) or (
        k >= 1 and doc[k - 1].text[:1].isupper() and _line_start(doc, k - 1)
    )


QUOTED_ARTICLES = entity_words("quoted_name_article")


def _whole_quoted(span: Span) -> bool:
    doc = span.doc
    return (
        span.start >= 1
        and span.end < len(doc)
        and doc[span.start - 1].text in OPENING_QUOTES
        and doc[span.end].text in CLOSING_QUOTES
    )


def _quoted_after_article(span: Span) -> bool:
    """ "die „Halbe Portionen“ gewannen": a whole quoted name after an article is a group's
    or a team's name (a work's title follows a noun: "das Lied „...“")."""
    return (
        span.start >= 2
        and _whole_quoted(span)
        and span.doc[span.start - 2].lower_ in QUOTED_ARTICLES
    )


def _quoted_subject(span: Span) -> bool:
    """ "„The Lindens“ begleiteten den Abend": a whole quoted name that opens its sentence
    and a lower-case word (its verb) after it is the group that acts."""
    doc = span.doc
    return (
        _whole_quoted(span)
        and (doc[span.start - 1].is_sent_start or _line_start(doc, span.start - 1))
        and span.end + 1 < len(doc)
        and doc[span.end + 1].text[:1].islower()
    )


def named_by_context(span: Span) -> bool:
    """Context that makes the span a name although its words are everyday ones: the whole
    quoted span after a type word ("der Verein „Freude für Kinder“"; after an article alone
    the quotes as often mark a slogan), or the span after a noun that only a name follows
    ("die Firma Holzbau Keller")."""
    doc = span.doc
    if _whole_quoted(span) and _type_word_before(doc, span.start):
        return True
    return span.start >= 1 and doc[span.start - 1].lower_ in context_words("name_nouns")


def _role_genitive_before(doc, start: int) -> bool:
    """A person's role and a genitive article before the span ("der Chefredakteur der
    Abendpost", "ein Vertreter des Velvorn"): the span is what the person works for."""
    return (
        start >= 2
        and doc[start - 1].lower_ in GENITIVE_ARTICLES
        and doc[start - 2].text[:1].isupper()
        and doc[start - 2].lower_.endswith(role_suffixes())
    )


INDEFINITE_ARTICLES = entity_words("indefinite_article")


def _runs_into_clause(span: Span) -> bool:
    """ "die Band der Grundschule Weilbach ein Ständchen": a lower-case indefinite article right
    after a capitalised word opens the sentence's object, no word of a name ("Verein für eine
    saubere Stadt" has it after a preposition)."""
    return any(
        span[k].text in INDEFINITE_ARTICLES and span[k - 1].text[:1].isupper()
        for k in range(1, len(span))
    )


def _opens_quote_unclosed(span: Span) -> bool:
    """ "des Vereins „Grüne Welle Tannheim": a span that opens a quote inside and stops before
    it closes cuts a quoted name in two, the type word outside it."""
    texts = [t.text for t in span]
    first = next((k for k, w in enumerate(texts) if w in OPENING_QUOTES), 0)
    return first > 0 and not any(w in CLOSING_QUOTES for w in texts[first + 1 :])


def has_org_evidence(span: Span, by_context: bool = True) -> bool:
    """A head word, legal form or acronym inside the span, or (``by_context``) organisation
    context around it. A span that opens with a first name ("Anna Berg") is a person unless a
    word inside it says otherwise; a span that opens a longer quoted title is none."""
    if _runs_into_clause(span) or _opens_quote_unclosed(span):
        return False
    if any(_word_evidence(t.text) for t in span):
        return True
    if not by_context or _quote_fragment(span):
        return False
    doc = span.doc
    if _type_word_before(doc, span.start) or dateline_source_at(doc, span.start, span.end):
        return True  # "die Firma Heinrich Fensterbau": the type word outweighs the first name
    if span[0].text in first_names():
        return False
    before = {t.lower_ for t in span_of(doc, max(0, span.start - CONTEXT_WINDOW), span.start)}
    if before & context_words("context_before") or _role_genitive_before(doc, span.start):
        return True
    if _quoted_after_article(span) or _quoted_subject(span):
        return True
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return after in context_words("context_after")


MAX_EVENT_NAME = 6  # words of an event's name looked through before its acronym's bracket
OPENING_BRACKET = frozenset({"("})


@cache
def _event_endings() -> tuple[str, ...]:
    """Endings that make a name an event's besides ``is_event_word``'s: the event nouns of
    ``event_name_endings.txt`` (which the events stage reads too) and the endings of names
    only of ``org_cues.json`` ("Ritterspiele", not an event noun on its own)."""
    return tuple(load_words("event_name_endings.txt") | set(org_cues()["event_endings"]))


def names_event(word: str) -> bool:
    """A word that makes a name an event's ("Musiknacht", "Ritterspiele"), no body's head."""
    lower = word.rstrip("-").lower()
    return (is_event_word(word) or lower.endswith(_event_endings())) and not is_org_head(word)


def event_acronyms(texts: list[str]) -> frozenset[str]:
    """Acronyms a report defines in brackets right after an event's name ("für das Kerbacher
    Jugendchorfest (KJF)", "„Kerbacher Musiknacht (KMN)“"): the event's short name, no
    organisation's."""
    found = set()
    for i in positions(texts, OPENING_BRACKET.__contains__):
        if i + 2 >= len(texts) or texts[i + 2] != ")":
            continue
        acronym = texts[i + 1]
        if not is_acronym(acronym):
            continue
        head = True  # the word before the bracket, or before a genitive's article, is a head
        for k in range(i - 1, max(-1, i - 1 - MAX_EVENT_NAME), -1):
            word = texts[k]
            if word in CLOSING_QUOTES:
                continue
            if word in _EVENT_NAME_LINKS:
                head = True
                continue
            if not word[:1].isupper():
                break
            if head:
                if is_org_head(word):
                    break  # "Jahrestagung der Gesellschaft für X (GfX)": the society's
                if names_event(word):
                    found.add(acronym)
                    break
                head = False
    return frozenset(found)


_EVENT_NAME_LINKS = entity_words("event_name_link")


def event_headed(words: tuple[str, ...]) -> bool:
    """A name the model reads as an organisation whose last word names an event, with no
    organisation head, legal form or acronym ("Deutsche Seniorenmeisterschaft Ü60",
    "Tannheimer Heimatfest"): the event, no body."""
    alpha = [w for w in words if w.replace("-", "").isalpha()]  # not "U18", not a year
    if not alpha or not names_event(alpha[-1]):
        return False
    return not any(w in legal_form_words() or is_org_head(w) or _is_acronym(w) for w in words)

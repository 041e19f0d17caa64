"""The counted noun of a figure as nominative singular lemma, and the figure's category.

Order of knowledge: gendered forms (``gendered_nouns.tsv``, feminine suffixes, French-style
feminines such as "Sommelière", "Masseuse") take the masculine generic noun; then spaCy's
German lookup table (spacy-lookups-data); then ``noun_lemmas.tsv`` (forms the lookup table
lacks, built from the german-nouns package by ``scripts/build_noun_lemmas.py``); then a
compound's head ("Gewinnerkommunen" -> "Gewinner" + "Kommune"). Categories come from
``figure_categories.tsv`` by lemma or head.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache

from pipeline.lang import MAX_WORD_CHARS, load_tsv, load_words
from pipeline.quantities.lexicon import figure_word_list

DEFAULT_CATEGORY = "other"
_MIN_HEAD = 3  # shortest compound head tried ("Tag" in "Festivaltagen")
_MIN_MODIFIER = 2
# Gender forms: Besucher*innen, Besucher:innen, Besucher_innen, Besucher/-innen, BesucherInnen.
_GENDER_MARK = re.compile(r"^(?P<stem>.*[a-zäöüß])(?:[*:_/]-?[iI]n(?:nen)?|In(?:nen)?)$")
# Masculine agent nouns whose feminine adds -in/-innen (Besucherin, Studentin, Journalistin).
_AGENT_ENDINGS = figure_word_list("agent_ending")
_PARTICIPLE_ENDINGS = figure_word_list("participle_ending")
_MIN_FRENCH_STEM = 3
_LINKING = (*figure_word_list("compound_linker"), "-")
_PLURAL_ENDINGS = figure_word_list("plural_ending")
_MIN_TYPO_LENGTH = 7


@cache
def _lookup_table() -> Mapping[str, str]:
    from spacy.lookups import load_lookups

    return load_lookups("de", ["lemma_lookup"]).get_table("lemma_lookup")


@cache
def _extra_lemmas() -> dict[str, str]:
    return {row["form"]: row["lemma"] for row in load_tsv("noun_lemmas.tsv")}


@cache
def _gendered() -> dict[str, str]:
    return {row["form"].lower(): row["masculine"] for row in load_tsv("gendered_nouns.tsv")}


@cache
def _plural_only() -> frozenset[str]:
    return load_words("plural_only_nouns.txt")


@cache
def _categories() -> dict[str, str]:
    return {row["unit"].lower(): row["category"] for row in load_tsv("figure_categories.tsv")}


@cache
def _category_units() -> tuple[str, ...]:
    """Counted nouns of the category lexicon, as written ("Aussteller")."""
    return tuple(row["unit"] for row in load_tsv("figure_categories.tsv"))


@cache
def _lemmas() -> frozenset[str]:
    """Every noun lemma the tables know (a lemma that is its own form has no key)."""
    table = _lookup_table()
    # spaCy's Table answers values() through a Python call per entry (its keys are hashes);
    # the dict underneath holds the same values and gives them at C speed.
    raw = dict.values(table) if isinstance(table, dict) else table.values()
    values = {v for v in raw if v[:1].isupper()}
    values.update(_extra_lemmas().values())
    return frozenset(values)


def use_lookup_table(table: Mapping[str, str]) -> None:
    """Reuse the pipeline's own lemma table instead of loading a second copy."""
    global _lookup_table
    for cached in (noun_lemma, _known, category_of):
        cached.cache_clear()
    _lemmas.cache_clear()
    _lookup_table = cache(lambda: table)


def _table_lemma(word: str) -> str | None:
    """Lemma from the lookup tables if it is a noun lemma (capitalised). The spaCy table
    spells some words the old way ("Kongresse" -> "Kongreß"): a word written with "ss" keeps
    "ss" in its lemma, and one the table only knows with "ß" is found that way."""
    lemma = _spelled_lemma(word)
    if lemma is None and "ss" in word:
        lemma = _spelled_lemma(word.replace("ss", "ß"))
    if lemma is not None and "ß" in lemma and "ß" not in word:
        lemma = lemma.replace("ß", "ss")
    return lemma


def _spelled_lemma(word: str) -> str | None:
    lemma = _lookup_table().get(word) or _extra_lemmas().get(word)
    if lemma and lemma[:1].isupper():
        return lemma
    return word if word in _lemmas() else None


@lru_cache(maxsize=65536)
def _known(word: str) -> bool:
    return word in _lemmas() or _table_lemma(word) is not None


def _head_lemma(word: str, known_modifier: bool) -> str | None:
    """Lemma of a compound by its longest known head: "Messehallen" -> "Messehalle";
    with ``known_modifier`` only where the part before the head is a word too."""
    if len(word) > MAX_WORD_CHARS:
        return None
    for i in range(_MIN_MODIFIER, len(word) - _MIN_HEAD + 1):
        head = word[i:]
        if head[0] == "-" or (known_modifier and not _is_word(word[:i].rstrip("-"))):
            continue
        head = head[0].upper() + head[1:]
        lemma = _gendered_lemma(head) or _table_lemma(head)
        if lemma:  # "Start-Ups" keeps the capital after the hyphen
            return word[:i] + (lemma if word[i - 1] == "-" else lemma.lower())
    return None


def _gendered_lemma(word: str) -> str | None:
    lower = word.lower()
    table = _gendered()
    if lower in table:
        return table[lower]
    for ending in _PARTICIPLE_ENDINGS:  # Teilnehmende(n) -> Teilnehmend -> Teilnehmer
        if lower.endswith(ending) and lower[: -len(ending)] in table:
            return table[lower[: -len(ending)]]
    return None


def _masculine(word: str) -> str | None:
    """The masculine generic of a feminine or gender-marked form, or None."""
    french = _french_masculine(word)
    if french:
        return french
    m = _GENDER_MARK.match(word)
    if m:
        stem = m.group("stem")  # "Kolleg*innen" -> "Kollege"
        return stem if _known(stem) or not _known(stem + "e") else stem + "e"
    for suffix in figure_word_list("feminine_suffix"):
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 4:
            continue
        # "Besucherin", "Studentin"; any known noun before the plural "-innen" ("Freundinnen")
        if stem.endswith(_AGENT_ENDINGS) or (suffix == "innen" and _known(stem)):
            return stem
    return None


@cache
def _french_feminines() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """French-style feminine endings and their masculine endings (french_feminines.tsv)."""
    found: dict[str, list[str]] = {}
    for row in load_tsv("french_feminines.tsv"):
        found.setdefault(row["feminine"], []).append(row["masculine"])
    return tuple((feminine, tuple(masculines)) for feminine, masculines in found.items())


def _french_masculine(word: str) -> str | None:
    """The masculine of a French-style feminine ("Biersommelières" -> "Biersommelier"). A word
    the tables know as a noun of its own keeps it unless the masculine is known too
    ("Schleuse" is no feminine of "Schleur")."""
    for ending, masculines in _french_feminines():
        stem = word[: -len(ending)]
        if not word.endswith(ending) or len(stem) < _MIN_FRENCH_STEM:
            continue
        candidates = [stem + m for m in masculines]
        known = [c for c in candidates if is_noun(c)]
        if known:
            return known[0]
        own = word[:-1] if ending.endswith(("s", "n")) else word
        if is_noun(own) or is_noun(word):
            return None  # "Schleuse", "Bluse": a noun of its own
        return candidates[-1] if ending.startswith("r") else candidates[0]
    return None


@lru_cache(maxsize=65536)
def noun_lemma(word: str) -> str:
    """Nominative singular of a counted noun, masculine generic for gendered forms."""
    word = word.strip(".-")
    if not word:
        return word
    for form in (word, word[:-1]):  # "Leute", "Leuten"
        if form in _plural_only():
            return form
    gendered = _gendered_lemma(word)
    if gendered:
        return gendered
    masculine = _masculine(word)
    if masculine:
        return noun_lemma(masculine)
    lemma = (
        _table_lemma(word)
        or _head_lemma(word, known_modifier=True)
        or _typo_fix(word)
        or _head_lemma(word, known_modifier=False)
    )
    if lemma:
        return lemma
    return word


def is_noun(word: str) -> bool:
    """Whether the tables know ``word`` as a noun (or its compound head): not a name."""
    return _table_lemma(word) is not None or _head_lemma(word, known_modifier=True) is not None


def _one_edit_apart(a: str, b: str) -> bool:
    """Whether b is a with one letter inserted, deleted, replaced or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        swapped = a[i + 1 : i + 2] == b[i : i + 1] and a[i : i + 1] == b[i + 1 : i + 2]
        return a[i + 1 :] == b[i + 1 :] or (swapped and a[i + 2 :] == b[i + 2 :])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[i + 1 :] == shorter[i:]


def _typo_fix(word: str) -> str | None:
    """A counted noun the tables do not know, one typo away from a lexicon noun
    ("Austeller" -> Aussteller); only long words, where one edit rarely makes another word."""
    if len(word) < _MIN_TYPO_LENGTH:
        return None
    lower = word.lower()
    forms = [lower] + [lower[: -len(e)] for e in _PLURAL_ENDINGS if lower.endswith(e)]
    for unit in _category_units():
        if any(_one_edit_apart(form, unit.lower()) for form in forms):
            return unit
    return None


def _is_word(part: str) -> bool:
    """Whether a compound's modifier is a word ("Festival", "Tages" with linking -s)."""
    candidates = [part]
    candidates += [part[: -len(e)] for e in _LINKING if part.endswith(e) and len(part) > len(e)]
    return any(_known(c[0].upper() + c[1:]) for c in candidates if len(c) >= _MIN_MODIFIER)


@lru_cache(maxsize=16384)
def category_of(unit: str | None) -> str:
    """Category of a figure's unit: the lemma's own row, else its compound head's row."""
    if not unit:
        return DEFAULT_CATEGORY
    table = _categories()
    lower = unit.lower()
    if lower in table:
        return table[lower]
    if len(lower) > MAX_WORD_CHARS:
        return DEFAULT_CATEGORY
    for i in range(_MIN_MODIFIER, len(lower) - _MIN_HEAD + 1):
        head = lower[i:].lstrip("-")
        if head in table and _is_word(unit[:i].rstrip("-")):
            return table[head]
    return DEFAULT_CATEGORY

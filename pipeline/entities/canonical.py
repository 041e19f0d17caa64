"""Canonical names: nominative, without articles and case endings.

"des Eco e.V." -> "Eco e.V.", "dem Deutschen Landkreistag" -> "Deutscher Städtetag",
"Deutsche Technikmuseum" -> "Deutsches Historisches Museum", "Vorstands der Stiftung
Freie Kunst" -> "Vorstand der Stiftung Freie Kunst" (only the head is declined;
a genitive attribute stays as it is).

Adjectives before the head take the strong nominative ending of the head's gender; the head's
gender and nominative come from noun_heads.tsv (generated from Wiktionary), matched on the
longest ending of a compound ("Gemeindebund" -> "bund", masculine).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache, lru_cache

from pipeline.entities.words import (
    PROPER_ADJECTIVE_STEMS,
    TRUNCATION_JOINERS,
    WordSpan,
    entity_word_list,
    entity_words,
    is_capitalised,
    noun_genders,
)
from pipeline.lang import load_tsv

# determiners stripped off the front of a name (lang/de/entity_words.tsv)
ARTICLES = frozenset().union(
    *map(
        entity_words,
        ("article", "indefinite_article", "fused_article", "possessive", "demonstrative"),
    )
)
ADJECTIVE_ENDINGS = entity_word_list("adjective_ending")
INVARIANT_ENDINGS = entity_word_list("invariant_ending")
STRONG_NOMINATIVE = {"m": "er", "f": "e", "n": "es", "pl": "e"}
MAX_SUFFIX = 25

LemmaLookup = Callable[[str], str | None]


@cache
def noun_heads() -> dict[str, tuple[str, str, str]]:
    """Case form (lower case) -> (nominative, gender, number)."""
    return {
        r["form"]: (r["nominative"], r["gender"], r["number"]) for r in load_tsv("noun_heads.tsv")
    }


@cache
def _head_tails() -> frozenset[str] | None:
    """The last three letters of every form of :func:`noun_heads`, which an ending must end on
    to be one (None when a form is shorter: then no such test)."""
    forms = noun_heads()
    if any(len(form) < 3 for form in forms):
        return None
    return frozenset(form[-3:] for form in forms)


@lru_cache(maxsize=65536)
def head_noun(word: str) -> tuple[str, str, str] | None:
    """Nominative, gender and number of a (compound) noun from its longest known ending:
    "Städtetages" -> ("Städtetag", "m", "sg")."""
    lower = word.lower()
    table = noun_heads()
    tails = _head_tails()
    # most words end on three letters that no form of the table ends on: no ending is a form
    cuts = range(max(0, len(lower) - MAX_SUFFIX), len(lower))
    for cut in cuts if tails is None or lower[-3:] in tails else ():
        ending = lower[cut:]
        if ending in table and (cut == 0 or len(ending) >= 3):
            nominative, gender, number = table[ending]
            prefix, written = word[:cut], word[cut:]
            if nominative.lower() == ending:
                nom = word  # already nominative: keep the report's spelling ("DDR-Museum")
            elif prefix and not prefix.endswith("-"):
                nom = prefix + nominative.lower()
            else:
                nom = prefix + (nominative if is_capitalised(written) else nominative.lower())
            return nom, gender, number
    # any other noun in its nominative or genitive singular ("Welle", "Kreuzes")
    genders = noun_genders()
    for form in (
        word,
        word[:-1] if word.endswith("s") else "",
        word[:-2] if word.endswith("es") else "",
    ):
        if genders.get(form) and (form == word or genders[form] in ("m", "n")):
            return form, genders[form], "sg"
    return None


@lru_cache(maxsize=65536)  # asked for every token by several layers
def adjective_stem(word: str, lemma: LemmaLookup | None = None) -> str | None:
    """The stem of a capitalised, declined adjective ("Deutschen" -> "Deutsch"), else None."""
    if not is_capitalised(word) or "-" in word:
        return None
    lower = word.lower()
    if not lower.endswith(ADJECTIVE_ENDINGS):  # one test in C for most words
        return None
    for ending in ADJECTIVE_ENDINGS:
        if not lower.endswith(ending) or len(lower) - len(ending) < 2:
            continue
        stem = lower[: -len(ending)]
        if stem.endswith(PROPER_ADJECTIVE_STEMS):
            return word[: len(stem)]
        # adjectives are lower-case entries of the lemma table; the capitalised form would
        # also find nouns ("Namen" -> "Name")
        if lemma is not None and any(
            lemma(stem + other) in (stem, stem + "e") for other in ADJECTIVE_ENDINGS
        ):
            return word[: len(stem)]
        return None
    return None


def is_adjective(word: str, lemma: LemmaLookup | None = None) -> bool:
    return adjective_stem(word, lemma) is not None


def before_attributive_adjectives(doc, i: int, lemma: LemmaLookup | None) -> int:
    """The index before the lower-case declined adjectives that end right before ``i`` ("im
    gesamten Landkreis", "aus dem benachbarten Kreis"): i - 1 when there is none."""
    k = i - 1
    while k >= 0 and doc[k].text.islower() and is_adjective(doc[k].text.capitalize(), lemma):
        k -= 1
    return k


@lru_cache(maxsize=65536)
def hyphen_adjective(word: str, lemma: LemmaLookup | None) -> bool:
    """ "Ökologisch-Botanischen": uninflected adjectives joined to an inflected one."""
    parts = word.split("-")
    if len(parts) < 2 or not all(parts) or not is_adjective(parts[-1].capitalize(), lemma):
        return False
    return all(any(is_adjective(p + e, lemma) for e in ("", "e", "en")) for p in parts[:-1])


def _town_adjective(word: str) -> bool:
    """A capitalised word in "-er" ("Tannheimer", "Weilbacher"): a town's adjective, which
    takes no case ending, so a noun in the genitive after it is the name's head."""
    return len(word) > 4 and word.endswith("er") and is_capitalised(word) and word.isalpha()


def strip_articles(words: Sequence[str]) -> list[str]:
    out = list(words)
    while out and out[0].lower() in ARTICLES:
        out.pop(0)
    return out


def nominative_name(
    words: Sequence[str],
    lemma: LemmaLookup | None = None,
    head: Callable[[str], tuple[str, str, str] | None] = head_noun,
) -> list[str]:
    """Decline the leading adjectives and the head noun of a name to nominative.

    The head is the first full noun after the adjectives; truncated parts of a coordination
    ("Kinder- und Jugendbund") are skipped to find it. ``head`` reads its nominative, gender
    and number (by default the heads of organisation names, ``noun_heads.tsv``; event names
    take :func:`compound_head`).
    """
    words = strip_articles(words)
    n_adj = 0
    while n_adj < len(words) - 1 and (
        is_adjective(words[n_adj], lemma) or hyphen_adjective(words[n_adj], lemma)
    ):
        n_adj += 1
    h = n_adj
    while h < len(words) and (words[h].endswith("-") or words[h].lower() in TRUNCATION_JOINERS):
        h += 1
    if h >= len(words):
        return words
    found = head(words[h])
    if h + 1 < len(words) and _town_adjective(words[h]):
        after = head(words[h + 1])  # "des Tannheimer Schachklubs": the head after the town's
        if after is not None and after[0] != words[h + 1]:  # adjective, which takes no case
            h, found = h + 1, after
    if found is None:
        return words
    nominative, gender, number = found
    out = list(words)
    if number == "sg" or n_adj:
        out[h] = nominative
    ending = STRONG_NOMINATIVE["pl" if number == "pl" else gender]
    for k in range(n_adj):
        first, dash, last = out[k].rpartition("-")
        if dash and adjective_stem(out[k], lemma) is None:
            stem = adjective_stem(last.capitalize(), lemma)  # "Ökologisch-Botanischer"
            if stem:
                out[k] = first + dash + last[:1] + stem[1:] + ending
            continue
        stem = adjective_stem(out[k], lemma)
        if stem:
            out[k] = stem + ending
    return out


HEAD_MIN_LETTERS = 3  # the shortest noun a compound's gender is read from ("Jodler|fest")
GENITIVE_ENDINGS = entity_word_list("genitive_ending")  # masculine and neuter only


def genitive_stems(word: str) -> tuple[str, ...]:
    """What a word would be without a genitive ending, the longer ending cut first
    ("Kreises" -> "Kreis", "Kreise"); none when no ending fits."""
    return tuple(word[: -len(e)] for e in GENITIVE_ENDINGS if word.endswith(e))


@lru_cache(maxsize=65536)
def compound_head(word: str) -> tuple[str, str, str] | None:
    """A noun in nominative singular, its gender (m, f, n) and number ("sg"), from the
    dictionary's nouns and the longest one a compound ends in ("Jugendturniers" ->
    ("Jugendturnier", "n", "sg")); None where no gender is known."""
    genders = noun_genders()
    prefix, dash, last = word.rpartition("-")
    forms = [(last, "")]
    forms += [(last[: -len(e)], e) for e in GENITIVE_ENDINGS if last.endswith(e)]
    for form, ending in forms:
        for cut in range(len(form) - HEAD_MIN_LETTERS + 1):
            noun = form[cut:]
            gender = genders.get(noun if cut == 0 else noun.capitalize())
            if gender in STRONG_NOMINATIVE and gender != "pl":
                if ending and gender == "f":
                    break  # a feminine noun takes no genitive "-s"
                return prefix + dash + form, gender, "sg"
    return None


def join_words(words: Sequence[str], spaces: Sequence[str]) -> str:
    """Words with the report's spacing (``spaces[k]`` follows ``words[k]``)."""
    return "".join(w + s for w, s in zip(words, spaces, strict=True)).strip()


def canonical_span(span, lemma: LemmaLookup | None = None) -> str:
    """Canonical name of a spaCy span: articles dropped, adjectives and head in nominative."""
    if isinstance(span, WordSpan):  # the words as the entity layers read them
        texts, spaces = span.doc.texts, span.doc.spaces
        return _canonical_name(
            tuple(texts[span.start : span.end]), tuple(spaces[span.start : span.end]), lemma
        )
    return _canonical_name(tuple(t.text for t in span), tuple(t.whitespace_ for t in span), lemma)


@lru_cache(maxsize=16384)  # a report names its places and organisations again and again
def _canonical_name(
    words: tuple[str, ...], spaces: tuple[str, ...], lemma: LemmaLookup | None
) -> str:
    nominative = nominative_name(words, lemma)
    return join_words(nominative, spaces[len(spaces) - len(nominative) :])


SUPERLATIVE_ENDINGS = entity_word_list("superlative_ending")
# "" first: the stem as it is ("schön")
SUPERLATIVE_BASE_ENDINGS = ("", *entity_word_list("superlative_base_ending"))
LEMMA_PROBE_ENDINGS = entity_word_list("lemma_probe_ending")
VERB_INFINITIVE_ENDINGS = entity_word_list("verb_infinitive_ending")
VERB_FORM_ENDINGS = entity_word_list("verb_form_ending")


def is_dictionary_word(word: str, lemma: LemmaLookup | None) -> bool:
    """Whether the lemma table knows a lower-case word, as an inflected form or as the lemma of
    one ("verantwortlich" <- "verantwortliche"); brand names such as "creatale" it does not."""
    if lemma is None:
        return True
    if lemma(word) is not None or word.endswith(INVARIANT_ENDINGS):
        return True
    if any(lemma(word + ending) == word for ending in LEMMA_PROBE_ENDINGS):
        return True
    # an infinitive is the lemma of its participle and third person ("gründen" <- "gründet")
    ending = next((e for e in VERB_INFINITIVE_ENDINGS if word.endswith(e)), "")
    stem = word[: -len(ending)] if ending else ""
    if stem and any(lemma(stem + e) == word for e in VERB_FORM_ENDINGS):
        return True
    # a superlative the table leaves out ("neueste", "schönsten") of an adjective it knows
    return any(
        word.endswith(ending)
        and len(word) - len(ending) >= 3
        and any(lemma(word[: -len(ending)] + e) for e in SUPERLATIVE_BASE_ENDINGS)
        for ending in SUPERLATIVE_ENDINGS
    )

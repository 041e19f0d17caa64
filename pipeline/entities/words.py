"""Small word-level helpers shared by the entity layers: folding, capitalisation, word lists."""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress, repeat
from operator import add, itemgetter, not_
from typing import Any, TypeVar

from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, ORTH, SENT_START, SPACY
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from pipeline.doc_layout import doc_text
from pipeline.lang import (
    MAX_WORD_CHARS,
    UNIT_KINDS,
    administrative_words,
    load_json,
    load_tsv,
    load_word_kinds,
    load_word_set,
    load_words,
)
from pipeline.memo import WordValues

ENTITY_WORDS_FILE = "entity_words.tsv"
V = TypeVar("V")

# GeoNames' small-town table writes umlauts as plain vowels ("Munster"), so names are compared
# folded: lower case, umlauts and accents dropped, ß -> ss, one space between words.
_FOLD = str.maketrans({"ß": "ss", "ẞ": "ss", "-": " ", "‐": " ", "–": " "})


def shortens(short: str, name: str) -> bool:
    """Whether ``short`` is the first words of ``name`` (hyphens and case aside)."""
    return fold(name).startswith(fold(short) + " ")


def sole_longer(key: str, names: Iterable[str] | Mapping[str, str]) -> str | None:
    """The one name among ``names`` that begins with the words of ``key`` and goes on
    ("Musikschule" -> "Musikschule Talheim"; not "Musikschulen Talheim"), else None. A mapping
    gives each name under its folded form ({fold(text): name}), which is tested instead."""
    forms = names.items() if isinstance(names, Mapping) else ((n, n) for n in names)
    longer = {name for form, name in forms if shortens(key, form)}
    return longer.pop() if len(longer) == 1 else None


@lru_cache(maxsize=65536)  # bounded: token texts repeat, the corpus does not fit in memory
def fold(text: str) -> str:
    if text.isascii():  # no umlaut, accent or ß: only the hyphens and the case to fold
        return " ".join(text.replace("-", " ").lower().split())
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


@lru_cache(maxsize=65536)
def first_folded_word(text: str) -> str:
    """The first word of ``fold(text)`` ("" when it has none): what indexes of names by their
    first word are keyed on."""
    words = fold(text).split(maxsplit=1)
    return words[0] if words else ""


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def has_upper(word: str) -> bool:
    return any(ch.isupper() for ch in word)


@lru_cache(maxsize=65536)
def is_acronym(word: str) -> bool:
    """IHK, CCH, E.G.E., VfB, TuS: mostly capitals, short, no lower-case run of three."""
    letters = [ch for ch in word if ch.isalpha()]
    if not 2 <= len(letters) <= 6 or not word[0].isupper():
        return False
    upper = sum(ch.isupper() for ch in letters)
    return upper >= 2 and upper * 2 >= len(letters)


@cache
def noun_genders() -> dict[str, str]:
    """Lemma of a common noun -> gender (m, f, n; empty when Wiktionary gives several)."""
    return {row["noun"]: row["gender"] for row in load_tsv("common_nouns.tsv")}


@cache
def common_nouns() -> frozenset[str]:
    return frozenset(noun_genders())


@cache
def first_names() -> frozenset[str]:
    return load_words("first_names.txt")


@cache
def person_titles() -> tuple[frozenset[str], tuple[str, ...]]:
    """Whole-word titles and title endings (lines "-minister")."""
    words = load_words("person_titles.txt")
    return (
        frozenset(w for w in words if not w.startswith("-")),
        tuple(w[1:] for w in words if w.startswith("-")),
    )


@cache
def venue_patterns() -> dict:
    return load_json("venue_patterns.json")


@cache
def org_patterns() -> dict:
    return load_json("org_patterns.json")


@cache
def role_suffixes() -> tuple[str, ...]:
    """Endings of a role noun before a name ("Veranstalter", "Lieferanten"), from
    ``org_patterns.json``."""
    return tuple(org_patterns()["role_suffixes"])


@cache
def street_suffixes() -> tuple[str, ...]:
    """Endings of a street's name ("Straße", "Allee", "Ring"), from ``org_patterns.json``."""
    return tuple(org_patterns()["street_suffixes"])


@cache
def org_place_heads() -> tuple[str, ...]:
    """Words that, joined to a place name, name an organisation ("IHK Kassel", "Stadt
    Mannheim"): the offices and institutions of ``org_patterns.json`` and every administrative
    unit, which acts as a body when no locative stands before it (not "Markt", see
    ``UNIT_KINDS``)."""
    return (*org_patterns()["place_heads_before"], *administrative_words(*UNIT_KINDS))


def entity_word_list(kind: str) -> tuple[str, ...]:
    """The words of one kind of ``entity_words.tsv`` in the file's order (endings tried in
    turn); a kind the file does not have is an error, not an empty list."""
    return load_word_kinds(ENTITY_WORDS_FILE)[kind]


def entity_words(kind: str) -> frozenset[str]:
    """The words of one kind of ``entity_words.tsv`` (see its header), for membership tests."""
    return load_word_set(ENTITY_WORDS_FILE, kind)


NOUN_ENDINGS = entity_word_list("noun_ending")
# no linker at all is tried first, the hyphen ("Messe-Gesellschaft") last
LINKERS = ("", *entity_word_list("compound_linker"), "-")
GENITIVE_LINKERS = entity_words("genitive_linker")
# word kinds read by several entity modules, loaded once here
ARTICLES = entity_words("article")
# "der Leiter des Vereins": read by the organisation, venue and evidence rules alike
GENITIVE_ARTICLES = entity_words("genitive_article")
# "im Ulmer Stadtzentrum": a town's centre after its adjective, no venue (read by the venue
# rules and the events' places)
TOWN_CENTRES = entity_words("town_centre")
TRUNCATION_JOINERS = entity_words("truncation_joiner")
PROPER_ADJECTIVE_STEMS = entity_word_list("proper_adjective_stem")
# words that join the items of a list ("Kiel, Lübeck und Flensburg")
LIST_JOINERS = entity_words("coordinator") | {","}
INFINITIVE_ENDINGS = entity_word_list("infinitive_ending")
# a town's adjective ("Lüneburger"): read by the model's place spans (ner.py) and by the
# gazetteer's look-up of the town an adjective is of
TOWN_ADJECTIVE_ENDING = entity_word_list("town_adjective_ending")[0]
# a state's or region's adjective in lower case before a body ("im sächsischen Landtag"): read
# by the model's spans (ner.py) and by the rule that finds such bodies (organisations.py)
REGIONAL_ADJECTIVE_ENDINGS = entity_word_list("regional_adjective_ending")
MIN_PART = 4


def is_regional_adjective(word: str) -> bool:
    """A state's or region's adjective in lower case ("sächsischen", "rheinland-pfälzischer",
    "deutschen"), before a body's word that it makes that state's body."""
    return word.islower() and word.endswith(REGIONAL_ADJECTIVE_ENDINGS)


@cache
def noun_plural_lemmas() -> dict[str, str]:
    """Plural and case forms -> nominative singular (noun_lemmas.tsv, Wiktionary)."""
    return {row["form"]: row["lemma"] for row in load_tsv("noun_lemmas.tsv")}


@lru_cache(maxsize=65536)
def is_noun_form(word: str) -> bool:
    """A common noun of the lexicon in any case or number ("Führungen", "Kreises")."""
    if not word or not word[0].isupper():
        word = word[:1].upper() + word[1:]
    nouns = common_nouns()
    if word in nouns or noun_plural_lemmas().get(word) in nouns:
        return True
    # one test in C first: the compound search asks this of every prefix of a word
    return word.endswith(NOUN_ENDINGS) and any(
        word.endswith(e) and len(word) - len(e) >= MIN_PART and word[: -len(e)] in nouns
        for e in NOUN_ENDINGS
    )


@lru_cache(maxsize=65536)
def is_noun_compound(word: str) -> bool:
    """A capitalised word made only of common nouns ("Trinkwasserleitungen",
    "Unternehmenskommunikation", "Messeplatz"), or of a noun, a linking -s and any word
    ("Museumscard"). A part no dictionary knows ("Hansa|platz", "Emscher|genossenschaft")
    makes a proper name."""
    if is_noun_form(word):
        return True
    return len(word) <= MAX_WORD_CHARS and _compound_prefixes(word)[len(word)]


def _compound_prefixes(word: str) -> list[bool]:
    """For every length k, whether ``word[:k]`` is a noun compound. Each prefix is decided
    once from the shorter ones that are nouns or compounds (a first part is itself one), so a
    word costs one pass instead of a fresh search for every first part."""
    ok = [False] * (len(word) + 1)
    stems: list[int] = []
    for k in range(MIN_PART, len(word) + 1):
        ok[k] = is_noun_form(word[:k]) or _has_noun_head(word, k, stems)
        if ok[k]:
            stems.append(k)
    return ok


def _has_noun_head(word: str, k: int, stems: list[int]) -> bool:
    """Whether ``word[:k]`` is a known first part (one of ``stems``), a linker and a noun, or
    any word after a linking -s."""
    for stem_end in stems:
        for linker in LINKERS:
            cut = stem_end + len(linker)
            if cut > k - MIN_PART or word[stem_end:cut] != linker:
                continue
            head = word[cut:k]
            if is_noun_form(head.capitalize()):
                return True
            if linker in GENITIVE_LINKERS and head.isalpha():
                return True  # "Museums|card": a German compound on a common noun
    return False


def is_generic_compound(
    word: str,
    suffix: str,
    lemma_values: frozenset[str],
    is_place: Callable[[str], bool] | None = None,
    nouns: bool = True,
) -> bool:
    """Whether the part of ``word`` before ``suffix`` is an everyday word ("Messe|gesellschaft",
    "Handwerks|kammer", "Förder|bank", "Heimat|verein", "Messe-Gesellschaft"): a common noun
    or a compound of them, a lemma the lookup table lists inflected forms for, or a verb stem.
    A place ("Emscher|genossenschaft", "Ruhr|verband") or a name no dictionary knows
    ("Bosch-Stiftung") makes a proper name. ``nouns=False`` leaves out rarer nouns of the
    lexicon ("Rheingold|halle" is a name)."""
    prefix = word[: len(word) - len(suffix)]
    if prefix.endswith("-"):
        stem = prefix.rstrip("-")
        return is_noun_form(stem) and not (is_place and is_place(stem))
    stems = [
        prefix[: len(prefix) - len(linker)] if linker else prefix
        for linker in LINKERS
        if not linker or prefix.endswith(linker)
    ]
    for stem in stems:  # the whole first part before its shorter readings
        if len(stem) < MIN_PART:
            continue
        if is_place is not None and is_place(stem):
            return False
        cap = stem[:1].upper() + stem[1:]
        if cap in lemma_values or stem.lower() in lemma_values:
            return True
        if nouns and (is_noun_form(cap) or is_noun_compound(cap)):
            return True
        if any(stem.lower() + e in lemma_values for e in INFINITIVE_ENDINGS):
            return True  # "Förder|bank": the stem of "fördern"
    return False


class Word(tuple):
    """What the entity layers read of a token, read once per document: every ``doc[i]``
    builds a new Token and every ``.text`` decodes the string again, and the layers ask for
    each token dozens of times. Any other attribute is the token's own (built when asked)."""

    # A tuple built in C (``Word(row)``): a document makes one per token, and a dataclass's
    # Python ``__init__`` cost more than all the rest of reading the tokens. The fields are
    # the word's row of its vocabulary's table (text, lower_, like_num, is_punct, is_space,
    # is_digit: see _Lexemes) and the token's own (whitespace_, i, is_sent_start, doc), read
    # through C-level item getters.
    __slots__ = ()

    text = property(itemgetter(0))
    lower_ = property(itemgetter(1))
    like_num = property(itemgetter(2))
    is_punct = property(itemgetter(3))
    is_space = property(itemgetter(4))
    is_digit = property(itemgetter(5))
    whitespace_ = property(itemgetter(6))
    i = property(itemgetter(7))
    is_sent_start = property(itemgetter(8))
    doc = property(itemgetter(9))

    @property
    def token(self) -> Token:
        return self.doc[self.i]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.doc[self.i], name)


# Token.is_sent_start from the sent_start value of Doc.to_array (unsigned: -1 is 2**64 - 1)
_SENT_START = {1: True, 2**64 - 1: False, 0: None}
_WHITESPACE = {0: "", 1: " "}
# what a component between the entity stage and the event rules may change (sentence
# boundaries, entities): the columns a shared read is checked against, read last
_KEY_ATTRS = [SENT_START, ENT_IOB, ENT_TYPE]
_WORD_ATTRS = [ORTH, SPACY, IDX, *_KEY_ATTRS]
# an entity as Doc.ents reads the IOB column (one byte per token): a B token, the I tokens after it
_ENTITY_RUN = re.compile(rb"\x03\x01*")
_TEXT = itemgetter(0)  # a word's text in its row of _Lexemes


class _Lexemes(dict):
    """What the Words read of a vocabulary entry, by its orth: text, lower case, like_num,
    is_punct, is_space and is_digit. They are the lexeme's, the same for every token of the
    word: a dict look-up per token replaces a string-store decode, a ``str.lower`` and
    Doc.to_array's slower lexeme columns. One table per vocabulary (its words are the
    vocabulary's own), emptied when it reaches ``MAX_LEXEMES`` so that a long run's memory
    stays flat."""

    MAX_LEXEMES = 200_000

    def __init__(self, vocab: Vocab) -> None:
        super().__init__()
        self.vocab = vocab
        # the word tests' rows for this vocabulary's documents: a pipeline's tests only, not
        # those of another pipeline in the same process (a test session loads several)
        self.rows = _WordRows()

    def __missing__(self, orth: int) -> tuple[str, str, bool, bool, bool, bool]:
        if len(self) >= self.MAX_LEXEMES:
            self.clear()
        lex = self.vocab[orth]
        text = lex.orth_
        row = self[orth] = (
            text,
            text.lower(),
            lex.like_num,
            lex.is_punct,
            lex.is_space,
            lex.is_digit,
        )
        return row


_LEXEMES: dict[int, _Lexemes] = {}  # by id of the vocabulary


def lexeme_table(vocab: Vocab) -> _Lexemes:
    """The table of ``vocab``'s words: orth -> text, lower case, like_num, is_punct, is_space,
    is_digit (shared by the entity stage and the event rules)."""
    table = _LEXEMES.get(id(vocab))
    if table is None or table.vocab is not vocab:  # a new vocabulary at a freed one's address
        table = _LEXEMES[id(vocab)] = _Lexemes(vocab)
    return table


class DocWords(list):
    """A Doc whose tokens are read once (:class:`Word`): the entity layers take it in place of
    the Doc. It is the list of its Words, so that ``doc[i]``, ``len(doc)`` and iterating run
    in C (the layers index words a few hundred times per report); a slice is a list, so the
    layers take a span of words with :func:`span_of` (a WordSpan). Any other attribute is the
    Doc's."""

    __slots__ = ("doc", "texts", "spaces", "text", "user_data", "ent_bounds", "char_starts")
    # one DocWords is one document, compared and hashed by identity like the Doc
    __eq__ = object.__eq__
    __ne__ = object.__ne__
    __hash__ = object.__hash__  # type: ignore[assignment]

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.user_data = doc.user_data
        read = read_doc(doc)
        self.ent_bounds = read.ent_bounds
        self.texts = read.texts
        self.spaces = read.spaces
        self.char_starts = read.char_starts
        self.text = doc_text(doc)  # shared with the other components of a run
        # the Words built in C (map), the cheapest way to make many objects: each is its
        # word's row of the vocabulary's table and the token's own fields
        n = len(doc)
        own = zip(read.spaces, range(n), read.sent_starts, repeat(doc, n), strict=True)
        super().__init__(map(Word, map(add, read.rows, own)))

    def char_bounds(self, start: int, end: int) -> tuple[int, int]:
        """``(start_char, end_char)`` of the tokens ``start:end`` (``end > start``), as the
        Span's: the token offsets (IDX) come with the other columns of the one ``to_array``
        (cheaper than summing the texts' and spaces' lengths when first asked, as a report
        with any mention asks)."""
        return self.char_starts[start], self.char_starts[end - 1] + len(self.texts[end - 1])

    def __getattr__(self, name: str) -> Any:
        return getattr(self.doc, name)


@dataclass(frozen=True, slots=True)
class DocRead:
    """A Doc's tokens as the entity stage and the event rules read them: one ``to_array`` and
    one look-up per token in the vocabulary's table, made once per Doc for both (each made its
    own before). Nothing in it refers to the Doc: kept in ``_READS`` by the Doc, weakly, a
    value that held the Doc would keep it alive for ever."""

    key: tuple[int, int, bytes]  # what the Doc was when read: see _doc_key
    rows: list[tuple]  # each token's row of the vocabulary's table (_Lexemes)
    texts: _Texts  # each token's text, with the word rows of its vocabulary
    spaces: list[str]  # each token's whitespace_
    sent_starts: list[bool | None]  # each token's is_sent_start
    char_starts: list[int]  # each token's character offset (idx)
    ent_bounds: list[tuple[int, int, str]]  # (start, end, label_) of each of doc.ents


_READS: weakref.WeakKeyDictionary[Doc, DocRead] = weakref.WeakKeyDictionary()


def read_doc(doc: Doc) -> DocRead:
    """The tokens of ``doc`` read once (:class:`DocRead`), shared by the entity stage and the
    event rules: kept while the Doc lives and read again when its tokens or entities have
    changed since (a component between the two may set them)."""
    read = _READS.get(doc)
    if read is None or read.key != _doc_key(doc):
        read = _READS[doc] = _read(doc)
    return read


def take_read(doc: Doc) -> DocRead:
    """:func:`read_doc`, no longer kept for the Doc: the last reader of a run (the event
    rules) takes it, so that its lists go at once and not with the Doc (kept alive any
    longer, a batch's reads add to every full collection of the garbage collector)."""
    read = _READS.pop(doc, None)
    return read if read is not None and read.key == _doc_key(doc) else _read(doc)


def _doc_key(doc: Doc, columns: bytes | None = None) -> tuple[int, int, bytes]:
    """The number of tokens, where the last one ends and the bytes of the sentence-start and
    entity columns: a retokenizer changes the first two, a sentencizer or ``doc.ents`` the
    third. These columns alone (not all the columns read) keep the check cheap."""
    if not len(doc):
        return (0, 0, b"")
    if columns is None:
        columns = doc.to_array(_KEY_ATTRS).tobytes()
    last = doc[-1]
    return (len(doc), last.idx + len(last), columns)


def _read(doc: Doc) -> DocRead:
    # all attributes in one array instead of a Token object per token and attribute
    array = doc.to_array(_WORD_ATTRS) if len(doc) else None
    if array is None:
        columns: list[list[int]] = [[] for _ in _WORD_ATTRS]
        key = _doc_key(doc)
    else:
        columns = array.T.tolist()
        # the key columns' bytes as _doc_key reads them (C order, token by token)
        key = _doc_key(doc, array[:, -len(_KEY_ATTRS) :].tobytes())
    orths, spaces, char_starts, sent_start, iob, types = columns
    lexemes = lexeme_table(doc.vocab)
    rows = list(map(lexemes.__getitem__, orths))
    texts = _Texts(map(_TEXT, rows))
    texts.rows = lexemes.rows
    return DocRead(
        key=key,
        rows=rows,
        texts=texts,
        spaces=list(map(_WHITESPACE.__getitem__, spaces)),
        sent_starts=list(map(_SENT_START.__getitem__, sent_start)),
        char_starts=char_starts,
        # each entity's tokens and label, read from the same array: ``doc.ents`` builds a Span
        # per entity (and a Token per word it checks), and several layers walk the entities
        ent_bounds=entity_runs(doc, iob, types),
    )


def entity_runs(doc: Doc, iob: list[int], types: list[int]) -> list[tuple[int, int, str]]:
    """``(start, end, label_)`` of each of ``doc.ents``, from its ENT_IOB and ENT_TYPE columns:
    a B token with a label and the I tokens right after it, found by one regex over a byte per
    token. An I token outside any entity is an invalid Doc: ``doc.ents`` raises spaCy's error."""
    marks = bytes(iob)
    strings = doc.vocab.strings
    found = []
    inside = 0  # I tokens in entities, against all I tokens
    for run in _ENTITY_RUN.finditer(marks):
        start, end = run.span()
        label = strings[types[start]] if types[start] else ""
        if label:  # a B token without a label is outside (an I token after it is invalid)
            found.append((start, end, label))
            inside += end - start - 1
    if inside != marks.count(1):
        return [(e.start, e.end, e.label_) for e in doc.ents]
    return found


def ent_bounds(doc: Doc | DocWords) -> list[tuple[int, int, str]]:
    """``(start, end, label_)`` of each of ``doc.ents``, read once for a DocWords; for a Doc
    from its ENT_IOB and ENT_TYPE columns (no Span per entity)."""
    if doc.__class__ is DocWords:
        return doc.ent_bounds
    if not len(doc):
        return []
    iob, types = doc.to_array([ENT_IOB, ENT_TYPE]).T.tolist()
    return entity_runs(doc, iob, types)


def span_of(doc: Doc | DocWords, start: int | None, end: int | None) -> Span | WordSpan:
    """``doc[start:end]`` read as a span: a WordSpan of a DocWords (whose slices are lists of
    Words), the Span of a Doc."""
    if doc.__class__ is DocWords:
        if start.__class__ is int and end.__class__ is int and 0 <= start <= end <= len(doc):
            return WordSpan(doc, start, end)  # the layers' usual span: nothing to clamp
        return WordSpan(doc, *_slice_bounds(slice(start, end), len(doc)))
    return doc[start:end]


def _slice_bounds(key: slice, n: int) -> tuple[int, int]:
    """``(start, end)`` of a slice of ``n`` words as spaCy's Doc and Span take it (its
    ``normalize_slice``: step 1 only, an end before the start is the start), clamped by
    ``slice.indices`` in C."""
    start, stop, step = key.indices(n)
    if step != 1:
        raise ValueError("a slice of words takes no step")
    return start, stop if stop > start else start


class WordSpan:
    """A slice of a :class:`DocWords`, read like the Doc's Span (the words, their text) without
    building one: the layers slice candidate spans by the thousand and mostly read their words.
    Any other attribute is the Span's own (built when asked)."""

    __slots__ = ("doc", "start", "end")

    def __init__(self, doc: DocWords, start: int, end: int) -> None:
        self.doc = doc
        self.start = start
        self.end = end

    def __len__(self) -> int:
        return self.end - self.start

    def __iter__(self) -> Iterator[Word]:
        return iter(self.doc[self.start : self.end])  # a list slice, in C

    def __getitem__(self, key: int | slice) -> Word | WordSpan:
        n = self.end - self.start
        if key.__class__ is slice:
            start, end = _slice_bounds(key, n)
            return WordSpan(self.doc, self.start + start, self.start + end)
        if key < 0:
            key += n
        if not 0 <= key < n:
            raise IndexError(key)
        return self.doc[self.start + key]

    @property
    def text(self) -> str:
        """As Span.text: the words with the spaces between them."""
        if self.end <= self.start:
            return ""
        last = self.end - 1
        texts, spaces = self.doc.texts, self.doc.spaces
        if last == self.start:
            return texts[last]
        head = "".join(map(str.__add__, texts[self.start : last], spaces[self.start : last]))
        return head + texts[last]

    @property
    def span(self) -> Span:
        return self.doc.doc[self.start : self.end]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.doc.doc[self.start : self.end], name)


def span_texts(span: Span | WordSpan) -> tuple[str, ...]:
    """The texts of a span's words: a slice of the token texts for a WordSpan (no Word read
    per word)."""
    if span.__class__ is WordSpan:
        return tuple(span.doc.texts[span.start : span.end])
    return tuple(t.text for t in span)


def token_texts(doc: Doc | DocWords) -> list[str]:
    """The texts of a doc's tokens, for scans that look at most tokens only to skip them."""
    return doc.texts if isinstance(doc, DocWords) else [t.text for t in doc]


class _WordRows(dict):
    """Every word test mapped over whole documents (:func:`values_of`), by word: one row of
    all their values. Each memo is a large dict of its own, and seven of them looked up for
    every token miss the processor's caches seven times; the row is found once per token and
    document, and each test's values are read off the rows in C. One table per vocabulary
    (``_Lexemes.rows``), so its tests are its pipeline's; a test takes a column when first
    mapped (at most ``MAX_TESTS``, later ones keep their own memo); bounded like the memos
    (emptied at ``MAX_ROWS`` words)."""

    MAX_ROWS = 65536
    MAX_TESTS = 16

    def __init__(self) -> None:
        super().__init__()
        self.tests: list[WordValues] = []
        self.columns: dict[int, itemgetter] = {}  # by id of the test
        self.last: tuple[list[str], list[tuple]] | None = None  # a document's texts and rows

    def __missing__(self, word: str) -> tuple:
        if len(self) >= self.MAX_ROWS:
            self.clear()
        row = self[word] = tuple([test.compute(word) for test in self.tests])
        return row

    def clear(self) -> None:
        super().clear()
        self.last = None

    def column(self, test: WordValues) -> itemgetter | None:
        """The getter of ``test``'s value in a row (None: no column left)."""
        getter = self.columns.get(id(test))
        if getter is None and len(self.tests) < self.MAX_TESTS:
            # the test is kept alive with its column: no other can take its id
            getter = self.columns[id(test)] = itemgetter(len(self.tests))
            self.tests.append(test)
            self.clear()  # the rows so far lack the new column
        return getter

    def rows(self, texts: list[str]) -> list[tuple]:
        """The rows of a document's token texts, looked up once for all the tests. ``texts``
        is the document's own list (:func:`token_texts`), which no layer changes."""
        last = self.last
        if last is not None and last[0] is texts:
            return last[1]
        rows = list(map(self.get, texts))
        if not all(rows):  # new words (no row: None); a row is a non-empty tuple
            missing = list(compress(range(len(rows)), map(not_, rows)))
            new = list(dict.fromkeys(map(texts.__getitem__, missing)))
            if len(self) + len(new) > self.MAX_ROWS:
                self.clear()
                missing = range(len(rows))  # all the report's words into the emptied table
            # test by test over the new words, not word by word over the tests: a test's
            # code and word lists stay in the processor's caches (a report of new words
            # took a fifth longer when every word asked all the tests in turn)
            # (the rows are the memo of a mapped test: its own dict is left for single words)
            columns = [list(map(test.compute, new)) for test in self.tests]
            self.update(zip(new, zip(*columns, strict=True), strict=True))
            # only the tokens of the new words read again (a few of a report's hundreds;
            # all of them after the table was emptied)
            for k in missing:
                rows[k] = self[texts[k]]
        self.last = (texts, rows)
        return rows


class _Texts(list):
    """The token texts of a :class:`DocWords`, with the word rows of its vocabulary, which
    :func:`values_of` reads for a memoised test."""

    __slots__ = ("rows",)


def values_of(texts: list[str], value: Callable[[str], V]) -> list[V]:
    """``value`` of every token's text, in C for a :class:`WordValues`."""
    return list(_mapped(texts, value))


def _mapped(texts: list[str], value: Callable[[str], V]) -> Iterator[V]:
    """``value`` of every token's text as it is read (a map in C): a scan that keeps only
    the tokens that pass makes no list of every token's value."""
    if isinstance(value, WordValues):
        rows = getattr(texts, "rows", None)  # None: not a DocWords' texts
        column = rows.column(value) if rows is not None else None
        if column is None:
            return map(value.__getitem__, texts)
        return map(column, rows.rows(texts))
    return map(value, texts)


def positions(texts: list[str], test: Callable[[str], object]) -> list[int]:
    """Indices of the tokens whose text passes ``test``, a word test (a :class:`WordValues`,
    memoised, or a set's ``__contains__``) that a pattern needs before it looks further: the
    scan over all tokens runs in C, only the tokens found pay for the pattern's Python."""
    words = getattr(test, "__self__", None)
    if words.__class__ in _SETS and words.isdisjoint(texts):
        # most reports hold none of a short word list: a scan of the set's own hash table,
        # which stays in the processor's cache, replaces the list of a test per token
        return []
    return list(compress(range(len(texts)), _mapped(texts, test)))


_SETS = (set, frozenset)

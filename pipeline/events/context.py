"""What the event rules need to know about a Doc besides the other extractors' records:
sentence and line of each token, the title line, which tokens other records cover."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter
from typing import TypeVar

from spacy.tokens import Doc

from pipeline.doc_layout import doc_layout
from pipeline.entities.words import take_read
from pipeline.events.lexicon import CueIndex, cue_sizes_before
from pipeline.memo import WordValues
from pipeline.quotation_marks import QUOTATION_PAIRS

T = TypeVar("T")

# A first line at most this long, without a full stop at its end, is a title.
TITLE_MAX_CHARS = 160
# Sentences from the start of the text that count as its lead.
LEAD_SENTENCES = 3
# Tokens looked back for an open bracket.
PAREN_REACH = 60
# A quotation of more words than this is someone's speech, not a quoted name («Holzbautage»)
SPEECH_WORDS = 5
# Quotation marks of speech: those that open and close differently, and straight double quotes
# (not the English “…”, whose opening mark is the German closing one, nor a straight
# apostrophe, mostly an elision: "geht's")
SPEECH_PAIRS = (*QUOTATION_PAIRS, ('"', '"'))
# Tokens that end a clause: what one cue says reaches no further
CLAUSE_MARKS = frozenset({",", ";", ":", "–", ".", "!", "?"})
# a word's lower case and is_punct in its row of the vocabulary's table (DocRead.rows)
_LOWER = itemgetter(1)
_IS_PUNCT = itemgetter(3)


@dataclass
class DocContext:
    doc: Doc
    # doc.text and the tokens' offsets, computed once: spaCy builds doc.text anew on every
    # read, and rules ask for lines and tokens at many offsets of a long report.
    text: str = field(init=False)
    token_starts: list[int] = field(init=False)
    words: list[str] = field(init=False)  # each token's text
    lowers: list[str] = field(init=False)  # each token's text in lower case
    sentence_starts: list[int] = field(init=False)  # token index of each sentence's start
    title_end: int = field(init=False)  # character offset where the title line ends (0: none)
    cues: CueIndex = field(init=False)
    # results of rules that depend only on this Doc and a mention (a place's locative, a
    # date's dateline): each event's row asks them again for every mention of the report
    memo: dict[tuple, object] = field(init=False, default_factory=dict)
    # (start, end, label) of each of doc.ents, and each token's row of the vocabulary's table
    # (``DocRead.rows``: whether it is punctuation): read with the words, so that no rule
    # reads the Doc's arrays again
    ent_bounds: list[tuple[int, int, str]] = field(init=False)
    rows: list[tuple] = field(init=False)
    # the token that holds a character and the sentence that holds a token (``token_index``,
    # ``sentence_index``): the rules ask them again and again for the same mentions
    token_at: Callable[[int], int] = field(init=False)
    sentence_of: Callable[[int], int] = field(init=False)

    def __post_init__(self) -> None:
        doc = self.doc
        # the tokens as the entity stage has read them from this Doc (one array and the
        # vocabulary's table: a Token per word, as doc.text makes, would cost more than all
        # the rules' look-ups in these lists; one flat list per attribute, as a list per token
        # would set off the garbage collector again and again over a long report's heap);
        # taken, as no later stage reads them
        read = take_read(doc)
        self.ent_bounds = read.ent_bounds
        self.words = read.texts
        self.rows = read.rows
        # the text and sentence starts the other extractors have already read from this Doc
        layout = doc_layout(doc)
        self.text = layout.text
        self.token_starts = read.char_starts
        self.lowers = list(map(_LOWER, read.rows))
        self.cues = CueIndex(self.lowers, self.words)
        if len(doc):
            self.sentence_starts = list(layout.sentence_tokens)
        else:  # as doc.sents would have it: no sentence, or the one mark-less whole
            self.sentence_starts = [] if doc.has_annotation("SENT_START") else [0]
        # the first line found without copying the rest of a long text
        offset = len(self.text) - len(self.text.lstrip())
        line_end = self.text.find("\n", offset)
        first_line = self.text[offset : line_end if line_end != -1 else len(self.text)].strip()
        is_title = 0 < len(first_line) <= TITLE_MAX_CHARS and not first_line.endswith(".")
        self.title_end = offset + len(first_line) if is_title else 0
        # bound look-ups of memo dicts: called in C, a known answer costs no Python frame (the
        # computations hold the lists, not the context, so that no cycle keeps it alive)
        last = len(self.words) - 1
        self.token_at = WordValues(partial(token_index, self.token_starts, last)).__getitem__
        self.sentence_of = WordValues(partial(sentence_index, self.sentence_starts)).__getitem__

    def punct_at(self, token: int) -> bool:
        """Whether token ``token`` is punctuation."""
        return _IS_PUNCT(self.rows[token])

    def memoised(self, key: tuple, compute: Callable[[], T]) -> T:
        """``compute()``, once per ``key`` (the rule and the arguments it reads) and Doc."""
        memo = self.memo
        if key in memo:
            return memo[key]  # type: ignore[return-value]
        value = memo[key] = compute()
        return value

    def sentence_bounds(self, index: int) -> tuple[int, int]:
        """Token range of sentence ``index``."""
        start = self.sentence_starts[index]
        nxt = index + 1
        end = self.sentence_starts[nxt] if nxt < len(self.sentence_starts) else len(self.doc)
        return start, end

    def sentence_span(self, token: int) -> tuple[int, int]:
        return self.sentence_bounds(self.sentence_of(token))

    def in_title(self, char: int) -> bool:
        return char < self.title_end

    def in_lead(self, token: int) -> bool:
        return self.sentence_of(token) < LEAD_SENTENCES

    def line_of(self, char: int) -> str:
        """The text line (between line breaks) holding character ``char``."""
        text = self.text
        start = text.rfind("\n", 0, char) + 1
        end = text.find("\n", char)
        return text[start : end if end != -1 else len(text)]

    def after_line_break(self, char: int) -> bool:
        """Whether only spaces and tabs stand between a line break and ``char``."""
        j = char - 1
        while j >= 0 and self.text[j] in " \t":
            j -= 1
        return j >= 0 and self.text[j] == "\n"

    def in_parentheses(self, token: int) -> bool:
        """Whether the token stands between "(" and ")" in its sentence."""
        start, _ = self.sentence_span(token)
        # a bracket opened further back than this is no aside (and a run-on "sentence" of a
        # whole list must not be scanned again for every name in it)
        start = max(start, token - PAREN_REACH)
        # counted in the text, not in tokens: a bracket can close inside a word
        # ("am (Eintritts)-freien Tag")
        before = self.text[self.token_starts[start] : self.token_starts[token]]
        return before.count("(") > before.count(")")

    def in_speech(self, token: int) -> bool:
        """Whether the token stands inside a quotation of more words than a name has: what
        someone said („Eine tolle Messe für uns.“), not a quoted name («Holzbautage»). A
        quotation is read within its paragraph line."""
        text, char = self.text, self.token_starts[token]
        line_start = text.rfind("\n", 0, char) + 1
        line_end = text.find("\n", char)
        line_end = len(text) if line_end == -1 else line_end
        before = text[line_start:char]
        for opening, closing in SPEECH_PAIRS:
            if opening == closing:
                inside = before.count(opening) % 2 == 1
            else:
                inside = before.count(opening) > before.count(closing)
            if not inside:
                continue
            opened = line_start + before.rfind(opening) + 1
            closed = text.find(closing, char, line_end)
            quoted = text[opened : line_end if closed == -1 else closed]
            if len(quoted.split()) > SPEECH_WORDS:
                return True
        return False

    def officer_before(self, start: int) -> bool:
        """ "Geschäftsführer der Messe X", "Bereichsleiterin bei den X Messen", "Chef von X":
        who heads or leads for an organisation, right before its name."""
        return any(
            start > size and self.cues.at(start - size - 1, "officer")
            for size in cue_sizes_before(self.lowers, start, "officer_link")
        )


def sentence_index(sentence_starts: list[int], token: int) -> int:
    """Index of the sentence that holds token ``token`` (``DocContext.sentence_of``)."""
    return max(bisect_right(sentence_starts, token) - 1, 0)


def token_index(token_starts: list[int], last: int, char: int) -> int:
    """Index of the token that holds character ``char``, or the one before, in the whitespace
    after it (``DocContext.token_at``; ``last``: the index of the last token)."""
    return min(max(bisect_right(token_starts, char) - 1, 0), last)


def covered_tokens(ctx: DocContext, records: list) -> dict[int, object]:
    """Token index -> the record (a mention with character offsets) that covers it: the
    tokens ``doc.char_span(..., alignment_mode="expand")`` would give, found in the token
    offsets (the tokens tile the text) without building a Span per record."""
    starts, words, size = ctx.token_starts, ctx.words, len(ctx.text)
    covered: dict[int, object] = {}
    for record in records:
        first, last = record.start_char, record.end_char - 1
        if not (0 <= first < size and 0 <= last < size):
            continue  # char_span finds no token there
        start = bisect_right(starts, first) - 1
        end = bisect_right(starts, last)
        if first == starts[start] + len(words[start]):
            start += 1  # the whitespace after a token is not part of it
        for i in range(start, end):  # an empty record (start > end) covers no token
            covered[i] = record
    return covered

"""DocWords and its WordSpan read a Doc's words once; they must read exactly as spaCy's own
Token and Span do, or the entity layers would change their output."""

from __future__ import annotations

import pytest
import spacy

from pipeline.entities.everyday import is_everyday_word
from pipeline.entities.words import DocWords, WordSpan, first_folded_word, span_of


@pytest.fixture(scope="module")
def doc():
    nlp = spacy.blank("de")
    return nlp("Die Messe  Düsseldorf GmbH (MD) lädt\nnach Köln-Deutz ein.")


SLICES = [(0, 3), (1, 5), (2, 3), (3, 3), (5, 2), (-4, -1), (None, 4), (6, None), (0, 99)]


@pytest.mark.parametrize(("start", "stop"), SLICES)
def test_a_slice_reads_as_the_docs_span(doc, start, stop):
    words = DocWords(doc)
    mine, spacys = span_of(words, start, stop), doc[start:stop]
    assert isinstance(mine, WordSpan)
    assert (mine.start, mine.end, len(mine), mine.text) == (
        spacys.start,
        spacys.end,
        len(spacys),
        spacys.text,
    )
    assert [w.text for w in mine] == [t.text for t in spacys]


def test_a_span_indexes_and_slices_as_spacys(doc):
    mine, spacys = span_of(DocWords(doc), 1, 7), doc[1:7]
    assert mine[0].text == spacys[0].text and mine[-1].text == spacys[-1].text
    assert mine[1:-1].text == spacys[1:-1].text
    assert mine[-2:].text == spacys[-2:].text
    with pytest.raises(IndexError):
        mine[6]
    # anything else comes from the Span itself
    assert (mine.start_char, mine.end_char) == (spacys.start_char, spacys.end_char)


def test_first_folded_word():
    assert first_folded_word("Köln-Deutz") == "koln"
    assert first_folded_word("Straße") == "strasse"
    assert first_folded_word("-") == ""


def test_place_matches_are_found_once_for_every_token():
    """Gazetteer.matches: the longest place name at each token, the same whether asked for
    the DocWords or the Doc, and None where no name starts (lower-case words, inside a name)."""
    from pipeline.entities.gazetteer import MEMO_KEY, load_gazetteer

    gazetteer = load_gazetteer()
    doc = spacy.blank("de")("Wir fahren von Frankfurt am Main nach Bad Homburg und Berlin.")
    matches = gazetteer.matches(DocWords(doc))
    found = {(m.start, m.end, m.name) for m in matches if m is not None}
    assert (3, 6, "Frankfurt am Main") in found
    assert (7, 9, "Bad Homburg") in found
    assert (10, 11, "Berlin") in found
    assert matches[0] is None and matches[1] is None  # "Wir", "fahren"
    doc.user_data.pop(MEMO_KEY)
    assert [gazetteer.match_at(doc, i) for i in range(len(doc))] == matches
    assert gazetteer.match_at(doc, len(doc)) is None and gazetteer.match_at(doc, -1) is None


WORD_FIELDS = (
    "text",
    "lower_",
    "whitespace_",
    "i",
    "like_num",
    "is_punct",
    "is_space",
    "is_digit",
    "is_sent_start",
)


@pytest.fixture(scope="module")
def sentences():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    return nlp("Rund 2.500 Gäste kamen am 3. Mai.  Der Verein (TSV) zählt 120 Mitglieder!\nEnde")


def _fields(word) -> tuple:
    return tuple(getattr(word, name) for name in WORD_FIELDS)


def test_every_word_reads_as_its_token(sentences):
    assert [_fields(w) for w in DocWords(sentences)] == [_fields(t) for t in sentences]


def test_words_read_the_same_after_the_lexeme_table_is_emptied(sentences, monkeypatch):
    """The table of a vocabulary's words is bounded: emptied while a document is read, the
    words still read as the tokens."""
    from pipeline.entities import words

    monkeypatch.setattr(words._Lexemes, "MAX_LEXEMES", 3)
    words._LEXEMES.clear()
    assert [_fields(w) for w in DocWords(sentences)] == [_fields(t) for t in sentences]
    assert len(words.lexeme_table(sentences.vocab)) <= 3


@pytest.mark.parametrize(("start", "stop"), [(0, 1), (1, 4), (7, 12), (8, 9), (15, 17)])
def test_character_bounds_are_the_spans(sentences, start, stop):
    words, span = DocWords(sentences), sentences[start:stop]
    start_char, end_char = words.char_bounds(start, stop)
    assert (start_char, end_char) == (span.start_char, span.end_char)
    assert words.text[start_char:end_char] == span.text


def test_a_canonical_name_is_the_same_from_the_words_and_from_the_span():
    from pipeline.entities.canonical import canonical_span

    doc = spacy.blank("de")("Grüße vom Deutschen  Städtetag und des Bayerischen Rundfunks")
    words = DocWords(doc)
    for start, stop in [(1, 5), (2, 5), (6, 9), (7, 9)]:  # token 3: the second space
        assert canonical_span(span_of(words, start, stop)) == canonical_span(doc[start:stop])
    assert canonical_span(span_of(words, 6, 9)) == "Bayerischer Rundfunk"


def test_a_memoised_word_test_finds_the_same_tokens_and_stays_bounded():
    """WordValues: mapped over the tokens in C, the same positions and values as the test
    itself; a new word past its size empties it instead of growing."""
    from pipeline.entities.words import WordValues, positions, values_of

    texts = ["Die", "Messe", "in", "Halle", "und", "Messe", "Essen", "."]
    calls: list[str] = []

    def opens(word: str) -> bool:
        calls.append(word)
        return word[:1].isupper() and len(word) > 3

    memo = WordValues(opens, size=4)
    assert positions(texts, memo) == positions(texts, opens) == [1, 3, 5, 6]
    assert values_of(texts, memo) == [opens(t) for t in texts]
    assert len(memo) <= 4
    calls.clear()
    assert memo("Essen") and calls in ([], ["Essen"])  # asked again: at most one new call


def test_a_memoised_word_test_asked_for_a_set_and_per_word_agrees():
    """WordValues.hits (the event rules: a report's distinct words at once) and the per-word
    look-ups of the entity layers share one memo; emptying it forgets the true words too."""
    from pipeline.entities.words import WordValues

    def stem(word: str) -> str | None:
        return word[:-1] if word.endswith("n") and word[:1].isupper() else None

    memo = WordValues(stem, size=3)
    assert memo("Hallen") == "Halle" and memo("und") is None
    assert memo.hits({"Hallen", "und", "Messen"}) == {"Hallen": "Halle", "Messen": "Messe"}
    assert memo.hits({"Turm"}) == {}  # a fourth word: emptied, then only this one asked
    assert len(memo) == 1 and memo.true == set()


def test_word_positions_of_a_word_set_that_the_text_lacks_are_none():
    """positions() with a set's membership test: the same indices whether or not the text
    holds one of the set's words (a report without any skips the scan)."""
    from pipeline.entities.words import positions

    heads = frozenset({"Halle", "Markt"})
    assert positions(["Die", "Halle", "am", "Markt"], heads.__contains__) == [1, 3]
    assert positions(["Die", "Messe", "in", "Essen"], heads.__contains__) == []
    assert positions([], heads.__contains__) == []


def test_word_tests_mapped_over_one_document_each_read_their_own_values():
    """values_of() finds a document's words once for all memoised tests (one row per word of
    the vocabulary): each test still gets its own values, also one first mapped after the
    others."""
    from pipeline.entities.words import WordValues, positions, values_of

    nlp = spacy.blank("de")
    texts = DocWords(nlp("Die Messe in Essen zeigt Boote.")).texts
    assert texts == ["Die", "Messe", "in", "Essen", "zeigt", "Boote", "."]
    capitalised = WordValues(lambda w: w[:1].isupper())
    length = WordValues(len)
    assert values_of(texts, capitalised) == [True, True, False, True, False, True, False]
    assert values_of(texts, length) == [3, 5, 2, 5, 5, 5, 1]
    ends_in_e = WordValues(lambda w: w.endswith("e"))
    assert positions(texts, ends_in_e) == [0, 1, 5]
    assert values_of(texts, capitalised) == [w[:1].isupper() for w in texts]
    other = DocWords(nlp("Essen in Kiel")).texts  # another document of the vocabulary
    assert values_of(other, length) == [5, 2, 4]
    assert values_of(other, ends_in_e) == [False, False, False]
    assert values_of(["Essen", "in"], length) == [5, 2]  # a plain list: the memo alone


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Rhein-Main  Gebiet", "rhein main gebiet"),  # ASCII: hyphens, case and spaces only
        ("  Bad  Homburg ", "bad homburg"),
        ("Groß-Gerau", "gross gerau"),  # the full folding: ß, umlauts and accents
        ("Zürich", "zurich"),
        ("Besançon", "besancon"),
    ],
)
def test_fold_reads_ascii_and_accented_names_alike(written, folded):
    from pipeline.entities.words import fold

    assert fold.__wrapped__(written) == folded


def test_a_head_noun_is_found_by_its_ending_or_as_a_whole_noun():
    from pipeline.entities.canonical import _head_tails, head_noun, noun_heads

    # every form of the table ends on one of the three-letter tails the shortcut asks for
    assert all(form[-3:] in _head_tails() for form in noun_heads())
    assert head_noun.__wrapped__("Landesverbandes") == ("Landesverband", "m", "sg")
    assert head_noun.__wrapped__("Sportvereins") == ("Sportverein", "m", "sg")
    # no form ends the word: a noun of the lexicon as it stands, or nothing
    assert head_noun.__wrapped__("Welle") == ("Welle", "f", "sg")
    assert head_noun.__wrapped__("Xylofonbau") is None


def test_a_motto_is_looked_for_only_where_a_quotation_follows_a_motto_noun():
    from pipeline.entities.ner import _quotes_motto

    assert _quotes_motto(["unter", "dem", "Motto", "„", "Alles", "neu", "“"])
    assert _quotes_motto(["Das", "Leitthema", ":", "„", "Wasser", "“"])
    assert not _quotes_motto(["Sie", "sagte", "„", "Gut", "“", "zum", "Motto"])
    assert not _quotes_motto(["„", "Neues", "Motto"])  # a quotation opening the text
    assert not _quotes_motto(["Kein", "Zitat", "hier"])


def test_the_words_index_and_count_as_the_docs_tokens(sentences):
    """DocWords is the list of its Words: an index, a negative index, the length and a walk
    read as the Doc's tokens; past the end is an IndexError as for the Doc."""
    words = DocWords(sentences)
    assert len(words) == len(sentences)
    assert words[-1].text == sentences[-1].text and words[-1].i == len(sentences) - 1
    assert [w.i for w in words] == [t.i for t in sentences]
    with pytest.raises(IndexError):
        words[len(sentences)]
    with pytest.raises(IndexError):
        sentences[len(sentences)]


def test_the_entities_bounds_are_read_once_as_the_docs_entities():
    from spacy.tokens import Span

    from pipeline.entities.words import ent_bounds

    doc = spacy.blank("de")("Die Stadtwerke Lindach laden nach Brenzhausen ein.")
    doc.ents = [Span(doc, 1, 3, label="ORG"), Span(doc, 5, 6, label="LOC")]
    expected = [(1, 3, "ORG"), (5, 6, "LOC")]
    assert ent_bounds(DocWords(doc)) == expected
    assert ent_bounds(doc) == expected


@pytest.mark.parametrize(
    "spans",
    [
        [],
        [(0, 1, "ORG")],  # at the start
        [(1, 3, "ORG"), (3, 4, "PER")],  # two entities side by side
        [(2, 3, "LOC"), (5, 8, "ORG")],  # the last one ends the doc
        [(0, 8, "MISC")],  # the whole doc
    ],
)
def test_the_entities_bounds_come_from_the_token_columns_as_doc_ents_has_them(spans):
    from spacy.tokens import Span

    from pipeline.entities.words import ent_bounds

    doc = spacy.blank("de")("Die Stadtwerke Lindach laden Jana Roth nach Brenzhausen")
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in spans]
    expected = [(e.start, e.end, e.label_) for e in doc.ents]
    assert ent_bounds(DocWords(doc)) == expected == spans


def test_an_inside_token_outside_any_entity_fails_as_doc_ents_does():
    """An I token after an O token is an invalid Doc: spaCy's own error, not a silent
    reading."""
    from spacy.attrs import ENT_IOB, ENT_TYPE
    from spacy.tokens import Doc

    vocab = spacy.blank("de").vocab
    doc = Doc(vocab, words=["Die", "Stadtwerke", "Lindach"], ents=["O", "B-ORG", "I-ORG"])
    columns = doc.to_array([ENT_IOB, ENT_TYPE])
    columns[0] = (1, columns[1][1])  # the first token inside an ORG that starts nowhere
    doc.from_array([ENT_IOB, ENT_TYPE], columns)
    with pytest.raises(ValueError):
        _ = doc.ents
    with pytest.raises(ValueError):
        DocWords(doc)


def test_the_entity_stage_and_the_event_rules_read_a_doc_once():
    """DocWords (the entity stage) and the events' DocContext share one read of the tokens;
    the events take it, so a later reader reads the Doc again."""
    from pipeline.entities.words import read_doc
    from pipeline.events.context import DocContext

    doc = spacy.blank("de")("Die Stadtwerke Lindach laden zum Brunnenfest nach Brenzhausen.")
    words = DocWords(doc)
    assert read_doc(doc).texts is words.texts
    ctx = DocContext(doc)
    assert ctx.words is words.texts
    assert ctx.words == [t.text for t in doc]
    assert ctx.lowers == [t.lower_ for t in doc]
    assert [ctx.punct_at(i) for i in range(len(doc))] == [t.is_punct for t in doc]
    assert ctx.token_starts == [t.idx for t in doc]
    assert read_doc(doc).texts is not words.texts  # taken by the events, read anew


def test_a_doc_is_read_again_when_its_entities_or_tokens_change():
    from spacy.tokens import Span

    from pipeline.entities.words import read_doc
    from pipeline.events.context import DocContext

    doc = spacy.blank("de")("Die Stadtwerke Lindach laden nach Brenzhausen ein.")
    doc.ents = [Span(doc, 1, 3, label="ORG")]
    assert DocWords(doc).ent_bounds == [(1, 3, "ORG")]
    doc.ents = [Span(doc, 5, 6, label="LOC")]  # set by a component between the stages
    assert DocContext(doc).ent_bounds == [(5, 6, "LOC")]
    doc.ents = [Span(doc, 5, 6, label="ORG")]  # the same tokens, another label
    assert read_doc(doc).ent_bounds == [(5, 6, "ORG")]
    DocWords(doc)
    with doc.retokenize() as retokenizer:  # fewer tokens, the same text
        retokenizer.merge(doc[1:3])
    assert DocContext(doc).words == [t.text for t in doc]


def test_a_doc_is_read_again_when_its_sentences_change():
    from pipeline.entities.words import read_doc

    doc = spacy.blank("de")("Der Chor sang im Dom und danach gab es Suppe.")
    assert read_doc(doc).sent_starts[6] is not True
    doc[6].is_sent_start = True  # a sentencizer run between the stages
    assert read_doc(doc).sent_starts[6] is True


def test_an_everyday_word_with_sharp_s_is_read_as_the_frequency_list_writes_it():
    assert is_everyday_word("Anschließend")  # listed as "anschliessend"
    assert is_everyday_word("Straße")
    assert not is_everyday_word("Weltbäckerbund")

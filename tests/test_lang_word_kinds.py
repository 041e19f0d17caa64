"""The word-kind files of lang/de (entity_words.tsv, figure_words.tsv, event_cues.tsv): every
kind the rules load is explained in the file's header, and a kind the file lacks is an error,
not an empty list that would silently switch a rule off."""

from __future__ import annotations

import re

import pytest

from pipeline.entities.words import ENTITY_WORDS_FILE, entity_word_list, entity_words
from pipeline.events.lexicon import EVENT_CUES_FILE
from pipeline.lang import data_path, load_word_kinds
from pipeline.quantities.lexicon import FIGURE_WORDS_FILE, figure_words

KIND_FILES = [ENTITY_WORDS_FILE, FIGURE_WORDS_FILE, EVENT_CUES_FILE]
# "#   kind   what it is for": the kind starts three spaces in, its explanation after it
_DOCUMENTED = re.compile(r"^#   ([a-z_]+) ", re.M)


@pytest.mark.parametrize("name", KIND_FILES)
def test_every_kind_is_documented_and_every_documented_kind_has_words(name):
    documented = set(_DOCUMENTED.findall(data_path(name).read_text(encoding="utf-8")))
    assert set(load_word_kinds(name)) == documented


@pytest.mark.parametrize("name", KIND_FILES)
def test_no_kind_lists_a_word_twice(name):
    for kind, words in load_word_kinds(name).items():
        assert len(words) == len(set(words)), kind


def test_a_kind_the_file_lacks_is_an_error():
    with pytest.raises(KeyError):
        entity_words("no_such_kind")
    with pytest.raises(KeyError):
        entity_word_list("no_such_kind")
    with pytest.raises(KeyError):
        figure_words("no_such_kind")

"""Quotation marks, defined once for every rule that looks for a quotation or a quoted name.

Punctuation stays in code (see ``lang/de/entity_words.tsv``): it is no German word.
"""

from __future__ import annotations

# (opening, closing). The German marks open with a mark no pair closes with, so counting the
# marks before a word tells whether it stands inside a quotation.
GERMAN_PAIRS = (("„", "“"), ("‚", "‘"))
# Marks that open and close with different characters, so that counting tells whether a word
# stands inside: the German ones, and the guillemets of Swiss and Austrian reports either way
# round ("«heute und morgen»", "»heute«").
QUOTATION_PAIRS = (*GERMAN_PAIRS, ("«", "»"), ("»", "«"))
# The marks that open a quoted name right after its noun ("Festival «Das Fest»"): not "»" and
# "“", which there more likely close a quotation opened by "«" or "„", nor "'", as often an
# apostrophe.
NAME_PAIRS = (*GERMAN_PAIRS, ("«", "»"), ('"', '"'))
PAIRS = (*NAME_PAIRS, ("»", "«"), ("“", "”"), ("'", "'"))
OPENING = frozenset(opening for opening, _ in PAIRS)
CLOSING = frozenset(closing for _, closing in PAIRS)

"""German temporal expressions: recognition in running text and resolution to calendar values.

``grammar`` finds expressions (character spans with what they say, built from ``patterns``,
``atoms`` and ``combine``; ``spec`` holds what an expression says), ``tense`` reads the tense of
a sentence from word forms, ``resolve`` anchors an expression against the report's context
(reference date, dates already mentioned, event span, tense) and ``calendar`` computes holidays
and seasons. All German word knowledge comes from ``pipeline/lang/de/time_*.tsv``, ``months.tsv``
and ``weekdays.tsv`` through ``lexicon``.
"""

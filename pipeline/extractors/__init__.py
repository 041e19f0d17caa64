"""Extract stage: spaCy components that find facts and put them on ``Doc._``.

Importing this package registers the factories ``german_dates``, ``german_entities``,
``german_figures`` and ``german_events`` (after the other three: it builds event records from
their mentions); add them to any German pipeline with ``nlp.add_pipe(name)``.
"""

from pipeline.extractors import dates, entities, events, figures  # noqa: F401

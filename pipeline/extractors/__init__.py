"""Extract stage: spaCy components that find facts and put them on ``Doc._``.

Importing this package registers the factories ``german_dates``, ``german_entities`` and
``german_figures``; add them to any German pipeline with ``nlp.add_pipe(name)``.
"""

from pipeline.extractors import dates, entities, figures  # noqa: F401

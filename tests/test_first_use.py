"""first_use warms the extractors and freezes what is loaded, once per process."""

from __future__ import annotations

import gc

from pipeline.parallel import first_use


def test_first_use_freezes_the_loaded_objects_once(blank_nlp) -> None:
    first_use(blank_nlp)
    frozen = gc.get_freeze_count()
    assert frozen > 0  # the pipeline and its word lists are no longer walked by collections
    garbage = [[i] for i in range(1000)]  # objects made after the first call
    first_use(blank_nlp)
    # a later call freezes nothing more (frozen objects may still be freed by reference count)
    assert gc.get_freeze_count() <= frozen
    del garbage

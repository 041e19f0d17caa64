"""German event reports in, tidy tables of dates, places, organisations, figures and events
out.

Python API (imported on first use, so ``import pipeline`` stays fast):

- ``load_tables(out_dir)``: a run's six tables as typed pandas frames;
- ``extract(text, reference_date=None, nlp=None)``: the same tables for one text;
- ``load_nlp(model=None)``: the spaCy pipeline with the project's extractors, to reuse.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pipeline.api import extract
    from pipeline.nlp import load_nlp
    from pipeline.read_tables import load_tables

__all__ = ["extract", "load_nlp", "load_tables"]
# The distribution on the package index; "pipeline" there is someone else's project.
DISTRIBUTION = "event-facts"

# Public name -> module defining it; spaCy and pandas load only when a name is first used.
_EXPORTS = {
    "extract": "pipeline.api",
    "load_nlp": "pipeline.nlp",
    "load_tables": "pipeline.read_tables",
}


def __getattr__(name: str) -> Any:
    if name == "__version__":
        return version()
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def version() -> str:
    """The installed distribution's version (pyproject.toml is the one place it is set)."""
    import importlib.metadata

    try:
        return importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])

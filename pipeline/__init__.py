"""German event reports in, tidy tables of dates, places, organisations and figures out."""

from pipeline.nlp import load_nlp

__all__ = ["load_nlp"]
__version__ = "0.1.0"

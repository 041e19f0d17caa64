"""Mappings from each corpus' entity types to the model's labels.

A mapping returns ``None`` for types the model does not learn; those tokens become ``O``.
"""

from __future__ import annotations

# EVT (named events: fairs, congresses, festivals) is marked only in the event reports; the
# other corpora leave event names unmarked or call them ORG/LOC, which is why the model is
# fine-tuned on the event reports last.
LABELS: tuple[str, ...] = ("PER", "LOC", "ORG", "EVT")


def germeval_label(raw: str) -> str | None:
    # OTH and the *deriv / *part variants ("deutsche", "EU-weit") are not names of
    # people, places or organisations in the sense the extractors need.
    return raw if raw in LABELS else None


_LER_COARSE = {
    **dict.fromkeys(("PER", "RR", "AN"), "PER"),
    **dict.fromkeys(("LD", "ST", "STR", "LDS"), "LOC"),
    **dict.fromkeys(("ORG", "UN", "INN", "GRT", "MRK"), "ORG"),
}


def ler_label(raw: str) -> str | None:
    """German LER fine classes to the coarse PER/LOC/ORG of the LER paper; legal classes O."""
    return _LER_COARSE.get(raw)


def mobie_label(raw: str) -> str | None:
    """MobIE / SmartData: location* -> LOC, organization* -> ORG, person -> PER."""
    if raw.startswith("location"):
        return "LOC"
    if raw.startswith("organization"):
        return "ORG"
    if raw == "person":
        return "PER"
    return None


def case_insensitive_label(raw: str) -> str | None:
    """Europeana and HIPE: labels in any case ("PEr", "ORg" typos in Europeana); HIPE's
    "prod", "time" and "HumanProd" are not ours."""
    raw = raw.upper()
    return raw if raw in LABELS else None

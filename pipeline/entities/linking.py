"""One entity, one name per report: acronyms and short forms linked to the full name.

"Nordic Fair Services GmbH (N.F.S.)" defines E.G.E., and a later "N.F.S.-Geschäftsführer"
is the same organisation; "Eco e.V." makes a later bare "Bitkom" the same organisation, under
the full name; "Congress Center Leipzig (CCL)" makes "CCH" the venue.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from itertools import chain, compress, repeat
from operator import attrgetter

from spacy.tokens import Doc

from pipeline.entities.candidates import NER_SOURCE, ORG, PLACE, VENUE, Candidate
from pipeline.entities.events import is_event_word
from pipeline.entities.words import (
    WordValues,
    common_nouns,
    first_folded_word,
    fold,
    is_acronym,
    org_patterns,
    span_of,
    token_texts,
    values_of,
)

# every token's first folded word, read in C for the words seen before
_FIRST_WORDS = WordValues(first_folded_word)
# a candidate's bounds, read in C
_START, _END = attrgetter("start"), attrgetter("end")


def acronym_after(doc: Doc, cand: Candidate) -> str | None:
    """ "Bundesministerium des Innern (BMI)": the acronym in brackets right after a name."""
    e = cand.end
    if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")":
        text = doc[e + 1].text
        if is_acronym(text):
            return text
    return None


def core_name(cand: Candidate) -> str:
    """The name without its legal form: "Eco e.V." -> "Bitkom"."""
    if cand.legal_form and cand.name.endswith(cand.legal_form):
        return cand.name[: -len(cand.legal_form)].strip()
    return cand.name


def link(doc: Doc, kept: list[Candidate]) -> list[Candidate]:
    aliases: dict[str, Candidate] = {}
    for cand in kept:
        if cand.label == ORG or (cand.label == PLACE and cand.kind == VENUE):
            acronym = acronym_after(doc, cand)
            if acronym:
                if cand.label == ORG:
                    cand.acronym = acronym
                aliases.setdefault(acronym, cand)
        if cand.label == ORG and cand.legal_form:
            core = core_name(cand)
            if core and core not in common_nouns() and len(core) > 2:
                aliases.setdefault(core, cand)
    for cand in kept:  # the NER's own span for an acronym ("LTM" in brackets), a known one,
        # or any bare acronym a bracket defined earlier ("die Gäste der HFWT" after "(HFWT)")
        if cand.length != 1:
            continue
        text = span_of(doc, cand.start, cand.end).text
        if cand.source not in (NER_SOURCE, "known") and not (
            cand.name == text and is_acronym(text)
        ):
            continue
        target = aliases.get(text)
        if target is not None and target is not cand:
            cand.label, cand.name, cand.kind = target.label, target.name, target.kind
            cand.acronym, cand.legal_form = target.acronym, target.legal_form
    kept = kept + _alias_mentions(doc, kept, aliases)
    _initials_mentions(doc, kept)
    _head_mentions(kept)
    _unify_names(kept)
    return sorted(kept, key=_START)


def _names_an_event(compound: str) -> bool:
    """ "KLBV-Fachtag": the acronym opens an event's name, the compound is the event
    rather than a mention of the organisation (unlike "KLBV-Geschäftsführer")."""
    return is_event_word(compound.rsplit("-", 1)[-1])


def initials(name: str) -> set[str]:
    """The acronyms a name's capitalised words spell: their first letters, an abbreviation
    among them taken whole ("Deutsche Gesellschaft für Obstbau" -> "DGO", "SV Lindach"
    -> "SL" and "SVL")."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
    if len(words) < 2:
        return set()
    first = "".join(w[0] for w in words)
    whole = "".join(w if is_acronym(w) else w[0] for w in words)
    return {first.upper(), whole.upper()}


def _initials_mentions(doc: Doc, kept: list[Candidate]) -> None:
    """ "SVL" after "SV Lindach": an acronym no bracket defines that spells the initials of
    exactly one organisation named in full in the report is that organisation."""
    texts = token_texts(doc)
    bare = [
        c
        for c in kept
        if c.label == ORG and c.length == 1 and c.name == texts[c.start] and is_acronym(c.name)
    ]
    if not bare:
        return
    spelled: dict[str, set[str]] = {}
    for cand in kept:
        if cand.label == ORG and " " in cand.name:
            for acronym in initials(core_name(cand)):
                spelled.setdefault(acronym, set()).add(cand.name)
    for cand in bare:
        names = spelled.get(cand.name.upper(), set())
        if len(names) == 1:
            cand.acronym, cand.name = cand.name, names.pop()


def _head_mentions(kept: list[Candidate]) -> None:
    """ "die Handwerkskammer" after "Handwerkskammer Ostwestfalen-Lippe zu Bielefeld": a bare
    head noun refers to the one organisation of the report whose name opens with it; so do a
    head of several words ("der Industrie- und Handelskammer") and a head's acronym ("die
    IHK")."""
    heads = _multiword_heads()
    full: dict[str, list[Candidate]] = {}
    for cand in kept:
        if cand.label == ORG and " " in cand.name:
            full.setdefault(cand.name.split()[0], []).append(cand)
            for head in heads:
                if cand.name.startswith(head + " "):
                    full.setdefault(head, []).append(cand)
    for cand in kept:
        if cand.label != ORG or (" " in cand.name and cand.name not in heads):
            continue
        targets = full.get(cand.name, []) + full.get(_head_acronyms().get(cand.name, ""), [])
        if len({c.name for c in targets}) == 1:
            target = targets[0]
            cand.name, cand.legal_form, cand.acronym = (
                target.name,
                target.legal_form,
                target.acronym,
            )


@cache
def _multiword_heads() -> frozenset[str]:
    """Heads of several words a place completes ("Industrie- und Handelskammer")."""
    return frozenset(h for h in org_patterns()["place_heads_before"] if " " in h)


@cache
def _head_acronyms() -> dict[str, str]:
    """ "IHK" -> "Industrie- und Handelskammer" (org_patterns.json 'head_acronyms')."""
    return dict(org_patterns()["head_acronyms"])


def _alias_mentions(
    doc: Doc, kept: list[Candidate], aliases: dict[str, Candidate]
) -> list[Candidate]:
    if not aliases:
        return []  # nothing to look for: spare the scan
    # Aliases indexed by their first folded word and their length in words, each group by its
    # words (the earliest alias first), and acronyms by themselves, for compounds like
    # "E.G.E.-Geschäftsführer": each token costs one look-up per alias length, however many
    # names of the report share its first word, so the scan stays linear in the report.
    by_first: dict[str, dict[int, dict[tuple[str, ...], tuple[int, Candidate]]]] = {}
    acronyms: dict[str, tuple[int, Candidate]] = {}
    for order, (alias, cand) in enumerate(aliases.items()):
        words = tuple(fold(alias).split())
        if words:
            by_length = by_first.setdefault(words[0], {})
            by_length.setdefault(len(words), {}).setdefault(words, (order, cand))
        if is_acronym(alias):
            acronyms.setdefault(alias, (order, cand))
    added = []
    texts = token_texts(doc)
    firsts = values_of(texts, _FIRST_WORDS)
    # most tokens open no alias: only those whose first word or acronym prefix opens one
    opening = set(compress(range(len(texts)), map(by_first.__contains__, firsts)))
    if acronyms:
        hyphenated = compress(range(len(texts)), map(str.__contains__, texts, repeat("-")))
        opening.update(k for k in hyphenated if texts[k].split("-", 1)[0] in acronyms)
    if not opening:
        return []  # no token opens an alias: the tokens the mentions cover are not needed
    covered = tokens_covered(kept)
    resume = 0  # the token after the last alias found
    for i in sorted(opening):
        if i < resume or i in covered:
            continue
        token = texts[i]
        if "-" in token and _names_an_event(token):
            continue
        by_length = by_first.get(firsts[i])
        prefix = token.split("-", 1)[0] if "-" in token else None
        hits: list[tuple[int, int, Candidate]] = []  # (order, end, candidate)
        for n, named in (by_length or {}).items():
            span = span_of(doc, i, i + n)
            if len(span) != n or any(t.i in covered for t in span):
                continue
            found = named.get(tuple(fold(span.text).split()))
            if found:
                hits.append((found[0], i + n, found[1]))
        if prefix in acronyms:
            order, cand = acronyms[prefix]
            hits.append((order, i + 1, cand))
        if not hits:
            continue
        _, end, cand = min(hits, key=lambda hit: hit[0])
        added.append(replace(cand, start=i, end=end, source="acronym", inner_places=[]))
        resume = end
    return added


def tokens_covered(kept: list[Candidate]) -> set[int]:
    """The tokens of all ``kept`` candidates, gathered in C (a set of their ranges)."""
    return set(chain.from_iterable(map(range, map(_START, kept), map(_END, kept))))


@cache
def administrations() -> dict[str, str]:
    """ "Stadtverwaltung Bad Mergentheim" is the "Stadt Bad Mergentheim" (gold keeps the
    authority's own name, the administration is an alias)."""
    return dict(org_patterns()["administrations"])


def _same_name_key(name: str, abbreviations: frozenset[str]) -> str:
    """A name without legal form, founding year, leading club abbreviation, and with "Stadt-
    /Gemeindeverwaltung" read as "Stadt/Gemeinde": "TSV Eintracht Grafenau 1925" and
    "Eintracht Grafenau" share one key."""
    words = name.split()
    if len(words) > 2 and words[0] in abbreviations:
        words = words[1:]
    if len(words) > 2 and words[-1].isdigit() and len(words[-1]) == 4:
        words = words[:-1]
    key = fold(" ".join(words)).split()
    if key and key[0] in administrations():
        key[0] = administrations()[key[0]]
    return " ".join(key)


def _is_administration(name: str) -> bool:
    first = fold(name).split()[:1]
    return bool(first) and first[0] in administrations()


@cache
def _club_abbreviations() -> frozenset[str]:
    return frozenset(org_patterns().get("club_abbreviations", ()))


def _unify_names(kept: list[Candidate]) -> None:
    """Mentions whose names agree without the legal form, founding year or club abbreviation
    share the fullest name; a town's administration shares the town authority's name."""
    abbreviations = _club_abbreviations()
    groups: dict[str, list[Candidate]] = {}
    for cand in kept:
        if cand.label == ORG:
            groups.setdefault(_same_name_key(core_name(cand), abbreviations), []).append(cand)
    for members in groups.values():
        best = max(
            members,
            key=lambda c: (bool(c.legal_form), not _is_administration(c.name), len(c.name)),
        )
        for cand in members:
            cand.name = best.name
            cand.legal_form = cand.legal_form or best.legal_form
            cand.acronym = cand.acronym or best.acronym

"""Mark character spans of a text in HTML, one element per span, overlaps included.

Mentions of different tables overlap (a date inside an organisation's name, a figure inside an
event's name) and may cross without nesting. HTML elements must nest, so a span that is still
open when an inner span it crosses has to close is closed and reopened as a continuation piece:
every span gets exactly one marking element (``<mark>``), continuation pieces are ``<span>``s,
so counting ``mark`` elements counts spans.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    attrs: str  # attributes of the <mark> element, already escaped
    piece_attrs: str  # attributes of continuation <span> pieces, already escaped
    tag: str = "mark"


def _open(span: Span) -> str:
    return f"<{span.tag} {span.attrs}>"


def _open_piece(span: Span) -> str:
    return f"<span {span.piece_attrs}>"


def render_marked(text: str, spans: list[Span]) -> str:
    """``text`` as escaped HTML with every span marked; offsets are clamped to the text.

    At equal starts the longer span opens first (outside), so properly nested spans need no
    continuation pieces. An empty span becomes an empty element at its offset.
    """
    n = len(text)
    spans = [_clamped(s, n) for s in spans]
    ordered = sorted(range(len(spans)), key=lambda i: (spans[i].start, -spans[i].end, i))
    bounds = sorted({0, n, *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[tuple[Span, str]] = []  # open elements: span and its closing tag
    k = 0
    for b, pos in enumerate(bounds):
        _close_ending(out, stack, pos)
        while k < len(ordered) and spans[ordered[k]].start == pos:
            span = spans[ordered[k]]
            out.append(_open(span))
            if span.end > pos:
                stack.append((span, f"</{span.tag}>"))
            else:
                out.append(f"</{span.tag}>")
            k += 1
        if b + 1 < len(bounds):
            out.append(escape(text[pos : bounds[b + 1]], quote=False))
    _close_ending(out, stack, n + 1)
    return "".join(out)


def _close_ending(out: list[str], stack: list[tuple[Span, str]], pos: int) -> None:
    """Close every open span ending at ``pos``; spans above them that go on are reopened."""
    if not any(span.end <= pos for span, _ in stack):
        return
    going_on: list[Span] = []
    while any(span.end <= pos for span, _ in stack):
        span, closing = stack.pop()
        out.append(closing)
        if span.end > pos:
            going_on.append(span)
    for span in reversed(going_on):
        out.append(_open_piece(span))
        stack.append((span, "</span>"))


def _clamped(span: Span, n: int) -> Span:
    start = min(max(span.start, 0), n)
    end = min(max(span.end, start), n)
    if (start, end) == (span.start, span.end):
        return span
    return Span(start, end, span.attrs, span.piece_attrs, span.tag)

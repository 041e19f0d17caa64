"""The review pages as HTML: an index of the reports and one page per report.

Static, self-contained files: CSS and JavaScript inline, no fonts or scripts from elsewhere, so
that they work from a file URL and offline. Every text from the run or a report is escaped.
"""

from __future__ import annotations

import re
from html import escape
from importlib.resources import files

from pipeline.review.data import (
    EVENTS,
    FALSE,
    HIT,
    MARKED_TABLES,
    OPTIONAL,
    UNSCORED,
    Mention,
    Miss,
    Report,
)
from pipeline.review.marks import Span, render_marked

VERDICT_LABELS = {HIT: "hit", FALSE: "false", OPTIONAL: "optional", UNSCORED: "not scored"}
VERDICT_TIPS = {
    HIT: "gold: matches a gold fact",
    FALSE: "gold: FALSE, matches no gold fact",
    OPTIONAL: "gold: matches an optional gold fact",
    UNSCORED: "gold: not scored (no value)",
}
EVENT_FIGURES = ("visitors", "exhibitors", "participants")
UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def attr(value: str) -> str:
    return escape(value, quote=True)


def _asset(name: str) -> str:
    return files("pipeline.review").joinpath(name).read_text(encoding="utf-8")


def page(title: str, body_class: str, body: str) -> str:
    return (
        '<!doctype html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{_asset('review.css')}</style>\n</head>\n"
        f'<body class="{body_class}">\n{body}\n<script>\n{_asset("review.js")}</script>\n'
        "</body>\n</html>\n"
    )


def page_names(doc_ids: list[str]) -> dict[str, str]:
    """A distinct, file-system-safe page file name per doc_id (``2023/fest`` -> ``2023__fest``)."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for doc_id in doc_ids:
        base = UNSAFE_NAME.sub("_", doc_id.replace("/", "__")).strip(".") or "report"
        name, n = base, 1
        while name.lower() in taken:
            n += 1
            name = f"{base}-{n}"
        taken.add(name.lower())
        names[doc_id] = f"{name}.html"
    return names


# --- report page -----------------------------------------------------------------------------


def mention_tip(m: Mention) -> str:
    lines = [f"{m.table}: {m.value or '(no value)'}"]
    if m.text:
        lines.append(f"text: {m.text}")
    lines += [f"{column}: {value}" for column, value in m.details]
    if m.gold:
        lines.append(VERDICT_TIPS[m.gold])
    return "\n".join(lines)


def _mark_id(m: Mention) -> str:
    return f"m-{m.table}-{m.index}"


def mention_span(m: Mention) -> Span:
    classes = f"t-{m.table}" + (f" g-{m.gold}" if m.gold else "")
    tip = attr(mention_tip(m))
    return Span(
        m.start or 0,
        m.end if m.end is not None else (m.start or 0),
        f'id="{_mark_id(m)}" class="{classes}" data-table="{m.table}" '
        f'data-tip="{tip}" tabindex="0"',
        f'class="mc {classes}" data-of="{_mark_id(m)}" data-tip="{tip}"',
    )


def miss_span(miss: Miss) -> Span:
    tip = attr(f"missed gold {miss.table}: {miss.label}")
    start = miss.start or 0
    classes = f"miss t-{miss.table}"
    return Span(
        start,
        start + len(miss.text),
        f'class="{classes}" data-tip="{tip}"',
        f'class="{classes}" data-tip="{tip}"',
        tag="span",
    )


def marked_text(report: Report) -> str:
    if report.text is None:
        return '<p class="missing-text">The text of this report cannot be shown (see above).</p>'
    spans = [mention_span(m) for m in report.mentions if m.start is not None]
    spans += [miss_span(miss) for miss in report.misses if miss.start is not None]
    return f'<div class="text" id="text">{render_marked(report.text, spans)}</div>'


def _field(record: dict[str, str], key: str) -> str:
    value = record.get(key, "")
    qualifier = record.get(f"{key}_qualifier", "")
    return f"{value} ({qualifier})" if value and qualifier else value


def event_card(record: dict[str, str], number: int) -> str:
    fields = [
        ("year", record.get("year", "")),
        ("dates", "–".join(v for v in (record.get("start"), record.get("end")) if v)),
        ("city", record.get("city", "")),
        ("venue", record.get("venue", "")),
        ("organisers", record.get("organisers", "")),
        *((figure, _field(record, figure)) for figure in EVENT_FIGURES),
    ]
    rows = "".join(
        f"<div><dt>{escape(name)}</dt><dd>{escape(value) or '–'}</dd></div>"
        for name, value in fields
    )
    title = record.get("name") or f"event {number}"
    return f'<section class="event"><h2>Event: {escape(title)}</h2><dl>{rows}</dl></section>'


def shown_tables(has_events: bool) -> list[str]:
    """The tables whose mentions are marked: the events table only when the run has one."""
    return [t for t in MARKED_TABLES if t != EVENTS or has_events]


def _swatch(background: str, line: str) -> str:
    return f'<span class="swatch" style="background:var({background});border-color:var({line})">'


def legend(report: Report, has_events: bool) -> str:
    items = [
        f'<label class="t-{table}"><input type="checkbox" checked data-table="{table}"> '
        f"{_swatch('--bg', '--line')}</span>{table} ({report.count(table)})</label>"
        for table in shown_tables(has_events)
    ]
    if report.gold_id is not None:
        counts = {v: report.gold_count(v) for v in (HIT, FALSE, OPTIONAL)}
        items.append(
            f"<span>{_swatch('--false', '--false-line')}</span>false fact ({counts[FALSE]})</span>"
        )
        items.append(
            f"<span>{_swatch('--miss', '--miss-line')}</span>"
            f"missed gold fact ({len(report.misses)})</span>"
        )
        items.append(
            f"<span>gold {escape(report.gold_id)}: {counts[HIT]} hit, "
            f"{counts[OPTIONAL]} optional (marks)</span>"
        )
    return f'<nav class="legend" aria-label="legend">{"".join(items)}</nav>'


def side_list(report: Report, has_events: bool) -> str:
    parts = []
    for table in shown_tables(has_events):
        mentions = [m for m in report.mentions if m.table == table]
        items = "".join(_side_item(m) for m in mentions) or "<li>none</li>"
        parts.append(f'<h2>{table} ({len(mentions)})</h2><ol class="t-{table}">{items}</ol>')
    if report.gold_id is not None:
        items = "".join(
            f'<li class="miss-item t-{m.table}">{escape(m.label)} '
            f'<span class="val">{escape(m.table)}</span> <span class="verdict">missed</span>'
            + ("" if m.start is not None or report.text is None else " (text not found)")
            + "</li>"
            for m in report.misses
        )
        parts.append(f"<h2>missed gold facts ({len(report.misses)})</h2><ol>{items}</ol>")
    return f'<aside aria-label="facts">{"".join(parts)}</aside>'


def _side_item(m: Mention) -> str:
    shown = escape(m.text or m.value or "(no text)")
    link = f'<a href="#{_mark_id(m)}">{shown}</a>' if m.start is not None else shown
    verdict = f' <span class="verdict">{VERDICT_LABELS[m.gold]}</span>' if m.gold else ""
    gold_class = f' class="g-{m.gold}"' if m.gold else ""
    return f'<li{gold_class}>{link} <span class="val">→ {escape(m.value)}</span>{verdict}</li>'


def document_meta(report: Report) -> str:
    d = report.document
    status = d.get("status", "")
    parts = [f'<span class="status-{attr(status)}">{escape(status)}</span>']
    if d.get("reference_date"):
        parts.append(
            f"reference date {escape(d['reference_date'])} "
            f"({escape(d.get('reference_date_source', ''))})"
        )
    if report.text_path is not None:
        parts.append(f"file {escape(str(report.text_path))}")
    if d.get("model"):
        parts.append(f"model {escape(d['model'])}")
    return " · ".join(parts)


def problems(report: Report) -> list[str]:
    lines = [f"error: {report.document['error']}"] if report.document.get("error") else []
    return lines + report.problems


def report_page(report: Report, has_events: bool) -> str:
    issues = "".join(f"<li>{escape(p)}</li>" for p in problems(report))
    body = (
        '<header><a href="../index.html">← all reports</a>'
        f"<h1>{escape(report.doc_id)}</h1>"
        f'<p class="meta">{document_meta(report)}</p>'
        + (f'<ul class="problems">{issues}</ul>' if issues else "")
        + "</header>"
        + "".join(event_card(r, i + 1) for i, r in enumerate(report.events))
        + legend(report, has_events)
        + f'<div class="layout"><main>{marked_text(report)}</main>'
        + side_list(report, has_events)
        + '</div><div id="tip" role="tooltip" hidden></div>'
    )
    return page(f"{report.doc_id} · review", "report", body)


# --- index -----------------------------------------------------------------------------------


def _event_summary(report: Report) -> str:
    out = []
    for r in report.events:
        where = ", ".join(v for v in (r.get("city"), r.get("venue")) if v)
        visitors = _field(r, "visitors")
        text = " ".join(v for v in (r.get("name"), r.get("year")) if v)
        text += f" · {where}" if where else ""
        text += f" · {visitors} visitors" if visitors else ""
        out.append(escape(text))
    return "<br>".join(out)


def index_page(reports: list[Report], names: dict[str, str], has_events: bool) -> str:
    tables = shown_tables(has_events)
    gold = any(r.gold_id is not None for r in reports)
    head = ["report", "status", "reference date", "date from", *tables]
    head += ["event record"] if has_events else []
    head += ["hits", "false", "missed"] if gold else []
    head.append("problems")
    rows = []
    for r in reports:
        d = r.document
        cells = [
            f'<td><a href="reports/{attr(names[r.doc_id])}">{escape(r.doc_id)}</a></td>',
            f'<td class="status-{attr(d.get("status", ""))}">{escape(d.get("status", ""))}</td>',
            f"<td>{escape(d.get('reference_date', ''))}</td>",
            f"<td>{escape(d.get('reference_date_source', ''))}</td>",
            *(f'<td class="num">{r.count(t)}</td>' for t in tables),
        ]
        if has_events:
            cells.append(f"<td>{_event_summary(r)}</td>")
        if gold:
            judged = r.gold_id is not None
            for n in (r.gold_count(HIT), r.gold_count(FALSE), len(r.misses)):
                cells.append(f'<td class="num">{n if judged else ""}</td>')
        cells.append(f"<td>{'<br>'.join(escape(p) for p in problems(r))}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    header = "".join(f'<th scope="col">{escape(h)}</th>' for h in head)
    gold_note = (
        '<p class="meta">hits, false: mentions whose fact matches a gold fact or none, '
        "by the scorer's matching; missed: required gold facts no mention matches.</p>"
        if gold
        else ""
    )
    body = (
        f"<header><h1>Review: {len(reports)} reports</h1>{gold_note}</header>"
        '<div class="controls"><input id="filter" type="search" '
        'placeholder="filter: any text in a row" aria-label="filter reports">'
        f'<span><span id="shown">{len(reports)}</span> of {len(reports)} shown</span></div>'
        f'<div class="table-wrap"><table class="reports"><thead><tr>{header}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )
    return page("Review of the run", "index", body)

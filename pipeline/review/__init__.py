"""``python -m pipeline review``: static HTML pages to check a run's facts by eye.

``OUT_DIR/review/index.html`` lists the reports; ``OUT_DIR/review/reports/*.html`` show each
report's text with every mention marked by table, its normalised value on hover and in a side
list, the event records on top and, with gold facts, false facts and misses in their own colours.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.review.data import build_reports
from pipeline.review.pages import index_page, page_names, report_page

REVIEW_DIR = "review"


def write_review(
    out_dir: Path, gold_dir: Path | None = None, texts_dir: Path | None = None
) -> Path:
    """Write the review pages of the run in ``out_dir``; return the index page's path."""
    reports, has_events = build_reports(out_dir, gold_dir, texts_dir)
    names = page_names([r.doc_id for r in reports])
    target = out_dir / REVIEW_DIR
    (target / "reports").mkdir(parents=True, exist_ok=True)
    for stale in (target / "reports").glob("*.html"):  # pages of reports no longer in the run
        if stale.name not in names.values():
            stale.unlink()
    for report in reports:
        html = report_page(report, has_events)
        (target / "reports" / names[report.doc_id]).write_text(html, encoding="utf-8")
    index = target / "index.html"
    index.write_text(index_page(reports, names, has_events), encoding="utf-8")
    return index

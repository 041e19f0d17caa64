"""The review pages: every row with offsets is one mark, values and gold verdicts are shown as
the scorer sees them, bad input gives a line on the page; in a real headless Chromium, the marks
are there, hovering shows the value and the index filter works."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pipeline.evaluate import evaluate, load_gold
from pipeline.read_tables import load_tables
from pipeline.review import write_review
from pipeline.review.browser import browser_missing, headless_chromium
from pipeline.review.marks import Span, render_marked
from pipeline.review.pages import page_names
from pipeline.tables import FACT_TABLES, TABLES
from tests.conftest import TINY_REPORTS, run_cli, write_reports

REPORT = (
    "Bericht <intern> & vertraulich\n"
    "Die Messe 2024 GmbH & Co. KG lud am 3. Mai 2024 nach Essen ein.\r\n"
    "Über 5.000 Besucher kamen, dazu 80 Aussteller.\n"
)
EVENT_COLUMNS = [
    "doc_id", "event", "name", "year", "start", "end", "city", "venue", "organisers",
    "visitors", "visitors_qualifier", "exhibitors", "exhibitors_qualifier", "participants",
    "participants_qualifier", "start_char", "end_char",
]  # fmt: skip


class Marks(HTMLParser):
    """The ``<mark>`` elements of a page: attributes and the text inside each (nested marks and
    continuation pieces included), and the texts of the missed gold facts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.marks: list[dict[str, Any]] = []
        self.open: list[dict[str, Any] | None] = []
        self.misses: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        entry = None
        if tag == "mark":
            entry = {**dict(attrs), "text": ""}
            self.marks.append(entry)
        elif dict(attrs).get("data-of"):  # a piece of a mark crossed by another one
            entry = next(m for m in self.marks if m["id"] == dict(attrs)["data-of"])
        elif tag == "span" and "miss" in (dict(attrs).get("class") or "").split():
            entry = {"miss": True, "text": ""}
        self.open.append(entry)

    def handle_endtag(self, tag: str) -> None:
        entry = self.open.pop()
        if entry is not None and entry.get("miss"):
            self.misses.append(entry["text"])

    def handle_data(self, data: str) -> None:
        for entry in self.open:
            if entry is not None:
                entry["text"] += data


def parse(page: Path) -> Marks:
    parser = Marks()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def mention(doc_id: str, text: str, part: str, after: int = 0, **cells: Any) -> dict[str, Any]:
    start, end = span(text, part, after)
    return {"doc_id": doc_id, "start_char": start, "end_char": end, "text": part, **cells}


def fair_rows(doc_id: str, text: str) -> dict[str, list[dict[str, Any]]]:
    """Rows as a run might give them for REPORT, overlaps included: a date inside an
    organisation's name, and an organisation crossing a figure."""
    org = "Messe 2024 GmbH & Co. KG"
    return {
        "dates": [
            mention(doc_id, text, "2024", value="2024", granularity="year"),
            mention(doc_id, text, "am 3. Mai 2024", value="2024-05-03", granularity="day"),
        ],
        "places": [mention(doc_id, text, "Essen", name="Essen", kind="city")],
        "organisations": [
            mention(doc_id, text, org, name=org, legal_form="GmbH & Co. KG"),
            mention(doc_id, text, "Besucher kamen", name="Besucher"),
        ],
        "figures": [
            mention(
                doc_id,
                text,
                "Über 5.000 Besucher",
                value=5000.0,
                unit="Besucher",
                qualifier="more_than",
                category="visitors",
            ),
        ],  # fmt: skip
    }


FAIR_GOLD = {
    "id": "fair",
    "dates": [
        {"text": "am 3. Mai 2024", "value": "2024-05-03"},
        {"text": "2024", "value": "2024", "optional": True},
    ],
    "places": [{"text": "Essen", "name": "Essen"}],
    "organisations": [{"text": "Messe 2024 GmbH & Co. KG", "name": "Messe 2024 GmbH & Co. KG"}],
    "figures": [
        {
            "text": "Über 5.000 Besucher",
            "value": 5000,
            "unit": "Besucher",
            "qualifier": "more_than",
        },
        {"text": "80 Aussteller", "value": 80, "unit": "Aussteller", "qualifier": "exact"},
    ],
}


def write_events(out: Path, rows: list[dict[str, Any]]) -> None:
    """An events table beside a run's tables, as the run writes it."""
    with (out / "events.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, EVENT_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def fair_run(tmp_path_factory: pytest.TempPathFactory, make_run) -> Path:
    """A hand-made run: one report with overlapping mentions, one whose text has gone, one
    that failed; the report's file is CRLF and cp1252 so offsets must follow the decoding."""
    base = tmp_path_factory.mktemp("review")
    texts = base / "texts"
    texts.mkdir()
    (texts / "fair.txt").write_bytes(REPORT.encode("cp1252"))
    text = REPORT  # cp1252 decodes back to the same characters, \r\n included
    rows = fair_rows("fair", text)
    rows["documents"] = [
        {"doc_id": "fair", "path": str(texts / "fair.txt"), "status": "ok",
         "reference_date": "2024-05-04", "reference_date_source": "metadata"},
        {"doc_id": "gone", "path": str(texts / "gone.txt"), "status": "ok"},
        {"doc_id": "broken", "path": str(texts / "broken.txt"), "status": "error",
         "error": "binary file (contains NUL bytes)"},
    ]  # fmt: skip
    rows["places"].append({"doc_id": "gone", "start_char": 0, "end_char": 4, "text": "Bonn",
                           "name": "Bonn"})  # fmt: skip
    event = {"doc_id": "fair", "event": 0, "name": "Messe", "year": 2024, "start": "2024-05-03",
             "end": "2024-05-03", "city": "Essen", "organisers": "Messe 2024 GmbH & Co. KG",
             "visitors": 5000, "visitors_qualifier": "more_than"}  # fmt: skip
    start, end = span(text, "Messe")
    event.update(start_char=start, end_char=end)
    if "events" in TABLES:  # the contract has the table: the run writes it
        rows["events"] = [event]
    out = make_run(base / "out", rows)
    if "events" not in TABLES:
        write_events(out, [event])
    gold = base / "gold"
    gold.mkdir()
    (gold / "fair.json").write_text(json.dumps(FAIR_GOLD, ensure_ascii=False), encoding="utf-8")
    write_review(out, gold)
    return out


def report_rows(out: Path, doc_id: str) -> int:
    """Rows with offsets of every table of the run for one report, read straight from the run."""
    tables = load_tables(out)
    events = out / "events.csv"
    if "events" not in tables and events.is_file():
        tables["events"] = pd.read_csv(events)
    return sum(
        int(((frame["doc_id"] == doc_id) & frame["start_char"].notna()).sum())
        for name, frame in tables.items()
        if name != "documents"
    )


def test_render_marked_nests_crossing_spans_one_mark_each_and_escapes():
    text = "A<b> & C 2024 D E"
    spans = [
        Span(*span(text, "<b> & C 2024"), 'class="o"', 'class="oc"'),
        Span(*span(text, "2024"), 'class="d"', 'class="dc"'),
        Span(*span(text, "2024 D E"), 'class="x"', 'class="xc"'),  # crosses "o"
        Span(0, 0, 'class="e"', 'class="ec"'),  # empty
        Span(15, 99, 'class="z"', 'class="zc"'),  # beyond the end: clamped
    ]
    html = render_marked(text, spans)
    assert html.count("<mark") == len(spans)
    assert unescape(re.sub(r"<[^>]+>", "", html)) == text
    assert "&lt;b&gt; &amp; C" in html
    # Tags nest: every closing tag closes the innermost open element.
    stack = []
    for closing, tag in re.findall(r"<(/?)(mark|span)\b", html):
        if closing:
            assert stack.pop() == tag
        else:
            stack.append(tag)
    assert not stack
    assert '<span class="xc">' in html  # "x" goes on after "o" closed


def test_page_names_are_safe_and_distinct():
    names = page_names(["2023/fest", "2023__fest", "Fest", "fest", "a b/../c", "..."])
    assert names["2023/fest"] == "2023__fest.html"
    assert len(set(map(str.lower, names.values()))) == len(names)
    assert all(re.fullmatch(r"[A-Za-z0-9_-][A-Za-z0-9._-]*\.html", n) for n in names.values())


def test_every_row_is_one_mark_with_its_text_and_value(fair_run: Path):
    page = fair_run / "review" / "reports" / "fair.html"
    marks = parse(page).marks
    assert len(marks) == report_rows(fair_run, "fair") == 7
    by_table: dict[str, list[dict[str, Any]]] = {}
    for m in marks:
        by_table.setdefault(m["data-table"], []).append(m)
    org = "Messe 2024 GmbH & Co. KG"
    assert [m["text"] for m in by_table["organisations"]] == [org, "Besucher kamen"]
    assert sorted(m["text"] for m in by_table["dates"]) == ["2024", "am 3. Mai 2024"]
    assert by_table["events"][0]["text"] == "Messe"
    figure = by_table["figures"][0]
    assert "figures: 5000 Besucher" in figure["data-tip"]
    assert "qualifier: more_than" in figure["data-tip"]
    html = page.read_text(encoding="utf-8")
    assert "Bericht &lt;intern&gt; &amp; vertraulich" in html
    assert "<intern>" not in html


def test_gold_verdicts_are_the_scorers(fair_run: Path):
    page = parse(fair_run / "review" / "reports" / "fair.html")
    verdicts = {
        m["text"]: m["class"].split()[-1] for m in page.marks if m["data-table"] != "events"
    }
    assert verdicts == {
        "Messe 2024 GmbH & Co. KG": "g-hit",
        "2024": "g-optional",
        "am 3. Mai 2024": "g-hit",
        "Essen": "g-hit",
        "Besucher kamen": "g-false",
        "Über 5.000 Besucher": "g-hit",
    }
    assert page.misses == ["80 Aussteller"]
    scores = evaluate(load_gold(fair_run.parent / "gold"), load_tables(fair_run)).scores
    assert sum(s.fp for s in scores.values()) == list(verdicts.values()).count("g-false")
    assert sum(s.fn for s in scores.values()) == len(page.misses)
    index = (fair_run / "review" / "index.html").read_text(encoding="utf-8")
    assert "missed" in index and "no gold file for this report" in index


def test_missing_text_and_failed_report_give_a_line_not_a_crash(fair_run: Path):
    gone = (fair_run / "review" / "reports" / "gone.html").read_text(encoding="utf-8")
    assert "text not found" in gone and "gone.txt" in gone
    assert "Bonn" in gone  # the row is still listed
    broken = (fair_run / "review" / "reports" / "broken.html").read_text(encoding="utf-8")
    assert "error: binary file (contains NUL bytes)" in broken


def test_event_record_on_top_and_in_the_index(fair_run: Path):
    page = (fair_run / "review" / "reports" / "fair.html").read_text(encoding="utf-8")
    card = page[page.index('<section class="event">') :]
    assert card.index("Event: Messe") < card.index('id="text"')
    assert "5000 (more_than)" in card
    index = (fair_run / "review" / "index.html").read_text(encoding="utf-8")
    assert "event record" in index and "Messe 2024 · Essen · 5000 (more_than) visitors" in index


@pytest.fixture(scope="module")
def tiny_reviewed(tiny_runs: dict[str, Path], tmp_path_factory) -> dict[str, Path]:
    """Copies of the pipeline's runs over TINY_REPORTS (CSV and Parquet), reviewed by the CLI."""
    base = tmp_path_factory.mktemp("tiny-review")
    reviewed = {}
    for fmt, run in tiny_runs.items():
        reviewed[fmt] = shutil.copytree(run, base / fmt)
        run_cli("review", reviewed[fmt])
    return reviewed


def test_pipeline_run_reviewed_from_cli(tiny_reviewed: dict[str, Path]):
    for fmt, out in tiny_reviewed.items():
        index = (out / "review" / "index.html").read_text(encoding="utf-8")
        tables = load_tables(out)
        # the run's events table gives the index its event column, one record per report
        assert ("event record" in index) == (len(tables["events"]) > 0), fmt
        for name in tables["events"]["name"]:
            assert name in index, (fmt, name)
        for doc_id in TINY_REPORTS:
            marks = parse(out / "review" / "reports" / f"{doc_id}.html").marks
            assert len(marks) == report_rows(out, doc_id) > 0, fmt
            events = tables["events"]
            named = events[(events["doc_id"] == doc_id) & events["start_char"].notna()]
            expected = [
                str(text)
                for name in FACT_TABLES
                for text in tables[name].loc[tables[name]["doc_id"] == doc_id, "text"]
            ] + [str(text) for text in named["name"]]
            assert sorted(m["text"] for m in marks) == sorted(expected)


def test_moved_texts_found_with_texts_option(tmp_path):
    texts = write_reports(tmp_path / "texts", {"kurz": "Am 2. Juni 2021 kamen 40 Gäste.\n"})
    out = tmp_path / "out"
    run_cli("run", texts, "--out", out, "--model", "blank", "-q")
    moved = texts.rename(tmp_path / "moved")
    run_cli("review", out)
    assert "text not found" in (out / "review" / "reports" / "kurz.html").read_text()
    run_cli("review", out, "--texts", moved)
    page = out / "review" / "reports" / "kurz.html"
    assert "text not found" not in page.read_text()
    assert len(parse(page).marks) == report_rows(out, "kurz") >= 2


def test_open_option_opens_the_index_and_bad_folders_exit_2(fair_run: Path, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from pipeline.cli import app

    out = shutil.copytree(fair_run, tmp_path / "out")
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", opened.append)
    run_cli("review", out, "--open")
    assert opened == [(out / "review" / "index.html").resolve().as_uri()]
    for args in ([tmp_path / "nothing"], [out, "--gold", tmp_path / "nothing"]):
        result = CliRunner().invoke(app, ["review", *map(str, args)])
        assert result.exit_code == 2 and "error:" in result.output


# --- in a real browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    reason = browser_missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the browser tests, but: {reason}")
        pytest.skip(reason)
    with headless_chromium(1000, 800) as driver:
        yield driver


def visible_marks(driver) -> int:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#text mark')).filter(m =>"
        " m.getClientRects().length > 0 &&"
        " getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)').length"
    )


def test_browser_shows_one_highlight_per_row(browser, fair_run: Path, tiny_reviewed):
    pages = [(fair_run, "fair"), *((tiny_reviewed["parquet"], d) for d in TINY_REPORTS)]
    for out, doc_id in pages:
        browser.get((out / "review" / "reports" / f"{doc_id}.html").as_uri())
        assert visible_marks(browser) == report_rows(out, doc_id) > 0, doc_id


def test_browser_hover_shows_the_value(browser, fair_run: Path):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get((fair_run / "review" / "reports" / "fair.html").as_uri())
    tip = browser.find_element(By.ID, "tip")
    assert not tip.is_displayed()
    date = browser.find_element(By.XPATH, "//mark[normalize-space()='am 3. Mai 2024']")
    ActionChains(browser).move_to_element(date).perform()
    WebDriverWait(browser, 5).until(lambda d: tip.is_displayed())
    assert "dates: 2024-05-03" in tip.text and "gold: matches a gold fact" in tip.text
    inner = browser.find_element(
        By.XPATH, "//mark[@data-table='organisations']/mark[@data-table='dates']"
    )
    ActionChains(browser).move_to_element(inner).perform()
    WebDriverWait(browser, 5).until(lambda d: "dates: 2024\n" in tip.text)
    ActionChains(browser).move_to_element(browser.find_element(By.TAG_NAME, "h1")).perform()
    WebDriverWait(browser, 5).until(lambda d: not tip.is_displayed())


def test_browser_index_filter_and_sort(browser, fair_run: Path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get((fair_run / "review" / "index.html").as_uri())

    def shown() -> list[str]:
        rows = browser.find_elements(By.CSS_SELECTOR, "table.reports tbody tr")
        return [r.find_element(By.TAG_NAME, "a").text for r in rows if r.is_displayed()]

    assert shown() == ["fair", "gone", "broken"]
    box = browser.find_element(By.ID, "filter")
    box.send_keys("nul BYTES")
    assert shown() == ["broken"]
    assert browser.find_element(By.ID, "shown").text == "1"
    box.send_keys(Keys.CONTROL, "a", Keys.BACK_SPACE)
    assert shown() == ["fair", "gone", "broken"]
    box.send_keys("gone.txt")
    assert shown() == ["gone"]
    box.send_keys(Keys.CONTROL, "a", Keys.BACK_SPACE)
    header = browser.find_element(By.XPATH, "//th[.='report']")
    header.click()
    assert shown() == ["broken", "fair", "gone"]
    header.click()
    assert shown() == ["gone", "fair", "broken"]

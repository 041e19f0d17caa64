"""Conventions a new user meets: the README's run command works twice from any folder, results
are spaCy-native and serialisable, a saved pipeline loads with plain spaCy, the package reports
its version and installs only what runs, and dates load as timestamps."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.metadata
import json
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pandas as pd
import pytest
from spacy.tokens import Doc, DocBin

import pipeline
from pipeline.batch import Job, PreparedReport, prepare_report
from pipeline.extensions import FACT_TYPES, register_fact, set_facts
from pipeline.read_tables import load_tables
from pipeline.tables import TABLES

ROOT = Path(__file__).resolve().parents[1]
FACT_KEYS = ("dates", "places", "organisations", "figures")
# Written for these tests: one sentence per fact type at least, and a clock time.
TEXTS = (
    "Am Samstag, dem 14. Juni 2025, kamen über 2.300 Besucherinnen und Besucher in die "
    "Stadthalle Bielefeld. Eingeladen hatte der Heimatverein Senne e.V. gemeinsam mit der "
    "Stadtwerke Bielefeld GmbH; um 19 Uhr begann das Konzert.",
    "Gestern zählte die Gartenschau in Erfurt rund 4.500 Gäste und 60 Aussteller.",
    "Ein Satz ohne Tatsachen.",
)
REFERENCE = dt.date(2025, 6, 16)


def _python(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done


# --- the README's run command, twice, from another folder --------------------------------------


def readme_run_command() -> list[str]:
    """The arguments after ``python`` of the Quick start's run command."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    match = re.search(r"python (-m pipeline run [^\n&|;]+)", quick_start)
    assert match, "the Quick start has no `python -m pipeline run …` command"
    return shlex.split(match.group(1))


def test_readme_run_command_twice_from_another_folder(tmp_path: Path) -> None:
    args = readme_run_command()
    out = Path(args[args.index("--out") + 1])
    assert not out.is_absolute()  # the case that used to crash on the second run
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")

    _python(*args, cwd=tmp_path)
    first = {p.name: p.read_bytes() for p in (tmp_path / out).glob("*.csv")}
    assert set(first) == {f"{name}.csv" for name in TABLES}
    second = _python(*args, cwd=tmp_path)
    assert "from the cache" in second.stderr  # the relative --out's cache was read
    assert {p.name: p.read_bytes() for p in (tmp_path / out).glob("*.csv")} == first

    # query and evaluate read the same relative folder
    count = _python(
        "-m", "pipeline", "query", "SELECT count(*) AS n FROM dates", "--out", str(out),
        "--format", "csv", cwd=tmp_path,
    )  # fmt: skip
    assert count.stdout.split() == ["n", str(first["dates.csv"].count(b"\n") - 1)]
    scores = _python(
        "-m", "pipeline", "evaluate", "--gold", "corpus/gold", "--out", str(out), "--json",
        cwd=tmp_path,
    )  # fmt: skip
    assert json.loads(scores.stdout)["figures"]["tp"] > 0


# --- spaCy-native, serialisable results ---------------------------------------------------------


@pytest.fixture(scope="module")
def nlp(blank_nlp):
    return blank_nlp


def make_docs(nlp) -> list[Doc]:
    docs = []
    for text in TEXTS:
        doc = nlp.make_doc(text)
        doc._.reference_date = REFERENCE
        docs.append(doc)
    return docs


@pytest.fixture(scope="module")
def processed(nlp) -> list[Doc]:
    return list(nlp.pipe(make_docs(nlp)))


def snapshot(doc: Doc) -> dict:
    """Everything a user reads from a processed Doc, as plain data."""
    return {
        "facts": {key: [dataclasses.asdict(m) for m in doc._.get(key)] for key in FACT_KEYS},
        "spans": {
            key: [(s.start, s.end, s.label_, s.kb_id_, s._.fact) for s in doc.spans[key]]
            for key in FACT_KEYS
        },
        "reference_date": doc._.reference_date,
    }


def test_every_mention_is_a_span_with_its_record(processed: list[Doc]) -> None:
    doc = processed[0]
    assert all(doc._.get(key) for key in FACT_KEYS)  # the text has every kind of fact
    for doc in processed:
        for key in FACT_KEYS:
            mentions, spans = doc._.get(key), list(doc.spans[key])
            assert len(spans) == len(mentions), key
            for mention, span in zip(mentions, spans, strict=True):
                assert span.label_ == FACT_TYPES[key].label
                assert span.start_char <= mention.start_char < mention.end_char <= span.end_char
                assert span._.fact == dataclasses.asdict(mention)
    doc = processed[0]
    concert = next(s for s in doc.spans["dates"] if "19 Uhr" in s.text)
    assert concert.kb_id_ == concert._.fact["value"] == "2025-06-14T19:00"
    hall = next(s for s in doc.spans["places"] if s.text == "Stadthalle Bielefeld")
    assert hall.kb_id_ == hall._.fact["name"] and hall._.fact["kind"] == "venue"
    visitors = next(s for s in doc.spans["figures"] if "2.300" in s.text)
    assert (visitors._.fact["value"], visitors._.fact["unit"]) == (2300, "Besucher")
    assert {s._.fact["legal_form"] for s in doc.spans["organisations"]} == {"e.V.", "GmbH"}


def test_a_doc_made_for_the_tables_has_the_same_facts_without_spans(
    nlp, processed: list[Doc], tmp_path: Path
) -> None:
    for i, (doc, text) in enumerate(zip(processed, TEXTS, strict=True)):
        path = tmp_path / f"{i}.txt"
        path.write_text(text, encoding="utf-8")
        job = Job(path.stem, path, {"reference_date": REFERENCE.isoformat()})
        prepared = prepare_report(nlp, job)
        assert isinstance(prepared, PreparedReport)
        for_tables = nlp(prepared.piece(nlp, job, 0, tables_only=True))  # as a run makes it
        assert for_tables._.facts == doc._.facts
        assert not any(key in for_tables.spans for key in FACT_KEYS)
        given = nlp(prepared.piece(nlp, job, 0, tables_only=False))  # a caller's Doc
        assert snapshot(given) == snapshot(doc)


def test_doc_bytes_and_docbin_round_trip(nlp, processed: list[Doc]) -> None:
    for doc in processed:
        again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
        assert snapshot(again) == snapshot(doc)
    docbin = DocBin(store_user_data=True, docs=processed)
    loaded = DocBin(store_user_data=True).from_bytes(docbin.to_bytes()).get_docs(nlp.vocab)
    assert [snapshot(d) for d in loaded] == [snapshot(d) for d in processed]


def test_two_processes_give_the_same_results(nlp, processed: list[Doc]) -> None:
    parallel = list(nlp.pipe(make_docs(nlp), n_process=2, batch_size=1))
    assert [snapshot(d) for d in parallel] == [snapshot(d) for d in processed]


def test_reference_date_must_be_a_date(nlp) -> None:
    doc = nlp.make_doc("Gestern kamen 300 Gäste.")
    with pytest.raises(TypeError, match="datetime.date"):
        doc._.reference_date = "2025-06-16"
    moment = dt.datetime(2025, 6, 16, 9, 30)
    doc._.reference_date = moment
    assert Doc(nlp.vocab).from_bytes(doc.to_bytes())._.reference_date == moment
    assert [m.value for m in nlp(doc)._.dates] == ["2025-06-15"]


@dataclasses.dataclass(frozen=True)
class Booth:
    start_char: int
    end_char: int
    text: str
    number: str


@pytest.fixture
def booths():
    register_fact("booths", Booth, "BOOTH", "number")
    yield "booths"
    FACT_TYPES.pop("booths")
    Doc.remove_extension("booths")


def test_a_new_fact_type_is_stored_like_the_others(nlp, booths: str) -> None:
    doc = nlp("Besuchen Sie uns am Stand B12 in Halle 3.")
    start = doc.text.index("Stand B12")
    set_facts(doc, booths, [Booth(start, start + 9, "Stand B12", "B12")])
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again._.booths == [Booth(start, start + 9, "Stand B12", "B12")]
    (span,) = again.spans[booths]
    assert (span.text, span.label_, span.kb_id_, span._.fact["number"]) == (
        "Stand B12",
        "BOOTH",
        "B12",
        "B12",
    )
    doc._.booths = None
    assert doc._.booths is None and booths not in doc.spans


def test_saved_pipeline_loads_with_plain_spacy(nlp, processed: list[Doc], tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "saved")
    code = (
        "import json, sys, spacy\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "doc = nlp(sys.argv[2])\n"
        "print(json.dumps({k: [s._.fact for s in doc.spans[k]] for k in sys.argv[3:]}))\n"
    )
    text = TEXTS[1].replace("Gestern", "Am 2. Mai 2025")  # no reference date needed
    done = _python("-c", code, str(tmp_path / "saved"), text, *FACT_KEYS, cwd=tmp_path)
    here = nlp(text)
    assert json.loads(done.stdout) == {k: [s._.fact for s in here.spans[k]] for k in FACT_KEYS}
    assert json.loads(done.stdout)["figures"]


# --- version and dependencies ------------------------------------------------------------------


def test_version_comes_from_the_package_metadata(tmp_path: Path) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    installed = importlib.metadata.version(project["name"])
    assert installed == project["version"] == pipeline.__version__
    done = _python("-m", "pipeline", "--version", cwd=tmp_path)
    assert done.stdout.strip() == f"{project['name']} {installed}"
    script = shutil.which("event-facts", path=str(Path(sys.executable).parent))
    assert script, "the event-facts console script is not installed"
    out = subprocess.run([script, "--version"], capture_output=True, text=True, check=True)
    assert out.stdout == done.stdout


def test_runtime_dependencies_are_what_runs(tmp_path: Path) -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    required = {re.split(r"[\s<>=!~;\[]", r, maxsplit=1)[0] for r in project["dependencies"]}
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    code = (
        "import sys\n"
        "from pipeline.cli import app\n"
        "for args in (['run', 'corpus', '--out', 'out', '-q', '--reference-date', '14.4.2024'],\n"
        "             ['query', 'SELECT count(*) FROM places', '--out', 'out'],\n"
        "             ['evaluate', '--gold', 'corpus/gold', '--out', 'out']):\n"
        "    try:\n"
        "        app(args)\n"
        "    except SystemExit as exc:\n"
        "        assert not exc.code, (args, exc.code)\n"
        "print('MODULES', ' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    done = _python("-c", code, cwd=tmp_path)
    imported = set(done.stdout.split("MODULES", 1)[1].split())
    modules_of: dict[str, set[str]] = {}
    for module, dists in importlib.metadata.packages_distributions().items():
        for dist in dists:
            modules_of.setdefault(normalise(dist), set()).add(module)
    unused = {d for d in required if not modules_of.get(normalise(d), set()) & imported}
    # dateparser reads dates users write in free form ("14. April 2024"), as the run above does.
    assert not unused, f"installed but never imported: {sorted(unused)}"
    for extra in ("build", "train", "dev", "dask"):
        assert extra in project["optional-dependencies"]


def normalise(dist: str) -> str:
    return re.sub(r"[-_.]+", "-", dist).lower()


# --- dates as timestamps -----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_date_bounds_load_as_timestamps(make_run, tmp_path: Path, fmt: str) -> None:
    rows = [
        {"doc_id": "a", "value": "2025-06", "start": "2025-06-01", "end": "2025-06-30"},
        {"doc_id": "a", "value": "2025-06-14T19:00", "start": "2025-06-14T19:00"},
        {"doc_id": "a", "value": "T15:00", "start": "T15:00", "end": "T15:00"},
        {"doc_id": "a", "value": None, "start": None, "end": None},
    ]
    dates = load_tables(make_run(tmp_path / fmt, {"documents": [], "dates": rows}, fmt))["dates"]
    assert list(dates.columns[: len(TABLES["dates"])]) == list(TABLES["dates"])
    assert {str(dates[c].dtype) for c in ("start_datetime", "end_datetime")} == {"datetime64[us]"}
    assert dates["start_datetime"].tolist()[:2] == [
        pd.Timestamp("2025-06-01"),
        pd.Timestamp("2025-06-14 19:00"),
    ]
    assert dates["start_datetime"][2:].isna().all() and dates["end_datetime"][1:].isna().all()
    assert dates["start"][2] == "T15:00"  # the time of an unknown day stays in the text column
    times = pd.to_datetime(dates["start"][:2], format="ISO8601")
    assert times.tolist() == dates["start_datetime"][:2].tolist()

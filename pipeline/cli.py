"""Command line: ``python -m pipeline COMMAND``. Exit codes: 0 success, 1 some documents
failed (run) or checks failed, 2 unusable arguments or a failed run."""

from __future__ import annotations

import json
import logging
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="pipeline",
    help="Turn folders of German event reports into tidy tables of dates, places, "
    "organisations and figures.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class TableFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"


def _setup_logging(quiet: bool) -> None:
    logging.basicConfig(
        level=logging.WARNING if quiet else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def _print_version(value: bool) -> None:
    if value:
        from pipeline import DISTRIBUTION, version

        typer.echo(f"{DISTRIBUTION} {version()}")
        raise typer.Exit()


@app.callback()
def _root(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print the installed version and exit.",
        ),
    ] = False,
) -> None:
    """Turn folders of German event reports into tidy tables of dates, places,
    organisations and figures."""


def fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


@app.command()
def run(
    input_dir: Annotated[
        Path, typer.Argument(help="Folder with *.txt / *.md reports (recursive).")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the tables.")] = Path(
        "outputs"
    ),
    metadata: Annotated[
        Path | None,
        typer.Option(help="CSV with doc_id,reference_date[,more columns] per report."),
    ] = None,
    reference_date: Annotated[
        str | None,
        typer.Option(
            help="Date for reports with no date of their own: 2024-04-14, 14.04.2024, … "
            "or a month alone, 2024-04."
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            help="spaCy pipeline: package name, model folder, 'own' or 'blank' "
            "(default: $PIPELINE_MODEL, else de_core_news_sm, else the project's own model)."
        ),
    ] = None,
    fmt: Annotated[TableFormat, typer.Option("--format", help="Table file format.")] = (
        TableFormat.csv
    ),
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar or info logs.")
    ] = False,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            help="Processes running the pipeline (each loads the model once); "
            "with --scheduler local, the local cluster's worker processes.",
        ),
    ] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Run on a Dask cluster: a scheduler address (tcp://host:8786) or 'local' "
            "for a local cluster of --workers processes. Needs pip install '.[dask]'."
        ),
    ] = None,
    cache: Annotated[
        bool,
        typer.Option(
            "--cache/--no-cache",
            help="Reuse the rows of reports unchanged since the last run into --out "
            "(kept in OUT/.cache; invalidated by any code, library or model change).",
        ),
    ] = True,
    doc_timeout: Annotated[
        float,
        typer.Option(
            min=0,
            help="Seconds of CPU time a report may take (per 100,000 characters); over it "
            "the report becomes an error row and the run goes on. 0: no limit.",
        ),
    ] = 120.0,
    csv_safe: Annotated[
        bool,
        typer.Option(
            "--csv-safe",
            help="Prefix text cells starting with = + - @ tab or CR with an apostrophe, so "
            "that spreadsheets do not run them as formulas (changes those cells).",
        ),
    ] = False,
) -> None:
    """Extract dates, places, organisations and figures from every report below INPUT_DIR.

    Writes documents, dates, places, organisations, figures and events tables to --out, then
    the run manifest run.json. Exit code 0 when every document was processed, 1 when some were empty
    or failed (see documents.status; the tables are complete), 2 when the run failed or the
    arguments are unusable (then no tables in --out look current). Reports unchanged since the
    last run into --out are not processed again (--no-cache to process everything); the tables
    are the same either way, and the same with any --workers or --scheduler.
    """
    from pipeline.nlp import ModelNotFound
    from pipeline.run import Terminated, UsageError
    from pipeline.run import run as run_pipeline

    _setup_logging(quiet)
    if metadata is not None and not metadata.is_file():
        raise fail(f"metadata file {metadata} does not exist")
    try:
        summary = run_pipeline(
            input_dir,
            out,
            metadata,
            reference_date,
            model,
            fmt.value,
            quiet,
            workers=workers,
            scheduler=scheduler,
            cache=cache,
            doc_timeout=doc_timeout,
            csv_safe=csv_safe,
        )
    except (UsageError, ModelNotFound) as exc:
        raise fail(str(exc)) from None
    except (Exception, KeyboardInterrupt, Terminated) as exc:
        logging.getLogger("pipeline").debug("run failed", exc_info=True)
        raise fail(f"run failed: {_failure(exc)}; no tables in {out} are current") from None
    if not quiet:
        facts = ", ".join(f"{n} {t}" for t, n in summary.facts.items())
        typer.echo(
            f"{summary.documents} documents ({summary.ok} ok, {summary.empty} empty, "
            f"{summary.error} error): {facts} -> {out}"
            + (f" ({summary.cached} unchanged, from the cache)" if summary.cached else ""),
            err=True,
        )
    raise typer.Exit(summary.exit_code)


def _failure(exc: BaseException) -> str:
    """One line on why a run failed."""
    if isinstance(exc, KeyboardInterrupt):
        return "interrupted"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror + (f": {exc.filename}" if exc.filename else "")
    return f"{type(exc).__name__}: {exc}".splitlines()[0]


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option(help="Folder of gold *.json files (gold-schema.md).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder with the run's tables.")] = Path(
        "outputs"
    ),
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    per_doc: Annotated[
        bool, typer.Option("--per-doc", help="List each document's misses and false positives.")
    ] = False,
) -> None:
    """Score a run's tables against gold files: precision, recall and F1 per fact type.

    Matching follows gold-schema.md: per document over distinct facts, one-to-one, optional
    gold entries count neither way; scores are micro-averaged over the gold documents.
    """
    import json

    from pipeline.evaluate import evaluate_run, format_report

    if not gold.is_dir():
        raise fail(f"gold folder {gold} does not exist")
    try:
        result = evaluate_run(gold, out)
    except (FileNotFoundError, ValueError) as exc:
        raise fail(str(exc)) from None
    if as_json:
        typer.echo(json.dumps(result.as_dict(per_doc), indent=2, ensure_ascii=False))
    else:
        typer.echo(format_report(result, per_doc))


class QueryFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="One SQL statement (DuckDB dialect).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder with the run's tables.")] = Path(
        "outputs"
    ),
    fmt: Annotated[QueryFormat, typer.Option("--format", help="Output format.")] = (
        QueryFormat.table
    ),
) -> None:
    """Answer a SQL question over a run's tables (CSV or Parquet), in-process with DuckDB.

    Views: documents, dates, places, organisations, figures (empty cells are NULL).

    Example: python -m pipeline query "SELECT doc_id, count(*) FROM places GROUP BY doc_id"
    """
    import duckdb

    from pipeline.query import format_result, run_query
    from pipeline.read_tables import RunNotFound

    try:
        result = run_query(sql, out)
    except RunNotFound as exc:
        raise fail(str(exc)) from None
    except duckdb.Error as exc:
        raise fail(str(exc)) from None
    typer.echo(format_result(result, fmt.value))


@app.command()
def review(
    out_dir: Annotated[Path, typer.Argument(help="Folder with the run's tables.")],
    gold: Annotated[
        Path | None,
        typer.Option(help="Folder of gold *.json files: mark false facts and misses."),
    ] = None,
    texts: Annotated[
        Path | None,
        typer.Option(help="Folder the reports were moved to (files looked up by doc_id)."),
    ] = None,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the index page in the web browser.")
    ] = False,
) -> None:
    """Write static HTML pages to check a run by eye: OUT_DIR/review/index.html.

    One page per report shows its text with every mention marked by table, the normalised
    value on hover and in a side list, and the event records on top; with --gold, false facts
    and missed gold facts in their own colours, by the matching of evaluate.
    """
    import webbrowser

    from pipeline.read_tables import RunNotFound
    from pipeline.review import write_review

    if gold is not None and not gold.is_dir():
        raise fail(f"gold folder {gold} does not exist")
    if texts is not None and not texts.is_dir():
        raise fail(f"texts folder {texts} does not exist")
    try:
        index = write_review(out_dir, gold, texts)
    except (RunNotFound, ValueError) as exc:
        raise fail(str(exc)) from None
    typer.echo(f"review pages -> {index}", err=True)
    if open_browser:
        webbrowser.open(index.resolve().as_uri())


# The corpora folder both NER commands read, and the corpora they may leave out.
CorporaDir = Annotated[Path, typer.Option(help="Folder with the NER corpora (shared/data/ner).")]
ExcludedCorpora = Annotated[
    list[str] | None,
    typer.Option(help="Corpus to leave out (repeatable), e.g. germeval2014."),
]


@app.command("train-ner")
def train_ner(
    data: CorporaDir,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for data, model, scores.")],
    exclude: ExcludedCorpora = None,
    max_sentences: Annotated[
        int | None, typer.Option(help="Cap on training sentences (quick runs, tests).")
    ] = None,
    epochs: Annotated[int, typer.Option(help="Training epochs.")] = 3,
    seed: Annotated[int, typer.Option(help="Seed for sampling, augmentation and training.")] = 0,
    dev_share: Annotated[
        float, typer.Option(help="Share of documents held out for dev; 0 trains on all.")
    ] = 0.1,
    dev_corpus: Annotated[
        list[str] | None,
        typer.Option(
            help="Take the dev split (checkpoint choice) only from this corpus (repeatable), "
            "e.g. event-reports; default: from every corpus."
        ),
    ] = None,
    vectors: Annotated[
        bool, typer.Option(help="Train static vectors on the corpora text and use them.")
    ] = True,
    base: Annotated[
        Path | None,
        typer.Option(help="Fine-tune this trained pipeline instead of starting from scratch."),
    ] = None,
    general_scale: Annotated[
        float,
        typer.Option(help="Scale the general corpora's sentence caps (e.g. 0.1 to fine-tune)."),
    ] = 1.0,
    domain_repeat: Annotated[
        int | None,
        typer.Option(help="How often the event-report sentences enter the data (default 6)."),
    ] = None,
    set_config: Annotated[
        list[str] | None,
        typer.Option(
            "--set", help="spaCy config override KEY=VALUE (repeatable), e.g. training.dropout=0.2."
        ),
    ] = None,
    leave_out_ids: Annotated[
        Path | None,
        typer.Option(
            help="File of training-split event-report ids (one a line) to keep out of "
            "training; they are scored as event_reports_left_out."
        ),
    ] = None,
    extra_reports: Annotated[
        list[Path] | None,
        typer.Option(
            help="More event reports in the same JSON-lines format, trained on whole "
            "(repeatable), e.g. pipeline/ner/data/own_event_reports.jsonl."
        ),
    ] = None,
    init_tok2vec: Annotated[
        Path | None,
        typer.Option(
            help="Start the tok2vec from weights of `pretrain-ner` (its weights/model{N}.bin); "
            "pass its vectors folder as --vectors-dir too, and the same --set overrides."
        ),
    ] = None,
    vectors_dir: Annotated[
        Path | None,
        typer.Option(
            help="Use this saved vectors table (e.g. pretrain-ner's OUT/vectors) instead of "
            "learning one from the corpora."
        ),
    ] = None,
    install: Annotated[
        bool, typer.Option(help="Copy the trained model into pipeline/models/de_event_ner.")
    ] = False,
) -> None:
    """Train the project's German NER pipeline (PER, LOC, ORG, EVT) from the shared corpora."""
    from pipeline.ner.corpora import read_report_ids
    from pipeline.ner.train import TrainSettings, install_model
    from pipeline.ner.train import train_ner as run_training

    _setup_logging(quiet=False)
    if not data.is_dir():
        raise fail(f"data folder {data} does not exist")
    for path in [leave_out_ids, init_tok2vec, *(extra_reports or [])]:
        if path is not None and not path.is_file():
            raise fail(f"file {path} does not exist")
    if vectors_dir is not None and not vectors_dir.is_dir():
        raise fail(f"vectors folder {vectors_dir} does not exist")
    if base is not None and (init_tok2vec is not None or vectors_dir is not None):
        raise fail("--base brings its own tok2vec and vectors: no --init-tok2vec/--vectors-dir")
    settings = TrainSettings(
        data,
        out,
        exclude or [],
        max_sentences=max_sentences,
        epochs=epochs,
        seed=seed,
        dev_share=dev_share,
        dev_corpora=dev_corpus or [],
        vectors=vectors,
        base=base,
        general_scale=general_scale,
        domain_repeat=domain_repeat,
        overrides=_config_overrides(set_config or []),
        leave_out_ids=read_report_ids(leave_out_ids) if leave_out_ids else [],
        extra_reports=extra_reports or [],
        init_tok2vec=init_tok2vec,
        vectors_dir=vectors_dir,
    )
    try:
        result = run_training(settings)
    except ValueError as exc:
        raise fail(str(exc)) from None
    if install:
        install_model(result.model_dir)
    typer.echo(f"model -> {result.model_dir}; scores -> {out / 'scores.json'}", err=True)


@app.command("pretrain-ner")
def pretrain_ner(
    data: CorporaDir,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for raw text and weights.")],
    exclude: ExcludedCorpora = None,
    epochs: Annotated[int, typer.Option(help="Pretraining epochs over the raw text.")] = 3,
    seed: Annotated[int, typer.Option(help="Seed for sampling and pretraining.")] = 0,
    set_config: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help="spaCy config override KEY=VALUE (repeatable); give train-ner the same "
            "tok2vec overrides, e.g. components.tok2vec.model.encode.width=128.",
        ),
    ] = None,
) -> None:
    """Pretrain the NER's tok2vec on the corpora's raw German text (for train-ner --init-tok2vec).

    The raw text: every corpus' sentences (the event reports' training split only; the legal
    corpus capped) and the raw dewiki articles.
    """
    from pipeline.ner.pretrain import PretrainSettings, pretrain_tok2vec

    _setup_logging(quiet=False)
    if not data.is_dir():
        raise fail(f"data folder {data} does not exist")
    settings = PretrainSettings(
        data,
        out,
        exclude or [],
        epochs=epochs,
        seed=seed,
        overrides=_config_overrides(set_config or []),
    )
    try:
        weights = pretrain_tok2vec(settings)
    except ValueError as exc:
        raise fail(str(exc)) from None
    typer.echo(
        f"weights -> {weights}; train-ner --init-tok2vec {weights}/model{epochs - 1}.bin "
        f"--vectors-dir {out / 'vectors'}",
        err=True,
    )


def _config_overrides(pairs: list[str]) -> dict[str, object]:
    """``KEY=VALUE`` strings to spaCy overrides; values are read as JSON where they parse."""
    overrides: dict[str, object] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise fail(f"--set expects KEY=VALUE, got {pair!r}")
        try:
            overrides[key] = json.loads(value)
        except json.JSONDecodeError:
            overrides[key] = value
    return overrides


@app.command()
def bench(
    docs: Annotated[int, typer.Option(min=1, help="Reports in the generated corpus.")] = 1000,
    workers: Annotated[
        int, typer.Option(min=1, help="Also measure a run with this many worker processes.")
    ] = 1,
    repeat: Annotated[
        int, typer.Option(min=1, help="Repetitions per measurement; the fastest is kept.")
    ] = 1,
    model: Annotated[
        str | None, typer.Option(help="spaCy pipeline, as for run (default: as for run).")
    ] = None,
    examples: Annotated[
        Path | None,
        typer.Option(help="Folder of example reports to cycle over (default: the repo's corpus/)."),
    ] = None,
    profile: Annotated[
        bool,
        typer.Option(
            "--profile",
            help="Instead: CPU seconds and share of each pipeline component, and of reading, "
            "tokenizing, making rows and writing, over --docs reports in this process.",
        ),
    ] = False,
) -> None:
    """Words per second and peak memory of the spaCy pipeline alone and of a full run.

    Builds a corpus of --docs reports from the example reports in a temporary folder, then
    measures in fresh processes the base pipeline (nlp.pipe, no extractors) and the full run
    (read, extract, write) on the same texts, with --workers > 1 also a run with workers.
    With --profile, the CPU time of each pipeline component and of the stages around them.
    """
    from pipeline.bench import EXAMPLES_DIR
    from pipeline.bench import bench as run_bench
    from pipeline.bench import profile as run_profile

    folder = examples or EXAMPLES_DIR
    if not folder.is_dir():
        raise fail(f"example folder {folder} does not exist (pass --examples)")
    try:
        if profile:
            run_profile(docs, model, folder, echo=typer.echo)
        else:
            run_bench(docs, workers, repeat, model, folder, echo=typer.echo)
    except (RuntimeError, ValueError) as exc:
        raise fail(str(exc), 1) from None


def main() -> None:
    app()

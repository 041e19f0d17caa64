"""Command line: ``python -m pipeline COMMAND``. Exit codes: 0 success, 1 some documents
failed (run) or checks failed, 2 unusable arguments."""

from __future__ import annotations

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


@app.callback()
def _root() -> None:
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
        typer.Option(help="YYYY-MM-DD used for reports with no date of their own."),
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
) -> None:
    """Extract dates, places, organisations and figures from every report below INPUT_DIR.

    Writes documents, dates, places, organisations and figures tables to --out. Exit code 0
    when every document was processed, 1 when some were empty or failed (see documents.status),
    2 for unusable arguments.
    """
    from pipeline.nlp import ModelNotFound
    from pipeline.run import UsageError
    from pipeline.run import run as run_pipeline

    _setup_logging(quiet)
    if metadata is not None and not metadata.is_file():
        raise fail(f"metadata file {metadata} does not exist")
    try:
        summary = run_pipeline(input_dir, out, metadata, reference_date, model, fmt.value, quiet)
    except (UsageError, ModelNotFound) as exc:
        raise fail(str(exc)) from None
    if not quiet:
        facts = ", ".join(f"{n} {t}" for t, n in summary.facts.items())
        typer.echo(
            f"{summary.documents} documents ({summary.ok} ok, {summary.empty} empty, "
            f"{summary.error} error): {facts} -> {out}",
            err=True,
        )
    raise typer.Exit(summary.exit_code)


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
    """Score a run's tables against gold files: precision, recall and F1 per fact type."""
    import json

    from pipeline.evaluate import evaluate_run, format_report

    if not gold.is_dir():
        raise fail(f"gold folder {gold} does not exist")
    try:
        result = evaluate_run(gold, out)
    except FileNotFoundError as exc:
        raise fail(str(exc)) from None
    if as_json:
        typer.echo(json.dumps(result.as_dict(), indent=2))
    else:
        typer.echo(format_report(result, per_doc))


def main() -> None:
    app()

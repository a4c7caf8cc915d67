"""`eventwire code`: code articles into events."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..config import load_settings
from ..errors import EXIT_NOTHING_PROCESSED
from ..read import STDIN, Format, discover
from ..run import RunSummary, code_files
from . import app, err_console
from ._summary import LazyProgress, print_summary


def run_and_report(
    inputs: list[str], *, out: Path | None, docs_out: Path | None, summary_out: Path | None,
    settings, quiet: bool, db: Path | None = None,
) -> RunSummary:
    paths = discover(inputs)
    single_doc = all(p != STDIN and Format.sniff(Path(p)) in (Format.TXT, Format.HTML) for p in paths)
    progress = LazyProgress(err_console, len(paths) if single_doc else None, enabled=not quiet)
    try:
        summary = code_files(paths, settings, events_out=out, docs_out=docs_out, db=db, on_document=progress.advance)
    finally:
        progress.stop()
    if summary_out:
        summary_out.parent.mkdir(parents=True, exist_ok=True)
        summary_out.write_text(json.dumps(summary.as_dict(), indent=2, ensure_ascii=False), encoding="utf-8")
    if not quiet:
        print_summary(err_console, summary)
        if db:
            err_console.print(f"event store: {db} ({summary.already_stored} document(s) already there, "
                              f"{summary.stored_mentions} new event mention(s))", highlight=False)
    return summary


@app.command()
def code(
    inputs: Annotated[list[str], typer.Argument(
        help="Articles: .txt, .html/.htm, .jsonl/.json/.csv files, folders (searched recursively), globs, or - for JSONL on stdin.",
        show_default=False)],
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Also write the events to a file; the extension picks the format: .jsonl, .csv (GDELT column names) or .parquet.")] = None,
    db: Annotated[Path, typer.Option("--db", help="Event store (DuckDB) that collects documents, mentions and deduplicated events; adding the same articles again adds nothing.")] = Path("eventwire.duckdb"),
    no_db: Annotated[bool, typer.Option("--no-db", help="Do not use an event store (files only).")] = False,
    docs_out: Annotated[Optional[Path], typer.Option("--docs-out", help="Also write one row per input document (cleaned text, date, language, skip reason): .jsonl, .csv or .parquet.")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1, help="Processes for spaCy parsing.")] = None,
    batch_size: Annotated[Optional[int], typer.Option("--batch-size", min=1, help="Documents per parsing batch.")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="YAML file overriding any default setting (see `eventwire settings`).")] = None,
    min_confidence: Annotated[Optional[float], typer.Option("--min-confidence", min=0.0, max=1.0, help="Write only events at least this confident (0-1).")] = None,
    actors: Annotated[Optional[Path], typer.Option("--actors", help="Your own actors YAML, added to / overriding the knowledge base.")] = None,
    summary_out: Annotated[Optional[Path], typer.Option("--summary-out", help="Write the run summary (counts, reasons, settings, versions) as JSON.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar and no summary on stderr.")] = False,
) -> None:
    """Code news articles into events (CAMEO/PLOVER), with each document's fate in the summary.

    Exit status: 0 when at least one document was processed, 3 when none could be, 4 when an
    input is missing, 5 for invalid settings (see README for all codes).
    """
    settings = load_settings(config, workers=workers, batch_size=batch_size, actors_file=str(actors) if actors else None,
                             min_confidence=min_confidence)
    summary = run_and_report(inputs, out=out, docs_out=docs_out, summary_out=summary_out, settings=settings,
                             quiet=quiet, db=None if no_db else db)
    if summary.processed == 0 and summary.already_stored == 0:
        err_console.print("[bold red]error[/] nothing could be processed", highlight=False)
        raise typer.Exit(EXIT_NOTHING_PROCESSED)

"""`eventwire demo`: code the sample articles bundled with the package."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from ..config import load_settings
from ..errors import EXIT_NOTHING_PROCESSED
from . import app, err_console
from .code import run_and_report


def samples_dir() -> Path:
    return Path(str(resources.files("eventwire").joinpath("samples", "articles")))


@app.command()
def demo(
    out_dir: Annotated[Path, typer.Option("--out-dir", help="Where to write events.jsonl, documents.jsonl, summary.json and the event store demo.duckdb.")] = Path("demo-out"),
) -> None:
    """Code the bundled sample corpus (illustrative articles written for eventwire); needs no input and no network."""
    source = samples_dir()
    err_console.print(f"Coding the bundled sample corpus in {source}", highlight=False)
    summary = run_and_report(
        [str(source)], out=out_dir / "events.jsonl", docs_out=out_dir / "documents.jsonl",
        summary_out=out_dir / "summary.json", settings=load_settings(), quiet=False, db=out_dir / "demo.duckdb",
    )
    err_console.print(f"Outputs in {out_dir}/: events.jsonl, documents.jsonl, summary.json", highlight=False)
    if summary.processed == 0:
        raise typer.Exit(EXIT_NOTHING_PROCESSED)

"""`eventwire export`: the event store in GDELT, PLOVER or Parquet form."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..store.exports import ExportFormat, export
from . import app, err_console
from .query import DB_OPTION, _open


@app.command("export")
def export_command(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="gdelt-csv (GDELT 2.0 event table, 61 columns), gdelt-mentions, plover-jsonl or parquet.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write.")],
    db: Annotated[Path, DB_OPTION] = Path("eventwire.duckdb"),
    header: Annotated[bool, typer.Option("--header/--no-header", help="Column names as the first row (GDELT's own files have none).")] = True,
) -> None:
    """Export the deduplicated events (or their mentions) in a format other tools read."""
    with _open(db) as store:
        n = export(store.con, fmt, out, header=header)
    err_console.print(f"{n} row(s) written to {out}", highlight=False)

"""`eventwire eval`: accuracy on a gold file, with an optional gate on pinned floors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from ..config import load_settings
from ..evaluate import evaluate
from . import app, err_console

EXIT_BELOW_FLOOR = 9


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Gold file: PLOVER GSR, PETR2 or seeds_expected JSON Lines.", exists=True, dir_okay=False)],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    docs: Annotated[Optional[Path], typer.Option("--docs", help="Articles for seeds_expected (default: ../seeds beside the gold folder).")] = None,
    floors: Annotated[Optional[Path], typer.Option("--floors", help="JSON of minimum scores per format; exit 9 when one is not reached.")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="YAML settings file.")] = None,
) -> None:
    """Score eventwire on a gold file: per-type precision/recall/F1, type, source and target country and
    full-triple accuracy (PLOVER GSR); CAMEO root and full accuracy (PETR2); core-event recall (seeds)."""
    scores = evaluate(gold, load_settings(config), docs)
    if as_json:
        typer.echo(json.dumps(scores, indent=2, ensure_ascii=False))
    else:
        _print(scores)
    if floors:
        pinned = json.loads(floors.read_text(encoding="utf-8")).get(scores["format"], {})
        failed = {k: (scores.get(k), v) for k, v in pinned.items() if (scores.get(k) or 0) < v}
        for key, (got, floor) in failed.items():
            err_console.print(f"[bold red]below floor[/] {scores['format']} {key}: {got} < {floor}", highlight=False)
        if failed:
            raise typer.Exit(EXIT_BELOW_FLOOR)


def _print(scores: dict) -> None:
    console = Console()
    table = Table(title=f"eventwire eval — {scores['format']} ({scores['records']} records)", title_justify="left")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for key, value in scores.items():
        if isinstance(value, float):
            table.add_row(key, f"{value:.3f}")
    console.print(table)
    if "per_type" in scores:
        per = Table("type", "precision", "recall", "F1", "support", title="per PLOVER type", title_justify="left")
        for label, row in scores["per_type"].items():
            per.add_row(label, f"{row['precision']:.2f}", f"{row['recall']:.2f}", f"{row['f1']:.2f}", str(row["support"]))
        console.print(per)
    if "details" in scores:
        det = Table("doc", "core", "pair", "found", "cameo", title="expected events", title_justify="left")
        for row in scores["details"]:
            det.add_row(row["doc"], str(row["core"]), "-".join(row["pair"]), "yes" if row["found"] else "NO", row["event"] or "")
        console.print(det)

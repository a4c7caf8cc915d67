"""`eventwire events | timeline | dyads | actors`: questions to an event store."""

from __future__ import annotations

import enum
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from ..errors import InputError
from ..store import Store
from ..store.queries import FREQUENCIES
from . import app

DB_OPTION = typer.Option("--db", help="Event store written by `eventwire code`.")


class TableFormat(str, enum.Enum):
    table = "table"
    csv = "csv"
    json = "json"


FORMAT_OPTION = typer.Option("--format", "-f", help="table (for reading), csv or json.")


def _open(db: Path) -> Store:
    if not db.exists():
        raise InputError(f"no event store at {db}", hint="create one with `eventwire code ARTICLES --db FILE`")
    return Store(db)


def show(frame: pd.DataFrame, fmt: TableFormat, title: str) -> None:
    if fmt is TableFormat.csv:
        frame.to_csv(sys.stdout, index=False)
    elif fmt is TableFormat.json:
        typer.echo(frame.to_json(orient="records", date_format="iso", force_ascii=False))
    else:
        table = Table(*[str(c) for c in frame.columns], title=title, title_justify="left")
        for row in frame.itertuples(index=False):
            table.add_row(*[_cell(v) for v in row])
        Console(width=None if Console().is_terminal else 220).print(table)


def _cell(value) -> str:
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return str(value)


@app.command()
def events(
    db: Annotated[Path, DB_OPTION] = Path("eventwire.duckdb"),
    actor: Annotated[Optional[str], typer.Option(help="Country code (AZE) or part of an actor's name.")] = None,
    dyad: Annotated[Optional[str], typer.Option(help="Two country codes, either direction: AZE-TUR.")] = None,
    type_: Annotated[Optional[str], typer.Option("--type", help="PLOVER event type, e.g. CONSULT.")] = None,
    root: Annotated[Optional[str], typer.Option(help="CAMEO root code, e.g. 04.")] = None,
    quad: Annotated[Optional[int], typer.Option(min=1, max=4, help="QuadClass 1-4.")] = None,
    since: Annotated[Optional[str], typer.Option(help="First date (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Last date (YYYY-MM-DD).")] = None,
    min_sources: Annotated[Optional[int], typer.Option(help="Only events reported by at least this many sources.")] = None,
    text: Annotated[Optional[str], typer.Option(help="Words that the evidence sentence contains.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many events.")] = 100,
    fmt: Annotated[TableFormat, FORMAT_OPTION] = TableFormat.table,
) -> None:
    """List deduplicated events, one row per real-world event, with mention and source counts."""
    pair = tuple(dyad.replace(",", "-").split("-")) if dyad else None
    if pair is not None and len(pair) != 2:
        raise typer.BadParameter("give two country codes, e.g. AZE-TUR", param_hint="--dyad")
    with _open(db) as store:
        frame = store.events(actor=actor, dyad=pair, plover=type_, root=root, quad_class=quad,
                             since=date.fromisoformat(since) if since else None,
                             until=date.fromisoformat(until) if until else None,
                             min_sources=min_sources, text=text, limit=limit)
    show(frame, fmt, f"events ({len(frame)})")


@app.command()
def timeline(
    country_a: Annotated[str, typer.Argument(help="First country code, e.g. AZE.")],
    country_b: Annotated[str, typer.Argument(help="Second country code, e.g. TUR.")],
    db: Annotated[Path, DB_OPTION] = Path("eventwire.duckdb"),
    freq: Annotated[str, typer.Option(help="day, week, month or year.")] = "month",
    plot: Annotated[Optional[Path], typer.Option(help="Also draw the timeline to this .png or .svg file.")] = None,
    fmt: Annotated[TableFormat, FORMAT_OPTION] = TableFormat.table,
) -> None:
    """Events between two countries (both directions) per period and QuadClass, with mean Goldstein."""
    if freq not in FREQUENCIES:
        raise typer.BadParameter(f"one of {', '.join(FREQUENCIES)}", param_hint="--freq")
    with _open(db) as store:
        frame = store.timeline(country_a, country_b, freq)
    show(frame, fmt, f"{country_a.upper()}–{country_b.upper()} by {freq}")
    if plot:
        _plot(frame, plot, f"{country_a.upper()}–{country_b.upper()}")


def _plot(frame: pd.DataFrame, path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8, 3.5))
    names = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
    if not frame.empty:
        pivot = frame.pivot_table(index="period", columns="quad_class", values="events", aggfunc="sum").fillna(0)
        pivot.rename(columns=names).plot(kind="bar", stacked=True, ax=ax)
        ax.set_xticklabels([str(p)[:10] for p in pivot.index], rotation=45, ha="right")
    ax.set_title(f"{title}: events per period")
    ax.set_ylabel("events")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)


@app.command()
def dyads(
    db: Annotated[Path, DB_OPTION] = Path("eventwire.duckdb"),
    limit: Annotated[int, typer.Option(help="How many pairs.")] = 20,
    fmt: Annotated[TableFormat, FORMAT_OPTION] = TableFormat.table,
) -> None:
    """The most active pairs of countries, with their balance of cooperation and conflict."""
    with _open(db) as store:
        show(store.dyads(limit), fmt, "dyads")


@app.command()
def actors(
    db: Annotated[Path, DB_OPTION] = Path("eventwire.duckdb"),
    limit: Annotated[int, typer.Option(help="How many actors.")] = 20,
    fmt: Annotated[TableFormat, FORMAT_OPTION] = TableFormat.table,
) -> None:
    """The most active actors (persons, bodies and states) in the event mentions."""
    with _open(db) as store:
        show(store.actors(limit), fmt, "actors")

"""`eventwire mentions`: each actor mention with the actor it resolves to."""

from __future__ import annotations

import enum
import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from ..config import load_settings
from ..nlp import Parsed
from ..pipeline import Pipeline, default_stages
from ..read import discover, read_inputs
from . import app, err_console

MENTION_FIELDS = ["doc_id", "text", "start", "end", "name", "country", "sector", "role", "kind"]


class MentionFormat(str, enum.Enum):
    table = "table"
    jsonl = "jsonl"


@app.command()
def mentions(
    inputs: Annotated[list[str], typer.Argument(help="Articles, as for `eventwire code`.", show_default=False)],
    fmt: Annotated[MentionFormat, typer.Option("--format", "-f", help="table (for reading) or jsonl (one mention per line).")] = MentionFormat.table,
    actors: Annotated[Optional[Path], typer.Option("--actors", help="Your own actors YAML, added to / overriding the knowledge base (README: 'Actor knowledge base').")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="YAML settings file.")] = None,
    places: Annotated[bool, typer.Option("--places", help="Also list places named as where something happened.")] = False,
) -> None:
    """Print every actor mention (person, title, state, organisation, group, pronoun) with its coded actor:
    name, country (ISO alpha-3 or IGO/NGO code), sector and role, resolved as of the document's date."""
    settings = load_settings(config, actors_file=str(actors) if actors else None)
    paths = discover(inputs)
    table = Table(*MENTION_FIELDS[:1], "sent", *MENTION_FIELDS[1:], show_lines=False)
    out = Console(soft_wrap=True, width=None if Console().is_terminal else 200)
    for item in Pipeline(default_stages(settings))(read_inputs(paths, settings)):
        if not isinstance(item, Parsed):
            reason = getattr(item, "reason", None) or getattr(item, "skip_reason", "")
            err_console.print(f"[yellow]not coded[/] {item.origin}: {reason}", highlight=False)
            continue
        rows = [asdict(m) for m in item.mentions]
        if places:
            rows += [dict(asdict(p), sector=None, role=None, kind="place") for p in item.places]
            rows.sort(key=lambda r: r["start"])
        for row in rows:
            record = {k: row.get(k) for k in MENTION_FIELDS}
            if fmt is MentionFormat.jsonl:
                out.print(json.dumps(record, ensure_ascii=False), markup=False, highlight=False)
            else:
                table.add_row(record["doc_id"], str(row.get("sent", "")), record["text"], str(record["start"]),
                              str(record["end"]), record["name"] or "", record["country"] or "", record["sector"] or "",
                              record["role"] or "", record["kind"])
    if fmt is MentionFormat.table:
        out.print(table)

"""`eventwire settings`: every setting with its default and what it does."""

from __future__ import annotations

from typing import Annotated, Optional
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from ..config import Settings, load_settings
from . import app


@app.command("settings")
def show_settings(
    config: Annotated[Optional[Path], typer.Option("--config", help="Show the settings resolved with this YAML file.")] = None,
) -> None:
    """List the settings (defaults, or resolved with --config); any subset can go in a --config YAML file."""
    resolved = load_settings(config)
    table = Table("setting", "value", "what it does")
    for name, info in Settings.model_fields.items():
        table.add_row(name, repr(getattr(resolved, name)), info.description or "")
    Console().print(table)

"""Command line: one module per command, each a thin wrapper over a library function.

An :class:`~eventwire.errors.EventwireError` becomes one red line on stderr and the error's exit
code (see README, "Exit codes"); a traceback means a bug.
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from ..errors import EventwireError

app = typer.Typer(
    name="eventwire",
    help=(
        "Turn news articles into political event data: who did what to whom, when and where.\n\n"
        "Start with `eventwire demo` (codes the bundled sample articles), then "
        "`eventwire code ARTICLES... -o events.jsonl`."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True)

from . import code, demo, eval, export, mentions, query, settings, train  # noqa: E402,F401  (registers the commands)


def main() -> None:
    try:
        app()
    except EventwireError as exc:
        err_console.print(f"[bold red]error[/] {exc}", highlight=False)
        sys.exit(exc.exit_code)

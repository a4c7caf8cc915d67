"""Rendering of a run summary and the lazily started progress bar, shared by commands."""

from __future__ import annotations

import time

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..run import RunSummary


class LazyProgress:
    """A progress bar on stderr that appears only once a run has lasted ``after`` seconds."""

    def __init__(self, console: Console, total: int | None, *, after: float = 2.0, enabled: bool = True) -> None:
        self.console, self.total, self.after, self.enabled = console, total, after, enabled
        self.started_at = time.perf_counter()
        self.progress: Progress | None = None
        self.task = None
        self.done = 0

    def advance(self, *_: object) -> None:
        self.done += 1
        if not self.enabled:
            return
        if self.progress is None and time.perf_counter() - self.started_at >= self.after:
            self.progress = Progress(
                SpinnerColumn(), TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=self.console, transient=True,
            )
            self.progress.start()
            self.task = self.progress.add_task("coding", total=self.total, completed=self.done)
        if self.progress is not None:
            self.progress.update(self.task, completed=self.done)

    def stop(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def print_summary(console: Console, summary: RunSummary, *, max_problems: int = 20) -> None:
    table = Table(title="eventwire run", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("documents read", str(summary.documents_read))
    table.add_row("processed", str(summary.processed))
    table.add_row("skipped", str(summary.skipped))
    table.add_row("failed", str(summary.failed))
    table.add_row("sentences", str(summary.sentences))
    table.add_row("events", str(summary.events))
    table.add_row("seconds", f"{summary.seconds:.2f}")
    table.add_row("documents / second", f"{summary.docs_per_second:.1f}")
    console.print(table)
    if summary.problems:
        console.print(f"[yellow]{summary.skipped + summary.failed} document(s) not coded:[/]")
        for line in summary.problems[:max_problems]:
            console.print(f"  - {line}", highlight=False, markup=False)
        if len(summary.problems) > max_problems:
            console.print(f"  … and {len(summary.problems) - max_problems} more (see the documents output)")

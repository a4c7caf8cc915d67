"""Event store: documents, mentions and deduplicated events in one embedded DuckDB database.

``db`` holds ingestion and dedup, ``dedup`` the rules, ``queries`` what users ask, ``exports`` the
GDELT/PLOVER/Parquet exports, ``schema`` the versioned migrations.
"""

from __future__ import annotations

from pathlib import Path

from .queries import EventFilter


class Store:
    """Read access to an event store from Python: ``eventwire.open("news.duckdb").events(dyad=("AZE", "TUR"))``."""

    def __init__(self, path: str | Path) -> None:
        import duckdb

        self.path = str(path)
        self.con = duckdb.connect(self.path, read_only=True)

    def events(self, **filters):
        from .queries import events

        return events(self.con, EventFilter(**{k: v for k, v in filters.items() if v is not None}))

    def timeline(self, a: str, b: str, freq: str = "month"):
        from .queries import timeline

        return timeline(self.con, a, b, freq)

    def dyads(self, limit: int = 20):
        from .queries import dyads

        return dyads(self.con, limit)

    def actors(self, limit: int = 20):
        from .queries import actors

        return actors(self.con, limit)

    def sql(self, query: str, params=None):
        return self.con.execute(query, params or []).df()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open(path: str | Path) -> Store:  # noqa: A001 - mirrors sqlite3.connect / duckdb.connect naming
    return Store(path)


__all__ = ["EventFilter", "Store", "open"]

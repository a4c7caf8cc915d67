"""Questions users ask of an event store, as SQL over DuckDB returning pandas frames."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

EVENT_COLUMNS = ("event_id, date, source_country, source_sector, source_name, target_country, target_sector, "
                 "target_name, plover_event, plover_mode, cameo, quad_class, goldstein, location_name, "
                 "location_country, num_mentions, num_sources, num_documents, is_intent, related_event_id, "
                 "confidence, sentence, doc_id")
FREQUENCIES = {"day": "day", "week": "week", "month": "month", "year": "year"}


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None  # a country code, or part of an actor's name
    dyad: tuple[str, str] | None = None
    plover: str | None = None
    root: str | None = None
    quad_class: int | None = None
    since: date | None = None
    until: date | None = None
    min_sources: int | None = None
    text: str | None = None
    include_intents: bool = True
    limit: int | None = None

    def where(self) -> tuple[str, list]:
        clauses, params = ["TRUE"], []
        if self.actor:
            clauses.append("(source_country = ? OR target_country = ? OR source_name ILIKE ? OR target_name ILIKE ?)")
            params += [self.actor.upper(), self.actor.upper(), f"%{self.actor}%", f"%{self.actor}%"]
        if self.dyad:
            a, b = (x.upper() for x in self.dyad)
            clauses.append("((source_country = ? AND target_country = ?) OR (source_country = ? AND target_country = ?))")
            params += [a, b, b, a]
        if self.plover:
            clauses.append("plover_event = ?")
            params.append(self.plover.upper())
        if self.root:
            clauses.append("left(cameo, 2) = ?")
            params.append(self.root.zfill(2))
        if self.quad_class:
            clauses.append("quad_class = ?")
            params.append(self.quad_class)
        if self.since:
            clauses.append("date >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("date <= ?")
            params.append(self.until)
        if self.min_sources:
            clauses.append("num_sources >= ?")
            params.append(self.min_sources)
        if self.text:
            clauses.append("sentence ILIKE ?")
            params.append(f"%{self.text}%")
        if not self.include_intents:
            clauses.append("NOT is_intent")
        return " AND ".join(clauses), params


def events(con: duckdb.DuckDBPyConnection, flt: EventFilter = EventFilter()) -> pd.DataFrame:
    where, params = flt.where()
    limit = f" LIMIT {int(flt.limit)}" if flt.limit else ""
    return con.execute(f"SELECT {EVENT_COLUMNS} FROM events WHERE {where} ORDER BY date NULLS LAST, event_id{limit}",
                       params).df()


def timeline(con: duckdb.DuckDBPyConnection, a: str, b: str, freq: str = "month") -> pd.DataFrame:
    """Events between two countries (either direction) per period and QuadClass, with mean Goldstein."""
    unit = FREQUENCIES[freq]
    return con.execute(f"""
        SELECT date_trunc('{unit}', date)::DATE AS period, quad_class, count(*) AS events,
               round(avg(goldstein), 2) AS mean_goldstein, sum(num_mentions)::INTEGER AS mentions
        FROM events
        WHERE date IS NOT NULL AND NOT is_intent AND
              ((source_country = $a AND target_country = $b) OR (source_country = $b AND target_country = $a))
        GROUP BY ALL ORDER BY period, quad_class""", {"a": a.upper(), "b": b.upper()}).df()


def dyads(con: duckdb.DuckDBPyConnection, limit: int = 20) -> pd.DataFrame:
    """Most active pairs of countries and their balance of cooperation (QuadClass 1-2) and conflict (3-4)."""
    return con.execute(f"""
        SELECT least(source_country, target_country) AS country_a, greatest(source_country, target_country) AS country_b,
               count(*) AS events, sum(CASE WHEN quad_class <= 2 THEN 1 ELSE 0 END)::INTEGER AS cooperation,
               sum(CASE WHEN quad_class >= 3 THEN 1 ELSE 0 END)::INTEGER AS conflict, round(avg(goldstein), 2) AS mean_goldstein
        FROM events WHERE target_country IS NOT NULL AND source_country IS NOT NULL
              AND source_country <> target_country AND NOT is_intent
        GROUP BY ALL ORDER BY events DESC, country_a, country_b LIMIT {int(limit)}""").df()


def actors(con: duckdb.DuckDBPyConnection, limit: int = 20) -> pd.DataFrame:
    return con.execute(f"SELECT * FROM actors WHERE country IS NOT NULL "
                       f"ORDER BY num_mentions DESC, name LIMIT {int(limit)}").df()

"""The embedded event store (DuckDB): documents, event mentions, deduplicated events, runs.

Ingestion is incremental and idempotent: a document already stored (same content hash) is not
read again, and each batch of documents commits in one transaction with its mentions and event
updates, so a run killed at any point leaves a consistent database and a re-run resumes after
the last committed batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb

from ..errors import OutputError
from ..nlp import Parsed
from ..records import Document, Event, Failure, content_hash
from .dedup import DedupRules, Key, is_intent, same_event
from .schema import migrate

DEFAULT_DB = "eventwire.duckdb"


def failure_hash(f: Failure) -> str:
    return content_hash(f"failure|{f.origin}|{f.code}")


def _flat(event: Event, doc: Document) -> dict[str, Any]:
    e = asdict(event)
    row = {"date": event.date, "date_exact": event.date_exact}
    for side in ("source", "target"):
        actor = e[side] or {}
        for k in ("text", "name", "country", "sector"):
            row[f"{side}_{k}"] = actor.get(k)
    loc = e["location"] or {}
    row.update(
        plover_event=event.plover.event, plover_mode=event.plover.mode, plover_context=event.plover.context,
        cameo=event.cameo, quad_class=event.quad_class, goldstein=event.goldstein,
        location_name=loc.get("name"), location_country=loc.get("country"), lat=loc.get("lat"), lon=loc.get("lon"),
        sentence=event.evidence.sentence, confidence=event.confidence, modality=event.modality,
    )
    return row


class EventStore:
    def __init__(self, path: str | Path, *, rules: DedupRules | None = None, country_names: set[str] | None = None,
                 read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise OutputError(f"cannot open the event store {self.path}: {exc}") from exc
        if not read_only:
            migrate(self.con)
        self.rules = rules or DedupRules()
        self.country_names = country_names or set()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "EventStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- runs ---------------------------------------------------------------------------

    def start_run(self, run_id: str, versions: dict, settings: dict) -> None:
        self.con.execute("INSERT INTO runs VALUES (?, ?, NULL, 'running', ?, ?, 0, 0, 0)",
                         [run_id, _now(), json.dumps(versions), json.dumps(settings)])

    def finish_run(self, run_id: str, documents: int, new_documents: int, mentions: int) -> None:
        self.con.execute("UPDATE runs SET finished = ?, status = 'complete', documents = ?, new_documents = ?, "
                         "mentions = ? WHERE run_id = ?", [_now(), documents, new_documents, mentions, run_id])

    # --- ingestion ------------------------------------------------------------------------

    def known(self, key: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE content_hash = ?", [key]).fetchone() is not None

    def skip_known(self, items: Iterable[Document | Failure], counter: dict | None = None) -> Iterator[Document | Failure]:
        """Drop documents the store already holds, before any parsing is spent on them."""
        for item in items:
            key = item.content_hash if isinstance(item, Document) else failure_hash(item)
            if self.known(key):
                if counter is not None:
                    counter["known"] = counter.get("known", 0) + 1
                continue
            yield item

    def add_batch(self, items: list[Any], run_id: str) -> int:
        """Store a batch of pipeline items (documents, failures, parses) atomically; return new mentions."""
        added = 0
        self.con.execute("BEGIN TRANSACTION")
        try:
            seq = self.con.execute("SELECT coalesce(max(seq), 0) FROM documents").fetchone()[0]
            for item in items:
                seq += 1
                added += self._add_item(item, run_id, seq)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return added

    def _add_item(self, item: Any, run_id: str, seq: int) -> int:
        if isinstance(item, Failure):
            self.con.execute(
                "INSERT OR IGNORE INTO documents (content_hash, doc_id, origin, status, skip_code, skip_reason, run_id, seq) "
                "VALUES (?, ?, ?, 'failed', ?, ?, ?, ?)",
                [failure_hash(item), item.doc_id, item.origin, item.code, item.reason, run_id, seq])
            return 0
        parsed = item if isinstance(item, Parsed) else None
        doc = parsed.document if parsed else item
        status = "processed" if parsed else "skipped"
        n_sents = sum(1 for _ in parsed.doc.sents) if parsed else None
        self.con.execute(
            "INSERT OR IGNORE INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [doc.content_hash, doc.id, doc.origin, doc.title, doc.url, doc.source_name, doc.published, doc.date_source,
             doc.language, status, doc.skip_code, doc.skip_reason, n_sents, doc.body, run_id, seq])
        if not parsed:
            return 0
        for event in parsed.events:
            self._add_mention(event, doc, run_id, seq)
        return len(parsed.events)

    def _add_mention(self, event: Event, doc: Document, run_id: str, seq: int) -> None:
        row = _flat(event, doc)
        outlet = doc.source_name or (doc.url.split("/")[2] if doc.url and "//" in doc.url else None) or doc.origin
        intent = is_intent(event.modality, event.cameo)
        event_id = self._match(row, intent) or self._new_event(event.event_id, row, intent, doc)
        _insert(self.con, "mentions", [event.event_id, event_id, doc.content_hash, doc.id, run_id, *row.values(),
                                       event.evidence.start, event.evidence.end, doc.published, outlet, doc.url, seq])
        self._refresh(event_id)
        if intent:
            self._link_intent(event_id)
            return
        # An occurrence may be what an earlier announcement of the same dyad was about.
        src, tgt = row["source_country"], row["target_country"]
        for (intent_id,) in self.con.execute(
                "SELECT event_id FROM events WHERE is_intent AND related_event_id IS NULL AND plover_event = ? AND "
                "((source_country = ? AND target_country IS NOT DISTINCT FROM ?) OR (source_country = ? AND target_country = ?)) "
                "ORDER BY event_id", [row["plover_event"], src, tgt, tgt, src]).fetchall():
            self._link_intent(intent_id)

    def _candidates(self, row: dict, intent: bool) -> list[dict]:
        key = Key(row["plover_event"], intent, row["source_country"], row["target_country"])
        out = []
        for src, tgt in key.dyads(self.rules):
            cur = self.con.execute(
                "SELECT * FROM events WHERE plover_event = ? AND is_intent = ? AND source_country IS NOT DISTINCT FROM ? "
                "AND target_country IS NOT DISTINCT FROM ? ORDER BY event_id", [key.plover_event, intent, src, tgt])
            cols = [d[0] for d in cur.description]
            out += [dict(zip(cols, r)) for r in cur.fetchall()]
        return out

    def _match(self, row: dict, intent: bool) -> str | None:
        matches = [e for e in self._candidates(row, intent) if same_event(row, e, self.rules, self.country_names)]
        if not matches:
            return None
        best = min(matches, key=lambda e: (abs((e["date"] - row["date"]).days) if e["date"] and row["date"] else 0, e["event_id"]))
        return best["event_id"]

    def _new_event(self, event_id: str, row: dict, intent: bool, doc: Document) -> str:
        _insert(self.con, "events", [event_id, *row.values(), intent, None, 0, 0, 0, doc.published, doc.published,
                                     event_id, doc.id])
        return event_id

    def _refresh(self, event_id: str) -> None:
        """Counts, report dates and best evidence of an event, from its mentions and linked announcements."""
        self.con.execute("""
            WITH own AS (SELECT * FROM mentions WHERE event_id = $id OR event_id IN
                         (SELECT event_id FROM events WHERE related_event_id = $id)),
                 best AS (SELECT * FROM mentions WHERE event_id = $id
                          ORDER BY confidence DESC, date_exact DESC, mention_id LIMIT 1)
            UPDATE events SET
                num_mentions = (SELECT count(*) FROM own),
                num_documents = (SELECT count(DISTINCT doc_hash) FROM own),
                num_sources = (SELECT count(DISTINCT outlet) FROM own),
                first_report = (SELECT min(published) FROM own),
                last_report = (SELECT max(published) FROM own),
                best_mention_id = (SELECT mention_id FROM best),
                sentence = (SELECT sentence FROM best),
                confidence = (SELECT confidence FROM best),
                doc_id = (SELECT doc_id FROM best),
                date = (SELECT date FROM best), date_exact = (SELECT date_exact FROM best)
            WHERE event_id = $id""", {"id": event_id})

    def _link_intent(self, intent_id: str) -> None:
        row = self.con.execute("SELECT plover_event, source_country, target_country, date FROM events WHERE event_id = ?",
                               [intent_id]).fetchone()
        plover_event, src, tgt, planned = row
        if planned is None:
            return
        match = self.con.execute(
            "SELECT event_id FROM events WHERE NOT is_intent AND plover_event = ? AND "
            "((source_country = ? AND target_country IS NOT DISTINCT FROM ?) OR (source_country = ? AND target_country = ?)) "
            "AND date IS NOT NULL AND abs(date_diff('day', date, ?)) <= ? ORDER BY abs(date_diff('day', date, ?)), event_id LIMIT 1",
            [plover_event, src, tgt, tgt, src, planned, self.rules.link_window_days, planned]).fetchone()
        if match:
            self.con.execute("UPDATE events SET related_event_id = ? WHERE event_id = ?", [match[0], intent_id])
            self._refresh(match[0])

    # --- reading ----------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "mentions", "events", "runs")}


def _insert(con: duckdb.DuckDBPyConnection, table: str, values: list[Any]) -> None:
    con.execute(f"INSERT OR IGNORE INTO {table} VALUES ({', '.join(['?'] * len(values))})", values)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")

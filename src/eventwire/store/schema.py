"""The event store's schema, as named migrations applied in order and recorded in the database."""

from __future__ import annotations

import duckdb

_ACTOR_COLUMNS = "{p}_text VARCHAR, {p}_name VARCHAR, {p}_country VARCHAR, {p}_sector VARCHAR"
_CODED = (
    "date DATE, date_exact BOOLEAN, "
    + _ACTOR_COLUMNS.format(p="source") + ", " + _ACTOR_COLUMNS.format(p="target") + ", "
    "plover_event VARCHAR, plover_mode VARCHAR, plover_context VARCHAR, cameo VARCHAR, quad_class TINYINT, "
    "goldstein DOUBLE, location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE, "
    "sentence VARCHAR, confidence DOUBLE, modality VARCHAR"
)

MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "initial tables", f"""
        CREATE TABLE runs (
            run_id VARCHAR PRIMARY KEY, started VARCHAR, finished VARCHAR, status VARCHAR,
            versions JSON, settings JSON, documents INTEGER, new_documents INTEGER, mentions INTEGER);
        CREATE TABLE documents (
            content_hash VARCHAR PRIMARY KEY, doc_id VARCHAR, origin VARCHAR, title VARCHAR, url VARCHAR,
            source_name VARCHAR, published DATE, date_source VARCHAR, language VARCHAR, status VARCHAR,
            skip_code VARCHAR, skip_reason VARCHAR, n_sentences INTEGER, body VARCHAR, run_id VARCHAR, seq BIGINT);
        CREATE TABLE mentions (
            mention_id VARCHAR PRIMARY KEY, event_id VARCHAR, doc_hash VARCHAR, doc_id VARCHAR, run_id VARCHAR,
            {_CODED}, sent_start INTEGER, sent_end INTEGER, published DATE, outlet VARCHAR, url VARCHAR, seq BIGINT);
        CREATE TABLE events (
            event_id VARCHAR PRIMARY KEY, {_CODED},
            is_intent BOOLEAN, related_event_id VARCHAR, num_mentions INTEGER, num_sources INTEGER,
            num_documents INTEGER, first_report DATE, last_report DATE, best_mention_id VARCHAR, doc_id VARCHAR);
        CREATE VIEW actors AS
            SELECT name, country, sector, count(*) AS num_mentions, count(DISTINCT doc_hash) AS num_documents
            FROM (SELECT coalesce(source_name, source_text) AS name, source_country AS country,
                         source_sector AS sector, doc_hash FROM mentions
                  UNION ALL
                  SELECT coalesce(target_name, target_text), target_country, target_sector, doc_hash
                  FROM mentions WHERE target_country IS NOT NULL)
            GROUP BY ALL;
    """),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply the migrations the database has not seen; return the schema version."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    for version, name, sql in MIGRATIONS:
        if version in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)", [version, name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION

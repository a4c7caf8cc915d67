"""Multi-document files: JSON Lines, JSON arrays and CSV, one article per record.

Each record needs ``text``; ``id``, ``title``, ``date``, ``url`` and ``source`` are optional.
A bad record is a :class:`~eventwire.records.Failure` naming its line; the rest of the file
is still read (sqlite-utils' ``rows_from_file`` keeps the same policy explicit).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import dateparser

from ..records import Document, Failure, content_hash
from .decode import DecodeFailed, check_size

_DATE_SETTINGS = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}


def parse_field_date(value: Any) -> date | None:
    """A record's ``date`` field: ISO first, then any full date dateparser recognises."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    parsed = dateparser.parse(text, languages=["en"], settings=_DATE_SETTINGS)
    return parsed.date() if parsed else None


def document_from_record(record: Any, *, origin: str, fmt: str, limit: int) -> Document | Failure:
    if not isinstance(record, dict):
        return Failure(origin, "F105", f"malformed JSON: expected an object, got {type(record).__name__}")
    text = record.get("text")
    doc_id = str(record["id"]) if record.get("id") not in (None, "") else None
    if not isinstance(text, str) or not text.strip():
        code = "F110" if text is None else "F101"
        why = "missing text field" if text is None else "empty text"
        return Failure(origin, code, why, doc_id=doc_id)
    try:
        check_size(len(text.encode("utf-8")), limit)
    except DecodeFailed as exc:
        return exc.failure(origin, doc_id)
    published = parse_field_date(record.get("date"))
    return Document(
        id=doc_id or content_hash(text),
        text=text,
        title=record.get("title") or None,
        url=record.get("url") or None,
        published=published,
        date_source="field" if published else None,
        source_name=record.get("source") or None,
        origin=origin,
        format=fmt,
        content_hash=content_hash(text),
    )


def read_jsonl_lines(lines: Iterable[str], *, name: str, limit: int) -> Iterator[Document | Failure]:
    seen_any = False
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen_any = True
        origin = f"{name}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(origin, "F105", f"malformed JSON line (truncated or invalid): {exc.msg} at column {exc.colno}")
            continue
        yield document_from_record(record, origin=origin, fmt="jsonl", limit=limit)
    if not seen_any:
        yield Failure(name, "F101", "empty input: no JSON lines")


def read_json(text: str, *, name: str, limit: int) -> Iterator[Document | Failure]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Failure(name, "F105", f"malformed JSON (truncated or invalid): {exc.msg} at line {exc.lineno}")
        return
    if isinstance(data, dict) and isinstance(data.get("documents"), list):
        data = data["documents"]
    records = data if isinstance(data, list) else [data]
    if not records:
        yield Failure(name, "F101", "empty input: JSON array has no records")
    for index, record in enumerate(records):
        yield document_from_record(record, origin=f"{name}[{index}]", fmt="json", limit=limit)


def read_csv(text: str, *, name: str, limit: int) -> Iterator[Document | Failure]:
    csv.field_size_limit(max(limit * 2, 131072))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    if "text" not in fields:
        yield Failure(name, "F106", f"malformed CSV: no 'text' column (columns: {', '.join(fields) or 'none'})")
        return
    reader.fieldnames = fields
    try:
        for row_no, row in enumerate(reader, start=2):
            yield document_from_record(dict(row), origin=f"{name}:{row_no}", fmt="csv", limit=limit)
    except csv.Error as exc:
        yield Failure(f"{name}:{reader.line_num}", "F106", f"malformed CSV: {exc}")

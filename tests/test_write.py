from __future__ import annotations

import csv
import json
from datetime import date

import pytest

from eventwire.errors import OutputError
from eventwire.records import ActorRef, Event, Evidence, Failure, Plover
from eventwire.write import (
    EVENT_CSV_COLUMNS,
    OutputFormat,
    document_record,
    document_writer,
    event_csv_row,
    event_record,
    event_writer,
)

JSONL_FIELDS = ["event_id", "doc_id", "date", "date_exact", "source", "target", "plover", "cameo", "quad_class",
                "goldstein", "location", "evidence", "confidence", "modality"]


def make_event(**kw) -> Event:
    values = dict(
        event_id="e1", doc_id="d1", date=date(2025, 3, 4), date_exact=True,
        source=ActorRef("Kenyan President William Ruto", "William Ruto", "KEN", "GOV"),
        target=ActorRef("Ethiopia", "Ethiopia", "ETH", "GOV"),
        plover=Plover("CONSULT", "visit", "diplomatic"), cameo="042", quad_class=1, goldstein=1.9,
        location=None, evidence=Evidence("Ruto visited Ethiopia.", 0, 22), confidence=0.9,
        provenance={"eventwire": "0.1.0"},
    )
    values.update(kw)
    return Event(**values)


def test_event_rejects_unpadded_cameo_code_and_bad_quad_class():
    with pytest.raises(ValueError):
        make_event(cameo=42)
    with pytest.raises(ValueError):
        make_event(quad_class=5)


def test_write_jsonl_has_exact_public_field_names(tmp_path):
    with event_writer(tmp_path / "e.jsonl") as w:
        w.write(event_record(make_event()), make_event())
    record = json.loads((tmp_path / "e.jsonl").read_text())
    assert [k for k in record if k in JSONL_FIELDS] == JSONL_FIELDS
    assert record["cameo"] == "042" and record["date"] == "2025-03-04"
    assert set(record["source"]) == {"text", "name", "country", "sector"}
    assert set(record["evidence"]) == {"sentence", "start", "end"}


def test_write_csv_uses_gdelt_column_names_and_padded_codes(tmp_path):
    ev = make_event()
    with event_writer(tmp_path / "e.csv") as w:
        w.write(event_record(ev), ev)
    rows = list(csv.DictReader((tmp_path / "e.csv").open()))
    assert list(rows[0].keys()) == EVENT_CSV_COLUMNS
    row = rows[0]
    assert (row["SQLDATE"], row["EventCode"], row["EventRootCode"], row["Actor1Code"], row["Actor2CountryCode"]) == (
        "20250304", "042", "04", "KENGOV", "ETH")
    assert set(event_csv_row(ev)) == set(EVENT_CSV_COLUMNS)


def test_write_parquet_round_trips_nested_records(tmp_path):
    import pyarrow.parquet as pq

    ev = make_event(target=None)
    with event_writer(tmp_path / "e.parquet") as w:
        w.write(event_record(ev), ev)
    table = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert table[0]["cameo"] == "042" and table[0]["target"] is None and table[0]["source"]["country"] == "KEN"


def test_write_empty_parquet_still_has_the_event_columns(tmp_path):
    import pyarrow.parquet as pq

    event_writer(tmp_path / "none.parquet").close()
    assert "evidence" in pq.read_schema(tmp_path / "none.parquet").names


def test_write_documents_output_includes_failures(tmp_path):
    with document_writer(tmp_path / "d.jsonl") as w:
        w.write(document_record(Failure("x.txt", "F101", "empty input")))
    rec = json.loads((tmp_path / "d.jsonl").read_text())
    assert rec["status"] == "failed" and rec["skip_reason"] == "empty input" and rec["skip_code"] == "F101"


def test_output_format_from_unknown_extension_is_an_output_error():
    assert OutputFormat.from_path("a.PARQUET") is OutputFormat.PARQUET
    with pytest.raises(OutputError):
        OutputFormat.from_path("events.xlsx")

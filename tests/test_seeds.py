"""Measurements on the team's sample articles in ../shared (skipped where it is absent)."""

from __future__ import annotations

import json
import re

import pytest

from eventwire.clean import clean_document
from eventwire.config import Settings
from eventwire.dates import date_document
from eventwire.read import discover, read_inputs

pytestmark = pytest.mark.slow


def _jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def seeds(shared):
    settings = Settings()
    docs = [date_document(clean_document(d), settings) for d in read_inputs(discover([str(shared / "seeds")]), settings)]
    return {d.id: d for d in docs}


def test_seeds_document_dates_match_the_expected_ones(shared, seeds):
    expected = {row["doc"]: row["doc_date"] for row in _jsonl(shared / "gold" / "seeds_expected.jsonl")}
    got = {doc_id: (d.published.isoformat() if d.published else None) for doc_id, d in seeds.items()}
    assert {k: got[k] for k in expected} == expected


def test_seeds_no_clutter_line_survives_cleaning(shared, seeds):
    surviving = [row for row in _jsonl(shared / "gold" / "seeds_boilerplate.jsonl")
                 if row["line"] in (seeds[row["doc"]].body or "")]
    assert surviving == []


def test_seeds_every_prose_line_survives_cleaning(shared, seeds):
    clutter = {row["line"] for row in _jsonl(shared / "gold" / "seeds_boilerplate.jsonl")}
    missing = []
    for path in sorted((shared / "seeds").glob("*.txt")):
        doc = seeds[path.stem]
        for raw in path.read_text(encoding="utf-8").splitlines():
            line = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", raw)
            line = re.sub(r"\s+", " ", line).strip()
            prose = len(line.split()) >= 6 and re.search(r"[.!?][\"'”’]?$", line) and "photo:" not in line.lower()
            if prose and line not in clutter and line not in doc.body:
                missing.append((path.stem, line[:60]))
    assert missing == []

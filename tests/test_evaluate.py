"""The scorer reads each gold format and scores what the system codes (files written for the tests)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.evaluate import detect_format, evaluate

from .conftest import REPO, SHARED, write

pytestmark = pytest.mark.slow


def jsonl(path: Path, rows: list[dict]) -> Path:
    return write(path, "\n".join(json.dumps(r) for r in rows) + "\n")


def test_evaluate_detects_the_three_formats():
    assert detect_format([{"event": "AGREE", "source": [], "target": []}]) == "plover-gsr"
    assert detect_format([{"events": []}]) == "petr2"
    assert detect_format([{"doc": "a", "core": True, "pair": ["A", "B"]}]) == "seeds-expected"


def test_evaluate_plover_gsr_scores_type_and_countries(tmp_path):
    rows = [
        {"id": "a", "date": "2024-05-02", "text": "Kenya accused Uganda of arming the rebels.", "event": "ACCUSE",
         "source": [{"text": "Kenya", "code": "KEN"}], "target": [{"text": "Uganda", "code": "UGA"}]},
        {"id": "b", "date": "2024-05-02", "text": "The weather in Nairobi was mild.", "event": "AGREE",
         "source": [{"text": "x", "code": "KEN"}], "target": []},
    ]
    scores = evaluate(jsonl(tmp_path / "g.jsonl", rows), Settings())
    assert scores["records"] == 2
    assert scores["type_accuracy"] == scores["triple_accuracy"] == 0.5
    assert scores["per_type"]["ACCUSE"]["recall"] == 1.0 and scores["per_type"]["AGREE"]["recall"] == 0.0


def test_evaluate_petr2_scores_root_and_full_triples(tmp_path):
    rows = [{"id": "p", "date": "20240502", "text": "Kenya accused Uganda of arming the rebels.",
             "events": [{"source": "KENGOV", "target": "UGA", "cameo": "112"}]}]
    scores = evaluate(jsonl(tmp_path / "p.jsonl", rows), Settings())
    assert scores["root_accuracy"] == 1.0 and scores["full_accuracy"] == 1.0


def test_evaluate_seeds_expected_reads_articles_and_checks_dates(tmp_path):
    write(tmp_path / "seeds" / "k1.txt", " date 2024-05-02 Kenya accused Uganda of arming the rebels on Monday.")
    rows = [{"doc": "k1", "doc_date": "2024-05-02", "core": True, "pair": ["UGA", "KEN"], "plover": ["ACCUSE"],
             "date": "2024-04-29", "date_tolerance_days": 0},
            {"doc": "k1", "core": True, "pair": ["UGA", "KEN"], "plover": ["ACCUSE"], "date": "2024-03-01",
             "date_tolerance_days": 1}]
    scores = evaluate(jsonl(tmp_path / "gold" / "s.jsonl", rows), Settings())
    assert [d["found"] for d in scores["details"]] == [True, False]
    assert scores["core_recall"] == 0.5


FLOORS = REPO / "eval_floors.json"


@pytest.mark.parametrize("gold", ["plover_gsr_dev.jsonl", "petr2_gsr.jsonl", "seeds_expected.jsonl"])
def test_accuracy_gate_on_the_team_gold_data(gold):
    """The accuracy gate: scores on ../shared/gold may not fall below the floors pinned in the repo."""
    if not (SHARED / "gold" / gold).exists():
        pytest.skip("../shared/gold is not present (it is only on the team's machines)")
    result = subprocess.run([sys.executable, "-m", "eventwire", "eval", str(SHARED / "gold" / gold), "--json",
                             "--floors", str(FLOORS)], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr + result.stdout[-2000:]


def test_evaluate_petr2_record_without_codes_expects_no_event(tmp_path):
    """Regression: a PETR2 record whose only event has empty fields means "no event", not an unmatched one."""
    rows = [{"id": "n", "date": "20240502", "text": "The weather in Nairobi was mild on Monday.",
             "events": [{"source": "", "target": "", "cameo": ""}]}]
    scores = evaluate(jsonl(tmp_path / "p.jsonl", rows), Settings())
    assert scores["root_accuracy"] == 1.0 and scores["full_accuracy"] == 1.0

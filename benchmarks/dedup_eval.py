"""Precision and recall of the deduplication rules on our labelled mention pairs.

    python benchmarks/dedup_eval.py [training/dedup/pairs.jsonl]

The pairs were written by us (training/dedup/README.md); a pair is predicted "same" when the store's
rules would merge the two mentions (eventwire.store.dedup.pair_decision).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from eventwire.actors import load_kb
from eventwire.store.dedup import DedupRules, pair_decision


def load(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        for side in ("a", "b"):
            m = row[side]
            m["date"] = date.fromisoformat(m["date"]) if m.get("date") else None
    return rows


def score(rows: list[dict], rules: DedupRules, country_names: set[str]) -> dict:
    c = Counter()
    wrong = []
    for row in rows:
        pred = pair_decision(row["a"], row["b"], rules, country_names)
        c[(pred, row["same"])] += 1
        if pred != row["same"]:
            wrong.append((row["id"], row["kind"], row.get("note", "")[:80]))
    tp, fp, fn = c[(True, True)], c[(True, False)], c[(False, True)]
    return {"pairs": len(rows), "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / (tp + fn), 3) if tp + fn else None,
            "accuracy": round((tp + c[(False, False)]) / len(rows), 3), "errors": wrong}


def main() -> None:
    path = Path(sys.argv[1] if len(sys.argv) > 1 else "training/dedup/pairs.jsonl")
    names = {c.name.lower() for c in load_kb().countries.values()}
    result = score(load(path), DedupRules(), names)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()

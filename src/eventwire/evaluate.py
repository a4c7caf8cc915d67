"""`eventwire eval`: score the system on gold files of three kinds.

- PLOVER GSR records (``event``, ``source``/``target`` lists): each text is coded as a document and
  the most confident event is compared with the gold type, source and target countries. A gold
  record with two sources and no target is a joint event ("A and B agreed"); eventwire codes it as
  GDELT does (A→B), so a target that is the other gold source — or no target — counts as right.
- PETR2 validation records (``events`` of CAMEO actor codes and CAMEO codes): CAMEO root accuracy
  of the top event, and (source country, target country, root) accuracy against any gold event.
- seeds_expected (``doc``, ``core``, ``pair``, ``plover``, ``date``…): for each expected event, is
  there a coded event of that document with the country pair, an accepted type and the date within
  tolerance. The articles are read from ``docs`` (default: ``../seeds`` beside the gold folder).

The code is general: it reads any file of these formats; nothing in it knows particular records.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

from .config import Settings
from .errors import InputError
from .nlp import Parsed
from .pipeline import Pipeline, default_stages
from .read import discover, read_inputs
from .records import Document, Event, content_hash


def detect_format(rows: list[dict]) -> str:
    first = rows[0]
    if "event" in first and "source" in first:
        return "plover-gsr"
    if "events" in first:
        return "petr2"
    if "core" in first and "pair" in first:
        return "seeds-expected"
    raise InputError("cannot tell the gold format", hint="expected PLOVER GSR, PETR2 or seeds_expected records")


def _code_sentences(rows: list[dict], settings: Settings) -> dict[str, list[Event]]:
    stages = [s for s in default_stages(settings) if s.name not in ("clean", "date")]
    pipeline = Pipeline(stages, provided=frozenset({"doc.text", "doc.language", "doc.meta", "doc.body", "doc.published"}))
    docs = []
    for i, row in enumerate(rows):
        day = _parse_date(row.get("date"))
        doc_id = str(row.get("id") or content_hash(row["text"]))
        docs.append(Document(id=f"{i}:{doc_id}", text=row["text"], body=row["text"], published=day, origin="gold"))
    out: dict[str, list[Event]] = {}
    for item in pipeline(docs):
        if isinstance(item, Parsed):
            out[item.document.id] = sorted(item.events, key=lambda e: -e.confidence)
    return {f"{i}": out.get(d.id, []) for i, d in enumerate(docs)}


def _parse_date(value: Any) -> date | None:
    if not value:
        return None
    text = str(value)
    try:
        return date.fromisoformat(text[:10]) if "-" in text else date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def _prf(gold: list[str], pred: list[str | None]) -> dict[str, dict[str, float]]:
    labels = sorted(set(gold))
    table = {}
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred) if g == label and p != label)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        table[label] = {"precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3), "support": tp + fn}
    return table


def score_plover_gsr(rows: list[dict], settings: Settings) -> dict[str, Any]:
    coded = _code_sentences(rows, settings)
    gold_types, pred_types = [], []
    n = len(rows)
    hits = Counter()
    for i, row in enumerate(rows):
        events = coded[str(i)]
        top = events[0] if events else None
        gold_src = {a["code"] for a in row["source"] if a.get("code")}
        gold_tgt = {a["code"] for a in row["target"] if a.get("code")}
        joint = len(row["source"]) > 1 and not row["target"]
        gold_types.append(row["event"])
        pred_types.append(top.plover.event if top else None)
        type_ok = top is not None and top.plover.event == row["event"]
        src_ok = top is not None and top.source.country in gold_src
        tgt_country = top.target.country if top and top.target else None
        if joint:
            tgt_ok = top is not None and (tgt_country is None or (tgt_country in gold_src and tgt_country != top.source.country))
        else:
            tgt_ok = top is not None and ((tgt_country in gold_tgt) if gold_tgt else tgt_country is None)
        hits["type"] += type_ok
        hits["source"] += src_ok
        hits["target"] += tgt_ok
        hits["all"] += type_ok and src_ok and tgt_ok
        hits["coded"] += top is not None
    return {
        "format": "plover-gsr", "records": n,
        "type_accuracy": round(hits["type"] / n, 4), "source_accuracy": round(hits["source"] / n, 4),
        "target_accuracy": round(hits["target"] / n, 4), "triple_accuracy": round(hits["all"] / n, 4),
        "coded_share": round(hits["coded"] / n, 4), "per_type": _prf(gold_types, pred_types),
    }


def score_petr2(rows: list[dict], settings: Settings) -> dict[str, Any]:
    coded = _code_sentences(rows, settings)
    n = len(rows)
    hits = Counter()
    for i, row in enumerate(rows):
        events = coded[str(i)]
        top = events[0] if events else None
        # A record whose only event has no code ("" fields) expects no event at all.
        gold = [g for g in row.get("events") or [] if g.get("cameo")]
        roots = {g["cameo"][:2] for g in gold}
        if not gold:
            hits["root"] += top is None
            hits["full"] += top is None
            continue
        if top is None:
            continue
        root = top.cameo[:2]
        hits["root"] += root in roots
        src, tgt = top.source.country or "", (top.target.country if top.target else "") or ""
        hits["full"] += any(g["source"][:3] == src and (g["target"] or "")[:3] == tgt and g["cameo"][:2] == root for g in gold)
    return {"format": "petr2", "records": n, "root_accuracy": round(hits["root"] / n, 4),
            "full_accuracy": round(hits["full"] / n, 4)}


def score_seeds_expected(rows: list[dict], settings: Settings, docs: Path) -> dict[str, Any]:

    by_doc: dict[str, list[Event]] = defaultdict(list)
    for item in Pipeline(default_stages(settings))(read_inputs(discover([str(docs)]), settings)):
        if isinstance(item, Parsed):
            by_doc[item.document.id].extend(item.events)
    results = []
    for row in rows:
        pair = set(row["pair"])
        tolerance = row.get("date_tolerance_days", 0) or 0
        expected = _parse_date(row.get("date"))
        found = None
        for e in by_doc.get(row["doc"], []):
            countries = {e.source.country, e.target.country if e.target else None}
            if countries != pair or e.plover.event not in row["plover"]:
                continue
            if expected is None and e.date is not None:
                continue
            if expected is not None and (e.date is None or abs((e.date - expected).days) > tolerance):
                continue
            found = e
            break
        results.append({"doc": row["doc"], "core": row.get("core", False), "pair": row["pair"],
                         "found": found is not None, "event": found.cameo if found else None})
    core = [r for r in results if r["core"]]
    return {"format": "seeds-expected", "records": len(rows),
            "core_recall": round(sum(r["found"] for r in core) / len(core), 4) if core else None,
            "all_recall": round(sum(r["found"] for r in results) / len(results), 4), "details": results,
            "events_per_document": {k: len(v) for k, v in sorted(by_doc.items())}}


def evaluate(gold: Path, settings: Settings, docs: Path | None = None) -> dict[str, Any]:
    try:
        rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read gold file {gold}: {exc}") from exc
    if not rows:
        raise InputError(f"gold file {gold} is empty")
    fmt = detect_format(rows)
    if fmt == "plover-gsr":
        return score_plover_gsr(rows, settings)
    if fmt == "petr2":
        return score_petr2(rows, settings)
    return score_seeds_expected(rows, settings, docs or gold.resolve().parent.parent / "seeds")

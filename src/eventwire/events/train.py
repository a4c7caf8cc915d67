"""Training the event model on our labelled corpus (``training/events/*.jsonl``).

Each labelled sentence gives one positive example — the candidate predicate at its ``trigger`` —
and its speech verbs ("…, the ministry said") give NONE examples; every predicate of a NONE
sentence is a NONE example. Features come from :mod:`eventwire.events.predicates`, the same code
that codes news, after the same actor resolution. Never train on ``../shared/gold``.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from ..actors import Resolver, load_kb
from ..nlp import load_pipeline
from .model import EventModel, LinearModel
from .predicates import SPEECH_LEMMAS, Candidate, candidates, features, is_verb_object
from .vocab import event_nouns

TRAIN_DATE = date(2024, 6, 1)


@dataclass
class Example:
    features: dict[str, float]
    plover: str
    cameo: str | None
    sentence: int


def read_corpus(folder: Path) -> list[dict]:
    rows = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


def build_examples(rows: list[dict], spacy_models: tuple[str, ...]) -> tuple[list[Example], set[str]]:
    nlp = load_pipeline(spacy_models)
    resolver = Resolver(load_kb(), nlp)
    nouns = set(event_nouns())
    noun_triggers: set[str] = set()
    examples: list[Example] = []
    for n, (row, doc) in enumerate(zip(rows, nlp.pipe(r["text"] for r in rows))):
        mentions, places = resolver(doc, f"train-{n}", TRAIN_DATE)
        trigger_tok = None
        if row.get("trigger"):
            at = row["text"].find(row["trigger"])
            if at >= 0:
                span = doc.char_span(at, at + len(row["trigger"]), alignment_mode="expand")
                if span is not None:
                    verbs = [t for t in span if t.pos_ in ("VERB", "NOUN")]
                    trigger_tok = verbs[-1] if verbs else span.root
                    if is_verb_object(trigger_tok):
                        trigger_tok = trigger_tok.head  # the same predicate the coder will see
        for sent in doc.sents:
            cands = candidates(sent, [m for m in mentions if sent.start <= m.token_start < sent.end],
                               [p for p in places if sent.start <= p.token_start < sent.end], frozenset(nouns))
            for cand in cands:
                if row["plover"] == "NONE":
                    examples.append(Example(cand.features, "NONE", None, n))
                elif trigger_tok is not None and cand.trigger.i == trigger_tok.i:
                    continue  # added below, once
                elif cand.trigger.lemma_.lower() in SPEECH_LEMMAS:
                    examples.append(Example(cand.features, "NONE", None, n))
        if row["plover"] != "NONE" and trigger_tok is not None:
            if trigger_tok.pos_ == "NOUN":
                noun_triggers.add(trigger_tok.lemma_.lower())
            sent = trigger_tok.sent
            cand = next((c for c in candidates(sent, [m for m in mentions if sent.start <= m.token_start < sent.end],
                                               [], frozenset(nouns | {trigger_tok.lemma_.lower()}))
                         if c.trigger.i == trigger_tok.i), None) or Candidate(trigger_tok)
            feats = cand.features or features(trigger_tok, cand, {})
            examples.append(Example(feats, row["plover"], row.get("cameo"), n))
    return examples, noun_triggers


def _fit(X, y, c: float, seed: int):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=3000, random_state=seed).fit(X, y)


def train_model(corpus: Path, spacy_models: tuple[str, ...], *, c: float = 4.0, seed: int = 13, folds: int = 5) -> tuple[EventModel, dict]:
    from sklearn.feature_extraction import DictVectorizer

    rows = read_corpus(corpus)
    examples, noun_triggers = build_examples(rows, spacy_models)
    vec = DictVectorizer()
    X = vec.fit_transform([e.features for e in examples])
    y = np.array([e.plover for e in examples])
    # Cross-validation by sentence on our own corpus: an honest estimate, never the gold data.
    sentences = sorted({e.sentence for e in examples})
    random.Random(seed).shuffle(sentences)
    fold_of = {s: i % folds for i, s in enumerate(sentences)}
    groups = np.array([fold_of[e.sentence] for e in examples])
    correct = 0
    for k in range(folds):
        train, test = groups != k, groups == k
        clf = _fit(X[train], y[train], c, seed)
        correct += int((clf.predict(X[test]) == y[test]).sum())
    plover = _fit(X, y, c, seed)
    cameo_counts: dict[str, Counter] = {}
    for e in examples:
        if e.plover != "NONE" and e.cameo:
            lemma = next((k[2:] for k in e.features if k.startswith("v=") and "_" not in k), "")
            for key in (f"{e.plover}|{lemma}", f"{e.plover}|"):
                cameo_counts.setdefault(key, Counter())[e.cameo] += 1
    names = vec.get_feature_names_out().tolist()
    vocab = {n: i for i, n in enumerate(names)}
    report = {
        "sentences": len(rows), "examples": len(examples), "features": len(names),
        "labels": dict(Counter(y.tolist())), "cv_accuracy": round(correct / len(examples), 4), "folds": folds,
        "C": c, "seed": seed,
    }
    import hashlib

    digest = hashlib.sha1(json.dumps(rows, sort_keys=True).encode()).hexdigest()[:10]
    meta = {**report, "noun_triggers": sorted(noun_triggers), "trained_on": corpus.name, "digest": digest}
    model = EventModel(
        LinearModel(plover.classes_.tolist(), vocab, plover.coef_.astype(np.float32), plover.intercept_.astype(np.float32)),
        {k: dict(v) for k, v in cameo_counts.items()},
        meta,
    )
    return model, report

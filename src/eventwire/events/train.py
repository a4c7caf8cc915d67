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
from .model import DenseModel, EventModel, LinearModel
from .predicates import SPEECH_LEMMAS, Candidate, candidates, features, is_verb_object, main_predicate, tree_depth
from .vocab import event_nouns

TRAIN_DATE = date(2024, 6, 1)


@dataclass
class Example:
    features: dict[str, float]
    plover: str
    cameo: str | None
    sentence: int
    #: An attribution verb ("…, the ministry said"): coded from the parse head alone, as the coder does.
    speech: bool = False
    #: How deep the trigger sits in the parse (0: the sentence root), for choosing the main predicate.
    depth: int = 0


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
                    examples.append(Example(cand.features, "NONE", None, n,
                                            speech=cand.trigger.lemma_.lower() in SPEECH_LEMMAS,
                                            depth=tree_depth(cand.trigger)))
                elif trigger_tok is not None and cand.trigger.i == trigger_tok.i:
                    continue  # added below, once
                elif cand.trigger.lemma_.lower() in SPEECH_LEMMAS:
                    examples.append(Example(cand.features, "NONE", None, n, speech=True, depth=tree_depth(cand.trigger)))
        if row["plover"] != "NONE" and trigger_tok is not None:
            if trigger_tok.pos_ == "NOUN":
                noun_triggers.add(trigger_tok.lemma_.lower())
            sent = trigger_tok.sent
            cand = next((c for c in candidates(sent, [m for m in mentions if sent.start <= m.token_start < sent.end],
                                               [], frozenset(nouns | {trigger_tok.lemma_.lower()}))
                         if c.trigger.i == trigger_tok.i), None) or Candidate(trigger_tok)
            feats = cand.features or features(trigger_tok, cand, {})
            examples.append(Example(feats, row["plover"], row.get("cameo"), n, depth=tree_depth(trigger_tok)))
    return examples, noun_triggers


def _fit(X, y, c: float, seed: int):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=3000, random_state=seed).fit(X, y)


#: Sentence-head weights tried by cross-validation (0 = parse features alone).
SENTENCE_WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)
SKIP_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
SKIP_TOLERANCE = 0.003
#: Coding thresholds whose held-out accuracy the report shows; the coder's default is Settings.event_threshold.
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


def train_model(corpus: Path, spacy_models: tuple[str, ...], *, c: float = 4.0, seed: int = 13, folds: int = 5,
                sentence_encoder: bool = True, sentence_c: float = 8.0) -> tuple[EventModel, dict]:
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
    classes = sorted(set(y.tolist()))
    row_labels = np.array([r["plover"] for r in rows])
    embeddings = None
    if sentence_encoder:
        from .encoder import encode

        embeddings = encode([r["text"] for r in rows])
    parse_oof = np.zeros((len(examples), len(classes)))
    sentence_oof = np.full((len(rows), len(classes)), 1.0 / len(classes))
    row_fold = np.array([fold_of.get(n, -1) for n in range(len(rows))])
    for k in range(folds):
        train, test = groups != k, groups == k
        clf = _fit(X[train], y[train], c, seed)
        parse_oof[np.ix_(test, [classes.index(x) for x in clf.classes_])] = clf.predict_proba(X[test])
        if embeddings is not None:
            head = _fit(embeddings[row_fold != k], row_labels[row_fold != k], sentence_c, seed)
            rows_k = row_fold == k
            sentence_oof[np.ix_(rows_k, [classes.index(x) for x in head.classes_])] = head.predict_proba(embeddings[rows_k])
    # The sentence head speaks for the sentence's main predicate only (predicates.main_predicate,
    # attribution verbs excluded), exactly as the coder applies it; its weight is the one that codes our
    # own held-out folds best.
    none = classes.index("NONE")
    by_sentence: dict[int, list[int]] = {}
    for i, e in enumerate(examples):
        if not e.speech:
            by_sentence.setdefault(e.sentence, []).append(i)
    main_of = {n: main_predicate(idx, [parse_oof[i, none] for i in idx], [examples[i].depth for i in idx])
               for n, idx in by_sentence.items()}
    sentence_of = np.ones_like(parse_oof)
    mains = sorted(main_of.values())
    sentence_of[mains] = sentence_oof[[examples[i].sentence for i in mains]]

    def with_sentence(w: float) -> np.ndarray:
        return parse_oof * np.power(np.maximum(sentence_of, 1e-9), w)

    cv_by_weight = {}
    for w in SENTENCE_WEIGHTS if embeddings is not None else (0.0,):
        combined = with_sentence(w)
        cv_by_weight[w] = float(np.mean(np.array(classes)[combined.argmax(1)] == y))
    weight = max(cv_by_weight, key=lambda w: (round(cv_by_weight[w], 4), -w))
    # Speed: a sentence whose main predicate the parse head codes with high probability can skip the
    # encoder. The threshold is the lowest one that costs at most SKIP_TOLERANCE of held-out accuracy.
    cv_by_skip = {}
    if embeddings is not None and weight > 0:
        sure = {n: float(parse_oof[i].max()) for n, i in main_of.items()}
        for t in SKIP_THRESHOLDS:
            skip = np.array([sure.get(e.sentence, 1.0) >= t for e in examples])
            combined = np.where(skip[:, None], parse_oof, with_sentence(weight))
            cv_by_skip[t] = float(np.mean(np.array(classes)[combined.argmax(1)] == y))
    # Held-out accuracy per coding threshold (a predicate is an event when its best non-NONE type
    # reaches it), for information: our sentences each carry one clear event or none, while articles
    # have many secondary predicates, so the coder keeps the more precise default of the settings.
    combined = with_sentence(weight)
    combined /= combined.sum(1, keepdims=True)
    masked = combined.copy()
    masked[:, none] = -1
    top, top_p = masked.argmax(1), masked.max(1)
    cv_by_threshold = {t: float(np.mean(np.where(top_p >= t, np.array(classes)[top], "NONE") == y))
                       for t in THRESHOLDS}
    threshold = max(cv_by_threshold, key=lambda t: (round(cv_by_threshold[t], 4), -t))
    best = cv_by_weight[weight]
    skip_above = min((t for t, a in cv_by_skip.items() if a >= best - SKIP_TOLERANCE), default=1.0)
    correct = round(cv_by_weight[0.0] * len(examples))
    plover = _fit(X, y, c, seed)
    sentence = None
    if embeddings is not None:
        head = _fit(embeddings, row_labels, sentence_c, seed)
        if head.classes_.tolist() != plover.classes_.tolist():
            raise ValueError("the sentence head and the parse head saw different labels")
        sentence = DenseModel(head.classes_.tolist(), head.coef_.astype(np.float32), head.intercept_.astype(np.float32))
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
        "sentence_encoder": None, "cv_accuracy_by_sentence_weight": {str(w): round(a, 4) for w, a in cv_by_weight.items()},
        "sentence_weight": weight if embeddings is not None else 0.0,
        "cv_accuracy_by_skip_threshold": {str(t): round(a, 4) for t, a in cv_by_skip.items()},
        "sentence_skip_above": skip_above,
        "cv_accuracy_by_event_threshold": {str(t): round(a, 4) for t, a in cv_by_threshold.items()},
        "best_event_threshold_on_corpus": threshold,
    }
    if embeddings is not None:
        from .encoder import encoder_version

        report["sentence_encoder"] = encoder_version()
        report["sentence_C"] = sentence_c
    import hashlib

    digest = hashlib.sha1(json.dumps(rows, sort_keys=True).encode()).hexdigest()[:10]
    meta = {**report, "noun_triggers": sorted(noun_triggers), "trained_on": corpus.name, "digest": digest}
    model = EventModel(
        LinearModel(plover.classes_.tolist(), vocab, plover.coef_.astype(np.float32), plover.intercept_.astype(np.float32)),
        {k: dict(v) for k, v in cameo_counts.items()},
        meta,
        sentence,
    )
    return model, report

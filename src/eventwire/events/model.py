"""The learned event-type model: multinomial logistic regression over predicate features.

Trained with scikit-learn by ``eventwire train`` on our own labelled corpus (``training/events``);
shipped as a small JSON file of weights so that coding needs only numpy and no pickle — the
artefact loads the same whatever scikit-learn version is installed.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ..errors import ModelError
from ..resources import DATA_PACKAGE

MODEL_FILE = "models/event_model.json.gz"


@dataclass
class LinearModel:
    classes: list[str]
    vocabulary: dict[str, int]
    coef: np.ndarray  # (n_classes, n_features)
    intercept: np.ndarray

    def proba(self, features: dict[str, float]) -> np.ndarray:
        scores = self.intercept.copy()
        for name, value in features.items():
            j = self.vocabulary.get(name)
            if j is not None:
                scores += self.coef[:, j] * value
        scores -= scores.max()
        e = np.exp(scores)
        return e / e.sum()

    def to_json(self, prune: float = 0.01) -> dict:
        """Weights per feature as {class index: weight}, dropping weights too small to matter."""
        names = sorted(self.vocabulary, key=self.vocabulary.get)
        weights = {}
        for name in names:
            col = self.coef[:, self.vocabulary[name]]
            kept = {str(k): round(float(w), 3) for k, w in enumerate(col) if abs(w) >= prune}
            if kept:
                weights[name] = kept
        return {"classes": self.classes, "weights": weights, "intercept": np.round(self.intercept, 4).tolist()}

    @classmethod
    def from_json(cls, data: dict) -> "LinearModel":
        names = list(data["weights"])
        coef = np.zeros((len(data["classes"]), len(names)), dtype=np.float32)
        for j, name in enumerate(names):
            for k, w in data["weights"][name].items():
                coef[int(k), j] = w
        return cls(data["classes"], {n: i for i, n in enumerate(names)}, coef,
                   np.asarray(data["intercept"], dtype=np.float32))


@dataclass
class DenseModel:
    """Multinomial logistic regression over a sentence embedding (see :mod:`.encoder`)."""

    classes: list[str]
    coef: np.ndarray  # (n_classes, dimensions)
    intercept: np.ndarray

    def proba(self, vector: np.ndarray) -> np.ndarray:
        scores = self.coef @ vector + self.intercept
        scores -= scores.max()
        e = np.exp(scores)
        return e / e.sum()

    def to_json(self) -> dict:
        return {"classes": self.classes, "coef": np.round(self.coef, 4).tolist(),
                "intercept": np.round(self.intercept, 4).tolist()}

    @classmethod
    def from_json(cls, data: dict) -> "DenseModel":
        return cls(data["classes"], np.asarray(data["coef"], dtype=np.float32),
                   np.asarray(data["intercept"], dtype=np.float32))


@dataclass
class EventModel:
    """The PLOVER type classifier (with NONE) and, per (type, trigger lemma), the CAMEO codes the
    training corpus used — the finest code the wording supports, by majority.

    Two heads give type probabilities: ``plover`` over the predicate's parse features and, when
    trained, ``sentence`` over the sentence embedding. They are combined as a weighted product
    (``meta["sentence_weight"]``, chosen by cross-validation on our corpus at training time):
    the parse head knows which predicate and which roles, the sentence head knows paraphrase."""

    plover: LinearModel
    #: "TYPE|lemma" and "TYPE|" -> {cameo code: count}
    cameo_counts: dict[str, dict[str, int]]
    meta: dict
    sentence: DenseModel | None = None

    @property
    def sentence_weight(self) -> float:
        return float(self.meta.get("sentence_weight", 0.0)) if self.sentence is not None else 0.0

    @property
    def sentence_skip_above(self) -> float:
        """Parse-head probability of a sentence's main predicate above which the encoder is skipped."""
        return float(self.meta.get("sentence_skip_above", 1.0))

    def combine(self, parse_probs: np.ndarray, sentence_probs: np.ndarray | None) -> np.ndarray:
        """Weighted product of the two heads' distributions (same class order), renormalised."""
        if sentence_probs is None or self.sentence_weight == 0.0:
            return parse_probs
        p = parse_probs * np.power(np.maximum(sentence_probs, 1e-9), self.sentence_weight)
        return p / p.sum()

    def cameo_for(self, plover_type: str, lemma: str) -> str | None:
        counts = self.cameo_counts.get(f"{plover_type}|{lemma}") or self.cameo_counts.get(f"{plover_type}|")
        return max(sorted(counts), key=counts.get) if counts else None

    def save(self, path: Path) -> None:
        payload = {"meta": self.meta, "plover": self.plover.to_json(), "cameo_counts": self.cameo_counts}
        if self.sentence is not None:
            if self.sentence.classes != self.plover.classes:
                raise ValueError("the two heads of the event model must share their class order")
            payload["sentence"] = self.sentence.to_json()
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            json.dump(payload, fh, separators=(",", ":"), sort_keys=True)

    @classmethod
    def load(cls, path) -> "EventModel":
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        sentence = DenseModel.from_json(data["sentence"]) if data.get("sentence") else None
        return cls(LinearModel.from_json(data["plover"]), data["cameo_counts"], data["meta"], sentence)


def packaged_model_path():
    return resources.files(DATA_PACKAGE).joinpath(MODEL_FILE)


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> EventModel:
    source = Path(path) if path else packaged_model_path()
    try:
        return EventModel.load(source)
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"cannot load the event model {source}: {exc}", hint="run `eventwire train`") from exc

"""The event model's two heads and how they combine (no spaCy needed)."""

from __future__ import annotations

import numpy as np
import pytest

from eventwire.events.model import DenseModel, EventModel, LinearModel, load_model


def _model(weight: float) -> EventModel:
    classes = ["A", "B", "NONE"]
    parse = LinearModel(classes, {"x": 0}, np.zeros((3, 1), dtype=np.float32), np.zeros(3, dtype=np.float32))
    sentence = DenseModel(classes, np.eye(3, 2, dtype=np.float32), np.zeros(3, dtype=np.float32))
    return EventModel(parse, {}, {"sentence_weight": weight}, sentence)


def test_combine_without_sentence_probabilities_is_the_parse_head():
    p = np.array([0.6, 0.3, 0.1])
    assert np.allclose(_model(0.5).combine(p, None), p)


def test_combine_is_a_weighted_product_that_sums_to_one():
    parse, sentence = np.array([0.5, 0.4, 0.1]), np.array([0.1, 0.8, 0.1])
    out = _model(1.0).combine(parse, sentence)
    assert out.sum() == pytest.approx(1.0)
    assert out.argmax() == 1  # the sentence head turns a close call


def test_combine_with_weight_zero_ignores_the_sentence_head():
    parse, sentence = np.array([0.5, 0.4, 0.1]), np.array([0.1, 0.8, 0.1])
    assert np.allclose(_model(0.0).combine(parse, sentence), parse)


def test_model_round_trips_through_its_file(tmp_path):
    model = _model(0.5)
    model.save(tmp_path / "m.json.gz")
    again = EventModel.load(tmp_path / "m.json.gz")
    v = np.array([0.3, -0.2], dtype=np.float32)
    assert np.allclose(again.sentence.proba(v), model.sentence.proba(v), atol=1e-4)
    assert again.sentence_weight == 0.5


def test_packaged_model_has_both_heads_with_the_same_classes():
    model = load_model()
    assert model.sentence is not None and model.sentence.classes == model.plover.classes
    assert 0.0 <= model.sentence_weight <= 1.0
    assert model.sentence.coef.shape == (len(model.plover.classes), 384)
    assert 0.0 < model.sentence_skip_above <= 1.0

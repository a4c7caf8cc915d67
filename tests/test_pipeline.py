from __future__ import annotations

import pytest

from eventwire.config import Settings
from eventwire.errors import PipelineError
from eventwire.pipeline import Pipeline, default_stages


def test_pipeline_rejects_a_stage_before_its_requirement():
    clean, date, nlp, *_later = default_stages(Settings())
    with pytest.raises(PipelineError, match=r"\[nlp\] requires doc.body"):
        Pipeline([nlp, clean, date])


def test_pipeline_default_order_is_valid_and_analysed():
    pipeline = Pipeline(default_stages(Settings()))
    assert [row["stage"] for row in pipeline.analysis()] == ["clean", "date", "nlp", "actors", "events"]

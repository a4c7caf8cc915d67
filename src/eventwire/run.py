"""A coding run: inputs through the pipeline into the writers, with a summary of what happened.

Every input document ends up in exactly one of three states — processed, skipped (with a
reason) or failed (with a reason) — and in the documents output, so nothing disappears silently.
"""

from __future__ import annotations

import platform
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from . import __version__
from .config import Settings
from .nlp import Parsed, load_pipeline, model_version
from .pipeline import Pipeline, default_stages
from .read import read_inputs
from .records import Document, Failure
from .write import RecordWriter, document_record, document_writer, event_record, event_writer

def kb_files() -> tuple[str, ...]:
    from .actors.kb import packaged_files

    return ("clutter.yaml", *packaged_files(), "ontology/cameo.yaml", "ontology/plover.yaml", "ontology/intent.yaml")


@dataclass
class RunSummary:
    run_id: str
    started: str
    settings: dict[str, Any]
    versions: dict[str, str]
    documents_read: int = 0
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    sentences: int = 0
    seconds: float = 0.0
    stored_mentions: int = 0
    already_stored: int = 0
    reasons: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)

    @property
    def docs_per_second(self) -> float:
        return self.documents_read / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id, "started": self.started, "versions": self.versions, "settings": self.settings,
            "documents_read": self.documents_read, "processed": self.processed, "skipped": self.skipped,
            "failed": self.failed, "events": self.events, "sentences": self.sentences,
            "already_stored": self.already_stored, "stored_mentions": self.stored_mentions,
            "seconds": round(self.seconds, 3), "docs_per_second": round(self.docs_per_second, 2),
            "reasons": dict(self.reasons), "problems": self.problems,
        }


def event_model_version(settings: Settings) -> str:
    from .events.model import load_model

    meta = load_model(settings.event_model).meta
    return f"{meta.get('trained_on', '?')}-{meta.get('digest', '?')}"


def _encoder_version(settings: Settings) -> str:
    from .events.encoder import encoder_version
    from .events.model import load_model

    if not settings.sentence_encoder or load_model(settings.event_model).sentence is None:
        return "off"
    return encoder_version()


def provenance(settings: Settings) -> dict[str, str]:
    """Versions of code, model and knowledge base, and the settings digest of this run."""
    from .resources import data_version

    nlp = load_pipeline(settings.spacy_models)
    return {
        "eventwire": __version__,
        "model": model_version(nlp),
        "kb": data_version(*kb_files()),
        "config": settings.digest(),
        "event_model": event_model_version(settings),
        "sentence_encoder": _encoder_version(settings),
        "python": platform.python_version(),
    }


def code_files(
    paths: Iterable[str],
    settings: Settings,
    *,
    events_out: str | Path | None = None,
    docs_out: str | Path | None = None,
    db: str | Path | None = None,
    on_document: Callable[[Document | Failure], None] | None = None,
) -> RunSummary:
    """Run the pipeline over already-discovered ``paths`` and write the outputs."""
    started = time.perf_counter()
    summary = RunSummary(
        run_id=uuid.uuid4().hex[:12],
        started=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        settings=settings.model_dump(mode="json"),
        versions=provenance(settings),
    )
    pipeline = Pipeline(default_stages(settings, summary.versions))
    event_sink: RecordWriter | None = event_writer(events_out) if events_out else None
    doc_sink: RecordWriter | None = document_writer(docs_out) if docs_out else None
    store = open_store(db, settings) if db else None
    inputs = read_inputs(paths, settings)
    known: dict[str, int] = {}
    batch: list = []
    if store:
        store.start_run(summary.run_id, summary.versions, summary.settings)
        inputs = store.skip_known(inputs, known)
    try:
        for item in pipeline(inputs):
            if store:
                batch.append(item)
                if len(batch) >= settings.store_batch_size:
                    summary.stored_mentions += store.add_batch(batch, summary.run_id)
                    batch = []
            summary.documents_read += 1
            if isinstance(item, Parsed):
                n_sents = sum(1 for _ in item.doc.sents)
                summary.processed += 1
                summary.sentences += n_sents
                summary.events += len(item.events)
                if event_sink:
                    for event in item.events:
                        event_sink.write(event_record(event), event)
                record, document = document_record(item.document, n_sents), item.document
            else:
                record, document = document_record(item), item
                if isinstance(item, Failure):
                    summary.failed += 1
                    summary.reasons[item.reason.split(":")[0]] += 1
                    summary.problems.append(item.describe())
                else:  # a Document that a stage skipped
                    summary.skipped += 1
                    summary.reasons[(item.skip_reason or "skipped").split(":")[0]] += 1
                    summary.problems.append(f"{item.origin}: {item.skip_reason} [{item.skip_code}]")
            if doc_sink:
                doc_sink.write(record)
            if on_document:
                on_document(document)
        if store and batch:
            summary.stored_mentions += store.add_batch(batch, summary.run_id)
        if store:
            summary.already_stored = known.get("known", 0)
            store.finish_run(summary.run_id, summary.documents_read + summary.already_stored,
                             summary.documents_read, summary.stored_mentions)
    finally:
        for sink in (event_sink, doc_sink):
            if sink:
                sink.close()
        if store:
            store.close()
    summary.seconds = time.perf_counter() - started
    return summary


def open_store(db: str | Path, settings: Settings):
    """The event store at ``db`` with the run's dedup rules (country names are not specific actors)."""
    from .actors import load_kb
    from .store.db import EventStore
    from .store.dedup import DedupRules

    kb = load_kb(settings.actors_file)
    rules = DedupRules(settings.dedup_window_exact_days, settings.dedup_window_inexact_days,
                       settings.dedup_link_window_days)
    return EventStore(db, rules=rules, country_names={c.name.lower() for c in kb.countries.values()})

"""The ordered stages of a run, each declaring what it requires and what it assigns.

Like spaCy's pipe analysis, building a :class:`Pipeline` rejects an order in which a stage needs
something no earlier stage produced. There is no registry: the stage set is ours and listed in
:func:`default_stages`. Items flow as generators; a :class:`~eventwire.records.Failure` or a
skipped document passes every stage untouched so that it reaches the outputs with its reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice, tee
from typing import Any

from .clean import clean_document
from .config import Settings
from .dates import date_document
from .errors import PipelineError
from .nlp import Parsed, load_pipeline, parse_documents
from .records import Document, Failure

#: What the read stage provides before any other stage runs.
READ_ASSIGNS = frozenset({"doc.text", "doc.language", "doc.meta"})

Item = Document | Failure | Parsed


@dataclass(frozen=True)
class Stage:
    name: str
    requires: frozenset[str]
    assigns: frozenset[str]
    #: Maps the stream of items to a new stream; handles only the items it is concerned with.
    run: Callable[[Iterable[Item]], Iterator[Item]] = field(compare=False)


def map_documents(fn: Callable[[Document], Document]) -> Callable[[Iterable[Item]], Iterator[Item]]:
    """Lift a per-document function to a stream stage that passes everything else through."""

    def run(items: Iterable[Item]) -> Iterator[Item]:
        for item in items:
            yield fn(item) if isinstance(item, Document) and not item.skipped else item

    return run


def _skip_if_empty(min_words: int) -> Callable[[Document], Document]:
    def check(doc: Document) -> Document:
        cleaned = clean_document(doc)
        if len((cleaned.body or "").split()) < min_words:
            return replace(cleaned, skip_code="F202", skip_reason="no article text left after cleaning")
        return cleaned

    return check


def _nlp_stage(settings: Settings) -> Callable[[Iterable[Item]], Iterator[Item]]:
    def run(items: Iterable[Item]) -> Iterator[Item]:
        nlp = load_pipeline(settings.spacy_models)
        # Documents to parse go through nlp.pipe in batches; everything else keeps its place.
        stream_a, stream_b = tee(items)
        to_parse = (i for i in stream_a if isinstance(i, Document) and not i.skipped)
        parsed = parse_documents(nlp, to_parse, batch_size=settings.batch_size, workers=settings.workers)
        for item in stream_b:
            yield next(parsed) if isinstance(item, Document) and not item.skipped else item

    return run


def _actor_stage(settings: Settings) -> Callable[[Iterable[Item]], Iterator[Item]]:
    def run(items: Iterable[Item]) -> Iterator[Item]:
        from .actors import Resolver, load_kb

        resolver = Resolver(load_kb(settings.actors_file), load_pipeline(settings.spacy_models))
        for item in items:
            if isinstance(item, Parsed):
                mentions, places = resolver(item.doc, item.document.id, item.document.published)
                item = replace(item, mentions=tuple(mentions), places=tuple(places))
            yield item

    return run


def _event_stage(settings: Settings, provenance: dict[str, str]) -> Callable[[Iterable[Item]], Iterator[Item]]:
    def run(items: Iterable[Item]) -> Iterator[Item]:
        from .actors import load_kb
        from .events.coder import EventCoder
        from .events.model import load_model
        from .events.ontology import load_ontology

        coder = EventCoder(settings, load_ontology(), load_model(settings.event_model), load_kb(settings.actors_file),
                           provenance)
        # Documents are coded in batches so the sentence encoder sees many sentences per call.
        for chunk in _chunks(items, settings.batch_size):
            parsed = [i for i in chunk if isinstance(i, Parsed)]
            events = iter(coder.code_batch(parsed)) if parsed else iter(())
            for item in chunk:
                yield replace(item, events=tuple(next(events))) if isinstance(item, Parsed) else item

    return run


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Lists of up to ``size`` items in order (itertools.batched arrives only in Python 3.12)."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def default_stages(settings: Settings, provenance: dict[str, str] | None = None) -> list[Stage]:
    return [
        Stage("clean", frozenset({"doc.text"}), frozenset({"doc.body", "doc.title"}),
              map_documents(_skip_if_empty(settings.min_body_words))),
        Stage("date", frozenset({"doc.text", "doc.meta"}), frozenset({"doc.published"}),
              map_documents(lambda d: date_document(d, settings))),
        Stage("nlp", frozenset({"doc.body"}), frozenset({"parse.sents", "parse.ents", "parse.deps"}),
              _nlp_stage(settings)),
        Stage("actors", frozenset({"parse.ents", "parse.deps", "doc.published"}),
              frozenset({"actors.mentions", "actors.places"}), _actor_stage(settings)),
        Stage("events", frozenset({"actors.mentions", "actors.places", "doc.published"}), frozenset({"events"}),
              _event_stage(settings, provenance or {})),
    ]


class Pipeline:
    def __init__(self, stages: list[Stage], provided: frozenset[str] = READ_ASSIGNS) -> None:
        self.stages = list(stages)
        self.provided = provided
        self.check()

    def check(self) -> None:
        available = set(self.provided)
        for stage in self.stages:
            missing = stage.requires - available
            if missing:
                raise PipelineError(
                    f"[{stage.name}] requires {', '.join(sorted(missing))}, which no earlier stage assigns",
                    hint="reorder the stages",
                )
            available |= stage.assigns

    def analysis(self) -> list[dict[str, Any]]:
        return [
            {"stage": s.name, "requires": sorted(s.requires), "assigns": sorted(s.assigns)} for s in self.stages
        ]

    def __call__(self, items: Iterable[Item]) -> Iterator[Item]:
        stream: Iterable[Item] = items
        for stage in self.stages:
            stream = stage.run(stream)
        return iter(stream)

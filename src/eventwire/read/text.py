"""Plain-text articles: an optional header line `` date YYYY-MM-DD`` then the article.

In the scraped files we receive, the header shares its line with the start of the article
(`` date 2024-02-16 Azerbaijani President …``), so only the header token is cut off.
"""

from __future__ import annotations

import re
from datetime import date

from ..records import Document, content_hash

_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4})-(\d{2})-(\d{2})\b[ \t]*", re.IGNORECASE)


def split_header(text: str) -> tuple[date | None, str]:
    """Return the header date (if any, and valid) and the text without the header token."""
    m = _HEADER.match(text)
    if not m:
        return None, text
    try:
        published = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        published = None
    return published, text[m.end():]


def document_from_text(text: str, *, doc_id: str, origin: str) -> Document:
    published, body = split_header(text)
    return Document(
        id=doc_id,
        text=body,
        published=published,
        date_source="header" if published else None,
        origin=origin,
        format="txt",
        content_hash=content_hash(body),
    )

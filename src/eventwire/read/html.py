"""HTML pages: main text through trafilatura, publication date through htmldate.

htmldate runs without its extensive text search: a date from the page's metadata or URL is
reliable, a year found somewhere in the body is not (DEVELOPERS.md: null beats a wrong date).
"""

from __future__ import annotations

import warnings
from datetime import date

import htmldate
import trafilatura

from ..records import Document, content_hash
from .decode import DecodeFailed


def document_from_html(html: str, *, doc_id: str, origin: str) -> Document:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            extracted = trafilatura.bare_extraction(
                html, with_metadata=True, include_comments=False, include_tables=False, as_dict=True
            )
        except Exception as exc:  # trafilatura raises many kinds on broken markup
            raise DecodeFailed("F107", f"no main text found in HTML: {type(exc).__name__}") from exc
        if not extracted or not (extracted.get("text") or "").strip():
            raise DecodeFailed("F107", "no main text found in HTML (broken or empty page)")
        try:
            found = htmldate.find_date(html, extensive_search=False, original_date=True)
        except Exception:
            found = None
    published = date.fromisoformat(found) if found else None
    text = extracted["text"]
    return Document(
        id=doc_id,
        text=text,
        title=extracted.get("title") or None,
        url=extracted.get("url") or None,
        published=published,
        date_source="html-meta" if published else None,
        source_name=extracted.get("sitename") or None,
        origin=origin,
        format="html",
        content_hash=content_hash(text),
    )

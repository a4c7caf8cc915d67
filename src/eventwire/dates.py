"""Date stage: the article's publication date, and where it came from.

Readers already take dates from a header line, HTML metadata or a record field. For the rest we
look only where publishers put a date — a stamp line or a dateline near the top of the page —
and accept only complete dates (day, month and year). A year or a day mentioned in passing is
not a publication date, and no date is better than a wrong one: we never fall back to today.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import dateparser

from .clean import MONTHS, WHITESPACE, is_stamp
from .config import Settings
from .records import Document

_NUMERIC = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b|\b(\d{1,2})([./])(\d{1,2})\5(\d{4})\b")
_NAMED = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s+\d{{4}}|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\b",
    re.I,
)
_DATELINE = re.compile(r"^[A-Z][A-Za-z .'’-]{1,40},\s")
_STRICT = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}
_EARLIEST = date(1980, 1, 1)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def full_date_in(text: str) -> date | None:
    """The first complete date written in ``text`` (numeric or with a month name), else None."""
    m = _NUMERIC.search(text)
    if m:
        if m[1]:
            return _safe(int(m[1]), int(m[2]), int(m[3]))
        first, sep, second, year = int(m[4]), m[5], int(m[6]), int(m[7])
        if sep == "." or first > 12:  # dotted dates are day-first; 18/02 can only be day-first
            return _safe(year, second, first)
        if second > 12:
            return _safe(year, first, second)
        return None  # 03/04/2024: day-first or month-first cannot be told apart
    m = _NAMED.search(text)
    if m:
        parsed = dateparser.parse(m[0], languages=["en"], settings=_STRICT)
        return parsed.date() if parsed else None
    return None


def date_from_text(text: str, *, scan_lines: int, today: date | None = None) -> date | None:
    """A publication stamp or dateline among the first ``scan_lines`` non-empty lines."""
    today = today or date.today()
    lines = [WHITESPACE.sub(" ", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line][:scan_lines]
    for line in lines:
        if is_stamp(line) or _DATELINE.match(line):
            found = full_date_in(line if is_stamp(line) else line[:80])
            if found and _EARLIEST <= found <= today:
                return found
    return None


def date_document(doc: Document, settings: Settings, today: date | None = None) -> Document:
    if doc.published is not None:
        return doc
    found = date_from_text(doc.text, scan_lines=settings.date_scan_lines, today=today)
    return replace(doc, published=found, date_source="text-stamp" if found else None)

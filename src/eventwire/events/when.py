"""The event's own date, from the sentence, against the document date.

dateparser reads absolute dates ("on May 21", "21 May 2025") well but returns nothing for phrases
such as "late Sunday evening" or "the previous day"; this small resolver handles those relative
phrases itself and leaves absolute dates to dateparser (DEVELOPERS.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import dateparser

from ..clean import MONTHS

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY = re.compile(r"\b(?:(last|next|this|on|late|early)\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.I)
_MONTH_DAY = re.compile(
    rf"\b(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\.?(?:,?\s+\d{{4}})?)\b",
    re.I,
)
_YEAR = re.compile(r"\b(?:in|since|during|of)\s+(19\d\d|20\d\d)\b", re.I)
_RELATIVE = [  # (pattern, days offset, exact)
    (re.compile(r"\b(?:the previous day|the day before|a day earlier|one day earlier|yesterday)\b", re.I), -1, True),
    (re.compile(r"\b(?:today|this morning|this afternoon|this evening|tonight|earlier today|on the same day)\b", re.I), 0, True),
    (re.compile(r"\btomorrow\b", re.I), 1, True),
    (re.compile(r"\b(?:two days ago|two days earlier)\b", re.I), -2, True),
    (re.compile(r"\b(?:earlier this week|this week)\b", re.I), -2, False),
    (re.compile(r"\b(?:last week|a week ago|the previous week)\b", re.I), -7, False),
    (re.compile(r"\bnext week\b", re.I), 7, False),
    (re.compile(r"\b(?:last month|a month ago|the previous month)\b", re.I), -30, False),
    (re.compile(r"\bnext month\b", re.I), 30, False),
    (re.compile(r"\b(?:last year|a year ago|the previous year)\b", re.I), -365, False),
]
_VAGUE = re.compile(r"\b(?:recently|lately|in recent (?:days|weeks|months)|over the past|so far)\b", re.I)


@dataclass(frozen=True)
class EventDate:
    date: date | None
    exact: bool
    #: True when the sentence places the event well before the article (history, background).
    background: bool = False


def resolve_event_date(text: str, doc_date: date | None, *, future: bool = False) -> EventDate:
    for pattern, days, exact in _RELATIVE:
        if pattern.search(text):
            if doc_date is None:
                return EventDate(None, False)
            return EventDate(doc_date + timedelta(days=days), exact, background=days <= -300)
    m = _WEEKDAY.search(text)
    if m and doc_date is not None:
        target = WEEKDAYS.index(m.group(2).lower())
        if (m.group(1) or "").lower() == "next" or future:
            ahead = (target - doc_date.weekday()) % 7 or 7
            return EventDate(doc_date + timedelta(days=ahead), True)
        back = (doc_date.weekday() - target) % 7
        if (m.group(1) or "").lower() == "last" and back == 0:
            back = 7
        return EventDate(doc_date - timedelta(days=back), True)
    m = _MONTH_DAY.search(text)
    if m:
        settings = {"PREFER_DATES_FROM": "future" if future else "past", "REQUIRE_PARTS": ["day", "month"]}
        if doc_date is not None:
            settings["RELATIVE_BASE"] = datetime(doc_date.year, doc_date.month, doc_date.day)
        parsed = dateparser.parse(m.group(0), languages=["en"], settings=settings)
        if parsed is not None and (doc_date is not None or re.search(r"\d{4}", m.group(0))):
            day = parsed.date()
            return EventDate(day, True, background=doc_date is not None and (doc_date - day).days > 60)
    m = _YEAR.search(text)
    if m and doc_date is not None and int(m.group(1)) < doc_date.year:
        return EventDate(date(int(m.group(1)), 1, 1), False, background=True)
    if doc_date is None:
        return EventDate(None, False)
    return EventDate(doc_date, not (future or _VAGUE.search(text)))

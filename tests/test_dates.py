from __future__ import annotations

from datetime import date

from eventwire.config import Settings
from eventwire.dates import date_document, date_from_text, full_date_in
from eventwire.records import Document

TODAY = date(2026, 1, 1)


def dated(text: str, **kw) -> Document:
    return date_document(Document(id="d", text=text, **kw), Settings(), today=TODAY)


def test_date_from_time_stamp_line_is_day_first():
    doc = dated("Headline here\n\nPolitics 08:15 04.03.2025\n\nThe minister arrived on Monday.")
    assert doc.published == date(2025, 3, 4) and doc.date_source == "text-stamp"


def test_date_from_named_date_line():
    assert dated("March 9, 2024\nThe talks began.").published == date(2024, 3, 9)
    assert dated("9 March 2024\nThe talks began.").published == date(2024, 3, 9)


def test_date_from_dateline():
    assert dated("NAIROBI, Jan. 12, 2025 - Kenya and Uganda signed a deal.").published == date(2025, 1, 12)


def test_date_stays_null_when_only_a_year_is_mentioned():
    doc = dated("The two states signed a treaty in 2023 and renewed it last year.")
    assert doc.published is None and doc.date_source is None


def test_date_ignores_dates_in_prose_sentences():
    assert dated("The minister said talks held on March 9, 2024 were useful.").published is None


def test_date_never_uses_today_or_future_dates():
    assert dated("Updated 10:00 05.05.2031\nText.").published is None


def test_date_ambiguous_slashed_numbers_are_not_guessed():
    assert full_date_in("03/04/2024") is None
    assert full_date_in("25/12/2024") == date(2024, 12, 25)


def test_date_from_reader_wins_over_text():
    doc = dated("March 9, 2024\nText.", published=date(2024, 3, 10), date_source="header")
    assert doc.published == date(2024, 3, 10) and doc.date_source == "header"


def test_date_looks_only_at_leading_lines():
    text = "\n".join(["A sentence here."] * 20 + ["March 9, 2024"])
    assert date_from_text(text, scan_lines=12, today=TODAY) is None

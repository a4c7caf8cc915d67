from __future__ import annotations

from datetime import date

from eventwire.events.when import resolve_event_date

SUNDAY = date(2024, 2, 18)  # a Sunday


def test_event_date_weekday_is_the_latest_such_day_up_to_the_article():
    got = resolve_event_date("The minister arrived late Sunday evening.", SUNDAY)
    assert (got.date, got.exact) == (SUNDAY, True)
    assert resolve_event_date("They met on Thursday.", SUNDAY).date == date(2024, 2, 15)


def test_event_date_future_weekday_is_the_next_one():
    assert resolve_event_date("She will host him on Monday.", SUNDAY, future=True).date == date(2024, 2, 19)
    assert resolve_event_date("Talks resume next Tuesday.", SUNDAY).date == date(2024, 2, 20)


def test_event_date_previous_day_and_yesterday():
    assert resolve_event_date("The talks were held in Lima the previous day.", SUNDAY).date == date(2024, 2, 17)
    assert resolve_event_date("Police arrested him yesterday.", SUNDAY).date == date(2024, 2, 17)


def test_event_date_month_and_day_uses_the_article_year():
    got = resolve_event_date("On March 3, the ministers signed the deal.", date(2025, 3, 10))
    assert (got.date, got.exact) == (date(2025, 3, 3), True)


def test_event_date_last_week_is_not_exact():
    got = resolve_event_date("The envoy visited Kabul last week.", SUNDAY)
    assert got.date == date(2024, 2, 11) and got.exact is False


def test_event_date_history_is_background():
    got = resolve_event_date("The two states fought a war in 2020.", SUNDAY)
    assert got.background and got.date == date(2020, 1, 1)
    assert resolve_event_date("Last year, the president declared a new era.", SUNDAY).background


def test_event_date_defaults_to_document_date_and_null_without_one():
    got = resolve_event_date("The ministers discussed trade.", SUNDAY)
    assert (got.date, got.exact) == (SUNDAY, True)
    assert resolve_event_date("The ministers recently discussed trade.", SUNDAY).exact is False
    assert resolve_event_date("They met on Monday.", None).date is None

"""Event store: idempotent ingestion, deduplication rules, announcements linked to occurrences, exports."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from eventwire.config import Settings
from eventwire.read import discover
from eventwire.run import code_files
from eventwire.store import Store
from eventwire.store.dedup import DedupRules, dates_match, same_event
from eventwire.store.exports import GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, ExportFormat, export
from eventwire.store.schema import SCHEMA_VERSION, migrate

from .conftest import write

RULES = DedupRules()


def mention(**kw) -> dict:
    row = dict(date=date(2024, 5, 6), date_exact=True, source_country="KEN", source_name="William Ruto",
               target_country="UGA", target_name="Yoweri Museveni", location_country="UGA")
    row.update(kw)
    return row


def test_dedup_dates_within_window_depend_on_exactness():
    assert dates_match(date(2024, 5, 6), True, date(2024, 5, 7), True, RULES)
    assert not dates_match(date(2024, 5, 6), True, date(2024, 5, 9), True, RULES)
    assert dates_match(date(2024, 5, 6), False, date(2024, 5, 9), True, RULES)
    assert not dates_match(date(2024, 5, 6), True, None, False, RULES)


def test_dedup_same_dyad_a_week_apart_is_another_meeting():
    assert not same_event(mention(date=date(2024, 5, 13)), mention(), RULES, set())


def test_dedup_different_people_on_one_side_are_different_events():
    other = mention(source_name="Musalia Mudavadi", target_name="Jeje Odongo")
    assert not same_event(other, mention(), RULES, set())


def test_dedup_country_name_does_not_contradict_a_person():
    assert same_event(mention(source_name="Kenya"), mention(), RULES, {"kenya"})


def test_dedup_reversed_symmetric_dyad_compares_the_right_sides():
    reversed_ = mention(source_country="UGA", source_name="Yoweri Museveni", target_country="KEN", target_name="William Ruto")
    assert same_event(reversed_, mention(), RULES, set())


def test_dedup_different_location_countries_are_different_events():
    assert not same_event(mention(location_country="KEN"), mention(), RULES, set())


def test_schema_migrations_are_recorded_and_idempotent():
    con = duckdb.connect(":memory:")
    assert migrate(con) == SCHEMA_VERSION
    assert migrate(con) == SCHEMA_VERSION
    assert con.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == SCHEMA_VERSION


ANNOUNCE = " date 2024-05-03 Kenyan President William Ruto will visit Uganda on Monday, his office said."
ARRIVE = " date 2024-05-06 Kenyan President William Ruto arrived in Uganda on Monday for a state visit."
ARRIVE_AGAIN = " date 2024-05-06 Kenyan President William Ruto arrived in Kampala on Monday for a two-day state visit."


@pytest.mark.slow
def test_store_coding_the_same_articles_twice_adds_nothing(tmp_path):
    write(tmp_path / "in" / "a.txt", ANNOUNCE)
    write(tmp_path / "in" / "b.txt", ARRIVE)
    db = tmp_path / "s.duckdb"
    paths = discover([str(tmp_path / "in")])
    code_files(paths, Settings(), db=db)
    with Store(db) as s:
        first = {t: s.sql(f"SELECT count(*) AS n FROM {t}")["n"][0] for t in ("documents", "mentions", "events")}
    summary = code_files(paths, Settings(), db=db)
    with Store(db) as s:
        second = {t: s.sql(f"SELECT count(*) AS n FROM {t}")["n"][0] for t in ("documents", "mentions", "events")}
        runs = s.sql("SELECT count(*) AS n FROM runs")["n"][0]
    assert first == second and summary.already_stored == 2 and runs == 2


@pytest.mark.slow
def test_store_visit_reported_twice_is_one_event_with_its_announcement_linked(tmp_path):
    write(tmp_path / "in" / "a.txt", ANNOUNCE)
    write(tmp_path / "in" / "b.txt", ARRIVE)
    write(tmp_path / "in" / "c.txt", ARRIVE_AGAIN)
    db = tmp_path / "s.duckdb"
    code_files(discover([str(tmp_path / "in")]), Settings(), db=db)
    with Store(db) as s:
        visits = s.events(dyad=("KEN", "UGA"), plover="CONSULT")
        # The announcement is CAMEO 036 (intent to meet), which PLOVER types AGREE; linked all the same.
        announced = s.events(dyad=("KEN", "UGA"), plover="AGREE")
    occurrence = visits[~visits.is_intent]
    intents = announced[announced.is_intent]
    assert set(intents.cameo) == {"036"}
    assert len(occurrence) == 1 and len(intents) == 1
    occ = occurrence.iloc[0]
    assert intents.iloc[0].related_event_id == occ.event_id
    assert occ.num_documents == 3 and occ.num_mentions >= 3
    assert occ.date == date(2024, 5, 6) or str(occ.date)[:10] == "2024-05-06"


@pytest.mark.slow
def test_store_exports_have_the_gdelt_columns_and_padded_codes(tmp_path):
    write(tmp_path / "in" / "b.txt", ARRIVE)
    db = tmp_path / "s.duckdb"
    code_files(discover([str(tmp_path / "in")]), Settings(), db=db)
    with Store(db) as s:
        for fmt in ExportFormat:
            export(s.con, fmt, tmp_path / f"out.{fmt.value}")
    rows = list(csv.reader((tmp_path / "out.gdelt-csv").open(), delimiter="\t"))
    assert rows[0] == GDELT_EVENT_COLUMNS and len(GDELT_EVENT_COLUMNS) == 61
    event = dict(zip(rows[0], rows[1]))
    assert event["EventCode"].startswith("0") and event["EventRootCode"] == event["EventCode"][:2]
    assert event["Actor1CountryCode"] == "KEN" and event["SQLDATE"] == "20240506"
    mentions = list(csv.reader((tmp_path / "out.gdelt-mentions").open(), delimiter="\t"))
    assert mentions[0] == GDELT_MENTION_COLUMNS and len(mentions) >= 2
    plover = [json.loads(line) for line in (tmp_path / "out.plover-jsonl").read_text().splitlines()]
    assert {"event_type", "mode", "context", "source_actor", "target_actor"} <= set(plover[0])
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{tmp_path / 'out.parquet'}'").fetchone()[0] == len(rows) - 1


def test_dedup_announcement_and_occurrence_are_not_merged():
    from eventwire.store.dedup import pair_decision

    visit = mention(plover_event="CONSULT", cameo="042", modality="asserted")
    announced = mention(plover_event="CONSULT", cameo="036", modality="future")
    assert pair_decision(visit, dict(visit), RULES, set())
    assert not pair_decision(visit, announced, RULES, set())


def test_dedup_symmetric_types_match_mirrored_dyads_only():
    from eventwire.store.dedup import pair_decision

    meet = mention(plover_event="CONSULT", cameo="040", modality="asserted")
    mirrored = dict(meet, source_country="UGA", target_country="KEN", source_name="Yoweri Museveni",
                    target_name="William Ruto")
    accuse = dict(meet, plover_event="ACCUSE", cameo="112")
    assert pair_decision(meet, mirrored, RULES, set())
    assert not pair_decision(accuse, dict(mirrored, plover_event="ACCUSE", cameo="112"), RULES, set())


def test_dedup_labelled_pairs_cover_hard_negatives_and_score():
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "training" / "dedup" / "pairs.jsonl"
    spec = importlib.util.spec_from_file_location("dedup_eval", path.parents[2] / "benchmarks" / "dedup_eval.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.load(path)
    kinds = {r["kind"] for r in rows}
    assert len(rows) >= 100 and "hard-negative" in kinds and "hard-positive" in kinds
    result = module.score(rows, RULES, set())
    assert result["pairs"] == len(rows) and 0 <= result["precision"] <= 1 and 0 <= result["recall"] <= 1

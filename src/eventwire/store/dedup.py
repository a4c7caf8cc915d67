"""Rules that decide whether an event mention reports an event already in the store.

Two mentions are one real-world event when (all of):
1. they have the same PLOVER type and are both occurrences or both announcements (an announced
   visit, CAMEO 03x, and the visit itself are kept as two events, linked — see ``links``);
2. they have the same dyad: source and target countries in order, or in either order for
   symmetric types (A meets B is B meets A);
3. where both name a specific person or body on a side, it is the same one;
4. their dates are within ``window_exact_days`` when both dates are exact, else within
   ``window_inexact_days`` (an undated mention only joins undated ones);
5. where both have a location country, it is the same.
An announcement links to the occurrence of the same type and dyad within ``link_window_days`` of
the planned date. All windows are settings (``dedup_*``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})


@dataclass(frozen=True)
class DedupRules:
    window_exact_days: int = 1
    window_inexact_days: int = 4
    link_window_days: int = 3
    symmetric_types: frozenset[str] = SYMMETRIC_TYPES


@dataclass(frozen=True)
class Key:
    """What the store looks up candidate events by."""

    plover_event: str
    is_intent: bool
    source_country: str | None
    target_country: str | None

    def dyads(self, rules: DedupRules) -> list[tuple[str | None, str | None]]:
        pairs = [(self.source_country, self.target_country)]
        if self.plover_event in rules.symmetric_types and self.target_country:
            pairs.append((self.target_country, self.source_country))
        return pairs


def is_intent(modality: str, cameo: str) -> bool:
    return modality == "future" and cameo[:2] in ("03", "13")


def dates_match(a: date | None, a_exact: bool, b: date | None, b_exact: bool, rules: DedupRules) -> bool:
    if a is None or b is None:
        return a is None and b is None
    window = rules.window_exact_days if (a_exact and b_exact) else rules.window_inexact_days
    return abs((a - b).days) <= window


def sides_match(m: dict, e: dict, country_names: set[str]) -> bool:
    """Same specific person/body on each side where both name one (country names are not specific)."""
    pairs = [("source", "source"), ("target", "target")]
    if (m["source_country"], m["target_country"]) != (e["source_country"], e["target_country"]):
        pairs = [("source", "target"), ("target", "source")]
    for mine, theirs in pairs:
        a, b = m.get(f"{mine}_name"), e.get(f"{theirs}_name")
        if a and b and a != b and a.lower() not in country_names and b.lower() not in country_names:
            return False
    return True


def same_event(m: dict, e: dict, rules: DedupRules, country_names: set[str]) -> bool:
    if not dates_match(m["date"], m["date_exact"], e["date"], e["date_exact"], rules):
        return False
    if m.get("location_country") and e.get("location_country") and m["location_country"] != e["location_country"]:
        return False
    return sides_match(m, e, country_names)


def same_key(a: dict, b: dict, rules: DedupRules) -> bool:
    """Rules 1 and 2: same type, both announcements or both occurrences, same (or mirrored symmetric) dyad."""
    if a["plover_event"] != b["plover_event"]:
        return False
    if is_intent(a["modality"], a["cameo"]) != is_intent(b["modality"], b["cameo"]):
        return False
    key = Key(a["plover_event"], False, a["source_country"], a["target_country"])
    return (b["source_country"], b["target_country"]) in key.dyads(rules)


def pair_decision(a: dict, b: dict, rules: DedupRules, country_names: set[str]) -> bool:
    """Would the store merge these two mentions? (The store applies the same rules through its index.)"""
    return same_key(a, b, rules) and same_event(a, b, rules, country_names)

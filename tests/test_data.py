"""Every packaged data file loads and holds consistent facts."""

from __future__ import annotations

from collections import Counter

import pycountry

from eventwire.actors.kb import SECTORS, load_kb, packaged_files
from eventwire.clean import clutter_cues
from eventwire.resources import load_yaml


def test_data_every_packaged_file_loads():
    for name in ["clutter.yaml", "ontology/cameo.yaml", "ontology/plover.yaml", "ontology/event_nouns.yaml", *packaged_files()]:
        assert load_yaml(name), name
    assert clutter_cues().furniture


def test_data_country_codes_are_iso_or_declared_non_iso():
    kb = load_kb()
    for code, country in kb.countries.items():
        assert country.non_iso or pycountry.countries.get(alpha_3=code), code
    assert {"AZE", "TUR", "KEN"} <= set(kb.countries)


def test_data_office_holders_have_valid_countries_sectors_and_dates():
    kb = load_kb()
    known = set(kb.countries) | {"IGO", "NGO", "IMG"}
    for person in kb.people:
        assert person.country in known, person.name
        for office in person.offices:
            assert office.sector in SECTORS, (person.name, office.sector)
            assert office.end is None or office.start <= office.end, person.name


def test_data_title_sectors_are_known_and_titles_unique():
    raw = load_yaml("actors/titles.yaml")
    words = Counter(t.lower() for group in raw for t in group["titles"])
    assert [w for w, n in words.items() if n > 1] == []
    assert all(group["sector"] in SECTORS or group["sector"] is None for group in raw)


def test_data_organisation_acronyms_unique():
    raw = load_yaml("actors/organizations.yaml")
    acronyms = Counter(o["acronym"] for o in raw)
    assert [a for a, n in acronyms.items() if n > 1] == []


def test_data_cameo_codes_are_padded_and_map_to_plover_types():
    cameo = load_yaml("ontology/cameo.yaml")
    plover = {t["name"] for t in load_yaml("ontology/plover.yaml")["types"]}
    codes = {c["code"] for c in cameo}
    assert len(codes) == len(cameo) and all(isinstance(c, str) and c.isdigit() for c in codes)
    assert all(c["code"][:2] in codes for c in cameo)
    assert all(c["plover"] is None or c["plover"] in plover for c in cameo)
    assert all(-10 <= c["goldstein"] <= 10 for c in cameo)

"""Actor resolution rules, each pinned on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors import Resolver, load_kb

pytestmark = pytest.mark.slow

USER_ACTORS = """
countries:
  - code: RUR
    name: Ruritania
    adjectives: [Ruritanian]
    capitals: [Strelsau]
    metonyms: [Strelsau]
people:
  - name: Rudolf Elphberg
    country: RUR
    aliases: [Elphberg]
    gender: m
    offices:
      - {role: head_of_state, title: King, sector: GOV, start: 2015-01-01, end: 2020-06-30}
  - name: Flavia Strel
    country: RUR
    aliases: [Strel]
    gender: f
    offices:
      - {role: head_of_state, title: Queen, sector: GOV, start: 2020-07-01, end: null}
  - name: William Ruto
    country: KEN
    aliases: [Ruto]
    gender: m
    offices:
      - {role: foreign_minister, title: Foreign Minister, sector: GOV, start: 2010-01-01, end: null}
titles:
  - {sector: GOV, role: head_of_state, titles: [grand elector]}
"""


@pytest.fixture(scope="module")
def user_file(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("kb") / "my_actors.yaml"
    path.write_text(USER_ACTORS, encoding="utf-8")
    return str(path)


def resolve(nlp, text: str, day: date | None = date(2024, 5, 1), user_file: str | None = None, resolver=None):
    resolver = resolver or Resolver(load_kb(user_file), nlp)
    mentions, places = resolver(nlp(text), "t", day)
    return mentions, places


def by_text(mentions):
    return {m.text: m for m in mentions}


def test_actors_title_and_nationality_before_a_name(nlp):
    (m, *_), _ = resolve(nlp, "Kenyan President William Ruto opened the new port on Friday.")
    assert (m.name, m.country, m.sector, m.role, m.kind) == ("William Ruto", "KEN", "GOV", "head_of_state", "person")
    assert m.text == "Kenyan President William Ruto"


def test_actors_title_chain_with_republic_and_apposition_rank(nlp):
    text = "The Minister of Defence of the Republic of Kenya, General Amos Kiprono, inspected the troops."
    mentions, _ = resolve(nlp, text)
    person = next(m for m in mentions if m.kind == "person")
    assert (person.name, person.country, person.sector) == ("Amos Kiprono", "KEN", "MIL")


def test_actors_surname_and_pronoun_refer_back(nlp):
    text = "Kenyan President William Ruto arrived in Kampala on Monday.\n\nRuto thanked the hosts. He left on Tuesday."
    mentions, _ = resolve(nlp, text)
    later = [m for m in mentions if m.text in ("Ruto", "He")]
    assert [(m.text, m.name, m.country) for m in later] == [("Ruto", "William Ruto", "KEN"), ("He", "William Ruto", "KEN")]


def test_actors_place_of_an_event_is_not_an_actor(nlp):
    mentions, places = resolve(nlp, "Kenyan President William Ruto held talks in Kampala on Monday.")
    assert "Kampala" not in {m.text for m in mentions}
    assert [(p.text, p.country) for p in places] == [("Kampala", "UGA")]


def test_actors_capital_as_subject_is_the_government(nlp):
    (m, *_), _ = resolve(nlp, "Kampala rejected the proposal on Monday.")
    assert (m.country, m.sector, m.kind) == ("UGA", "GOV", "metonym")


def test_actors_possessive_ministry_gets_its_sector(nlp):
    mentions, _ = resolve(nlp, "Uganda's Defence Ministry said the exercise would start soon.")
    m = by_text(mentions)["Uganda's Defence Ministry"]
    assert (m.country, m.sector) == ("UGA", "MIL")


def test_actors_title_without_name_resolves_to_office_holder_on_the_document_date(nlp):
    text = "The Kenyan president will travel to Addis Ababa next week."
    (before, *_), _ = resolve(nlp, text, day=date(2021, 3, 1))
    (after, *_), _ = resolve(nlp, text, day=date(2023, 3, 1))
    assert (before.country, before.name) == ("KEN", "Uhuru Kenyatta")
    assert (after.country, after.name) == ("KEN", "William Ruto")


def test_actors_person_holding_office_for_part_of_the_period(nlp, user_file):
    text = "The Ruritanian king received the envoys."
    (early, *_), _ = resolve(nlp, text, day=date(2019, 1, 1), user_file=user_file)
    (late, *_), _ = resolve(nlp, "The Ruritanian head of state received the envoys.", day=date(2022, 1, 1), user_file=user_file)
    assert early.name == "Rudolf Elphberg" and late.name == "Flavia Strel"


def test_actors_user_file_adds_countries_titles_and_overrides_people(nlp, user_file):
    mentions, _ = resolve(nlp, "Strelsau protested. The Ruritanian grand elector spoke to William Ruto.",
                          user_file=user_file)
    got = {m.text: (m.country, m.role) for m in mentions}
    assert got["Strelsau"] == ("RUR", None)
    assert got["The Ruritanian grand elector"] == ("RUR", "head_of_state")
    assert got["William Ruto"] == ("KEN", "foreign_minister")  # the user's entry replaced the packaged one


def test_actors_text_title_wins_over_knowledge_base(nlp):
    (m, *_), _ = resolve(nlp, "Kenyan Trade Minister William Ruto visited the fair.")
    assert (m.name, m.role) == ("William Ruto", "trade_minister")


def test_actors_counterpart_takes_the_role_of_the_speaker(nlp):
    text = "Kenyan President William Ruto met his Ugandan counterpart in Nairobi."
    mentions, _ = resolve(nlp, text, day=date(2024, 5, 1))
    m = by_text(mentions)["Ugandan counterpart"]
    assert (m.country, m.role, m.name, m.kind) == ("UGA", "head_of_state", "Yoweri Museveni", "counterpart")


def test_actors_plural_group_resolves_to_the_set_of_actors(nlp):
    text = "Kenyan President William Ruto hosted Ugandan President Yoweri Museveni.\n\nThe two presidents signed a deal."
    mentions, _ = resolve(nlp, text)
    group = [m for m in mentions if m.kind == "group"]
    assert {(m.text, m.country) for m in group} == {("The two presidents", "KEN"), ("The two presidents", "UGA")}


def test_actors_coordinated_nationalities_give_each_country(nlp):
    mentions, _ = resolve(nlp, "Senior Kenyan and Ugandan officials agreed on a new border post.")
    assert {m.country for m in mentions} == {"KEN", "UGA"}


def test_actors_unknown_person_with_stated_title_is_coded_and_learned(nlp):
    resolver = Resolver(load_kb(), nlp)
    (m, *_), _ = resolve(nlp, "Ugandan army spokesman Felix Omondo said the border was calm.", resolver=resolver)
    assert (m.name, m.country, m.sector) == ("Felix Omondo", "UGA", "MIL")
    (later, *_), _ = resolve(nlp, "Omondo said more troops would arrive.", resolver=resolver)
    assert (later.name, later.country) == ("Omondo", "UGA")


def test_actors_bare_surname_of_a_leader_needs_a_person_context(nlp):
    mentions, _ = resolve(nlp, "Thousands gathered at the Olympic Park in the evening.")
    assert all(m.kind != "person" for m in mentions)


def test_actors_country_qualifying_a_relation_is_not_an_actor(nlp):
    mentions, _ = resolve(nlp, "Kenya-Uganda ties have improved this year.")
    assert mentions == []


def test_actors_nationality_qualifying_an_event_noun_is_its_actor(nlp):
    mentions, _ = resolve(nlp, "The Ugandan offensive began at dawn.")
    assert [(m.text, m.country, m.kind) for m in mentions] == [("Ugandan", "UGA", "adjective")]


def test_actors_organisation_acronyms_match_case_sensitively(nlp):
    mentions, _ = resolve(nlp, "NATO said who was responsible would be found.")
    assert [(m.text, m.country, m.name) for m in mentions] == [("NATO", "IGO", "NATO")]


def test_actors_offsets_index_the_text(nlp):
    text = "On Monday, Kenyan President William Ruto met Ugandan officials."
    mentions, _ = resolve(nlp, text)
    assert all(text[m.start:m.end] == m.text for m in mentions)


def test_actors_rights_group_without_nationality_is_coded_ngo(nlp):
    (m, *_), _ = resolve(nlp, "A human rights group condemned the arrests.")
    assert (m.country, m.sector) == ("NGO", "NGO")


def test_actors_unknown_association_is_an_ngo(nlp):
    mentions, _ = resolve(nlp, "The Association of Lake Fishermen appealed to the government.")
    assert ("NGO", "org") in {(m.country, m.kind) for m in mentions}


def test_actors_coordination_before_a_titled_name_keeps_both_actors(nlp):
    mentions, _ = resolve(nlp, "The envoy proposed talks between Chile and Peruvian leader Dina Boluarte.")
    assert {"CHL", "PER"} <= {m.country for m in mentions}


def test_actors_country_naming_a_province_is_a_place(nlp):
    _, places = resolve(nlp, "Kenya eased emergency measures in Tanzania province on Monday.")
    assert [(p.text, p.country) for p in places] == [("Tanzania", "TZA")]

"""Event coding on sentences written for these tests: roles, modality, codes, evidence."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors import Resolver, load_kb
from eventwire.config import Settings
from eventwire.events.coder import EventCoder
from eventwire.events.modality import modality_of
from eventwire.events.model import load_model
from eventwire.events.ontology import load_ontology, quad_class
from eventwire.events.predicates import candidates
from eventwire.events.vocab import event_nouns
from eventwire.nlp import Parsed
from eventwire.records import Document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def coder(nlp):
    return EventCoder(Settings(), load_ontology(), load_model(), load_kb())


def code(nlp, coder, text: str, day=date(2024, 5, 2)):
    doc = nlp(text)
    mentions, places = Resolver(load_kb(), nlp)(doc, "t", day)
    parsed = Parsed(Document(id="t", text=text, body=text, published=day), doc, tuple(mentions), tuple(places))
    return coder.code(parsed)


def roles(nlp, text: str):
    doc = nlp(text)
    mentions, places = Resolver(load_kb(), nlp)(doc, "t", date(2024, 5, 2))
    sent = next(doc.sents)
    return {c.trigger.text: ([m.country for m in c.sources], [m.country for m in c.targets])
            for c in candidates(sent, mentions, places, event_nouns())}


def test_predicate_subject_is_source_and_object_is_target(nlp):
    assert roles(nlp, "Kenya accused Uganda of arming the rebels.")["accused"] == (["KEN"], ["UGA"])


def test_predicate_passive_by_agent_is_the_source(nlp):
    assert roles(nlp, "Uganda was criticised by Kenya on Monday.")["criticised"] == (["KEN"], ["UGA"])


def test_predicate_with_complement_is_a_target(nlp):
    assert roles(nlp, "Ghana held talks with Togo in Accra.")["held"] == (["GHA"], ["TGO"])


def test_predicate_joint_subject_codes_both_sides(nlp):
    assert roles(nlp, "Ghana and Togo agreed to open the border.")["agreed"] == (["GHA"], ["TGO"])


def test_predicate_infinitive_inherits_the_subject(nlp):
    assert roles(nlp, "Japan pledged to send aid to Nepal.")["send"][0] == ["JPN"]


def test_predicate_refusal_takes_the_target_of_what_was_refused(nlp):
    assert roles(nlp, "Chile refused to sign the treaty with Peru.")["refused"] == (["CHL"], ["PER"])


def test_predicate_clause_subject_is_the_addressee_of_a_demand(nlp):
    assert roles(nlp, "Brazil demanded that Paraguay release the prisoners.")["demanded"] == (["BRA"], ["PRY"])


@pytest.mark.parametrize("text, trigger, expected", [
    ("Chile did not sign the treaty.", "sign", "negated"),
    ("Chile will sign the treaty next week.", "sign", "future"),
    ("Chile is expected to sign the treaty.", "sign", "future"),
    ("Chile could sign the treaty if Peru agrees.", "sign", "hypothetical"),
    ("Will Chile sign the treaty?", "sign", "hypothetical"),
    ("Chile signed the treaty.", "signed", "asserted"),
    ("Chile refused to sign the treaty.", "refused", "asserted"),
    ("Chile refused to sign the treaty.", "sign", "negated"),
])
def test_modality(nlp, text, trigger, expected):
    tok = next(t for t in nlp(text) if t.text == trigger)
    assert modality_of(tok) == expected


def test_events_announced_visit_is_coded_as_intent_and_future(nlp, coder):
    events = code(nlp, coder, "Kenyan President William Ruto will visit Uganda on Monday.")
    top = max(events, key=lambda e: e.confidence)
    assert top.modality == "future" and top.cameo.startswith("03")
    assert (top.source.country, top.target.country) == ("KEN", "UGA")
    assert top.date == date(2024, 5, 6)


def test_events_refusal_is_reject_not_agree(nlp, coder):
    events = code(nlp, coder, "Kenya refused to sign the trade agreement with Uganda.")
    assert max(events, key=lambda e: e.confidence).plover.event == "REJECT"


def test_events_background_history_is_not_coded(nlp, coder):
    assert code(nlp, coder, "In 2019, Kenya accused Uganda of arming rebels.") == []


def test_events_codes_are_consistent_with_the_ontology(nlp, coder):
    ontology = load_ontology()
    for e in code(nlp, coder, "Ugandan troops shelled Kenyan border posts on Tuesday, killing two soldiers."):
        entry = ontology.describe(e.cameo)
        assert e.quad_class == quad_class(e.cameo) and e.goldstein == entry.goldstein
        assert isinstance(e.cameo, str) and e.cameo.isdigit()


def test_events_evidence_offsets_index_the_text(nlp, coder):
    text = "Markets were calm. Kenya accused Uganda of arming the rebels on Monday."
    events = code(nlp, coder, text)
    assert events
    for e in events:
        assert text[e.evidence.start:e.evidence.end] == e.evidence.sentence


def test_events_location_is_where_it_happened(nlp, coder):
    events = code(nlp, coder, "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Mombasa on Monday.")
    top = max(events, key=lambda e: e.confidence)
    assert top.location is not None and top.location.country == "KEN" and top.location.lat is not None


def test_predicate_pronoun_in_reported_complement_takes_the_speaker(nlp, coder):
    # "says it is willing to withdraw": the act's subject is a pronoun two clauses below the speaker.
    events = code(nlp, coder, "Chile says it is willing to withdraw its troops from the border with Peru.")
    assert events and all(e.source.country == "CHL" for e in events)


def test_predicate_joint_subject_of_a_meeting_is_the_target_not_the_topic(nlp, coder):
    events = code(nlp, coder, "Nigerian President Bola Tinubu arrived in Accra on Monday. "
                              "He and the Ghanaian president will discuss Togo's elections.")
    # The topic (Togo) is not the other side of a talk between the two presidents.
    talks = [e for e in events if "discuss" in e.evidence.sentence]
    assert talks and all((e.source.country, e.target.country) == ("NGA", "GHA") for e in talks)


@pytest.mark.parametrize("text, trigger", [
    ("Chile threatened to impose sanctions on Peru.", "impose"),
    ("Chile urged Peru to release the prisoners.", "release"),
])
def test_modality_threatened_or_demanded_act_is_hypothetical(nlp, text, trigger):
    tok = next(t for t in nlp(text) if t.text == trigger)
    assert modality_of(tok) == "hypothetical"


def test_events_threat_outranks_the_threatened_act(nlp, coder):
    events = code(nlp, coder, "Chile threatened on Monday to impose sanctions on Peru over the fishing dispute.")
    assert max(events, key=lambda e: e.confidence).plover.event == "THREATEN"


def test_events_announced_cooperation_takes_the_type_of_its_intent_code(nlp, coder):
    ontology = load_ontology()
    events = code(nlp, coder, "Kenyan President William Ruto will visit Uganda on Monday.")
    for e in events:
        if e.modality == "future" and e.cameo.startswith("03"):
            assert e.plover.event == ontology.describe(e.cameo).plover == "AGREE"


def test_events_domestic_act_without_named_target_targets_the_source_country(nlp, coder):
    events = code(nlp, coder, "Thousands of Kenyan students demonstrated in Nairobi on Tuesday against rising fees.")
    protest = [e for e in events if e.plover.event == "PROTEST"]
    assert protest and protest[0].source.country == "KEN"
    assert protest[0].target is not None and protest[0].target.country == "KEN" and protest[0].target.text == ""


def test_events_act_abroad_without_named_target_targets_the_place_country(nlp, coder):
    events = code(nlp, coder, "Kenya deployed additional troops in northern Uganda on Tuesday.")
    assert events
    top = max(events, key=lambda e: e.confidence)
    assert top.source.country == "KEN" and top.target is not None and top.target.country == "UGA"


def test_events_implicit_targets_can_be_switched_off(nlp):
    plain = EventCoder(Settings(implicit_targets=False), load_ontology(), load_model(), load_kb())
    events = code(nlp, plain, "Thousands of Kenyan students demonstrated in Nairobi on Tuesday against rising fees.")
    assert all(e.target is None for e in events if e.plover.event == "PROTEST")


def test_events_same_result_with_and_without_the_batch(nlp, coder):
    texts = ["Kenya accused Uganda of arming the rebels on Monday.", "Chile refused to sign the treaty with Peru."]
    one_by_one = [code(nlp, coder, t) for t in texts]
    day = date(2024, 5, 2)
    batch = []
    for t in texts:
        doc = nlp(t)
        mentions, places = Resolver(load_kb(), nlp)(doc, "t", day)
        batch.append(Parsed(Document(id="t", text=t, body=t, published=day), doc, tuple(mentions), tuple(places)))
    assert coder.code_batch(batch) == one_by_one


def test_events_reaction_without_named_target_answers_the_earlier_act(nlp, coder):
    events = code(nlp, coder, "Kenya imposed sanctions on Uganda on Monday. Uganda rejected the decision on Tuesday.")
    reaction = [e for e in events if e.source.country == "UGA"]
    assert reaction and reaction[0].target is not None and reaction[0].target.country == "KEN"

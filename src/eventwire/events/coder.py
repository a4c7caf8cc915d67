"""Event stage: who did what to whom, when and where, for each sentence with an actor.

For every candidate predicate with a source actor, the learned model gives the PLOVER type (or no
event); the CAMEO code is the finest one our corpus used for that type and wording, turned into
CAMEO's intent code when the act is only announced; Goldstein, QuadClass and the PLOVER type and
mode follow from the code (data/ontology). Dates, places and modality come from the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from ..actors.kb import KnowledgeBase
from ..config import Settings
from ..nlp import Parsed
from ..records import ActorRef, Event, Evidence, Mention, Place, Plover, content_hash
from .model import EventModel
from .modality import modality_of
from .ontology import Ontology, intent_codes, quad_class
from .predicates import (SPEECH_LEMMAS, Candidate, candidates, main_predicate, mention_index, mentions_under,
                         subject_of, tree_depth)
from .vocab import event_nouns
from .when import resolve_event_date
from .where import locate

_PRONOUN_SUBJECTS = {"it", "they", "we", "he", "she"}
#: Verbs whose complement clause reports the subject's own act or stance ("announced it will …").
REPORTING_HEADS = SPEECH_LEMMAS | {"warn", "vow", "pledge", "threaten", "promise", "announce", "declare", "confirm",
                                   "insist", "claim", "indicate", "signal", "reaffirm", "stress", "assert", "agree"}
#: Event types that are reported without a perpetrator often enough to code one as unidentified.
UNATTRIBUTED_TYPES = {"ASSAULT", "COERCE"}
#: Types whose joint subject ("A and B met / agreed / will cooperate") names both sides of one event.
JOINT_TYPES = {"CONSULT", "AGREE", "COOPERATE"}
#: Types whose act has an addressee even when none is named — the source's own country (GDELT and
#: ICEWS code "police dispersed protesters" or "the government lifted the curfew" as domestic
#: dyads). Cooperation types (CONSULT, AGREE, SUPPORT, COOPERATE, AID) need a named partner.
DOMESTIC_TARGET_TYPES = {"PROTEST", "COERCE", "CONCEDE", "RETREAT", "MOBILIZE", "ASSAULT", "SANCTION",
                         "REQUEST", "REJECT", "ACCUSE", "THREATEN"}


@dataclass
class EventCoder:
    settings: Settings
    ontology: Ontology
    model: EventModel
    kb: KnowledgeBase
    provenance: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.nouns = event_nouns() | frozenset(self.model.meta.get("noun_triggers", []))
        self.country_names = {c.name.lower() for c in self.kb.countries.values()} | {
            n.lower() for c in self.kb.countries.values() for n in c.names}
        self.none_index = self.model.plover.classes.index("NONE")

    def code(self, parsed: Parsed) -> list[Event]:
        return self.code_batch([parsed])[0]

    def code_batch(self, batch: list[Parsed]) -> list[list[Event]]:
        """Events per document; the sentence encoder runs once over the whole batch's sentences."""
        work = [self._candidates(parsed) for parsed in batch]
        # The sentence head speaks for each sentence's main predicate (see main_predicate), attribution
        # verbs ("…, the ministry said") aside; other predicates keep the parse head alone. The encoder
        # is the costly part: a sentence whose main predicate the parse head is sure about goes without.
        needs = []
        for items in work:
            for sent, _, cands in items:
                for cand in cands:
                    cand.parse_probs = self.model.plover.proba(cand.features)
                own = [c for c in cands if c.trigger.lemma_.lower() not in SPEECH_LEMMAS]
                main = main_predicate(own, [float(c.parse_probs[self.none_index]) for c in own],
                                      [tree_depth(c.trigger) for c in own]) if own else None
                if main is not None:
                    main.main = True
                unsure = main is not None and float(main.parse_probs.max()) < self.model.sentence_skip_above
                needs.append(sent.text if unsure else None)
        encoded = iter(self._sentence_probs([t for t in needs if t is not None]))
        probs = iter([next(encoded) if t is not None else None for t in needs])
        return [self._code_sentences(parsed, [(item, next(probs)) for item in items])
                for parsed, items in zip(batch, work)]

    def _candidates(self, parsed: Parsed) -> list[tuple]:
        """(sentence, places, candidates) for the sentences with something to code."""
        work = []
        for n, sent in enumerate(parsed.doc.sents):
            mentions = [m for m in parsed.mentions if m.sent == n]
            if not mentions:
                continue
            places = sorted((p for p in parsed.places if p.sent == n), key=lambda p: p.start)
            cands = candidates(sent, mentions, places, self.nouns)
            for cand in cands:
                self._inherit_reported_source(cand, mentions)
            cands = [c for c in cands if c.sources or (c.targets and places)]
            if cands:
                work.append((sent, places, cands))
        return work

    def _code_sentences(self, parsed: Parsed, work: list[tuple]) -> list[Event]:
        events: list[Event] = []
        for (sent, places, cands), sprobs in work:
            seen: set[tuple] = set()
            earlier = list(events)  # events of the preceding sentences: what a reaction answers
            for cand in cands:
                # "will host A on Monday and B on Tuesday": one event per coordinated target.
                for targets in [cand.targets[:1]] + [[m] for m in self._coordinated(cand, parsed.doc)]:
                    event = self._event(replace(cand, targets=targets), parsed.document, sent, places, sprobs,
                                        earlier)
                    if event is None:
                        continue
                    key = (event.source.country, event.target.country if event.target else None, event.cameo)
                    if key not in seen:
                        seen.add(key)
                        events.append(event)
        return events

    def _sentence_probs(self, texts: list[str]) -> list[np.ndarray | None]:
        head = self.model.sentence
        if not texts or head is None or not self.settings.sentence_encoder or self.model.sentence_weight == 0.0:
            return [None] * len(texts)
        from .encoder import encode

        return [head.proba(v) for v in encode(texts)]

    @staticmethod
    def _coordinated(cand: Candidate, doc) -> list[Mention]:
        """Further targets joined to the first by "and"/"," whose country differs from it."""
        if len(cand.targets) < 2:
            return []
        first = cand.targets[0]
        out = []
        for m in cand.targets[1:]:
            # The parser may hang the second object on the first one's date ("Monday and his counterpart"),
            # so any coordinated mention close to the predicate counts; deeper ones belong to other phrases.
            root = doc[m.token_start:m.token_end].root
            depth = next((k for k, a in enumerate(root.ancestors) if a.i == cand.trigger.i), 99)
            if root.dep_ == "conj" and depth <= 3 and m.country != first.country \
                    and all(m.country != o.country for o in out):
                out.append(m)
        return out

    def _inherit_reported_source(self, cand: Candidate, mentions: list[Mention]) -> None:
        """"X said it will retaliate", "X says it is willing to withdraw": the speaker is the source of
        the reported act when the act's own subject is a pronoun or missing."""
        if cand.sources:
            return
        tok = cand.trigger
        subj, _ = subject_of(tok)
        if subj is not None and subj.lower_ not in _PRONOUN_SUBJECTS:
            return
        # Climb from the act through complements ("willing to withdraw", "will try to …") to the clause
        # that a reporting verb governs.
        clause = subj.head if subj is not None else tok
        for _ in range(4):
            if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in REPORTING_HEADS:
                hsubj, passive = subject_of(clause.head)
                if hsubj is not None and not passive:
                    cand.sources = mentions_under(hsubj, mention_index(mentions))
                    cand.targets = [m for m in cand.targets if m not in cand.sources]
                return
            if clause.dep_ not in ("xcomp", "conj", "acomp", "advcl", "ccomp") or clause.head.i == clause.i:
                return
            clause = clause.head

    def _implicit_target(self, cand: Candidate, plover_type: str, source: ActorRef, place: Place | None,
                         earlier: list[Event]) -> ActorRef | None:
        """The target CAMEO coders assign when the sentence names none (``implicit_targets``).

        A visit's destination ("arrived in Baku"); else the author of the latest earlier act of the
        article aimed at the source — a reaction answers it ("The EU imposed sanctions on Belarus.
        Belarus rejected the decision."); else the country where the act happened when it is not the
        source's ("troops were put on alert in <foreign region>"); else, for acts that by their nature
        have an addressee at home (protests, crackdowns, concessions, accusations…), the source's own
        country: "students demonstrated in the capital" is a domestic event. Implicit targets carry
        an empty ``text``: no words of the sentence name them."""
        if cand.place_target is not None and cand.place_target.country != source.country:
            p = cand.place_target
            return ActorRef(text=p.text, name=self.kb.country_name(p.country), country=p.country)
        if not self.settings.implicit_targets:
            return None
        answered = next((e for e in reversed(earlier) if e.target is not None and e.target.country == source.country
                         and e.source.country != source.country), None)
        if answered is not None:
            s = answered.source
            return ActorRef(text="", name=s.name, country=s.country, sector=s.sector)
        if place is not None and place.country and place.country != source.country:
            return ActorRef(text="", name=self.kb.country_name(place.country), country=place.country)
        if plover_type in DOMESTIC_TARGET_TYPES and source.country in self.kb.countries:
            return ActorRef(text="", name=self.kb.country_name(source.country), country=source.country)
        return None

    def _event(self, cand: Candidate, document, sent, places: list[Place], sentence_probs=None,
               earlier: list[Event] = ()) -> Event | None:
        if not cand.sources and not (cand.targets and places):
            return None
        parse = cand.parse_probs if cand.parse_probs is not None else self.model.plover.proba(cand.features)
        probs = self.model.combine(parse, sentence_probs) if cand.main else parse
        order = np.argsort(-probs)
        best = next(int(k) for k in order if int(k) != self.none_index)
        p_best = float(probs[best])
        if p_best < self.settings.event_threshold:
            return None
        plover_type = self.model.plover.classes[best]
        lemma = cand.trigger.lemma_.lower()
        code = self.model.cameo_for(plover_type, lemma) or self.ontology.plover[plover_type].cameo_default
        modality = modality_of(cand.trigger)
        if modality == "future" and plover_type in intent_codes():
            code = intent_codes()[plover_type]
            # The record's type follows its code: an announced cooperative act is AGREE (CAMEO 03),
            # an announced conflictual one THREATEN (CAMEO 13), as in PLOVER's crosswalk.
            plover_type = self.ontology.describe(code).plover or plover_type
        entry = self.ontology.describe(code)
        when = resolve_event_date(sent.text, document.published, future=modality == "future")
        if when.background and not self.settings.keep_background:
            return None
        if cand.sources:
            source = cand.sources[0].as_actor()
        elif plover_type in UNATTRIBUTED_TYPES:
            # Violence with no named perpetrator ("a roadside bomb killed …"): CAMEO's unidentified
            # armed forces (UAF) of the country where it happened.
            source = ActorRef(text="", name=None, country=places[0].country, sector="UAF")
        else:
            return None
        if plover_type in JOINT_TYPES and cand.partners:
            # "He and Erdoğan will discuss Israel's attacks": the partner is the target, the object a topic.
            cand = replace(cand, sources=cand.sources[:1], targets=cand.partners[:1])
        target = cand.targets[0].as_actor() if cand.targets else None
        if target is not None and target.country == source.country and (
                target.sector == source.sector or None in (target.sector, source.sector)):
            target = None  # "Erdogan highlighted Türkiye's role": no second party
        place = next((p for p in places if p.token_start > cand.trigger.i), places[0] if places else None)
        if target is None and code[:2] == "13" and modality == "future":
            return None  # an announced conflictual act with nobody named is no threat ("intends to reinforce …")
        if target is None:
            target = self._implicit_target(cand, plover_type, source, place, list(earlier))
        explicit = target is not None and target.text != ""  # named in the sentence (a visit's destination too)
        # Negated and hypothetical acts did not happen: below any asserted act of the same sentence.
        confidence = p_best * (1.0 if explicit else 0.85) * (0.5 if modality in ("negated", "hypothetical") else 1.0)
        if confidence < self.settings.min_confidence:
            return None
        text = sent.text.rstrip()
        evidence = Evidence(text, sent.start_char, sent.start_char + len(text))
        event_id = content_hash(f"{document.id}|{evidence.start}|{cand.trigger.i}|{code}|{source.country}|"
                                f"{target.country if target else ''}")
        return Event(
            event_id=event_id, doc_id=document.id, date=when.date, date_exact=when.exact,
            source=source, target=target,
            plover=Plover(plover_type, entry.plover_mode if entry.plover == plover_type else None,
                          "future" if modality == "future" else None),
            cameo=code, quad_class=quad_class(code),
            goldstein=entry.goldstein, location=locate(place, self.country_names) if place else None,
            evidence=evidence, confidence=round(min(1.0, confidence), 3), modality=modality,
            provenance=self.provenance,
        )

"""Event stage: who did what to whom, when and where, for each sentence with an actor.

For every candidate predicate with a source actor, the learned model gives the PLOVER type (or no
event); the CAMEO code is the finest one our corpus used for that type and wording, turned into
CAMEO's intent code when the act is only announced; Goldstein, QuadClass and the PLOVER type and
mode follow from the code (data/ontology). Dates, places and modality come from the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from ..actors.kb import KnowledgeBase
from ..config import Settings
from ..nlp import Parsed
from ..records import ActorRef, Event, Evidence, Mention, Place, Plover, content_hash
from ..resources import load_yaml
from .model import EventModel
from .modality import modality_of
from .ontology import Ontology, quad_class
from .predicates import SPEECH_LEMMAS, Candidate, candidates, subject_of, mention_index, mentions_under
from .vocab import event_nouns
from .when import resolve_event_date
from .where import locate

_PRONOUN_SUBJECTS = {"it", "they", "we", "he", "she"}
#: Event types that are reported without a perpetrator often enough to code one as unidentified.
UNATTRIBUTED_TYPES = {"ASSAULT", "COERCE"}


@lru_cache(maxsize=1)
def intent_codes() -> dict[str, str]:
    return dict(load_yaml("ontology/intent.yaml")["intent"])


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
        doc, document = parsed.doc, parsed.document
        events: list[Event] = []
        for n, sent in enumerate(doc.sents):
            mentions = [m for m in parsed.mentions if m.sent == n]
            if not mentions:
                continue
            places = sorted((p for p in parsed.places if p.sent == n), key=lambda p: p.start)
            seen: set[tuple] = set()
            for cand in candidates(sent, mentions, places, self.nouns):
                self._inherit_reported_source(cand, mentions)
                # "will host A on Monday and B on Tuesday": one event per coordinated target.
                for targets in [cand.targets[:1]] + [[m] for m in self._coordinated(cand, parsed.doc)]:
                    event = self._event(replace(cand, targets=targets), document, sent, places)
                    if event is None:
                        continue
                    key = (event.source.country, event.target.country if event.target else None, event.cameo)
                    if key not in seen:
                        seen.add(key)
                        events.append(event)
        return events

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
        """"X said it will retaliate": the speaker is the source of the reported act."""
        if cand.sources:
            return
        tok = cand.trigger
        subj, _ = subject_of(tok)
        head = tok.head
        if tok.dep_ == "ccomp" and head.lemma_.lower() in SPEECH_LEMMAS | {"warn", "vow", "pledge", "threaten", "promise"}:
            if subj is None or subj.lower_ in _PRONOUN_SUBJECTS:
                hsubj, passive = subject_of(head)
                if hsubj is not None and not passive:
                    cand.sources = mentions_under(hsubj, mention_index(mentions))
                    cand.targets = [m for m in cand.targets if m not in cand.sources]

    def _event(self, cand: Candidate, document, sent, places: list[Place]) -> Event | None:
        if not cand.sources and not (cand.targets and places):
            return None
        probs = self.model.plover.proba(cand.features)
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
        target = cand.targets[0].as_actor() if cand.targets else None
        if target is not None and target.country == source.country and (
                target.sector == source.sector or None in (target.sector, source.sector)):
            target = None  # "Erdogan highlighted Türkiye's role": no second party
        if target is None and cand.place_target is not None and cand.place_target.country != source.country:
            p = cand.place_target
            target = ActorRef(text=p.text, name=self.kb.country_name(p.country), country=p.country)
        confidence = p_best * (1.0 if target is not None else 0.85) * (0.5 if modality == "negated" else 1.0)
        if confidence < self.settings.min_confidence:
            return None
        place = next((p for p in places if p.token_start > cand.trigger.i), places[0] if places else None)
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

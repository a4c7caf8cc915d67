"""Resolve the actor mentions of one parsed document.

A mention is coded from what the text states first (a title and a nationality next to a name win
over the knowledge base for that document), then from the knowledge base as of the document's
date (who held the office then), then from the document's own earlier mentions (surnames,
"the Turkish president", "his Turkish counterpart", "the two presidents", "he"). Places used as
the scene of an event ("in Ankara") are returned as places, not actors.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..gazetteer import lookup_city
from ..records import Mention, Place
from ..events.vocab import event_nouns
from .kb import ROLE_RANK, Entity, KnowledgeBase, Person, Title
from .matchers import build_matchers

PRONOUN_GENDER = {"he": "m", "she": "f"}
#: Prepositions whose object is where something happened, not who did it.
LOCATION_PREPS = {"in", "at", "near", "inside", "outside", "throughout", "across", "within", "around", "en"}
#: Prepositions that mark a destination or origin only after a movement word ("trip to X").
MOTION_PREPS = {"to", "from", "into", "toward", "towards"}
MOTION_LEMMAS = {
    "visit", "trip", "travel", "arrive", "fly", "return", "go", "come", "head", "journey", "tour", "move",
    "flee", "evacuate", "land", "leave", "depart", "stay", "route", "way",
}
#: Words that may sit inside a title chain ("the Minister of Defense of the Republic of Azerbaijan").
CHAIN_WORDS = {"of", "the", "republic", "'s", "’s", "-", "mr.", "mrs.", "ms.", "dr.", "mr", "mrs", "ms", "dr"}
#: A title word that names an office also used for persons in the knowledge base.
ROLE_ALIASES = {"leader": "head_of_state", "national_leader": "head_of_state"}
#: Words for "the parties to this story" that denote the set of the document's main actors.
GROUP_NOUNS = {"side", "sides", "party", "parties", "country", "countries", "nation", "nations", "state", "states",
               "leader", "leaders", "government", "governments", "delegation", "delegations"}
RELATIONAL = {"counterpart", "counterparts", "guest", "guests", "host", "hosts", "visitor", "visitors",
              "interlocutor", "interlocutors", "delegation", "delegations", "side", "sides"}
_INITIALS = re.compile(r"^(?:[A-Z]\.\s*)+")
COUNTRY_KINDS = {"country", "adjective", "metonym", "capital", "demonym"}
#: Title roles too general to override a specific office the knowledge base knows for the person.
GENERIC_ROLES = {None, "minister", "official", "officer", "government", "leader", "relational", "diplomat", "commander"}
#: Nouns a country name qualifies without being an actor ("Türkiye-Azerbaijan ties").
RELATION_NOUNS = {"tie", "relation", "relationship", "cooperation", "partnership", "border", "frontier",
                  "territory", "region", "people", "economy", "market", "history", "flag", "anniversary",
                  "capital", "city", "town", "village", "province", "coast", "side", "soil", "airspace", "water"}
PLACE_NOUNS = {"region", "city", "town", "village", "province", "coast", "capital", "territory", "border", "frontier"}
#: Determiners that make a plural noun refer back to known actors ("the ministers", "both sides").
ANAPHORIC = {"the", "both", "two", "these", "those", "all"}


def plural_group_word(word: str) -> bool:
    return word in GROUP_NOUNS or word in RELATIONAL


#: Head words of organisation names the knowledge base does not know that mark a non-governmental body
#: ("Association of African Jurists", "Third World Water Forum").
NGO_NAME_HEADS = {"association", "forum", "foundation", "society", "federation", "network", "coalition",
                  "institute", "centre", "center", "trust", "charity", "watch", "league", "movement", "union"}


def normalize_name(text: str) -> str:
    """'Z.Hasanov' and 'M. Tokel' are the surname with initials; possessive 's is not part of a name."""
    text = re.sub(r"['’]s$", "", text.strip())
    return _INITIALS.sub("", text).strip() or text


@dataclass
class _State:
    """What the document has said so far: the basis of in-document coreference."""

    persons: list[Mention] = field(default_factory=list)
    actors: list[Mention] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)


@dataclass
class Resolver:
    """Resolves mentions document by document; ``learned`` carries titled unknown persons across a run."""

    kb: KnowledgeBase
    nlp: Language
    learned: dict[str, tuple[str, str | None, str | None]] = field(default_factory=dict)

    def __call__(self, doc: Doc, doc_id: str, day: date | None) -> tuple[list[Mention], list[Place]]:
        return _DocResolver(self, doc, doc_id, day).run()


class _DocResolver:
    def __init__(self, parent: Resolver, doc: Doc, doc_id: str, day: date | None) -> None:
        self.kb, self.learned = parent.kb, parent.learned
        self.event_nouns = event_nouns()
        self.doc, self.doc_id, self.day = doc, doc_id, day
        m = build_matchers(parent.kb, parent.nlp)
        self.state = _State()
        self.mentions: list[Mention] = []
        self.places: list[Place] = []
        self.used: set[int] = set()
        self.sent_index = {}
        for n, sent in enumerate(doc.sents):
            for t in sent:
                self.sent_index[t.i] = n
        ner_people = [e for e in doc.ents if e.label_ == "PERSON" and e.text.lower() not in self.kb.phrases]
        ner_tokens = {i for e in ner_people for i in range(e.start, e.end)}
        # A bare surname from the knowledge base ("Park", "Meta") counts only where the parser also
        # sees a person or a title precedes it: "the Victory Park" is not a president.
        kb_people = m.person_spans(doc)
        # Surnames of people named in full earlier in the document, or learned earlier in the run.
        known = {s[-1].text for s in kb_people + ner_people if len(s) > 1} | {
            k for k in parent.learned if " " not in k}
        people = [s for s in kb_people if len(s) > 1 or s.start in ner_tokens or s.text in known
                  or (s.start > 0 and doc[s.start - 1].lower_ in parent.kb.titles)]
        people += [doc[t.i:t.i + 1] for t in doc if t.pos_ == "PROPN" and t.text.lower() in parent.learned
                   and t.i not in ner_tokens]
        people += ner_people
        self.person_spans = [self._trim_person(s) for s in filter_spans(people)]
        self.person_spans = [s for s in self.person_spans if s is not None]
        person_tokens = {i for s in self.person_spans for i in range(s.start, s.end)}
        self.entity_at: dict[int, tuple[Span, Entity]] = {}
        for span in filter_spans(m.entity_spans(doc)):
            if any(i in person_tokens for i in range(span.start, span.end)):
                continue
            entity = self._pick_entity(span)
            for i in range(span.start, span.end):
                self.entity_at[i] = (span, entity)
        self.title_at: dict[int, tuple[Span, Title]] = {}
        for span in m.title_spans(doc):
            if any(i in person_tokens for i in range(span.start, span.end)):
                continue
            title = self.kb.titles.get(span.text.lower())
            if title is None or span.root.pos_ in ("VERB", "AUX"):
                continue
            for i in range(span.start, span.end):
                self.title_at[i] = (span, title)

    # --- spans --------------------------------------------------------------------------

    def _trim_person(self, span: Span) -> Span | None:
        """NER sometimes includes a title ("Army General Metin Tokel"): keep the name only."""
        start = span.start
        while start < span.end - 1 and (
            self.doc[start].lower_ in self.kb.titles
            or " ".join(t.lower_ for t in self.doc[start:start + 2]) in self.kb.titles
            or self.doc[start].lower_ in CHAIN_WORDS
        ):
            start += 1
        if self.doc[start].lower_ in self.kb.titles:
            return None
        return self.doc[start:span.end]

    def _pick_entity(self, span: Span) -> Entity:
        options = self.kb.phrases.get(span.text.lower(), [])
        if not options:
            options = self.kb.phrases.get(span.text, [])
        order = ["institution", "org", "country", "metonym", "adjective", "demonym", "capital", "region"]
        return min(options, key=lambda e: order.index(e.kind) if e.kind in order else 99)

    def _in_chain(self, i: int) -> bool:
        t = self.doc[i]
        return (
            i in self.title_at
            or i in self.entity_at
            or t.lower_ in CHAIN_WORDS
            or t.pos_ in ("PROPN", "ADJ", "NUM")
            or bool(re.fullmatch(r"\d+(?:st|nd|rd|th)", t.text))
        )

    def _ends_of_chain(self, i: int) -> bool:
        """Token ``i`` closes "Title of (the Republic of) X": a comma after it may continue a title chain."""
        if i not in self.entity_at:
            return False
        span = self.entity_at[i][0]
        j = span.start - 1
        while j >= 0 and self.doc[j].lower_ in ("the", "republic"):
            j -= 1
        return j >= 0 and self.doc[j].lower_ == "of"

    def _country_word(self, i: int) -> bool:
        return i in self.entity_at and self.entity_at[i][1].kind in COUNTRY_KINDS

    def _walk_left(self, start: int, floor: int) -> list[int]:
        region: list[int] = []
        j = start - 1
        while j >= floor and len(region) < 25:
            t = self.doc[j]
            if t.text == ",":
                if j - 1 >= floor and self._ends_of_chain(j - 1):
                    region.append(j)
                    j -= 1
                    continue
                break
            if t.lower_ == "the" and self._in_chain(j):
                region.append(j)
                if j - 1 >= floor and self.doc[j - 1].lower_ == "of":
                    j -= 1
                    continue
                break
            if any(s.start <= j < s.end for s in self.person_spans):
                break
            if t.lower_ in ("and", "&") and self._country_word(j - 1) and self._country_word(j + 1):
                region.append(j)  # "Hungarian and Romanian officials": coordinated nationalities
                j -= 1
                continue
            if not self._in_chain(j):
                break
            region.append(j)
            j -= 1
        # A chain never starts with a comma or "of".
        while region and self.doc[region[-1]].lower_ in {",", "of", "-"}:
            region.pop()
        return sorted(region)

    def _walk_right_apposition(self, end: int, ceiling: int) -> list[int]:
        """", Minister of Defense of Azerbaijan," after a name; only when it holds a title."""
        if end >= ceiling or self.doc[end].text != ",":
            return []
        region: list[int] = []
        j = end + 1
        while j < ceiling and len(region) < 20:
            if any(s.start <= j < s.end for s in self.person_spans) or not self._in_chain(j) or self.doc[j].text == ",":
                break
            region.append(j)
            j += 1
        return region if any(i in self.title_at for i in region) else []

    def _of_chain(self, end: int, ceiling: int) -> list[int]:
        """"of (the Republic of) Azerbaijan" / "in Kenya" after a title."""
        if end >= ceiling or self.doc[end].lower_ not in ("of", "in", "from"):
            return []
        region = [end]
        j = end + 1
        while j < ceiling and len(region) < 12 and (self.doc[j].lower_ in CHAIN_WORDS or j in self.entity_at
                                                    or self.doc[j].pos_ == "PROPN"):
            region.append(j)
            j += 1
        return region if any(i in self.entity_at and self.entity_at[i][1].kind in COUNTRY_KINDS | {"org", "institution"}
                             for i in region) else []

    # --- reading a descriptor -----------------------------------------------------------------

    def _country_in(self, region: list[int], prefer_last: bool = True) -> Entity | None:
        found = [self.entity_at[i][1] for i in region if i in self.entity_at]
        found = [e for e in found if e.kind in COUNTRY_KINDS | {"org", "institution"}]
        if not found:
            return None
        return found[-1] if prefer_last else found[0]

    def _title_in(self, region: list[int]) -> Title | None:
        titles = []
        for i in region:
            if i in self.title_at and self.title_at[i][1] not in titles:
                titles.append(self.title_at[i][1])
        if not titles:
            return None
        return min(titles, key=lambda t: (ROLE_RANK.get(ROLE_ALIASES.get(t.role, t.role), 50), t.sector is None,
                                          t.role is None))

    # --- main loop --------------------------------------------------------------------------

    def run(self) -> tuple[list[Mention], list[Place]]:
        for n, sent in enumerate(self.doc.sents):
            for span in [s for s in self.person_spans if s.start >= sent.start and s.end <= sent.end]:
                self._person(span, sent, n)
            self._unknown_organisations(sent, n)
            for i in range(sent.start, sent.end):
                if i in self.title_at and i not in self.used and self.title_at[i][0].start == i:
                    self._title(self.title_at[i][0], self.title_at[i][1], sent, n)
            for i in range(sent.start, sent.end):
                if i in self.entity_at and i not in self.used and self.entity_at[i][0].start == i:
                    self._entity(self.entity_at[i][0], self.entity_at[i][1], sent, n)
            self._gazetteer_places(sent, n)
            for tok in sent:
                if tok.lower_ in PRONOUN_GENDER and tok.dep_ in ("nsubj", "nsubjpass") and tok.i not in self.used:
                    self._pronoun(tok, n)
        self.mentions.sort(key=lambda m: (m.start, m.end))
        return self.mentions, self.places

    def _emit(self, start: int, end: int, *, name, country, sector, role, kind, sent: int, gender=None) -> Mention:
        span = self.doc[start:end]
        mention = Mention(self.doc_id, span.text, span.start_char, span.end_char, name, country, sector, role, kind,
                          sent, start, end)
        self.mentions.append(mention)
        self.used.update(range(start, end))
        if country:
            self.state.actors.append(mention)
            if kind in ("person", "pronoun") or (kind in ("title", "counterpart") and name and name != self.kb.country_name(country)):
                self.state.persons.append(mention)
                if gender and name:
                    self.state.genders[name] = gender
        return mention

    def _person(self, span: Span, sent: Span, n: int) -> None:
        left = self._walk_left(span.start, sent.start)
        ands = [k for k, i in enumerate(left) if self.doc[i].lower_ in ("and", "&")]
        if ands:
            left = left[ands[-1] + 1:]  # "Chile and Peruvian leader X": only "Peruvian leader" describes X
        right = self._walk_right_apposition(span.end, sent.end)
        region = left + right
        stated = self._country_in(left) or self._country_in(right, prefer_last=False)
        title = self._title_in(region)
        name_text = normalize_name(span.text)
        earlier = self._earlier_person(name_text)
        person, office = self._kb_person(name_text, stated.code if stated else None)
        country = stated.code if stated else (earlier.country if earlier else (person.country if person else None))
        name = person.name if person else (earlier.name if earlier else name_text)
        sector = role = None
        specific_office = office is not None and person is not None and person.country == country
        generic_title = title is not None and (title.role in GENERIC_ROLES or (title.role or "").endswith("_ministry"))
        if generic_title and earlier is not None and earlier.country == country and earlier.sector:
            sector, role = earlier.sector, earlier.role
        elif title and (title.sector or title.role) and not (generic_title and specific_office):
            sector, role = title.sector, ROLE_ALIASES.get(title.role, title.role)
        elif stated and stated.kind in ("org", "institution") and stated.sector:
            sector = stated.sector
        if sector is None:
            if earlier and earlier.country == country:
                sector, role = earlier.sector, earlier.role
            elif office and person and person.country == country:
                sector, role = office.sector, office.role
        if country is None and name_text.lower() in self.learned:
            country, sector, role = self.learned[name_text.lower()]
        if country and sector is None and not person and stated and stated.kind in COUNTRY_KINDS:
            sector = None  # a nationality without a title says nothing about the sector
        if stated and title and not person:
            # An unknown person with a stated title and nationality: remember for the rest of the run.
            for key in {name_text.lower(), name_text.split()[-1].lower()}:
                self.learned.setdefault(key, (country, sector, role))
        start = min([span.start, *region]) if region else span.start
        end = max([span.end, *(i + 1 for i in right)]) if right else span.end
        if country is None:
            self.used.update(range(span.start, span.end))
            return
        self._emit(start, end, name=name, country=country, sector=sector, role=role, kind="person", sent=n,
                   gender=person.gender if person else None)
        self.used.update(region)

    def _earlier_person(self, name_text: str) -> Mention | None:
        key = name_text.lower()
        for m in reversed(self.state.persons):
            if not m.name:
                continue
            full = m.name.lower()
            if key == full or key == full.split()[-1] or (len(key.split()) == 1 and key in full.split()):
                return m
        return None

    def _kb_person(self, name_text: str, country: str | None):
        candidates = self.kb.people_named(name_text)
        if len(name_text.split()) > 1:
            # A full name must match a full name or alias, never a shared surname ("Heydar Aliyev").
            candidates = [p for p in candidates if name_text.lower() in {p.name.lower(), *(a.lower() for a in p.aliases)}]
        if country:
            candidates = [p for p in candidates if p.country == country]
        if not candidates:
            return None, None

        def rank(p: Person):
            office = p.office_on(self.day)
            return (office is None, ROLE_RANK.get(office.role, 9) if office else 9)

        best = min(candidates, key=rank)
        office = best.office_on(self.day)
        if office is None and self.day is not None:
            office = best.office_on(None)
        return best, office

    def _title(self, span: Span, title: Title, sent: Span, n: int) -> None:
        left = self._walk_left(span.start, sent.start)
        right = self._of_chain(span.end, sent.end)
        if right and self.doc[span.end].lower_ != "of" and self._country_in(left):
            right = []  # "his Ugandan counterpart in Nairobi": "in" names a place once the title has a country
        region = left + right
        entity = self._country_in(left) or self._country_in(right, prefer_last=False)
        head = span.root
        plural = head.tag_ in ("NNS", "NNPS") or head.morph.get("Number") == ["Plur"]
        word = span.text.lower()
        role = ROLE_ALIASES.get(title.role, title.role)
        start = min([span.start, *left]) if left else span.start
        end = max([span.end, *(i + 1 for i in right)]) if right else span.end
        self.used.update(range(span.start, span.end))
        if head.dep_ in ("amod", "compound") and head.head.lemma_.lower() in RELATION_NOUNS:
            return  # "military cooperation": a title word qualifying a non-actor noun
        if entity is None and title.sector == "NGO" and not plural_group_word(word):
            # A rights or aid group with no nationality: CAMEO codes non-governmental actors as NGO.
            self._emit(start, end, name=span.text, country="NGO", sector="NGO", role=role, kind="title", sent=n)
            return
        if entity is None:
            definite = any(self.doc[k].lower_ in ANAPHORIC for k in range(max(sent.start, span.start - 2), span.start))
            group_like = word in GROUP_NOUNS or word in RELATIONAL or role in ROLE_RANK or role in ("minister", "leader")
            if plural and definite and group_like:
                self._group(start, end, title, n)
            elif not plural and head.i > 0 and self.doc[span.start - 1].lower_ in ("the", "his", "her") and role:
                m = self._latest_person(role=role)
                if m:
                    self._emit(start, end, name=m.name, country=m.country, sector=m.sector, role=m.role, kind="title", sent=n)
            return
        coordinated = [self.entity_at[i][1] for i in left if self._country_word(i) and self.entity_at[i][0].start == i]
        if len({e.code for e in coordinated}) > 1 and any(self.doc[i].lower_ in ("and", "&") for i in left):
            for e in dict.fromkeys(coordinated):
                self._emit(start, end, name=self.kb.country_name(e.code), country=e.code, sector=title.sector or "GOV",
                           role=role, kind="title", sent=n)
            self.used.update(region)
            return
        country = entity.code
        if entity.kind in ("org", "institution"):
            self._emit(start, end, name=entity.name, country=country, sector=title.sector or entity.sector, role=role,
                       kind="title", sent=n)
            self.used.update(region)
            return
        sector = title.sector or "GOV"
        name = self.kb.country_name(country)
        kind = "title"
        if word in RELATIONAL and title.role in (None, "relational"):
            kind = "counterpart"
            anchor = self._latest_person(not_country=country, sentence=n) or self._latest_person(not_country=country)
            role = anchor.role if anchor else None
            sector = anchor.sector if anchor and anchor.sector else "GOV"
            match = self._latest_person(country=country, role=role) or self._latest_person(country=country)
            if match:
                name, sector, role = match.name, match.sector or sector, match.role or role
            elif role in ROLE_RANK and (holder := self.kb.holder(country, role, self.day)):
                name = holder.name
        elif role in ROLE_RANK and not plural:
            match = self._latest_person(country=country, role=role)
            holder = None if match else self.kb.holder(country, role, self.day)
            name = match.name if match else (holder.name if holder else name)
        self._emit(start, end, name=name, country=country, sector=sector, role=role, kind=kind, sent=n)
        self.used.update(region)

    def _latest_person(self, *, country=None, role=None, not_country=None, sentence=None) -> Mention | None:
        for m in reversed(self.state.persons):
            if country and m.country != country:
                continue
            if not_country and m.country == not_country:
                continue
            if role and m.role != role:
                continue
            if sentence is not None and m.sent != sentence:
                continue
            return m
        return None

    def _group(self, start: int, end: int, title: Title, n: int) -> None:
        """"the two presidents", "both sides", "the ministers": the document's main actors."""
        role = ROLE_ALIASES.get(title.role, title.role)
        members: list[Mention] = []
        if role and role != "relational":
            seen = set()
            for m in reversed(self.state.persons):
                if self._fits_role(m.role, role) and m.name not in seen:
                    seen.add(m.name)
                    members.append(m)
        if len({m.country for m in members}) < 2:
            # The parties of a story are states where states are named; organisations only otherwise.
            states = [m for m in self.state.actors if m.country in self.kb.countries and m.kind != "group"]
            counts = Counter(m.country for m in (states or self.state.actors) if m.country and m.kind != "group")
            members = [self._representative(c, role) for c, _ in counts.most_common(2)]
        if len(members) < 2:
            return
        for m in members[:4]:
            span = self.doc[start:end]
            mention = Mention(self.doc_id, span.text, span.start_char, span.end_char, m.name, m.country, m.sector,
                              m.role, "group", n, start, end)
            self.mentions.append(mention)
        self.used.update(range(start, end))

    @staticmethod
    def _fits_role(have: str | None, want: str) -> bool:
        if want == "head_of_state":  # "leaders" covers presidents and prime ministers
            return have in ("head_of_state", "head_of_government")
        if want == "minister":
            return (have or "").endswith("minister")
        return have == want

    def _representative(self, country: str, role: str | None) -> Mention:
        """Who stands for ``country`` in a group: its person in the story, else its office holder."""
        persons = [m for m in self.state.persons if m.country == country]
        fitting = [m for m in persons if role and self._fits_role(m.role, role)]
        if fitting or (persons and not role):
            return (fitting or persons)[0]
        if role in ROLE_RANK and (holder := self.kb.holder(country, role, self.day)):
            first = next(m for m in self.state.actors if m.country == country)
            return Mention(first.doc_id, first.text, first.start, first.end, holder.name, country, "GOV", role,
                           first.kind, first.sent)
        if persons:
            return persons[0]
        return next(m for m in self.state.actors if m.country == country)

    def _is_location(self, span: Span, entity: Entity) -> bool:
        root = span.root
        if root.dep_ == "pobj" and root.head.dep_ == "prep":
            prep = root.head.lower_
            if prep in LOCATION_PREPS:
                return True
            if prep in MOTION_PREPS and root.head.head.lemma_.lower() in MOTION_LEMMAS:
                return True
        # "to visit Tashkent": a city as the object of a movement verb is a destination.
        return root.dep_ == "dobj" and root.head.lemma_.lower() in MOTION_LEMMAS and entity.kind in ("capital", "metonym")

    def _entity(self, span: Span, entity: Entity, sent: Span, n: int) -> None:
        self.used.update(range(span.start, span.end))
        if entity.kind in ("country", "metonym", "capital", "region") and self._is_location(span, entity):
            self.places.append(Place(self.doc_id, span.text, span.start_char, span.end_char, entity.name if entity.kind == "country" else span.text,
                                     entity.code, n, span.start, span.end))
            return
        if entity.kind in ("capital", "region") and span.root.dep_ not in ("nsubj", "nsubjpass"):
            self.places.append(Place(self.doc_id, span.text, span.start_char, span.end_char, span.text, entity.code, n,
                                     span.start, span.end))
            return
        root = span.root
        head = root.head
        if entity.kind == "adjective":
            # A nationality is an actor when it qualifies an event ("Palestinian riots") or a people
            # ("Iraqi Kurds"); with a title it was handled there; otherwise it only describes.
            if not (head.lemma_.lower() in self.event_nouns or head.ent_type_ == "NORP") or head.i == root.i:
                return
            self._emit(span.start, span.end, name=entity.name, country=entity.code, sector=None, role=None,
                       kind="adjective", sent=n)
            return
        while head.dep_ in ("compound", "amod", "nmod") and head.i in self.entity_at and head.head.i != head.i:
            head = head.head  # "Kenya-Uganda ties": climb the chain of names to the noun they qualify
        if root.dep_ in ("compound", "amod", "nmod") and head.lemma_.lower() in RELATION_NOUNS:
            if head.lemma_.lower() in PLACE_NOUNS and head.dep_ == "pobj" and head.head.lower_ in LOCATION_PREPS:
                # "in Tanzania province": where it happened
                self.places.append(Place(self.doc_id, span.text, span.start_char, span.end_char, span.text,
                                         entity.code, n, span.start, span.end))
            return  # "Türkiye-Azerbaijan ties": a qualifier of a non-actor noun
        if entity.kind in ("org", "institution"):
            self._emit(span.start, span.end, name=entity.name, country=entity.code, sector=entity.sector, role=None,
                       kind=entity.kind, sent=n)
        else:
            self._emit(span.start, span.end, name=entity.name, country=entity.code, sector=entity.sector, role=None,
                       kind="metonym" if entity.kind in ("metonym", "capital") else entity.kind, sent=n)

    def _unknown_organisations(self, sent: Span, n: int) -> None:
        """Organisations the parser finds but the knowledge base lacks, named like NGOs and with no nationality."""
        for ent in sent.ents:
            if ent.label_ != "ORG" or any(i in self.used for i in range(ent.start, ent.end)):
                continue
            heads = {t.lemma_.lower() for t in ent if t.pos_ in ("NOUN", "PROPN")}
            if heads & NGO_NAME_HEADS and not any(i in self.entity_at for i in range(ent.start, ent.end)):
                self._emit(ent.start, ent.end, name=ent.text, country="NGO", sector="NGO", role=None, kind="org", sent=n)

    def _gazetteer_places(self, sent: Span, n: int) -> None:
        """Towns the knowledge base does not name ("in Mombasa"), found by the parser, placed by the gazetteer."""
        for ent in sent.ents:
            if ent.label_ not in ("GPE", "LOC", "FAC") or any(i in self.used for i in range(ent.start, ent.end)):
                continue
            root = ent.root
            if not (root.dep_ == "pobj" and root.head.lower_ in LOCATION_PREPS | MOTION_PREPS):
                continue
            city = lookup_city(ent.text)
            if city is None:
                continue
            self.places.append(Place(self.doc_id, ent.text, ent.start_char, ent.end_char, ent.text, city.country, n,
                                     ent.start, ent.end))
            self.used.update(range(ent.start, ent.end))

    def _pronoun(self, tok, n: int) -> None:
        gender = PRONOUN_GENDER[tok.lower_]
        for m in reversed(self.state.persons):
            if m.token_start >= tok.i or m.kind == "group":
                continue
            known = self.state.genders.get(m.name or "")
            if known and known != gender:
                continue
            self._emit(tok.i, tok.i + 1, name=m.name, country=m.country, sector=m.sector, role=m.role,
                       kind="pronoun", sent=n)
            return

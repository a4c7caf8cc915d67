"""Event predicates and their roles, read from the dependency parse.

A candidate is a verb ("met", "accused") or an event noun ("talks", "the meeting of …") in a
sentence that names at least one actor, with the actors in its subject (source; the "by" agent of
a passive) and in its object or its "with/to/against/on" complements (target). The same function
feeds the classifier at training time and at coding time, so the model sees exactly the features
it will be asked about.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

from ..records import Mention, Place
from .vocab import cue_types

TARGET_PREPS = {"with", "to", "against", "on", "for", "from", "toward", "towards", "into", "upon", "between", "over", "at"}
SPEECH_LEMMAS = {"say", "tell", "add", "report", "state", "note", "write", "quote", "comment", "remark", "reiterate"}
#: Heads whose complement is planned, not done ("is expected to visit").
FUTURE_HEADS = {"expect", "plan", "intend", "schedule", "set", "due", "hope", "aim", "prepare", "go", "want", "seek", "propose"}
MOVEMENT_LEMMAS = {"visit", "arrive", "travel", "fly", "trip", "tour", "come", "go", "head", "land", "return"}
STOP = {"the", "a", "an", "of", "and", "or", "to", "in", "on", "at", "for", "with", "by", "from", "its", "their", "his",
        "her", "this", "that", "these", "those", "which", "who", "whom", "be", "have", "as", "it", "they", "he", "she"}
MAX_BAG = 40


@dataclass
class Candidate:
    trigger: Token
    sources: list[Mention] = field(default_factory=list)
    targets: list[Mention] = field(default_factory=list)
    place_target: Place | None = None
    #: Other parties of a joint subject ("A and B discussed …"), whatever the object holds.
    partners: list[Mention] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)
    #: The parse head's type probabilities, once the coder has computed them.
    parse_probs: Any = None
    #: The sentence's main predicate, the one the sentence-embedding head is combined with.
    main: bool = False


def is_verb_object(tok: Token) -> bool:
    """"held talks", "cut ties": the verb is the predicate and the noun its object, not a second event."""
    return tok.dep_ in ("dobj", "attr") and tok.head.pos_ in ("VERB", "AUX")


def mention_index(mentions: Iterable[Mention]) -> dict[int, list[Mention]]:
    index: dict[int, list[Mention]] = {}
    for m in mentions:
        for i in range(m.token_start, m.token_end):
            index.setdefault(i, []).append(m)
    return index


def mentions_under(token: Token, index: dict[int, list[Mention]], stop_at: set[int] = frozenset()) -> list[Mention]:
    """Mentions in ``token``'s subtree, the one holding ``token`` itself first, without crossing clauses."""
    found: list[Mention] = []
    stack = [token]
    while stack:
        t = stack.pop()
        if t.i in stop_at:
            continue
        for m in index.get(t.i, []):
            if m not in found:
                found.append(m)
        stack.extend(c for c in reversed(list(t.children)) if c.dep_ not in ("relcl", "ccomp", "advcl"))
    found.sort(key=lambda m: (0 if m.token_start <= token.i < m.token_end else 1, m.token_start))
    return found


def subject_of(v: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The subject token of a predicate and whether it is a passive subject (a patient)."""
    for c in v.children:
        if c.dep_ in ("nsubj", "csubj"):
            return c, False
    for c in v.children:
        if c.dep_ == "nsubjpass":
            return c, True
    if depth < 4 and v.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp", "oprd") and v.head.i != v.i:
        return subject_of(v.head, depth + 1)
    if v.dep_ in ("relcl", "acl") and v.head.i != v.i:
        return v.head, v.tag_ == "VBN"
    return None, False


def agent_of(v: Token) -> Token | None:
    for c in v.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def _object_tokens(v: Token) -> list[Token]:
    out = []
    for c in v.children:
        if c.dep_ in ("dobj", "dative", "attr", "oprd"):
            out.append(c)
            out += [g for p in c.children if p.dep_ == "prep" and p.lower_ in TARGET_PREPS for g in p.children if g.dep_ == "pobj"]
        elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
            out += [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
    return out


def candidates(sent: Span, mentions: list[Mention], places: list[Place], event_nouns: frozenset[str]) -> list[Candidate]:
    index = mention_index(mentions)
    out: list[Candidate] = []
    for tok in sent:
        is_verb = tok.pos_ == "VERB" and tok.dep_ != "amod"
        is_noun = tok.pos_ == "NOUN" and tok.lemma_.lower() in event_nouns and not is_verb_object(tok)
        if not (is_verb or is_noun) or tok.i in index:
            continue
        cand = Candidate(tok)
        if is_verb:
            subj, passive = subject_of(tok)
            agent = agent_of(tok)
            subj_mentions = mentions_under(subj, index) if subj is not None else []
            if passive:
                cand.targets += subj_mentions
                if agent is not None:
                    cand.sources += mentions_under(agent, index)
            else:
                cand.sources += subj_mentions
            for obj in _object_tokens(tok):
                cand.targets += [m for m in mentions_under(obj, index) if m not in cand.targets]
            if not cand.targets:
                # "refused to sign the deal with Uganda", "agreed to meet Kenya": the complement's objects.
                for c in tok.children:
                    if c.dep_ == "xcomp":
                        for obj in _object_tokens(c):
                            cand.targets += [m for m in mentions_under(obj, index) if m not in cand.targets]
            if not cand.targets and tok.lemma_.lower() not in SPEECH_LEMMAS:
                # "demanded that North Korea abandon …": the addressee is the clause's subject.
                for c in tok.children:
                    if c.dep_ == "ccomp":
                        csubj, _ = subject_of(c)
                        if csubj is not None and csubj.head.i == c.i:
                            cand.targets += mentions_under(csubj, index)
        else:
            for c in tok.children:
                if c.dep_ in ("poss", "compound", "amod"):
                    cand.sources += mentions_under(c, index)
                elif c.dep_ == "prep" and c.lower_ in ("of", "by"):
                    for g in c.children:
                        cand.sources += mentions_under(g, index)
                elif c.dep_ == "prep" and c.lower_ in TARGET_PREPS:
                    for g in c.children:
                        cand.targets += mentions_under(g, index)
            if not cand.sources and tok.dep_ in ("dobj", "pobj", "attr"):
                # "X held talks with Y": the verb's subject is the noun's source.
                verb = tok.head if tok.dep_ != "pobj" else tok.head.head
                subj, passive = subject_of(verb)
                if subj is not None and not passive:
                    cand.sources += mentions_under(subj, index)
        cand.targets = [m for m in cand.targets if m not in cand.sources]
        _split_joint(cand)
        if tok.lemma_.lower() in MOVEMENT_LEMMAS and not cand.targets:
            cand.place_target = next((p for p in places if p.token_start > tok.i), None)
        cand.features = features(tok, cand, index)
        out.append(cand)
    return out


def _split_joint(cand: Candidate) -> None:
    """"A and B agreed" / "the two presidents met": the second party becomes the target."""
    if len(cand.sources) < 2:
        return
    first = cand.sources[0]
    other = next((m for m in cand.sources[1:] if m.country != first.country), None)
    if other is None:
        return
    cand.partners = [other]
    if not cand.targets:
        cand.targets = [other]
        cand.sources = [first]


def features(tok: Token, cand: Candidate, index: dict[int, list[Mention]]) -> dict[str, float]:
    lemma = tok.lemma_.lower()
    f: dict[str, float] = {f"v={lemma}": 1.0, f"pos={tok.pos_}": 1.0}
    single, pairs = cue_types()
    for t in single.get(lemma, ()):
        f[f"cue={t}"] = 1.0
    for c in tok.children:
        dep, cl = c.dep_, c.lemma_.lower()
        if f"{lemma}_{cl}" in pairs:
            for t in pairs[f"{lemma}_{cl}"]:
                f[f"cue2={t}"] = 1.0
        if dep == "prt":
            f[f"v={lemma}_{cl}"] = 1.0
        elif dep in ("dobj", "attr"):
            f[f"o={cl}"] = 1.0
            f[f"vo={lemma}_{cl}"] = 1.0
            for p in c.children:
                if p.dep_ == "prep":
                    f[f"op={cl}_{p.lower_}"] = 1.0
        elif dep == "prep":
            f[f"p={c.lower_}"] = 1.0
            for g in c.children:
                if g.dep_ == "pobj" and g.i not in index:
                    f[f"pp={c.lower_}_{g.lemma_.lower()}"] = 1.0
        elif dep == "xcomp":
            f[f"x={cl}"] = 1.0
            for g in c.children:
                if g.dep_ == "dobj":
                    f[f"xo={cl}_{g.lemma_.lower()}"] = 1.0
        elif dep == "neg":
            f["neg"] = 1.0
        elif dep in ("aux", "auxpass") and cl in ("will", "shall", "would", "'ll"):
            f["aux=will"] = 1.0
    if tok.dep_ in ("xcomp", "ccomp", "conj", "advcl") and tok.head.i != tok.i:
        f[f"h={tok.head.lemma_.lower()}"] = 1.0
    f["src"] = 1.0 if cand.sources else 0.0
    f["tgt"] = 1.0 if cand.targets else 0.0
    for role, ms in (("s", cand.sources), ("t", cand.targets)):
        if ms and ms[0].sector:
            f[f"{role}sec={ms[0].sector}"] = 1.0
    bag = 0
    for t in tok.subtree:
        if bag >= MAX_BAG:
            break
        if t.i == tok.i or t.is_punct or t.is_space or t.like_num:
            continue
        word = "ACTOR" if t.i in index else t.lemma_.lower()
        if word in STOP:
            continue
        f[f"w={word}"] = f.get(f"w={word}", 0.0) + 1.0
        bag += 1
    return f


def tree_depth(tok: Token) -> int:
    return sum(1 for _ in tok.ancestors)


def main_predicate(items: list, none_probs: list[float], depths: list[int]):
    """The sentence's main predicate among ``items`` (attribution verbs already left out): the
    highest in the parse among those the parse head finds event-like (P(NONE) < 0.5), else the most
    event-like one. Shared by the coder and by training, which must choose alike."""
    eventlike = [k for k, p in enumerate(none_probs) if p < 0.5]
    if eventlike:
        k = min(eventlike, key=lambda k: (depths[k], none_probs[k]))
    else:
        k = min(range(len(items)), key=lambda k: none_probs[k])
    return items[k]

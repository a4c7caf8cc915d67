"""Modality of an event predicate: asserted, future (plans and intentions), negated, hypothetical."""

from __future__ import annotations

from spacy.tokens import Token

from .predicates import FUTURE_HEADS

_HYPOTHETICAL_MARKS = {"if", "unless", "whether"}
_HYPOTHETICAL_AUX = {"could", "might", "may"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
#: Heads whose complement did not happen: "refused to sign" (the refusal itself is the event).
_NEGATING_HEADS = {"refuse", "decline", "fail", "reject", "deny", "avoid", "halt", "stop"}
#: Heads whose complement is only threatened or demanded ("threatened to *impose* sanctions"): the
#: threat or the demand is the event, the act is hypothetical.
_CONDITIONAL_HEADS = {"threaten", "warn", "urge", "demand", "ask", "call", "press", "appeal"}


def _chain(tok: Token, depth: int = 3):
    """The predicate and the verbs it complements ("agreed to *visit*", "is expected to *host*")."""
    yield tok
    cur = tok
    for _ in range(depth):
        if cur.dep_ in ("xcomp", "ccomp", "conj") and cur.head.i != cur.i:
            cur = cur.head
            yield cur
        else:
            break


def modality_of(tok: Token) -> str:
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj":
        # An event noun framing a clause takes its verb's modality ("during talks … will be reviewed");
        # the object of a verb keeps its own ("will discuss the attacks": the attacks happened).
        verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is not None:
            return modality_of(verb)
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _NEGATING_HEADS:
        return "negated"
    if tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_.lower() in _CONDITIONAL_HEADS:
        return "hypothetical"
    sent = tok.sent
    if sent.text.rstrip().endswith("?"):
        return "hypothetical"
    for t in _chain(tok):
        for c in t.children:
            if c.dep_ == "neg":
                return "negated"
            if c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL_MARKS:
                return "hypothetical"
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _HYPOTHETICAL_MARKS for c in tok.children):
        return "hypothetical"
    for t in _chain(tok):
        for c in t.children:
            if c.dep_ in ("aux", "auxpass"):
                if c.lower_ in _FUTURE_AUX:
                    return "future"
                if c.lower_ in _HYPOTHETICAL_AUX:
                    return "hypothetical"
        if t is not tok and t.lemma_.lower() in FUTURE_HEADS:
            return "future"
    # "is to visit", "is set to" are planned acts.
    if tok.dep_ == "xcomp" and tok.head.lemma_ == "be":
        return "future"
    return "asserted"

"""spaCy PhraseMatchers over the knowledge base, built once per (knowledge base, vocabulary).

Country words, organisations and institutions match case-insensitively except short all-capital
forms (WHO, MIT); person names match on their written form, since "Rama" the surname and "rama"
the word differ; title words match case-insensitively.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .kb import KnowledgeBase


@dataclass
class Matchers:
    entities_lower: PhraseMatcher
    entities_exact: PhraseMatcher
    titles: PhraseMatcher
    people: PhraseMatcher

    def entity_spans(self, doc: Doc) -> list[Span]:
        spans = [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in self.entities_lower(doc)]
        spans += [Span(doc, s, e, label=doc.vocab.strings[m]) for m, s, e in self.entities_exact(doc)]
        return spans

    def title_spans(self, doc: Doc) -> list[Span]:
        return filter_spans([Span(doc, s, e, label="TITLE") for _, s, e in self.titles(doc)])

    def person_spans(self, doc: Doc) -> list[Span]:
        return [Span(doc, s, e, label="KBPERSON") for _, s, e in self.people(doc)]


def build_matchers(kb: KnowledgeBase, nlp: Language) -> Matchers:
    """Matchers for ``kb`` over ``nlp``'s vocabulary; kept on the knowledge base for reuse."""
    cached = kb.matchers.get(id(nlp.vocab))
    if cached is not None:
        return cached
    make = nlp.make_doc
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    for phrase, forms in kb.forms.items():
        exact_forms = sorted(forms & kb.case_sensitive)
        if exact_forms:
            exact.add("ENT:" + phrase, [make(p) for p in exact_forms])
        if forms - kb.case_sensitive:
            lower.add("ENT:" + phrase, [make(phrase)])
    titles = PhraseMatcher(nlp.vocab, attr="LOWER")
    titles.add("TITLE", [make(t) for t in kb.titles])
    people = PhraseMatcher(nlp.vocab, attr="ORTH")
    names = {alias for p in kb.people for alias in (p.name, *p.aliases) if alias[:1].isupper()}
    people.add("PERSON", [make(n) for n in sorted(names)])
    kb.matchers[id(nlp.vocab)] = Matchers(lower, exact, titles, people)
    return kb.matchers[id(nlp.vocab)]

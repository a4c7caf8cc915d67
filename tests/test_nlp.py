from __future__ import annotations

import pytest

from eventwire.nlp import parse_documents
from eventwire.records import Document

pytestmark = pytest.mark.slow


def test_nlp_paragraph_break_is_a_sentence_boundary(nlp):
    body = "Kenya and Uganda signed a trade deal\n\nThe deal covers sugar and milk."
    (parsed,) = parse_documents(nlp, [Document(id="k", text=body, body=body)])
    sents = [s.text.strip() for s in parsed.doc.sents]
    assert sents == ["Kenya and Uganda signed a trade deal", "The deal covers sugar and milk."]


def test_nlp_offsets_index_the_cleaned_text(nlp):
    body = "Intro line here.\n\nChile and Peru held talks in Lima on Monday."
    (parsed,) = parse_documents(nlp, [Document(id="c", text=body, body=body)])
    for sent in parsed.doc.sents:
        assert body[sent.start_char:sent.end_char] == sent.text
    assert {e.text for e in parsed.doc.ents} >= {"Chile", "Peru", "Lima"}


def test_nlp_keeps_input_order_and_ids_in_batches(nlp):
    docs = [Document(id=str(i), text=f"Text {i}.", body=f"Sentence number {i}.") for i in range(7)]
    out = list(parse_documents(nlp, docs, batch_size=3))
    assert [p.document.id for p in out] == [str(i) for i in range(7)]

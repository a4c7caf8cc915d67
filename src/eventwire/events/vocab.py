"""Word lists of the event stage, read once from ``data/ontology``."""

from __future__ import annotations

from functools import lru_cache

from ..resources import load_yaml


@lru_cache(maxsize=1)
def event_nouns() -> frozenset[str]:
    return frozenset(load_yaml("ontology/event_nouns.yaml")["nouns"])


def _lemma_guess(word: str) -> str:
    """Cues are written as lemmas already; plural nouns in two-word cues ("hold talks") lose their s."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


@lru_cache(maxsize=1)
def cue_types() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """PLOVER types suggested by the CAMEO cue words: single lemmas, and "verb_object" pairs."""
    single: dict[str, set[str]] = {}
    pairs: dict[str, set[str]] = {}
    for row in load_yaml("ontology/cameo.yaml"):
        if not row.get("plover"):
            continue
        for cue in row.get("cues") or []:
            words = cue.lower().split()
            if len(words) == 1:
                single.setdefault(words[0], set()).add(row["plover"])
            elif len(words) == 2:
                pairs.setdefault(f"{words[0]}_{_lemma_guess(words[1])}", set()).add(row["plover"])
    return ({k: frozenset(v) for k, v in single.items()}, {k: frozenset(v) for k, v in pairs.items()})

"""Actor stage: every mention of a state, official, force, group or organisation, coded.

``kb`` holds the knowledge base (data files + user overrides), ``matchers`` the spaCy phrase
matchers over it, ``resolve`` the per-document resolution with coreference.
"""

from __future__ import annotations

from .kb import KnowledgeBase, load_kb
from .resolve import Resolver

__all__ = ["KnowledgeBase", "Resolver", "load_kb"]

"""CAMEO and PLOVER as data: code names, Goldstein weights, the CAMEO→PLOVER crosswalk.

Loaded once from ``data/ontology`` and validated; QuadClass is derived from the CAMEO root the way
GDELT groups roots (01-05 verbal cooperation, 06-09 material cooperation, 10-14 verbal conflict,
15-20 material conflict), because that is the grouping users compare against.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from ..resources import load_yaml


class CameoCode(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    code: str
    name: str
    goldstein: float
    plover: str | None = None
    plover_mode: str | None = None
    cues: tuple[str, ...] = ()


class PloverType(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    name: str
    quad_class: int
    definition: str = ""
    cameo_default: str


def quad_class(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


@dataclass(frozen=True)
class Ontology:
    cameo: dict[str, CameoCode]
    plover: dict[str, PloverType]

    def codes_of(self, plover_type: str) -> list[str]:
        return [c for c, v in self.cameo.items() if v.plover == plover_type]

    def describe(self, code: str) -> CameoCode:
        """The most specific known entry for ``code`` (falls back to its parent)."""
        while code and code not in self.cameo:
            code = code[:-1]
        return self.cameo[code]


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    cameo = {row["code"]: CameoCode(**row) for row in load_yaml("ontology/cameo.yaml")}
    plover = {row["name"]: PloverType(**row) for row in load_yaml("ontology/plover.yaml")["types"]}
    return Ontology(cameo, plover)


@lru_cache(maxsize=1)
def intent_codes() -> dict[str, str]:
    """PLOVER type of an act -> CAMEO intent code used when the act is only announced (data/ontology/intent.yaml)."""
    return dict(load_yaml("ontology/intent.yaml")["intent"])


def announced_types(code: str) -> set[str]:
    """The act types whose announcement is coded ``code`` ("036" -> {"CONSULT"}): an announcement and
    the act it announced carry different PLOVER types (AGREE vs CONSULT), and the store links them."""
    return {t for t, c in intent_codes().items() if c == code}

"""The actor knowledge base: countries, organisations, office holders and title words.

Everything is a data file in ``eventwire/data/actors`` written by us from facts, validated with
pydantic on load. Users add or override entries with their own YAML file (``--actors``), whose
format is the same (see README, "Actor knowledge base"). A :class:`KnowledgeBase` is immutable
once built and answers the questions the resolver asks: which country does this word name, which
sector does this title imply, who held this office on this date.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from ..errors import ConfigError
from ..resources import DATA_PACKAGE, load_yaml, parse_yaml

SECTORS = {
    "GOV", "MIL", "REB", "OPP", "JUD", "POL", "BUS", "MED", "CVL", "REF", "ELI", "IGO", "NGO", "LEG", "COP",
    "SPY", "PTY", "EDU", "HLH", "REL", "LAB", "CRM", "AGR", "IMG", "MNC", "PRO", "UAF", "ENV",
}


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class Office(_Model):
    role: str
    title: str = ""
    sector: str = "GOV"
    start: date
    end: date | None = None

    def held_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class Person(_Model):
    name: str
    country: str
    aliases: tuple[str, ...] = ()
    gender: str | None = None
    offices: tuple[Office, ...] = ()

    def office_on(self, day: date | None) -> Office | None:
        """The office held on ``day`` (the most senior if several); latest office when undated."""
        if not self.offices:
            return None
        if day is None:
            return max(self.offices, key=lambda o: (o.end is None, o.end or date.max, o.start))
        held = [o for o in self.offices if o.held_on(day)]
        return min(held, key=lambda o: ROLE_RANK.get(o.role, 99)) if held else None


ROLE_RANK = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2, "defence_minister": 3, "army_chief": 4}


class Institution(_Model):
    name: str
    aliases: tuple[str, ...] = ()
    sector: str = "GOV"


class Country(_Model):
    code: str
    iso2: str | None = None
    name: str
    names: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    institutions: tuple[Institution, ...] = ()
    non_iso: bool = False

    @field_validator("code")
    @classmethod
    def _alpha3(cls, v: str) -> str:
        if len(v) != 3 or not v.isupper():
            raise ValueError(f"country code must be 3 upper-case letters, got {v!r}")
        return v


class Organization(_Model):
    code: str
    acronym: str
    name: str
    aliases: tuple[str, ...] = ()
    sector: str = "IGO"
    region: str | None = None
    members: tuple[str, ...] = ()


class TitleGroup(_Model):
    sector: str | None = None
    role: str | None = None
    titles: tuple[str, ...]


class UserFile(_Model):
    """A user's additions and overrides: any subset of the four lists."""

    people: tuple[Person, ...] = ()
    countries: tuple[Country, ...] = ()
    organizations: tuple[Organization, ...] = ()
    titles: tuple[TitleGroup, ...] = ()


@dataclass(frozen=True)
class Title:
    """What a title word implies: a sector and (for offices) a role."""

    sector: str | None
    role: str | None


@dataclass(frozen=True)
class Entity:
    """A named thing a phrase can denote."""

    kind: str  # country | capital | region | metonym | adjective | demonym | institution | org
    code: str  # ISO alpha-3 or IGO/NGO/IMG/…
    name: str  # canonical name (country name, organisation name, institution name)
    sector: str | None = None


class KnowledgeBase:
    """Lookup tables built once from the validated data files."""

    def __init__(
        self, countries: list[Country], organizations: list[Organization], people: list[Person], titles: list[TitleGroup]
    ) -> None:
        self.countries = {c.code: c for c in countries}
        self.organizations = {o.acronym: o for o in organizations}
        self.people = people
        #: spaCy matchers built over this knowledge base, per vocabulary (see matchers.py).
        self.matchers: dict[int, Any] = {}
        self.phrases: dict[str, list[Entity]] = defaultdict(list)
        #: Written forms of each lower-cased phrase, and which of them must match case-sensitively.
        self.forms: dict[str, set[str]] = defaultdict(set)
        self.case_sensitive: set[str] = set()
        for c in countries:
            for n in (c.name, *c.names):
                self._add(n, Entity("country", c.code, c.name))
            for a in c.adjectives:
                self._add(a, Entity("adjective", c.code, c.name))
            for d in c.demonyms:
                self._add(d, Entity("demonym", c.code, c.name, "CVL"))
            for cap in c.capitals:
                self._add(cap, Entity("metonym" if cap in c.metonyms else "capital", c.code, c.name, "GOV" if cap in c.metonyms else None))
            for r in c.regions:
                self._add(r, Entity("region", c.code, r))
            for m in c.metonyms:
                if m not in c.capitals:
                    self._add(m, Entity("metonym", c.code, c.name, "GOV"))
            for inst in c.institutions:
                for n in (inst.name, *inst.aliases):
                    self._add(n, Entity("institution", c.code, inst.name, inst.sector))
        for o in organizations:
            for n in (o.name, *o.aliases, o.acronym):
                self._add(n, Entity("org", o.code, o.acronym if o.code in ("IGO", "NGO", "IMG", "MNC") else o.name, o.sector))
        self.titles: dict[str, Title] = {}
        for group in titles:
            for t in group.titles:
                self.titles.setdefault(t.lower(), Title(group.sector, group.role))  # first group wins
        self.person_index: dict[str, list[Person]] = defaultdict(list)
        for p in people:
            for alias in {p.name, *p.aliases, p.name.split()[-1]}:
                self.person_index[alias.lower()].append(p)

    def _add(self, phrase: str, entity: Entity) -> None:
        phrase = phrase.strip()
        if not phrase:
            return
        # Short all-capital forms (UN, WHO, MIT) are matched case-sensitively: "who" is not WHO.
        # So are aliases written with their article ("the Alliance"): "a strategic alliance" is not NATO.
        if (phrase.isupper() and len(phrase.replace(".", "")) <= 5) or phrase.startswith("the "):
            self.case_sensitive.add(phrase)
        key = phrase.lower()
        self.forms[key].add(phrase)
        if entity not in self.phrases[key]:
            self.phrases[key].append(entity)

    # --- questions the resolver asks -------------------------------------------------------

    def country_name(self, code: str) -> str:
        c = self.countries.get(code)
        if c:
            return c.name
        o = self.organizations.get(code)
        return o.name if o else code

    def people_named(self, text: str) -> list[Person]:
        return self.person_index.get(text.lower(), [])

    def holder(self, country: str, role: str, day: date | None) -> Person | None:
        """Who held ``role`` in ``country`` on ``day`` (the latest holder when undated)."""
        best: tuple[Any, Person] | None = None
        for p in self.people:
            if p.country != country:
                continue
            for o in p.offices:
                if o.role != role:
                    continue
                if day is not None and not o.held_on(day):
                    continue
                key = (o.end is None, o.start)
                if best is None or key > best[0]:
                    best = (key, p)
        return best[1] if best else None


def _validate(model: type[_Model], rows: list[Any], where: str) -> list[Any]:
    out = []
    for i, row in enumerate(rows):
        try:
            out.append(model(**row))
        except (ValidationError, TypeError) as exc:
            raise ConfigError(f"[{where} entry {i}] {exc}") from exc
    return out


def packaged_files() -> list[str]:
    base = resources.files(DATA_PACKAGE).joinpath("actors")
    holders = sorted(f"actors/office_holders/{p.name}" for p in base.joinpath("office_holders").iterdir() if p.name.endswith(".yaml"))
    return ["actors/countries.yaml", "actors/organizations.yaml", "actors/titles.yaml", *holders]


@lru_cache(maxsize=8)
def load_kb(user_file: str | None = None) -> KnowledgeBase:
    """The packaged knowledge base, with a user's file merged over it (same keys replace)."""
    countries = _validate(Country, load_yaml("actors/countries.yaml"), "actors/countries.yaml")
    orgs = _validate(Organization, load_yaml("actors/organizations.yaml"), "actors/organizations.yaml")
    titles = _validate(TitleGroup, load_yaml("actors/titles.yaml"), "actors/titles.yaml")
    people: list[Person] = []
    for name in packaged_files():
        if name.startswith("actors/office_holders/"):
            people += _validate(Person, load_yaml(name), name)
    if user_file:
        path = Path(user_file)
        try:
            raw = parse_yaml(path.read_text(encoding="utf-8")) or {}
            user = UserFile(**raw)
        except (OSError, yaml.YAMLError, ValidationError, TypeError) as exc:
            raise ConfigError(f"[{path}] invalid actors file: {exc}", hint="see README, 'Actor knowledge base'") from exc
        by_code = {c.code: c for c in countries}
        by_code.update({c.code: c for c in user.countries})
        countries = list(by_code.values())
        by_acr = {o.acronym: o for o in orgs}
        by_acr.update({o.acronym: o for o in user.organizations})
        orgs = list(by_acr.values())
        replaced = {p.name for p in user.people}
        people = [p for p in people if p.name not in replaced] + list(user.people)
        titles = list(user.titles) + titles  # user titles first: they win on conflicts
    return KnowledgeBase(countries, orgs, people, titles)

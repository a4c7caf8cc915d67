"""Packaged data files (``eventwire/data``): read once per process, validated on load.

The files are immutable facts and vocabularies, so caching them per process is safe; run state
never lives here.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from .errors import ConfigError

DATA_PACKAGE = "eventwire.data"


def data_path(name: str):
    return resources.files(DATA_PACKAGE).joinpath(name)


#: libyaml's loader when PyYAML was built with it (ten times faster on the knowledge base).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> Any:
    return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader


@lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    try:
        return parse_yaml(data_path(name).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"[data/{name}] cannot load packaged data: {exc}") from exc


def data_version(*names: str) -> str:
    """Hash of the named data files, recorded as the knowledge-base version of a run."""
    h = hashlib.sha1()
    for name in sorted(names):
        h.update(data_path(name).read_bytes())
    return h.hexdigest()[:12]

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def nlp():
    from eventwire.nlp import load_pipeline

    return load_pipeline(Settings().spacy_models)


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/ is not present (it is only on the team's machines)")
    return SHARED


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


ARTICLE = (
    "Chilean President Gabriel Boric met Argentine President Javier Milei in Santiago on Monday "
    "to discuss a new mountain tunnel between the two countries.\n\n"
    "The two leaders agreed to ask their transport ministers for a plan within three months, "
    "according to a joint statement."
)

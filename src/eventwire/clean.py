"""Clean stage: remove page clutter from article text before any NLP.

Scraped articles arrive with navigation labels, headline lists, read-time badges, captions,
bylines and source lines around the story. We classify each line from general signals —
page-furniture vocabulary (``data/clutter.yaml``), the shape of a line (prose ends with
punctuation, headlines do not), and its neighbours (a line followed by a time stamp is an item of
a headline list; a headline-like line is prose only between prose lines). No extractor library
does this for plain text: trafilatura/jusText need the HTML tree, which text files do not have.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pydantic import BaseModel, field_validator

from .records import Document
from .resources import load_yaml

WHITESPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_TERMINAL = re.compile(r"[.!?:…][\"'”’»)\]]*$")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_READ_TIME = re.compile(r"^\d+\s*(?:-\s*)?(?:min|mins|minute|minutes)\.?\s*(?:read|listen)$", re.I)
MONTHS = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
_STAMP_TOKEN = re.compile(
    rf"\b(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:am|pm|a\.m\.|p\.m\.)?|\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}|"
    rf"(?:{MONTHS})\.?|\d{{1,2}}(?:st|nd|rd|th)?|\d{{4}}|"
    rf"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|"
    rf"gmt|utc|[a-z]{{2,4}}t|updated|published|posted|last|on|at)\b[.,]?",
    re.I,
)
_BYLINE = re.compile(r"^(?:[Bb]y|BY|[Ff]rom)\s+[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|and|&|de|van|von|al|bin)){0,5}\s*$")
_NAME_OUTLET = re.compile(r"^[A-Z][\w'’. -]{1,60}\s*//\s*\S.*$")


class ClutterCues(BaseModel):
    version: int
    list_headings: list[str]
    furniture: list[str]
    glued_prefixes: list[str]
    credit_markers: list[str]
    source_prefixes: list[str]

    @field_validator("list_headings", "furniture", "glued_prefixes", "credit_markers", "source_prefixes")
    @classmethod
    def _non_empty(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("a cue group must not be empty")
        return value


@lru_cache(maxsize=1)
def clutter_cues() -> ClutterCues:
    return ClutterCues(**load_yaml("clutter.yaml"))


@dataclass
class _Line:
    text: str
    block: int
    kind: str = ""  # "sentence" | "fragment" | "stamp" | "clutter"
    why: str = ""

    @property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


def _key(text: str) -> str:
    return text.strip(" :|»›-–—•*#").strip().lower()


def is_stamp(text: str) -> bool:
    """A line holding only a date and/or time (and at most a short label before it)."""
    if not re.search(r"\d", text):
        return False
    rest = _STAMP_TOKEN.sub(" ", text)
    leftover = _WORD.findall(rest)
    return len(leftover) <= 2 and len(rest.strip(" ,.|-–—/")) <= 25


def _explicit_clutter(text: str, cues: ClutterCues) -> str | None:
    key = _key(text)
    lower = text.lower()
    if key in cues.list_headings:
        return "list-heading"
    if key in cues.furniture:
        return "furniture"
    if _READ_TIME.match(key):
        return "read-time"
    if any(marker in lower for marker in cues.credit_markers):
        return "caption"
    if any(lower.startswith(prefix) for prefix in cues.source_prefixes) and len(text) < 200:
        return "source-line"
    if _BYLINE.match(text) or _NAME_OUTLET.match(text):
        return "byline"
    for prefix in cues.glued_prefixes:
        if text.startswith(prefix) and len(text) > len(prefix) and (text[len(prefix)].isupper() or text[len(prefix)] in ":|»›"):
            return "glued-link"
    return None


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    block = 0
    for raw in text.splitlines():
        line = WHITESPACE.sub(" ", raw).strip()
        if not line:
            block += 1
            continue
        lines.append(_Line(line, block))
    return _join_wrapped(lines)


def _join_wrapped(lines: list[_Line]) -> list[_Line]:
    """Re-join hard-wrapped prose: a block of long lines that ends like prose is one paragraph."""
    out: list[_Line] = []
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and lines[j + 1].block == lines[i].block:
            j += 1
        block = lines[i : j + 1]
        wrapped = (
            len(block) > 1
            and _TERMINAL.search(block[-1].text)
            and all(len(b.text) >= 40 and not _TERMINAL.search(b.text) for b in block[:-1])
            and not any(is_stamp(b.text) or _explicit_clutter(b.text, clutter_cues()) for b in block)
        )
        if wrapped:
            out.append(_Line(" ".join(b.text for b in block), block[0].block))
        else:
            # Continuations that start in lower case belong to the line before.
            for b in block:
                if out and out[-1].block == b.block and b.text[:1].islower() and not _TERMINAL.search(out[-1].text):
                    out[-1].text += " " + b.text
                else:
                    out.append(b)
        i = j + 1
    return out


def classify_lines(text: str) -> list[_Line]:
    """Every non-empty line with its kind; ``clutter`` lines carry the signal that removed them."""
    cues = clutter_cues()
    lines = _split_lines(text)
    for line in lines:
        why = _explicit_clutter(line.text, cues)
        if why:
            line.kind, line.why = "clutter", why
        elif is_stamp(line.text):
            line.kind, line.why = "stamp", "time-stamp"
        elif _TERMINAL.search(line.text) and line.words >= 4:
            line.kind = "sentence"
        else:
            line.kind = "fragment"
    seen: set[str] = set()
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if line.kind in ("sentence", "fragment") and nxt is not None and nxt.kind == "stamp":
            line.kind, line.why = "clutter", "headline-list"
        elif line.kind in ("sentence", "fragment") and line.text.lower() in seen and line.words >= 3:
            line.kind, line.why = "clutter", "duplicate"
        seen.add(line.text.lower())
    for i, line in enumerate(lines):
        if line.kind != "fragment":
            continue
        prev = lines[i - 1] if i > 0 else None
        nxt = next((n for n in lines[i + 1 :] if n.kind != "clutter" or n.why != "furniture"), None)
        between_prose = (
            line.words >= 8
            and prev is not None
            and prev.kind == "sentence"
            and not (nxt is not None and nxt.kind == "fragment" and nxt.words >= 8)
        )
        if not between_prose:
            line.kind, line.why = "clutter", "headline-like" if line.words >= 3 else "label"
    return lines


def guess_title(lines: list[_Line]) -> str | None:
    """The first headline-like line before the story starts, if any."""
    for line in lines:
        if line.kind == "sentence":
            return None
        if line.why in ("headline-like", "headline-list") and 3 <= line.words <= 30:
            return line.text
    return None


def clean_document(doc: Document) -> Document:
    lines = classify_lines(doc.text)
    kept = [line.text for line in lines if line.kind in ("sentence", "fragment")]
    removed = tuple((line.text, line.why) for line in lines if line.kind not in ("sentence", "fragment"))
    title = doc.title or guess_title(lines)
    return replace(doc, body="\n\n".join(kept), removed=removed, title=title)

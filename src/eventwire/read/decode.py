"""Bytes to text, with a typed reason for every way that can fail.

Kept apart from the format readers so that the checks (empty, binary, too large, undecodable)
are the same for a .txt file, an .html page and a line of stdin.
"""

from __future__ import annotations

import charset_normalizer

from ..records import Failure

#: Leading bytes of common binary formats, to name them in the reason.
_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP/Office",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
}


class DecodeFailed(Exception):
    """Carries the failure code and reason up to the reader that knows the origin."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason

    def failure(self, origin: str, doc_id: str | None = None) -> Failure:
        return Failure(origin=origin, code=self.code, reason=self.reason, doc_id=doc_id)


def check_size(n_bytes: int, limit: int) -> None:
    if n_bytes > limit:
        raise DecodeFailed("F104", f"document too large: {n_bytes:,} bytes (limit {limit:,})")


def decode_bytes(data: bytes, *, limit: int) -> str:
    """Decode ``data`` (UTF-8 first, then charset detection); raise :class:`DecodeFailed`."""
    if not data.strip():
        raise DecodeFailed("F101", "empty input")
    check_size(len(data), limit)
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise DecodeFailed("F102", f"binary file ({kind}), not text")
    head = data[:8192]
    # UTF-16/32 texts carry NULs legitimately; they announce themselves with a BOM.
    has_bom = head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf"))
    if b"\x00" in head and not has_bom:
        raise DecodeFailed("F102", "binary file (contains NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise DecodeFailed("F103", "undecodable text: no character encoding fits the bytes") from None
        text = str(best)
    if _control_ratio(text) > 0.05:
        raise DecodeFailed("F102", "binary file (too many control characters), not text")
    return text


def _control_ratio(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return bad / len(sample)

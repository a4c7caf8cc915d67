"""Language identification, so that non-English articles are skipped instead of mis-coded.

py3langid is small, offline and fast; we only act on confident answers for texts long enough
to judge, because a short English text with many names can look like anything.
"""

from __future__ import annotations

from functools import lru_cache

from ..config import Settings
from ..records import Document


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    lang, prob = _identifier().classify(text[:4000])
    return lang, float(prob)


def mark_language(doc: Document, settings: Settings) -> Document:
    from dataclasses import replace

    if len(doc.text.strip()) < settings.language_min_chars:
        return replace(doc, language=settings.languages[0] if settings.languages else None)
    lang, prob = detect(doc.text)
    if lang not in settings.languages and prob >= settings.language_min_confidence:
        return replace(
            doc, language=lang, skip_code="F201", skip_reason=f"not English: detected '{lang}' (p={prob:.2f})"
        )
    return replace(doc, language=lang if lang in settings.languages else settings.languages[0])

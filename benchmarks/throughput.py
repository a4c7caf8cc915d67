"""Throughput: the whole eventwire pipeline vs bare spaCy parsing of the same texts, in one run.

    python benchmarks/throughput.py [--copies 20] [--workers 1] [--repeats 3] [--no-sentence-encoder]

The corpus is the bundled sample articles (plus ../shared/seeds when present), copied ``--copies``
times with a unique suffix per copy so no cache can help. Both sides use the same loaded model
and batch size; the ratio (pipeline docs/s divided by bare-spaCy docs/s) is the figure to
report — absolute numbers depend on the machine, the ratio much less.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from eventwire.clean import clean_document
from eventwire.cli.demo import samples_dir
from eventwire.config import Settings
from eventwire.nlp import load_pipeline
from eventwire.read import discover, read_inputs
from eventwire.records import Document
from eventwire.run import code_files

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def build_corpus(target: Path, copies: int) -> list[str]:
    sources = [p for p in sorted(samples_dir().iterdir()) if p.suffix == ".txt"]
    if SEEDS.is_dir():
        sources += sorted(SEEDS.glob("*.txt"))
    for i in range(copies):
        for src in sources:
            text = src.read_text(encoding="utf-8")
            (target / f"{i:04d}_{src.name}").write_text(f"{text}\n\nCopy number {i} of this article.\n", encoding="utf-8")
    return discover([str(target)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--repeats", type=int, default=3, help="Rounds of (bare, pipeline, pipeline + store); medians are reported.")
    parser.add_argument("--no-sentence-encoder", action="store_true", help="Code with the parse head alone.")
    args = parser.parse_args()
    settings = Settings(workers=args.workers, sentence_encoder=not args.no_sentence_encoder)
    nlp = load_pipeline(settings.spacy_models)
    nlp("Warm-up sentence for the model.")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        paths = build_corpus(corpus, args.copies)
        bodies = [clean_document(d).body for d in read_inputs(paths, settings) if isinstance(d, Document) and not d.skipped]
        # Warm-up of what the pipeline loads once per process (knowledge base, event model, encoder),
        # as the bare side's model was warmed above.
        code_files(paths[: len(paths) // max(1, args.copies)], settings, events_out=Path(tmp) / "w.jsonl")

        # Rounds alternate the three runs so that a slow spell of a shared machine hits all of them.
        bare_times, full_times, store_times = [], [], []
        for k in range(args.repeats):
            t0 = time.perf_counter()
            n_bare = sum(1 for _ in nlp.pipe(bodies, batch_size=settings.batch_size, n_process=args.workers))
            bare_times.append(time.perf_counter() - t0)

            t0 = time.perf_counter()
            summary = code_files(paths, settings, events_out=Path(tmp) / "e.jsonl", docs_out=Path(tmp) / "d.jsonl")
            full_times.append(time.perf_counter() - t0)

            t0 = time.perf_counter()
            stored = code_files(paths, settings, db=Path(tmp) / f"bench{k}.duckdb")
            store_times.append(time.perf_counter() - t0)

    bare, full, with_store = (statistics.median(t) for t in (bare_times, full_times, store_times))
    # Rates over the documents both sides parse (skipped non-English samples excluded).
    bare_rate, full_rate = n_bare / bare, summary.processed / full
    print(f"documents: {summary.documents_read} ({summary.processed} coded), workers: {args.workers}, "
          f"sentence encoder: {settings.sentence_encoder}, medians of {args.repeats} rounds")
    print(f"bare spaCy nlp.pipe : {bare:7.2f} s  {bare_rate:8.1f} docs/s")
    print(f"eventwire pipeline  : {full:7.2f} s  {full_rate:8.1f} docs/s  ({summary.events} events)")
    store_rate = stored.processed / with_store
    print(f"  + event store     : {with_store:7.2f} s  {store_rate:8.1f} docs/s  ({stored.stored_mentions} mentions stored)")
    print(f"ratio pipeline / bare spaCy: {full_rate / bare_rate:.2f}")
    print(f"ratio pipeline with store / bare spaCy: {store_rate / bare_rate:.2f}")


if __name__ == "__main__":
    main()

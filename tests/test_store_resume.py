"""A run killed half-way and re-run gives the same database as an uninterrupted run."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from eventwire.config import Settings

pytestmark = pytest.mark.slow

N_DOCS = 2000
PAIRS = [("Kenyan", "Ugandan"), ("Ghanaian", "Togolese"), ("Chilean", "Peruvian"), ("Polish", "Czech"),
         ("Japanese", "Korean"), ("Egyptian", "Jordanian"), ("Brazilian", "Argentine"), ("Nepali", "Indian")]
VERBS = ["met {b} officials", "accused {b} officials of spying", "signed a trade deal with {b} officials",
         "criticised {b} officials", "held talks with {b} officials", "praised {b} officials"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def make_corpus(folder: Path, seed: int = 7, n_docs: int = N_DOCS) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n_docs):
        a, b = rng.choice(PAIRS)
        verb = rng.choice(VERBS).format(b=b)
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = f" date {day} {a} officials {verb} on {rng.choice(DAYS)}, the ministry said. Report number {i}."
        (folder / f"doc{i:04d}.txt").write_text(text, encoding="utf-8")


def run(corpus: Path, db: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "eventwire", "code", str(corpus), "--db", str(db), "-q"]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def snapshot(db: Path) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "documents": con.execute("SELECT * EXCLUDE (run_id) FROM documents ORDER BY content_hash").fetchall(),
            "mentions": con.execute("SELECT * EXCLUDE (run_id) FROM mentions ORDER BY mention_id").fetchall(),
            "events": con.execute("SELECT * FROM events ORDER BY event_id").fetchall(),
        }
    finally:
        con.close()


def test_store_killed_run_resumes_to_the_same_database(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    full_db, killed_db = tmp_path / "full.duckdb", tmp_path / "killed.duckdb"

    started = time.perf_counter()
    proc = run(corpus, full_db)
    assert proc.wait(timeout=900) == 0, proc.stderr.read()
    duration = time.perf_counter() - started

    # Loading the models takes seconds before the first batch is stored: time a run over the first
    # store batch's worth of documents, and kill the real run at a random point after that.
    first = tmp_path / "first"
    make_corpus(first, n_docs=Settings().store_batch_size)
    started = time.perf_counter()
    proc = run(first, tmp_path / "first.duckdb")
    assert proc.wait(timeout=900) == 0, proc.stderr.read()
    first_commit = time.perf_counter() - started

    seed = int(os.environ.get("EVENTWIRE_KILL_SEED", random.SystemRandom().randint(0, 10**6)))
    fraction = random.Random(seed).uniform(0.35, 0.8)
    proc = run(corpus, killed_db)
    time.sleep(first_commit + (duration - first_commit) * fraction)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    partial = snapshot(killed_db)
    assert 0 < len(partial["documents"]) < N_DOCS, f"kill seed {seed}: the kill did not land mid-run"

    proc = run(corpus, killed_db)
    assert proc.wait(timeout=900) == 0, proc.stderr.read()
    assert snapshot(killed_db) == snapshot(full_db), f"kill seed {seed} (fraction {fraction:.2f})"

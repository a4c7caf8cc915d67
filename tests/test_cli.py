"""End-to-end tests through the command line (a subprocess, as a user runs it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ARTICLE, write

pytestmark = pytest.mark.slow


def run_cli(*args: str, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the CLI in a fresh working folder, so the default event store never leaks between tests."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        return subprocess.run(
            [sys.executable, "-m", "eventwire", *args], input=stdin, capture_output=True, text=True,
            cwd=cwd or tmp, timeout=300,
        )


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_cli_help_describes_every_command():
    top = run_cli("--help")
    assert top.returncode == 0
    for command in ("code", "demo", "settings"):
        assert command in top.stdout
        sub = run_cli(command, "--help")
        assert sub.returncode == 0 and len(sub.stdout.split()) > 20


def test_cli_code_mixed_batch_reports_every_document(tmp_path):
    corpus = tmp_path / "in"
    write(corpus / "good.txt", " date 2025-01-02 " + ARTICLE)
    write(corpus / "empty.txt", "")
    write(corpus / "bad.jsonl", '{"id": "ok", "text": ' + json.dumps(ARTICLE) + '}\n{"id": "cut", "te')
    write(corpus / "rows.csv", "id,body\n1,x\n")
    result = run_cli("code", str(corpus), "-o", str(tmp_path / "ev.jsonl"), "--docs-out", str(tmp_path / "docs.jsonl"),
                     "--summary-out", str(tmp_path / "summary.json"))
    assert result.returncode == 0, result.stderr
    docs = read_jsonl(tmp_path / "docs.jsonl")
    assert sorted(d["status"] for d in docs) == ["failed", "failed", "failed", "processed", "processed"]
    assert all(d["skip_reason"] for d in docs if d["status"] != "processed")
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["documents_read"] == 5 and summary["failed"] == 3
    assert summary["versions"]["model"].startswith("en_core_web_sm")
    assert "documents read" in result.stderr and "empty input" in result.stderr
    assert (tmp_path / "ev.jsonl").exists()


def test_cli_code_reads_stdin(tmp_path):
    stdin = json.dumps({"id": "s", "text": ARTICLE}) + "\n"
    result = run_cli("code", "-", "-o", str(tmp_path / "e.csv"), "--docs-out", str(tmp_path / "d.jsonl"), stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert read_jsonl(tmp_path / "d.jsonl")[0]["id"] == "s"
    assert (tmp_path / "e.csv").read_text().startswith("GLOBALEVENTID,SQLDATE")


def test_cli_exit_status_when_nothing_could_be_processed(tmp_path):
    write(tmp_path / "empty.txt", "")
    result = run_cli("code", str(tmp_path / "empty.txt"), "-o", str(tmp_path / "e.jsonl"))
    assert result.returncode == 3 and "nothing could be processed" in result.stderr


def test_cli_missing_input_and_bad_settings_have_their_own_exit_codes(tmp_path):
    missing = run_cli("code", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "e.jsonl"))
    assert missing.returncode == 4 and "[E100]" in missing.stderr
    cfg = write(tmp_path / "c.yaml", "no_such_setting: 1\n")
    bad = run_cli("code", str(tmp_path), "-o", str(tmp_path / "e.jsonl"), "--config", str(cfg))
    assert bad.returncode == 5 and "[E010]" in bad.stderr


def test_cli_demo_codes_the_bundled_samples(tmp_path):
    result = run_cli("demo", "--out-dir", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    docs = read_jsonl(tmp_path / "out" / "documents.jsonl")
    assert len(docs) >= 12
    assert [d["status"] for d in docs].count("processed") >= 11
    assert any(d["skip_code"] == "F201" for d in docs)  # the German sample is skipped, not coded


def test_cli_workers_option_gives_the_same_documents(tmp_path):
    for i in range(4):
        write(tmp_path / "in" / f"{i}.txt", ARTICLE + f" Item {i}.")
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"d{workers}.jsonl"
        r = run_cli("code", str(tmp_path / "in"), "-o", str(tmp_path / f"e{workers}.jsonl"), "--docs-out", str(out),
                    "--workers", workers, "-q")
        assert r.returncode == 0, r.stderr
        outs.append([(d["id"], d["n_sentences"]) for d in read_jsonl(out)])
    assert outs[0] == outs[1]


def test_cli_mentions_prints_resolved_actors_as_jsonl(tmp_path):
    write(tmp_path / "a.txt", " date 2024-05-01 Kenyan President William Ruto met Ugandan officials in Kampala on Monday.")
    result = run_cli("mentions", str(tmp_path / "a.txt"), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [list(r)[:8] for r in rows][0] == ["doc_id", "text", "start", "end", "name", "country", "sector", "role"]
    assert {(r["text"], r["country"], r["sector"]) for r in rows} == {
        ("Kenyan President William Ruto", "KEN", "GOV"), ("Ugandan officials", "UGA", "GOV")}


def test_cli_mentions_uses_the_users_actor_file(tmp_path):
    actors = write(tmp_path / "mine.yaml", "people:\n  - name: Asha Mwangi\n    country: KEN\n    offices:\n"
                   "      - {role: mayor, title: Mayor, sector: GOV, start: 2022-01-01}\n")
    write(tmp_path / "b.txt", " date 2024-05-01 Asha Mwangi opened a market in Mombasa.")
    result = run_cli("mentions", str(tmp_path / "b.txt"), "--format", "jsonl", "--actors", str(actors))
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert ("Asha Mwangi", "KEN", "mayor") in {(r["name"], r["country"], r["role"]) for r in rows}

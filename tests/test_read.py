from __future__ import annotations

import io
import json
from datetime import date

import pytest

from eventwire.config import Settings
from eventwire.errors import InputError
from eventwire.read import discover, read_inputs, read_stdin
from eventwire.records import Document, Failure

from .conftest import ARTICLE, write


def read_all(paths, settings=None):
    return list(read_inputs(discover([str(p) for p in paths]), settings or Settings()))


def only(items):
    assert len(items) == 1, items
    return items[0]


def test_read_text_header_date_is_cut_and_kept(tmp_path):
    doc = only(read_all([write(tmp_path / "a.txt", " date 2024-03-01 " + ARTICLE)]))
    assert isinstance(doc, Document)
    assert doc.published == date(2024, 3, 1) and doc.date_source == "header"
    assert doc.text.startswith("Chilean President") and doc.id == "a"
    assert doc.language == "en"


def test_read_text_without_header_has_no_date(tmp_path):
    doc = only(read_all([write(tmp_path / "b.txt", ARTICLE)]))
    assert doc.published is None and doc.date_source is None


def test_read_html_main_text_and_meta_date(tmp_path):
    html = (
        "<html><head><title>T</title><meta property='article:published_time' content='2023-11-05T08:00:00Z'></head>"
        "<body><nav><ul><li>Home</li><li>Sport</li></ul></nav><article><h1>Leaders meet</h1>"
        f"<p>{ARTICLE.split(chr(10))[0]}</p><p>{ARTICLE.split(chr(10))[-1]}</p></article></body></html>"
    )
    doc = only(read_all([write(tmp_path / "page.html", html)]))
    assert isinstance(doc, Document)
    assert doc.published == date(2023, 11, 5) and doc.date_source == "html-meta"
    assert "Gabriel Boric met" in doc.text and "Home" not in doc.text


def test_read_jsonl_fields_and_ids(tmp_path):
    lines = [
        {"id": "x1", "text": ARTICLE, "title": "Tunnel", "date": "2022-05-06", "url": "https://e.org/1", "source": "Wire"},
        {"text": ARTICLE + " More."},
    ]
    path = write(tmp_path / "w.jsonl", "\n".join(json.dumps(x) for x in lines))
    first, second = read_all([path])
    assert (first.id, first.title, first.published, first.url, first.source_name) == (
        "x1", "Tunnel", date(2022, 5, 6), "https://e.org/1", "Wire")
    assert first.date_source == "field" and first.origin.endswith("w.jsonl:1")
    assert len(second.id) == 16  # content hash when no id is given


def test_read_json_array_and_csv(tmp_path):
    arr = write(tmp_path / "a.json", json.dumps([{"id": "j1", "text": ARTICLE}]))
    csv_path = write(tmp_path / "c.csv", 'id,text,date\nc1,"' + ARTICLE.replace('"', '""') + '",2021-01-02\n')
    j, c = read_all([arr, csv_path])
    assert j.id == "j1" and c.id == "c1" and c.published == date(2021, 1, 2)


def test_read_stdin_jsonl(settings):
    stream = io.StringIO(json.dumps({"id": "s1", "text": ARTICLE}) + "\n")
    (doc,) = list(read_stdin(settings, stream))
    assert doc.id == "s1" and doc.origin == "<stdin>:1"


def test_discover_folders_recursively_and_globs(tmp_path):
    write(tmp_path / "d" / "one.txt", ARTICLE)
    write(tmp_path / "d" / "sub" / "two.txt", ARTICLE)
    write(tmp_path / "d" / ".hidden" / "three.txt", ARTICLE)
    assert [p.split("/")[-1] for p in discover([str(tmp_path / "d")])] == ["one.txt", "two.txt"]
    assert len(discover([str(tmp_path / "d" / "**" / "*.txt")])) == 2


def test_discover_missing_input_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        discover([str(tmp_path / "nope.txt")])


# --- bad input: each kind is a Failure with a one-line reason; the rest of the batch is read ---

def _failure_for(tmp_path, name, content, settings=None):
    good = write(tmp_path / "good.txt", ARTICLE)
    bad = write(tmp_path / name, content)
    items = read_all([bad, good], settings)
    assert isinstance(items[-1], Document), "the good document after the bad one must still be read"
    failures = [i for i in items if isinstance(i, Failure)]
    assert failures, items
    assert all("\n" not in f.reason for f in failures)
    return failures


def test_bad_input_empty_file(tmp_path):
    (f,) = _failure_for(tmp_path, "empty.txt", "   \n")
    assert f.code == "F101" and "empty" in f.reason


def test_bad_input_binary_file(tmp_path):
    (f,) = _failure_for(tmp_path, "scan.txt", b"%PDF-1.4\n\x00\x01\x02binary")
    assert f.code == "F102" and "PDF" in f.reason


def test_bad_input_nul_bytes_are_binary(tmp_path):
    (f,) = _failure_for(tmp_path, "blob.txt", b"abc\x00\x00\x00def" * 10)
    assert f.code == "F102"


def test_bad_input_undecodable_bytes(tmp_path):
    (f,) = _failure_for(tmp_path, "odd.txt", bytes(range(128, 256)) * 3)
    assert f.code == "F103" and "encoding" in f.reason


def test_bad_input_oversized_text(tmp_path):
    settings = Settings(max_text_bytes=2_000)
    (f,) = _failure_for(tmp_path, "huge.txt", "word " * 1_000, settings)
    assert f.code == "F104" and "too large" in f.reason


def test_bad_input_oversized_record_in_jsonl_spares_the_others(tmp_path):
    settings = Settings(max_text_bytes=2_000)
    path = write(tmp_path / "w.jsonl", json.dumps({"id": "big", "text": "word " * 1000}) + "\n"
                 + json.dumps({"id": "ok", "text": ARTICLE}) + "\n")
    big, ok = read_all([path], settings)
    assert isinstance(big, Failure) and big.code == "F104" and big.doc_id == "big"
    assert isinstance(ok, Document) and ok.id == "ok"


def test_bad_input_truncated_jsonl_line(tmp_path):
    full = json.dumps({"id": "a", "text": ARTICLE})
    path = write(tmp_path / "t.jsonl", full + "\n" + full[: len(full) // 2])
    ok, cut = read_all([path])
    assert isinstance(ok, Document)
    assert isinstance(cut, Failure) and cut.code == "F105" and cut.origin.endswith(":2")
    assert "truncated or invalid" in cut.reason


def test_bad_input_invalid_json_line_and_missing_text_field(tmp_path):
    path = write(tmp_path / "m.jsonl", "{not json}\n" + json.dumps({"id": "n", "body": "x"}) + "\n")
    bad_json, no_text = read_all([path])
    assert bad_json.code == "F105" and no_text.code == "F110" and no_text.doc_id == "n"


def test_bad_input_truncated_json_file(tmp_path):
    (f,) = _failure_for(tmp_path, "cut.json", '[{"id": "a", "text": "Some te')
    assert f.code == "F105"


def test_bad_input_csv_without_text_column(tmp_path):
    (f,) = _failure_for(tmp_path, "rows.csv", "id,body\n1,hello\n")
    assert f.code == "F106" and "'text' column" in f.reason


def test_bad_input_broken_html(tmp_path):
    (f,) = _failure_for(tmp_path, "broken.html", "<html><body><div><p></div><scr")
    assert f.code == "F107"


def test_bad_input_truncated_html_keeps_what_is_there(tmp_path):
    html = f"<html><body><article><p>{ARTICLE.split(chr(10))[0]}</p><p>The talks will contin"
    doc = only(read_all([write(tmp_path / "cut.html", html)]))
    assert isinstance(doc, Document) and "Gabriel Boric" in doc.text


def test_bad_input_unsupported_extension(tmp_path):
    (f,) = _failure_for(tmp_path, "notes.docx", b"PK\x03\x04...")
    assert f.code == "F108"


def test_non_english_document_is_marked_skipped(tmp_path):
    text = ("El presidente de Chile se reunió el lunes con su homólogo argentino en Santiago para hablar "
            "de un nuevo túnel entre los dos países y de la cooperación en energía.")
    doc = only(read_all([write(tmp_path / "es.txt", text)]))
    assert doc.skipped and doc.skip_code == "F201" and doc.language == "es"


def test_short_text_is_not_language_checked(tmp_path):
    doc = only(read_all([write(tmp_path / "s.txt", "Berlin, Paris.")]))
    assert not doc.skipped

"""Bad inputs: one stderr line per bad file naming it and the reason; the batch goes on."""

from __future__ import annotations

import re
import sqlite3

from _corpus import BAD, GOOD_NAMES, newsgraph, write_bad, write_good

LINE = re.compile(r"^newsgraph: (E\d{3}) (\S+): (.+)$")


def stored_names(db) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM articles")}


def test_each_bad_file_gives_one_line_and_every_good_document_is_stored(tmp_path):
    corpus = write_bad(write_good(tmp_path / "in"))
    db = tmp_path / "s.db"
    run = newsgraph("ingest", str(corpus), "--no-progress", db=db)
    assert run.returncode == 0, run.stderr

    lines = [line for line in run.stderr.splitlines() if line.strip()]
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), f"stray stderr lines: {lines}"
    by_file = {}
    for m in parsed:
        name = m.group(2).rsplit("/", 1)[-1]
        assert name not in by_file, f"two lines for {name}: {lines}"
        by_file[name] = (m.group(1), m.group(3))
    assert set(by_file) == set(BAD), lines
    for name, code in BAD.items():
        if code:
            assert by_file[name][0] == code, (name, by_file[name])
    assert by_file["malformed.html"][0] in {"E005", "E009"}
    assert by_file["mixed.jsonl"][1].startswith("broken JSONL line 2")

    # Every good document is stored, including the good lines around the broken one.
    assert stored_names(db) == GOOD_NAMES | {"feed-tokyo-seoul-copy"}
    assert "1 already stored" in run.stdout  # mixed.jsonl's first line = feed.jsonl's first

    again = newsgraph("ingest", str(corpus), "--no-progress", db=db)
    assert again.returncode == 0
    assert "0 new documents stored, 6 already stored, 6 failed" in again.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM raw_docs").fetchone()[0] == 5


def test_all_inputs_bad_exits_1(tmp_path):
    corpus = write_bad(tmp_path / "in")
    (corpus / "mixed.jsonl").unlink()  # it holds good lines
    run = newsgraph("ingest", str(corpus), str(tmp_path / "no-such-dir"), "--no-progress",
                    db=tmp_path / "s.db")
    assert run.returncode == 1
    errors = [LINE.match(line) for line in run.stderr.splitlines()]
    assert len(errors) == 6 and all(errors)
    assert ("E008", str(tmp_path / "no-such-dir")) in {(m.group(1), m.group(2)) for m in errors}


def test_max_bytes_is_an_option(tmp_path):
    corpus = write_good(tmp_path / "in")
    run = newsgraph("ingest", str(corpus / "germany-air-defence.txt"), "--max-bytes", "100",
                    "--no-progress", db=tmp_path / "s.db")
    assert run.returncode == 1
    assert LINE.match(run.stderr.strip()).group(1) == "E004"

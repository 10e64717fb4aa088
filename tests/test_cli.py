"""The `newsgraph` command, run as a real subprocess against a real SQLite file."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from _corpus import FEED, GERMANY_TXT, GOOD_NAMES, newsgraph, write_good

CONTRACT = {"doc", "type", "mode", "source", "target", "source_text", "target_text", "item",
            "quantity", "date", "modality", "claims", "evidence", "confidence"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    path = folder / "store.db"
    run = newsgraph("ingest", str(write_good(folder / "in")), "--no-progress", db=path)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert "4 new documents stored, 0 already stored, 0 failed" in run.stdout
    return path


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def all_events(db) -> list[dict]:
    run = newsgraph("events", "--format", "jsonl", db=db)
    assert run.returncode == 0, run.stderr
    return jsonl(run.stdout)


def test_version():
    run = newsgraph("--version")
    assert run.returncode == 0 and run.stdout.startswith("newsgraph 0.")


def test_ingesting_twice_adds_nothing(db, tmp_path):
    def counts():
        with sqlite3.connect(db) as conn:
            return [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                    for t in ("raw_docs", "articles", "events", "claims", "sentences")]

    before = counts()
    run = newsgraph("ingest", str(write_good(tmp_path / "again")), "--no-progress", db=db)
    assert run.returncode == 0
    assert "0 new documents stored, 4 already stored" in run.stdout
    assert counts() == before
    assert before[:2] == [4, 4] and before[2] > 0


def test_events_jsonl_keeps_the_extract_contract(db):
    events = all_events(db)
    assert events, "the test corpus has events"
    for e in events:
        assert CONTRACT <= set(e), e
        assert e["doc"] in GOOD_NAMES
        body_text = e["evidence"]["text"]
        assert body_text and e["evidence"]["end"] > e["evidence"]["start"]
    with sqlite3.connect(db) as conn:
        assert len(events) == conn.execute("SELECT count(*) FROM events").fetchone()[0]


def test_events_filters(db):
    events = all_events(db)
    e = next(e for e in events if e["source"])
    code, etype = e["source"][0], e["type"]

    by_actor = jsonl(newsgraph("events", "--actor", code.lower(), "--format", "jsonl",
                               db=db).stdout)
    assert e["id"] in {x["id"] for x in by_actor}
    assert all(code in x["source"] + x["target"] for x in by_actor)
    assert len(by_actor) == sum(code in x["source"] + x["target"] for x in events)

    by_type = jsonl(newsgraph("events", "--type", etype, "--format", "jsonl", db=db).stdout)
    assert {x["type"] for x in by_type} == {etype}
    assert len(by_type) == sum(x["type"] == etype for x in events)

    by_doc = jsonl(newsgraph("events", "--doc", "feed-tokyo-seoul", "--format", "jsonl",
                             db=db).stdout)
    assert {x["doc"] for x in by_doc} <= {"feed-tokyo-seoul"}

    since = jsonl(newsgraph("events", "--since", "2025", "--format", "jsonl", db=db).stdout)
    assert {x["doc"] for x in since} <= {"germany-air-defence.txt"}  # the only 2025 article
    until = jsonl(newsgraph("events", "--until", "2024-12-31", "--format", "jsonl",
                            db=db).stdout)
    assert len(since) + len(until) == len(events)

    limited = jsonl(newsgraph("events", "--limit", "1", "--format", "jsonl", db=db).stdout)
    assert len(limited) == 1

    bad = newsgraph("events", "--since", "last week", db=db)
    assert bad.returncode == 2 and "YYYY" in bad.stderr


def test_events_csv_and_table(db):
    events = all_events(db)
    run = newsgraph("events", "--format", "csv", db=db)
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert len(rows) == len(events)
    assert {"id", "doc", "type", "source", "target", "claims", "evidence"} <= set(rows[0])
    assert rows[0]["evidence"] == events[0]["evidence"]["text"]

    table = newsgraph("events", db=db)
    lines = table.stdout.splitlines()
    assert lines[0].split()[:4] == ["ID", "DOC", "DATE", "TYPE"]
    assert len(lines) == len(events) + 1
    assert f"({len(events)} events)" in table.stderr


def test_db_option_after_the_command_and_from_the_environment(db):
    n = len(all_events(db))
    after = newsgraph("events", "--db", str(db), "--format", "jsonl")
    assert len(jsonl(after.stdout)) == n
    env = newsgraph("events", "--format", "jsonl", env={"NEWSGRAPH_DB": str(db)})
    assert len(jsonl(env.stdout)) == n


def test_show_by_name_and_id_prefix(db):
    with sqlite3.connect(db) as conn:
        doc_id = conn.execute(
            "SELECT doc_id FROM articles WHERE name = 'eu-sanctions-iran.html'"
        ).fetchone()[0]
        n_events = conn.execute("SELECT count(*) FROM events WHERE doc_id = ?",
                                (doc_id,)).fetchone()[0]
    by_name = newsgraph("show", "eu-sanctions-iran.html", db=db)
    assert by_name.returncode == 0, by_name.stderr
    assert by_name.stdout.startswith("EU sanctions Iran over drone deliveries to Russia")
    assert "The European Union imposed new sanctions on Iran" in by_name.stdout
    assert f"--- {n_events} events ---" in by_name.stdout
    by_id = newsgraph("show", doc_id[:8], db=db)
    assert by_id.stdout == by_name.stdout
    as_json = json.loads(newsgraph("show", doc_id[:8], "--format", "json", db=db).stdout)
    assert as_json["doc_id"] == doc_id and len(as_json["events"]) == n_events

    missing = newsgraph("show", "no-such-doc", db=db)
    assert missing.returncode == 1
    assert missing.stderr.strip() == "newsgraph: E013: document not found (no-such-doc)"


def test_summary(db):
    run = newsgraph("summary", db=db)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"{db}: 4 documents")
    assert "Events:" in run.stdout and "Top actor pairs" in run.stdout
    data = json.loads(newsgraph("summary", "--format", "json", db=db).stdout)
    assert data["documents"] == 4
    assert sum(data["by_type"].values()) == data["events"] == len(all_events(db))


def test_search(db):
    run = newsgraph("search", "water cannon", "--format", "jsonl", db=db)
    assert run.returncode == 0
    assert [h["name"] for h in jsonl(run.stdout)] == ["feed-coast-guard"]
    assert newsgraph("search", "zeppelin", db=db).returncode == 1


def test_readers_work_while_a_writer_holds_a_transaction(db):
    writer = sqlite3.connect(db, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM claims")
        run = newsgraph("summary", "--format", "json", db=db)
        assert run.returncode == 0, run.stderr
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_missing_database_is_an_error_not_a_new_file(tmp_path):
    run = newsgraph("events", db=tmp_path / "none.db")
    assert run.returncode == 1
    assert run.stderr.startswith("newsgraph: E012 ")
    assert not (tmp_path / "none.db").exists()


def test_extract_reads_stdin():
    run = newsgraph("extract", "-", stdin=GERMANY_TXT)
    assert run.returncode == 0, run.stderr
    events = jsonl(run.stdout)
    assert events and all(CONTRACT <= set(e) and e["doc"] == "stdin" for e in events)


def test_extract_jsonl_stdin_names_docs_by_their_id():
    lines = "".join(json.dumps(r) + "\n" for r in FEED)
    run = newsgraph("extract", "-", stdin=lines)
    assert run.returncode == 0, run.stderr
    assert {e["doc"] for e in jsonl(run.stdout)} <= {r["id"] for r in FEED}


def test_clean_reads_stdin():
    run = newsgraph("clean", "-", stdin=GERMANY_TXT)
    assert run.returncode == 0, run.stderr
    [article] = jsonl(run.stdout)
    assert {"doc", "title", "published", "outlet", "author", "languages", "body"} <= set(article)
    assert "IRIS-T air defence systems" in article["body"]
    assert "Share on Facebook" not in article["body"]


def test_clean_of_a_bad_input_exits_1():
    run = newsgraph("clean", "-", stdin="")
    assert run.returncode == 1
    assert run.stderr.startswith("newsgraph: E002 -: empty file")


def test_classify_single_and_jsonl_batch():
    one = newsgraph("classify", "--source", "France", "--target", "Iran",
                    "France condemned Iran for the attack on the embassy.")
    assert one.returncode == 0, one.stderr
    assert one.stdout.strip() == "ACCUSE"
    lines = [
        {"sentence": "France condemned Iran for the attack on the embassy.", "source": "France",
         "target": "Iran"},
        {"sentence": "Japan and Australia signed a defence pact.", "source": "Japan",
         "target": "Australia"},
    ]
    stdin = "".join(json.dumps(x) + "\n" for x in lines) + "{broken\n"
    batch = newsgraph("classify", "--jsonl", "-", stdin=stdin)
    assert batch.returncode == 0
    out = jsonl(batch.stdout)
    assert [o["sentence"] for o in out] == [x["sentence"] for x in lines]
    assert out[0]["type"] == "ACCUSE" and all(isinstance(o["type"], str) for o in out)
    assert batch.stderr.startswith("newsgraph: E006 -: broken JSONL line 3")
    assert newsgraph("classify", "France condemned Iran.").returncode == 2


def test_evaluate_plover_on_a_small_tsv(tmp_path):
    tsv = tmp_path / "plv.tsv"
    tsv.write_text(
        "sentence\tmarked_sentence\tgold_root\n"
        "x\t<s>France</s> condemned <t>Iran</t> for the attack on the embassy.\tACCUSE\n"
        "x\t<s>Russia</s> shelled <t>Ukrainian</t> positions near Kharkiv.\tASSAULT\n",
        encoding="utf-8",
    )
    run = newsgraph("evaluate", "plover", "--tsv", str(tsv), "--setting", "given",
                    "--format", "json")
    assert run.returncode == 0, run.stderr
    [report] = jsonl(run.stdout)
    assert report["n"] == 2 and report["setting"] == "given"
    text = newsgraph("evaluate", "--format", "json", "plover", "--tsv", str(tsv),
                     "--setting", "both", "--limit", "1")
    assert [r["setting"] for r in jsonl(text.stdout)] == ["e2e", "given"]


def test_console_script_and_module_entry_points():
    script = Path(sys.executable).parent / "newsgraph"
    for cmd in ([str(script)], [sys.executable, "-m", "newsgraph.cli"]):
        run = subprocess.run([*cmd, "--version"], capture_output=True, text=True)
        assert run.returncode == 0 and run.stdout.startswith("newsgraph "), cmd
    usage = subprocess.run([str(script)], capture_output=True, text=True)
    assert usage.returncode == 2 and "COMMAND" in usage.stderr

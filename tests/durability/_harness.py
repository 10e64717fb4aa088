"""Ingests run in a forked child (spaCy is loaded once, in the parent) that can be killed with
SIGKILL at its k-th SQL statement, and the checks a store must pass after any crash."""

from __future__ import annotations

import json
import os
import resource
import signal
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SENTENCES = [
    "The foreign ministers of {a} and {b} met in Geneva on Monday to discuss the border.",
    "{a} accused {b} of shelling villages near the frontier, officials said on Tuesday.",
    "The president of {a} said his government would send humanitarian aid to {b}.",
    "{b} rejected the proposal and recalled its ambassador from {a} after the vote.",
]
PAIRS = [("France", "Germany"), ("Russia", "Ukraine"), ("China", "Japan"), ("Iran", "Iraq"),
         ("Serbia", "Kosovo"), ("Chile", "Peru"), ("Egypt", "Sudan"), ("India", "Nepal")]


def write_corpus(folder: Path, n: int = 8) -> Path:
    """n plain-text articles, each different, each with a few events."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        a, b = PAIRS[i % len(PAIRS)]
        body = " ".join(s.format(a=a, b=b) for s in SENTENCES)
        (folder / f"doc{i:02d}.txt").write_text(
            f"Talks between {a} and {b}, report {i}\n\n{body}\n\nReport number {i} ends here.\n",
            "utf-8")
    return folder


def warm(folder: Path) -> None:
    """One ingest in the parent, so every lazy load (spaCy, lingua, dictionaries) is done
    before the forks and each child's run takes a fraction of a second."""
    from newsgraph import pipeline

    pipeline.ingest([str(write_corpus(folder / "warm", n=2))], folder / "warm.db", n_process=1,
                    progress=False, on_error=lambda e: None)


@dataclass(frozen=True)
class Run:
    rc: int  # exit status, or -signal
    statements: int  # SQL statements the child started
    error: str  # the error line the CLI would print (E047 ...), or a bug's repr


def ingest_in_child(db: Path, corpus: Path, kill_at: int | None = None,
                    setup: Callable[[sqlite3.Connection], None] | None = None,
                    fsize: int | None = None) -> Run:
    """Run `pipeline.ingest` in a forked child. With `kill_at`, the child SIGKILLs itself as
    its kill_at-th SQL statement starts; `setup` runs on each connection it opens; `fsize`
    caps the size any file may grow to (writes past it fail: an I/O error)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_fd)
        code = 3
        try:
            if fsize is not None:
                resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
            code = _child(db, corpus, kill_at, setup, write_fd)
        finally:
            os._exit(code)
    os.close(write_fd)
    with os.fdopen(read_fd) as r:
        report = json.loads(r.read() or '{"n": 0, "error": ""}')
    _, status = os.waitpid(pid, 0)
    rc = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
    return Run(rc, report["n"], report["error"])


def _child(db, corpus, kill_at, setup, write_fd) -> int:
    from newsgraph import pipeline, store
    from newsgraph.errors import NewsgraphError

    real_connect = store.connect
    n = 0

    def trace(_sql: str) -> None:
        nonlocal n
        n += 1
        if kill_at is not None and n >= kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    def connect(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        if setup:
            setup(conn)
        conn.set_trace_callback(trace)
        return conn

    store.connect = connect  # the child's copy only
    code, error = 0, ""
    try:
        pipeline.ingest([str(corpus)], db, n_process=1, progress=False,
                        on_error=lambda e: None)
    except NewsgraphError as e:  # what `newsgraph ingest` prints, then exits 1
        code, error = 1, e.line()
    except Exception as e:  # a traceback for the user: the test says so
        code, error = 3, f"{type(e).__name__}: {e}"
    os.write(write_fd, json.dumps({"n": n, "error": error}).encode())
    return code


def check_store(db: Path) -> dict[str, int]:
    """The store is whole: integrity_check ok, no foreign-key orphans, every raw document has
    its article, FTS index consistent. Returns rows per table."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT count(*) FROM raw_docs r LEFT JOIN articles a ON "
                            "a.doc_id = r.id WHERE a.doc_id IS NULL").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM "
                            "sentences s WHERE s.doc_id = a.doc_id)").fetchone()[0] == 0
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'articles_fts_%'")]
        if "articles_fts" in tables:
            conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def documents(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM raw_docs"))
    finally:
        conn.close()

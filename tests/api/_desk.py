"""A real store and a real `newsgraph serve` process for the API, browser and export tests.

The store is built by ingesting articles written here (our own text), one of them
hostile: markup, event handlers and a javascript: link that must stay text.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

TOKEN = "test-token-9f1c"

ARTICLES = [
    {"id": "iran-drones-russia", "title": "Kyiv says Iran shipped more drones to Russia",
     "published": "2025-03-10", "outlet": "Kyiv Courier", "url": "https://kyiv.example/drones",
     "text": "KYIV - Iran has supplied 200 Shahed drones to Russia since January, Ukraine's "
             "defence ministry said on Monday.\n\nIran's foreign ministry denied that it had "
             "sent any drones to Russia and called the report propaganda.\n\nThe European Union "
             "imposed sanctions on three Iranian drone makers on Friday."},
    {"id": "unsc-veto", "title": "Russia vetoes UN resolution on nuclear plant",
     "published": "2025-04-02", "outlet": "UN Brief", "url": "https://unbrief.example/veto",
     "text": "NEW YORK - Russia vetoed a UN Security Council resolution on the Zaporizhzhia "
             "nuclear plant on Wednesday.\n\nFrance accused Russia of holding the plant "
             "hostage.\n\nChina abstained in the vote."},
    {"id": "xss-probe", "title": "<script>alert('title')</script> China warns Japan",
     "published": "2025-05-05", "outlet": "<img src=x onerror=alert('outlet')>",
     "url": "javascript:alert('url')",
     "text": "BEIJING - China accused Japan of provocation <script>alert('body')</script> on "
             "Monday, the foreign ministry said.\n\nJapan's government rejected the accusation "
             "<img src=x onerror=alert('img')> and <a href=\"javascript:alert('link')\">called "
             "it baseless</a>.\n\nTokyo summoned the Chinese ambassador."},
]

UPLOAD = ("Germany sends air defence systems to Ukraine\n\nBERLIN - Germany will deliver four "
          "additional IRIS-T air defence systems to Ukraine before the summer, the German "
          "defence ministry said on Thursday.\n\nRussia condemned the decision and accused "
          "Germany of prolonging the war in Ukraine.\n")


@dataclass
class Desk:
    url: str
    db: Path
    token_file: Path
    proc: subprocess.Popen

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=60)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_store(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    src = folder / "articles.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = folder / "desk.db"
    subprocess.run([sys.executable, "-m", "newsgraph", "--db", str(db), "ingest", str(src),
                    "--no-progress"], check=True, capture_output=True)
    return db


def start(folder: Path, db: Path) -> Desk:
    token = folder / "token"
    token.write_text(TOKEN + "\n")
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "serve", "--db", str(db), "--port", str(port),
         "--token-file", str(token), "--max-body", "200000"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(proc.stderr.read().decode() if proc.stderr else "serve exited")
        try:
            if httpx.get(url + "/api/v1/summary", timeout=2).status_code == 200:
                return Desk(url, db, token, proc)
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("newsgraph serve did not answer within 30 s")


def stop(desk: Desk) -> None:
    desk.proc.terminate()
    try:
        desk.proc.wait(10)
    except subprocess.TimeoutExpired:
        desk.proc.kill()

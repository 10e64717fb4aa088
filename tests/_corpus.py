"""A small noisy corpus written for the store, pipeline and CLI tests (our own text).

`write_good(folder)` writes a text dump, an HTML page and a JSONL file of two
articles; `write_bad(folder)` adds one file for each kind of bad input.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

GERMANY_TXT = """\
Menu
Home | World | Europe | Business | Sport | Opinion
Subscribe
x
Germany to send four more air defence systems to Ukraine
By Daily Ledger staff
14 March 2025
BERLIN — Germany will deliver four additional IRIS-T air defence systems to Ukraine before \
the summer, the German defence ministry said on Thursday.
Defence Minister Boris Pistorius met his Ukrainian counterpart Rustem Umerov in Berlin and \
pledged further military support for Kyiv.
Russia condemned the decision and accused Germany of prolonging the war in Ukraine.
The Kremlin warned that the new deliveries would not change the situation on the battlefield.
Poland and the Netherlands also promised to send artillery ammunition to Ukraine this year.
Share on Facebook
Share on X
Related articles
Markets rally as inflation cools
© 2025 Daily Ledger. All rights reserved.
"""

SANCTIONS_HTML = """\
<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>EU sanctions Iran over drone deliveries to Russia | Harbor Times</title>
<meta property="article:published_time" content="2024-10-14T09:30:00Z">
<meta property="og:site_name" content="Harbor Times">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/login">Log in</a></nav>
<article>
<h1>EU sanctions Iran over drone deliveries to Russia</h1>
<p class="byline">By Maria Keller</p>
<p>The European Union imposed new sanctions on Iran on Monday over its deliveries of drones
and ballistic missiles to Russia, freezing the assets of several Iranian officials and
companies.</p>
<p>EU foreign ministers said the transfers posed a direct threat to European security and
called on Tehran to stop supplying weapons to Moscow.</p>
<p>Iran denied sending any ballistic missiles to Russia and accused the European Union of
spreading false claims. The Iranian foreign ministry summoned the ambassadors of France,
Germany and Britain.</p>
<p>Ukraine welcomed the decision and urged its partners to increase pressure on Iran.</p>
</article>
<footer>Cookie settings · Privacy · Terms of use · © Harbor Times</footer>
</body></html>
"""

FEED = [
    {
        "id": "feed-coast-guard",
        "url": "https://example.org/asia/coast-guard",
        "title": "China's coast guard fires water cannon at Philippine vessel",
        "published": "2024-08-20",
        "outlet": "Example Asia Wire",
        "text": (
            "China's coast guard fired water cannon at a Philippine supply vessel near a "
            "disputed shoal on Monday, the Philippine coast guard said.\n"
            "Manila protested the attack and summoned a senior Chinese diplomat.\n"
            "The United States criticized Beijing for its dangerous actions and said it "
            "stood with the Philippines."
        ),
    },
    {
        "id": "feed-tokyo-seoul",
        "url": "https://example.org/asia/tokyo-seoul",
        "title": "Japan and South Korea agree to deepen defence ties",
        "published": "2024-09-06",
        "outlet": "Example Asia Wire",
        "text": (
            "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol "
            "in Seoul on Friday.\n"
            "Japan and South Korea signed an agreement to share real-time missile warning "
            "data and to hold joint naval exercises.\n"
            "North Korea condemned the agreement."
        ),
    },
]

# What an ingest of write_good() must store: article name → expected in the store.
GOOD_NAMES = {"germany-air-defence.txt", "eu-sanctions-iran.html", "feed-coast-guard",
              "feed-tokyo-seoul"}


def write_good(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "germany-air-defence.txt").write_text(GERMANY_TXT, encoding="utf-8")
    (folder / "eu-sanctions-iran.html").write_text(SANCTIONS_HTML, encoding="utf-8")
    (folder / "feed.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in FEED), encoding="utf-8"
    )
    return folder


# File name → the error code it must give.
BAD = {
    "binary.txt": "E001",
    "empty.txt": "E002",
    "undecodable.txt": "E003",
    "huge.txt": "E004",
    "malformed.html": None,  # E005 or E009: no article text either way
    "mixed.jsonl": "E006",
}


def write_bad(folder: Path) -> Path:
    """One file per kind of bad input, beside good ones; `mixed.jsonl` holds good lines too."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "undecodable.txt").write_bytes(
        b"Ministers met \x81\x8d\x9d\x8f on \x90 Tuesday \x8d\x81 to discuss \x9d\x8f\x81 trade.\n"
    )
    with open(folder / "huge.txt", "wb") as f:  # 50 MB, sparse
        f.truncate(50 * 1024 * 1024)
    (folder / "malformed.html").write_text(
        "<html><head><title></title><body><div class=\"a\"><<table><tr><td>"
        "<p><b><i></td></div></span><script>var x = '<div>';</script></", encoding="utf-8"
    )
    lines = [json.dumps(FEED[0]), '{"id": "broken", "text": "The minister said', json.dumps(
        {**FEED[1], "id": "feed-tokyo-seoul-copy",
         "text": FEED[1]["text"] + "\nBoth leaders will meet again in November."}
    )]
    (folder / "mixed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def newsgraph(*args: str, db: Path | None = None, stdin: str | None = None,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the installed command (`python -m newsgraph` from this interpreter)."""
    cmd = [sys.executable, "-m", "newsgraph"]
    if db is not None:
        cmd += ["--db", str(db)]
    return subprocess.run(
        [*cmd, *args], input=stdin, capture_output=True, text=True, timeout=600,
        env={**os.environ, **(env or {})},
    )

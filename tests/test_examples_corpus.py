"""Structural checks of the sample corpus in examples/ and of its gold (examples/gold.yaml).

The corpus is the demo input and the project's second yardstick, so it must stay as noisy
as real scrapes, fully annotated, and free of third-party text (no run of a seed sentence).
"""

from __future__ import annotations

import gzip
import html
import importlib.util
import json
import re
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from newsgraph.events.ontology import types

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOLD = EXAMPLES / "gold.yaml"  # files, found by `newsgraph evaluate --corpus examples`
# JSONL articles, keyed by line id (RawDoc.name); kept apart until the evaluator finds
# documents by name inside a corpus folder.
FEEDS_GOLD = EXAMPLES / "feeds" / "gold.yaml"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# Files of examples/ that are articles but deliberately left out of gold (none today).
NOT_ANNOTATED: set[str] = set()
NOT_ARTICLES = {"gold.yaml", "README.md"}

PLOVER = set(types())
ITEMS = {
    "drone", "ballistic_missile", "missile", "artillery_ammunition", "launcher",
    "air_defense", "helicopter", "troops", "weapons",
}
STANCES = {"asserts", "denies", "concedes"}
DOC_FIELDS = {
    "doc", "title", "published", "outlet", "languages", "body_first", "body_last",
    "boilerplate", "actors", "events",
}
EVENT_FIELDS = {
    "type", "mode", "source", "target", "item", "quantity", "date", "claims", "evidence",
    "optional",
}
CODE = re.compile(r"^[A-Z][A-Z0-9]{1,7}$")  # ISO3, IGO or bloc (G20), group
EVENT_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Function words that only show up in a block of that language (test-only vocabulary).
FUNCTION_WORDS = {
    "fr": {"le", "la", "les", "des", "et", "du", "une", "de", "en", "à"},
    "es": {"el", "la", "los", "las", "de", "y", "en", "a", "su", "que"},
}


# --- reading the corpus ------------------------------------------------------------------


def visible_text(markup: str) -> str:
    """Rough page text of an HTML page: what a reader sees, one block per line."""
    markup = re.sub(r"(?is)<(head|script|style)\b.*?</\1>", "\n", markup)
    markup = re.sub(r"(?i)<(br|/p|/li|/div|/h\d|/nav|/header|/footer|/aside|/figcaption)\b[^>]*>",
                    "\n", markup)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def raw_text(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8")


def corpus() -> dict[str, dict]:
    """Doc name → {path, text (as a reader sees it), markup (HTML source or None)}."""
    docs: dict[str, dict] = {}
    for path in sorted(EXAMPLES.rglob("*")):
        if not path.is_file() or path.name in NOT_ARTICLES:
            continue
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                rec = json.loads(line)
                markup = rec.get("html")
                text = rec["text"] if "text" in rec else visible_text(markup)
                docs[rec["id"]] = {"path": path, "text": text, "markup": markup, "rec": rec}
            continue
        source = raw_text(path)
        is_html = ".html" in path.suffixes or ".htm" in path.suffixes
        docs[path.name] = {
            "path": path,
            "text": visible_text(source) if is_html else source,
            "markup": source if is_html else None,
        }
    return docs


def squash(s: str) -> str:
    return " ".join(s.split())


def load_gold(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return load_gold(GOLD) + load_gold(FEEDS_GOLD)


@pytest.fixture(scope="module")
def docs() -> dict[str, dict]:
    return corpus()


def gold_events(gold: list[dict]):
    for d in gold:
        for ev in d["events"]:
            yield d, ev


def codes(value) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


# --- gold ↔ corpus -----------------------------------------------------------------------


def test_every_gold_doc_exists_and_every_article_is_annotated(gold, docs):
    names = [d["doc"] for d in gold]
    assert len(names) == len(set(names)), "a document is annotated twice"
    assert set(names) <= set(docs), f"gold names missing files: {set(names) - set(docs)}"
    unannotated = set(docs) - set(names) - NOT_ANNOTATED
    assert not unannotated, f"articles neither in gold nor in NOT_ANNOTATED: {unannotated}"


def test_main_gold_names_files_the_evaluator_can_open():
    main = load_gold(GOLD)
    assert len(main) >= 12
    for d in main:
        assert (EXAMPLES / d["doc"]).is_file(), d["doc"]
    for d in load_gold(FEEDS_GOLD):
        assert not (EXAMPLES / d["doc"]).exists() and "." not in d["doc"], d["doc"]


def test_corpus_size_and_formats(docs):
    assert len(docs) >= 14
    paths = {d["path"] for d in docs.values()}
    htmls = [p for p in paths if ".html" in p.suffixes]
    assert len(htmls) >= 3 and any(p.suffix == ".gz" for p in htmls)
    assert sum(p.suffix == ".txt" for p in paths) >= 8
    jsonl = [d for d in docs.values() if d["path"].suffix == ".jsonl"]
    assert 2 <= len(jsonl) <= 3
    assert any("html" in d["rec"] for d in jsonl) and any("text" in d["rec"] for d in jsonl)
    for d in jsonl:
        assert {"id", "url", "title", "published", "outlet"} <= set(d["rec"])


def test_html_pages_have_realistic_markup(docs):
    pages = [d["markup"] for d in docs.values()
             if d["markup"] is not None and d["path"].suffix != ".jsonl"]
    for page in pages:
        for needle in ('property="og:title"', 'property="article:published_time"', "<nav",
                       "<article", "<footer", "<header"):
            assert needle in page
    assert any("<aside" in page for page in pages)


# --- gold is well formed -----------------------------------------------------------------


def test_gold_documents_are_well_formed(gold):
    today = date.today().isoformat()
    for d in gold:
        assert set(d) == DOC_FIELDS, d["doc"]
        assert d["title"] and d["body_first"] and d["body_last"]
        if d["published"] is not None:
            assert "2024-01-01" <= d["published"] <= today, d["doc"]
            datetime.strptime(d["published"], "%Y-%m-%d")
        assert d["languages"] and all(re.fullmatch(r"[a-z]{2}", x) for x in d["languages"])
        assert all(CODE.match(c) for c in d["actors"]), d["doc"]


def test_gold_events_use_plover_and_valid_items(gold):
    for d, ev in gold_events(gold):
        where = f"{d['doc']}: {ev.get('evidence')}"
        assert set(ev) <= EVENT_FIELDS, where
        assert ev["type"] in PLOVER, where
        assert ev.get("item") is None or ev["item"] in ITEMS, where
        assert ev.get("item") is None or ev["type"] == "AID", where
        assert ev.get("date") is None or EVENT_DATE.match(ev["date"]), where
        assert isinstance(ev.get("optional", False), bool), where
        for c in ev.get("claims", []):
            assert set(c) == {"by", "stance"} and c["stance"] in STANCES, where
            assert CODE.match(c["by"]), where
        actors = codes(ev["source"]) + codes(ev["target"])
        assert all(CODE.match(a) for a in actors), where
        assert set(actors) <= set(d["actors"]), f"{where}: actor not in the doc's actors"
        if not ev.get("optional"):
            assert codes(ev["source"]), f"{where}: a required event needs a source"


def test_every_listed_actor_takes_part_in_an_event(gold):
    for d in gold:
        used = {a for ev in d["events"] for a in codes(ev["source"]) + codes(ev["target"])}
        assert set(d["actors"]) <= used, d["doc"]


def test_gold_text_fields_are_verbatim_in_their_article(gold, docs):
    for d in gold:
        text = squash(docs[d["doc"]]["text"])
        for field in ("title", "body_first", "body_last"):
            assert squash(d[field]) in text, f"{d['doc']}: {field}"
        assert text.index(squash(d["body_first"])) < text.rindex(squash(d["body_last"]))
        for line in d["boilerplate"]:
            assert squash(line) in text, f"{d['doc']}: boilerplate {line!r}"
        for ev in d["events"]:
            assert squash(ev["evidence"]) in text, f"{d['doc']}: evidence {ev['evidence']!r}"


def test_gold_covers_the_event_repertoire(gold):
    events = [ev for _, ev in gold_events(gold)]
    required = [ev for ev in events if not ev.get("optional")]
    assert {ev["type"] for ev in required} >= {
        "AID", "REJECT", "SANCTION", "CONCEDE", "ACCUSE", "CONSULT", "AGREE", "ASSAULT",
        "MOBILIZE", "REQUEST", "COERCE", "THREATEN", "SUPPORT",
    }
    arms = [ev for ev in required if ev["type"] == "AID"]
    assert {ev.get("item") for ev in arms} >= {
        "drone", "ballistic_missile", "artillery_ammunition", "troops", "air_defense",
    }
    assert sum(bool(ev.get("quantity")) for ev in arms) >= 5
    assert any(ev.get("mode") == "veto" for ev in required)
    assert sum(ev.get("mode") == "deny" for ev in required) >= 5
    stances = [{c["stance"] for c in ev.get("claims", [])} for ev in required]
    assert any({"denies", "concedes"} <= s for s in stances), "a denial later admitted"
    assert sum(bool(ev.get("date")) for ev in required) >= 10


# --- the noise is really there -----------------------------------------------------------

NAV_SPLIT = re.compile(r"\s*\|\s*|\s{3,}")
STAMP = re.compile(r"\b(\d{1,2}) (January|February|March|April|May|June|July|August|September"
                   r"|October|November|December) (\d{4})\b")
TRACKING = re.compile(r"^[A-Z]{3,}[-A-Z0-9]*\d{6,}[-A-Za-z0-9]*$")
REPEATED_AD = re.compile(r"^(.{6,}?)\1{2,}$")
WIRE = re.compile(r"\((AFP|Reuters|dpa|AP|MENAFN)\)|^By [\w ]+ staff$|originally published on",
                  re.M)
RELATED = re.compile(r"^(Related\b|Read more|Read also|You may also like|More from|Most "
                     r"(read|viewed)|More on this topic|Read Next|Más noticias)", re.I | re.M)
PROMPT = re.compile(r"^(Follow us|Follow on|Join us|Subscribe|Sign up|Síguenos)", re.I | re.M)


def is_nav(line: str) -> bool:
    parts = [p for p in NAV_SPLIT.split(line.strip()) if p]
    return len(parts) >= 4 and all(len(p) <= 25 and len(p.split()) <= 3 for p in parts)


def txt_docs(docs) -> dict[str, list[str]]:
    return {n: [ln.strip() for ln in d["text"].splitlines()]
            for n, d in docs.items() if d["path"].suffix == ".txt"}


def test_text_dumps_carry_page_furniture(docs):
    dumps = txt_docs(docs)
    texts = [d["text"] for d in docs.values()]
    assert sum(any(is_nav(ln) for ln in lines) for lines in dumps.values()) >= 5
    assert sum("x" in lines for lines in dumps.values()) >= 5, "lone x lines"
    assert sum(any(TRACKING.match(ln) for ln in lines) for lines in dumps.values()) >= 2
    assert sum(any(REPEATED_AD.match(ln) for ln in lines) for lines in dumps.values()) >= 2
    assert sum(bool(WIRE.search(t)) for t in texts) >= 4, "bylines and wire markers"
    assert sum(bool(RELATED.search(t)) for t in texts) >= 6, "related-article lists"
    assert sum(bool(PROMPT.search(t)) for t in texts) >= 5, "follow/subscribe prompts"
    assert sum("cookie" in t.lower() for t in texts) >= 4, "cookie banners"


def test_photo_captions_are_duplicated(docs, gold):
    titles = {squash(d["title"]) for d in gold}
    found = 0
    for lines in txt_docs(docs).values():
        body = [ln for ln in lines if ln]
        found += any(a == b and len(a.split()) >= 8 and a not in titles
                     for a, b in zip(body, body[1:], strict=False))
    assert found >= 3


def test_a_stale_header_clock_differs_from_the_real_date(docs, gold):
    stale = []
    for d in gold:
        head = docs[d["doc"]]["text"].strip().splitlines()[:3]
        for m in STAMP.finditer(" ".join(head)):
            when = datetime.strptime(" ".join(m.groups()), "%d %B %Y").date().isoformat()
            if when != d["published"]:
                stale.append(d["doc"])
    assert len(stale) >= 2, stale


def test_non_english_blocks_are_written_in_their_language(gold, docs):
    mixed = [d for d in gold if d["languages"] != ["en"]]
    assert len(mixed) >= 2
    for d in mixed:
        words = re.findall(r"\w+", docs[d["doc"]]["text"].lower())
        for lang in d["languages"]:
            if lang in FUNCTION_WORDS:
                assert sum(w in FUNCTION_WORDS[lang] for w in words) >= 15, (d["doc"], lang)


# --- no third-party text -----------------------------------------------------------------

RUN = 80


def test_no_example_repeats_a_run_of_a_seed(docs):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repository")
    windows: set[str] = set()
    for seed in SEEDS.iterdir():
        s = squash(seed.read_text(encoding="utf-8", errors="replace"))
        windows.update(s[i:i + RUN] for i in range(len(s) - RUN + 1))
    for name, d in docs.items():
        t = squash(d["text"])
        hits = [t[i:i + RUN] for i in range(len(t) - RUN + 1) if t[i:i + RUN] in windows]
        assert not hits, f"{name} repeats seed text: {hits[0]!r}"


# --- the benchmark corpus builder --------------------------------------------------------


def load_builder():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


def test_benchmark_corpus_has_the_words_and_distinct_raw_docs(tmp_path):
    from newsgraph.errors import NewsgraphError
    from newsgraph.sources import read_paths

    builder = load_builder()
    info = builder.build_corpus(tmp_path / "bench", words=20_000)
    assert info.words >= 20_000
    read = list(read_paths([str(tmp_path / "bench")]))
    errors = [r for r in read if isinstance(r, NewsgraphError)]
    assert not errors, errors[:3]
    assert len(read) == info.docs
    assert len({r.id for r in read}) == info.docs, "copies must differ in their bytes"
    assert len({r.name for r in read}) == info.docs
    # Copies of one article sit a full round apart, so a clean batch never sees three.
    order = [r.name.split("_", 1)[1] for r in read]
    for i in range(len(order)):
        window = order[i:i + 32]
        assert max(window.count(n) for n in window) <= 2

"""Score cleaning against public benchmarks: article bodies and publication dates.

Bodies: the scrapinghub article-extraction-benchmark metric, reimplemented —
4-word shingles (multisets of `\\w+` token 4-grams) of our body against the gold
`articleBody`; per page tp/fp/fn are normalised to sum to 1, precision is
averaged over pages that predicted something, recall over pages with gold text,
and F1 is the harmonic mean of those two averages.

Dates: exact-day accuracy of `Article.published` on the htmldate test set
(`gold.json` `{url: {file, date}}`); a page whose gold date is missing counts as
right when we find no date.

Two modes: `html` feeds each page as the crawler fetched it (text/html, with
the page URL as the RawDoc origin, as a crawler knows it); `text` renders the
whole page to a text dump first (inscriptis, every visible line kept), feeds
it as text/plain under a file name with no URL, which measures the plain-text
cleaner. `html-nourl` (CLI `--no-url`) is the HTML mode with the URL hidden.

    python -m newsgraph.evaluate.clean_bench --benchmark DIR --mode html|text [--dates]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from newsgraph.errors import NewsgraphError
from newsgraph.model import Article, RawDoc

_TOKEN = re.compile(r"\w+")
WORKERS = 2
FETCHED_AT = "2020-01-01T00:00:00Z"


@dataclass(frozen=True)
class Page:
    key: str  # the benchmark's id for the page (ground-truth key or file stem)
    path: Path  # gzipped HTML
    url: str
    gold: str | None  # articleBody, or YYYY-MM-DD / None for dates


# ---------------------------------------------------------------- the metric


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < n:  # a short text is one (shorter) shingle, as upstream
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def tp_fp_fn(gold: str, pred: str) -> tuple[float, float, float]:
    """Shingle overlap, normalised so every page weighs the same."""
    g, p = shingles(gold), shingles(pred)
    tp = float(sum((g & p).values()))
    fp = float(sum((p - g).values()))
    fn = float(sum((g - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def aggregate(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    ps = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1}


# ---------------------------------------------------------------- the pages


def body_pages(benchmark_dir: Path) -> list[Page]:
    truth = json.loads((benchmark_dir / "ground-truth.json").read_text(encoding="utf-8"))
    return [Page(k, benchmark_dir / "html" / f"{k}.html.gz", v.get("url", ""),
                 v.get("articleBody", "")) for k, v in sorted(truth.items())]


def _gold_day(value: object) -> str | None:
    if isinstance(value, float) and math.isnan(value):
        return None
    return str(value)[:10] if value else None


def date_pages(benchmark_dir: Path) -> list[Page]:
    gold = json.loads((benchmark_dir / "gold.json").read_text(encoding="utf-8"))
    pages = []
    for url, v in sorted(gold.items(), key=lambda kv: kv[1]["file"]):
        path = benchmark_dir / "pages" / f"{v['file']}.gz"
        if not path.exists():
            path = benchmark_dir / "pages" / v["file"]
        pages.append(Page(v["file"].removesuffix(".html"), path, url, _gold_day(v["date"])))
    return pages


def read_html(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def text_dump(html: bytes) -> str:
    """The page as a text dump looks: every visible line, menus and footers included."""
    from newsgraph.clean.dump import render_bytes

    return render_bytes(html)


def to_raw(page: Page, mode: str, url_hint: bool = True) -> RawDoc:
    """The page as newsgraph receives it; `url_hint=False` hides the page URL."""
    html = read_html(page.path)
    if mode == "text":
        data = text_dump(html).encode("utf-8")
        return RawDoc(id=hashlib.sha256(data).hexdigest(), origin=f"{page.key}.txt",
                      name=page.key, content_type="text/plain", data=data, fetched_at=FETCHED_AT)
    origin = page.url if url_hint and page.url else f"{page.key}.html"
    return RawDoc(id=hashlib.sha256(html).hexdigest(), origin=origin,
                  name=page.key, content_type="text/html", data=html, fetched_at=FETCHED_AT)


def clean_page(page: Page, mode: str) -> tuple[Article | None, str | None]:
    """(article, error line). Runs in a worker process. A mode "html-nourl" is
    the HTML mode without the page URL."""
    raw = to_raw(page, mode.removesuffix("-nourl"), url_hint=not mode.endswith("-nourl"))
    try:
        if raw.content_type == "text/plain":
            from newsgraph.clean import clean

            return clean(raw), None
        from newsgraph.clean.html import clean_html

        return clean_html(raw), None
    except NewsgraphError as err:
        return None, err.line()


def _body_job(args: tuple[Page, str]) -> tuple[str, tuple[float, float, float], str | None]:
    page, mode = args
    article, error = clean_page(page, mode)
    return page.key, tp_fp_fn(page.gold or "", article.body if article else ""), error


def _date_job(args: tuple[Page, str]) -> tuple[str, str | None, str | None, str | None]:
    page, mode = args
    article, error = clean_page(page, mode)
    if article is None:
        return page.key, None, None, error
    return page.key, article.published, article.published_source, error


def run_pool(job: Callable, pages: Iterable[Page], mode: str, workers: int = WORKERS) -> list:
    tasks = [(p, mode) for p in pages]
    if workers <= 1:
        return [job(t) for t in tasks]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(job, tasks, chunksize=4))


# ---------------------------------------------------------------- the scores


def score_bodies(benchmark_dir: str | Path, mode: str = "html", limit: int | None = None,
                 workers: int = WORKERS) -> dict:
    """Precision, recall, F1 of cleaned bodies; the 10 worst pages by F1."""
    pages = body_pages(Path(benchmark_dir))[:limit]
    results = run_pool(_body_job, pages, mode, workers)
    counts = [c for _, c, _ in results]
    per_page = []
    for key, c, error in results:
        p, r = _precision(*c), _recall(*c)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        per_page.append({"page": key, "precision": p, "recall": r, "f1": f1, "error": error})
    worst = sorted(per_page, key=lambda x: (x["f1"], x["page"]))[:10]
    url = {p.key: p.url for p in pages}
    for w in worst:
        w["url"] = url[w["page"]]
    return {"kind": "bodies", "mode": mode, "n": len(pages), **aggregate(counts),
            "errors": sum(1 for _, _, e in results if e), "worst": worst, "pages": per_page}


def score_dates(benchmark_dir: str | Path, mode: str = "html", limit: int | None = None,
                workers: int = WORKERS) -> dict:
    """Exact-day accuracy of `published`; the wrong pages (10 shown as worst)."""
    pages = date_pages(Path(benchmark_dir))[:limit]
    results = run_pool(_date_job, pages, mode, workers)
    gold = {p.key: p for p in pages}
    wrong, sources = [], Counter()
    right = 0
    for key, day, source, error in results:
        sources[source or "none"] += 1
        if day == gold[key].gold:
            right += 1
        else:
            wrong.append({"page": key, "url": gold[key].url, "gold": gold[key].gold,
                          "found": day, "source": source, "error": error})
    n = len(pages)
    return {"kind": "dates", "mode": mode, "n": n, "accuracy": right / n if n else 0.0,
            "found": sum(1 for _, d, _, _ in results if d), "sources": dict(sources),
            "worst": wrong[:10], "wrong": wrong}


def _error(page: dict) -> str:
    return f"  [{page['error']}]" if page["error"] else ""


def format_report(result: dict) -> str:
    lines = []
    if result["kind"] == "bodies":
        lines.append(f"bodies ({result['mode']}): precision={result['precision']:.4f} "
                     f"recall={result['recall']:.4f} F1={result['f1']:.4f} "
                     f"pages={result['n']} errors={result['errors']}")
        lines.append("10 worst pages:")
        for w in result["worst"]:
            lines.append(f"  F1={w['f1']:.3f} P={w['precision']:.3f} R={w['recall']:.3f} "
                         f"{w['page'][:16]} {w['url']}" + _error(w))
    else:
        lines.append(f"dates ({result['mode']}): accuracy={result['accuracy']:.4f} "
                     f"pages={result['n']} found={result['found']} sources={result['sources']}")
        lines.append(f"wrong pages ({len(result['wrong'])}, first 10):")
        for w in result["worst"]:
            lines.append(f"  gold={w['gold']} found={w['found']} via={w['source']} "
                         f"{w['page']} {w['url'][:90]}" + _error(w))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m newsgraph.evaluate.clean_bench")
    ap.add_argument("--benchmark", required=True, type=Path)
    ap.add_argument("--mode", choices=("html", "text"), default="html")
    ap.add_argument("--no-url", action="store_true",
                    help="HTML mode without the page URL (no URL date, no host time zone)")
    ap.add_argument("--dates", action="store_true", help="score publication dates")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--workers", type=int, default=WORKERS)
    ap.add_argument("--json", type=Path, help="also write the full result as JSON")
    args = ap.parse_args(argv)
    score = score_dates if args.dates else score_bodies
    mode = f"{args.mode}-nourl" if args.no_url and args.mode == "html" else args.mode
    result = score(args.benchmark, mode, args.limit, args.workers)
    print(format_report(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

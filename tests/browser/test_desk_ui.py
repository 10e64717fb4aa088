"""The web UI in headless Chromium: every page loads, the dashboard leads to an event, its
report and the highlighted sentence; search works from the keyboard; hostile article text
stays text on every page; screenshots for the README."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest

SHOTS = os.environ.get("NEWSGRAPH_SCREENSHOTS")  # a folder: write the README's screenshots


def visit(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready]")


def ok(page) -> None:
    assert not page.errors, page.errors
    assert page.locator(".error").count() == 0, page.locator("main").inner_text()


def api(desk, path: str, **params):
    return httpx.get(desk.url + path, params=params, timeout=30).json()


def pages_of(desk) -> list[str]:
    e = api(desk, "/api/v1/events", limit=1)["items"][0]
    code = next(iter(api(desk, "/api/v1/summary")["top_actors"]))
    return ["/", "/search", "/search?q=drones", f"/actors/{code}", f"/documents/{e['doc_id']}",
            f"/events/{e['doc_id']}/{e['id']}"]


def test_every_page_loads(page, sample):
    for path in pages_of(sample):
        visit(page, sample.url + path)
        ok(page)
        assert page.locator("h1").first.inner_text().strip()


def test_dashboard_to_event_to_report_to_highlighted_sentence(page, sample):
    visit(page, sample.url + "/")
    page.locator("section:has(h2:text('Denials')) a:text('event')").first.click()
    page.wait_for_url("**/events/**")
    page.wait_for_selector("a.report-link")
    ok(page)
    doc_id, event_id = page.url.split("/events/")[1].split("/")
    evidence = api(sample, f"/api/v1/events/{doc_id}/{event_id}")["evidence"]["text"]
    page.locator("a.report-link").click()
    page.wait_for_url("**/documents/**")
    page.wait_for_selector("mark.current")
    ok(page)
    marked = "".join(page.locator("mark.current").all_text_contents())
    assert marked == evidence
    assert page.evaluate("document.activeElement.tagName") == "MARK"
    page.locator("summary").click()  # the removed boilerplate, on demand
    assert page.locator(".removed li").count() >= 1


def test_dashboard_to_fact_to_report_to_highlighted_sentence(page, sample):
    visit(page, sample.url + "/")
    page.locator("section:has(h2:text('Contested facts')) a.fact-link").first.click()
    page.wait_for_url("**/facts/**")
    page.wait_for_selector("li.report")
    ok(page)
    fact = api(sample, "/api/v1/facts/" + page.url.rsplit("/", 1)[1])
    assert page.locator(".timeline > li").count() == len(fact["ledger"]) >= 2
    assert page.locator(".timeline > li.stance-denies").count() >= 1
    first = fact["mentions"][0]
    page.wait_for_function("document.querySelector('li.report .context').textContent.length"
                           f" > {len(first['evidence']['text'])}")  # the article around it
    assert page.locator("li.report .context mark").first.inner_text() == first["evidence"]["text"]
    page.locator("a.report-link").first.click()
    page.wait_for_url("**/documents/**")
    page.wait_for_selector("mark.current")
    assert "".join(page.locator("mark.current").all_text_contents()) == first["evidence"]["text"]
    page.go_back()
    page.wait_for_selector(".timeline > li a")
    page.locator(".timeline > li a").last.click()  # a ledger entry: its evidence span
    page.wait_for_url("**/documents/**#span-**")
    page.wait_for_selector("mark.current")
    assert "".join(page.locator("mark.current").all_text_contents()) == \
        fact["ledger"][-1]["evidence"]["text"]


def test_search_from_the_keyboard(page, sample):
    visit(page, sample.url + "/")
    page.keyboard.press("/")
    page.keyboard.type("drones")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=drones")
    page.wait_for_selector("body[data-ready]")
    ok(page)
    hits = page.locator(".results > li")
    assert hits.count() >= 2
    assert "drones" in page.locator(".snippet b").first.inner_text().lower()
    hits.first.locator("a").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/documents/**")
    page.wait_for_selector("#doc-body")


def test_actor_page_network_and_filters(page, sample):
    visit(page, sample.url + "/actors/RUS")
    ok(page)
    assert page.locator("svg.network a").count() >= 3
    assert page.locator("svg.network path.edge").count() >= 3
    page.select_option("select[name=type]", "AID")
    page.locator("form.filters button").click()
    page.wait_for_url("**/actors/RUS?type=AID**")
    page.wait_for_selector("body[data-ready]")
    types = page.locator(".timeline-events .badge").all_text_contents()
    assert types and all(t.startswith("AID") for t in types)


def test_hostile_text_never_runs(browser, hostile):
    ctx = browser.new_context()
    pg = ctx.new_page()
    fired: list[str] = []
    pg.on("dialog", lambda d: (fired.append(d.message), d.dismiss()))
    probe = api(hostile, "/api/v1/search", q="provocation")["items"][0]
    events = api(hostile, "/api/v1/events", actor="JPN")["items"]
    urls = ["/", f"/documents/{probe['doc_id']}", "/search?q=provocation", "/actors/JPN",
            "/actors/CHN"] + [f"/events/{e['doc_id']}/{e['id']}" for e in events]
    urls += [f"/facts/{f['id']}" for f in api(hostile, "/api/v1/facts", actor="JPN")["items"]]
    for path in urls:
        pg.goto(hostile.url + path)
        pg.wait_for_selector("body[data-ready]")
        pg.wait_for_timeout(100)
    assert fired == []
    pg.goto(hostile.url + f"/documents/{probe['doc_id']}")
    pg.wait_for_selector("body[data-ready]")
    assert "<script>alert('title')</script>" in pg.locator("h1").inner_text()
    assert "<img src=x onerror=alert('img')>" in pg.locator("#doc-body").inner_text()
    assert pg.locator("main script, main img, #doc-body a").count() == 0
    hrefs = pg.evaluate("[...document.querySelectorAll('a')].map(a => a.href)")
    assert not [h for h in hrefs if h.startswith("javascript:")]
    ctx.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots(browser, sample, width, tmp_path):
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    ctx = browser.new_context(viewport={"width": width, "height": 900},
                              device_scale_factor=1 if width > 500 else 2)
    pg = ctx.new_page()
    suffix = "" if width > 500 else "-phone"
    e = api(sample, "/api/v1/events", type="AID", actor="PRK")["items"][0]
    shots = {"dashboard": "/", "actor": "/actors/RUS",
             "document": f"/documents/{e['doc_id']}#ev-{e['id']}"}
    fact = api(sample, "/api/v1/facts", contested="true", limit=1)["items"][0]
    shots["fact"] = f"/facts/{fact['id']}"
    for name, path in shots.items():
        pg.goto(sample.url + path)
        pg.wait_for_selector("body[data-ready]")
        pg.wait_for_timeout(150)  # report contexts fill in after the first paint
        out = folder / f"{name}{suffix}.png"
        pg.screenshot(path=str(out), full_page=width > 500)
        assert out.stat().st_size > 10_000
    ctx.close()

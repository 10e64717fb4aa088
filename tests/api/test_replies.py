"""The busy routes reply with JSON they build themselves, past their response models
(api/paging.py `as_json`): the models must have nothing to change in it, neither a value,
a missing default nor the order of the keys, or a client would see another answer."""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from newsgraph.api import schemas


def paths(client) -> list[tuple[str, Any]]:
    """Requests over every busy route, their filters and second pages, with their models."""
    facts = client.get("/api/v1/facts", params={"limit": 500}).json()["items"]
    actors = sorted({c for f in facts for c in f["source"] + f["target"]})
    types = sorted({f["type"] for f in facts})
    assert facts and actors and types
    out: list[tuple[str, Any]] = [
        ("/api/v1/facts", schemas.FactPage), ("/api/v1/facts?limit=1", schemas.FactPage),
        ("/api/v1/facts?contested=true", schemas.FactPage),
        (f"/api/v1/facts?type={types[0]}&since=2025-01", schemas.FactPage),
        ("/api/v1/graph", schemas.Graph), ("/api/v1/graph?unit=events", schemas.Graph),
        ("/api/v1/graph?since=2025-03-05&until=2025-12", schemas.Graph),
        ("/api/v1/search?q=Russia", schemas.HitPage), ("/api/v1/search?q=Russia&limit=1",
                                                       schemas.HitPage),
        ("/api/v1/search?q=drones+OR+veto", schemas.HitPage),
    ]
    out += [(f"/api/v1/facts/{f['id']}", schemas.FactDetail) for f in facts]
    for code in actors:
        out += [(f"/api/v1/facts?actor={code}", schemas.FactPage),
                (f"/api/v1/actors/{code}/facts", schemas.TimelinePage),
                (f"/api/v1/actors/{code}/facts?limit=1", schemas.TimelinePage),
                (f"/api/v1/graph?actor={code}", schemas.Graph)]
    for t in types:
        out.append((f"/api/v1/graph?type={t}", schemas.Graph))
    return out


def test_the_models_would_change_nothing(client):
    seen = 0
    todo = paths(client)
    while todo:
        path, model = todo.pop()
        r = client.get(path)
        assert r.status_code == 200, path
        body = r.json()
        adapter = TypeAdapter(model)
        modelled = adapter.dump_python(adapter.validate_python(body), mode="json")
        # Compared as text: equal values with keys in another order would fail too.
        assert json.dumps(body) == json.dumps(modelled), path
        if body.get("next") and "after=" not in path:
            todo.append((body["next"], model))
        seen += 1
    assert seen > 20


def test_a_fact_page_lists_every_fact_field(client):
    fact = client.get("/api/v1/facts?limit=1").json()["items"][0]
    assert list(fact)[:len(schemas.Fact.model_fields)] == list(schemas.Fact.model_fields)
    one = client.get(f"/api/v1/facts/{fact['id']}").json()
    assert list(one) == list(schemas.FactDetail.model_fields)
    assert {k: one[k] for k in fact} == fact

"""A Ray run over the sample corpus stores exactly what a local run stores."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph import pipeline
from newsgraph.scale import ray_available

from ._dump import dump

pytestmark = pytest.mark.skipif(not ray_available(),
                                reason="ray is not installed (pip install 'newsgraph[ray]')")
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def ray_local():
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def test_ray_run_and_load_give_the_store_of_a_local_run(ray_local, tmp_path):
    import pyarrow.parquet as pq

    from newsgraph.scale.ingest import ingest
    from newsgraph.scale.load import load

    local = pipeline.ingest([EXAMPLES], tmp_path / "local.db", n_process=1, progress=False)
    shards = tmp_path / "shards"
    s = ingest([EXAMPLES], tmp_path / "ray.db", shards, workers=2)
    assert (s.new, s.events, s.claims, s.failed) == (local.new, local.events, local.claims, 0)
    assert dump(tmp_path / "ray.db") == dump(tmp_path / "local.db")
    # The flat event shards hold the stored events, for analytics without the store.
    shard_events = {(e["doc_id"], e["event_id"], e["type"])
                    for e in pq.read_table(shards / "events").to_pylist()}
    with sqlite3.connect(tmp_path / "local.db") as conn:
        assert shard_events == set(conn.execute("SELECT doc_id, id, type FROM events"))
    # Loading the same shards again stores nothing twice.
    again = load([shards], tmp_path / "ray.db")
    assert (again.new, again.duplicate) == (0, local.new)


def test_load_command_fills_a_new_store_from_the_shards(ray_local, tmp_path):
    from newsgraph.cli import main
    from newsgraph.scale.ingest import ingest

    shards = tmp_path / "shards"
    ingest([EXAMPLES], tmp_path / "ray.db", shards, workers=1)
    assert main(["load", str(shards), "--db", str(tmp_path / "loaded.db")]) == 0
    assert dump(tmp_path / "loaded.db") == dump(tmp_path / "ray.db")
    # A shard folder is never mixed with a second run.
    assert main(["ingest", str(EXAMPLES), "--engine", "ray", "--shards", str(shards),
                 "--db", str(tmp_path / "other.db")]) == 2

"""Running the pipeline on Ray Data: the same stage functions over an actor pool, Parquet
shards out (`ray_run`), and the store loading them through its normal write path (`load`).

Ray is an optional extra (`pip install newsgraph[ray]`); nothing here imports it at import
time, so the rest of newsgraph never needs it.
"""

from __future__ import annotations

INSTALL = "pip install 'newsgraph[ray]'"


def ray_available() -> bool:
    try:
        import pyarrow  # noqa: F401
        import ray  # noqa: F401
    except ImportError:
        return False
    return True

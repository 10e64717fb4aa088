"""Without Ray, `--engine ray` and `load` say how to install it and exit 2."""

from __future__ import annotations

import subprocess
import sys

HIDE_RAY = "import sys; sys.modules['ray'] = None; from newsgraph.cli import main; "


def test_engine_ray_without_ray_says_how_to_install(tmp_path):
    for argv in (["ingest", str(tmp_path), "--engine", "ray"], ["load", str(tmp_path)]):
        code = HIDE_RAY + f"sys.exit(main({argv!r} + ['--db', {str(tmp_path / 's.db')!r}]))"
        p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert p.returncode == 2, p.stderr
        assert p.stderr.strip().splitlines() == [
            "newsgraph: --engine ray needs Ray: pip install 'newsgraph[ray]'"]
    assert not (tmp_path / "s.db").exists()

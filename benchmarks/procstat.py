"""Peak RSS and CPU seconds of a process's descendants, sampled from /proc (Linux).

`RUSAGE_CHILDREN` only counts children that were waited for: it misses the workers of a
forkserver (children of the server, not of us) and Ray's actors. A thread that reads
/proc/PID/status (VmHWM, the kernel's own peak) and /proc/PID/stat every few tenths of a
second sees them all; only a process that lives less than one interval is missed.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


class Descendants:
    def __init__(self, root: int | None = None, interval: float = 0.2) -> None:
        self.root = root or os.getpid()
        self.interval = interval
        self.peak_kb: dict[int, int] = {}
        self.cpu_s: dict[int, float] = {}
        self.names: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Descendants:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        parents: dict[int, int] = {}
        stats: dict[int, list[str]] = {}
        for d in Path("/proc").iterdir():
            if not d.name.isdigit():
                continue
            try:
                raw = (d / "stat").read_text()
            except OSError:
                continue
            name, rest = raw[raw.index("(") + 1: raw.rindex(")")], raw[raw.rindex(")") + 2:]
            fields = rest.split()
            pid = int(d.name)
            parents[pid] = int(fields[1])
            stats[pid] = [name, *fields]
        for pid in stats:
            p, hops = pid, 0
            while p in parents and p != self.root and hops < 64:
                p, hops = parents[p], hops + 1
            if p != self.root or pid == self.root:
                continue
            fields = stats[pid]
            self.names[pid] = fields[0]
            # utime, stime: fields 14 and 15 of /proc/PID/stat (1-based, name is field 2)
            self.cpu_s[pid] = (int(fields[12]) + int(fields[13])) / TICK
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        kb = int(line.split()[1])
                        self.peak_kb[pid] = max(self.peak_kb.get(pid, 0), kb)
            except OSError:
                pass

    def summary(self, min_cpu_s: float = 1.0) -> dict:
        """Workers: descendants that did real work (helpers such as the forkserver or
        resource tracker do not)."""
        busy = [p for p, c in self.cpu_s.items() if c >= min_cpu_s]
        return {
            "workers": len(busy),
            "rss_worker_mb": round(max((self.peak_kb.get(p, 0) for p in busy), default=0)
                                   / 1024, 1),
            "rss_workers_mb": [round(self.peak_kb.get(p, 0) / 1024, 1) for p in sorted(busy)],
            "cpu_workers_s": round(sum(self.cpu_s.values()), 1),
        }

"""robots.txt, fetched once per site and kept for the run (RFC 9309: a 4xx answer allows
everything, a 5xx answer disallows everything; a site that does not answer is an error)."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

ROBOTS_MAX_BYTES = 512_000  # RFC 9309 asks crawlers to read at least 500 KiB

# (status, body) of GET url; raises when the site cannot be reached (nothing is cached then).
Getter = Callable[[str], tuple[int, bytes]]


class Robots:
    def __init__(self, agent: str, get: Getter) -> None:
        self.agent = agent
        self._get = get
        self._sites: dict[str, tuple[RobotFileParser, str]] = {}

    def refusal(self, url: str) -> str | None:
        """Why `url` may not be fetched, or None when it may."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._sites:
            self._sites[site] = self._load(site)
        rp, why = self._sites[site]
        return None if rp.can_fetch(self.agent, url) else why

    def _load(self, site: str) -> tuple[RobotFileParser, str]:
        rp = RobotFileParser(f"{site}/robots.txt")
        answer = self._get(f"{site}/robots.txt")
        if answer[0] >= 500:
            rp.disallow_all = True
            return rp, f"robots.txt answered HTTP {answer[0]}"
        if answer[0] >= 400:
            rp.allow_all = True
        else:
            rp.parse(answer[1].decode("utf-8", "replace").splitlines())
        return rp, "this path is disallowed for newsgraph"

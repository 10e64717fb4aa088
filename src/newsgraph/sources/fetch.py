"""Fetching a URL safely: timeouts, a size cap, a redirect limit, a User-Agent, retries with
backoff, robots.txt, and no private, loopback or link-local address (checked after DNS
resolution and again on every redirect) unless the policy allows it."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import httpx

from newsgraph import __version__
from newsgraph.errors import Errors, NewsgraphError
from newsgraph.sources import netguard
from newsgraph.sources.robots import ROBOTS_MAX_BYTES, Robots

AGENT = "newsgraph"
USER_AGENT = f"{AGENT}/{__version__} (+https://github.com/newsgraph/newsgraph)"
RETRY_STATUS = {429, 500, 502, 503, 504}
REDIRECT_STATUS = {301, 302, 303, 307, 308}


@dataclass(frozen=True)
class FetchPolicy:
    allow_private: bool = False  # --allow-private
    allow_networks: tuple[str, ...] = ()  # private networks allowed anyway ("10.1.0.0/16")
    robots: bool = True  # --no-robots turns it off
    timeout: float = 10.0  # connect / read / write, seconds
    deadline: float = 60.0  # one attempt at one URL, all chunks included
    retries: int = 2  # after the first attempt, on network errors, 429 and 5xx
    backoff: float = 0.5  # seconds before the first retry; doubles each time
    max_backoff: float = 30.0
    max_redirects: int = 5
    user_agent: str = USER_AGENT


_policy = FetchPolicy()


def configure(**changes: object) -> FetchPolicy:
    """Set the policy the readers use from now on (the CLI does, from its options)."""
    global _policy
    _policy = replace(FetchPolicy(), **changes)  # type: ignore[arg-type]
    return _policy


def current() -> FetchPolicy:
    return _policy


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int
    content_type: str  # media type, lower case, no parameters
    charset: str | None
    data: bytes
    fetched_at: str


class Fetcher:
    """One per run: a connection pool and the robots.txt of each site seen."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or current()
        p = self.policy
        # Proxies from the environment are not used: the address checked is the one connected to.
        self._client = httpx.Client(timeout=httpx.Timeout(p.timeout), follow_redirects=False,
                                    trust_env=False, headers={"User-Agent": p.user_agent})
        self._robots = Robots(AGENT, self._robots_get)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str, max_bytes: int) -> Fetched:
        """The final response's body (2xx), or NewsgraphError E040/E043/E044/E045."""
        for _ in range(self.policy.max_redirects + 1):
            # The address first (robots.txt is not fetched from a refused one), on every hop.
            netguard.resolve(url, self.policy.allow_private, self.policy.allow_networks)
            try:
                why = self._robots.refusal(url) if self.policy.robots else None
            except NewsgraphError as e:
                raise NewsgraphError(Errors.E045, url, f"robots.txt: {e.reason}") from e
            if why:
                raise NewsgraphError(Errors.E044, url, why)
            status, headers, data = self._with_retries(url, max_bytes)
            if status in REDIRECT_STATUS and headers.get("location"):
                url = str(httpx.URL(url).join(headers["location"]))
                continue
            if status >= 300:
                raise NewsgraphError(Errors.E045, url, f"HTTP {status}")
            ctype = headers.get("content-type", "")
            media = ctype.split(";")[0].strip().lower()
            return Fetched(url, status, media, _charset(ctype), data, _now())
        raise NewsgraphError(Errors.E045, url,
                             f"more than {self.policy.max_redirects} redirects")

    def _with_retries(self, url: str, max_bytes: int) -> tuple[int, httpx.Headers, bytes]:
        p = self.policy
        for attempt in range(p.retries + 1):
            last = attempt == p.retries
            try:
                status, headers, data = self._once(url, max_bytes)
            except httpx.TransportError as e:
                if last:
                    raise NewsgraphError(Errors.E045, url, f"{type(e).__name__}: {e}") from e
                self._sleep(attempt, None)
                continue
            if status in RETRY_STATUS and not last:
                self._sleep(attempt, headers.get("retry-after"))
                continue
            return status, headers, data
        raise AssertionError("unreachable")

    def _once(self, url: str, max_bytes: int) -> tuple[int, httpx.Headers, bytes]:
        target = httpx.URL(url)
        ip = netguard.resolve(url, self.policy.allow_private, self.policy.allow_networks)
        ext = {"sni_hostname": target.host} if target.scheme == "https" else {}
        req = self._client.build_request(
            "GET", target.copy_with(host=ip), headers={"Host": target.netloc.decode("ascii")},
            extensions=ext,
        )
        started = time.monotonic()
        resp = self._client.send(req, stream=True)
        try:
            return resp.status_code, resp.headers, self._body(resp, url, max_bytes, started)
        finally:
            resp.close()

    def _body(self, resp: httpx.Response, url: str, max_bytes: int, started: float) -> bytes:
        if resp.status_code in REDIRECT_STATUS or resp.status_code >= 400:
            return b""
        declared = resp.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise NewsgraphError(Errors.E040, url, f"{int(declared):,} bytes declared "
                                 f"> {max_bytes:,}")
        body = bytearray()
        for chunk in resp.iter_bytes():  # decoded: a gzip bomb meets the same cap
            body += chunk
            if len(body) > max_bytes:
                raise NewsgraphError(Errors.E040, url, f"more than {max_bytes:,} bytes")
            if time.monotonic() - started > self.policy.deadline:
                raise httpx.ReadTimeout(f"slower than {self.policy.deadline:g} s in all")
        return bytes(body)

    def _sleep(self, attempt: int, retry_after: str | None) -> None:
        p = self.policy
        wait = p.backoff * 2**attempt
        if retry_after and retry_after.isdigit():
            wait = max(wait, float(retry_after))
        time.sleep(min(wait, p.max_backoff))

    def _robots_get(self, url: str) -> tuple[int, bytes]:
        status, _, data = self._with_retries(url, ROBOTS_MAX_BYTES)
        return status, data


def _charset(ctype: str) -> str | None:
    for part in ctype.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"').lower()
    return None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")

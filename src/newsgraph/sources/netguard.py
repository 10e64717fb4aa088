"""SSRF guard: a host is resolved once, every address it resolves to is checked, and the
connection goes to the checked address (so a second DNS answer cannot swap it)."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from newsgraph.errors import Errors, NewsgraphError

SCHEMES = {"http": 80, "https": 443}
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def refused_kind(ip: IPAddress) -> str | None:
    """Why an address is not on the public internet, or None when it is."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for kind in ("unspecified", "loopback", "link_local", "multicast", "private", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    if not ip.is_global:
        return "not global"
    return None


def split(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an http(s) URL; anything else is refused (E045)."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as e:
        raise NewsgraphError(Errors.E045, url, f"malformed URL: {e}") from e
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES or not parts.hostname:
        raise NewsgraphError(Errors.E045, url, "only http:// and https:// URLs are fetched")
    return scheme, parts.hostname, port or SCHEMES[scheme]


def resolve(url: str, allow_private: bool, allow_networks: tuple[str, ...] = ()) -> str:
    """The address to connect to for `url`, checked; E043 for a non-public one that is not
    in `allow_networks`."""
    _, host, port = split(url)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as e:
        raise NewsgraphError(Errors.E045, url, f"cannot resolve {host}: {e}") from e
    addrs = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    if not allow_private:
        allowed = [ipaddress.ip_network(n, strict=False) for n in allow_networks]
        for ip in addrs:
            kind = refused_kind(ip)
            if kind and not any(ip.version == n.version and ip in n for n in allowed):
                raise NewsgraphError(Errors.E043, url, f"{host} resolves to {ip}, {kind}")
    return str(addrs[0])

"""What a web page on another origin must not be able to do to this server.

A browser sends requests to any address a page names, including ``127.0.0.1``; it only keeps
the page from *reading* the answers. So, before anything else:

- **Host.** Every request must name a host this server serves (421 otherwise). In local mode
  that is a loopback name or address and the port the connection came in on; otherwise
  loopback names, the ``host`` it listens on, ``public_url``'s host and ``allowed_hosts``
  (``*``: any). A server listening on every address (``0.0.0.0``) also answers to this
  machine's host name and, with nothing configured, to IP addresses, which DNS rebinding
  cannot forge; any other DNS name has to be listed.
- **Origin.** A state-changing request (any method but GET, HEAD, OPTIONS) or a websocket
  upgrade that carries an ``Origin`` must come from this server's own origin, ``public_url``'s
  or one of ``allowed_origins`` (403 otherwise). ``Origin: null`` (a sandboxed frame, or a page
  with ``Referrer-Policy: no-referrer``) counts as foreign unless the browser vouches with
  ``Sec-Fetch-Site: same-origin``. Requests with neither header come from programs, not
  pages: they still need a token (:mod:`plynx.server.middleware`).

:func:`same_origin` tells the auth middleware whether a browser proved the request is its
own, which a cookie needs before it may change anything. Every response gets
``Referrer-Policy: no-referrer`` (:func:`security_headers`).
"""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit

from aiohttp import web

from plynx.settings import Settings

__all__ = [
    "Allowed",
    "guard_middleware",
    "is_loopback",
    "needs_origin_check",
    "same_origin",
    "security_headers",
    "served_port",
    "setup_guard",
]

logger = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})
_WILDCARD_HOSTS = frozenset({"", "0.0.0.0", "::", "[::]"})
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_SAME_ORIGIN = web.RequestKey("plynx_same_origin", bool)


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address, IPv6 with or without brackets) is loopback."""
    if host.lower() in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def _split(items: str) -> list[str]:
    return [item.strip().lower().rstrip("/") for item in items.split(",") if item.strip()]


@dataclass(frozen=True)
class Allowed:
    """The hosts and origins one server answers to, from its settings."""

    settings: Settings

    @cached_property
    def hosts(self) -> frozenset[str]:
        """Host names (lower case, no port) accepted besides loopback ones."""
        names = set(_split(self.settings.allowed_hosts))
        if self.settings.host.lower() not in _WILDCARD_HOSTS:
            names.add(self.settings.host.lower().strip("[]"))
        elif not self.settings.local_mode:
            # listening everywhere: this machine's own name (no DNS lookup: it is ours)
            machine = socket.gethostname().lower()
            names.update({machine, machine.split(".")[0]})
        if self.settings.public_url:
            names.add((urlsplit(self.settings.public_url).hostname or "").lower())
        return frozenset(names - {""})

    @cached_property
    def any_host(self) -> bool:
        """``allowed_hosts`` has ``*``."""
        return "*" in _split(self.settings.allowed_hosts)

    @cached_property
    def ip_hosts(self) -> bool:
        """Whether IP addresses are accepted as hosts: a server listening on every address
        that was told no name (rebinding needs a DNS name, so an address is safe)."""
        return (
            self.settings.host.lower() in _WILDCARD_HOSTS
            and not self.settings.allowed_hosts
            and not self.settings.public_url
        )

    @cached_property
    def origins(self) -> frozenset[str]:
        """Origins accepted besides the request's own (``scheme://host[:port]``)."""
        origins = set(_split(self.settings.allowed_origins))
        if self.settings.public_url:
            parts = urlsplit(self.settings.public_url)
            origins.add(f"{parts.scheme}://{parts.netloc}".lower())
        return frozenset(origins)

    def check_host(self, request: web.Request) -> None:
        """421 unless the request's ``Host`` is one this server serves."""
        raw = request.headers.get("Host", "")
        try:
            parts = urlsplit("//" + raw)
            name, port = (parts.hostname or "").lower(), parts.port
        except ValueError:
            raise web.HTTPBadRequest(text=f"the Host header {raw!r} is not host[:port]") from None
        if self.settings.local_mode:
            served = served_port(request)
            if is_loopback(name) and (served is None or (port or 80) == served):
                return
            expected = f"127.0.0.1:{served}" if served else "127.0.0.1"
            raise web.HTTPMisdirectedRequest(
                text=f"this local PLynx serves only {expected} (and localhost), not Host "
                f"{raw!r}: a page that renamed this machine cannot reach it"
            )
        if self.any_host or is_loopback(name) or name in self.hosts:
            return
        if self.ip_hosts and _is_ip(name):
            return
        raise web.HTTPMisdirectedRequest(
            text=f"this server does not serve Host {raw!r}: add the name to allowed_hosts "
            "(PLYNX_ALLOWED_HOSTS) or set public_url (PLYNX_PUBLIC_URL)"
        )

    def check_origin(self, request: web.Request) -> bool:
        """403 if a browser sent this request from a foreign origin; whether the browser
        proved it comes from this server's own pages."""
        origin = request.headers.get("Origin", "").strip().lower().rstrip("/")
        fetch_site = request.headers.get("Sec-Fetch-Site", "").lower()
        if origin and origin != "null":
            own = f"{request.scheme}://{request.host}".lower()
            if origin == own or origin in self.origins:
                return True
            raise web.HTTPForbidden(
                text=f"cross-origin request refused: Origin {origin!r} is not this server's "
                f"({own}); if that origin is yours, add it to allowed_origins "
                "(PLYNX_ALLOWED_ORIGINS)"
            )
        if fetch_site == "same-origin":
            return True
        if origin or fetch_site not in ("", "none"):
            raise web.HTTPForbidden(
                text="cross-origin request refused: the browser says this request comes "
                f"from another site (Origin {origin or 'absent'}, Sec-Fetch-Site "
                f"{fetch_site or 'absent'})"
            )
        return False


def served_port(request: web.Request) -> int | None:
    """The port the request's connection came in on (what a loopback URL must name)."""
    transport = request.transport
    sockname = transport.get_extra_info("sockname") if transport is not None else None
    if isinstance(sockname, tuple) and len(sockname) >= 2:
        return int(sockname[1])
    return None


def needs_origin_check(request: web.Request) -> bool:
    """A state-changing request or a websocket upgrade."""
    return (
        request.method not in _SAFE_METHODS
        or request.headers.get("Upgrade", "").lower() == "websocket"
    )


def same_origin(request: web.Request) -> bool:
    """Whether the browser proved that this state-changing request (or websocket upgrade)
    comes from this server's own pages."""
    return bool(request.get(_SAME_ORIGIN, False))


_ALLOWED = web.AppKey("plynx_allowed", Allowed)


@web.middleware
async def guard_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Refuse foreign ``Host`` (421) and, on state changes and websocket upgrades, foreign
    ``Origin`` (403) before anything else looks at the request."""
    allowed = request.app[_ALLOWED]
    allowed.check_host(request)
    if needs_origin_check(request):
        request[_SAME_ORIGIN] = allowed.check_origin(request)
    return await handler(request)


async def security_headers(request: web.Request, response: web.StreamResponse) -> None:
    """Headers every response carries: no URL of ours (which may hold a token) leaks as a
    ``Referer``."""
    response.headers["Referrer-Policy"] = "no-referrer"


def setup_guard(app: web.Application, settings: Settings) -> None:
    """Give :func:`guard_middleware` the settings it checks against and add the headers."""
    allowed = Allowed(settings)
    app[_ALLOWED] = allowed
    app.on_response_prepare.append(security_headers)
    if not settings.local_mode and not allowed.any_host:
        logger.debug(
            "answering to Host: loopback names%s%s (others get 421; see allowed_hosts)",
            "".join(f", {name}" for name in sorted(allowed.hosts)),
            ", IP addresses" if allowed.ip_hosts else "",
        )

"""``GET /local-login?token=…``: how a browser logs in to a local-mode server.

``plynx local`` opens (and prints) this link with the instance's local token. The answer puts
the token in a cookie that scripts cannot read (``HttpOnly``) and that no other site's page can
make the browser send (``SameSite=Strict``), then redirects to the dashboard, so the token
does not stay in the address bar or the history. A wrong token is refused and counted like
any failed token check.
"""

from __future__ import annotations

from aiohttp import web

from plynx.server import keys
from plynx.server.auth import local_token_hint, same_secret
from plynx.server.guard import served_port
from plynx.server.middleware import local_cookie_name

__all__ = ["LOGIN_PATH", "setup_local_login"]

LOGIN_PATH = "/local-login"


def _next(raw: str) -> str:
    """A path on this server to go to after logging in (anything else: the dashboard)."""
    if raw.startswith("/") and not raw.startswith("//") and "\\" not in raw:
        return raw
    return "/"


async def local_login(request: web.Request) -> web.StreamResponse:
    """Check the local token of the link, set its cookie and go to the dashboard."""
    settings = request.app[keys.SETTINGS]
    if not settings.local_mode:
        raise web.HTTPNotFound(text="this server is not in local mode: use an API token")
    authenticator = request.app[keys.AUTHENTICATOR]
    client = request.remote or "unknown"
    if authenticator.limiter.retry_after(client) > 0:
        raise web.HTTPTooManyRequests(text="too many wrong tokens from this address; wait")
    token = request.query.get("token", "")
    if not same_secret(token, settings.local_token):
        authenticator.limiter.failed(client)
        raise web.HTTPForbidden(
            text=f"this link's token is not this server's: {local_token_hint(settings)}"
        )
    response = web.Response(
        status=303,
        headers={"Location": _next(request.query.get("next", "/")), "Cache-Control": "no-store"},
    )
    response.set_cookie(
        local_cookie_name(served_port(request) or settings.port),
        token,
        httponly=True,
        samesite="Strict",
        path="/",
    )
    return response


def setup_local_login(app: web.Application) -> None:
    """Register :data:`LOGIN_PATH`."""
    app.router.add_get(LOGIN_PATH, local_login)

"""The dashboard's files: ``static/`` served at ``/``.

``index.html`` answers ``/`` and every client-side route (``/runs/<id>``, ``/graphs/<id>/edit``
…), so a page can be reloaded or linked to. ``/app/…`` (the dashboard's own modules) is
revalidated on every load through its ETag; ``/vendor/<package>@<version>/…`` never changes
under a path, so browsers keep it for a year. Only those two trees are served: not the npm
files, not the vendoring script.

Where the files are: ``Settings.static_dir`` when set; else ``plynx/_static`` inside an
installed package (the wheel build copies ``static/`` there, see ``setup.py``); else the
``static/`` directory of a source checkout (editable installs).

``index.html`` is sent with a Content-Security-Policy that allows scripts from this origin and
the inline import map only (by its hash): even if some text reached the page as HTML, it could
not run a script.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

from plynx.settings import Settings

__all__ = ["CLIENT_ROUTES", "find_static_dir", "setup_static"]

logger = logging.getLogger(__name__)

#: Paths the dashboard's router handles in the browser; each is answered with ``index.html``.
CLIENT_ROUTES = (
    "/",
    "/graphs",
    "/operations",
    "/runs",
    "/workers",
    "/token",
    "/signin",
    "/tokens",
    "/users",
    "/sweeps",
)
_TREES = ("app", "vendor")
_MIME = {
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".json": "application/json",
    ".html": "text/html",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".txt": "text/plain",
    ".md": "text/plain",
}
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.DOTALL)
_IMMUTABLE = "public, max-age=31536000, immutable"
_REVALIDATE = "no-cache"


def find_static_dir(settings: Settings) -> Path | None:
    """The directory holding ``index.html``, or ``None`` when the dashboard is not there."""
    package = Path(__file__).resolve().parent.parent
    candidates = [
        settings.static_dir,
        package / "_static",  # an installed wheel
        package.parent / "static",  # a source checkout
    ]
    for candidate in candidates:
        if candidate is not None and (candidate / "index.html").is_file():
            return candidate.resolve()
    return None


@dataclass(frozen=True)
class _Asset:
    body: bytes
    etag: str
    stamp: tuple[int, int]


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


def _csp(html: str) -> str:
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
        for s in _INLINE_SCRIPT.findall(html)
    )
    return (
        "default-src 'self'; "
        f"script-src 'self' {hashes}; "
        # X6 and CodeMirror add <style> elements and style attributes at run time
        "style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; "
        "connect-src 'self'; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )


class StaticSite:
    """Answers the dashboard's requests from one directory."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._csp: tuple[_Asset, str] | None = None  # index.html and its policy
        # the files are small (about 1.5 MB in all) and served from memory: no file handle
        # is left open when a browser drops a request half-way
        self._assets: dict[Path, _Asset] = {}

    def _index(self) -> tuple[_Asset, str]:
        """``index.html`` and its Content-Security-Policy (made again when the file changes)."""
        page = self._asset(self.root / "index.html")
        if self._csp is None or self._csp[0] is not page:
            self._csp = (page, _csp(page.body.decode()))
        return self._csp

    async def index(self, request: web.Request) -> web.StreamResponse:
        """``index.html``, for ``/`` and every client-side route."""
        page, csp = self._index()
        headers = {
            "ETag": page.etag,
            "Cache-Control": _REVALIDATE,
            "Content-Security-Policy": csp,
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "no-referrer",  # URLs may hold a login token
        }
        if page.etag in request.headers.get("If-None-Match", ""):
            return web.Response(status=304, headers=headers)
        return web.Response(
            body=page.body, content_type="text/html", charset="utf-8", headers=headers
        )

    async def asset(self, request: web.Request) -> web.StreamResponse:
        """A file under ``app/`` or ``vendor/``."""
        tree = request.match_info["tree"]
        relative = request.match_info["path"]
        parts = relative.split("/")
        if tree not in _TREES or any(p in ("", ".", "..") or p.startswith(".") for p in parts):
            raise web.HTTPNotFound()
        path = (self.root / tree / relative).resolve()
        if not path.is_relative_to(self.root / tree) or not path.is_file():
            raise web.HTTPNotFound()
        mime = _MIME.get(path.suffix.lower(), "application/octet-stream")
        headers = {
            "Content-Type": mime if not mime.startswith("text/") else f"{mime}; charset=utf-8",
            "Cache-Control": _IMMUTABLE if tree == "vendor" else _REVALIDATE,
            "X-Content-Type-Options": "nosniff",
        }
        asset = self._asset(path)
        headers["ETag"] = asset.etag
        if asset.etag in request.headers.get("If-None-Match", ""):
            return web.Response(status=304, headers=headers)
        return web.Response(body=asset.body, headers=headers)

    def _asset(self, path: Path) -> _Asset:
        stamp = _stamp(path)
        asset = self._assets.get(path)
        if asset is None or asset.stamp != stamp:
            body = path.read_bytes()
            asset = _Asset(body, f'"{hashlib.sha256(body).hexdigest()[:32]}"', stamp)
            self._assets[path] = asset
        return asset


def setup_static(app: web.Application, settings: Settings) -> None:
    """Serve the dashboard at ``/`` when its files are found (a warning says so otherwise)."""
    root = find_static_dir(settings)
    if root is None:
        logger.warning(
            "the dashboard's files were not found (static_dir=%s); serving the API only",
            settings.static_dir,
        )
        return
    site = StaticSite(root)
    for route in CLIENT_ROUTES:
        app.router.add_get(route, site.index)
        if route != "/":
            app.router.add_get(route + "/{tail:.*}", site.index)
    app.router.add_get("/{tree:app|vendor}/{path:.+}", site.asset)
    logger.debug("dashboard served from %s", root)

"""The aiohttp application: :func:`create_app` wires settings, store, artifacts, logs, event bus
and engine (opened and closed in a ``cleanup_ctx``), the middlewares, the REST API, the
websockets and the dashboard's static files."""

from __future__ import annotations

import asyncio
import importlib
import importlib.util
import logging
import secrets
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from dataclasses import replace
from urllib.parse import urlsplit, urlunsplit
from weakref import WeakSet

from aiohttp import web

from plynx.artifacts import open_artifact_store
from plynx.artifacts.logs import LogStore
from plynx.engine import Engine, EventBus
from plynx.errors import InvalidInput, SchemaVersionError, StoreError
from plynx.nodes import Registry, load_registry
from plynx.protocol import CLOSE_SHUTDOWN
from plynx.server import keys
from plynx.server.access import PUBLIC, VIEWER, WORKER_SOCKET, access_middleware, declare
from plynx.server.api import setup_api_routes
from plynx.server.audit import audit_ctx, audit_middleware
from plynx.server.auth import Authenticator, FailureLimiter
from plynx.server.events import setup_event_routes
from plynx.server.guard import guard_middleware, is_loopback, setup_guard
from plynx.server.heap import heap_ctx, heap_middleware
from plynx.server.local_login import setup_local_login
from plynx.server.looplag import loop_lag_ctx
from plynx.server.middleware import auth_middleware, error_middleware
from plynx.server.oidc import setup_oidc
from plynx.server.openapi import all_routes
from plynx.server.sessions import Passwords, Sessions
from plynx.server.ws_worker import setup_worker_routes
from plynx.settings import Settings
from plynx.store import Store, open_store

__all__ = ["MAX_JSON_BODY", "create_app", "redact_url"]

logger = logging.getLogger(__name__)

#: Largest JSON request body (graphs with their code). Artifact uploads stream and are limited
#: by ``Settings.max_upload_bytes`` instead.
MAX_JSON_BODY = 32 * 1024**2


def redact_url(url: str) -> str:
    """``url`` with its password replaced by ``***`` (for logs and messages)."""
    parts = urlsplit(url)
    if not parts.password:
        return url
    netloc = f"{parts.username or ''}:***@{parts.hostname or ''}"
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc))


async def open_store_with_retry(url: str, wait: float) -> Store:
    """Open the store at ``url``. A server store that does not answer yet (it may be starting
    beside us) is retried with backoff for up to ``wait`` seconds; SQLite is not retried."""
    shown = redact_url(url)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    delay = 0.25
    while True:
        store = open_store(url)
        try:
            await store.open()
        except SchemaVersionError:
            raise
        except StoreError as exc:
            await store.close()
            if url.startswith("sqlite") or loop.time() + delay > deadline:
                raise StoreError(f"cannot open the store {shown}: {exc.message}") from exc
            logger.warning(
                "the store %s is unreachable (%s); retrying in %.1fs", shown, exc.message, delay
            )
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)
        else:
            return store


async def _close_websockets(app: web.Application) -> None:
    tracked: WeakSet[web.WebSocketResponse] = app[keys.WEBSOCKETS]
    sockets = list(tracked)
    if sockets:
        logger.info("closing %d websockets", len(sockets))
    await asyncio.gather(
        *(ws.close(code=CLOSE_SHUTDOWN, message=b"server shutting down") for ws in sockets),
        return_exceptions=True,
    )


def _setup_static(app: web.Application, settings: Settings) -> None:
    """Let the dashboard module register its routes, once it exists."""
    if importlib.util.find_spec("plynx.server.static") is None:
        return
    module = importlib.import_module("plynx.server.static")
    module.setup_static(app, settings)


def create_app(
    settings: Settings, *, registry: Registry | None = None, store_wait: float = 60.0
) -> web.Application:
    """The PLynx server application.

    The store, artifact store, logs and engine are opened when the app starts and closed when
    it stops. ``registry`` defaults to every installed node kind. ``store_wait`` is how long to
    wait for a store server that is not up yet. Local mode (one local token, generated when
    ``settings.local_token`` is empty, opens everything) is refused on a host other than a
    loopback address."""
    if settings.local_mode and not is_loopback(settings.host):
        raise InvalidInput(
            "local mode has one shared token and no accounts, so it only listens on a "
            f"loopback address (127.0.0.1, ::1 or localhost); on {settings.host!r} anyone who "
            "can reach this machine could try to run code on its workers. Use --host "
            "127.0.0.1, or run `plynx server` with tokens (`plynx token create`)."
        )
    if settings.local_mode and not settings.local_token:
        settings = replace(settings, local_token=secrets.token_urlsafe(32))
    app = web.Application(
        # the audit middleware is outermost: it sees every answer as the client does
        middlewares=[
            audit_middleware,
            error_middleware,
            guard_middleware,
            auth_middleware,
            heap_middleware,  # (around the access check: it may read a large graph)
            access_middleware,
        ],
        client_max_size=MAX_JSON_BODY,
    )
    setup_guard(app, settings)
    app[keys.SETTINGS] = settings
    app[keys.REGISTRY] = registry if registry is not None else load_registry()
    app[keys.BUS] = EventBus()
    app[keys.WEBSOCKETS] = WeakSet[web.WebSocketResponse]()

    async def resources(app: web.Application) -> AsyncIterator[None]:
        async with AsyncExitStack() as stack:
            settings.data_dir.mkdir(parents=True, exist_ok=True)
            store = await open_store_with_retry(settings.store_url, store_wait)
            stack.push_async_callback(store.close)
            artifacts = open_artifact_store(settings.artifacts_url)
            await artifacts.open()
            stack.push_async_callback(artifacts.close)
            logs = LogStore(settings.data_dir / "logs")
            stack.push_async_callback(logs.close)
            engine = Engine(settings, store, artifacts, logs, app[keys.REGISTRY], app[keys.BUS])
            app[keys.STORE] = store
            app[keys.ARTIFACTS] = artifacts
            app[keys.LOGS] = logs
            app[keys.ENGINE] = engine
            app[keys.AUTHENTICATOR] = authenticator = Authenticator(
                settings, store, limiter=FailureLimiter(settings.auth_failures_per_minute)
            )
            stack.push_async_callback(authenticator.close)
            passwords = Passwords()
            stack.callback(passwords.close)
            app[keys.SESSIONS] = Sessions(settings, store, passwords)
            await engine.start()
            stack.push_async_callback(engine.stop)
            logger.info(
                "server ready: store %s, artifacts %s, kinds %s%s",
                redact_url(settings.store_url),
                redact_url(settings.artifacts_url),
                ", ".join(app[keys.REGISTRY].names()) or "none",
                " (local mode: the local token opens everything)" if settings.local_mode else "",
            )
            yield

    app.cleanup_ctx.append(loop_lag_ctx)
    app.cleanup_ctx.append(resources)
    app.cleanup_ctx.append(audit_ctx)  # after the store opens, stopped before it closes
    app.cleanup_ctx.append(heap_ctx)
    app.on_shutdown.append(_close_websockets)
    setup_api_routes(app, all_routes())  # each REST route carries its own rule
    with declare(app, VIEWER):
        setup_event_routes(app)
    with declare(app, WORKER_SOCKET):  # the hello message carries the token
        setup_worker_routes(app)
    with declare(app, PUBLIC):
        setup_local_login(app)
        setup_oidc(app)
        _setup_static(app, settings)
    return app

"""Typed keys of what the application shares between handlers (``app[keys.STORE]``).

``SETTINGS``, ``REGISTRY``, ``BUS`` and ``WEBSOCKETS`` are set by
:func:`~plynx.server.app.create_app`; the others while the app starts (its ``cleanup_ctx``), so
they are there for every request but not before the server runs.
"""

from __future__ import annotations

from weakref import WeakSet

from aiohttp import web

from plynx.artifacts import ArtifactStore
from plynx.artifacts.logs import LogStore
from plynx.engine import Engine, EventBus
from plynx.model import Session
from plynx.nodes import Registry
from plynx.server.auth import Authenticator, Identity
from plynx.server.sessions import Sessions
from plynx.settings import Settings
from plynx.store import Store

__all__ = [
    "ARTIFACTS",
    "AUTHENTICATOR",
    "BUS",
    "ENGINE",
    "IDENTITY",
    "LOGS",
    "REGISTRY",
    "SESSION",
    "SESSIONS",
    "SETTINGS",
    "STORE",
    "WEBSOCKETS",
]

SETTINGS = web.AppKey("settings", Settings)
REGISTRY = web.AppKey("registry", Registry)
BUS = web.AppKey("bus", EventBus)
#: Every open websocket (dashboards and workers), closed with a code on shutdown.
WEBSOCKETS: web.AppKey[WeakSet[web.WebSocketResponse]] = web.AppKey("websockets")
STORE = web.AppKey("store", Store)
ARTIFACTS = web.AppKey("artifacts", ArtifactStore)
LOGS = web.AppKey("logs", LogStore)
ENGINE = web.AppKey("engine", Engine)
AUTHENTICATOR = web.AppKey("authenticator", Authenticator)
#: Who made the request (set by the auth middleware on every API request).
IDENTITY = web.RequestKey("identity", Identity)
#: Sign-in sessions and passwords (set while the app starts).
SESSIONS = web.AppKey("sessions", Sessions)
#: The sign-in session of a request made with a session cookie.
SESSION = web.RequestKey("session", Session)

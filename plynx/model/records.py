"""Small stored records that are not graphs or runs: cache entries, artifact metadata, users,
tokens, workers, and a page of results."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from plynx.model.resources import ResourceType
from plynx.model.run import ArtifactRef

__all__ = [
    "ArtifactMeta",
    "CacheEntry",
    "Page",
    "Role",
    "Session",
    "Token",
    "TokenKind",
    "User",
    "WorkerRecord",
]

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a listing: ``items`` and how many match in all."""

    items: list[T]
    total: int
    offset: int = 0
    limit: int = 50


class CacheEntry(BaseModel):
    """``key -> outputs``, remembering which node run produced them."""

    model_config = ConfigDict(extra="forbid")

    key: str
    outputs: dict[str, list[ArtifactRef]]
    node_run_id: str
    run_id: str
    created_at: datetime
    metrics: dict[str, float] = Field(
        default_factory=dict, description="the producing node run's last metric values"
    )


class ArtifactMeta(BaseModel):
    """What the store knows of an artifact; the bytes live in the artifact store."""

    model_config = ConfigDict(extra="forbid")

    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    size: int
    type: ResourceType = ResourceType.FILE
    name: str = ""
    created_at: datetime


class Role(StrEnum):
    """What a user may do. ``admin``: everything, users and every token included; ``editor``:
    create graphs, operations and runs, change and delete their own, read and clone everything;
    ``viewer``: read only. Workers are not users: they hold worker tokens."""

    ADMIN = "admin"
    EDITOR = "editor"
    VIEWER = "viewer"


class User(BaseModel):
    """A person or service that owns tokens and the operations, graphs and runs it creates.

    A disabled user's tokens and sessions stop working at once. ``password_hash`` is an argon2
    hash (empty: no password, sign-in only with a token or single sign-on)."""

    model_config = ConfigDict(extra="forbid")

    name: str
    created_at: datetime
    role: Role = Role.EDITOR
    disabled: bool = False
    password_hash: str = Field(default="", repr=False)
    #: ``<issuer> <subject>`` of a user made by an OpenID Connect sign-in (empty: a local
    #: user, whom no single sign-on can sign in).
    sso_subject: str = ""

    @model_validator(mode="before")
    @classmethod
    def _from_is_admin(cls, data: object) -> object:
        """Users stored before roles had ``is_admin``: an admin stays an admin, everyone else
        becomes an editor (what they could do then)."""
        if isinstance(data, dict) and "is_admin" in data:
            data = dict(data)
            admin = data.pop("is_admin")
            data.setdefault("role", Role.ADMIN if admin else Role.EDITOR)
        return data

    @property
    def is_admin(self) -> bool:
        """Whether the user is an admin."""
        return self.role == Role.ADMIN


class TokenKind(StrEnum):
    """API tokens act for a user; worker tokens only open ``/ws/worker`` and artifact I/O."""

    API = "api"
    WORKER = "worker"


class Token(BaseModel):
    """A token as stored: the secret is only ever kept as a hash (``sha256:<hex>``; tokens made
    before that keep an argon2 hash until their next use). The token a person holds is
    ``plx_<id>_<secret>``."""

    model_config = ConfigDict(extra="forbid")

    id: str
    kind: TokenKind
    user: str
    name: str = ""
    secret_hash: str = Field(repr=False)
    created_at: datetime
    revoked: bool = False
    #: When the token stops working (``None``: never).
    expires_at: datetime | None = None
    #: When a request last came with it (to the minute: recorded at most once a minute).
    last_used_at: datetime | None = None

    def expired(self, now: datetime) -> bool:
        """Whether the token has expired at ``now``."""
        return self.expires_at is not None and now >= self.expires_at


class Session(BaseModel):
    """A signed-in browser: the ``plynx_session`` cookie holds a random secret, the store keeps
    only its SHA-256 (``id``), so a copy of the store signs no one in. ``csrf_token`` is the
    secret a page must echo in ``X-CSRF-Token`` on every request that changes something."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[0-9a-f]{64}$")
    user: str
    csrf_token: str = Field(repr=False)
    created_at: datetime
    expires_at: datetime

    def expired(self, now: datetime) -> bool:
        """Whether the session has expired at ``now``."""
        return now >= self.expires_at


class WorkerRecord(BaseModel):
    """A worker the server has seen, for the workers page and history."""

    model_config = ConfigDict(extra="forbid")

    id: str
    host: str
    kinds: list[str]
    slots: int
    connected: bool = False
    connected_at: datetime | None = None
    last_seen: datetime | None = None

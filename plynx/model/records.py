"""Small stored records that are not graphs or runs: cache entries, artifact metadata, users,
tokens, workers, and a page of results."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from plynx.model.resources import ResourceType
from plynx.model.run import ArtifactRef

__all__ = [
    "ArtifactMeta",
    "CacheEntry",
    "Page",
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


class User(BaseModel):
    """A person or service that owns tokens and authors operations, graphs and runs."""

    model_config = ConfigDict(extra="forbid")

    name: str
    created_at: datetime
    is_admin: bool = False


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

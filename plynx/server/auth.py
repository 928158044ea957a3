"""API and worker tokens, and the :class:`Authenticator` that checks them.

A token is ``plx_<id>_<secret>``. The store keeps only an argon2 hash of the secret
(:class:`~plynx.model.Token`); :func:`create_token` returns the clear token once. argon2 is slow
on purpose, so successful checks are remembered for a while, keyed by the token's sha256;
revoking a token through :meth:`Authenticator.revoke` forgets it at once (a token revoked by
another process stops working when the remembered check expires, after ``cache_ttl``).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from plynx.errors import AuthError, NotFound
from plynx.model import Token, TokenKind, User
from plynx.settings import Settings
from plynx.store import Store

__all__ = [
    "LOCAL_IDENTITY",
    "Authenticator",
    "Identity",
    "create_token",
    "parse_token",
]

logger = logging.getLogger(__name__)

TOKEN_PREFIX = "plx"
#: What a person is told when a request has no usable token.
HOW_TO_GET_A_TOKEN = (
    "create one with `plynx token create` and send it as 'Authorization: Bearer <token>'"
)
_hasher = PasswordHasher()


@dataclass(frozen=True)
class Identity:
    """Who is calling: the user a token acts for, and the token's kind."""

    user: str
    kind: TokenKind
    is_admin: bool = False
    token_id: str | None = None


#: The caller in local mode, where there is no authentication.
LOCAL_IDENTITY = Identity(user="", kind=TokenKind.API, is_admin=True)


def parse_token(token: str) -> tuple[str, str] | None:
    """``(id, secret)`` of a well-formed ``plx_<id>_<secret>`` token, else ``None``."""
    prefix, _, rest = token.partition("_")
    token_id, _, secret = rest.partition("_")
    if prefix != TOKEN_PREFIX or not token_id or not secret:
        return None
    return token_id, secret


async def create_token(store: Store, kind: TokenKind, user: str, name: str = "") -> str:
    """Create a token for ``user`` (created, not admin, if it does not exist) and return it in
    clear. This is the only time the secret is seen: only its hash is stored."""
    try:
        await store.get_user(user)
    except NotFound:
        await store.put_user(User(name=user, created_at=datetime.now(UTC)))
    token_id = uuid.uuid4().hex
    secret = secrets.token_urlsafe(32)
    secret_hash = await asyncio.to_thread(_hasher.hash, secret)
    await store.put_token(
        Token(
            id=token_id,
            kind=kind,
            user=user,
            name=name,
            secret_hash=secret_hash,
            created_at=datetime.now(UTC),
        )
    )
    logger.info("%s token %s created for user %s", kind.value, token_id, user)
    return f"{TOKEN_PREFIX}_{token_id}_{secret}"


class Authenticator:
    """Checks tokens against the store, remembering successful checks for ``cache_ttl``
    seconds. At most ``concurrency`` argon2 checks run at once, so a flood of bad tokens cannot
    take every CPU."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        *,
        cache_ttl: float = 60.0,
        cache_size: int = 10_000,
        concurrency: int = 4,
    ) -> None:
        self.settings = settings
        self.store = store
        self._ttl = cache_ttl
        self._cache_size = cache_size
        self._cache: dict[str, tuple[float, Identity]] = {}
        self._limit = asyncio.Semaphore(concurrency)

    async def authenticate(self, token: str) -> Identity:
        """The identity ``token`` stands for; :class:`~plynx.errors.AuthError` if it is not a
        valid, unrevoked token of an existing user."""
        digest = hashlib.sha256(token.encode()).hexdigest()
        cached = self._cache.get(digest)
        if cached is not None:
            expires, identity = cached
            if expires > time.monotonic():
                return identity
            del self._cache[digest]
        identity = await self._verify(token)
        if len(self._cache) >= self._cache_size:
            self._cache.pop(next(iter(self._cache)))
        self._cache[digest] = (time.monotonic() + self._ttl, identity)
        return identity

    async def _verify(self, token: str) -> Identity:
        invalid = AuthError(f"the token is not valid (mistyped or revoked): {HOW_TO_GET_A_TOKEN}")
        parsed = parse_token(token)
        if parsed is None:
            raise invalid
        token_id, secret = parsed
        try:
            stored = await self.store.get_token(token_id)
        except NotFound:
            raise invalid from None
        if stored.revoked:
            raise invalid
        async with self._limit:
            try:
                await asyncio.to_thread(_hasher.verify, stored.secret_hash, secret)
            except (VerificationError, InvalidHashError):
                logger.warning("wrong secret for token %s", token_id)
                raise invalid from None
        try:
            user = await self.store.get_user(stored.user)
        except NotFound:
            raise AuthError(
                f"the token's user {stored.user!r} no longer exists: {HOW_TO_GET_A_TOKEN}"
            ) from None
        return Identity(
            user=user.name, kind=stored.kind, is_admin=user.is_admin, token_id=stored.id
        )

    async def verify_worker(self, token: str) -> bool:
        """Whether ``token`` may connect a worker: a worker token, an API token of an admin,
        or in local mode the configured ``worker_token``."""
        local = self.settings.worker_token
        if (
            self.settings.local_mode
            and local
            and hmac.compare_digest(token.encode(), local.encode())
        ):
            return True
        try:
            identity = await self.authenticate(token)
        except AuthError:
            return False
        return identity.kind == TokenKind.WORKER or identity.is_admin

    async def revoke(self, token_id: str) -> None:
        """Revoke a token in the store and forget its remembered checks."""
        token = await self.store.get_token(token_id)
        await self.store.put_token(token.model_copy(update={"revoked": True}))
        self.forget(token_id)
        logger.info("token %s revoked", token_id)

    def forget(self, token_id: str | None = None) -> None:
        """Forget remembered checks of one token (of all tokens with ``None``)."""
        if token_id is None:
            self._cache.clear()
            return
        for digest, (_, identity) in list(self._cache.items()):
            if identity.token_id == token_id:
                del self._cache[digest]

"""API and worker tokens, the local token of ``plynx local``, and the :class:`Authenticator`
that checks them.

A token is ``plx_<id>_<secret>`` with a 256-bit random secret. The store keeps only
``sha256:<hex digest>`` of the secret (:class:`~plynx.model.Token`): a secret that random needs
no slow hash, so a check costs one store read and a constant-time comparison, whatever the
secret, and an unknown id costs the same as a wrong secret. argon2 is for passwords. Tokens
created before this kept an argon2 hash: the first successful check re-stores them as SHA-256
(wrong secrets against those still cost an argon2 check each, at most ``concurrency`` at once).

Nothing is remembered between requests, so a revoked token fails on the very next one, even
when another process (``plynx token revoke``) revoked it. Failed checks are counted per client
address (:class:`FailureLimiter`): past the limit that address is refused (429) for a while.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import secrets
import time
import uuid
from collections import OrderedDict, deque
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from plynx.errors import AuthError, NotFound, StoreError
from plynx.model import Role, Token, TokenKind, User
from plynx.settings import Settings
from plynx.store import Store

__all__ = [
    "LOCAL_IDENTITY",
    "LOCAL_TOKEN_FILE",
    "LOCAL_WORKER_IDENTITY",
    "USE_RESOLUTION",
    "Authenticator",
    "FailureLimiter",
    "Identity",
    "RateLimited",
    "create_token",
    "hash_secret",
    "issue_token",
    "local_token_hint",
    "parse_token",
    "same_secret",
]

logger = logging.getLogger(__name__)

TOKEN_PREFIX = "plx"
#: What a person is told when a request has no usable token.
HOW_TO_GET_A_TOKEN = (
    "create one with `plynx token create` and send it as 'Authorization: Bearer <token>'"
)
#: The file in the data directory where a local-mode server leaves its local token (0600).
LOCAL_TOKEN_FILE = "local-token"
_SHA256 = "sha256:"
_legacy_hasher = PasswordHasher()


@dataclass(frozen=True)
class Identity:
    """Who is calling: the user a token acts for, their role, and the token's kind. A worker
    token's identity has no role that lets it use the REST API (see :mod:`plynx.server.access`
    once present): workers are a principal of their own, never a user role."""

    user: str
    kind: TokenKind
    role: Role = Role.VIEWER
    token_id: str | None = None
    #: Set when a browser's sign-in session (not a token) proved who is calling.
    session_id: str | None = None

    @property
    def is_admin(self) -> bool:
        """An admin's API token (worker tokens are never admin, whoever holds them)."""
        return self.kind == TokenKind.API and self.role == Role.ADMIN


#: The caller in local mode that shows the local token: the one admin.
LOCAL_IDENTITY = Identity(user="", kind=TokenKind.API, role=Role.ADMIN)
#: A worker of a local-mode server (it shows the configured ``worker_token``).
LOCAL_WORKER_IDENTITY = Identity(user="local-worker", kind=TokenKind.WORKER)


class RateLimited(AuthError):
    """Too many failed token checks from one client address; try again in ``retry_after``
    seconds."""

    def __init__(self, retry_after: float) -> None:
        self.retry_after = max(1, round(retry_after + 0.5))
        super().__init__(
            f"too many requests with a wrong token from this address; try again in "
            f"{self.retry_after}s"
        )


def parse_token(token: str) -> tuple[str, str] | None:
    """``(id, secret)`` of a well-formed ``plx_<id>_<secret>`` token, else ``None``."""
    prefix, _, rest = token.partition("_")
    token_id, _, secret = rest.partition("_")
    if prefix != TOKEN_PREFIX or not token_id or not secret:
        return None
    return token_id, secret


def hash_secret(secret: str) -> str:
    """What the store keeps of a token's secret."""
    return _SHA256 + hashlib.sha256(secret.encode()).hexdigest()


def same_secret(given: str, expected: str) -> bool:
    """Constant-time comparison of two secrets (an empty ``expected`` matches nothing)."""
    return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


async def create_token(
    store: Store,
    kind: TokenKind,
    user: str,
    name: str = "",
    *,
    expires_at: datetime | None = None,
) -> str:
    """Create a token for ``user`` (created, not admin, if it does not exist) and return it in
    clear. This is the only time the secret is seen: only its hash is stored."""
    return (await issue_token(store, kind, user, name, expires_at=expires_at))[0]


async def issue_token(
    store: Store,
    kind: TokenKind,
    user: str,
    name: str = "",
    *,
    expires_at: datetime | None = None,
) -> tuple[str, Token]:
    """:func:`create_token`, returning the stored token as well. A user created for a worker
    token is a viewer (a worker token never acts on the REST API anyway)."""
    try:
        await store.get_user(user)
    except NotFound:
        role = Role.VIEWER if kind == TokenKind.WORKER else Role.EDITOR
        await store.put_user(User(name=user, role=role, created_at=datetime.now(UTC)))
    token_id = uuid.uuid4().hex
    secret = secrets.token_urlsafe(32)
    token = Token(
        id=token_id,
        kind=kind,
        user=user,
        name=name,
        secret_hash=hash_secret(secret),
        created_at=datetime.now(UTC),
        expires_at=expires_at,
    )
    await store.put_token(token)
    logger.info("%s token %s created for user %s", kind.value, token_id, user)
    return f"{TOKEN_PREFIX}_{token_id}_{secret}", token


class FailureLimiter:
    """At most ``limit`` failed checks per client address in any ``window`` seconds; past it
    the address waits until its oldest failure leaves the window. Remembers at most
    ``max_clients`` addresses (the least recently failing are forgotten first)."""

    def __init__(self, limit: int = 20, window: float = 60.0, max_clients: int = 10_000) -> None:
        self.limit = limit
        self.window = window
        self._max_clients = max_clients
        self._failures: OrderedDict[str, deque[float]] = OrderedDict()

    def retry_after(self, client: str) -> float:
        """Seconds ``client`` must wait before its next check (0: it may go on)."""
        failures = self._failures.get(client)
        if failures is None:
            return 0.0
        now = time.monotonic()
        while failures and failures[0] <= now - self.window:
            failures.popleft()
        if not failures:
            del self._failures[client]
            return 0.0
        return failures[0] + self.window - now if len(failures) >= self.limit else 0.0

    def failed(self, client: str) -> None:
        """Count one failed check of ``client``."""
        failures = self._failures.pop(client, None) or deque(maxlen=self.limit)
        failures.append(time.monotonic())
        self._failures[client] = failures
        while len(self._failures) > self._max_clients:
            self._failures.popitem(last=False)


#: How precisely a token's ``last_used_at`` is kept: it is written at most this often.
USE_RESOLUTION = timedelta(minutes=1)


class Authenticator:
    """Checks tokens against the store (and, in local mode, against the local and worker
    tokens of the settings), counting failures per client address."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        *,
        limiter: FailureLimiter | None = None,
        concurrency: int = 2,
    ) -> None:
        self.settings = settings
        self.store = store
        self.limiter = limiter or FailureLimiter()
        self._legacy = asyncio.Semaphore(concurrency)
        self._recording: dict[str, asyncio.Task[None]] = {}  # token id -> its use being stored

    async def authenticate(self, token: str, client: str | None = None) -> Identity:
        """The identity ``token`` stands for; :class:`~plynx.errors.AuthError` if it is not a
        valid, unrevoked token of an existing user, :class:`RateLimited` if ``client`` (an
        address; ``None``: not counted) failed too often lately."""
        if client is not None and (wait := self.limiter.retry_after(client)) > 0:
            raise RateLimited(wait)
        try:
            if self.settings.local_mode:
                return self._local(token)
            return await self._verify(token)
        except AuthError:
            if client is not None:
                self.limiter.failed(client)
            raise

    def _local(self, token: str) -> Identity:
        if same_secret(token, self.settings.local_token):
            return LOCAL_IDENTITY
        if same_secret(token, self.settings.worker_token):
            return LOCAL_WORKER_IDENTITY
        raise AuthError(f"the token is not this local server's: {local_token_hint(self.settings)}")

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
        if stored.secret_hash.startswith(_SHA256):
            if not hmac.compare_digest(hash_secret(secret), stored.secret_hash):
                logger.warning("wrong secret for token %s", token_id)
                raise invalid
        else:
            await self._verify_legacy(stored, secret, invalid)
        if stored.revoked:
            raise invalid
        if stored.expired(datetime.now(UTC)):
            raise AuthError(
                f"the token expired at {stored.expires_at:%Y-%m-%d %H:%M} UTC: {HOW_TO_GET_A_TOKEN}"
            )
        try:
            user = await self.store.get_user(stored.user)
        except NotFound:
            raise AuthError(
                f"the token's user {stored.user!r} no longer exists: {HOW_TO_GET_A_TOKEN}"
            ) from None
        if user.disabled:
            raise AuthError(f"the user {user.name!r} is disabled; ask an admin")
        self._note_use(stored)
        return Identity(user=user.name, kind=stored.kind, role=user.role, token_id=stored.id)

    def _note_use(self, token: Token) -> None:
        """Record that ``token`` was used, at most once a minute, in the background: the
        request does not wait for the write."""
        now = datetime.now(UTC)
        recent = token.last_used_at is not None and now - token.last_used_at < USE_RESOLUTION
        if recent or token.id in self._recording:
            return
        task = asyncio.create_task(self._record_use(token.id, now))
        self._recording[token.id] = task
        task.add_done_callback(lambda _: self._recording.pop(token.id, None))

    async def _record_use(self, token_id: str, when: datetime) -> None:
        try:
            await self.store.mark_token_used(token_id, when)
        except StoreError as exc:  # the request went on; its next use tries again
            logger.warning("recording the use of token %s failed: %s", token_id, exc.message)

    async def close(self) -> None:
        """Wait a little for the uses being recorded (before the store closes); a use not
        stored by then is dropped (it only moves ``last_used_at`` by a minute)."""
        tasks = list(self._recording.values())
        if tasks:
            _, late = await asyncio.wait(tasks, timeout=5)
            for task in late:
                task.cancel()

    async def _verify_legacy(self, stored: Token, secret: str, invalid: AuthError) -> None:
        """Check a secret against an argon2 hash of an older PLynx, then store its SHA-256."""
        async with self._legacy:
            try:
                await asyncio.to_thread(_legacy_hasher.verify, stored.secret_hash, secret)
            except (VerificationError, InvalidHashError):
                logger.warning("wrong secret for token %s", stored.id)
                raise invalid from None
        if not stored.revoked:
            await self.store.put_token(
                stored.model_copy(update={"secret_hash": hash_secret(secret)})
            )
            logger.info("token %s re-stored as SHA-256 (it had an argon2 hash)", stored.id)

    async def verify_worker(self, token: str, client: str | None = None) -> bool:
        """Whether ``token`` may connect a worker: a worker token, an API token of an admin,
        or in local mode the configured ``worker_token`` or the local token."""
        try:
            identity = await self.authenticate(token, client)
        except AuthError:
            return False
        return identity.kind == TokenKind.WORKER or identity.is_admin

    async def revoke(self, token_id: str) -> None:
        """Revoke a token in the store; the next request with it fails."""
        token = await self.store.get_token(token_id)
        await self.store.put_token(token.model_copy(update={"revoked": True}))
        logger.info("token %s revoked", token_id)


def local_token_hint(settings: Settings) -> str:
    """How a person gets in to a local-mode server."""
    return (
        "open the link `plynx local` printed (it logs this browser in), or send the token "
        f"in {settings.data_dir / LOCAL_TOKEN_FILE} as 'Authorization: Bearer <token>'"
    )

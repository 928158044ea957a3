"""Passwords and sign-in sessions: how a person in a browser proves who they are.

A user with a password signs in (``POST /api/v1/session``) and gets the cookie
:data:`SESSION_COOKIE`, which holds a random 256-bit secret; the store keeps only its SHA-256
(:class:`~plynx.model.Session`), so a copy of the store signs no one in. Each session has a
CSRF token the pages echo in :data:`CSRF_HEADER` on every request that changes something (a
cookie travels with any request a browser sends; the token only with those our pages make).

Nothing about a user is remembered in the session but their name: the role and the disabled
flag are read on every request, so a role change or a disable takes effect on the next one.

Passwords are hashed with argon2 in a few threads of lower priority (never on the event
loop) (each check costs tens of milliseconds of CPU and 64 MiB). An unknown
user costs the same check as a wrong password and gets the same answer. Failed sign-ins are
counted per client address and per user name (:class:`~plynx.server.auth.FailureLimiter`).
Passwords are never logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import logging
import os
import secrets
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from plynx.errors import AuthError, InvalidInput, NotFound
from plynx.model import Session, User
from plynx.server.auth import FailureLimiter
from plynx.settings import Settings
from plynx.store import Store

__all__ = [
    "CSRF_HEADER",
    "MAX_PASSWORD",
    "MIN_PASSWORD",
    "SESSION_COOKIE",
    "Passwords",
    "SessionExpired",
    "Sessions",
    "SignIn",
    "SignInLimited",
    "check_password",
    "same_csrf",
    "session_id",
]

logger = logging.getLogger(__name__)

T = TypeVar("T")
#: How much nicer than the server the password threads are (see :func:`_lower_priority`).
_NICE = 10

#: The cookie that holds a browser's session secret.
SESSION_COOKIE = "plynx_session"
#: The header a page sends the session's CSRF token in.
CSRF_HEADER = "X-CSRF-Token"
MIN_PASSWORD = 8
#: argon2 reads all of it; a megabyte of password is an attack, not a password.
MAX_PASSWORD = 1024
#: What an empty hash is checked against, to cost what a real check costs (the hash of a
#: random secret nobody kept, with argon2-cffi's default parameters).
_DUMMY = (
    "$argon2id$v=19$m=65536,t=3,p=4$o0lXsBMkzqG2njDVS/RaxA"
    "$7MLP7zixaq14Vk3r1fkjM9pOyBB5fEzm5TgRsOYB/Nw"
)
#: What every failed sign-in is told, whether the user exists or not.
WRONG_CREDENTIALS = "wrong user name or password"


def check_password(password: str) -> str:
    """``password`` if it is acceptable, else :class:`~plynx.errors.InvalidInput`."""
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(f"a password needs at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise InvalidInput(f"a password may have at most {MAX_PASSWORD} characters")
    return password


def _lower_priority() -> None:
    """Run this thread (and the threads argon2 starts from it) at a lower priority: a burst of
    sign-ins then slows down sign-ins, not the event loop. Linux nices threads one by one."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), _NICE)


class Passwords:
    """argon2 hashing and checking off the event loop, in ``concurrency`` threads of their own
    at a lower priority (argon2 uses a thread per lane, four by default: on a small machine
    two checks at normal priority would starve the event loop for hundreds of ms)."""

    def __init__(self, concurrency: int = 2, hasher: PasswordHasher | None = None) -> None:
        self._hasher = hasher or PasswordHasher()
        self._pool = ThreadPoolExecutor(
            concurrency, thread_name_prefix="plynx-argon2", initializer=_lower_priority
        )

    def close(self) -> None:
        """Stop the threads (checks under way finish first)."""
        self._pool.shutdown(wait=True)

    async def _run(self, fn: Callable[..., T], *args: str) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, *args)

    async def hash(self, password: str) -> str:
        """The argon2 hash to store for ``password``."""
        return await self._run(self._hasher.hash, password)

    async def verify(self, password_hash: str, password: str) -> bool:
        """Whether ``password`` matches ``password_hash``. An empty hash (no password, or no
        such user) matches nothing but costs the same as a real check."""
        try:
            matches = await self._run(self._hasher.verify, password_hash or _DUMMY, password)
        except (VerificationError, InvalidHashError):
            return False
        return matches and bool(password_hash)


class SignInLimited(AuthError):
    """Too many failed sign-ins lately, from this address or for this user."""

    def __init__(self, retry_after: float) -> None:
        self.retry_after = max(1, round(retry_after + 0.5))
        super().__init__(
            f"too many failed sign-ins; try again in {self.retry_after}s (or ask an admin to "
            "reset the password)"
        )


class SessionExpired(AuthError):
    """The session's time is up (or it was ended): sign in again."""


@dataclass(frozen=True)
class SignIn:
    """A new session: the secret for the cookie (shown only now), the stored session and its
    user."""

    secret: str
    session: Session
    user: User


def session_id(secret: str) -> str:
    """What the store keeps of a session's secret."""
    return hashlib.sha256(secret.encode()).hexdigest()


class Sessions:
    """Signs people in and out, and finds the session a cookie stands for."""

    def __init__(self, settings: Settings, store: Store, passwords: Passwords) -> None:
        self.settings = settings
        self.store = store
        self.passwords = passwords
        window = settings.sign_in_window
        self.by_address = FailureLimiter(settings.sign_in_failures_per_address, window)
        self.by_user = FailureLimiter(settings.sign_in_failures_per_user, window)
        #: Held while a user is read, checked and written back (no lost updates, and never
        #: two admins demoting each other to no admin at all).
        self.users_lock = asyncio.Lock()

    @property
    def lifetime(self) -> timedelta:
        """How long a session lasts."""
        return timedelta(hours=self.settings.session_hours)

    async def sign_in(self, name: str, password: str, client: str | None) -> SignIn:
        """A new session for ``name`` if ``password`` is theirs; :class:`SignInLimited` past
        the failure limits, :class:`~plynx.errors.AuthError` otherwise (the same for an
        unknown user and a wrong password)."""
        wait = max(self.by_user.retry_after(name), self._address_wait(client))
        if wait > 0:
            raise SignInLimited(wait)
        try:
            user: User | None = await self.store.get_user(name)
        except NotFound:
            user = None
        stored_hash = user.password_hash if user is not None else ""
        if user is None or not await self.passwords.verify(stored_hash, password):
            self.by_user.failed(name)
            if client is not None:
                self.by_address.failed(client)
            logger.warning("failed sign-in for %r from %s", name, client)
            raise AuthError(WRONG_CREDENTIALS)
        if user.disabled:
            raise AuthError(f"the user {name!r} is disabled; ask an admin")
        signed_in = await self.start(user)
        logger.info("user %s signed in from %s", user.name, client)
        return signed_in

    async def start(self, user: User, csrf_token: str | None = None) -> SignIn:
        """A new session for ``user`` (with this CSRF token, e.g. the one of the session it
        replaces, else a new one)."""
        now = datetime.now(UTC)
        secret = secrets.token_urlsafe(32)
        session = Session(
            id=session_id(secret),
            user=user.name,
            csrf_token=csrf_token or secrets.token_urlsafe(32),
            created_at=now,
            expires_at=now + self.lifetime,
        )
        await self.store.put_session(session)
        # Forget sessions whose time is up (an indexed delete, once per new session).
        await self.store.delete_sessions(expired_at=now)
        return SignIn(secret=secret, session=session, user=user)

    def _address_wait(self, client: str | None) -> float:
        return self.by_address.retry_after(client) if client is not None else 0.0

    async def resolve(self, secret: str) -> tuple[Session, User]:
        """The live session ``secret`` stands for and its user (read now: role and disabled
        flag are current); :class:`SessionExpired` if there is none or its time is up,
        :class:`~plynx.errors.AuthError` if the user is gone or disabled."""
        try:
            session = await self.store.get_session(session_id(secret))
        except NotFound:
            raise SessionExpired(
                "you are signed out (or the session ended): sign in again"
            ) from None
        if session.expired(datetime.now(UTC)):
            await self.store.delete_sessions(session_id=session.id)
            raise SessionExpired("your session expired: sign in again")
        try:
            user = await self.store.get_user(session.user)
        except NotFound:
            raise AuthError(f"the user {session.user!r} no longer exists") from None
        if user.disabled:
            raise AuthError(f"the user {user.name!r} is disabled; ask an admin")
        return session, user

    async def sign_out(self, secret: str) -> bool:
        """End the session ``secret`` stands for; whether there was one."""
        ended = await self.store.delete_sessions(session_id=session_id(secret)) > 0
        if ended:
            logger.info("a session ended (signed out)")
        return ended


def same_csrf(given: str | None, session: Session) -> bool:
    """Whether ``given`` is the session's CSRF token (constant time)."""
    return given is not None and hmac.compare_digest(given.encode(), session.csrf_token.encode())

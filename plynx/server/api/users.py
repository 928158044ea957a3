"""``/me`` (who is calling, changing one's own password) and ``/users`` (admins manage people).

Rules (until the authorization table holds them): ``/me`` is any signed-in caller's own;
``/users`` is admin only. The last enabled admin can be neither demoted nor disabled (409), so
a server always keeps someone who can manage it. Changes to users are serialised by one lock
per app (this server process), so two admins cannot demote each other to no admin at all.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from typing import Annotated

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from plynx.errors import Conflict, InvalidInput, NotFound
from plynx.model import Role, User
from plynx.server import keys
from plynx.server.access import ADMIN, SELF
from plynx.server.api.base import Route, identity, json_response, read_body
from plynx.server.api.session import set_session_cookie
from plynx.server.auth import Identity
from plynx.server.sessions import MAX_PASSWORD, MIN_PASSWORD, check_password

__all__ = [
    "ROUTES",
    "USER_NAME",
    "MeInfo",
    "PasswordChange",
    "UserCreate",
    "UserInfo",
    "UserList",
    "UserPatch",
    "require_admin",
]

logger = logging.getLogger(__name__)

#: What a user name may be: it appears in URLs, logs and the ``author`` of what they create.
USER_NAME = r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$"
UserName = Annotated[str, StringConstraints(pattern=USER_NAME)]
Password = Annotated[str, StringConstraints(max_length=MAX_PASSWORD)]
NewPassword = Annotated[str, StringConstraints(min_length=MIN_PASSWORD, max_length=MAX_PASSWORD)]


class MeInfo(BaseModel):
    """Who is calling."""

    name: str = Field(description="the user name (empty in local mode: the one local admin)")
    role: Role
    local: bool = Field(description="whether the server runs in local mode (no sign-in)")
    csrf_token: str | None = Field(
        description="the CSRF token to send in X-CSRF-Token with a session cookie (null when "
        "the caller shows a token)"
    )


class PasswordChange(BaseModel):
    """A new password for oneself; ``old`` is the current one (empty if there is none yet)."""

    model_config = ConfigDict(extra="forbid")

    old: Password
    new: NewPassword


class UserInfo(BaseModel):
    """A user as admins see them (never their password hash)."""

    name: str
    role: Role
    disabled: bool
    created_at: datetime
    has_password: bool

    @classmethod
    def of(cls, user: User) -> UserInfo:
        """What is shown of ``user``."""
        return cls(
            name=user.name,
            role=user.role,
            disabled=user.disabled,
            created_at=user.created_at,
            has_password=bool(user.password_hash),
        )


class UserList(BaseModel):
    """Every user, by name."""

    items: list[UserInfo]
    total: int


class UserCreate(BaseModel):
    """A new user; without a password they sign in only with tokens an admin makes them."""

    model_config = ConfigDict(extra="forbid")

    name: UserName = Field(description=f"letters, digits and . _ @ - ({USER_NAME})")
    role: Role = Role.EDITOR
    password: NewPassword | None = None


class UserPatch(BaseModel):
    """What to change of a user (absent: unchanged). A new password ends their sessions."""

    model_config = ConfigDict(extra="forbid")

    role: Role | None = None
    disabled: bool | None = None
    password: NewPassword | None = None


def require_admin(request: web.Request) -> Identity:
    """The caller, if an admin; 403 otherwise."""
    caller = identity(request)
    if not caller.is_admin:
        raise web.HTTPForbidden(
            text=f"only an admin may do this (you are {caller.user!r}, {caller.role.value})"
        )
    return caller


def _lock(request: web.Request) -> asyncio.Lock:
    return request.app[keys.SESSIONS].users_lock


async def me(request: web.Request) -> web.Response:
    """Who is calling, with the session's CSRF token for a browser."""
    caller = identity(request)
    session = request.get(keys.SESSION)
    return json_response(
        MeInfo(
            name=caller.user,
            role=caller.role,
            local=request.app[keys.SETTINGS].local_mode,
            csrf_token=session.csrf_token if session is not None else None,
        )
    )


async def change_password(request: web.Request) -> web.Response:
    """Change one's own password (the old one must match; failures count as failed
    sign-ins). Every other browser signed in as the caller is signed out."""
    if request.app[keys.SETTINGS].local_mode:
        raise InvalidInput("local mode has no passwords: it has no sign-in")
    body = await read_body(request, PasswordChange)
    check_password(body.new)
    name = identity(request).user
    sessions = request.app[keys.SESSIONS]
    if (wait := sessions.by_user.retry_after(name)) > 0:
        raise web.HTTPTooManyRequests(
            text=f"too many wrong passwords; try again in {round(wait + 0.5)}s",
            headers={"Retry-After": str(max(1, round(wait + 0.5)))},
        )
    async with _lock(request):
        user = await request.app[keys.STORE].get_user(name)
        if user.password_hash:
            matches = await sessions.passwords.verify(user.password_hash, body.old)
        else:
            matches = body.old == ""
        if not matches:
            sessions.by_user.failed(name)
            raise InvalidInput("the old password is wrong")
        new_hash = await sessions.passwords.hash(body.new)
        user = user.model_copy(update={"password_hash": new_hash})
        await request.app[keys.STORE].put_user(user)
    # Every browser signed in as this user is out; the one asking gets a new session (same
    # CSRF token, so its pages go on as they were).
    await request.app[keys.STORE].delete_sessions(user=name)
    response = web.Response(status=204)
    current = request.get(keys.SESSION)
    if current is not None:
        renewed = await sessions.start(user, csrf_token=current.csrf_token)
        set_session_cookie(request, response, renewed.secret)
    logger.info("user %s changed their password (their other sessions ended)", name)
    return response


async def list_users(request: web.Request) -> web.Response:
    """Every user, by name (admin only)."""
    require_admin(request)
    users = await request.app[keys.STORE].list_users()
    return json_response(UserList(items=[UserInfo.of(u) for u in users], total=len(users)))


async def create_user(request: web.Request) -> web.Response:
    """Add a user (admin only); 409 if the name is taken."""
    caller = require_admin(request)
    body = await read_body(request, UserCreate)
    password_hash = ""
    if body.password is not None:
        check_password(body.password)
        password_hash = await request.app[keys.SESSIONS].passwords.hash(body.password)
    store = request.app[keys.STORE]
    async with _lock(request):
        try:
            await store.get_user(body.name)
        except NotFound:
            pass
        else:
            raise Conflict(f"user {body.name!r} already exists")
        user = User(
            name=body.name,
            role=body.role,
            created_at=datetime.now(UTC),
            password_hash=password_hash,
        )
        await store.put_user(user)
    logger.info("user %s (%s) added by %s", user.name, user.role.value, caller.user or "local")
    return json_response(UserInfo.of(user), status=201)


async def get_user(request: web.Request) -> web.Response:
    """One user (admin only)."""
    require_admin(request)
    user = await request.app[keys.STORE].get_user(request.match_info["name"])
    return json_response(UserInfo.of(user))


def _enabled_admins(users: list[User]) -> list[str]:
    return [u.name for u in users if u.role == Role.ADMIN and not u.disabled]


async def update_user(request: web.Request) -> web.Response:
    """Change a user's role, disable or enable them, or set their password (admin only). A
    disabled user's tokens and sessions stop working at once; a new password ends their
    sessions."""
    caller = require_admin(request)
    body = await read_body(request, UserPatch)
    if body.role is None and body.disabled is None and body.password is None:
        raise InvalidInput("say what to change: role, disabled and/or password")
    sessions = request.app[keys.SESSIONS]
    new_hash = None
    if body.password is not None:
        check_password(body.password)
        new_hash = await sessions.passwords.hash(body.password)
    store = request.app[keys.STORE]
    name = request.match_info["name"]
    async with _lock(request):
        user = await store.get_user(name)
        changes: dict[str, object] = {}
        if body.role is not None:
            changes["role"] = body.role
        if body.disabled is not None:
            changes["disabled"] = body.disabled
        if new_hash is not None:
            changes["password_hash"] = new_hash
        updated = user.model_copy(update=changes)
        admins = _enabled_admins(await store.list_users())
        if admins == [name] and not _enabled_admins([updated]):
            raise Conflict(f"{name!r} is the last enabled admin: make someone else an admin first")
        await store.put_user(updated)
    if updated.disabled or new_hash is not None:
        await store.delete_sessions(user=name)
    logger.info(
        "user %s changed by %s: %s",
        name,
        caller.user or "local",
        ", ".join(f"{k}={v}" for k, v in changes.items() if k != "password_hash")
        + (" (new password)" if new_hash is not None else ""),
    )
    return json_response(UserInfo.of(updated))


ROUTES = [
    Route(
        "GET",
        "/me",
        me,
        "Who is calling: name, role, local mode, and the session's CSRF token (any caller)",
        "users",
        response=MeInfo,
        errors=(),
        access=SELF,
    ),
    Route(
        "POST",
        "/me/password",
        change_password,
        "Change your own password; your other sessions end (any signed-in user; not in local mode)",
        "users",
        request=PasswordChange,
        status=204,
        errors=(400, 429),
        access=SELF,
    ),
    Route(
        "GET",
        "/users",
        list_users,
        "Every user, by name (admin only)",
        "users",
        response=UserList,
        errors=(403,),
        access=ADMIN,
    ),
    Route(
        "POST",
        "/users",
        create_user,
        "Add a user (admin only)",
        "users",
        request=UserCreate,
        response=UserInfo,
        status=201,
        errors=(400, 403, 409),
        access=ADMIN,
    ),
    Route(
        "GET",
        "/users/{name}",
        get_user,
        "One user (admin only)",
        "users",
        response=UserInfo,
        errors=(403, 404),
        access=ADMIN,
    ),
    Route(
        "PATCH",
        "/users/{name}",
        update_user,
        "Change a user's role, disable or enable them, reset their password (admin only; the "
        "last enabled admin stays one)",
        "users",
        request=UserPatch,
        response=UserInfo,
        errors=(400, 403, 404, 409),
        access=ADMIN,
    ),
]

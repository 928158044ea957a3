"""``/tokens``: API and worker tokens, as their owners and admins see them (never a secret but
once, in the answer that creates it).

Rules (until the authorization table holds them): anyone signed in lists, creates and revokes
their own API tokens; only an admin creates worker tokens, tokens for someone else, and lists
or revokes anyone's.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field

from plynx.errors import InvalidInput
from plynx.model import Token, TokenKind
from plynx.server import keys
from plynx.server.access import SELF
from plynx.server.api.base import Query, Route, identity, json_response, read_body
from plynx.server.api.users import USER_NAME, UserName, require_admin
from plynx.server.auth import issue_token

__all__ = ["ROUTES", "NewToken", "TokenCreate", "TokenInfo", "TokenList"]

logger = logging.getLogger(__name__)

MAX_EXPIRY_DAYS = 3650


class TokenInfo(BaseModel):
    """A token without its secret."""

    id: str
    kind: TokenKind
    user: str
    name: str
    created_at: datetime
    expires_at: datetime | None
    revoked: bool
    last_used_at: datetime | None = Field(
        default=None, description="when a request last came with it (to the minute); never: null"
    )

    @classmethod
    def of(cls, token: Token) -> TokenInfo:
        """What is shown of ``token``."""
        return cls(
            id=token.id,
            kind=token.kind,
            user=token.user,
            name=token.name,
            created_at=token.created_at,
            expires_at=token.expires_at,
            revoked=token.revoked,
            last_used_at=token.last_used_at,
        )


class NewToken(TokenInfo):
    """A token just created, with the secret: shown only this once."""

    token: str = Field(description="plx_<id>_<secret>: send it as 'Authorization: Bearer ...'")


class TokenList(BaseModel):
    """Tokens, oldest first."""

    items: list[TokenInfo]
    total: int


class TokenCreate(BaseModel):
    """A new token: an API token for yourself unless an admin says otherwise."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(default="", max_length=200, description="a note to recognise it by")
    kind: TokenKind = Field(default=TokenKind.API, description="worker: admin only")
    user: UserName | None = Field(
        default=None, description=f"who it acts for (admin only; default: you; {USER_NAME})"
    )
    expires_in_days: int | None = Field(
        default=None, ge=1, le=MAX_EXPIRY_DAYS, description="omit for a token that never expires"
    )


async def list_tokens(request: web.Request) -> web.Response:
    """Your tokens; an admin may ask for one user's (``?user=``) or everyone's
    (``?all=true``)."""
    caller = identity(request)
    user = request.query.get("user")
    if user is not None and not re.fullmatch(USER_NAME, user):
        raise InvalidInput(f"query parameter 'user' is not a user name: {user[:70]!r}")
    everyone = request.query.get("all", "false")
    if everyone not in ("true", "false"):
        raise InvalidInput(f"query parameter 'all' must be true or false, got {everyone[:40]!r}")
    if everyone == "true" or (user is not None and user != caller.user):
        require_admin(request)
    # ``all`` lifts the "your own" default; ``user`` narrows to one user either way
    wanted = user if user is not None else (None if everyone == "true" else caller.user)
    tokens = [
        TokenInfo.of(t)
        for t in await request.app[keys.STORE].list_tokens()
        if wanted is None or t.user == wanted
    ]
    return json_response(TokenList(items=tokens, total=len(tokens)))


async def create_token(request: web.Request) -> web.Response:
    """Create a token and show its secret, this once."""
    caller = identity(request)
    if request.app[keys.SETTINGS].local_mode:
        raise InvalidInput(
            "a local-mode server accepts only its local token: create tokens for a "
            "`plynx server` with `plynx token create`"
        )
    body = await read_body(request, TokenCreate)
    if body.kind == TokenKind.WORKER or (body.user is not None and body.user != caller.user):
        require_admin(request)
    user = body.user if body.user is not None else caller.user
    if body.kind == TokenKind.API:
        await request.app[keys.STORE].get_user(user)  # 404: no tokens for unknown users
    expires_at = None
    if body.expires_in_days is not None:
        expires_at = datetime.now(UTC) + timedelta(days=body.expires_in_days)
    secret, token = await issue_token(
        request.app[keys.STORE], body.kind, user, body.name, expires_at=expires_at
    )
    logger.info("%s token %s for %s created by %s", body.kind.value, token.id, user, caller.user)
    info = TokenInfo.of(token)
    return json_response(NewToken(**info.model_dump(), token=secret), status=201)


async def revoke_token(request: web.Request) -> web.Response:
    """Revoke a token (your own, or anyone's for an admin); the next request with it fails."""
    caller = identity(request)
    token_id = request.match_info["id"]
    store = request.app[keys.STORE]
    token = await store.get_token(token_id)
    if token.user != caller.user and not caller.is_admin:
        raise web.HTTPForbidden(
            text=f"token {token_id!r} belongs to {token.user!r}; only they or an admin may "
            "revoke it"
        )
    if not token.revoked:
        await store.put_token(token.model_copy(update={"revoked": True}))
        logger.info("token %s of %s revoked by %s", token_id, token.user, caller.user or "local")
    return web.Response(status=204)


ROUTES = [
    Route(
        "GET",
        "/tokens",
        list_tokens,
        "Your tokens, oldest first (any signed-in user; ?user= and ?all=true: admin only)",
        "tokens",
        response=TokenList,
        query=(
            Query("user", "whose tokens (admin only, unless it is you)", pattern=USER_NAME),
            Query("all", "everyone's tokens (admin only)", "string", enum=("true", "false")),
        ),
        errors=(400, 403),
        access=SELF,
    ),
    Route(
        "POST",
        "/tokens",
        create_token,
        "Create a token; the answer holds its secret, shown only this once (your own API "
        "tokens: any signed-in user; worker tokens and others' tokens: admin only)",
        "tokens",
        request=TokenCreate,
        response=NewToken,
        status=201,
        errors=(400, 403, 404),
        access=SELF,
    ),
    Route(
        "DELETE",
        "/tokens/{id}",
        revoke_token,
        "Revoke a token (your own; anyone's: admin only)",
        "tokens",
        status=204,
        errors=(403, 404),
        access=SELF,
    ),
]

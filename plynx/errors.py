"""The exceptions PLynx raises, rooted at one :class:`PlynxError`.

::

    PlynxError
    ├── InvalidInput         bad input from a user; carries the list of problems
    │   └── GraphInvalid     a graph failed whole-graph validation
    ├── NotFound             an id that does not exist
    ├── Conflict             the request is valid but not in the current state
    ├── AuthError            missing or wrong token
    ├── Forbidden            a known caller who may not do this (role, ownership)
    ├── ProtocolError        a wire message that cannot be decoded
    ├── StoreError           the store failed (driver errors are translated to this)
    │   └── SchemaVersionError
    ├── ArtifactError        an artifact is missing or does not match its hash
    └── IllegalTransition    a state change the state machine does not allow (a bug)

Messages are sentences that say what happened and what to do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "ArtifactError",
    "AuthError",
    "Conflict",
    "Forbidden",
    "GraphInvalid",
    "IllegalTransition",
    "InvalidInput",
    "NotFound",
    "PlynxError",
    "ProtocolError",
    "SchemaVersionError",
    "StoreError",
]


class PlynxError(Exception):
    """Root of every error PLynx raises on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(PlynxError):
    """Input from a user is wrong. ``problems`` lists every problem found, not only the first."""

    def __init__(self, message: str, problems: Sequence[Any] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems)


class GraphInvalid(InvalidInput):
    """A graph failed validation; ``problems`` are :class:`plynx.model.validation.GraphIssue`."""


class NotFound(PlynxError):
    """The thing asked for does not exist."""

    def __init__(self, what: str, ident: str) -> None:
        super().__init__(f"{what} {ident!r} was not found.")
        self.what = what
        self.ident = ident


class Conflict(PlynxError):
    """The request is well formed but not allowed in the current state (e.g. editing a published
    operation)."""


class AuthError(PlynxError):
    """A token is missing, unknown or of the wrong kind."""


class Forbidden(PlynxError):
    """The caller is known but may not do this: ``rule`` names the route's access rule and
    ``owner`` the owner of the object when ownership is why."""

    def __init__(self, message: str, rule: str, *, owner: str | None = None) -> None:
        super().__init__(message)
        self.rule = rule
        self.owner = owner

    @property
    def problems(self) -> list[dict[str, str | None]]:
        """The refusal as structured fields (for the error body)."""
        return [{"code": "access", "rule": self.rule, "owner": self.owner, "message": self.message}]


class ProtocolError(PlynxError):
    """A wire message could not be decoded. ``raw`` is the message as received."""

    def __init__(self, message: str, raw: object = None) -> None:
        super().__init__(message)
        self.raw = raw


class StoreError(PlynxError):
    """The store could not do what was asked. The driver's exception is the ``__cause__``."""


class SchemaVersionError(StoreError):
    """The store's schema is newer than this PLynx understands."""


class ArtifactError(PlynxError):
    """An artifact is missing, or its content does not match its sha256."""


class IllegalTransition(PlynxError):
    """A state change that the state machine forbids. Always a bug in PLynx, never user error."""

    def __init__(self, what: str, current: str, target: str, reason: str) -> None:
        super().__init__(f"{what} cannot go from {current!r} to {target!r}: {reason}")
        self.current = current
        self.target = target
        self.reason = reason

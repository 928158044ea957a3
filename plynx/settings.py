"""Configuration, read once: ``config/plynx.toml`` (or ``--config``), overridden by ``PLYNX_*``
environment variables, overridden by CLI flags. The result is a frozen :class:`Settings`."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from plynx.artifacts.archive import UnpackLimits
from plynx.errors import InvalidInput

__all__ = ["Settings", "load_settings"]


@dataclass(frozen=True)
class Settings:
    """Everything the server, the engine and the CLI are configured with.

    Paths may be given relative: they are resolved once, against the current directory, when
    the settings are made (so ``sqlite:///`` + the database path is always absolute, and the
    artifacts sit where the database does). ``store`` and ``artifacts`` default to locations
    inside ``data_dir``."""

    data_dir: Path = field(default_factory=lambda: Path("~/.plynx").expanduser())
    host: str = "127.0.0.1"
    port: int = 8765
    #: Store URL; empty means ``sqlite:///<data_dir>/plynx.db``.
    store: str = ""
    #: Artifact store: a directory or an fsspec URL; empty means ``<data_dir>/artifacts``.
    artifacts: str = ""
    #: Run without authentication (``plynx local``); only allowed on a loopback address.
    local_mode: bool = False
    #: Secret used by locally started workers in local mode (generated when empty).
    worker_token: str = field(default="", repr=False)
    #: Secret every client of a local-mode server must show (generated when empty); written
    #: to ``<data_dir>/local-token`` (0600) by the server that holds the data directory.
    local_token: str = field(default="", repr=False)
    #: Extra ``Host`` names this server answers to, comma-separated (``*``: any).
    allowed_hosts: str = ""
    #: Extra origins (``https://name[:port]``) allowed to change state, comma-separated.
    allowed_origins: str = ""
    #: The URL people and workers reach this server at (behind a proxy); its host and origin
    #: are allowed.
    public_url: str = ""
    #: Failed token checks one client address may make in a minute before it is refused (429).
    auth_failures_per_minute: int = 20
    #: How long a browser stays signed in (hours).
    session_hours: float = 12.0
    #: Failed sign-ins one client address, and one user name, may have in ``sign_in_window``
    #: seconds before further attempts are refused (429).
    sign_in_failures_per_address: int = 20
    sign_in_failures_per_user: int = 5
    sign_in_window: float = 300.0
    #: OpenID Connect sign-in ("Sign in with ..."): the provider's issuer URL (empty: off),
    #: this server's client id and secret there, the role of users it creates on their first
    #: sign-in, and the claim that names them.
    oidc_issuer: str = ""
    oidc_client_id: str = ""
    oidc_client_secret: str = field(default="", repr=False)
    oidc_default_role: str = "viewer"
    oidc_username_claim: str = "preferred_username"
    #: The ID token signature algorithms accepted, comma-separated (``none`` never; ``HS256``
    #: and its kin, keyed with the client secret, only when listed here).
    oidc_algorithms: str = "RS256,ES256"
    #: How long the provider's discovery document and keys (JWKS) are kept, seconds (they are
    #: fetched again at once, at most every ``oidc_keys_min_refresh`` seconds, for an ID token
    #: signed with a key they do not hold).
    oidc_keys_ttl: float = 3600.0
    oidc_keys_min_refresh: float = 30.0
    heartbeat_interval: float = 2.0
    lease_timeout: float = 10.0
    #: Largest log kept per stream of a node run; past it the middle is cut.
    max_log_bytes: int = 4 * 1024 * 1024
    #: Most metric points a node run may report; past it the rest are dropped (and noted).
    max_metric_points: int = 10_000
    #: Largest upload accepted, bytes.
    max_upload_bytes: int = 10 * 1024**3
    #: Largest directory archive unpacked (bytes once unpacked, and entries).
    max_unpack_bytes: int = UnpackLimits.max_bytes
    max_unpack_entries: int = UnpackLimits.max_entries
    static_dir: Path | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "data_dir", self.data_dir.expanduser().resolve())
        if self.static_dir is not None:
            object.__setattr__(self, "static_dir", self.static_dir.expanduser().resolve())
        if self.artifacts and "://" not in self.artifacts:  # a directory, not a URL
            object.__setattr__(self, "artifacts", str(Path(self.artifacts).expanduser().resolve()))

    @property
    def unpack_limits(self) -> UnpackLimits:
        """The limits on unpacking one directory archive."""
        return UnpackLimits(max_bytes=self.max_unpack_bytes, max_entries=self.max_unpack_entries)

    @property
    def store_url(self) -> str:
        """The store URL with the default applied."""
        return self.store or f"sqlite:///{self.data_dir / 'plynx.db'}"

    @property
    def artifacts_url(self) -> str:
        """The artifact store URL with the default applied."""
        return self.artifacts or str(self.data_dir / "artifacts")

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{f.name}={'***' if f.name in _SECRETS else getattr(self, f.name)!r}"
            for f in fields(self)
        )
        return f"Settings({shown})"


_SECRETS = frozenset({"worker_token", "local_token", "oidc_client_secret"})
_ENV_PREFIX = "PLYNX_"


def _convert(name: str, value: Any) -> Any:
    kind = {f.name: f.type for f in fields(Settings)}[name]
    try:
        if kind in {"Path", "Path | None"}:
            return None if value in (None, "") and "None" in kind else Path(value).expanduser()
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "bool":
            if isinstance(value, bool):
                return value
            return str(value).strip().lower() in {"1", "true", "yes", "on"}
    except (TypeError, ValueError):
        raise InvalidInput(f"setting {name!r}: {value!r} is not a valid {kind}") from None
    return str(value)


def load_settings(
    config_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Read the TOML file (``[plynx]`` table or top level), then ``PLYNX_<NAME>`` variables,
    then ``overrides`` whose value is not ``None``."""
    names = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {}
    if config_file is not None:
        try:
            document = tomllib.loads(config_file.read_text())
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise InvalidInput(f"cannot read configuration {config_file}: {exc}") from None
        table = document.get("plynx", document)
        for key, value in table.items():
            if key not in names:
                raise InvalidInput(
                    f"{config_file}: unknown setting {key!r} (known: {', '.join(sorted(names))})"
                )
            values[key] = _convert(key, value)
    env = os.environ if environ is None else environ
    for name in names:
        if (raw := env.get(_ENV_PREFIX + name.upper())) is not None:
            values[name] = _convert(name, raw)
    for name, value in overrides.items():
        if name not in names:
            raise TypeError(f"unknown setting {name!r}")
        if value is not None:
            values[name] = _convert(name, value)
    return replace(Settings(), **values)

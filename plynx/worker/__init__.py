"""The worker daemon: connection, workspace (inputs/outputs), executors, log streaming.

``run_worker(WorkerConfig(...))`` is what ``plynx worker`` runs. Attributes are imported
lazily: the Python fork server's zygote lives in this package and must stay small.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from plynx.worker.config import WorkerConfig
    from plynx.worker.daemon import Worker, run_worker

__all__ = ["Worker", "WorkerConfig", "run_worker"]


def __getattr__(name: str) -> Any:
    if name == "WorkerConfig":
        from plynx.worker.config import WorkerConfig

        return WorkerConfig
    if name in ("Worker", "run_worker"):
        from plynx.worker import daemon

        return getattr(daemon, name)
    raise AttributeError(f"module 'plynx.worker' has no attribute {name!r}")

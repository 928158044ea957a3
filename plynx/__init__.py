"""PLynx: reproducible experiments and data-oriented workflows.

The SDK's names (``plynx.operation``, ``plynx.Graph``, ``plynx.connect``…, see
:mod:`plynx.sdk`) are imported on first use: the worker's fork-server zygote imports this
package and must stay small.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("plynx")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

if TYPE_CHECKING:
    from plynx.node_metrics import log_metric
    from plynx.sdk import (
        Artifact,
        Composite,
        Connection,
        Graph,
        GraphInvalid,
        Input,
        InputHandle,
        NodeHandle,
        OperationSpec,
        Output,
        OutputHandle,
        Reproduction,
        Run,
        RunFailed,
        RunInfo,
        Sweep,
        SweepFailed,
        alocal,
        bash,
        connect,
        file,
        local,
        op,
        operation,
        ref,
        runs,
    )

__all__ = [
    "Artifact",
    "Composite",
    "Connection",
    "Graph",
    "GraphInvalid",
    "Input",
    "InputHandle",
    "NodeHandle",
    "OperationSpec",
    "Output",
    "OutputHandle",
    "Reproduction",
    "Run",
    "RunFailed",
    "RunInfo",
    "Sweep",
    "SweepFailed",
    "__version__",
    "alocal",
    "bash",
    "connect",
    "file",
    "local",
    "log_metric",
    "op",
    "operation",
    "ref",
    "runs",
]


def __getattr__(name: str) -> Any:
    if name == "log_metric":  # called inside nodes: only the standard library behind it
        from plynx.node_metrics import log_metric

        return log_metric
    if name in __all__:
        from plynx import sdk

        return getattr(sdk, name)
    raise AttributeError(f"module 'plynx' has no attribute {name!r}")

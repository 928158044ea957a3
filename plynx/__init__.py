"""PLynx: reproducible experiments and data-oriented workflows."""

from importlib.metadata import PackageNotFoundError, version

from plynx.node_metrics import log_metric

try:
    __version__ = version("plynx")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = ["__version__", "log_metric"]

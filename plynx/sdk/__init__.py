"""The Python SDK: operations from functions, graphs in code, results back as Python objects.

::

    import plynx

    @plynx.operation(outputs={"report": "text"})
    def count(data: plynx.Input["csv"], report: plynx.Output) -> None:
        ...

    with plynx.Graph("count") as g:
        count(data=plynx.file("data.csv", type="csv"))
    run = g.run()
    run.wait()
    print(run.outputs["count"]["report"].read_text())

Everything here is re-exported from :mod:`plynx` (lazily: ``import plynx`` stays cheap). See
``docs/sdk.md`` for the reference.
"""

from plynx.errors import GraphInvalid
from plynx.node_metrics import log_metric
from plynx.sdk.composite import Composite
from plynx.sdk.connection import Connection, RunInfo, alocal, connect, local, runs
from plynx.sdk.graph import Graph, InputHandle, NodeHandle, OutputHandle, file, ref
from plynx.sdk.operations import OperationSpec, bash, op, operation
from plynx.sdk.ports import Input, Output
from plynx.sdk.reproduce import Reproduction
from plynx.sdk.run import Artifact, Run, RunFailed
from plynx.sdk.sweep import Sweep, SweepFailed

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

"""Pure data and validation: operations, graphs, runs, statuses, resources, the cache key.

Imports nothing of PLynx but :mod:`plynx.errors`, and does no I/O."""

from plynx.model.audit import AuditEvent, AuditFilter, AuditOutcome, outcome_of
from plynx.model.cache import cache_key, canonical_json
from plynx.model.graph import Edge, Graph, GraphSummary, Node, Position
from plynx.model.graphfile import FILE_KIND, FileRef, parse_edge, parse_graph_document
from plynx.model.metrics import METRICS_ENV, MetricPoint, MetricSeries, parse_metric_line
from plynx.model.operation import Input, Operation, OperationStatus, Output
from plynx.model.parameters import Parameter, ParameterType, coerce_value
from plynx.model.records import (
    ArtifactMeta,
    CacheEntry,
    Page,
    Role,
    Session,
    Token,
    TokenKind,
    User,
    WorkerRecord,
)
from plynx.model.refs import REF_KEY, parameter_values, ref_name, resolve_refs
from plynx.model.resources import ResourceType, connect_problem
from plynx.model.run import (
    ArtifactRef,
    NodeRun,
    NodeRunStatus,
    Run,
    RunStatus,
    check_node_transition,
    check_run_transition,
    snapshot_seq,
)
from plynx.model.validation import (
    GraphIssue,
    KindCheck,
    resolve_params,
    topological_order,
    validate_graph,
)

__all__ = [
    "FILE_KIND",
    "METRICS_ENV",
    "REF_KEY",
    "ArtifactMeta",
    "ArtifactRef",
    "AuditEvent",
    "AuditFilter",
    "AuditOutcome",
    "CacheEntry",
    "Edge",
    "FileRef",
    "Graph",
    "GraphIssue",
    "GraphSummary",
    "Input",
    "KindCheck",
    "MetricPoint",
    "MetricSeries",
    "Node",
    "NodeRun",
    "NodeRunStatus",
    "Operation",
    "OperationStatus",
    "Output",
    "Page",
    "Parameter",
    "ParameterType",
    "Position",
    "ResourceType",
    "Role",
    "Run",
    "RunStatus",
    "Session",
    "Token",
    "TokenKind",
    "User",
    "WorkerRecord",
    "cache_key",
    "canonical_json",
    "check_node_transition",
    "check_run_transition",
    "coerce_value",
    "connect_problem",
    "outcome_of",
    "parameter_values",
    "parse_edge",
    "parse_graph_document",
    "parse_metric_line",
    "ref_name",
    "resolve_params",
    "resolve_refs",
    "snapshot_seq",
    "topological_order",
    "validate_graph",
]

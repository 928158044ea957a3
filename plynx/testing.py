"""A pytest plugin for plugin authors: run a node kind for real in a few lines.

Installed with PLynx (entry point ``pytest11``), so a plugin's tests just use the fixture::

    def test_sql(plynx_harness, tmp_path):
        (tmp_path / "people.csv").write_text("name,age\\nada,36\\n")
        result = plynx_harness.run(
            "sql",
            inputs={"tables": [tmp_path / "people.csv"]},
            outputs={"result": "csv"},
            params={"query": "select name from people"},
        )
        assert result.ok, result.error
        assert result.text("result") == "name\\nada\\n"

Every :meth:`PlynxHarness.run` starts a real embedded server (SQLite, in a temporary data
directory) and a real worker process, uploads the input files, runs one node of the kind,
downloads its outputs and fetches its logs. A whole graph file runs with
:meth:`PlynxHarness.run_graph` (what ``plynx run FILE`` does).
"""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

__all__ = ["KindResult", "PlynxHarness", "plynx_harness"]

_TIMEOUT = 120.0


@dataclass
class KindResult:
    """What one node did: its final status, error, outputs (downloaded files) and logs."""

    status: str
    error: str | None
    outputs: dict[str, Path] = field(default_factory=dict)
    stdout: str = ""
    stderr: str = ""
    #: Every node's status, by node id (for :meth:`PlynxHarness.run_graph`).
    nodes: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Whether the node (or the whole graph) succeeded (a cache hit counts)."""
        return self.status in ("success", "cached")

    def text(self, output: str) -> str:
        """The content of ``output`` as text."""
        return self.outputs[output].read_text()


class PlynxHarness:
    """Runs kinds and graphs on a real embedded PLynx whose data lives under ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._count = itertools.count()

    def run(
        self,
        kind: str,
        *,
        inputs: Mapping[str, Path | Sequence[Path]] | None = None,
        input_types: Mapping[str, str] | None = None,
        outputs: Mapping[str, str] | None = None,
        params: Mapping[str, Any] | None = None,
        code: str = "",
        timeout: float = _TIMEOUT,
    ) -> KindResult:
        """Run one node of ``kind``: ``inputs`` maps an input to a file (or a list of files,
        making it an array input) of type ``input_types[name]`` (default ``file``),
        ``outputs`` maps each output to its type, ``params`` are the node's parameter values,
        ``code`` its operation's code."""
        from plynx.nodes import load_registry

        types = dict(input_types or {})
        declared = load_registry(only=[kind]).get(kind)
        if declared is None:
            raise LookupError(f"kind {kind!r} is not installed (is its plugin pip-installed?)")
        # the operation declares the kind's parameters, as the dashboard's editor does
        parameters = {
            p.name: p.model_dump(mode="json", exclude={"name"}) for p in declared.parameters
        }
        for name, value in (params or {}).items():
            parameters.setdefault(name, value)
        operation: dict[str, Any] = {
            "kind": kind,
            "inputs": {},
            "outputs": dict(outputs or {}),
            "parameters": parameters,
            "code": code,
        }
        nodes: dict[str, Any] = {"node": {"operation": "op", "params": dict(params or {})}}
        edges: list[str] = []
        for name, value in (inputs or {}).items():
            files = [value] if isinstance(value, Path) else list(value)
            rtype = types.get(name, "file")
            operation["inputs"][name] = (
                rtype if isinstance(value, Path) else {"type": rtype, "is_array": True}
            )
            for index, path in enumerate(files):
                node_id = f"in_{name}_{index}"
                nodes[node_id] = {"file": str(Path(path).resolve()), "type": rtype}
                edges.append(f"{node_id}.out -> node.{name}")
        document = {"operations": {"op": operation}, "nodes": nodes, "edges": edges}
        result = self._run_document(document, Path.cwd(), {}, timeout, node="node")
        return result

    def run_graph(
        self,
        path: Path,
        parameters: Mapping[str, Any] | None = None,
        timeout: float = _TIMEOUT,
    ) -> KindResult:
        """Run the graph file at ``path`` (files relative to it); the result's ``outputs`` are
        keyed ``node.output``, its logs are those of every node, joined."""
        from plynx.cli.files import read_graph_file
        from plynx.nodes import load_registry

        load_registry()  # the plugins' resource types must be known to read the file
        parsed = read_graph_file(path)
        return asyncio.run(
            asyncio.wait_for(
                self._run_graph(parsed.graph, parsed.files, path.parent, parameters, None),
                timeout,
            )
        )

    def _run_document(
        self,
        document: dict[str, Any],
        base: Path,
        parameters: Mapping[str, Any],
        timeout: float,
        node: str,
    ) -> KindResult:
        from plynx.model import parse_graph_document

        graph, files = parse_graph_document(document)
        return asyncio.run(
            asyncio.wait_for(self._run_graph(graph, files, base, parameters, node), timeout)
        )

    async def _run_graph(
        self,
        graph: Any,
        files: Any,
        base: Path,
        parameters: Mapping[str, Any] | None,
        node: str | None,
    ) -> KindResult:
        from plynx.cli.embedded import embedded_plynx, local_token
        from plynx.client import ApiError, PlynxClient
        from plynx.model import FILE_KIND
        from plynx.settings import Settings

        data_dir = self.root / f"plynx-{next(self._count)}"
        data_dir.mkdir(parents=True)
        settings = Settings(data_dir=data_dir)
        async with (
            embedded_plynx(settings, workers=1, slots=2) as url,
            PlynxClient(url, local_token(data_dir)) as client,
        ):
            await client.wait_workers(1)
            graph = await client.attach_files(graph, files, base)
            try:
                started = await client.submit(graph, parameters=dict(parameters or {}))
            except ApiError as exc:
                problems = "; ".join(str(p) for p in exc.problems)
                return KindResult(status="invalid", error=f"{exc.message}: {problems}")
            detail = await client.wait_run(started.run.id)
            out_dir = data_dir / "outputs"
            result = KindResult(
                status=str(detail.run.status),
                error=None,
                nodes={nr.node_id: str(nr.status) for nr in detail.node_runs},
            )
            errors, stdout, stderr = [], [], []
            for nr in detail.node_runs:
                if nr.kind == FILE_KIND or (node is not None and nr.node_id != node):
                    continue
                if node is not None:
                    result.status = str(nr.status)
                if nr.error:
                    errors.append(nr.error if node else f"{nr.node_id}: {nr.error}")
                stdout.append(await client.node_log(nr.id, "stdout"))
                stderr.append(await client.node_log(nr.id, "stderr"))
                for output, refs in nr.outputs.items():
                    for ref in refs[:1]:
                        key = output if node else f"{nr.node_id}.{output}"
                        target = out_dir / nr.node_id.replace("/", "__") / output
                        target.parent.mkdir(parents=True, exist_ok=True)
                        await client.download_to(ref.sha256, target)
                        result.outputs[key] = target
            result.error = "\n".join(errors) or None
            result.stdout = "".join(stdout)
            result.stderr = "".join(stderr)
            return result


@pytest.fixture
def plynx_harness(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlynxHarness]:
    """A :class:`PlynxHarness` with its own temporary data directories."""
    yield PlynxHarness(tmp_path_factory.mktemp("plynx"))

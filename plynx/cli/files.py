"""Graph files on disk: finding them (a path or ``example:NAME``), reading YAML or JSON, and
reading ``-p`` overrides: ``-p node.param=value`` sets a node's parameter, ``-p name=value`` a
graph parameter."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from plynx.errors import InvalidInput
from plynx.model import FileRef, Graph, parse_graph_document
from plynx.model.sweep import assign_values

__all__ = [
    "EXAMPLE_PREFIX",
    "Example",
    "GraphFile",
    "Overrides",
    "apply_overrides",
    "examples_dir",
    "list_examples",
    "read_graph_file",
    "resolve_graph_path",
    "scalar",
]

EXAMPLE_PREFIX = "example:"
_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True)
class Example:
    """A graph file shipped with PLynx."""

    name: str
    path: Path
    title: str
    description: str


@dataclass(frozen=True)
class GraphFile:
    """A parsed graph file: the graph, the local files it wants uploaded, and the directory
    their paths are relative to."""

    path: Path
    graph: Graph
    files: list[FileRef]

    @property
    def base_dir(self) -> Path:
        """The directory the graph file's relative paths start from."""
        return self.path.parent


def examples_dir() -> Path:
    """The directory of the shipped examples."""
    return Path(str(resources.files("plynx").joinpath("examples")))


def list_examples() -> list[Example]:
    """The shipped examples, by name."""
    found = []
    for path in sorted(examples_dir().iterdir()):
        if path.suffix not in _SUFFIXES or not path.is_file():
            continue
        try:
            data = _load(path)
        except InvalidInput:
            continue
        found.append(
            Example(
                name=path.stem,
                path=path,
                title=str(data.get("title", "")),
                description=" ".join(str(data.get("description", "")).split()),
            )
        )
    return found


def resolve_graph_path(spec: str) -> Path:
    """The path of a graph file given as a path or as ``example:NAME``."""
    if spec.startswith(EXAMPLE_PREFIX):
        name = spec.removeprefix(EXAMPLE_PREFIX)
        for example in list_examples():
            if example.name == name:
                return example.path
        names = ", ".join(e.name for e in list_examples())
        raise InvalidInput(f"there is no example {name!r} (examples: {names})")
    path = Path(spec).expanduser()
    if not path.is_file():
        raise InvalidInput(f"{spec}: no such file")
    return path


def _load(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"cannot read {path}: {exc}") from None
    try:
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise InvalidInput(
            f"{path} is not valid {path.suffix.lstrip('.').upper()}: {exc}"
        ) from None
    if not isinstance(data, dict):
        raise InvalidInput(f"{path}: a graph file is a mapping with 'nodes' (and 'edges')")
    return data


def read_graph_file(path: Path) -> GraphFile:
    """Read and parse a graph file; :class:`InvalidInput` lists every structural problem."""
    graph, files = parse_graph_document(_load(path))
    if not graph.title:
        graph = graph.model_copy(update={"title": path.stem})
    return GraphFile(path=path.resolve(), graph=graph, files=files)


@dataclass(frozen=True)
class Overrides:
    """What ``-p`` options asked for: the graph with node parameters set, and values of graph
    parameters (sent with the run, which checks their types)."""

    graph: Graph
    parameters: dict[str, Any]


def scalar(raw: str) -> Any:
    """A ``-p`` value read as a YAML scalar: ``3`` is a number, ``true`` a boolean, ``[1, 2]``
    a list; anything YAML cannot read is the string itself."""
    try:
        return yaml.safe_load(raw) if raw.strip() else ""
    except yaml.YAMLError:
        return raw


def apply_overrides(graph: Graph, overrides: list[str]) -> Overrides:
    """Read ``-p`` options: ``node.param=value`` sets a node's parameter in a copy of ``graph``,
    ``name=value`` (no dot) a graph parameter. Every bad override is reported at once."""
    if not overrides:
        return Overrides(graph, {})
    values: dict[str, Any] = {}
    problems = []
    for item in overrides:
        target, sep, raw = item.partition("=")
        if not sep:
            problems.append(f"{item!r}: write it as name=value or node.param=value")
            continue
        values[target.strip()] = scalar(raw)  # a repeated target: the last one wins
    graph, parameters, wrong = assign_values(graph, values)
    problems += wrong
    if problems:
        raise InvalidInput("bad -p/--param values", problems)
    return Overrides(graph, parameters)

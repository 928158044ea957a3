"""``plynx plugin new NAME``: write a ready plugin distribution (kind, optional resource
type, example graph, tests, README) that installs with ``pip install -e`` and passes its tests.
"""

from __future__ import annotations

import keyword
import re
from pathlib import Path
from string import Template

import click

from plynx.cli.common import fail
from plynx.cli.plugin_template import KIND_FILES, RESOURCE_FILES
from plynx.nodes.compat import API_VERSION

__all__ = ["plugin_group", "write_plugin"]

_DIST_RE = re.compile(r"^[A-Za-z][A-Za-z0-9._-]{0,63}$")
_IDENT_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")


def _identifier(text: str, what: str) -> str:
    name = re.sub(r"[^A-Za-z0-9_]", "_", text).lower()
    if not _IDENT_RE.match(name) or keyword.iskeyword(name):
        raise click.BadParameter(f"{text!r} does not make a usable {what} name")
    return name


def _class_name(name: str, suffix: str) -> str:
    return "".join(part.title() for part in name.split("_") if part) + suffix


def write_plugin(target: Path, dist: str, kind: str, rtype: str | None) -> list[Path]:
    """Write the plugin files under ``target`` (which must not exist); return them."""
    # not the directory's own name: a 'demo/' next to where the tests run (the worker's current
    # directory is on its path) would shadow a package 'demo'
    package = _identifier(dist if dist.startswith("plynx") else f"plynx_{dist}", "package")
    major = API_VERSION.split(".")[0]
    values = {
        "dist": dist,
        "package": package,
        "kind": kind,
        "kind_class": _class_name(kind, "Node"),
        "kind_title": kind.replace("_", " ").capitalize(),
        "rtype": rtype or "",
        "rtype_class": _class_name(rtype or "x", "Type"),
        "api": f">={API_VERSION},<{int(major) + 1}",
        "resource_entry_points": (
            f'\n[project.entry-points."plynx.resources"]\n'
            f'{rtype} = "{package}.resource:{_class_name(rtype, "Type")}"\n'
            if rtype
            else ""
        ),
        "rtype_readme": f" and the `{rtype}` resource type" if rtype else "",
    }
    files = dict(KIND_FILES)
    if rtype:
        files.update(RESOURCE_FILES)
    written = []
    for relative, template in files.items():
        path = target / Template(relative).substitute(values)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(Template(template).substitute(values))
        written.append(path)
    return written


@click.group("plugin")
def plugin_group() -> None:
    """Write plugins: new node kinds and resource types."""


@plugin_group.command("new")
@click.argument("name")
@click.option("--kind", "kind_name", help="Name of the node kind [default: from NAME].")
@click.option("--resource-type", "rtype", help="Also write a resource type of this name.")
@click.option(
    "--dir",
    "parent",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("."),
    show_default=True,
    help="Write the plugin in DIR/NAME.",
)
def new_command(name: str, kind_name: str | None, rtype: str | None, parent: Path) -> None:
    """Write a plugin distribution NAME: pyproject with the entry points, a kind, tests that
    run it for real, an example graph and a README. Then: pip install -e NAME; pytest NAME."""
    if not _DIST_RE.match(name):
        fail(f"{name!r} is not a distribution name (letters, digits, '-', '_', '.')")
    kind = _identifier(kind_name or name, "kind")
    resource = _identifier(rtype, "resource type") if rtype else None
    target = parent / name
    if target.exists():
        fail(f"{target} already exists; choose another NAME or remove it")
    written = write_plugin(target, name, kind, resource)
    click.echo(f"wrote {len(written)} files in {target}/ (kind {kind!r})")
    click.echo(f"next: pip install -e {target} && pytest {target}")

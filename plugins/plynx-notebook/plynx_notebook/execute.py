"""``python -m plynx_notebook.execute SOURCE TARGET``: execute a notebook with a real Jupyter
kernel (nbclient + ipykernel) in the current directory and write the executed notebook to
TARGET, even when a cell fails (exit code 1, the error on stderr). Stream outputs are copied to
stdout and stderr, so they reach the node's log."""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError


def _echo(notebook: nbformat.NotebookNode) -> None:
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                stream = sys.stderr if output.get("name") == "stderr" else sys.stdout
                stream.write(output.get("text", ""))


def main(argv: list[str]) -> int:
    """Execute ``argv[0]`` into ``argv[1]``; the exit code says whether every cell ran."""
    source, target = Path(argv[0]), Path(argv[1])
    notebook = nbformat.read(source, as_version=4)  # type: ignore[no-untyped-call]
    client = NotebookClient(
        notebook,
        timeout=None,  # the worker enforces the node's timeout on the whole process group
        kernel_name="python3",
        resources={"metadata": {"path": str(Path.cwd())}},
    )
    code = 0
    try:
        client.execute()
    except CellExecutionError as exc:
        sys.stderr.write(f"a cell failed:\n{exc}\n")
        code = 1
    finally:
        nbformat.write(notebook, target)  # type: ignore[no-untyped-call]
        _echo(notebook)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

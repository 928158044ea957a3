"""The CSV statistics pipeline (``example:data_pipeline``) written with the Python SDK, cell
by cell as in a notebook. Run it with ``python -m plynx.examples.sdk_pipeline`` or paste the
cells into Jupyter; it runs PLynx embedded here (data in ``~/.plynx``, or
``PLYNX_DATA_DIR``)."""

# %% operations: plain functions; the arguments say what is an input, an output, a parameter
import csv
import json
import statistics
from pathlib import Path
from typing import Literal

import plynx

DATA = Path(__file__).parent / "data" / "measurements.csv"


@plynx.operation(outputs={"train": "csv", "test": "csv"})
def split_csv(
    table: plynx.Input[Literal["csv"]],
    train: plynx.Output,
    test: plynx.Output,
    test_fraction: float = 0.2,
    seed: int = 1,
) -> None:
    """Shuffle a CSV's rows and split them into a train and a test part."""
    import random

    with open(table, newline="") as f:
        header, *body = list(csv.reader(f))
    random.Random(seed).shuffle(body)
    cut = int(len(body) * test_fraction)
    for path, part in ((test, body[:cut]), (train, body[cut:])):
        with open(path, "w", newline="") as f:
            csv.writer(f).writerows([header, *part])


@plynx.operation()
def stats(
    train: plynx.Input[Literal["csv"]],
    test: plynx.Input[Literal["csv"]],
    report: plynx.Output[Literal["json"]],
    group_by: str = "species",
) -> None:
    """Mean of every numeric column per group, for both parts."""

    def describe(path: str) -> dict[str, dict[str, float]]:
        with open(path, newline="") as f:
            rows = list(csv.DictReader(f))
        numeric = [c for c in rows[0] if c not in (group_by, "id")]
        groups: dict[str, list[dict[str, str]]] = {}
        for row in rows:
            groups.setdefault(row[group_by], []).append(row)
        return {
            name: {c: round(statistics.fmean(float(r[c]) for r in members), 3) for c in numeric}
            for name, members in sorted(groups.items())
        }

    with open(report, "w") as f:
        json.dump({"train": describe(train), "test": describe(test)}, f, indent=2)


# %% the graph: calls add nodes, passing outputs draws edges (mistakes raise right here)
with plynx.Graph("CSV statistics (SDK)", parameters={"fraction": 0.25}) as graph:
    parts = split_csv(table=plynx.file(DATA, type="csv"), test_fraction=plynx.ref("fraction"))
    stats(train=parts.train, test=parts.test)

# %% run it (PLynx embedded here, like `plynx run`) and read the results as Python objects
if __name__ == "__main__":
    run = graph.run()
    run.wait()
    report = json.loads(run.outputs["stats"]["report"].read_text())
    print(json.dumps(report["test"], indent=2))

"""The python kind: function binding, script mode, errors, exit codes."""

from __future__ import annotations

import random
import time
from pathlib import Path

from plynx.model import Operation
from plynx.nodes.python import PythonNode, find_entry_function

from .conftest import RunNode

node = PythonNode()

SPLIT = """\
import random
import time

def split(inputs, output_a, output_b, sample_rate, seed):
    rnd = random.Random(seed)
    with open(output_a, "w") as a, open(output_b, "w") as b:
        for path in inputs:
            for line in open(path):
                (a if rnd.random() < sample_rate else b).write(line)
"""


async def test_split_function_is_called_with_arguments_bound_by_name(
    run_node: RunNode, safe_tmp: Path
) -> None:
    files = []
    for i in range(2):
        files.append(safe_tmp / f"in{i}.txt")
        files[-1].write_text("".join(f"{i}-{n}\n" for n in range(100)))
    outcome = await run_node(
        node,
        SPLIT,
        inputs={"inputs": files},
        arrays=["inputs"],
        outputs={"output_a": "text", "output_b": "text"},
        params={"sample_rate": 0.3, "seed": 7},
    )
    assert outcome.exit_code == 0, outcome.logs
    a = outcome.outputs["output_a"].read_text().splitlines()
    b = outcome.outputs["output_b"].read_text().splitlines()
    # the same seeded sample as running the function here
    rnd = random.Random(7)
    expected_a = [f"{i}-{n}" for i in range(2) for n in range(100) if rnd.random() < 0.3]
    assert a == expected_a
    assert sorted(a + b) == sorted(f"{i}-{n}" for i in range(2) for n in range(100))
    assert 20 < len(a) < 100


async def test_script_mode_sees_inputs_outputs_and_params(
    run_node: RunNode, safe_tmp: Path
) -> None:
    src = safe_tmp / "data.txt"
    src.write_text("abc")
    code = (
        "import os\n"
        "text = open(inputs['data']).read()\n"
        "open(outputs['out'], 'w').write(text * params['times'])\n"
        "print(sorted(inputs), inputs['optional'], inputs['many'], os.getcwd())\n"
    )
    outcome = await run_node(
        node,
        code,
        inputs={"data": [src], "optional": [], "many": []},
        arrays=["many"],
        outputs={"out": "file"},
        params={"times": 3},
    )
    assert outcome.exit_code == 0, outcome.logs
    assert outcome.outputs["out"].read_text() == "abcabcabc"
    assert outcome.log() == f"['data', 'many', 'optional'] None [] {outcome.ctx.workdir}\n"


async def test_exception_prints_the_traceback_and_exits_1(run_node: RunNode) -> None:
    code = "def main(params):\n    raise ValueError('bad value ' + str(params['x']))\n"
    outcome = await run_node(node, code, params={"x": 42})
    assert outcome.exit_code == 1
    err = outcome.log("stderr")
    assert "Traceback (most recent call last)" in err
    assert "line 2, in main" in err and "raise ValueError('bad value ' + str(params['x']))" in err
    assert err.rstrip().endswith("ValueError: bad value 42")


async def test_sys_exit_code_and_stdout(run_node: RunNode) -> None:
    outcome = await run_node(node, "import sys\nprint('hello')\nsys.exit(3)\n")
    assert outcome.exit_code == 3 and outcome.log() == "hello\n"
    outcome = await run_node(node, "raise SystemExit('giving up')\n")
    assert outcome.exit_code == 1 and outcome.log("stderr") == "giving up\n"


async def test_syntax_error_is_reported_in_the_log(run_node: RunNode) -> None:
    outcome = await run_node(node, "x = (\n")
    assert outcome.exit_code == 1
    assert "SyntaxError" in outcome.log("stderr")


async def test_function_called_by_the_code_itself_runs_once(
    run_node: RunNode, safe_tmp: Path
) -> None:
    code = (
        "def main(out):\n"
        "    open(out, 'a').write('x')\n"
        "\n"
        "if __name__ == '__main__':\n"
        "    main(outputs['out'])\n"
    )
    outcome = await run_node(node, code, outputs={"out": "file"})
    assert outcome.exit_code == 0, outcome.logs
    assert outcome.outputs["out"].read_text() == "x"


def test_entry_function_selection() -> None:
    names = {"inputs", "outputs", "params", "a", "seed"}
    assert find_entry_function("def f(a, seed): pass", names) == ("f", ["a", "seed"])
    assert find_entry_function("def f(a, other=1): pass", names) == ("f", ["a"])
    assert find_entry_function("def f(a, other): pass", names) is None
    assert find_entry_function("def _f(a): pass", names) is None
    assert find_entry_function("def f(): pass", names) is None
    assert find_entry_function("def helper(a): pass\ndef main(params): pass", names) == (
        "main",
        ["params"],
    )
    assert find_entry_function("def f(a): pass\nf(1)", names) is None
    assert find_entry_function("x = (", names) is None
    assert find_entry_function("1+" * 300_000 + "1", names) is None  # the child reports it


def test_check_reports_the_line_and_column() -> None:
    problems = PythonNode.check(Operation(kind="python", code="x = 1\ny = (2 +\n"))
    assert len(problems) == 1 and problems[0].startswith("the code does not compile: line 2")
    assert PythonNode.check(Operation(kind="python", code="print(1)\n")) == []


async def test_timeout_kills_the_python_process(run_node: RunNode) -> None:
    code = "import time\nprint('started')\ntime.sleep(30)\n"
    started = time.monotonic()
    outcome = await run_node(node, code, time_limit=0.5)
    assert outcome.exit_code == -15 and outcome.ctx.timed_out
    assert outcome.log() == "started\n", "output printed before the kill is kept"
    assert time.monotonic() - started < 3

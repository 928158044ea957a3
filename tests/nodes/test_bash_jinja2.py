"""The bash_jinja2 kind: rendering, strictness, shell semantics, working directory."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from plynx.model import Operation
from plynx.nodes.bash_jinja2 import (
    BashJinja2Node,
    TemplateProblem,
    _template_problem,
    render_script,
)

from .conftest import RunNode

node = BashJinja2Node()


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


async def test_inputs_outputs_and_params_render_as_paths_and_values(
    run_node: RunNode, safe_tmp: Path
) -> None:
    one = write(safe_tmp / "one.txt", "first\n")
    parts = [write(safe_tmp / f"p{i}.txt", f"part{i}\n") for i in range(3)]
    code = (
        "cat {{ inputs.one }} {{ inputs.parts }} > {{ outputs.out }}\n"
        "for f in {% for p in inputs['parts'] %}{{ p }} {% endfor %}; do echo \"$f\"; done\n"
        "echo {{ params['n'] }} {{ param.n }} {{ params.word }} >> {{ output['out'] }}\n"
        "echo \"joined: {{ input.parts | join(',') }}\"\n"
    )
    outcome = await run_node(
        node,
        code,
        inputs={"one": [one], "parts": parts},
        arrays=["parts"],
        outputs={"out": "file"},
        params={"n": 3, "word": "hello"},
    )
    assert outcome.exit_code == 0, outcome.logs
    assert outcome.outputs["out"].read_text() == "first\npart0\npart1\npart2\n3 3 hello\n"
    assert outcome.log().splitlines()[:3] == [str(p) for p in parts]
    assert f"joined: {','.join(map(str, parts))}" in outcome.log()


async def test_unconnected_optional_inputs_are_empty(run_node: RunNode) -> None:
    code = 'echo "[{{ inputs.single }}]" "[{{ inputs.many }}]" "{{ inputs.many | length }}"'
    outcome = await run_node(node, code, inputs={"single": [], "many": []}, arrays=["many"])
    assert outcome.exit_code == 0
    assert outcome.log() == "[] [] 0\n"


async def test_an_entry_wins_over_dict_methods(run_node: RunNode) -> None:
    outcome = await run_node(node, "echo x > {{ outputs.items }}", outputs={"items": "file"})
    assert outcome.exit_code == 0
    assert outcome.outputs["items"].read_text() == "x\n"


def test_undefined_names_fail_with_the_name_and_line() -> None:
    with pytest.raises(TemplateProblem) as info:
        render_script(
            "echo ok\necho {{ inputs.nope }}\n", inputs={"a": "/x"}, outputs={}, params={}
        )
    assert "line 2" in info.value.message
    assert "inputs has no 'nope'" in info.value.message and "inputs: a" in info.value.message

    with pytest.raises(TemplateProblem) as info:
        render_script("\n\n{{ paramz['x'] }}", inputs={}, outputs={}, params={})
    assert "line 3" in info.value.message and "'paramz' is undefined" in info.value.message

    with pytest.raises(TemplateProblem) as info:
        render_script("{{ params['missing'] }}", inputs={}, outputs={}, params={"seed": 1})
    assert "params has no 'missing'" in info.value.message


async def test_render_error_does_not_run_anything(run_node: RunNode, safe_tmp: Path) -> None:
    marker = safe_tmp / "ran"
    with pytest.raises(TemplateProblem):
        await run_node(node, f"touch {marker}\necho {{{{ outputs.missing }}}}")
    assert not marker.exists()


def test_check_reports_template_syntax_errors_with_the_line() -> None:
    bad = Operation(kind="bash_jinja2", code="echo ok\necho {{ x }\necho fine\n")
    (problem,) = BashJinja2Node.check(bad)
    assert problem.startswith("the script's template does not parse: line 2: ")
    unclosed = Operation(kind="bash_jinja2", code="{% for x in y %}\necho {{ x }}\n")
    (problem,) = BashJinja2Node.check(unclosed)
    assert "'endfor'" in problem
    assert BashJinja2Node.check(Operation(kind="bash_jinja2", code="echo {{ x }}")) == []


async def test_errexit_and_pipefail(run_node: RunNode) -> None:
    outcome = await run_node(node, "false\necho after > {{ outputs.out }}", outputs={"out": "file"})
    assert outcome.exit_code == 1
    assert outcome.outputs["out"].read_text() == ""
    outcome = await run_node(node, "false | true\necho after")
    assert outcome.exit_code == 1 and outcome.log() == ""
    outcome = await run_node(node, "echo oops >&2\nexit 7")
    assert outcome.exit_code == 7 and outcome.log("stderr") == "oops\n"


async def test_cwd_is_empty_and_can_be_copied_to_a_directory_output(run_node: RunNode) -> None:
    code = (
        'test -z "$(ls -A)"\n'
        "mkdir sub && echo a > sub/a.txt && echo b > b.txt\n"
        "cp -r . {{ outputs.dir }}\n"
        "pwd\n"
    )
    outcome = await run_node(node, code, outputs={"dir": "directory"})
    assert outcome.exit_code == 0, outcome.logs
    out = outcome.outputs["dir"]
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "b.txt",
        "sub",
        "sub/a.txt",
    ]
    assert outcome.log().strip() == str(outcome.ctx.workdir)


def git(cwd: Path, *args: str) -> str:
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
        "HOME": str(cwd),
        "PATH": "/usr/bin:/bin",
    }
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout.strip()


async def test_git_checkout_directory_script_of_plynx_1(run_node: RunNode, safe_tmp: Path) -> None:
    repo = safe_tmp / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "README").write_text("version one\n")
    git(repo, "add", "README")
    git(repo, "commit", "-q", "-m", "one")
    first = git(repo, "rev-parse", "HEAD")
    (repo / "README").write_text("version two\n")
    (repo / "NEW").write_text("new\n")
    git(repo, "add", "README", "NEW")
    git(repo, "commit", "-q", "-m", "two")

    code = (
        "# clone repo\n"
        "export DIRECTORY=directory\n"
        "git clone -q {{ params['repo'] }} $DIRECTORY\n"
        "cd $DIRECTORY\n"
        "git reset --hard {{ params['commit'] }}\n"
        "cp -r . {{ outputs.dir }}\n"
    )
    outcome = await run_node(
        node, code, outputs={"dir": "directory"}, params={"repo": str(repo), "commit": first}
    )
    assert outcome.exit_code == 0, outcome.logs
    out = outcome.outputs["dir"]
    assert (out / "README").read_text() == "version one\n"
    assert not (out / "NEW").exists()
    assert (out / ".git").is_dir()
    assert f"HEAD is now at {first[:7]}" in outcome.log()


def test_a_script_shared_by_many_nodes_is_parsed_once() -> None:
    code = "echo {{ params.unique_to_this_test }}"
    before = _template_problem.cache_info().misses
    op = Operation(kind="bash_jinja2", code=code)
    assert all(BashJinja2Node.check(op) == [] for _ in range(5))
    assert _template_problem.cache_info().misses == before + 1
    bad = Operation(kind="bash_jinja2", code="{% if %}")
    assert BashJinja2Node.check(bad) == BashJinja2Node.check(bad)
    assert "does not parse" in BashJinja2Node.check(bad)[0]

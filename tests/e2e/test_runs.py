"""Runs through the real server and real worker processes."""

from __future__ import annotations

import asyncio
import signal
import time
from pathlib import Path

import pytest

from .conftest import Cluster, bash, pid_alive

pytestmark = pytest.mark.slow


def diamond(tag: str) -> dict[str, object]:
    return {
        "operations": {
            "step": bash(
                "cat {{ inputs['in'] | join(' ') }} /dev/null > {{ outputs.out }}\n"
                "echo '{{ params.name }}' >> {{ outputs.out }}",
                parameters={"name": tag},
            )
        },
        "nodes": {n: {"operation": "step", "params": {"name": f"{tag}-{n}"}} for n in "abcd"},
        "edges": ["a.out -> b.in", "a.out -> c.in", "b.out -> d.in", "c.out -> d.in"],
    }


async def read_output(cluster: Cluster, node: dict[str, object]) -> str:
    outputs = node["outputs"]
    assert isinstance(outputs, dict)
    status, text = await cluster.request("GET", f"/api/v1/artifacts/{outputs['out'][0]['sha256']}")
    assert status == 200
    return str(text)


async def test_diamond_then_fully_cached_then_partial_rerun(cluster: Cluster) -> None:
    cluster.start_worker()
    await cluster.wait_workers(1)
    first = await cluster.wait_run(await cluster.submit(diamond("x")))
    assert first["run"]["status"] == "success"
    d = next(n for n in first["node_runs"] if n["node_id"] == "d")
    assert (await read_output(cluster, d)).split() == ["x-a", "x-b", "x-a", "x-c", "x-d"]

    second = await cluster.wait_run(await cluster.submit(diamond("x")))
    assert {n["status"] for n in second["node_runs"]} == {"cached"}
    assert {n["cached_from_run"] for n in second["node_runs"]} == {first["run"]["id"]}

    changed = diamond("x")
    changed["nodes"]["b"]["params"]["name"] = "changed"  # type: ignore[index]
    third = await cluster.wait_run(await cluster.submit(changed))
    statuses = {n["node_id"]: n["status"] for n in third["node_runs"]}
    assert statuses == {"a": "cached", "b": "success", "c": "cached", "d": "success"}


async def test_failure_skips_downstream_while_other_branch_succeeds(cluster: Cluster) -> None:
    cluster.start_worker()
    doc = {
        "operations": {
            "ok": bash("echo fine > {{ outputs.out }}"),
            "bad": bash("echo 'about to fail' >&2\nexit 7"),
        },
        "nodes": {
            "bad": {"operation": "bad"},
            "after": {"operation": "ok"},
            "other": {"operation": "ok"},
        },
        "edges": ["bad.out -> after.in"],
    }
    detail = await cluster.wait_run(await cluster.submit(doc))
    assert detail["run"]["status"] == "failed"
    nodes = {n["node_id"]: n for n in detail["node_runs"]}
    assert nodes["bad"]["status"] == "failed" and nodes["bad"]["exit_code"] == 7
    assert nodes["after"]["status"] == "skipped"
    assert nodes["other"]["status"] == "success"
    status, log = await cluster.request(
        "GET", f"/api/v1/runs/{detail['run']['id']}/nodes/bad/log?stream=stderr"
    )
    assert status == 200 and "about to fail" in log


async def test_cancel_kills_the_running_process(cluster: Cluster, tmp_path: Path) -> None:
    cluster.start_worker()
    pidfile = tmp_path / "pid"
    doc = {
        "operations": {"long": bash(f"echo $$ > {pidfile}\nsleep 600\n")},
        "nodes": {"long": {"operation": "long"}},
    }
    run_id = await cluster.submit(doc)
    await cluster.wait_node(run_id, "long", "running")
    async with asyncio.timeout(10):
        while not pidfile.exists() or not pidfile.read_text().strip():
            await asyncio.sleep(0.05)
    pid = int(pidfile.read_text())
    status, _ = await cluster.request("POST", f"/api/v1/runs/{run_id}/cancel")
    assert status == 200
    detail = await cluster.wait_run(run_id)
    assert detail["run"]["status"] == "canceled"
    async with asyncio.timeout(10):
        while pid_alive(pid):
            await asyncio.sleep(0.05)


async def test_timeout_fails_the_node(cluster: Cluster) -> None:
    cluster.start_worker()
    doc = {
        "operations": {"slow": bash("sleep 30", timeout=1)},
        "nodes": {"slow": {"operation": "slow"}},
    }
    started = time.monotonic()
    detail = await cluster.wait_run(await cluster.submit(doc))
    assert time.monotonic() - started < 15
    node = detail["node_runs"][0]
    assert node["status"] == "failed" and "timed out" in (node["error"] or "")


async def test_retry_succeeds_on_the_second_attempt(cluster: Cluster, tmp_path: Path) -> None:
    cluster.start_worker()
    marker = tmp_path / "tried"
    code = f"if [ ! -e {marker} ]; then touch {marker}; exit 1; fi\necho ok > {{{{ outputs.out }}}}"
    doc = {"operations": {"flaky": bash(code, retries=2)}, "nodes": {"f": {"operation": "flaky"}}}
    detail = await cluster.wait_run(await cluster.submit(doc))
    node = detail["node_runs"][0]
    assert detail["run"]["status"] == "success" and node["attempt"] == 2


async def test_worker_killed_mid_node_is_replaced(cluster: Cluster, tmp_path: Path) -> None:
    first = cluster.start_worker(slots=1)
    await cluster.wait_workers(1)
    doc = {
        "operations": {"long": bash("sleep 2\necho done > {{ outputs.out }}")},
        "nodes": {"n": {"operation": "long"}},
    }
    run_id = await cluster.submit(doc)
    await cluster.wait_node(run_id, "n", "running")
    first.send_signal(signal.SIGKILL)
    cluster.start_worker(slots=1)
    detail = await cluster.wait_run(run_id, timeout=60)
    node = detail["node_runs"][0]
    assert detail["run"]["status"] == "success"
    assert node["attempt"] == 2


async def test_server_restart_mid_run_completes(cluster: Cluster) -> None:
    cluster.start_worker()
    await cluster.wait_workers(1)
    doc = {
        "operations": {"step": bash("sleep 1\necho x > {{ outputs.out }}")},
        "nodes": {"a": {"operation": "step"}, "b": {"operation": "step"}},
        "edges": ["a.out -> b.in"],
    }
    run_id = await cluster.submit(doc)
    await cluster.wait_node(run_id, "a", "running")
    await cluster.stop_server()
    await asyncio.sleep(0.5)
    await cluster.start_server()
    detail = await cluster.wait_run(run_id, timeout=60)
    assert detail["run"]["status"] == "success"
    nodes = {n["node_id"]: n for n in detail["node_runs"]}
    assert nodes["a"]["attempt"] == 1, "the running node was re-attached, not re-run"


async def test_invalid_graph_gets_400_with_every_problem(cluster: Cluster) -> None:
    from plynx.model import parse_graph_document

    graph, _ = parse_graph_document(
        {
            "operations": {
                "gen": {"kind": "bash_jinja2", "outputs": {"out": "csv"}},
                "use": {
                    "kind": "bash_jinja2",
                    "inputs": {"data": "json"},
                    "outputs": {"o": "json"},
                },
            },
            "nodes": {
                "g": {"operation": "gen", "params": {"bogus": 1}},
                "u": {"operation": "use"},
                "v": {"operation": "use"},
                "k": {"operation": {"kind": "nope"}},
            },
            "edges": ["g.out -> u.data", "u.o -> v.data", "v.o -> u.data"],
        }
    )
    status, body = await cluster.request(
        "POST", "/api/v1/runs", json={"graph": graph.model_dump(mode="json")}
    )
    assert status == 400
    codes = {p["code"] for p in body["error"]["problems"]}
    assert {"unknown_parameter", "type_mismatch", "unknown_kind", "cycle"} <= codes


async def test_python_function_binding_splits_lines(cluster: Cluster) -> None:
    cluster.start_worker()
    doc = {
        "operations": {
            "lines": bash("seq 1 100 > {{ outputs.out }}"),
            "split": {
                "kind": "python",
                "inputs": {"inputs": {"type": "text", "is_array": True}},
                "outputs": {"output_a": "text", "output_b": "text"},
                "parameters": {"sample_rate": 0.3, "seed": 7},
                "code": (
                    "import random\n"
                    "def split(inputs, output_a, output_b, sample_rate, seed):\n"
                    "    rnd = random.Random(seed)\n"
                    "    with open(output_a, 'w') as a, open(output_b, 'w') as b:\n"
                    "        for path in inputs:\n"
                    "            for line in open(path):\n"
                    "                (a if rnd.random() < sample_rate else b).write(line)\n"
                ),
            },
        },
        "nodes": {"l1": {"operation": "lines"}, "s": {"operation": "split"}},
        "edges": ["l1.out -> s.inputs"],
    }
    detail = await cluster.wait_run(await cluster.submit(doc))
    assert detail["run"]["status"] == "success", detail
    s = next(n for n in detail["node_runs"] if n["node_id"] == "s")
    sizes = []
    for name in ("output_a", "output_b"):
        status, text = await cluster.request(
            "GET", f"/api/v1/artifacts/{s['outputs'][name][0]['sha256']}"
        )
        assert status == 200
        sizes.append(len(text.split()))
    assert sum(sizes) == 100 and 10 < sizes[0] < 50


async def test_an_inline_value_feeds_its_input_and_is_part_of_the_cache_key(
    cluster: Cluster,
) -> None:
    cluster.start_worker()
    await cluster.wait_workers(1)

    def greeting(text: str) -> dict[str, object]:
        shout = bash(
            "tr a-z A-Z < {{ inputs.greeting }} > {{ outputs.out }}",
            inputs={"greeting": "text"},
        )
        return {
            "operations": {"shout": shout},
            "nodes": {"s": {"operation": "shout", "values": {"greeting": text}}},
        }

    first = await cluster.wait_run(await cluster.submit(greeting("hello, plynx\n")))
    assert first["run"]["status"] == "success"
    node = first["node_runs"][0]
    assert await read_output(cluster, node) == "HELLO, PLYNX\n"
    assert first["run"]["graph"]["nodes"][0]["values"] == {"greeting": "hello, plynx\n"}

    again = await cluster.wait_run(await cluster.submit(greeting("hello, plynx\n")))
    assert again["node_runs"][0]["status"] == "cached"
    changed = await cluster.wait_run(await cluster.submit(greeting("bye\n")))
    assert changed["node_runs"][0]["status"] == "success"
    assert await read_output(cluster, changed["node_runs"][0]) == "BYE\n"


async def test_a_worker_restarted_on_a_dead_workers_directory_kills_what_it_left(
    cluster: Cluster, tmp_path: Path
) -> None:
    first = cluster.start_worker(slots=1, work=tmp_path / "shared-work")
    await cluster.wait_workers(1)
    pidfile, marker = tmp_path / "pid", tmp_path / "tried"
    code = (
        f"if [ -e {marker} ]; then echo second > {{{{ outputs.out }}}}; exit 0; fi\n"
        f"touch {marker}\necho $$ > {pidfile}\nsleep 600\n"
    )
    run_id = await cluster.submit(
        {"operations": {"long": bash(code)}, "nodes": {"n": {"operation": "long"}}}
    )
    await cluster.wait_node(run_id, "n", "running")
    async with asyncio.timeout(10):
        while not pidfile.exists() or not pidfile.read_text().strip():
            await asyncio.sleep(0.05)
    orphan = int(pidfile.read_text())
    first.send_signal(signal.SIGKILL)
    first.wait()
    await asyncio.sleep(0.3)
    assert pid_alive(orphan), "the node's own session outlives a SIGKILLed worker"

    cluster.start_worker(slots=1, work=tmp_path / "shared-work")
    async with asyncio.timeout(20):
        while pid_alive(orphan):
            await asyncio.sleep(0.05)
    detail = await cluster.wait_run(run_id, timeout=60)
    assert detail["run"]["status"] == "success" and detail["node_runs"][0]["attempt"] == 2

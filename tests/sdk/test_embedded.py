"""The SDK through a real embedded server and worker process (what ``plynx run`` starts)."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Literal

import pytest

import plynx
import plynx.sdk.connection
from plynx.client import ApiError
from plynx.errors import GraphInvalid

pytestmark = pytest.mark.slow


@plynx.operation(outputs={"train": "csv", "test": "csv"})
def split(
    table: plynx.Input[Literal["csv"]],
    train: plynx.Output,
    test: plynx.Output,
    test_fraction: float = 0.2,
) -> None:
    """Split a CSV: the first rows are the test part."""
    header, *body = open(table).read().splitlines()  # noqa: SIM115
    cut = int(len(body) * test_fraction)
    open(test, "w").write("\n".join([header, *body[:cut]]) + "\n")  # noqa: SIM115
    open(train, "w").write("\n".join([header, *body[cut:]]) + "\n")  # noqa: SIM115


@plynx.operation()
def explode(table: plynx.Input[Literal["csv"]], out: plynx.Output) -> None:
    raise ValueError("no luck with " + table.rsplit("/", 1)[-1])


count = plynx.bash(
    "wc -l < {{ inputs.data }} > {{ outputs.report }}",
    inputs={"data": "csv"},
    outputs={"report": "text"},
    title="count",
)


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[plynx.Connection]:
    connection = plynx.local(tmp_path_factory.mktemp("sdk") / "data", workers=1, slots=2)
    yield connection
    connection.close()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "data.csv"
    path.write_text("id,x\n" + "".join(f"{i},{i * i}\n" for i in range(20)))
    return path


def _graph(data: Path, fraction: float = 0.25) -> plynx.Graph:
    with plynx.Graph("Split and count", parameters={"fraction": fraction}) as g:
        s = split(table=plynx.file(data, type="csv"), test_fraction=plynx.ref("fraction"))
        count(data=s.train, _id="count_train")
        count(data=s.test, _id="count_test")
    return g


def test_a_graph_runs_and_its_outputs_come_back_as_files(
    conn: plynx.Connection, data: Path
) -> None:
    run = _graph(data).run(connection=conn)
    assert run.wait(progress=False, timeout=90) is run
    assert run.status == "success"
    assert run.outputs["count_train"]["report"].read_text().strip() == "16"
    assert run.outputs["count_test"]["report"].read_text().strip() == "6"
    train = run.outputs["split"]["train"].path
    assert train.read_text().splitlines()[1] == "5,25"
    assert train.is_relative_to(conn.cache_dir)
    # a graph parameter given for the run, and the cache
    again = _graph(data).run(connection=conn, parameters={"fraction": 0.5}).wait(progress=False)
    assert again.outputs["count_test"]["report"].read_text().strip() == "11"
    rerun = run.rerun().wait(progress=False)
    assert {nr.status.value for nr in rerun.detail.node_runs} == {"cached", "success"}


def test_a_failure_raises_with_the_node_and_its_error(conn: plynx.Connection, data: Path) -> None:
    with plynx.Graph("explodes") as g:
        explode(table=plynx.file(data, type="csv"))
    run = g.run(connection=conn)
    with pytest.raises(plynx.RunFailed) as caught:
        run.wait(progress=False, timeout=90)
    assert caught.value.run.status == "failed"
    [problem] = caught.value.problems
    assert problem.startswith("explode: ")
    assert "ValueError: no luck with table" in run.log("explode", "stderr")


def test_a_bad_parameter_value_for_the_run_is_refused_with_the_problem(
    conn: plynx.Connection, data: Path
) -> None:
    with pytest.raises(GraphInvalid) as caught:
        _graph(data).run(connection=conn, parameters={"fraction": "lots"})
    assert "fraction" in " ".join(caught.value.problems)


def test_publish_stores_the_graph_and_its_operations_for_the_dashboard(
    conn: plynx.Connection, data: Path
) -> None:
    g = _graph(data)
    graph_id = g.publish(connection=conn)
    assert g.id == graph_id

    async def library() -> list[str]:
        async with conn.client() as client:
            page = await client.request("GET", "/operations", params={"status": "ready"})
        return [item["title"] for item in page["items"]]

    assert sorted(asyncio.run(library())) == ["count", "split"]
    # publishing again changes nothing in the library and updates the same graph
    with g:
        count(data=g["split"].train, _id="count_again")
    assert g.publish(connection=conn) == graph_id
    assert sorted(asyncio.run(library())) == ["count", "split"]
    assert [n.id for n in conn.graph(graph_id).model.nodes][-1] == "count_again"
    with g:
        plynx.bash("true", title="count")(_id="another_count")
    g.publish(connection=conn)
    assert sorted(asyncio.run(library())) == ["count", "count", "split"]  # not the same step
    stored = conn.graph(graph_id)
    assert [n.id for n in stored.model.nodes][:4] == ["data", "split", "count_train", "count_test"]
    run = conn.run_graph(graph_id).wait(progress=False, timeout=90)
    [listed] = conn.runs(graph=graph_id)
    assert (listed.id, listed.status) == (run.id, "success")
    assert listed.open().outputs["count_train"]["report"].read_text().strip() == "16"
    assert run.id in [r.id for r in conn.runs(status="success")]
    assert run.id not in [r.id for r in conn.runs(status="failed")]


async def test_the_async_api_runs_in_the_callers_loop(conn: plynx.Connection, data: Path) -> None:
    run = await _graph(data).arun(connection=conn)
    async with asyncio.timeout(90):
        await run.wait_async(progress=False)
    report = await run.outputs["count_test"]["report"].apath()
    assert report.read_text().strip() == "6"
    async with conn.client() as client:
        assert (await client.get_run(run.id)).run.status == "success"


def test_connect_makes_a_server_the_one_runs_go_to(
    conn: plynx.Connection, data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(plynx.sdk.connection, "_chosen", {})
    chosen = plynx.connect(conn.url, conn.token)
    run = _graph(data).run()
    assert run.connection is chosen
    run.wait(progress=False, timeout=90)
    assert run.id in [info.id for info in plynx.runs(status="success")]
    with pytest.raises(ApiError) as caught:
        plynx.connect(conn.url, conn.token).get_run("no-such-run")
    assert caught.value.status == 404


@plynx.operation(outputs={"copy": "directory"})
def copy_dir(src: plynx.Input[Literal["directory"]], copy: plynx.Output) -> None:
    shutil.copytree(src, copy, dirs_exist_ok=True)


def test_a_directory_goes_in_and_comes_back_unpacked(
    conn: plynx.Connection, tmp_path: Path
) -> None:
    (tmp_path / "tree" / "sub").mkdir(parents=True)
    (tmp_path / "tree" / "sub" / "leaf.txt").write_text("green")
    with plynx.Graph("copy") as g:
        copy_dir(src=plynx.file(tmp_path / "tree"))
    run = g.run(connection=conn).wait(progress=False, timeout=90)
    copied = run.outputs["copy_dir"]["copy"].path
    assert (copied / "sub" / "leaf.txt").read_text() == "green"


def test_two_threads_starting_the_same_embedded_plynx_share_it(tmp_path: Path) -> None:
    with ThreadPoolExecutor(2) as pool:
        first, second = pool.map(
            lambda _: plynx.local(tmp_path / "data", workers=1, slots=1), range(2)
        )
    try:
        assert first is second
    finally:
        first.close()
    assert plynx.local(tmp_path / "data", workers=1, slots=1) is not first  # a new one
    plynx.local(tmp_path / "data").close()

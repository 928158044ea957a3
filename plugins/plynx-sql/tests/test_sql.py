"""The sql kind run for real (embedded server and worker) through plynx.testing."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from plynx.testing import PlynxHarness

EXAMPLE = Path(__file__).parent.parent / "examples" / "top_customers.yaml"


def _csv(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_csv_inputs_are_tables_and_the_result_is_csv(
    plynx_harness: PlynxHarness, tmp_path: Path
) -> None:
    people = _csv(tmp_path / "people.csv", "name,age\nada,36\nalan,41\ngrace,85\n")
    result = plynx_harness.run(
        "sql",
        inputs={"people": people},
        input_types={"people": "csv"},
        outputs={"result": "csv"},
        code="select name, age from people where cast(age as int) > 40 order by name",
    )
    assert result.ok, result.error
    assert result.text("result") == "name,age\nalan,41\ngrace,85\n"
    assert "table people: 3 rows" in result.stderr


def test_a_sqlite_input_is_queried_without_changing_it(
    plynx_harness: PlynxHarness, tmp_path: Path
) -> None:
    db = tmp_path / "shop.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("create table orders (id integer, total real)")
        conn.executemany("insert into orders values (?, ?)", [(1, 9.5), (2, 20.0)])
    result = plynx_harness.run(
        "sql",
        inputs={"db": db},
        input_types={"db": "sqlite"},
        outputs={"result": "csv"},
        code="select count(*) as n, sum(total) as total from orders",
    )
    assert result.ok, result.error
    assert result.text("result").splitlines() == ["n,total", "2,29.5"]


def test_a_bad_query_fails_with_the_database_s_message(
    plynx_harness: PlynxHarness, tmp_path: Path
) -> None:
    result = plynx_harness.run("sql", outputs={"result": "csv"}, code="select * from nowhere")
    assert result.status == "failed"
    assert "no such table: nowhere" in result.stderr


def test_a_missing_environment_variable_is_named(plynx_harness: PlynxHarness) -> None:
    result = plynx_harness.run(
        "sql",
        outputs={"result": "csv"},
        params={"database": "env:PLYNX_SQL_TEST_NOT_SET"},
        code="select 1",
    )
    assert result.status == "failed", result.error
    assert "no environment variable PLYNX_SQL_TEST_NOT_SET" in result.stderr


def test_the_example_graph_runs(plynx_harness: PlynxHarness) -> None:
    result = plynx_harness.run_graph(EXAMPLE)
    assert result.ok, result.error
    assert result.text("top.result").splitlines()[0] == "customer,spent"


def test_the_sqlite_preview_lists_tables(tmp_path: Path) -> None:
    from plynx_sql.resource import SqliteType

    db = tmp_path / "x.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("create table t (a text)")
        conn.execute("insert into t values ('<b>hi</b>')")
    shown = SqliteType.safe_preview(db.read_bytes(), db.stat().st_size, False)
    assert shown == {
        "kind": "list",
        "truncated": False,
        "items": [
            {
                "kind": "table",
                "label": "t",
                "columns": ["a"],
                "rows": [["<b>hi</b>"]],
                "truncated": False,
            }
        ],
    }


@pytest.mark.skipif(
    not os.environ.get("PLYNX_TEST_POSTGRES_DSN"), reason="PLYNX_TEST_POSTGRES_DSN is not set"
)
def test_postgresql_from_the_worker_s_environment(
    plynx_harness: PlynxHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLYNX_SQL_TEST_PG", os.environ["PLYNX_TEST_POSTGRES_DSN"])
    people = _csv(tmp_path / "people.csv", "name,age\nada,36\nalan,41\n")
    result = plynx_harness.run(
        "sql",
        inputs={"people": people},
        input_types={"people": "csv"},
        outputs={"result": "csv"},
        params={"database": "env:PLYNX_SQL_TEST_PG"},
        code="select name, age::int + 1 as next_age from people order by name",
    )
    assert result.ok, f"{result.error}\n{result.stderr}"
    assert result.text("result").splitlines() == ["name,next_age", "ada,37", "alan,42"]
    assert "postgres" not in result.stderr  # the URL (with its credentials) is never logged

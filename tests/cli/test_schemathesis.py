"""Schemathesis against a real ``plynx server``: every operation of ``/api/v1/openapi.json``
with generated valid and invalid input (and the stateful links it finds), with an admin token.
Any 5xx, any response that breaks the schema, any invalid input accepted or valid input
refused fails the test. The seed is fixed, so a failure reproduces."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import Plynx, free_port, http_json, wait_until

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

SEED = 20261202
MIN_CASES = 3000

# Input can be valid to the schema and still be refused on purpose: a graph that is a
# well-formed document but cannot run (a cycle, an unknown kind) is a 400 with every problem;
# so is an upload whose bytes do not hash to the sha256 it claims, and a sweep whose source
# (graph or graph_id, exactly one) or values do not make runs, and an audit filter whose
# object names no kind of object or whose times are not ISO 8601 (or since is not before until).
CONFIG = """
[[operations]]
include-operation-id = "upload_artifact"
checks.positive_data_acceptance.expected-statuses = ["2xx", "400"]

[[operations]]
include-operation-id = "create_run"
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "404"]

[[operations]]
include-operation-id = "create_sweep"
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "404"]

[[operations]]
include-operation-id = "list_audit"
checks.positive_data_acceptance.expected-statuses = ["2xx", "400"]

[[operations]]
include-operation-id = "publish_operation"
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "404", "409"]

# Accounts: a well-formed sign-in with a wrong password is a 401 (and, repeated, a 429); a
# password change needs the right old one; a user name may be taken; the last admin stays one;
# a token is only made for a user who exists.
[[operations]]
include-operation-id = "sign_in"
checks.positive_data_acceptance.expected-statuses = ["2xx", "401", "429"]

[[operations]]
include-operation-id = "change_password"
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "429"]

[[operations]]
include-operation-id = "create_user"
checks.positive_data_acceptance.expected-statuses = ["2xx", "409"]

[[operations]]
include-operation-id = "update_user"
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "404", "409"]

[[operations]]
include-operation-id = "create_token"
checks.positive_data_acceptance.expected-statuses = ["2xx", "404"]
"""


@pytest.fixture
def server(plynx: Plynx, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """``(base URL, admin token)`` of a ``plynx server`` started for the test; its log goes
    to ``server.log`` (a pipe nobody reads would fill up and stop it)."""
    data = ("--data-dir", str(plynx.data_dir))
    assert plynx("users", "add", "admin", "--admin", *data).returncode == 0
    created = plynx("token", "create", "--user", "admin", *data)
    token = created.stdout.strip().splitlines()[-1]
    port = free_port()
    with (tmp_path / "server.log").open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "plynx", "server", "--port", str(port), *data],
            cwd=plynx.cwd,
            # schemathesis sends wrong tokens on purpose: not a brute force to throttle here
            env={
                **plynx.env,
                "PLYNX_AUTH_FAILURES_PER_MINUTE": "1000000",
                "PLYNX_SIGN_IN_FAILURES_PER_ADDRESS": "1000000",
            },
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until(lambda: http_json(f"{url}/api/v1/health")[0] == 200, what="the server")
            yield url, token
        finally:
            proc.terminate()
            proc.wait(timeout=20)


def test_the_api_survives_schemathesis(server: tuple[str, str], tmp_path: Path) -> None:
    url, token = server
    (tmp_path / "schemathesis.toml").write_text(CONFIG)
    schemathesis = Path(sys.executable).with_name("schemathesis")
    done = subprocess.run(
        [
            str(schemathesis),
            "--config-file",
            str(tmp_path / "schemathesis.toml"),
            "run",
            f"{url}/api/v1/openapi.json",
            "--header",
            f"Authorization: Bearer {token}",
            "--checks",
            "all",
            "--max-examples",
            "30",
            "--seed",
            str(SEED),
            "--workers",
            "1",
            "--continue-on-failure",
            "--max-failures",
            "50",
            "--no-color",
        ],
        capture_output=True,
        text=True,
        timeout=560,
        cwd=tmp_path,
        check=False,
    )
    output = done.stdout + done.stderr
    server_log = (tmp_path / "server.log").read_text()
    failures = output[output.find("=== FAILURES ===") :]
    first_error = re.search(r"ERROR plynx\.", server_log)
    tracebacks = server_log[first_error.start() :] if first_error else ""
    assert done.returncode == 0, failures[:20_000] + tracebacks[:5_000]
    generated = re.search(r"(\d+) generated", output)
    assert generated is not None, output[-3000:]
    assert int(generated.group(1)) >= MIN_CASES, output[-3000:]
    # (aiohttp itself logs the malformed HTTP it answers with a 400, e.g. a NUL in a header)
    assert first_error is None, tracebacks[:5_000]

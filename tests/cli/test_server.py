"""``plynx server`` as an operator meets it: a database that is not there yet."""

from __future__ import annotations

import signal
import time

from .conftest import Plynx, free_port


def test_a_server_waiting_for_its_database_names_it_and_stops_at_once_on_sigterm(
    plynx: Plynx,
) -> None:
    dead = f"postgresql://plynx:secret@127.0.0.1:{free_port()}/plynx"
    server = plynx.start(
        "server", "--port", str(free_port()), "--data-dir", str(plynx.data_dir), "--store", dead
    )
    try:
        assert server.stderr is not None
        first = server.stderr.readline()  # the first retry comes after a fraction of a second
        assert "is unreachable" in first and "retrying" in first, first
        assert "secret" not in first and "plynx:***@127.0.0.1" in first
        started = time.monotonic()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)
        assert time.monotonic() - started < 5, "SIGTERM must not wait out the store's retries"
        assert server.returncode != 0
        assert "Traceback" not in server.stderr.read()
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        for stream in (server.stdout, server.stderr):
            if stream is not None:
                stream.close()


def test_a_server_gives_up_on_an_unreachable_database_with_one_clear_line(plynx: Plynx) -> None:
    dead = f"sqlite:///{plynx.cwd}/not-a-directory/plynx.db"
    (plynx.cwd / "not-a-directory").write_text("a file where a directory should be")
    done = plynx(
        "server",
        "--port",
        str(free_port()),
        "--data-dir",
        str(plynx.data_dir),
        "--store",
        dead,
        timeout=30,
    )
    assert done.returncode != 0
    assert "cannot open the store" in done.stderr and "Traceback" not in done.stderr

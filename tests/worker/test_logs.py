"""Log limiting and batching."""

from __future__ import annotations

import asyncio

from plynx.worker.logs import LogSink, StreamLimiter


def test_limiter_keeps_head_and_tail_and_counts_the_cut() -> None:
    limiter = StreamLimiter(head=10, tail=5)
    forwarded = b"".join(limiter.feed(bytes([65 + i % 26]) * 7) for i in range(10))
    assert forwarded == b"AAAAAAABBB"
    cut, tail = limiter.finish()
    assert tail == b"JJJJJ"
    assert cut == 70 - 10 - 5


def test_limiter_without_overflow_loses_nothing() -> None:
    limiter = StreamLimiter(head=10, tail=10)
    assert limiter.feed(b"0123456") == b"0123456"
    assert limiter.feed(b"789abcd") == b"789"
    assert limiter.finish() == (0, b"abcd")


async def test_sink_batches_by_time_and_size() -> None:
    batches: list[tuple[str, str]] = []
    sink = LogSink(lambda s, t: batches.append((s, t)), flush_interval=0.05, batch_bytes=100)
    sink.feed("stdout", b"a\n")
    sink.feed("stdout", b"b\n")
    sink.feed("stderr", b"e\n")
    assert batches == []
    await asyncio.sleep(0.1)
    assert sorted(batches) == [("stderr", "e\n"), ("stdout", "a\nb\n")]
    batches.clear()
    sink.feed("stdout", b"x" * 150)
    assert batches == [("stdout", "x" * 150)], "a full batch goes at once"
    sink.close()


async def test_sink_reports_the_cut_and_the_tail_at_close() -> None:
    batches: list[tuple[str, str]] = []
    sink = LogSink(lambda s, t: batches.append((s, t)), head=8, tail=6)
    for i in range(100):
        sink.feed("stdout", f"{i:04d}\n".encode())
    sink.close()
    text = "".join(t for _, t in batches)
    assert text == "0000\n000\n[plynx: 486 bytes of stdout were cut here]\n\n0099\n"


async def test_sink_decodes_utf8_split_across_reads() -> None:
    batches: list[tuple[str, str]] = []
    sink = LogSink(lambda s, t: batches.append((s, t)))
    data = "héllo wörld ✓\n".encode()
    for i in range(len(data)):
        sink.feed("stdout", data[i : i + 1])
    sink.write("plynx: done")
    sink.close()
    assert "".join(t for s, t in batches if s == "stdout") == "héllo wörld ✓\n"
    assert "".join(t for s, t in batches if s == "stderr") == "plynx: done\n"


async def test_last_lines_quote_the_processes_stderr_not_plynx_lines() -> None:
    sink = LogSink(lambda s, t: None, head=10, tail=10)
    sink.feed("stderr", b"x" * 5000 + b"\nfirst\n\n  \n")
    sink.feed("stderr", "second \u00e9\r\nthird".encode())
    sink.write("plynx: the worker's own line")
    sink.feed("stdout", b"not stderr\n")
    # head and tail limits of the log do not limit the summary; blank lines are skipped
    assert sink.last_lines("stderr", count=3) == "first\nsecond \u00e9\nthird"
    assert sink.last_lines("stdout") == "not stderr"
    sink.feed("stderr", b"y" * 10_000)
    assert sink.last_lines("stderr") == ""  # only the end of a line too long to quote
    sink.feed("stderr", b"\n" + b"z" * 2000 + b"\n")
    assert sink.last_lines("stderr", limit=100) == "\u2026" + "z" * 99
    sink.close()

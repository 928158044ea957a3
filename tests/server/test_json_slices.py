"""A body split by :func:`~plynx.server.api.json_slices.split_body` is the body: its shell
with the streamed arrays put back reads as the whole body does, in any layout, and a body cut
short is refused."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plynx.errors import InvalidInput
from plynx.server.api import json_slices

_STREAMED = (("graph", "nodes"), ("graph", "edges"))
_plain = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
_values = st.recursive(
    _plain,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)
_word = st.text("ab_-", max_size=8)  # mostly: runs of edges parse many at a time
_flat = st.dictionaries(_word, st.none() | st.integers() | _word, max_size=4) | st.dictionaries(
    st.text(max_size=6), _plain, max_size=4
)
_layouts = st.sampled_from([{}, {"indent": 1}, {"separators": (",", ":")}, {"ensure_ascii": False}])


def _split(text: str) -> Any:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(json_slices, "_RUN", 64)  # runs of a few edges: many of them, and cut ends
        return asyncio.run(json_slices.split_body(text.encode(), _STREAMED))


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    nodes=st.lists(_values, max_size=30),
    edges=st.lists(_flat, max_size=400),
    extra=st.dictionaries(st.text(max_size=5), _values, max_size=3),
    layout=_layouts,
)
def test_the_split_body_reads_as_the_whole_body(
    nodes: list[Any], edges: list[Any], extra: dict[str, Any], layout: dict[str, Any]
) -> None:
    document = {"title": "t", "graph": {**extra, "nodes": nodes, "edges": edges}, "x": extra}
    text = json.dumps(document, **layout)
    split = _split(text)
    shell = json.loads(split.shell())
    shell["graph"]["nodes"] = split.arrays[("graph", "nodes")]
    shell["graph"]["edges"] = split.arrays[("graph", "edges")]
    assert shell == json.loads(text)


@settings(max_examples=100, deadline=None)
@given(edges=st.lists(_flat, min_size=1, max_size=400), data=st.data())
def test_a_body_cut_short_anywhere_is_refused(edges: list[Any], data: st.DataObject) -> None:
    text = json.dumps({"graph": {"nodes": [], "edges": edges}})
    cut = data.draw(st.integers(1, len(text) - 1))
    with pytest.raises(InvalidInput, match="not valid JSON"):
        _split(text[:cut])


def test_a_long_array_gives_the_loop_its_turns_flat_elements_too() -> None:
    edges = [
        {"src_node": f"n{i}", "src_port": "out", "dst_node": "m", "dst_port": "in"}
        for i in range(20_000)
    ]
    nodes = [{"id": f"n{i}", "params": {"deep": [[i]]}} for i in range(2_000)]
    text = json.dumps({"graph": {"nodes": nodes, "edges": edges}})

    async def split_counting_turns() -> tuple[int, Any]:
        turns = 0

        async def count() -> None:
            nonlocal turns
            while True:
                await asyncio.sleep(0)
                turns += 1

        counting = asyncio.ensure_future(count())
        await asyncio.sleep(0)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(json_slices, "SLICE_SECONDS", 0.0)  # a turn after every step
            split = await json_slices.split_body(text.encode(), _STREAMED)
        counting.cancel()
        return turns, split

    turns, split = asyncio.run(split_counting_turns())
    assert split.arrays[("graph", "edges")] == edges
    assert split.arrays[("graph", "nodes")] == nodes
    runs = len(json.dumps(edges)) // json_slices._RUN
    assert turns >= len(nodes) + runs, (turns, runs)

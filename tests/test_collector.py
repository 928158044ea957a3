"""The garbage collector is kept off while a request uses a large document, and runs again when
the last pause ends; a pause never turns on a collector someone else turned off."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from plynx import collector


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_pauses_nest_and_the_last_one_turns_the_collector_on() -> None:
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause is still on
    assert gc.isenabled()
    with collector.paused(when=False):
        assert gc.isenabled()


def test_a_collector_turned_off_by_someone_else_stays_off() -> None:
    gc.disable()
    with collector.paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_a_hold_lasts_until_its_request_scope_ends() -> None:
    with collector.request_scope():
        assert gc.isenabled()  # nothing large yet
        collector.hold()
        collector.hold()  # twice in a request: still one
        assert not gc.isenabled()
        with collector.request_scope():  # another request meanwhile, nothing large in it
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_hold_outside_a_request_does_nothing() -> None:
    collector.hold()  # nobody would turn the collector on again
    assert gc.isenabled()


def test_a_request_that_fails_turns_the_collector_on_again() -> None:
    with pytest.raises(RuntimeError), collector.request_scope():
        collector.hold()
        raise RuntimeError("refused")
    assert gc.isenabled()


def test_full_collections_are_counted_and_younger_ones_are_not() -> None:
    with collector.FullCollections() as full:
        gc.collect(0)
        gc.collect(1)
        assert full.count == 0
        gc.collect()
        assert full.count == 1
    gc.collect()  # counted only inside
    assert full.count == 1

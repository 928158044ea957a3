"""Parsing a large JSON body a slice at a time, so that the event loop keeps its turn.

A JSON parser never lets another thread run while it works (neither :func:`json.loads` nor
pydantic's), so parsing an 8 MB graph in a thread stops the event loop as long as parsing it
on the loop: 100 to 300 ms. A large body is a few long arrays (a graph's ``nodes`` and
``edges``) in an object of small members, so :func:`split_body` walks the object itself and
parses each element of the arrays it is told to stream with
:meth:`json.JSONDecoder.raw_decode`, yielding to the loop every few milliseconds. It returns
those elements, and the *shell*: the body's text with each streamed array replaced by ``[]``,
for :func:`~plynx.server.api.base.decode_body` to validate with every rule and message of
small bodies.

The rules stay those of :func:`~plynx.server.api.base.decode_body` (pydantic's parser): the
shell is parsed by it; an element whose text might nest too deep or holds a surrogate escape
is checked by the same parser at the same depth; the last of duplicate keys counts, as with
it. A malformed body is refused with the parser's complaint and its line and column in the
body.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

import pydantic_core

from plynx.errors import InvalidInput
from plynx.server.api.base import MAX_JSON_DEPTH, body_text, not_json

__all__ = ["Split", "split_body"]

#: Seconds of parsing between two turns of the loop.
SLICE_SECONDS = 0.003
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_BLANK = " \t\n\r"  # (and "", the end of the text: both take the careful path)
_RUN = 16 * 1024  # characters of flat elements parsed by one call (half a millisecond)
# any \uD800-\uDFFF escape (a pair is text, a lone one is not: the parser decides)
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")
_POSITION = re.compile(r" at line (\d+) column (\d+)")
_DECODER = json.JSONDecoder()

Path = tuple[str, ...]


@dataclass
class Split:
    """A body split by :func:`split_body`."""

    #: The body's text.
    text: str
    #: The elements of each streamed array found, by path (``("graph", "nodes")``).
    arrays: dict[Path, list[Any]]
    #: ``[start, end)`` in ``text`` of each array taken out, in order.
    cuts: list[tuple[int, int]]

    def shell(self) -> bytes:
        """The body with the streamed arrays replaced by ``[]`` (validate it as usual)."""
        parts, last = [], 0
        for start, end in self.cuts:
            parts += [self.text[last:start], "[]"]
            last = end
        parts.append(self.text[last:])
        return "".join(parts).encode()

    def in_body(self, error: InvalidInput) -> InvalidInput:
        """``error`` about the shell, with the line and column it names (if any) made those of
        the body."""
        message = str(error)
        match = _POSITION.search(message)
        if match is None or not self.cuts:
            return error
        shell = self.shell().decode()
        line, column = int(match[1]), int(match[2])
        offset = -1
        for _ in range(line - 1):
            offset = shell.find("\n", offset + 1)
        offset += column
        removed = 0
        for start, end in self.cuts:
            if offset < start - removed + 2:  # before this array, or inside its "[]"
                break
            removed += end - start - 2
        where = _position(self.text, offset + removed)
        message = message[: match.start()] + where + message[match.end() :]
        return InvalidInput(message, error.problems)


def _position(text: str, pos: int) -> str:
    """`` at line L column C`` of ``pos`` in ``text``."""
    line = text.count("\n", 0, pos) + 1
    column = pos - text.rfind("\n", 0, pos)
    return f" at line {line} column {column}"


async def split_body(raw: bytes, streamed: Collection[Path]) -> Split | None:
    """``raw`` split into its shell and the elements of the arrays at the ``streamed`` paths
    (object keys from the top), parsed :data:`SLICE_SECONDS` at a time; ``None`` when it is
    not a JSON object at all (:func:`~plynx.server.api.base.decode_body` says why).
    :class:`~plynx.errors.InvalidInput` when it is not JSON, saying where."""
    splitter = _Splitter(body_text(raw), streamed)
    start = splitter.skip(0)
    if not splitter.text.startswith("{", start):
        return None
    end = splitter.skip(await splitter.object(start, ()))
    if end != len(splitter.text):
        raise splitter.error("trailing characters", end)
    return Split(splitter.text, splitter.arrays, splitter.cuts)


class _Splitter:
    """One body being split (see :func:`split_body`)."""

    def __init__(self, text: str, streamed: Collection[Path]) -> None:
        self.text = text
        self.streamed = set(streamed)
        self.within = {path[:i] for path in self.streamed for i in range(1, len(path))}
        self.arrays: dict[Path, list[Any]] = {}
        self.cuts: list[tuple[int, int]] = []  # [start, end) of each array taken out
        self._since = time.perf_counter()

    def skip(self, pos: int) -> int:
        """The position of the first character after the whitespace at ``pos``."""
        match = _WHITESPACE.match(self.text, pos)
        return match.end() if match else pos

    def error(self, problem: str, pos: int) -> InvalidInput:
        """The body is not JSON: ``problem`` at ``pos`` (given as line and column)."""
        return not_json(problem + _position(self.text, pos))

    def value(self, pos: int) -> tuple[Any, int]:
        """The JSON value at ``pos`` and where it ends."""
        try:
            return _DECODER.raw_decode(self.text, pos)
        except json.JSONDecodeError as exc:
            raise self.error(exc.msg, exc.pos) from None
        except RecursionError:
            raise not_json("recursion limit exceeded") from None
        except ValueError as exc:  # an integer of thousands of digits
            raise self.error(str(exc), pos) from None

    async def object(self, pos: int, path: Path) -> int:
        """Walk the object at ``pos`` (``path`` from the top); returns where it ends."""
        text = self.text
        for taken in [p for p in self.arrays if p[: len(path)] == path]:
            del self.arrays[taken]  # a repeated key: the last one counts
        pos = self.skip(pos + 1)
        if text.startswith("}", pos):
            return pos + 1
        while True:
            if not text.startswith('"', pos):
                raise self.error("Expecting property name enclosed in double quotes", pos)
            key, pos = self.value(pos)
            pos = self.skip(pos)
            if not text.startswith(":", pos):
                raise self.error("Expecting ':' delimiter", pos)
            pos = self.skip(pos + 1)
            member = (*path, key)
            if member in self.streamed and text.startswith("[", pos):
                pos = await self.array(pos, member)
            elif member in self.within and text.startswith("{", pos):
                pos = await self.object(pos, member)
            else:  # part of the shell: decode_body reads it again, with its own rules
                _, pos = self.value(pos)
            pos = self.skip(pos)
            if text.startswith(",", pos):
                pos = self.skip(pos + 1)
            elif text.startswith("}", pos):
                return pos + 1
            else:
                raise self.error("Expecting ',' delimiter", pos)

    async def array(self, pos: int, path: Path) -> int:
        """Parse the elements of the array at ``pos``, yielding to the loop between two slices;
        returns where it ends."""
        # the loop of a 10,000-node submit (29,000 elements): kept tight
        text, decode, count, surrogate = (
            self.text,
            _DECODER.raw_decode,
            self.text.count,
            _SURROGATE.search,
        )
        start = pos
        items: list[Any] = []
        depth = len(path) + 1  # containers around an element: the objects and the array
        room = MAX_JSON_DEPTH - depth  # brackets an element may hold without a closer look
        pos = self.skip(pos + 1)
        flat = False  # its elements are objects of plain values: parsed many at a time
        if not text.startswith("]", pos):
            while True:
                if time.perf_counter() - self._since > SLICE_SECONDS:
                    await asyncio.sleep(0)  # the loop serves others
                    self._since = time.perf_counter()
                if flat:
                    taken = self._flat_run(pos)
                    if taken is not None:
                        items += taken[0]
                        pos = taken[1]
                        if text.startswith("]", pos):
                            break
                        continue
                    flat = False  # element by element from here: it says what is wrong, if any
                try:
                    item, end = decode(text, pos)
                except (ValueError, RecursionError):
                    self.value(pos)  # raises, saying why
                    raise
                braces, brackets = count("{", pos, end), count("[", pos, end)
                if braces + brackets > room or surrogate(text, pos, end):
                    self._check(pos, end, depth, f"{'.'.join(path)}.{len(items)}")
                if not items:
                    flat = braces == 1 and not brackets and type(item) is dict
                items.append(item)
                if text.startswith(", ", end) and text[end + 2 : end + 3] not in _BLANK:
                    pos = end + 2  # what json.dumps writes
                elif text.startswith(",", end) and text[end + 1 : end + 2] not in _BLANK:
                    pos = end + 1
                else:
                    pos = self.skip(end)
                    if text.startswith(",", pos):
                        pos = self.skip(pos + 1)
                    elif text.startswith("]", pos):
                        break
                    else:
                        raise self.error("Expecting ',' delimiter", pos)
        self.arrays[path] = items  # a repeated key: the last one counts
        self.cuts.append((start, pos + 1))
        return pos + 1

    def _flat_run(self, pos: int) -> tuple[list[Any], int] | None:
        """The elements from ``pos`` to the first ``}`` :data:`_RUN` characters on that ends
        one, parsed by one call, and where the next one starts (or the array's ``]``); ``None``
        unless all of them are objects of plain values (no depth to check) with no surrogate
        escape, or when that ``}`` does not end an element.

        (Parsing ``[`` + the text + ``]`` succeeds only if the text is whole elements: the
        parser reads them exactly as it reads the array.)"""
        text = self.text
        end = text.find("}", pos + _RUN) + 1
        after = self.skip(end) if end else -1
        if not end or not text.startswith((",", "]"), after):
            return None
        try:
            run = _DECODER.decode("[" + text[pos:end] + "]")
        except (ValueError, RecursionError):
            return None
        if (
            text.count("{", pos, end) != len(run)
            or text.count("[", pos, end)
            or _SURROGATE.search(text, pos, end)
            or not all(type(item) is dict for item in run)
        ):
            return None
        return run, self.skip(after + 1) if text.startswith(",", after) else after

    def _check(self, start: int, end: int, depth: int, where: str) -> None:
        """The element in ``[start, end)``, at ``depth``, by pydantic's parser's rules: those
        :meth:`value` does not apply (depth, lone surrogates); called when its text may break
        them (a surrogate escape, or more brackets than the depth left)."""
        try:  # at the same depth as in the body
            pydantic_core.from_json("[" * depth + self.text[start:end] + "]" * depth)
        except ValueError as exc:
            problem = _POSITION.sub("", str(exc))
            raise not_json(f"{problem} (in {where})") from None

"""Strict JSON (CONTRACT section 5), shared by the import (manifest) and ``verify``.

Python's :func:`json.loads` accepts what the contract refuses: a byte-order mark, the
same member twice (the last one wins, so two readers can see two documents), ``NaN``
and ``Infinity``, integers of any size, and ``1.0`` where an integer is meant (JSON
Schema validators then call it an integer). :func:`loads` refuses all of them:

- UTF-8 without BOM; no duplicate member names;
- no ``NaN``/``Infinity``; an integer is written without fraction or exponent and lies
  within ±(2^53 − 1); ``-0`` is refused; a number with a fraction or an exponent is a
  :class:`~decimal.Decimal` (never an ``int``, so an integer schema refuses it) whose
  exponent stays small;
- nesting at most :data:`MAX_DEPTH` deep; at most ``max_bytes`` bytes.

The caller checks the size before reading the bytes at all (bounded streams).
"""

from __future__ import annotations

import json
import threading
from decimal import Decimal, InvalidOperation
from typing import Any

from jury_desk.core.errors import Problem

MAX_DEPTH = 32
MAX_SAFE_INTEGER = 2**53 - 1
MAX_EXPONENT = 30  # |adjusted exponent| of a non-integer number


class StrictJsonError(Problem, ValueError):
    """What is wrong with a document (without the entry name): a catalogue key
    (``error.json.*``) and its parameters; ``str()`` is the French wording."""

    def __init__(self, key: str, **params: object) -> None:
        code = "json_encoding" if key in _ENCODING else "json_invalid"
        super().__init__(code, "json." + key, **params)


_ENCODING = frozenset({"bom", "not_utf8"})


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object, refused when a member is named twice (the dict is built in one call:
    an audit log is 90,000 objects; the loop that names the member runs on a refusal)."""
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for k, _ in pairs:
            if k in seen:
                raise StrictJsonError("duplicate_key", member=k[:60])
            seen.add(k)
    return out


def _constant(name: str) -> Any:
    raise StrictJsonError("not_a_number", name=name)


def _int(text: str) -> int:
    if text == "-0":
        raise StrictJsonError("minus_zero_integer")
    if len(text.lstrip("-")) > 16:
        raise StrictJsonError("integer_range", value=text[:24] + "…")
    value = int(text)
    if abs(value) > MAX_SAFE_INTEGER:
        raise StrictJsonError("integer_range", value=text)
    return value


def _float(text: str) -> Decimal:
    if len(text) > 64:
        raise StrictJsonError("number_too_long", value=text[:24] + "…")
    try:
        value = Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the scanner gives valid numbers
        raise StrictJsonError("number_invalid", value=text) from exc
    if value and abs(value.adjusted()) > MAX_EXPONENT:
        raise StrictJsonError("number_range", value=text)
    if value.is_zero() and value.is_signed():
        raise StrictJsonError("minus_zero", value=text)
    return value


_decoders = threading.local()


def _decoder() -> json.JSONDecoder:
    """What ``json.loads(text, parse_int=_int, …)`` builds on every call (and its
    scanner with it), built once per thread: an audit log is 36,000 small documents."""
    decoder: json.JSONDecoder | None = getattr(_decoders, "decoder", None)
    if decoder is None:
        decoder = json.JSONDecoder(
            parse_int=_int,
            parse_float=_float,
            parse_constant=_constant,
            object_pairs_hook=_pairs,
        )
        _decoders.decoder = decoder
    return decoder


def _depth_ok(doc: Any, limit: int) -> bool:
    """No object or array nested deeper than ``limit`` (the document itself is at depth
    1). Walked level by level, containers only."""
    level = [doc] if isinstance(doc, dict | list) else []
    depth = 1
    while level:
        if depth > limit:
            return False
        below: list[Any] = []
        for node in level:
            values = node.values() if isinstance(node, dict) else node
            below += [v for v in values if isinstance(v, dict | list)]
        level = below
        depth += 1
    return True


def loads(
    data: bytes,
    *,
    max_bytes: int,
    max_depth: int = MAX_DEPTH,
    max_containers: int | None = None,
) -> Any:
    """Parse ``data`` strictly; raise :class:`StrictJsonError` on any breach.

    ``max_containers`` bounds the objects and arrays the document may hold, counted on
    the bytes before parsing (an upper bound: brackets inside strings count too), so
    that the memory the parse takes is bounded whatever the bytes.
    """
    if len(data) > max_bytes:
        raise StrictJsonError("too_large", size=len(data), limit=max_bytes)
    containers = data.count(b"{") + data.count(b"[")
    if max_containers is not None and containers > max_containers:
        raise StrictJsonError("too_many_containers", count=containers, limit=max_containers)
    if data.startswith(b"\xef\xbb\xbf"):
        raise StrictJsonError("bom")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StrictJsonError("not_utf8", offset=exc.start) from exc
    try:
        doc = _decoder().decode(text)
    except StrictJsonError:
        raise
    except RecursionError as exc:
        raise StrictJsonError("too_deep", limit=max_depth) from exc
    except json.JSONDecodeError as exc:
        raise StrictJsonError("syntax", line=exc.lineno, column=exc.colno) from exc
    except ValueError as exc:  # pragma: no cover - the decoder raises JSONDecodeError
        raise StrictJsonError("syntax", line="?", column="?") from exc
    # No deeper than it has containers (brackets in strings only add to the count): a
    # small document, an audit line for instance, needs no walk.
    if containers > max_depth and not _depth_ok(doc, max_depth):
        raise StrictJsonError("too_deep", limit=max_depth)
    return doc

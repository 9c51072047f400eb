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
from decimal import Decimal, InvalidOperation
from typing import Any

MAX_DEPTH = 32
MAX_SAFE_INTEGER = 2**53 - 1
MAX_EXPONENT = 30  # |adjusted exponent| of a non-integer number


class StrictJsonError(ValueError):
    """What is wrong with a document, in French (without the entry name)."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise StrictJsonError(f"clé « {k[:60]} » en double")
        out[k] = v
    return out


def _constant(name: str) -> Any:
    raise StrictJsonError(f"« {name} » n’est pas un nombre JSON")


def _int(text: str) -> int:
    if text == "-0":
        raise StrictJsonError("« -0 » n’est pas un entier admis")
    if len(text.lstrip("-")) > 16:
        raise StrictJsonError(f"entier {text[:24]}… hors de ±(2^53 − 1)")
    value = int(text)
    if abs(value) > MAX_SAFE_INTEGER:
        raise StrictJsonError(f"entier {text} hors de ±(2^53 − 1)")
    return value


def _float(text: str) -> Decimal:
    if len(text) > 64:
        raise StrictJsonError(f"nombre {text[:24]}… trop long")
    try:
        value = Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the scanner gives valid numbers
        raise StrictJsonError(f"nombre {text} invalide") from exc
    if value and abs(value.adjusted()) > MAX_EXPONENT:
        raise StrictJsonError(f"nombre {text} hors des bornes admises")
    if value.is_zero() and value.is_signed():
        raise StrictJsonError(f"« {text} » (zéro négatif) n’est pas un nombre admis")
    return value


def _depth_ok(doc: Any, limit: int) -> bool:
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            if depth > limit:
                return False
            stack.extend((v, depth + 1) for v in node.values())
        elif isinstance(node, list):
            if depth > limit:
                return False
            stack.extend((v, depth + 1) for v in node)
    return True


def loads(
    data: bytes,
    *,
    max_bytes: int,
    max_depth: int = MAX_DEPTH,
    max_containers: int | None = None,
) -> Any:
    """Parse ``data`` strictly; raise :class:`StrictJsonError` (French) on any breach.

    ``max_containers`` bounds the objects and arrays the document may hold, counted on
    the bytes before parsing (an upper bound: brackets inside strings count too), so
    that the memory the parse takes is bounded whatever the bytes.
    """
    if len(data) > max_bytes:
        raise StrictJsonError(f"{len(data)} octets, au plus {max_bytes} admis")
    if max_containers is not None:
        containers = data.count(b"{") + data.count(b"[")
        if containers > max_containers:
            raise StrictJsonError(f"{containers} objets ou listes, au plus {max_containers} admis")
    if data.startswith(b"\xef\xbb\xbf"):
        raise StrictJsonError("le fichier commence par une marque d’ordre des octets (BOM)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StrictJsonError(f"le fichier n’est pas en UTF-8 (octet {exc.start})") from exc
    try:
        doc = json.loads(
            text,
            parse_int=_int,
            parse_float=_float,
            parse_constant=_constant,
            object_pairs_hook=_pairs,
        )
    except StrictJsonError:
        raise
    except RecursionError as exc:
        raise StrictJsonError(f"imbrication de plus de {max_depth} niveaux") from exc
    except ValueError as exc:
        raise StrictJsonError(f"JSON invalide ({exc})") from exc
    if not _depth_ok(doc, max_depth):
        raise StrictJsonError(f"imbrication de plus de {max_depth} niveaux")
    return doc

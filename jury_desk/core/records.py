"""Frozen, slotted dataclasses whose comparison, hash and repr are compiled when first used.

``@dataclass(frozen=True, slots=True)`` writes six methods per class as source text and
compiles each (``exec``, once per method in Python 3.11): ``__init__``, the frozen
``__setattr__`` and ``__delattr__``, ``__eq__``, ``__hash__`` and ``__repr__``. The GUI
imports about forty such classes before its first paint (the domain, the session's
state, the read model): 19 ms of its start (``benchmarks/gui.py``), about half of it in
``compile``.

:func:`record` is that dataclass: the same fields, ``__init__``, frozenness, slots,
``__match_args__``, ``dataclasses.fields`` and ``replace``. Its ``__eq__``, ``__hash__``
and ``__repr__`` start as stubs: the first call of each compiles the very code
``dataclass`` writes for it (:func:`_compiled`), puts it on the class in the stub's place
and answers with it; every later call runs that code. Most records are never compared,
hashed or printed in a given run: their three methods are never compiled.

A method the class body defines itself is kept, as ``dataclass`` keeps it. ``eq``,
``repr`` and ``order`` are not options of :func:`record` (always compared and shown; never
ordered); its other keyword arguments are ``dataclass``'s: ``@record(slots=False)`` is
``@dataclass(frozen=True)``, for a record that keeps a ``__dict__`` (a ``cached_property``,
an index set in ``__post_init__``). One difference shows:
``__dataclass_params__`` says ``eq=False, repr=False``, since dataclass did not write
those three methods.
"""

from __future__ import annotations

import abc
import dataclasses
import reprlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, cast, overload

T = TypeVar("T", bound=type)

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_kwargs: Any) -> Callable[[Any], Any]:
        return lambda f: f


def _compiled(cls: type, name: str) -> Callable[..., Any]:
    """``cls.name`` as ``dataclasses.dataclass`` (Python 3.11) writes it."""
    fields = dataclasses.fields(cls)
    if name == "__repr__":
        shown = ", ".join(f"{f.name}={{self.{f.name}!r}}" for f in fields if f.repr)
        body = f'  return self.__class__.__qualname__ + f"({shown})"'
        args = "self"
    elif name == "__eq__":
        mine = "".join(f"self.{f.name}," for f in fields if f.compare)
        theirs = "".join(f"other.{f.name}," for f in fields if f.compare)
        body = (
            "  if other.__class__ is self.__class__:\n"
            f"   return ({mine})==({theirs})\n"
            "  return NotImplemented"
        )
        args = "self, other"
    else:  # __hash__
        hashed = "".join(
            f"self.{f.name}," for f in fields if (f.compare if f.hash is None else f.hash)
        )
        body = f"  return hash(({hashed}))"
        args = "self"
    namespace: dict[str, Any] = {}
    exec(f"def {name}({args}):\n{body}\n", {}, namespace)
    method: Callable[..., Any] = namespace[name]
    method.__qualname__ = f"{cls.__qualname__}.{name}"
    method.__module__ = cls.__module__
    if name == "__repr__":
        method = reprlib.recursive_repr()(method)
    return method


# One compilation at a time: two threads' first calls must end with one method on the
# class (two __repr__ wrappers would each keep their own guard against recursion).
_compiling = threading.RLock()


def _stub(cls: type, name: str) -> Callable[..., Any]:
    def stub(self: Any, *args: Any) -> Any:
        with _compiling:
            method = cls.__dict__[name]
            if method is stub:  # not compiled by another thread meanwhile
                method = _compiled(cls, name)
                setattr(cls, name, method)
        return method(self, *args)

    stub.__name__ = name
    stub.__qualname__ = f"{cls.__qualname__}.{name}"
    stub.__module__ = cls.__module__
    return stub


@overload
def record(cls: T, /) -> T: ...


@overload
def record(cls: None = None, /, **kwargs: Any) -> Callable[[T], T]: ...


@dataclass_transform(frozen_default=True)
def record(cls: T | None = None, /, **kwargs: Any) -> T | Callable[[T], T]:
    """``@dataclass(frozen=True, slots=True, **kwargs)`` (``slots=False`` may be given),
    its ``__eq__``, ``__hash__`` and ``__repr__`` compiled when first called (see the
    module's docstring)."""

    def wrap(cls: T) -> T:
        body = cls.__dict__
        own = {name for name in ("__eq__", "__repr__") if name in body}
        # As dataclass decides: a __hash__ of None that Python set because the body
        # defines __eq__ is not the class's own.
        if "__hash__" in body and not (body["__hash__"] is None and "__eq__" in body):
            own.add("__hash__")
        options = {"slots": True, **kwargs}
        made = cast(T, dataclasses.dataclass(cls, frozen=True, repr=False, eq=False, **options))
        for name in ("__eq__", "__hash__", "__repr__"):
            if name not in own:
                setattr(made, name, _stub(made, name))
        abc.update_abstractmethods(made)  # an abstract __eq__ or __repr__ is now defined
        return made

    return wrap if cls is None else wrap(cls)

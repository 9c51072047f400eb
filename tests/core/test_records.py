"""``core.records.record`` behaves as ``@dataclass(frozen=True, slots=True)``: the same
equality, hash, repr, frozenness and fields, its three last methods compiled when first
called (issue 15: the GUI's start)."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jury_desk.core import domain
from jury_desk.core.records import record


def _shaped(name: str, decorate: Any) -> Any:
    """One class body, given to ``decorate`` under ``name``."""

    class Shape:
        name: str
        value: Fraction | None = None
        tags: tuple[str, ...] = ()
        note: str = field(default="", compare=False)
        secret: str = field(default="", repr=False)
        loose: int = field(default=0, hash=False)

    Shape.__name__ = Shape.__qualname__ = name
    return decorate(Shape)


Plain = _shaped("Plain", dataclass(frozen=True, slots=True))  # the reference
Rec = _shaped("Rec", record)  # the same fields, as a record


@record
class Child(Rec):
    extra: str = ""


@record
class Empty:
    pass


@record
class Own:
    a: int

    def __eq__(self, other: object) -> bool:
        return True

    def __repr__(self) -> str:
        return "mine"


@record
class Node:
    label: str
    children: list[Node] = field(default_factory=list, compare=False, hash=False)


values = st.builds(
    lambda *a: a,
    st.text(max_size=5),
    st.none() | st.fractions(max_denominator=7),
    st.lists(st.text(max_size=3), max_size=3).map(tuple),
    st.text(max_size=3),
    st.text(max_size=3),
    st.integers(-3, 3),
)


@given(values, values)
def test_equality_hash_and_repr_are_the_dataclass_ones(a: tuple, b: tuple) -> None:  # type: ignore[type-arg]
    pa, pb, ra, rb = Plain(*a), Plain(*b), Rec(*a), Rec(*b)
    assert (ra == rb) == (pa == pb)
    assert (ra != rb) == (pa != pb)
    assert hash(ra) == hash(pa) and hash(rb) == hash(pb)
    assert repr(ra) == repr(pa).replace("Plain(", "Rec(", 1)
    assert ra != pa and ra.__eq__(pa) is NotImplemented  # another class is never equal
    assert dataclasses.astuple(ra) == dataclasses.astuple(pa)


def test_the_three_methods_are_compiled_once_then_kept() -> None:
    @record
    class Fresh:
        a: int

    stubs = {name: Fresh.__dict__[name] for name in ("__eq__", "__hash__", "__repr__")}
    assert (
        Fresh(1) == Fresh(1)
        and hash(Fresh(2)) == hash((2,))
        and repr(Fresh(3)) == f"{Fresh.__qualname__}(a=3)"
    )
    for name, stub in stubs.items():
        compiled = Fresh.__dict__[name]
        assert compiled is not stub
        assert compiled.__qualname__.endswith(f"Fresh.{name}")
    assert Fresh(1) != Fresh(2) and {Fresh(1), Fresh(1)} == {Fresh(1)}


def test_a_record_is_frozen_slotted_and_a_dataclass() -> None:
    r = Rec("a", Fraction(1, 3), ("x",), note="n", secret="s", loose=2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.name = "b"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del r.name  # type: ignore[misc]
    assert not hasattr(r, "__dict__") and "name" in Rec.__slots__
    assert [f.name for f in dataclasses.fields(Rec)] == [f.name for f in dataclasses.fields(Plain)]
    assert dataclasses.replace(r, name="b") == Rec("b", Fraction(1, 3), ("x",), "n", "s", 2)
    assert Rec.__match_args__ == Plain.__match_args__
    assert pickle.loads(pickle.dumps(r)) == r and copy.deepcopy(r) == r
    assert Rec("a", note="x") == Rec("a", note="y")  # not compared, as in the dataclass
    assert hash(Rec("a", loose=1)) == hash(Rec("a", loose=2))


def test_subclasses_empty_records_own_methods_and_recursion() -> None:
    assert Child("a", extra="e") == Child("a", extra="e") != Child("a", extra="f")
    assert Child("a") != Rec("a")
    assert repr(Child("a")).startswith("Child(name='a'") and "extra=''" in repr(Child("a"))
    assert Empty() == Empty() and hash(Empty()) == hash(()) and repr(Empty()) == "Empty()"
    assert Own(1) == Own(2) and repr(Own(1)) == "mine" and hash(Own(1)) == hash((1,))
    loop = Node("n")
    loop.children.append(loop)
    assert repr(loop) == "Node(label='n', children=[...])"


def test_the_domain_records_keep_their_dataclass_behaviour() -> None:
    c = domain.Criterion(
        "impact", "Impact", "", Fraction(1), Fraction(0), Fraction(10), Fraction(1, 2)
    )
    assert c == dataclasses.replace(c) and hash(c) == hash(dataclasses.replace(c))
    assert repr(c).startswith("Criterion(id='impact', label='Impact'")
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.label = "x"  # type: ignore[misc]


def test_every_frozen_dataclass_of_the_package_is_a_record() -> None:
    """One idiom: a frozen dataclass is written ``@record`` (``@record(slots=False)`` when it
    keeps a ``__dict__``), records.py itself aside."""
    from pathlib import Path

    import jury_desk

    root = Path(jury_desk.__file__).parent
    written = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if p.name != "records.py" and "@dataclass(frozen=True" in p.read_text("utf-8")
    ]
    assert written == []


def test_first_calls_from_two_threads_leave_one_method() -> None:
    import threading

    @record
    class Looped:
        s: str
        items: list[object] = field(default_factory=list, compare=False, hash=False)

    one = Looped("s")
    one.items.append(one)
    start = threading.Barrier(8)
    seen: list[str] = []

    def first() -> None:
        start.wait()
        seen.append(repr(one))

    threads = [threading.Thread(target=first) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(seen) == {f"{Looped.__qualname__}(s='s', items=[...])"}


def test_an_abstract_base_is_satisfied_and_methods_name_their_module() -> None:
    import abc

    class Shown(abc.ABC):
        @abc.abstractmethod
        def __repr__(self) -> str: ...

    @record
    class Concrete(Shown):
        x: int

    assert repr(Concrete(1)).endswith("Concrete(x=1)")  # not abstract any more
    assert Concrete.__eq__.__module__ == __name__
    assert Concrete(1) == Concrete(1)
    assert Concrete.__eq__.__module__ == __name__  # compiled now, still ours


def test_a_record_without_slots_keeps_its_dict_and_cached_properties() -> None:
    from functools import cached_property

    @record(slots=False)
    class Indexed:
        items: tuple[str, ...]

        def __post_init__(self) -> None:
            object.__setattr__(self, "_index", {v: i for i, v in enumerate(self.items)})

        @cached_property
        def first(self) -> str:
            return self.items[0]

    r = Indexed(("a", "b"))
    assert r._index == {"a": 0, "b": 1} and r.first == "a"  # type: ignore[attr-defined]
    assert r == Indexed(("a", "b")) and hash(r) == hash((("a", "b"),))
    assert repr(r).endswith("Indexed(items=('a', 'b'))")
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.items = ()  # type: ignore[misc]
    assert copy.deepcopy(r) == r and copy.deepcopy(r)._index == r._index  # type: ignore[attr-defined]

"""Text that comes from outside (manifests, older databases) and is shown to people.

Two sides (CONTRACT section 5; issue 12, item 6):

- at import, :func:`manifest_problems` lists what the manifest's text fields may not hold:
  control characters (a line feed is allowed in ``summary``, ``description`` and
  ``reason``), bidirectional overrides, embeddings and isolates (U+202A–U+202E,
  U+2066–U+2069), zero-width characters in names, two jurors whose names look alike
  (equal once normalised: NFKC, case folding, zero-width characters removed and common
  Latin look-alikes of other scripts mapped), and duplicate dossier references;
- everywhere text is shown (CLI table, Qt views, the PV), :func:`display` neutralises
  what may still be in a database written before these rules: control and format
  characters removed, line breaks kept only where asked, and, for a widget that applies
  the bidirectional algorithm, the value isolated so that a right-to-left name cannot
  reorder the cells around it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from jury_desk.core.errors import Problem, nested

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Invisible characters that make two names look the same (or one look like another).
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u200e\u200f\u061c")
MULTILINE_FIELDS = frozenset({"summary", "description", "reason"})
FSI, PDI = "\u2068", "\u2069"

# Letters of other scripts drawn like Latin ones (Unicode's confusables, the common part).
_LOOKALIKES = str.maketrans(
    {
        # Cyrillic
        "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
        "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j",
        "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɡ": "g", "ӏ": "l",
        # Greek
        "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
        "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ζ": "z",
        # digits and signs that pass for letters
        "0": "o", "1": "l", "|": "l", "ı": "i",
    }
)  # fmt: skip


def _forbidden(ch: str, multiline: bool) -> str | None:
    """Why ``ch`` may not appear in a text field, or ``None``."""
    if ch in BIDI_CONTROLS:
        return "bidi"
    if ch == "\n" and multiline:
        return None
    if unicodedata.category(ch) == "Cc":
        return "control"
    return None


def field_problem(value: str, field: str) -> Problem | None:
    """The first character ``value`` may not hold (a code, a catalogue key, parameters)."""
    multiline = field in MULTILINE_FIELDS
    for i, ch in enumerate(value):
        why = _forbidden(ch, multiline)
        if why == "bidi":
            return Problem("text_bidi", "text.bidi", char=f"U+{ord(ch):04X}", position=i + 1)
        if why == "control":
            return Problem("text_control", "text.control", char=f"U+{ord(ch):04X}", position=i + 1)
    return None


def skeleton(name: str) -> str:
    """What a name looks like: equal skeletons look alike to a reader."""
    text = "".join(ch for ch in unicodedata.normalize("NFKC", name) if ch not in ZERO_WIDTH)
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_LOOKALIKES)
    return re.sub(r"[\s\-‐‑‒–—_.'’]+", " ", text).strip()


def _hidden(name: str) -> list[str]:
    """Invisible characters in a name (a joiner inside an emoji sequence aside)."""
    out = []
    for i, ch in enumerate(name):
        if ch not in ZERO_WIDTH:
            continue
        if ch == "\u200d" and 0 < i < len(name) - 1:
            around = unicodedata.category(name[i - 1]) + unicodedata.category(name[i + 1])
            if "L" not in around and "N" not in around:
                continue  # 👩‍🔬: part of one pictograph
        out.append(ch)
    return out


def _strings(node: Any, where: str) -> Iterator[tuple[str, str, str]]:
    """(path, field name, value) of every string in a decoded manifest."""
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(v, f"{where}.{k}" if where else str(k))
            if isinstance(v, str):
                yield (f"{where}.{k}" if where else str(k), str(k), v)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _strings(v, f"{where}[{i}]")


def manifest_problems(doc: Any) -> list[Problem]:
    """Every text rule the decoded manifest breaks, first first."""
    out: list[Problem] = []
    for path, field, value in _strings(doc, ""):
        problem = field_problem(value, field)
        if problem is not None:
            out.append(Problem(problem.code, "text.at", path=path, **nested(problem)))
    if not isinstance(doc, dict):
        return out
    jurors: list[Any] = doc["jurors"] if isinstance(doc.get("jurors"), list) else []
    seen: dict[str, str] = {}
    for j in jurors:
        if not isinstance(j, dict) or not isinstance(j.get("name"), str):
            continue
        name = j["name"]
        hidden = _hidden(name)
        if hidden:
            out.append(
                Problem(
                    "text_invisible",
                    "text.invisible",
                    juror=j.get("id"),
                    char=f"U+{ord(hidden[0]):04X}",
                )
            )
        key = skeleton(name)
        if key in seen:
            out.append(
                Problem("juror_lookalike", "text.lookalike", first=seen[key], second=j.get("id"))
            )
        else:
            seen[key] = str(j.get("id"))
    dossiers: list[Any] = doc["dossiers"] if isinstance(doc.get("dossiers"), list) else []
    refs: dict[str, str] = {}
    for d in dossiers:
        if not isinstance(d, dict) or not isinstance(d.get("reference"), str):
            continue
        ref = unicodedata.normalize("NFKC", d["reference"]).casefold().strip()
        if ref in refs:
            out.append(
                Problem(
                    "reference_duplicate",
                    "text.reference_duplicate",
                    reference=d["reference"],
                    first=refs[ref],
                    second=d.get("id"),
                )
            )
        else:
            refs[ref] = str(d.get("id"))
    return out


def display(value: object, *, multiline: bool = False, isolate: bool = False) -> str:
    """Text as it may be shown: control, bidi and zero-width characters removed (line
    feeds kept when ``multiline``, else made spaces); with ``isolate``, a value holding
    right-to-left letters is wrapped in FSI…PDI, for a widget that applies the
    bidirectional algorithm (it then cannot reorder what surrounds it)."""
    if value is None:
        return ""
    text = str(value)
    out = []
    for ch in text:
        if ch in ("\n", "\r", "\t", "\u2028", "\u2029"):
            out.append("\n" if multiline and ch != "\t" else " ")
        elif ch in BIDI_CONTROLS or ch in ZERO_WIDTH:
            continue
        elif unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") or ch == "\ufffe":
            out.append("\ufffd")
        else:
            out.append(ch)
    cleaned = "".join(out)
    if multiline:
        cleaned = cleaned.replace("\r\n", "\n")
    if isolate and any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in cleaned):
        return f"{FSI}{cleaned}{PDI}"
    return cleaned

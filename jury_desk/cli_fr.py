"""argparse in French: « utilisation : », « erreur : », « arguments requis »…

argparse words its messages through ``gettext`` (the module-level ``_`` and ``ngettext``
of :mod:`argparse`), and Python ships no French catalogue for it. :class:`ArgumentParser`
switches a small catalogue on while it builds, parses or formats, through a context
variable; elsewhere in the process (pytest, other tools) argparse is left as it is.
"""

from __future__ import annotations

import argparse
import contextlib
import contextvars
from collections.abc import Callable, Iterator
from typing import Any, NoReturn, TypeVar

NBSP = "\u00a0"

# The messages of Python 3.11–3.13's argparse, in French.
CATALOGUE: dict[str, str] = {
    "usage: ": f"utilisation{NBSP}: ",
    "positional arguments": "arguments",
    "options": "options",
    "optional arguments": "options",
    "show this help message and exit": "affiche cette aide et quitte",
    "show program's version number and exit": "affiche la version et quitte",
    "%(prog)s: error: %(message)s\n": f"%(prog)s{NBSP}: erreur{NBSP}: %(message)s\n",
    "the following arguments are required: %s": f"arguments requis{NBSP}: %s",
    "unrecognized arguments: %s": f"arguments non reconnus{NBSP}: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        f"choix non valable{NBSP}: %(value)r (choisir parmi %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": f"argument %(argument_name)s{NBSP}: %(message)s",
    "expected one argument": "une valeur est attendue",
    "expected at most one argument": "au plus une valeur est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "invalid %(type)s value: %(value)r": f"valeur non valable{NBSP}: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        f"option ambiguë{NBSP}: %(option)s peut désigner %(matches)s"
    ),
    "not allowed with argument %s": "incompatible avec l’argument %s",
    "ignored explicit argument %r": "valeur %r ignorée",
    "one of the arguments %s is required": f"l’un de ces arguments est requis{NBSP}: %s",
    "can't open '%(filename)s': %(error)s": (
        f"impossible d’ouvrir « {NBSP}%(filename)s{NBSP}»{NBSP}: %(error)s"
    ),
    "unexpected option string: %s": f"option inattendue{NBSP}: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        f"commande inconnue %(parser_name)r (choix{NBSP}: %(choices)s)"
    ),
    "invalid option string %(option)r: must start with a character %(prefix_chars)r": (
        f"option %(option)r non valable{NBSP}: elle doit commencer par %(prefix_chars)r"
    ),
}
PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("expected %s argument", "expected %s arguments"): (
        "%s valeur est attendue",
        "%s valeurs sont attendues",
    ),
}

_active: contextvars.ContextVar[bool] = contextvars.ContextVar("jury_desk_cli_fr", default=False)
_installed = False
_original_gettext: Callable[[str], str] = argparse._  # type: ignore[attr-defined]
_original_ngettext: Callable[[str, str, int], str] = argparse.ngettext  # type: ignore[attr-defined]


def gettext(message: str) -> str:
    if not _active.get():
        return _original_gettext(message)
    out = CATALOGUE.get(message)
    if out is None:
        return _original_gettext(message)
    return out


def ngettext(singular: str, plural: str, n: int) -> str:
    if _active.get():
        pair = PLURALS.get((singular, plural))
        if pair is not None:
            return pair[0] if n == 1 else pair[1]
    return _original_ngettext(singular, plural, n)


def install() -> None:
    """Route argparse's messages through this module (once; inactive outside :func:`french`)."""
    global _installed
    if _installed:
        return
    argparse._ = gettext  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
    _installed = True


@contextlib.contextmanager
def french() -> Iterator[None]:
    install()
    token = _active.set(True)
    try:
        yield
    finally:
        _active.reset(token)


T = TypeVar("T")


def _in_french(fn: Callable[..., T]) -> Callable[..., T]:
    def wrapper(*args: Any, **kwargs: Any) -> T:
        with french():
            return fn(*args, **kwargs)

    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    return wrapper


class ArgumentParser(argparse.ArgumentParser):
    """An argparse parser whose own messages (usage, errors, help) are in French."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with french():
            super().__init__(*args, **kwargs)

    add_argument = _in_french(argparse.ArgumentParser.add_argument)
    add_subparsers = _in_french(argparse.ArgumentParser.add_subparsers)
    parse_args = _in_french(argparse.ArgumentParser.parse_args)  # type: ignore[assignment]
    parse_known_args = _in_french(argparse.ArgumentParser.parse_known_args)  # type: ignore[assignment]
    format_usage = _in_french(argparse.ArgumentParser.format_usage)
    format_help = _in_french(argparse.ArgumentParser.format_help)

    def error(self, message: str) -> NoReturn:
        with french():
            super().error(message)

"""QtPdf and QtPdfWidgets (in the ``PySide6-Addons`` wheel up to 6.11), through the one import point."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtPdf
from PySide6.QtPdfWidgets import QPdfPageSelector, QPdfView  # noqa: F401

from jury_desk.qt import forward

if TYPE_CHECKING:
    from PySide6.QtPdf import *  # noqa: F403
else:
    __getattr__ = forward(QtPdf, globals())

"""QtPdf and QtPdfWidgets (the ``PySide6_Pdf`` wheel), through the one import point."""

from PySide6.QtPdf import *  # noqa: F403
from PySide6.QtPdfWidgets import QPdfPageSelector, QPdfView  # noqa: F401

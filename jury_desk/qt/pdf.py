"""QtPdf and QtPdfWidgets (in the ``PySide6-Addons`` wheel up to 6.11), through the one import point."""

from PySide6.QtPdf import *  # noqa: F403
from PySide6.QtPdfWidgets import QPdfPageSelector, QPdfView  # noqa: F401

"""jury_desk: offline desktop application for the Label Actions Innovantes jury sessions."""

__version__ = "0.1.0"

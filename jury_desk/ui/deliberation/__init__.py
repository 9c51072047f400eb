"""The deliberation: ranking, pictures, the jury's decision, closing and export.

``DeliberationView(desk, session_id, hub, parent)`` is the secretary's page;
``SharedDeliberationPanel`` is its page for the shared screen.
"""

from __future__ import annotations

from jury_desk.ui.deliberation.view import DeliberationView, SharedDeliberationPanel

__all__ = ["DeliberationView", "SharedDeliberationPanel"]

"""Small accessibility helpers shared by the views (issue 17).

- ``caption(label, text)``: a label that shows a value (the timer's digits, a dossier
  field, the quorum) keeps its text as accessible name, so a screen reader reads the
  value, and says what the value is in its description (« Porteur »).
- ``navigable(view)``: a table or list the keyboard can leave: Tab goes to the next
  control (no trap, WCAG 2.1.2), the arrows move inside; its focus is reached by Tab.
"""

from __future__ import annotations

from jury_desk.qt.core import Qt
from jury_desk.qt.widgets import QAbstractItemView, QLabel


def caption(label: QLabel, text: str) -> QLabel:
    label.setAccessibleName("")  # the name is the label's own text, whatever it shows
    label.setAccessibleDescription(text)
    return label


def navigable(view: QAbstractItemView) -> QAbstractItemView:
    view.setTabKeyNavigation(False)
    view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return view

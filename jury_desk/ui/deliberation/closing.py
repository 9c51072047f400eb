"""Before closing: the checklist (issue 13, item 4) and entering a hearing afterwards.

:class:`ClosingChecklistDialog` shows what blocks the closing (the contract's rules, from
the deliberation's blockers) and what the secretary should look at (dossiers never heard,
opinions missing, jurors absent, sheets without a comment: ``core.checklist``). Blockers
keep « Clore » disabled; warnings must be acknowledged. A dossier never heard leads to
:class:`HearingAfterwardsDialog`: its start, the durations and the reason, audited.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import TYPE_CHECKING, Any

from jury_desk.core import checklist, hearings
from jury_desk.qt.core import QCoreApplication, QDate, QDateTime, Qt, QTime, Signal, Slot
from jury_desk.qt.widgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from jury_desk.ui.deliberation.controller import Snapshot

DOSSIER_ROLE = int(Qt.ItemDataRole.UserRole) + 1
CODE_ROLE = int(Qt.ItemDataRole.UserRole) + 2


class HearingAfterwardsDialog(QDialog):
    """Start, durations and reason of a hearing held without the timer."""

    def __init__(self, snap: Snapshot, dossier_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        st = snap.state
        d = st.dossier(dossier_id)
        self.dossier_id = dossier_id
        self.setWindowTitle(self.tr("Saisir une audition après coup"))
        self.setAccessibleName(self.windowTitle())
        intro = QLabel(
            self.tr(
                "Audition de {ref} — {title}, tenue sans le chronomètre de l’application "
                "(journée sur papier, panne). Elle sera inscrite au journal d’audit avec son "
                "motif."
            ).format(ref=d.id, title=d.title),
            self,
        )
        intro.setWordWrap(True)
        self.start = QDateTimeEdit(self)
        self.start.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.start.setCalendarPopup(True)
        planned = _planned_start(st.info.date, d.hearing_start)
        self._tz = planned.tzinfo  # the session's offset: the hearing was held there
        self.start.setDateTime(
            QDateTime(
                QDate(planned.year, planned.month, planned.day),
                QTime(planned.hour, planned.minute),
            )
        )
        self.presentation = _minutes(self, st.info.timer.presentation_s)
        self.questions = _minutes(self, st.info.timer.questions_s)
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(
            self.tr("Par exemple : audition tenue sur papier après la panne de l’ordinateur")
        )
        self.reason.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.reason_hint = QLabel(self)
        self.reason_hint.setObjectName("hint")
        self.reason_hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Début :"), self.start)
        form.addRow(self.tr("&Présentation (minutes) :"), self.presentation)
        form.addRow(self.tr("&Questions (minutes) :"), self.questions)
        form.addRow(self.tr("&Motif :"), self.reason)
        form.addRow("", self.reason_hint)
        self.buttons = QDialogButtonBox(self)
        self.ok = self.buttons.addButton(
            self.tr("&Enregistrer l’audition"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        self.reason.textChanged.connect(self._check)
        self._check()
        self.resize(560, self.sizeHint().height())

    @Slot()
    def _check(self) -> None:
        ok = hearings.is_sentence(self.reason.toPlainText())
        self.ok.setEnabled(ok)
        self.reason_hint.setText(
            "" if ok else self.tr("Le motif est une phrase d’au moins 20 caractères.")
        )

    def values(self) -> dict[str, Any]:
        """What :meth:`DeliberationController.record_hearing_afterwards` takes."""
        q = self.start.dateTime()
        day, hm = q.date(), q.time()
        dt = datetime(day.year(), day.month(), day.day(), hm.hour(), hm.minute(), tzinfo=self._tz)
        return {
            "dossier_id": self.dossier_id,
            "started_at": dt.replace(microsecond=0).isoformat(),
            "presentation_s": self.presentation.value() * 60,
            "questions_s": self.questions.value() * 60,
            "reason": self.reason.toPlainText().strip(),
        }


def _minutes(parent: QWidget, seconds: int) -> QSpinBox:
    box = QSpinBox(parent)
    box.setRange(0, 240)
    box.setSuffix(" min")
    box.setValue(round(seconds / 60))
    return box


def _planned_start(day: str, planned: str | None) -> datetime:
    """The hearing's planned start (with its offset), else 9 h 30 on the session's day."""
    if planned:
        return datetime.fromisoformat(planned)
    return datetime.combine(datetime.fromisoformat(day).date(), time(9, 30)).astimezone()


class ClosingChecklistDialog(QDialog):
    """What blocks and what to look at before closing; « Clore » once it is all seen."""

    hearingRequested = Signal(str)  # dossier id: enter its hearing afterwards

    def __init__(self, snap: Snapshot, blockers: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Avant de clore la délibération"))
        self.setAccessibleName(self.windowTitle())
        self.snap = snap
        st = snap.state
        self.items = checklist.closing_checklist(
            st, (lau.dossier_id for lau in snap.decision.laureates)
        )
        lay = QVBoxLayout(self)
        self.blockers_title = QLabel(
            self.tr("Ce qui empêche la clôture ({n})").format(n=len(blockers)), self
        )
        self.blockers_title.setObjectName("sectionTitle")
        self.blockers = QListWidget(self)
        self.blockers.setAccessibleName(self.tr("Ce qui empêche la clôture"))
        self.blockers.setWordWrap(True)
        self.blockers.addItems(blockers)
        self.blockers_title.setVisible(bool(blockers))
        self.blockers.setVisible(bool(blockers))
        lay.addWidget(self.blockers_title)
        lay.addWidget(self.blockers)

        self.warnings_title = QLabel(
            self.tr("À vérifier avant de clore ({n})").format(n=len(self.items)), self
        )
        self.warnings_title.setObjectName("sectionTitle")
        self.warnings = QListWidget(self)
        self.warnings.setAccessibleName(self.tr("Points à vérifier avant de clore"))
        self.warnings.setWordWrap(True)
        self._fill()
        self.warnings.itemActivated.connect(self._activated)
        self.warnings.currentItemChanged.connect(self._current_changed)
        self.warnings_title.setBuddy(self.warnings)
        lay.addWidget(self.warnings_title)
        lay.addWidget(self.warnings, 1)
        hint_row = QHBoxLayout()
        self.hearing_button = QPushButton(self.tr("&Saisir l’audition après coup…"), self)
        self.hearing_button.setEnabled(False)
        self.hearing_button.clicked.connect(self._enter_hearing)
        hint_row.addWidget(self.hearing_button)
        hint_row.addStretch(1)
        lay.addLayout(hint_row)
        self.seen = QCheckBox(self.tr("J’ai &vérifié ces points ; ils n’empêchent pas de clore"))
        self.seen.setVisible(bool(self.items))
        self.seen.toggled.connect(self._update)
        lay.addWidget(self.seen)

        self.buttons = QDialogButtonBox(self)
        self.close_button = self.buttons.addButton(
            self.tr("&Clore la délibération"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)
        self.has_blockers = bool(blockers)
        self._update()
        self._current_changed(self.warnings.currentItem(), None)
        self.resize(720, 520)

    def _fill(self) -> None:
        self.warnings.clear()
        for item in self.items:
            row = QListWidgetItem(describe_item(self.snap, item))
            row.setData(DOSSIER_ROLE, item.dossier_id)
            row.setData(CODE_ROLE, item.code)
            self.warnings.addItem(row)
        if self.items:
            self.warnings.setCurrentRow(0)

    @Slot(object)
    def refresh(self, snap: Snapshot) -> None:
        """A new reading (a hearing was entered): the list follows."""
        self.snap = snap
        self.items = checklist.closing_checklist(
            snap.state, (lau.dossier_id for lau in snap.decision.laureates)
        )
        self.warnings_title.setText(
            self.tr("À vérifier avant de clore ({n})").format(n=len(self.items))
        )
        self._fill()
        self.seen.setVisible(bool(self.items))
        self._update()
        self._current_changed(self.warnings.currentItem(), None)

    @Slot()
    def _update(self) -> None:
        self.close_button.setEnabled(
            not self.has_blockers and (not self.items or self.seen.isChecked())
        )

    @Slot(object, object)
    def _current_changed(self, current: Any, _previous: Any) -> None:
        self.hearing_button.setEnabled(
            current is not None and current.data(CODE_ROLE) == checklist.NEVER_HEARD
        )

    @Slot(object)
    def _activated(self, item: QListWidgetItem) -> None:
        if item.data(CODE_ROLE) == checklist.NEVER_HEARD:
            self.hearingRequested.emit(str(item.data(DOSSIER_ROLE)))

    @Slot()
    def _enter_hearing(self) -> None:
        item = self.warnings.currentItem()
        if item is not None:
            self._activated(item)


def describe_item(snap: Snapshot, item: checklist.CheckItem) -> str:
    """One point of the checklist in words."""
    st = snap.state
    d = st.dossier(item.dossier_id) if item.dossier_id else None
    j = st.juror(item.juror_id) if item.juror_id else None
    dossier = f"{d.id} — {d.title}" if d is not None else ""
    juror = j.name if j is not None else ""
    if item.code == checklist.NEVER_HEARD and item.laureate:
        text = QCoreApplication.translate(
            "ClosingChecklist",
            "{dossier} : lauréat proposé jamais entendu (aucune audition enregistrée).",
        )
    elif item.code == checklist.NEVER_HEARD:
        text = QCoreApplication.translate(
            "ClosingChecklist", "{dossier} : jamais entendu (aucune audition enregistrée)."
        )
    elif item.code == checklist.OPINION_MISSING:
        text = QCoreApplication.translate(
            "ClosingChecklist", "{dossier} : pas d’avis motivé pour le porteur."
        )
    elif item.code == checklist.JUROR_ABSENT:
        text = QCoreApplication.translate("ClosingChecklist", "{juror} est absent(e) de la séance.")
    elif item.code == checklist.COMMENT_MISSING:
        text = QCoreApplication.translate(
            "ClosingChecklist", "{dossier} : la feuille de {juror} n’a pas de commentaire."
        )
    else:
        text = item.code
    return text.format(dossier=dossier, juror=juror)


def checklist_lines(snap: Snapshot) -> list[str]:
    """The warnings as plain lines (a headless confirmation, a log)."""
    items = checklist.closing_checklist(
        snap.state, (lau.dossier_id for lau in snap.decision.laureates)
    )
    return [describe_item(snap, i) for i in items]


class SignerDialog(QDialog):
    """Who signs the minutes: asked once, kept in the settings (issue 13, item 7)."""

    def __init__(self, name: str = "", role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signataire du procès-verbal"))
        intro = QLabel(
            self.tr(
                "Le procès-verbal porte le nom et la qualité de la personne qui le signe. "
                "Ils sont demandés une fois et gardés dans les préférences."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.name = QLineEdit(name, self)
        self.role = QLineEdit(role or self.tr("Secrétaire du jury"), self)
        from jury_desk.core.api import SIGNER_MAX

        for edit in (self.name, self.role):
            edit.setMaxLength(SIGNER_MAX)
        form = QFormLayout()
        form.addRow(self.tr("&Nom et prénom :"), self.name)
        form.addRow(self.tr("&Qualité :"), self.role)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("&Enregistrer"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(buttons)
        self.name.textChanged.connect(self._check)
        self._check()

    @Slot()
    def _check(self) -> None:
        self.ok.setEnabled(len(self.name.text().strip()) >= 3)

    def values(self) -> tuple[str, str]:
        return self.name.text().strip(), self.role.text().strip()


def signer_from_settings(parent: QWidget | None) -> tuple[str, str] | None:
    """The signer kept in the settings, asked for (once) when there is none."""
    from jury_desk.ui import dialogs, prefs

    settings = prefs.current()
    name = (getattr(settings, "signer_name", None) or "").strip()
    role = (getattr(settings, "signer_role", None) or "").strip()
    if name:
        return name, role
    if dialogs.HEADLESS:
        return None
    dialog = SignerDialog(parent=parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        name, role = dialog.values()
    finally:
        dialog.deleteLater()
    prefs.update(settings, signer_name=name, signer_role=role)
    return name, role

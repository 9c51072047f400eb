"""The dossier panel of the secretary's console (never shown on the shared screen)."""

from __future__ import annotations

from fractions import Fraction

from jury_desk.core import fmt
from jury_desk.core.domain import Dossier, HolderKind
from jury_desk.core.state import Hearing
from jury_desk.qt.core import Qt
from jury_desk.qt.widgets import QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget
from jury_desk.ui import a11y, theme, uifmt


def holder_kind_label(kind: HolderKind) -> str:
    from jury_desk.qt.core import QCoreApplication

    return {
        HolderKind.ASSOCIATION: QCoreApplication.translate("DossierPanel", "association"),
        HolderKind.COLLECTIF: QCoreApplication.translate("DossierPanel", "collectif"),
        HolderKind.HABITANTS: QCoreApplication.translate("DossierPanel", "collectif d’habitants"),
        HolderKind.AUTRE: QCoreApplication.translate("DossierPanel", "autre"),
    }[kind]


class DossierPanel(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Fiche du dossier"))
        body = QWidget()
        self.setWidget(body)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(12, 8, 12, 8)
        self.position = QLabel("")
        self.position.setObjectName("fieldName")
        lay.addWidget(self.position)
        self.title = QLabel("")
        self.title.setObjectName("dossierTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        theme.scaled(self.title, 1.35, bold=True)
        lay.addWidget(self.title)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        for key, label in [
            ("holder", self.tr("Porteur")),
            ("ids", self.tr("RNA / SIRET")),
            ("commune", self.tr("Commune")),
            ("qpv", self.tr("Quartier prioritaire")),
            ("manager", self.tr("Chef de projet")),
            ("requested", self.tr("Montant demandé")),
            ("budget", self.tr("Budget total")),
            ("hearing", self.tr("Audition")),
            ("contact", self.tr("Contact")),
        ]:
            name = QLabel(label + " :")
            name.setObjectName("fieldName")
            value = QLabel("")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            a11y.caption(value, label)
            name.setBuddy(value)
            form.addRow(name, value)
            self.fields[key] = value
        lay.addLayout(form)
        summary_title = QLabel(self.tr("Résumé du projet"))
        summary_title.setObjectName("sectionTitle")
        lay.addWidget(summary_title)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        a11y.caption(self.summary, self.tr("Résumé du projet"))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.summary)
        lay.addStretch(1)

    def show_dossier(
        self, d: Dossier | None, total: int = 0, hearing: Hearing | None = None
    ) -> None:
        if d is None:
            self.position.setText("")
            self.title.setText(self.tr("Aucun dossier sélectionné"))
            for v in self.fields.values():
                v.setText("")
            self.summary.setText("")
            return
        self.position.setText(
            self.tr("Dossier {n} sur {total} — {ref}").format(
                n=d.hearing_order, total=total, ref=d.reference
            )
        )
        self.title.setText(d.title)
        f = self.fields
        f["holder"].setText(f"{d.holder_name} ({holder_kind_label(d.holder_kind)})")
        f["ids"].setText(" / ".join(x for x in (d.holder_rna or "—", d.holder_siret or "—")))
        f["commune"].setText(d.commune)
        f["qpv"].setText(f"{d.qpv_name} ({d.qpv_code})")
        f["manager"].setText(d.project_manager)
        f["requested"].setText(fmt.euros(d.amount_requested_cents))
        share = ""
        if d.budget_total_cents:
            pct = Fraction(100 * d.amount_requested_cents, d.budget_total_cents)
            share = (
                self.tr(" (le montant demandé en représente {pct} %)")
                .format(pct=fmt.number(pct, 0))
                .replace(" %", "\u00a0%")
            )
        f["budget"].setText(fmt.euros(d.budget_total_cents) + share)
        planned = uifmt.time_hm(d.hearing_start) if d.hearing_start else "—"
        text = self.tr("prévue à {time}").format(time=planned)
        if hearing is not None and hearing.presentation_s is not None:
            text += " — " + self.tr("présentation {p}").format(
                p=fmt.duration(hearing.presentation_s)
            )
            if hearing.questions_s is not None:
                text += ", " + self.tr("questions {q}").format(q=fmt.duration(hearing.questions_s))
        f["hearing"].setText(text)
        f["contact"].setText(
            (d.holder_contact or "—") + "  " + self.tr("(jamais affiché sur l’écran partagé)")
        )
        self.summary.setText(d.summary)

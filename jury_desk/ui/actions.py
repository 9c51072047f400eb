"""Every command of the hearing room as a QAction: one text, one shortcut, used by the
menus, the buttons, the shared screen (so its keys work there too) and the shortcut list."""

from __future__ import annotations

from jury_desk.qt.core import QObject, Qt
from jury_desk.qt.gui import QAction, QKeySequence


class Actions(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        K = QKeySequence
        SK = QKeySequence.StandardKey

        def act(
            text: str,
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
            checkable: bool = False,
            tip: str | None = None,
        ) -> QAction:
            a = QAction(text, parent)
            if shortcut is not None:
                a.setShortcut(K(shortcut) if isinstance(shortcut, str) else shortcut)
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            a.setCheckable(checkable)
            if tip:
                a.setToolTip(tip)
                a.setStatusTip(tip)
            return a

        # File
        self.import_bundle = act(self.tr("&Importer un paquet de session…"), "Ctrl+I")
        self.open_demo = act(self.tr("Ouvrir la session de &démonstration"))
        self.open_db = act(self.tr("&Ouvrir une base…"), "Ctrl+O")
        self.welcome = act(self.tr("Écran d’&accueil"))
        self.settings = act(self.tr("&Préférences…"), "Ctrl+,")
        self.quit = act(self.tr("&Quitter"), "Ctrl+Q")
        # Hearing
        self.timer_toggle = act(
            self.tr("&Démarrer"),
            "F5",
            tip=self.tr("Démarrer, mettre en pause ou reprendre le chronomètre"),
        )
        self.timer_next = act(
            self.tr("Phase &suivante"),
            "F6",
            tip=self.tr("Passer de la présentation aux questions, puis terminer"),
        )
        self.timer_finish = act(self.tr("&Terminer l’audition"), "F7")
        self.timer_reset = act(self.tr("&Réinitialiser le chronomètre…"), "F8")
        self.prev_dossier = act(self.tr("Dossier &précédent"), "Ctrl+PgUp")
        self.next_dossier = act(self.tr("Dossier &suivant"), "Ctrl+PgDown")
        # Pages
        self.page_hearing = act(self.tr("Page &Audition"), "Ctrl+1")
        self.page_scoring = act(self.tr("Page &Notation"), "Ctrl+2")
        self.page_attendance = act(self.tr("Page &Présences et déports"), "Ctrl+3")
        self.page_deliberation = act(self.tr("Page &Délibération"), "Ctrl+4")
        # Scoring
        self.undo = act(self.tr("&Annuler la dernière saisie"), "Ctrl+Z")
        self.deport = act(
            self.tr("Dé&port…"),
            "Ctrl+D",
            tip=self.tr("Enregistrer le déport du juré sélectionné pour ce dossier"),
        )
        self.validate_sheets = act(
            self.tr("Valider les &feuilles complètes…"),
            "Ctrl+Shift+V",
            tip=self.tr(
                "Valider les feuilles complètes de ce dossier : une modification ultérieure "
                "demandera un motif, inscrit au procès-verbal"
            ),
        )
        self.blind = act(self.tr("Notation à l’a&veugle"), checkable=True)
        self.import_sheets = act(self.tr("&Importer des feuilles papier…"), "Ctrl+Shift+I")
        self.double_entry = act(self.tr("Double &saisie : comparer deux fichiers…"))
        self.print_sheets = act(self.tr("Feuilles de notation vier&ges (PDF)…"))
        self.print_attendance = act(self.tr("Feuille d’é&margement (PDF)…"))
        self.devices = act(self.tr("Appareils des &jurés…"), "Ctrl+Shift+J")
        self.reveal = act(self.tr("&Révéler les notes…"))
        # Shared screen
        self.shared_show = act(self.tr("&Afficher l’écran partagé"), "Ctrl+E")
        self.shared_fullscreen = act(self.tr("Écran partagé en &plein écran"), "F11")
        self.shared_scoring = act(self.tr("&Grille sur l’écran partagé"), "Ctrl+G", checkable=True)
        self.shared_black = act(self.tr("Écran partagé &noir"), "Ctrl+B", checkable=True)
        self.shared_close = act(self.tr("&Fermer l’écran partagé"), "Ctrl+F4")
        self.shared_next_screen = act(self.tr("&Changer d’écran (écran suivant)"), "Ctrl+M")
        # View
        self.zoom_in = act(self.tr("A&grandir le texte"), SK.ZoomIn)
        self.zoom_in.setShortcuts([K("Ctrl++"), K("Ctrl+=")])
        self.zoom_out = act(self.tr("&Réduire le texte"), SK.ZoomOut)
        self.zoom_out.setShortcuts([K("Ctrl+-")])
        self.zoom_reset = act(self.tr("&Taille normale du texte"), "Ctrl+0")
        self.high_contrast = act(self.tr("&Contraste élevé"), checkable=True)
        self.shortcuts = act(self.tr("&Raccourcis clavier"), "F1")
        self.about = act(self.tr("À &propos de jury_desk"))

    def hearing_actions(self) -> list[QAction]:
        """Those that must also work while the shared screen has the focus."""
        return [
            self.timer_toggle,
            self.timer_next,
            self.timer_finish,
            self.timer_reset,
            self.prev_dossier,
            self.next_dossier,
            self.shared_fullscreen,
            self.shared_scoring,
            self.shared_black,
            self.shared_close,
            self.zoom_in,
            self.zoom_out,
        ]

    def all(self) -> list[QAction]:
        return [v for v in vars(self).values() if isinstance(v, QAction)]

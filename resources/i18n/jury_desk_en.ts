<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Importer un paquet de session…</source>
        <translation>&amp;Import a session bundle…</translation>
    </message>
    <message>
        <source>Ouvrir la session de &amp;démonstration</source>
        <translation>Open the &amp;demonstration session</translation>
    </message>
    <message>
        <source>&amp;Ouvrir une base…</source>
        <translation>&amp;Open a database…</translation>
    </message>
    <message>
        <source>Écran d’&amp;accueil</source>
        <translation>&amp;Welcome screen</translation>
    </message>
    <message>
        <source>&amp;Préférences…</source>
        <translation>&amp;Preferences…</translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Démarrer</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>Démarrer, mettre en pause ou reprendre le chronomètre</source>
        <translation>Start, pause or resume the timer</translation>
    </message>
    <message>
        <source>Phase &amp;suivante</source>
        <translation>&amp;Next phase</translation>
    </message>
    <message>
        <source>Passer de la présentation aux questions, puis terminer</source>
        <translation>Go from the presentation to the questions, then end</translation>
    </message>
    <message>
        <source>&amp;Terminer l’audition</source>
        <translation>&amp;End the hearing</translation>
    </message>
    <message>
        <source>&amp;Réinitialiser le chronomètre…</source>
        <translation>&amp;Reset the timer…</translation>
    </message>
    <message>
        <source>Dossier &amp;précédent</source>
        <translation>&amp;Previous dossier</translation>
    </message>
    <message>
        <source>Dossier &amp;suivant</source>
        <translation>&amp;Next dossier</translation>
    </message>
    <message>
        <source>Page &amp;Audition</source>
        <translation>&amp;Hearing page</translation>
    </message>
    <message>
        <source>Page &amp;Notation</source>
        <translation>&amp;Scoring page</translation>
    </message>
    <message>
        <source>Page &amp;Présences et déports</source>
        <translation>&amp;Attendance and recusals page</translation>
    </message>
    <message>
        <source>Page &amp;Délibération</source>
        <translation>&amp;Deliberation page</translation>
    </message>
    <message>
        <source>&amp;Annuler la dernière saisie</source>
        <translation>&amp;Undo the last entry</translation>
    </message>
    <message>
        <source>Dé&amp;port…</source>
        <translation>&amp;Recusal…</translation>
    </message>
    <message>
        <source>Enregistrer le déport du juré sélectionné pour ce dossier</source>
        <translation>Record the recusal of the selected juror for this dossier</translation>
    </message>
    <message>
        <source>Valider les &amp;feuilles complètes…</source>
        <translation>&amp;Validate the complete sheets…</translation>
    </message>
    <message>
        <source>Valider les feuilles complètes de ce dossier : une modification ultérieure demandera un motif, inscrit au procès-verbal</source>
        <translation>Validate this dossier&apos;s complete sheets: any later change will need a reason, written in the minutes</translation>
    </message>
    <message>
        <source>Notation à l’a&amp;veugle</source>
        <translation>&amp;Blind scoring</translation>
    </message>
    <message>
        <source>&amp;Importer des feuilles papier…</source>
        <translation>&amp;Import paper sheets…</translation>
    </message>
    <message>
        <source>Double &amp;saisie : comparer deux fichiers…</source>
        <translation>Double &amp;entry: compare two files…</translation>
    </message>
    <message>
        <source>Feuilles de notation vier&amp;ges (PDF)…</source>
        <translation>Blank scoring &amp;sheets (PDF)…</translation>
    </message>
    <message>
        <source>Feuille d’é&amp;margement (PDF)…</source>
        <translation>&amp;Attendance sheet (PDF)…</translation>
    </message>
    <message>
        <source>Appareils des &amp;jurés…</source>
        <translation>&amp;Jurors&apos; devices…</translation>
    </message>
    <message>
        <source>&amp;Révéler les notes…</source>
        <translation>Re&amp;veal the scores…</translation>
    </message>
    <message>
        <source>&amp;Afficher l’écran partagé</source>
        <translation>&amp;Show the shared screen</translation>
    </message>
    <message>
        <source>Écran partagé en &amp;plein écran</source>
        <translation>Shared screen &amp;full screen</translation>
    </message>
    <message>
        <source>&amp;Grille sur l’écran partagé</source>
        <translation>&amp;Grid on the shared screen</translation>
    </message>
    <message>
        <source>Écran partagé &amp;noir</source>
        <translation>&amp;Black screen</translation>
    </message>
    <message>
        <source>&amp;Fermer l’écran partagé</source>
        <translation>&amp;Close the shared screen</translation>
    </message>
    <message>
        <source>&amp;Changer d’écran (écran suivant)</source>
        <translation>&amp;Next screen</translation>
    </message>
    <message>
        <source>A&amp;grandir le texte</source>
        <translation>&amp;Larger text</translation>
    </message>
    <message>
        <source>&amp;Réduire le texte</source>
        <translation>&amp;Smaller text</translation>
    </message>
    <message>
        <source>&amp;Taille normale du texte</source>
        <translation>&amp;Normal text size</translation>
    </message>
    <message>
        <source>&amp;Contraste élevé</source>
        <translation>High &amp;contrast</translation>
    </message>
    <message>
        <source>&amp;Raccourcis clavier</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>À &amp;propos de jury_desk</source>
        <translation>&amp;About jury_desk</translation>
    </message>
</context>
<context>
    <name>AlternativesChart</name>
    <message>
        <source>Comparaison avec d&apos;autres méthodes de classement</source>
        <translation>Comparison with other ranking methods</translation>
    </message>
    <message>
        <source>Moyenne
(règle)</source>
        <translation>Mean
(rule)</translation>
    </message>
    <message>
        <source>Médiane</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>z-scores
par juré</source>
        <translation>z-scores
by juror</translation>
    </message>
    <message>
        <source>Jugement
majoritaire</source>
        <translation>Majority
judgement</translation>
    </message>
    <message>
        <source>mêmes lauréats</source>
        <translation>same laureates</translation>
    </message>
    <message>
        <source>entrerait : {ids}</source>
        <translation>would come in: {ids}</translation>
    </message>
    <message>
        <source>sortirait : {ids}</source>
        <translation>would go out: {ids}</translation>
    </message>
    <message>
        <source>Aucun dossier valide : rien à comparer.</source>
        <translation>No valid dossier: nothing to compare.</translation>
    </message>
    <message>
        <source>Qui changerait ? ● lauréat selon la méthode, ○ non retenu ; trait orange : entrerait, tireté rouge : sortirait</source>
        <translation>Who would change? ● laureate by the method, ○ not selected; orange line: would come in, red dashes: would go out</translation>
    </message>
</context>
<context>
    <name>AmountDelegate</name>
    <message>
        <source>Montant accordé en euros</source>
        <translation>Granted amount in euros</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>La base « {path} » est utilisée par un autre programme jury_desk (une commande dans une console, ou une fenêtre qui se ferme). Réessayez quand il a fini ; si aucun n’est ouvert, redémarrez la session Windows.</source>
        <translation>The database “{path}” is in use by another jury_desk program (a command in a console, or a window that is closing). Try again when it has finished; if none is open, restart the Windows session.</translation>
    </message>
</context>
<context>
    <name>AttachmentsView</name>
    <message>
        <source>Pièces jointes</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Pièces jointes du dossier</source>
        <translation>The dossier&apos;s attachments</translation>
    </message>
    <message>
        <source>Réduire</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Largeur</source>
        <translation>Width</translation>
    </message>
    <message>
        <source>Ajuster à la largeur</source>
        <translation>Fit to width</translation>
    </message>
    <message>
        <source>Agrandir</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Ouvrir dans le lecteur PDF du système</source>
        <translation>Open in the system&apos;s PDF reader</translation>
    </message>
    <message>
        <source>Ouvre une copie temporaire dans le lecteur PDF (ou d’images) du système, lisible par un lecteur d’écran ; la copie est effacée à la fermeture.</source>
        <translation>Opens a temporary copy in the system&apos;s PDF (or image) reader, which a screen reader can read; the copy is erased on closing.</translation>
    </message>
    <message>
        <source>Aperçu du document PDF</source>
        <translation>PDF document preview</translation>
    </message>
    <message>
        <source>Aperçu de l’image</source>
        <translation>Image preview</translation>
    </message>
    <message>
        <source>Aucune pièce jointe pour ce dossier.</source>
        <translation>No attachment for this dossier.</translation>
    </message>
    <message>
        <source>Affichage de « {title} »…</source>
        <translation>Showing “{title}”…</translation>
    </message>
    <message>
        <source>Page {n} sur {total}</source>
        <translation>Page {n} of {total}</translation>
    </message>
    <message>
        <source>le document demande plus de mémoire ou de temps de calcul que l’application n’en accorde à l’affichage (document trop complexe, ou piégé). L’affichage a été arrêté ; le reste de l’application n’est pas affecté. Demandez au porteur une version simplifiée si elle est nécessaire.</source>
        <translation>the document needs more memory or processing time than the application allows for display (an overly complex or booby-trapped document). Display was stopped; the rest of the application is not affected. Ask the applicant for a simpler version if it is needed.</translation>
    </message>
    <message>
        <source>son affichage prenait trop de temps et a été arrêté (document trop complexe, ou piégé) ; le reste de l’application n’est pas affecté.</source>
        <translation>displaying it took too long and was stopped (an overly complex or booby-trapped document); the rest of the application is not affected.</translation>
    </message>
    <message>
        <source>le document est protégé par un mot de passe.</source>
        <translation>the document is password-protected.</translation>
    </message>
    <message>
        <source>le fichier est trop volumineux pour être affiché.</source>
        <translation>the file is too large to be displayed.</translation>
    </message>
    <message>
        <source>le module d’affichage des PDF n’a pas pu démarrer ; réinstallez l’application si cela se reproduit.</source>
        <translation>the PDF display module could not start; reinstall the application if this happens again.</translation>
    </message>
    <message>
        <source>ce n’est pas un document PDF lisible.</source>
        <translation>it is not a readable PDF document.</translation>
    </message>
    <message>
        <source>Cette pièce jointe n’a pas pu être affichée : {reason}</source>
        <translation>This attachment could not be displayed: {reason}</translation>
    </message>
    <message>
        <source>Cette pièce jointe n’a pas pu être affichée au-delà de la page {n} : {reason}</source>
        <translation>This attachment could not be displayed beyond page {n}: {reason}</translation>
    </message>
    <message>
        <source>Impossible d’afficher « {title} » ({error}).</source>
        <translation>Cannot display “{title}” ({error}).</translation>
    </message>
    <message>
        <source>Aperçu indisponible pour « {title} » ({kind}) : ce format ne s’affiche pas dans l’application.</source>
        <translation>No preview for “{title}” ({kind}): this format is not displayed in the application.</translation>
    </message>
    <message>
        <source>« {title} » — PDF, {pages} page(s), {size}</source>
        <translation>“{title}” — PDF, {pages} page(s), {size}</translation>
    </message>
    <message>
        <source>« {title} » — {kind}, {size}</source>
        <translation>“{title}” — {kind}, {size}</translation>
    </message>
    <message>
        <source>Impossible d’ouvrir « {title} » hors de l’application.</source>
        <translation>Cannot open “{title}” outside the application.</translation>
    </message>
    <message>
        <source>Aucun lecteur du système n’a pu ouvrir « {title} ».</source>
        <translation>No reader of the system could open “{title}”.</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <source>Présent</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>présent</source>
        <translation>present</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>absent</translation>
    </message>
</context>
<context>
    <name>AttendanceView</name>
    <message>
        <source>Présences et déports</source>
        <translation>Attendance and recusals</translation>
    </message>
    <message>
        <source>Présence des jurés à l’ouverture</source>
        <translation>Attendance of the jurors at the opening</translation>
    </message>
    <message>
        <source>Cochez les jurés présents (Espace coche ou décoche). Chaque changement est enregistré et journalisé.</source>
        <translation>Tick the jurors who are present (Space ticks or unticks). Each change is saved and logged.</translation>
    </message>
    <message>
        <source>Liste des jurés et présence</source>
        <translation>Jurors and attendance</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <source>Tous présents</source>
        <translation>All present</translation>
    </message>
    <message>
        <source>Marquer tous les jurés présents</source>
        <translation>Mark every juror present</translation>
    </message>
    <message>
        <source>Conflits d’intérêts et déports</source>
        <translation>Conflicts of interest and recusals</translation>
    </message>
    <message>
        <source>Les conflits viennent du paquet du siège ; les déports sont enregistrés en séance avec leur motif et leur heure.</source>
        <translation>Conflicts come from headquarters&apos; bundle; recusals are recorded during the session with their reason and time.</translation>
    </message>
    <message>
        <source>Retirer le déport sélectionné</source>
        <translation>Withdraw the selected recusal</translation>
    </message>
    <message>
        <source>{present} présents sur {total} — quorum de {quorum} {state}</source>
        <translation>{present} present of {total} — quorum of {quorum} {state}</translation>
    </message>
    <message>
        <source>atteint ✓</source>
        <translation>met ✓</translation>
    </message>
    <message>
        <source>NON atteint ✗</source>
        <translation>NOT met ✗</translation>
    </message>
    <message>
        <source>(présence pas encore relevée : tous les jurés comptent comme présents)</source>
        <translation>(attendance not taken yet: every juror counts as present)</translation>
    </message>
</context>
<context>
    <name>BlockersModel</name>
    <message>
        <source>Plus rien ne bloque la clôture.</source>
        <translation>Nothing blocks the closing any more.</translation>
    </message>
    <message>
        <source>Réglé : {what}</source>
        <translation>Settled: {what}</translation>
    </message>
    <message>
        <source>À régler : {message}</source>
        <translation>To settle: {message}</translation>
    </message>
</context>
<context>
    <name>ChecksModel</name>
    <message>
        <source>réussi</source>
        <translation>passed</translation>
    </message>
    <message>
        <source>échec</source>
        <translation>failed</translation>
    </message>
</context>
<context>
    <name>ClosingChecklist</name>
    <message>
        <source>{dossier} : lauréat proposé jamais entendu (aucune audition enregistrée).</source>
        <translation>{dossier}: proposed laureate never heard (no hearing recorded).</translation>
    </message>
    <message>
        <source>{dossier} : jamais entendu (aucune audition enregistrée).</source>
        <translation>{dossier}: never heard (no hearing recorded).</translation>
    </message>
    <message>
        <source>{dossier} : pas d’avis motivé pour le porteur.</source>
        <translation>{dossier}: no reasoned opinion for the holder.</translation>
    </message>
    <message>
        <source>{juror} est absent(e) de la séance.</source>
        <translation>{juror} is absent from the session.</translation>
    </message>
    <message>
        <source>{dossier} : la feuille de {juror} n’a pas de commentaire.</source>
        <translation>{dossier}: {juror}&apos;s sheet has no comment.</translation>
    </message>
</context>
<context>
    <name>ClosingChecklistDialog</name>
    <message>
        <source>Avant de clore la délibération</source>
        <translation>Before closing the deliberation</translation>
    </message>
    <message>
        <source>Ce qui empêche la clôture ({n})</source>
        <translation>What prevents closing ({n})</translation>
    </message>
    <message>
        <source>Ce qui empêche la clôture</source>
        <translation>What prevents closing</translation>
    </message>
    <message>
        <source>À vérifier avant de clore ({n})</source>
        <translation>To check before closing ({n})</translation>
    </message>
    <message>
        <source>Points à vérifier avant de clore</source>
        <translation>Points to check before closing</translation>
    </message>
    <message>
        <source>&amp;Saisir l’audition après coup…</source>
        <translation>&amp;Enter the hearing afterwards…</translation>
    </message>
    <message>
        <source>J’ai &amp;vérifié ces points ; ils n’empêchent pas de clore</source>
        <translation>I have &amp;checked these points; they do not prevent closing</translation>
    </message>
    <message>
        <source>&amp;Clore la délibération</source>
        <translation>Close the &amp;deliberation</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConsoleController</name>
    <message>
        <source>{n} présents sur {total} · quorum {q} atteint ✓</source>
        <translation>{n} present of {total} · quorum {q} met ✓</translation>
    </message>
    <message>
        <source>{n} présents sur {total} · quorum {q} NON atteint ✗</source>
        <translation>{n} present of {total} · quorum {q} NOT met ✗</translation>
    </message>
    <message>
        <source>{n} jurés présents sur {total}, quorum : {q}</source>
        <translation>{n} jurors present of {total}, quorum: {q}</translation>
    </message>
    <message>
        <source>● Notation à l’aveugle</source>
        <translation>● Blind scoring</translation>
    </message>
    <message>
        <source>Notes révélées</source>
        <translation>Scores revealed</translation>
    </message>
    <message>
        <source>{n} audition(s) interrompue(s) par un arrêt de l’application : le chronomètre est en pause au dernier temps enregistré ; F5 pour reprendre.</source>
        <translation>{n} hearing(s) interrupted when the application stopped: the timer is paused at the last recorded time; F5 to resume.</translation>
    </message>
    <message>
        <source>Audition en cours</source>
        <translation>Hearing in progress</translation>
    </message>
    <message>
        <source>L’audition de « {title} » est en cours. Mettre le chronomètre en pause et changer de dossier ?</source>
        <translation>The hearing of “{title}” is in progress. Pause the timer and change dossier?</translation>
    </message>
    <message>
        <source>Mettre en pause et changer</source>
        <translation>Pause and change</translation>
    </message>
    <message>
        <source>Déport enregistré : {name} quitte la salle pour ce dossier.</source>
        <translation>Recusal recorded: {name} leaves the room for this dossier.</translation>
    </message>
    <message>
        <source>Absence à l’audition enregistrée : {name}.</source>
        <translation>Absence from the hearing recorded: {name}.</translation>
    </message>
    <message>
        <source>Un conflit d’intérêts venu du paquet du siège ne peut pas être retiré.</source>
        <translation>A conflict of interest from headquarters&apos; bundle cannot be withdrawn.</translation>
    </message>
    <message>
        <source>Retirer le déport</source>
        <translation>Withdraw the recusal</translation>
    </message>
    <message>
        <source>Retirer ce déport ? Le juré pourra de nouveau noter ce dossier (l’opération est journalisée).</source>
        <translation>Withdraw this recusal? The juror will be able to score this dossier again (the operation is logged).</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Withdraw</translation>
    </message>
</context>
<context>
    <name>ConsoleView</name>
    <message>
        <source>DÉMONSTRATION</source>
        <translation>DEMONSTRATION</translation>
    </message>
    <message>
        <source>Session fictive : ses résultats ne sont jamais transmis au siège.</source>
        <translation>Fictitious session: its results are never sent to headquarters.</translation>
    </message>
    <message>
        <source>Quorum</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <source>Annonce en salle</source>
        <translation>Announcement in the room</translation>
    </message>
    <message>
        <source>&amp;Ordre de passage</source>
        <translation>Hearing &amp;order</translation>
    </message>
    <message>
        <source>Ordre de passage</source>
        <translation>Hearing order</translation>
    </message>
    <message>
        <source>Pages de la console</source>
        <translation>Console pages</translation>
    </message>
    <message>
        <source>Audition</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <source>Notation</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <source>Présences et déports</source>
        <translation>Attendance and recusals</translation>
    </message>
    <message>
        <source>Délibération</source>
        <translation>Deliberation</translation>
    </message>
</context>
<context>
    <name>DatabaseUpkeep</name>
    <message>
        <source>Instantané pris : « {name} ». Mais sa copie dans le second dossier a échoué.</source>
        <translation>Snapshot taken: “{name}”. But its copy to the second folder failed.</translation>
    </message>
    <message>
        <source>Instantané pris : « {name} ».</source>
        <translation>Snapshot taken: “{name}”.</translation>
    </message>
    <message>
        <source>Copie de l’instantané sur le second dossier échouée</source>
        <translation>Copy of the snapshot to the second folder failed</translation>
    </message>
    <message>
        <source>L’instantané est bien enregistré à côté de la base, mais sa copie dans le second dossier « {dir} » a échoué ({kind}) : vérifiez que la clé USB est branchée et qu’elle a de la place. La séance peut continuer.</source>
        <translation>The snapshot is saved next to the database, but its copy to the second folder “{dir}” failed ({kind}): check that the USB key is plugged in and has room. The session can go on.</translation>
    </message>
    <message>
        <source>Restauration de l’instantané…</source>
        <translation>Restoring the snapshot…</translation>
    </message>
    <message>
        <source>Restauration refusée</source>
        <translation>Restore refused</translation>
    </message>
    <message>
        <source>Instantané restauré. L’état d’avant est conservé dans l’instantané « {name} ».</source>
        <translation>Snapshot restored. The previous state is kept in the snapshot “{name}”.</translation>
    </message>
    <message>
        <source>Aucune base ouverte.</source>
        <translation>No database open.</translation>
    </message>
    <message>
        <source>Efface la base, ses pièces jointes, ses instantanés et ses exports.</source>
        <translation>Erases the database, its attachments, its snapshots and its exports.</translation>
    </message>
    <message>
        <source>Aucune base à effacer.</source>
        <translation>No database to erase.</translation>
    </message>
    <message>
        <source>L’effacement est refusé : des résultats n’ont pas encore été remis en lieu sûr (export vérifié). Rien n’a été effacé.</source>
        <translation>Erasing is refused: some results have not been put in a safe place yet (verified export). Nothing was erased.</translation>
    </message>
    <message>
        <source>Effacement refusé</source>
        <translation>Erasing refused</translation>
    </message>
    <message>
        <source>Effacement des données…</source>
        <translation>Erasing the data…</translation>
    </message>
    <message>
        <source>Le délai de conservation des données de cette base ({days} jours après l’export) est passé : pensez à effacer ses données personnelles (Fichier → Effacer les données de cette base…).</source>
        <translation>The retention period of this database’s data ({days} days after the export) is over: remember to erase its personal data (File → Erase this database’s data…).</translation>
    </message>
</context>
<context>
    <name>DecisionModel</name>
    <message>
        <source>Lauréat</source>
        <translation>Laureate</translation>
    </message>
    <message>
        <source>Rang</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Demandé</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>Proposé</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Accordé</source>
        <translation>Granted</translation>
    </message>
    <message>
        <source>Écart</source>
        <translation>Gap</translation>
    </message>
    <message>
        <source>Justification ou motif</source>
        <translation>Justification or reason</translation>
    </message>
    <message>
        <source>Cochez (Espace) pour retenir le dossier parmi les lauréats</source>
        <translation>Tick (Space) to select the dossier among the laureates</translation>
    </message>
    <message>
        <source>Montant de la proposition par défaut des règles</source>
        <translation>Amount of the rules&apos; default proposal</translation>
    </message>
    <message>
        <source>Montant accordé par le jury (F2 pour modifier)</source>
        <translation>Amount granted by the jury (F2 to change)</translation>
    </message>
    <message>
        <source>Ce qui s&apos;écarte de la proposition par défaut</source>
        <translation>What departs from the default proposal</translation>
    </message>
    <message>
        <source>Obligatoire pour chaque écart et pour chaque dossier non valide (F2 pour écrire)</source>
        <translation>Required for each departure and for each dossier not valid (F2 to write)</translation>
    </message>
    <message>
        <source>non valide</source>
        <translation>not valid</translation>
    </message>
    <message>
        <source>lauréat</source>
        <translation>laureate</translation>
    </message>
    <message>
        <source>non retenu</source>
        <translation>not selected</translation>
    </message>
    <message>
        <source>⚠ à justifier</source>
        <translation>⚠ to justify</translation>
    </message>
    <message>
        <source>Groupe ex æquo à la limite de l&apos;enveloppe : le jury tranche</source>
        <translation>Tied group at the envelope&apos;s limit: the jury decides</translation>
    </message>
    <message>
        <source>Non valide : motif</source>
        <translation>Not valid: reason</translation>
    </message>
    <message>
        <source>Ajout sous le seuil</source>
        <translation>Added below the threshold</translation>
    </message>
    <message>
        <source>Ajout</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Retrait</source>
        <translation>Removed</translation>
    </message>
    <message>
        <source>Montant modifié</source>
        <translation>Amount changed</translation>
    </message>
    <message>
        <source>Ex æquo à la limite</source>
        <translation>Tie at the limit</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <source>Cochez les lauréats (Espace), F2 ou Entrée pour modifier un montant ou écrire une justification. Tout écart à la proposition des règles doit être justifié.</source>
        <translation>Tick the laureates (Space), F2 or Enter to change an amount or write a justification. Any departure from the rules&apos; proposal must be justified.</translation>
    </message>
    <message>
        <source>Décision du jury : lauréats, montants et justifications</source>
        <translation>Jury&apos;s decision: laureates, amounts and justifications</translation>
    </message>
    <message>
        <source>Re&amp;venir à la proposition des règles</source>
        <translation>&amp;Back to the rules&apos; proposal</translation>
    </message>
    <message>
        <source>Reprend la liste de la proposition par défaut (Ctrl+Maj+P)</source>
        <translation>Takes back the list of the default proposal (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>{n} lauréat(s) · accordé {total} · écarts à justifier : {open}</source>
        <translation>{n} laureate(s) · granted {total} · departures to justify: {open}</translation>
    </message>
    <message>
        <source> · délibération close</source>
        <translation> · deliberation closed</translation>
    </message>
</context>
<context>
    <name>DeliberationPlaceholder</name>
    <message>
        <source>Lecture de la délibération…</source>
        <translation>Reading the deliberation…</translation>
    </message>
</context>
<context>
    <name>DeliberationView</name>
    <message>
        <source>Classement</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <source>Nuage des notes</source>
        <translation>Score cloud</translation>
    </message>
    <message>
        <source>Jurés × dossiers</source>
        <translation>Jurors × dossiers</translation>
    </message>
    <message>
        <source>Autres méthodes</source>
        <translation>Other methods</translation>
    </message>
    <message>
        <source>Décision du jury</source>
        <translation>Jury&apos;s decision</translation>
    </message>
    <message>
        <source>Avis et notes</source>
        <translation>Opinions and notes</translation>
    </message>
    <message>
        <source>Révéler les notes et ouvrir la délibération</source>
        <translation>Reveal the scores and open the deliberation</translation>
    </message>
    <message>
        <source>Projeter sur l&apos;écran partagé, ou revenir à l&apos;audition</source>
        <translation>Project on the shared screen, or go back to the hearing</translation>
    </message>
    <message>
        <source>Aller à la liste de ce qui bloque la clôture</source>
        <translation>Go to the list of what blocks the closing</translation>
    </message>
    <message>
        <source>Clore la délibération</source>
        <translation>Close the deliberation</translation>
    </message>
    <message>
        <source>Exporter le résultat signé</source>
        <translation>Export the signed result</translation>
    </message>
    <message>
        <source>Rouvrir la délibération (avec un motif)</source>
        <translation>Reopen the deliberation (with a reason)</translation>
    </message>
    <message>
        <source>Délibération</source>
        <translation>Deliberation</translation>
    </message>
    <message>
        <source>Image à projeter</source>
        <translation>Picture to project</translation>
    </message>
    <message>
        <source>Projeter</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Projeter sur l&apos;écran partagé</source>
        <translation>Project on the shared screen</translation>
    </message>
    <message>
        <source>Classement des dossiers</source>
        <translation>Ranking of the dossiers</translation>
    </message>
    <message>
        <source>Fond bleu : proposition des règles · fond jaune : ex æquo à la limite de l&apos;enveloppe · ⚠ : désaccord du jury ou dossier non valide · Entrée sur une ligne : décision du jury pour ce dossier.</source>
        <translation>Blue background: rules&apos; proposal · yellow background: tie at the envelope&apos;s limit · ⚠: jury disagreement or dossier not valid · Enter on a row: the jury&apos;s decision for this dossier.</translation>
    </message>
    <message>
        <source>Avant de clore</source>
        <translation>Before closing</translation>
    </message>
    <message>
        <source>Ce qui bloque encore la clôture</source>
        <translation>What still blocks the closing</translation>
    </message>
    <message>
        <source>Entrée ou double-clic : aller où cela se règle.</source>
        <translation>Enter or double-click: go where it is settled.</translation>
    </message>
    <message>
        <source>✔ Rien ne bloque la clôture.</source>
        <translation>✔ Nothing blocks the closing.</translation>
    </message>
    <message>
        <source>Clore la &amp;délibération…</source>
        <translation>Close the &amp;deliberation…</translation>
    </message>
    <message>
        <source>Exporter le résultat &amp;signé…</source>
        <translation>Export the &amp;signed result…</translation>
    </message>
    <message>
        <source>&amp;Rouvrir la délibération…</source>
        <translation>&amp;Reopen the deliberation…</translation>
    </message>
    <message>
        <source>Notation à l’aveugle : les notes, le classement et les graphiques restent masqués, sur cette console comme sur l’écran partagé, jusqu’à leur révélation (Ctrl+R).

La colonne de droite dit ce qui reste à faire avant la clôture.</source>
        <translation>Blind scoring: the scores, the ranking and the charts stay hidden, on this console as on the shared screen, until they are revealed (Ctrl+R).

The right-hand column says what remains to be done before closing.</translation>
    </message>
    <message>
        <source>Révéler les notes</source>
        <translation>Reveal the scores</translation>
    </message>
    <message>
        <source>Les notes sont masquées (mode à l&apos;aveugle) : les révéler ouvre la délibération (Ctrl+R)</source>
        <translation>The scores are hidden (blind mode): revealing them opens the deliberation (Ctrl+R)</translation>
    </message>
    <message>
        <source>Ouvrir la délibération</source>
        <translation>Open the deliberation</translation>
    </message>
    <message>
        <source>Ouvrir la délibération (Ctrl+R)</source>
        <translation>Open the deliberation (Ctrl+R)</translation>
    </message>
    <message>
        <source>{name} {device} / {secretariat}</source>
        <translation>{name} {device} / {secretariat}</translation>
    </message>
    <message>
        <source>Saisie des notes en vigueur, sur son appareil / par le secrétariat : {list}.</source>
        <translation>Values in force entered on the juror&apos;s own device / by the secretariat: {list}.</translation>
    </message>
    <message>
        <source>Délibération close</source>
        <translation>Deliberation closed</translation>
    </message>
    <message>
        <source>Avant de clore : {n} point(s) à régler</source>
        <translation>Before closing: {n} item(s) to settle</translation>
    </message>
    <message>
        <source>Notes masquées (à l&apos;aveugle)</source>
        <translation>Scores hidden (blind)</translation>
    </message>
    <message>
        <source>Notes révélées</source>
        <translation>Scores revealed</translation>
    </message>
    <message>
        <source>close le {when}</source>
        <translation>closed on {when}</translation>
    </message>
    <message>
        <source>ouverte le {when}</source>
        <translation>opened on {when}</translation>
    </message>
    <message>
        <source>pas encore ouverte</source>
        <translation>not opened yet</translation>
    </message>
    <message>
        <source>quorum atteint ({n} présents sur {q} requis)</source>
        <translation>quorum met ({n} present of {q} required)</translation>
    </message>
    <message>
        <source>quorum NON atteint ({n} présents sur {q} requis)</source>
        <translation>quorum NOT met ({n} present of {q} required)</translation>
    </message>
    <message>
        <source>accord du jury W = {w}</source>
        <translation>jury agreement W = {w}</translation>
    </message>
    <message>
        <source>Close le {when}.</source>
        <translation>Closed on {when}.</translation>
    </message>
    <message>
        <source>Dernier export : n° {n}.</source>
        <translation>Last export: no. {n}.</translation>
    </message>
    <message>
        <source>Le prochain export portera le n° {n} et remplacera le n° {m}.</source>
        <translation>The next export will be no. {n} and will replace no. {m}.</translation>
    </message>
    <message>
        <source>Pas encore exporté.</source>
        <translation>Not exported yet.</translation>
    </message>
    <message>
        <source>Une fois close, la délibération s&apos;exporte en un paquet signé.</source>
        <translation>Once closed, the deliberation is exported as a signed bundle.</translation>
    </message>
    <message>
        <source>Délibération rouverte. Le prochain export portera le n° {n}{replaces}.</source>
        <translation>Deliberation reopened. The next export will be no. {n}{replaces}.</translation>
    </message>
    <message>
        <source> et remplacera le n° {m}</source>
        <translation> and will replace no. {m}</translation>
    </message>
    <message>
        <source>Révéler toutes les notes de la session ? Cela ouvre la délibération ; les valeurs deviennent visibles ici et sur l&apos;écran partagé. Ce choix est définitif et journalisé.</source>
        <translation>Reveal every score of the session? This opens the deliberation; the values become visible here and on the shared screen. This choice is final and logged.</translation>
    </message>
    <message>
        <source>Révéler</source>
        <translation>Reveal</translation>
    </message>
    <message>
        <source>Lauréats : {n}, pour un total de {total}.</source>
        <translation>Laureates: {n}, for a total of {total}.</translation>
    </message>
    <message>
        <source>À vérifier :</source>
        <translation>To check:</translation>
    </message>
    <message>
        <source>Après la clôture, toute modification demandera de rouvrir la délibération avec un motif, inscrit au journal d&apos;audit.</source>
        <translation>After closing, any change will require reopening the deliberation with a reason, written to the audit log.</translation>
    </message>
    <message>
        <source>Clore</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Les notes de chaque juré : cette carte reste sur l&apos;écran du secrétariat et ne peut être projetée qu&apos;après la révélation des notes.</source>
        <translation>Each juror&apos;s scores: this map stays on the secretary&apos;s screen and can be projected only after the scores are revealed.</translation>
    </message>
    <message>
        <source>Closez d&apos;abord la délibération : l&apos;export porte sur la décision close.</source>
        <translation>Close the deliberation first: the export carries the closed decision.</translation>
    </message>
    <message>
        <source>Rouvrir la délibération</source>
        <translation>Reopen the deliberation</translation>
    </message>
    <message>
        <source>Pourquoi rouvrir la délibération ? Le motif est inscrit au journal d&apos;audit ; un nouvel export, numéroté, remplacera le précédent.</source>
        <translation>Why reopen the deliberation? The reason is written to the audit log; a new, numbered export will replace the previous one.</translation>
    </message>
    <message>
        <source>Rouvrir</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Le quorum se règle dans les présences, sur la console d&apos;audition.</source>
        <translation>The quorum is settled in the attendance, on the hearing console.</translation>
    </message>
    <message>
        <source>Aucun écran partagé n&apos;est ouvert.</source>
        <translation>No shared screen is open.</translation>
    </message>
    <message>
        <source>Revenir à l&apos;audition</source>
        <translation>Back to the hearing</translation>
    </message>
    <message>
        <source>Les notes sont masquées : cette image sera projetée après leur révélation.</source>
        <translation>The scores are hidden: this picture will be projected after they are revealed.</translation>
    </message>
</context>
<context>
    <name>DeportDialog</name>
    <message>
        <source>Déport d’un juré</source>
        <translation>Recusal of a juror</translation>
    </message>
    <message>
        <source>Dossier : {title}</source>
        <translation>Dossier: {title}</translation>
    </message>
    <message>
        <source>Juré qui se déporte</source>
        <translation>Juror who steps aside</translation>
    </message>
    <message>
        <source>&amp;Juré :</source>
        <translation>&amp;Juror:</translation>
    </message>
    <message>
        <source>Déport (conflit d’intérêts déclaré en séance)</source>
        <translation>Recusal (conflict of interest declared during the session)</translation>
    </message>
    <message>
        <source>Absent pendant cette audition</source>
        <translation>Absent during this hearing</translation>
    </message>
    <message>
        <source>Nature :</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>Déport déclaré en séance</source>
        <translation>Recusal declared during the session</translation>
    </message>
    <message>
        <source>Motif du déport</source>
        <translation>Reason for the recusal</translation>
    </message>
    <message>
        <source>&amp;Motif :</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>L’heure est enregistrée. L’écran partagé annonce que le juré quitte la salle pour ce dossier.</source>
        <translation>The time is recorded. The shared screen announces that the juror leaves the room for this dossier.</translation>
    </message>
    <message>
        <source>Enregistrer le déport</source>
        <translation>Record the recusal</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Absent pendant l’audition</source>
        <translation>Absent during the hearing</translation>
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <source>Appareils des jurés</source>
        <translation>Jurors&apos; devices</translation>
    </message>
    <message>
        <source>Chaque juré note sur son téléphone ou sa tablette, relié au réseau choisi ci-dessous (le point d’accès du portable ou le réseau de la salle). Cette fenêtre n’apparaît jamais sur l’écran partagé.</source>
        <translation>Each juror scores on their phone or tablet, connected to the network chosen below (the laptop&apos;s hotspot or the room&apos;s network). This window never appears on the shared screen.</translation>
    </message>
    <message>
        <source>Réseau des appareils</source>
        <translation>Devices&apos; network</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>&amp;Réseau :</source>
        <translation>&amp;Network:</translation>
    </message>
    <message>
        <source>&amp;Port :</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Démarrer le service</source>
        <translation>&amp;Start the service</translation>
    </message>
    <message>
        <source>&amp;Arrêter le service</source>
        <translation>S&amp;top the service</translation>
    </message>
    <message>
        <source>Service arrêté : aucun appareil ne peut se connecter.</source>
        <translation>Service stopped: no device can connect.</translation>
    </message>
    <message>
        <source>Appairer le &amp;juré choisi</source>
        <translation>Pair the selected &amp;juror</translation>
    </message>
    <message>
        <source>Tous les jurés sont déjà appairés : révoquez un appareil pour refaire la carte de son juré.</source>
        <translation>Every juror is already paired: revoke a device to print its juror’s card again.</translation>
    </message>
    <message>
        <source>cartes-appairage</source>
        <translation>pairing-cards</translation>
    </message>
    <message>
        <source>Les cartes d’appairage n’ont pas pu être écrites ({detail}).</source>
        <translation>The pairing cards could not be written ({detail}).</translation>
    </message>
    <message>
        <source>{n} carte(s) d’appairage ouverte(s) dans le lecteur PDF pour impression ; le fichier est effacé à la fermeture de l’application.</source>
        <translation>{n} pairing card(s) opened in the PDF reader for printing; the file is removed when the application closes.</translation>
    </message>
    <message>
        <source>Aucun lecteur PDF n’a pu ouvrir les {n} carte(s) ; elles sont dans « {path} », effacées à la fermeture de l’application.</source>
        <translation>No PDF reader could open the {n} card(s); they are in “{path}”, removed when the application closes.</translation>
    </message>
    <message>
        <source>Ré&amp;voquer son appareil</source>
        <translation>Re&amp;voke their device</translation>
    </message>
    <message>
        <source>&amp;Imprimer les cartes d’appairage…</source>
        <translation>Pr&amp;int the pairing cards…</translation>
    </message>
    <message>
        <source>Une carte par juré pas encore appairé, avec son code QR : un PDF ouvert dans le lecteur du système pour l’imprimer, effacé à la fermeture.</source>
        <translation>One card per juror not yet paired, with their QR code: a PDF opened in the system’s reader to print it, removed on close.</translation>
    </message>
    <message>
        <source>Service démarré sur {url} : appairez chaque juré.</source>
        <translation>Service started on {url}: pair each juror.</translation>
    </message>
    <message>
        <source>Service arrêté : les codes d’appairage ne valent plus rien.</source>
        <translation>Service stopped: the pairing codes are worthless now.</translation>
    </message>
    <message>
        <source>Code QR d’appairage de {name}</source>
        <translation>Pairing QR code of {name}</translation>
    </message>
    <message>
        <source>{name} : scannez ce code, ou ouvrez {url}</source>
        <translation>{name}: scan this code, or open {url}</translation>
    </message>
</context>
<context>
    <name>DevicesModel</name>
    <message>
        <source>Juré</source>
        <translation>Juror</translation>
    </message>
    <message>
        <source>Appareil</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>Connexion</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Saisie du dossier en cours</source>
        <translation>Entry for the current dossier</translation>
    </message>
    <message>
        <source>appairé</source>
        <translation>paired</translation>
    </message>
    <message>
        <source>non appairé</source>
        <translation>not paired</translation>
    </message>
    <message>
        <source>connecté</source>
        <translation>connected</translation>
    </message>
    <message>
        <source>pas vu depuis 20 s</source>
        <translation>not seen for 20 s</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>déporté pour ce dossier</source>
        <translation>recused for this dossier</translation>
    </message>
    <message>
        <source>délibération close</source>
        <translation>deliberation closed</translation>
    </message>
    <message>
        <source>aucun dossier</source>
        <translation>no dossier</translation>
    </message>
    <message>
        <source>{n} sur {m}</source>
        <translation>{n} of {m}</translation>
    </message>
    <message>
        <source>{progress} — validée</source>
        <translation>{progress} — validated</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Action refusée</source>
        <translation>Action refused</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DossierPanel</name>
    <message>
        <source>association</source>
        <translation>association</translation>
    </message>
    <message>
        <source>collectif</source>
        <translation>collective</translation>
    </message>
    <message>
        <source>collectif d’habitants</source>
        <translation>residents&apos; collective</translation>
    </message>
    <message>
        <source>autre</source>
        <translation>other</translation>
    </message>
    <message>
        <source>Fiche du dossier</source>
        <translation>Dossier card</translation>
    </message>
    <message>
        <source>Porteur</source>
        <translation>Holder</translation>
    </message>
    <message>
        <source>RNA / SIRET</source>
        <translation>RNA / SIRET</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Quartier prioritaire</source>
        <translation>Priority neighbourhood</translation>
    </message>
    <message>
        <source>Chef de projet</source>
        <translation>Project manager</translation>
    </message>
    <message>
        <source>Montant demandé</source>
        <translation>Amount requested</translation>
    </message>
    <message>
        <source>Budget total</source>
        <translation>Total budget</translation>
    </message>
    <message>
        <source>Audition</source>
        <translation>Hearing</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Résumé du projet</source>
        <translation>Project summary</translation>
    </message>
    <message>
        <source>Aucun dossier sélectionné</source>
        <translation>No dossier selected</translation>
    </message>
    <message>
        <source>Dossier {n} sur {total} — {ref}</source>
        <translation>Dossier {n} of {total} — {ref}</translation>
    </message>
    <message>
        <source> (le montant demandé en représente {pct} %)</source>
        <translation> (the amount requested is {pct} % of it)</translation>
    </message>
    <message>
        <source>prévue à {time}</source>
        <translation>planned at {time}</translation>
    </message>
    <message>
        <source>présentation {p}</source>
        <translation>presentation {p}</translation>
    </message>
    <message>
        <source>questions {q}</source>
        <translation>questions {q}</translation>
    </message>
    <message>
        <source>(jamais affiché sur l’écran partagé)</source>
        <translation>(never shown on the shared screen)</translation>
    </message>
</context>
<context>
    <name>DotsChart</name>
    <message>
        <source>Notes de chaque dossier : points, moyenne et médiane</source>
        <translation>Each dossier&apos;s scores: points, mean and median</translation>
    </message>
    <message>
        <source>{id} : moyenne {mean}, médiane {median}, notes {notes}</source>
        <translation>{id}: mean {mean}, median {median}, scores {notes}</translation>
    </message>
    <message>
        <source>{id} : non valide, notes {notes}</source>
        <translation>{id}: not valid, scores {notes}</translation>
    </message>
    <message>
        <source>Aucun dossier</source>
        <translation>No dossier</translation>
    </message>
    <message>
        <source>moyenne</source>
        <translation>mean</translation>
    </message>
    <message>
        <source>non valide</source>
        <translation>not valid</translation>
    </message>
    <message>
        <source>seuil {v}</source>
        <translation>threshold {v}</translation>
    </message>
    <message>
        <source>note d&apos;un juré</source>
        <translation>a juror&apos;s score</translation>
    </message>
    <message>
        <source>médiane</source>
        <translation>median</translation>
    </message>
    <message>
        <source>seuil d&apos;éligibilité</source>
        <translation>eligibility threshold</translation>
    </message>
    <message>
        <source>lauréat du jury</source>
        <translation>jury&apos;s laureate</translation>
    </message>
    <message>
        <source>ex æquo à la limite</source>
        <translation>tie at the limit</translation>
    </message>
    <message>
        <source>{id} — notes : {notes}
moyenne {mean} · médiane {median} · écart-type {sd}</source>
        <translation>{id} — scores: {notes}
mean {mean} · median {median} · standard deviation {sd}</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <source>Zone de dépôt d’un paquet de session</source>
        <translation>Drop zone for a session bundle</translation>
    </message>
    <message>
        <source>Déposez ici le paquet de session (.zip) reçu du siège</source>
        <translation>Drop here the session bundle (.zip) received from headquarters</translation>
    </message>
</context>
<context>
    <name>EnvelopeBar</name>
    <message>
        <source>Enveloppe</source>
        <translation>Envelope</translation>
    </message>
    <message>
        <source>Enveloppe {env} ; accordé par le jury {granted} ; proposition des règles {proposed} ; demandé par les dossiers éligibles {requested}.</source>
        <translation>Envelope {env}; granted by the jury {granted}; rules&apos; proposal {proposed}; requested by the eligible dossiers {requested}.</translation>
    </message>
    <message>
        <source>Reste {v}.</source>
        <translation>Left {v}.</translation>
    </message>
    <message>
        <source>Dépassement {v}.</source>
        <translation>Overtime {v}.</translation>
    </message>
    <message>
        <source>Ajoutés par le jury (en orange) : {ids}.</source>
        <translation>Added by the jury (in orange): {ids}.</translation>
    </message>
    <message>
        <source>Montant modifié par le jury (hachuré) : {ids}.</source>
        <translation>Amount changed by the jury (hatched): {ids}.</translation>
    </message>
    <message>
        <source>Enveloppe {v}</source>
        <translation>Envelope {v}</translation>
    </message>
    <message>
        <source>Accordé {v}</source>
        <translation>Granted {v}</translation>
    </message>
    <message>
        <source>Reste {v}</source>
        <translation>Left {v}</translation>
    </message>
    <message>
        <source>Dépassement {v}</source>
        <translation>Overtime {v}</translation>
    </message>
    <message>
        <source>Proposition des règles {p}  ·  Demandé (éligibles) {r}</source>
        <translation>Rules&apos; proposal {p}  ·  Requested (eligible) {r}</translation>
    </message>
    <message>
        <source>proposition des règles</source>
        <translation>rules&apos; proposal</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Erreur inattendue — jury_desk</source>
        <translation>Unexpected error — jury_desk</translation>
    </message>
    <message>
        <source>Erreur inattendue</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Une erreur inattendue s’est produite.</source>
        <translation>An unexpected error occurred.</translation>
    </message>
    <message>
        <source>Vos notes enregistrées sont conservées dans la base : tout ce que l’écran a affiché comme «&#xa0;enregistré&#xa0;» est en sécurité.

Vous pouvez continuer. Si l’erreur se répète, copiez les détails et transmettez-les au support (ils ne sont enregistrés nulle part ailleurs).</source>
        <translation>Your saved scores are kept in the database: everything the screen showed as “saved” is safe.

You can carry on. If the error happens again, copy the details and send them to support (they are not recorded anywhere else).</translation>
    </message>
    <message>
        <source>Détails de l’erreur</source>
        <translation>Error details</translation>
    </message>
    <message>
        <source>Copier les détails</source>
        <translation>Copy the details</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Détails copiés</source>
        <translation>Details copied</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Exporter le résultat signé</source>
        <translation>Export the signed result</translation>
    </message>
    <message>
        <source>Export n° {n} du résultat de « {title} »</source>
        <translation>Export no. {n} of the result of “{title}”</translation>
    </message>
    <message>
        <source>Il remplace l&apos;export n° {n}, qui ne doit plus être transmis.</source>
        <translation>It replaces export no. {n}, which must no longer be sent.</translation>
    </message>
    <message>
        <source>Dossier de destination</source>
        <translation>Destination folder</translation>
    </message>
    <message>
        <source>&amp;Parcourir…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Choisir le dossier de destination</source>
        <translation>Choose the destination folder</translation>
    </message>
    <message>
        <source>&amp;Dossier :</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <source>Fichier :</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Signataire :</source>
        <translation>Signer:</translation>
    </message>
    <message>
        <source>Prêt à écrire le paquet de résultat signé.</source>
        <translation>Ready to write the signed result bundle.</translation>
    </message>
    <message>
        <source>Progression de l&apos;export</source>
        <translation>Export progress</translation>
    </message>
    <message>
        <source>Vérification de ce qui a été écrit</source>
        <translation>Checking what was written</translation>
    </message>
    <message>
        <source>&amp;Exporter et vérifier</source>
        <translation>&amp;Export and verify</translation>
    </message>
    <message>
        <source>Écrit le paquet signé puis le vérifie (Entrée)</source>
        <translation>Writes the signed bundle then verifies it (Enter)</translation>
    </message>
    <message>
        <source>&amp;Ouvrir le dossier</source>
        <translation>&amp;Open the folder</translation>
    </message>
    <message>
        <source>&amp;Fermer</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Fermer (Échap)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Clé de cette installation (créée au premier export)</source>
        <translation>This installation&apos;s key (created at the first export)</translation>
    </message>
    <message>
        <source>{name}
empreinte {kid}</source>
        <translation>{name}
fingerprint {kid}</translation>
    </message>
    <message>
        <source>Étape {n} sur {total} : {what}…</source>
        <translation>Step {n} of {total}: {what}…</translation>
    </message>
    <message>
        <source>Le dossier « {f} » n&apos;existe pas.</source>
        <translation>The folder “{f}” does not exist.</translation>
    </message>
    <message>
        <source>Dossier synchronisé par OneDrive</source>
        <translation>Folder synchronised by OneDrive</translation>
    </message>
    <message>
        <source>Exporter quand même</source>
        <translation>Export anyway</translation>
    </message>
    <message>
        <source>Choisir un autre dossier</source>
        <translation>Choose another folder</translation>
    </message>
    <message>
        <source>Vérification de ce qui a été écrit…</source>
        <translation>Checking what was written…</translation>
    </message>
    <message>
        <source>Erreur inattendue pendant l&apos;export : {e}</source>
        <translation>Unexpected error during the export: {e}</translation>
    </message>
    <message>
        <source>L&apos;export n&apos;a pas été écrit.</source>
        <translation>The export was not written.</translation>
    </message>
    <message>
        <source>✔ Export n° {n} écrit et vérifié : {k} contrôles sur {k} réussis.
{path}</source>
        <translation>✔ Export no. {n} written and verified: {k} checks of {k} passed.
{path}</translation>
    </message>
    <message>
        <source>✘ Export n° {n} écrit, mais la vérification échoue ({f} contrôle(s) en défaut). Ne le transmettez pas.
{path}</source>
        <translation>✘ Export no. {n} written, but the verification fails ({f} check(s) failed). Do not send it.
{path}</translation>
    </message>
    <message>
        <source>Terminé.</source>
        <translation>Done.</translation>
    </message>
</context>
<context>
    <name>HearingAfterwardsDialog</name>
    <message>
        <source>Saisir une audition après coup</source>
        <translation>Enter a hearing afterwards</translation>
    </message>
    <message>
        <source>Audition de {ref} — {title}, tenue sans le chronomètre de l’application (journée sur papier, panne). Elle sera inscrite au journal d’audit avec son motif.</source>
        <translation>Hearing of {ref} — {title}, held without the application&apos;s timer (a paper day, a failure). It will be written to the audit log with its reason.</translation>
    </message>
    <message>
        <source>Par exemple : audition tenue sur papier après la panne de l’ordinateur</source>
        <translation>For example: hearing held on paper after the computer failed</translation>
    </message>
    <message>
        <source>&amp;Début :</source>
        <translation>&amp;Start:</translation>
    </message>
    <message>
        <source>&amp;Présentation (minutes) :</source>
        <translation>&amp;Presentation (minutes):</translation>
    </message>
    <message>
        <source>&amp;Questions (minutes) :</source>
        <translation>&amp;Questions (minutes):</translation>
    </message>
    <message>
        <source>&amp;Motif :</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>&amp;Enregistrer l’audition</source>
        <translation>Sa&amp;ve the hearing</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Le motif est une phrase d’au moins 20 caractères.</source>
        <translation>The reason is a sentence of at least 20 characters.</translation>
    </message>
</context>
<context>
    <name>HearingOrderModel</name>
    <message>
        <source>à venir</source>
        <translation>upcoming</translation>
    </message>
    <message>
        <source>en audition</source>
        <translation>in hearing</translation>
    </message>
    <message>
        <source>entendu</source>
        <translation>heard</translation>
    </message>
    <message>
        <source>noté</source>
        <translation>scored</translation>
    </message>
    <message>
        <source>incomplet</source>
        <translation>incomplete</translation>
    </message>
    <message>
        <source>invalide</source>
        <translation>invalid</translation>
    </message>
    <message>
        <source>N°</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Dossier {n}, {title}</source>
        <translation>Dossier {n}, {title}</translation>
    </message>
    <message>
        <source>heure non prévue</source>
        <translation>no time planned</translation>
    </message>
</context>
<context>
    <name>HeatmapChart</name>
    <message>
        <source>Carte des notes : jurés par dossiers</source>
        <translation>Score map: jurors by dossiers</translation>
    </message>
    <message>
        <source>accord fort</source>
        <translation>strong agreement</translation>
    </message>
    <message>
        <source>accord moyen</source>
        <translation>moderate agreement</translation>
    </message>
    <message>
        <source>accord faible</source>
        <translation>weak agreement</translation>
    </message>
    <message>
        <source>Concordance de Kendall W = {w}</source>
        <translation>Kendall&apos;s W concordance = {w}</translation>
    </message>
    <message>
        <source>{name} : écart moyen {v}</source>
        <translation>{name}: mean gap {v}</translation>
    </message>
    <message>
        <source>Aucun dossier</source>
        <translation>No dossier</translation>
    </message>
    <message>
        <source>plus sévère que la moyenne du dossier</source>
        <translation>stricter than the dossier&apos;s mean</translation>
    </message>
    <message>
        <source>plus généreux</source>
        <translation>more generous</translation>
    </message>
    <message>
        <source>W de Kendall : {w} — {level}</source>
        <translation>Kendall&apos;s W: {w} — {level}</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>déport</source>
        <translation>recusal</translation>
    </message>
    <message>
        <source>manque</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>Écart moyen du juré</source>
        <translation>Juror&apos;s mean gap</translation>
    </message>
    <message>
        <source>note {n} ; écart à la moyenne {d}</source>
        <translation>score {n}; gap to the mean {d}</translation>
    </message>
    <message>
        <source>pas de note</source>
        <translation>no score</translation>
    </message>
</context>
<context>
    <name>JustificationDelegate</name>
    <message>
        <source>Écrivez la justification, puis Entrée</source>
        <translation>Write the justification, then Enter</translation>
    </message>
    <message>
        <source>Justification ou motif</source>
        <translation>Justification or reason</translation>
    </message>
</context>
<context>
    <name>MainController</name>
    <message>
        <source>La base « {name} » est déjà ouverte par une autre fenêtre de jury_desk ou par une commande en cours.</source>
        <translation>The database “{name}” is already open in another jury_desk window or by a running command.</translation>
    </message>
    <message>
        <source>{db} — session {sid}</source>
        <translation>{db} — session {sid}</translation>
    </message>
    <message>
        <source>jury_desk — {title}</source>
        <translation>jury_desk — {title}</translation>
    </message>
    <message>
        <source>jury_desk — console du secrétariat</source>
        <translation>jury_desk — secretary&apos;s console</translation>
    </message>
    <message>
        <source>Ouverture de la session de démonstration…</source>
        <translation>Opening the demonstration session…</translation>
    </message>
    <message>
        <source>Ouvrir une base jury_desk</source>
        <translation>Open a jury_desk database</translation>
    </message>
    <message>
        <source>Base jury_desk (*.sqlite3 *.db);;Tous les fichiers (*)</source>
        <translation>jury_desk database (*.sqlite3 *.db);;All files (*)</translation>
    </message>
    <message>
        <source>Importer un paquet de session</source>
        <translation>Import a session bundle</translation>
    </message>
    <message>
        <source>Paquet de session (*.zip)</source>
        <translation>Session bundle (*.zip)</translation>
    </message>
    <message>
        <source>Impossible de lire « {name} » ({error}).</source>
        <translation>Cannot read “{name}” ({error}).</translation>
    </message>
    <message>
        <source>Session « {title} » déjà importée à l’identique : rien n’a changé.</source>
        <translation>Session “{title}” already imported identically: nothing changed.</translation>
    </message>
    <message>
        <source>Session importée : « {title} » — {d} dossiers, {a} pièces jointes ({mb} Mo).</source>
        <translation>Session imported: “{title}” — {d} dossiers, {a} attachments ({mb} MB).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>jury_desk — console du secrétariat</source>
        <translation>jury_desk — secretary&apos;s console</translation>
    </message>
    <message>
        <source>Console du secrétariat</source>
        <translation>Secretary&apos;s console</translation>
    </message>
    <message>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>A&amp;udition</source>
        <translation>H&amp;earing</translation>
    </message>
    <message>
        <source>&amp;Notation</source>
        <translation>S&amp;coring</translation>
    </message>
    <message>
        <source>&amp;Écran partagé</source>
        <translation>Sh&amp;ared screen</translation>
    </message>
    <message>
        <source>&amp;Déplacer vers l’écran</source>
        <translation>&amp;Move to screen</translation>
    </message>
    <message>
        <source>Aff&amp;ichage</source>
        <translation>Vie&amp;w</translation>
    </message>
    <message>
        <source>Aid&amp;e</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>Maintenance</name>
    <message>
        <source>Restaurer un instantané</source>
        <translation>Restore a snapshot</translation>
    </message>
    <message>
        <source>Restaurer l’instantané du {when} ({reason}) ?

Un instantané de l’état actuel est pris d’abord (« avant restauration ») : la restauration pourra elle-même être annulée. Ce qui a été saisi depuis cet instantané disparaît de la base ; la séance reprend ensuite là où l’instantané l’avait laissée.</source>
        <translation>Restore the snapshot of {when} ({reason})?

A snapshot of the current state is taken first (“before restore”): the restore itself can be undone. What was entered since this snapshot leaves the database; the session then resumes where the snapshot left it.</translation>
    </message>
    <message>
        <source>Restaurer</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Données effacées : {files} fichier(s), dont {exports} export(s).</source>
        <translation>Data erased: {files} file(s), including {exports} export(s).</translation>
    </message>
    <message>
        <source>Effacement incomplet : certains fichiers n’ont pas pu être effacés. Supprimez-les à la main.</source>
        <translation>Erasing incomplete: some files could not be erased. Delete them by hand.</translation>
    </message>
    <message>
        <source>Non effacé : « {path} » — {why}</source>
        <translation>Not erased: “{path}” — {why}</translation>
    </message>
    <message>
        <source>Conservé : « {path} » — {why}</source>
        <translation>Kept: “{path}” — {why}</translation>
    </message>
    <message>
        <source>Effacement des données</source>
        <translation>Erasing the data</translation>
    </message>
</context>
<context>
    <name>MaintenanceActions</name>
    <message>
        <source>I&amp;nstantanés…</source>
        <translation>S&amp;napshots…</translation>
    </message>
    <message>
        <source>Lister les instantanés de la base, en prendre un, en restaurer un</source>
        <translation>List the database’s snapshots, take one, restore one</translation>
    </message>
    <message>
        <source>&amp;Effacer les données de cette base…</source>
        <translation>&amp;Erase this database’s data…</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Le quorum n’est pas atteint : {present} juré(s) présent(s) pour un quorum de {required}.{absent} Vérifiez les présences.</source>
        <translation>The quorum is not reached: {present} juror(s) present for a quorum of {required}.{absent} Check the attendance.</translation>
    </message>
    <message>
        <source> Absents : {names}.</source>
        <translation> Absent: {names}.</translation>
    </message>
    <message>
        <source>{why} {action} ou donnez un motif.</source>
        <translation>{why} {action} or give a reason.</translation>
    </message>
    <message>
        <source>Saisissez-la</source>
        <translation>Enter it</translation>
    </message>
    <message>
        <source>Saisissez-les</source>
        <translation>Enter them</translation>
    </message>
    <message>
        <source>Revoyez les présences et les déports</source>
        <translation>Review the attendance and the recusals</translation>
    </message>
    <message>
        <source>Le dossier {dossier} figure {count} fois parmi les lauréats. Gardez-en une seule ligne.</source>
        <translation>Dossier {dossier} appears {count} times among the laureates. Keep a single line.</translation>
    </message>
    <message>
        <source>Le lauréat {dossier} n’est pas un dossier de la session. Retirez-le de la liste.</source>
        <translation>Laureate {dossier} is not a dossier of this session. Remove it from the list.</translation>
    </message>
    <message>
        <source>Le montant accordé au dossier {dossier} est négatif ({amount}). Corrigez-le.</source>
        <translation>The amount granted to dossier {dossier} is negative ({amount}). Correct it.</translation>
    </message>
    <message>
        <source>Le dossier {dossier} n’est pas valide et ne peut pas être lauréat. Complétez ses feuilles ou retirez-le de la liste.</source>
        <translation>Dossier {dossier} is not valid and cannot be a laureate. Complete its sheets or remove it from the list.</translation>
    </message>
    <message>
        <source>Le dossier {dossier} est proposé comme lauréat mais son audition n’a pas été enregistrée. Enregistrez l’audition (ou saisissez-la après coup, avec un motif) ou retirez-le de la liste.</source>
        <translation>Dossier {dossier} is proposed as a laureate but its hearing was not recorded. Record the hearing (or enter it afterwards, with a reason) or remove it from the list.</translation>
    </message>
    <message>
        <source>Le dossier {dossier} est ajouté aux lauréats alors que sa note {score} est sous le minimum de {min_score}. Justifiez cet ajout.</source>
        <translation>Dossier {dossier} is added to the laureates although its score {score} is below the minimum of {min_score}. Justify this addition.</translation>
    </message>
    <message>
        <source>Le dossier {dossier} est ajouté aux lauréats alors qu’il est classé au rang {rank} et hors de la proposition par défaut. Justifiez cet ajout.</source>
        <translation>Dossier {dossier} is added to the laureates although it ranks {rank} and is outside the default proposal. Justify this addition.</translation>
    </message>
    <message>
        <source>Le montant accordé au dossier {dossier} ({amount}) diffère de celui de la proposition par défaut ({default}). Justifiez ce montant.</source>
        <translation>The amount granted to dossier {dossier} ({amount}) differs from the default proposal&apos;s ({default}). Justify this amount.</translation>
    </message>
    <message>
        <source>Le dossier {dossier}, retenu par la proposition par défaut, ne figure pas parmi les lauréats. Justifiez ce retrait.</source>
        <translation>Dossier {dossier}, selected by the default proposal, is not among the laureates. Justify this removal.</translation>
    </message>
    <message>
        <source>Le total des lauréats ({total}) dépasse l’enveloppe de {envelope} de {excess}. Retirez un lauréat ou réduisez un montant.</source>
        <translation>The laureates&apos; total ({total}) exceeds the envelope of {envelope} by {excess}. Remove a laureate or reduce an amount.</translation>
    </message>
    <message>
        <source>La liste compte {count} lauréats pour un maximum de {max}. Retirez-en {excess}.</source>
        <translation>The list has {count} laureates for a maximum of {max}. Remove {excess}.</translation>
    </message>
    <message>
        <source>Le jury n’a pas arrêté sa liste de lauréats : arrêtez-la (Délibération, « Décision du jury »), ou closez sur la proposition par défaut.</source>
        <translation>The jury has not settled its list of laureates: settle it (Deliberation, “Jury’s decision”), or close on the default proposal.</translation>
    </message>
    <message>
        <source>Le dossier {dossier} n’est pas valide : {parts}.</source>
        <translation>Dossier {dossier} is not valid: {parts}.</translation>
    </message>
    <message>
        <source>il manque la feuille de {sheets}</source>
        <translation>the sheet of {sheets} is missing</translation>
    </message>
    <message>
        <source>il manque les feuilles de {sheets}</source>
        <translation>the sheets of {sheets} are missing</translation>
    </message>
    <message>
        <source>{juror} (critères : {criteria})</source>
        <translation>{juror} (criteria: {criteria})</translation>
    </message>
    <message>
        <source>{counted} juré(s) seulement compte(nt) pour ce dossier (présents et non déportés), pour un minimum de {need} feuille(s)</source>
        <translation>only {counted} juror(s) count for this dossier (present and not recused), for a minimum of {need} sheet(s)</translation>
    </message>
    <message>
        <source>{sheets} feuille(s) complète(s) pour un minimum de {need}</source>
        <translation>{sheets} complete sheet(s) for a minimum of {need}</translation>
    </message>
    <message>
        <source>feuille de {juror} absente</source>
        <translation>sheet of {juror} missing</translation>
    </message>
    <message>
        <source>feuille de {juror} incomplète ({criteria})</source>
        <translation>sheet of {juror} incomplete ({criteria})</translation>
    </message>
    <message>
        <source>{first} et {last}</source>
        <translation>{first} and {last}</translation>
    </message>
    <message>
        <source> ; </source>
        <translation>; </translation>
    </message>
    <message>
        <source>Classement par la note médiane</source>
        <translation>Ranking by the median score</translation>
    </message>
    <message>
        <source>Classement par notes centrées-réduites par juré (z-scores)</source>
        <translation>Ranking by scores standardised per juror (z-scores)</translation>
    </message>
    <message>
        <source>Jugement majoritaire (mentions)</source>
        <translation>Majority judgement (grades)</translation>
    </message>
    <message>
        <source>Sans départage : des médianes égales partagent le rang (1, 2, 2, 4).</source>
        <translation>No tie-break: equal medians share the rank (1, 2, 2, 4).</translation>
    </message>
    <message>
        <source>Sans départage : des moyennes de z égales partagent le rang ; un juré dont toutes les notes sont égales compte pour 0.</source>
        <translation>No tie-break: equal mean z share the rank; a juror whose scores are all equal counts as 0.</translation>
    </message>
    <message>
        <source>Variante de Balinski-Laraki : à mention majoritaire (médiane inférieure) égale, on retire une mention majoritaire de chaque dossier et on recommence ; ex aequo si l’un n’a plus de mention avant qu’une différence n’apparaisse.</source>
        <translation>Balinski-Laraki variant: with equal majority grades (lower median), one majority grade is removed from each dossier and the comparison starts again; tied if one runs out of grades before a difference appears.</translation>
    </message>
    <message>
        <source>Juré « {juror} » inconnu dans cette session.</source>
        <translation>Juror “{juror}” is unknown in this session.</translation>
    </message>
    <message>
        <source>Dossier « {dossier} » inconnu dans cette session.</source>
        <translation>Dossier “{dossier}” is unknown in this session.</translation>
    </message>
    <message>
        <source>Critère « {criterion} » inconnu dans cette session.</source>
        <translation>Criterion “{criterion}” is unknown in this session.</translation>
    </message>
    <message>
        <source>Aucune session « {session} ».</source>
        <translation>No session “{session}”.</translation>
    </message>
    <message>
        <source>La délibération est close : rouvrez-la (avec un motif) pour modifier quoi que ce soit.</source>
        <translation>The deliberation is closed: reopen it (with a reason) to change anything.</translation>
    </message>
    <message>
        <source>Un motif est obligatoire pour une récusation.</source>
        <translation>A recusal needs a reason.</translation>
    </message>
    <message>
        <source>Un motif est obligatoire pour rouvrir la délibération.</source>
        <translation>Reopening the deliberation needs a reason.</translation>
    </message>
    <message>
        <source>Le juré « {juror} » est déjà récusé pour « {dossier} » (conflit d’intérêts du paquet).</source>
        <translation>Juror “{juror}” is already recused for “{dossier}” (conflict of interest in the bundle).</translation>
    </message>
    <message>
        <source>Le juré « {juror} » est déjà récusé pour « {dossier} ».</source>
        <translation>Juror “{juror}” is already recused for “{dossier}”.</translation>
    </message>
    <message>
        <source>Aucune récusation de séance pour « {juror} » / « {dossier} » (un conflit du paquet ne peut pas être retiré).</source>
        <translation>No recusal recorded in session for “{juror}” / “{dossier}” (a conflict from the bundle cannot be withdrawn).</translation>
    </message>
    <message>
        <source>« {raw} » n’est pas un nombre.</source>
        <translation>“{raw}” is not a number.</translation>
    </message>
    <message>
        <source>« {raw} » n’est pas une valeur admise pour « {criterion} » : de {min} à {max} par pas de {step}.</source>
        <translation>“{raw}” is not an allowed value for “{criterion}”: from {min} to {max} in steps of {step}.</translation>
    </message>
    <message>
        <source>Le juré « {juror} » est récusé pour le dossier « {dossier} » : sa note ne peut pas être saisie.</source>
        <translation>Juror “{juror}” is recused for dossier “{dossier}”: their score cannot be entered.</translation>
    </message>
    <message>
        <source>Le juré « {juror} » est absent de la séance : sa note ne peut pas être saisie.</source>
        <translation>Juror “{juror}” is absent from the session: their score cannot be entered.</translation>
    </message>
    <message>
        <source>Aucune valeur à effacer.</source>
        <translation>No value to clear.</translation>
    </message>
    <message>
        <source>La feuille du juré « {juror} » pour le dossier « {dossier} » est validée : toute modification demande un motif.</source>
        <translation>Juror “{juror}”’s sheet for dossier “{dossier}” is validated: any change needs a reason.</translation>
    </message>
    <message>
        <source>La feuille du juré « {juror} » pour le dossier « {dossier} » n’est pas complète (sans valeur : {missing}) : elle ne peut pas être validée.</source>
        <translation>Juror “{juror}”’s sheet for dossier “{dossier}” is not complete (no value: {missing}): it cannot be validated.</translation>
    </message>
    <message>
        <source>La délibération est close : les appareils des jurés ne peuvent plus être appairés.</source>
        <translation>The deliberation is closed: jurors&apos; devices can no longer be paired.</translation>
    </message>
    <message>
        <source>Choisissez le réseau sur lequel les appareils des jurés se connectent (le point d’accès du portable ou le réseau de la salle) : jury_desk n’écoute jamais sur tous les réseaux à la fois.</source>
        <translation>Choose the network the jurors&apos; devices connect to (the laptop&apos;s hotspot or the room&apos;s network): jury_desk never listens on every network at once.</translation>
    </message>
    <message>
        <source>Impossible d’écouter sur {host}, port {port} : l’adresse n’est plus celle du portable ou le port est déjà pris. Choisissez un autre réseau ou un autre port.</source>
        <translation>Cannot listen on {host}, port {port}: the address is no longer the laptop&apos;s or the port is taken. Choose another network or another port.</translation>
    </message>
    <message>
        <source>Ce n’est plus le dossier en cours d’audition : la page affiche maintenant le bon dossier.</source>
        <translation>This is no longer the dossier being heard: the page now shows the right one.</translation>
    </message>
    <message>
        <source>La délibération est close : plus aucune note ne peut être saisie.</source>
        <translation>The deliberation is closed: no score can be entered any more.</translation>
    </message>
    <message>
        <source>Aucun dossier n’est en audition.</source>
        <translation>No dossier is being heard.</translation>
    </message>
    <message>
        <source>Vous êtes noté(e) absent(e) de la séance : vous ne pouvez pas noter.</source>
        <translation>You are marked absent from the session: you cannot score.</translation>
    </message>
    <message>
        <source>Vous êtes déporté(e) pour ce dossier : vous ne pouvez pas le noter.</source>
        <translation>You are recused for this dossier: you cannot score it.</translation>
    </message>
    <message>
        <source>Requête refusée : identifiant d’envoi manquant ou invalide.</source>
        <translation>Request refused: missing or invalid sending key.</translation>
    </message>
    <message>
        <source>Requête refusée : contenu invalide.</source>
        <translation>Request refused: invalid content.</translation>
    </message>
    <message>
        <source>Ligne {line} : {message} Aucune note n’a été enregistrée.</source>
        <translation>Line {line}: {message} No score was recorded.</translation>
    </message>
    <message>
        <source>Ligne {line} (dossier {dossier}, juré {juror}, critère {criterion}, valeur « {value} ») : {message} Aucune note n’a été enregistrée.</source>
        <translation>Line {line} (dossier {dossier}, juror {juror}, criterion {criterion}, value “{value}”): {message} No score was recorded.</translation>
    </message>
    <message>
        <source>Ligne {line} : en-tête attendu « {expected} », trouvé « {found} ». Aucune note n’a été enregistrée.</source>
        <translation>Line {line}: expected the header “{expected}”, found “{found}”. No score was recorded.</translation>
    </message>
    <message>
        <source>Ligne {line} : 4 colonnes attendues, {found} trouvées. Aucune note n’a été enregistrée.</source>
        <translation>Line {line}: 4 columns expected, {found} found. No score was recorded.</translation>
    </message>
    <message>
        <source>Le fichier CSV est vide. Aucune note n’a été enregistrée.</source>
        <translation>The CSV file is empty. No score was recorded.</translation>
    </message>
    <message>
        <source>Le dossier « {dossier} » figure deux fois dans la liste.</source>
        <translation>Dossier “{dossier}” appears twice in the list.</translation>
    </message>
    <message>
        <source>Un montant ne peut pas être négatif.</source>
        <translation>An amount cannot be negative.</translation>
    </message>
    <message>
        <source>Les seuils de désaccord doivent être positifs.</source>
        <translation>The disagreement thresholds must be positive.</translation>
    </message>
    <message>
        <source>La délibération n’est pas close.</source>
        <translation>The deliberation is not closed.</translation>
    </message>
    <message>
        <source>La délibération ne peut pas être close :</source>
        <translation>The deliberation cannot be closed:</translation>
    </message>
    <message>
        <source>Paquet de session refusé — {message}</source>
        <translation>Session bundle refused — {message}</translation>
    </message>
    <message>
        <source>Paquet de session refusé — entrée « {entry} » : {message}</source>
        <translation>Session bundle refused — entry “{entry}”: {message}</translation>
    </message>
    <message>
        <source>Impossible d’ouvrir « {file} » : {detail}.</source>
        <translation>Cannot open “{file}”: {detail}.</translation>
    </message>
    <message>
        <source>Paquet de session refusé — « {file} » n’est pas une archive ZIP lisible.</source>
        <translation>Session bundle refused — “{file}” is not a readable ZIP archive.</translation>
    </message>
    <message>
        <source>une entrée porte un nom vide.</source>
        <translation>an entry has an empty name.</translation>
    </message>
    <message>
        <source>chemin de plus de {limit} caractères.</source>
        <translation>path longer than {limit} characters.</translation>
    </message>
    <message>
        <source>le nom contient un caractère de contrôle.</source>
        <translation>the name contains a control character.</translation>
    </message>
    <message>
        <source>le nom contient une barre oblique inverse (\).</source>
        <translation>the name contains a backslash (\).</translation>
    </message>
    <message>
        <source>chemin absolu ou lettre de lecteur interdits.</source>
        <translation>absolute paths and drive letters are forbidden.</translation>
    </message>
    <message>
        <source>le chemin contient « .. », « . » ou un élément vide.</source>
        <translation>the path contains “..”, “.” or an empty element.</translation>
    </message>
    <message>
        <source>le nom contient un caractère interdit (&lt; &gt; : &quot; | ? *).</source>
        <translation>the name contains a forbidden character (&lt; &gt; : &quot; | ? *).</translation>
    </message>
    <message>
        <source>un élément du chemin se termine par un point ou une espace.</source>
        <translation>a path element ends with a dot or a space.</translation>
    </message>
    <message>
        <source>« {part} » est un nom réservé par Windows.</source>
        <translation>“{part}” is a name reserved by Windows.</translation>
    </message>
    <message>
        <source>{count} entrées (au plus {limit}).</source>
        <translation>{count} entries (at most {limit}).</translation>
    </message>
    <message>
        <source>nom en double (identique à « {other} » à la casse ou à la forme Unicode près).</source>
        <translation>duplicate name (identical to “{other}” up to case or Unicode form).</translation>
    </message>
    <message>
        <source>les liens symboliques et les points d’analyse (reparse points) sont interdits.</source>
        <translation>symbolic links and reparse points are forbidden.</translation>
    </message>
    <message>
        <source>entrée chiffrée.</source>
        <translation>encrypted entry.</translation>
    </message>
    <message>
        <source>méthode de compression {method} (seules « stored » et « deflate » sont admises).</source>
        <translation>compression method {method} (only “stored” and “deflate” are allowed).</translation>
    </message>
    <message>
        <source>ses données chevauchent celles de « {other} ».</source>
        <translation>its data overlaps that of “{other}”.</translation>
    </message>
    <message>
        <source>en-tête local absent ou corrompu.</source>
        <translation>local header missing or corrupt.</translation>
    </message>
    <message>
        <source>les données dépassent la fin de l’archive.</source>
        <translation>the data goes past the end of the archive.</translation>
    </message>
    <message>
        <source>la taille totale décompressée dépasse {limit} Gio.</source>
        <translation>the total uncompressed size exceeds {limit} GiB.</translation>
    </message>
    <message>
        <source>taux de compression supérieur à {limit}.</source>
        <translation>compression ratio above {limit}.</translation>
    </message>
    <message>
        <source>l’entrée est plus grande que la taille annoncée.</source>
        <translation>the entry is larger than its announced size.</translation>
    </message>
    <message>
        <source>l’en-tête annonce {announced} octets, l’entrée en contient {got}.</source>
        <translation>the header announces {announced} bytes, the entry holds {got}.</translation>
    </message>
    <message>
        <source>données corrompues ({detail}).</source>
        <translation>corrupt data ({detail}).</translation>
    </message>
    <message>
        <source>données illisibles ({detail}).</source>
        <translation>unreadable data ({detail}).</translation>
    </message>
    <message>
        <source>Paquet de session refusé — la session « {session} » est déjà dans la base avec un manifeste différent. Une session importée ne peut pas être remplacée ; utilisez une autre base (--db) ou demandez un nouveau paquet au siège.</source>
        <translation>Session bundle refused — session “{session}” is already in the database with a different manifest. An imported session cannot be replaced; use another database (--db) or ask headquarters for a new bundle.</translation>
    </message>
    <message>
        <source>« {path} » est introuvable.</source>
        <translation>“{path}” cannot be found.</translation>
    </message>
    <message>
        <source>{message}.</source>
        <translation>{message}.</translation>
    </message>
    <message>
        <source>JSON invalide ({message}).</source>
        <translation>invalid JSON ({message}).</translation>
    </message>
    <message>
        <source>non conforme au schéma en « {path} » : {message}.</source>
        <translation>does not conform to the schema at “{path}”: {message}.</translation>
    </message>
    <message>
        <source>version de format {version} non prise en charge (seule la version 1 l’est).</source>
        <translation>format version {version} is not supported (only version 1 is).</translation>
    </message>
    <message>
        <source>identifiant {value} invalide en {where}.</source>
        <translation>invalid identifier {value} at {where}.</translation>
    </message>
    <message>
        <source>identifiant « {id} » en double dans {where}.</source>
        <translation>identifier “{id}” appears twice in {where}.</translation>
    </message>
    <message>
        <source>nombre {value} hors des bornes admises en {where}.</source>
        <translation>number {value} out of the allowed range at {where}.</translation>
    </message>
    <message>
        <source>critère « {criterion} » : le poids doit être &gt; 0.</source>
        <translation>criterion “{criterion}”: the weight must be &gt; 0.</translation>
    </message>
    <message>
        <source>critère « {criterion} » : min doit être &lt; max.</source>
        <translation>criterion “{criterion}”: min must be &lt; max.</translation>
    </message>
    <message>
        <source>critère « {criterion} » : le pas doit être &gt; 0.</source>
        <translation>criterion “{criterion}”: the step must be &gt; 0.</translation>
    </message>
    <message>
        <source>critère « {criterion} » : (max − min) n’est pas un multiple entier du pas.</source>
        <translation>criterion “{criterion}”: (max − min) is not a whole multiple of the step.</translation>
    </message>
    <message>
        <source>critère « {criterion} » : plus de 1000 valeurs possibles.</source>
        <translation>criterion “{criterion}”: more than 1000 possible values.</translation>
    </message>
    <message>
        <source>ordre de passage {order} en double (dossier « {dossier} »).</source>
        <translation>hearing order {order} appears twice (dossier “{dossier}”).</translation>
    </message>
    <message>
        <source>la pièce « {path} » n’est pas rangée sous attachments/{dossier}/.</source>
        <translation>attachment “{path}” is not filed under attachments/{dossier}/.</translation>
    </message>
    <message>
        <source>pièce « {path} » listée deux fois.</source>
        <translation>attachment “{path}” listed twice.</translation>
    </message>
    <message>
        <source>conflit d’intérêts : le juré « {juror} » n’existe pas.</source>
        <translation>conflict of interest: juror “{juror}” does not exist.</translation>
    </message>
    <message>
        <source>conflit d’intérêts : le dossier « {dossier} » n’existe pas.</source>
        <translation>conflict of interest: dossier “{dossier}” does not exist.</translation>
    </message>
    <message>
        <source>conflit {juror} / {dossier} listé deux fois.</source>
        <translation>conflict {juror} / {dossier} listed twice.</translation>
    </message>
    <message>
        <source>min_sheets ({min_sheets}) dépasse le nombre de jurés ({jurors}).</source>
        <translation>min_sheets ({min_sheets}) exceeds the number of jurors ({jurors}).</translation>
    </message>
    <message>
        <source>taille {size} octets, le manifeste annonce {announced}.</source>
        <translation>size {size} bytes, the manifest announces {announced}.</translation>
    </message>
    <message>
        <source>l’empreinte SHA-256 ne correspond pas au manifeste.</source>
        <translation>the SHA-256 digest does not match the manifest.</translation>
    </message>
    <message>
        <source>le contenu ne correspond pas au type annoncé « {media_type} ».</source>
        <translation>the content does not match the announced type “{media_type}”.</translation>
    </message>
    <message>
        <source>le contenu ne correspond pas au type annoncé « {media_type} » (un PDF doit commencer par « %PDF- »).</source>
        <translation>the content does not match the announced type “{media_type}” (a PDF must start with “%PDF-”).</translation>
    </message>
    <message>
        <source>entrée obligatoire absente.</source>
        <translation>required entry missing.</translation>
    </message>
    <message>
        <source>entrée inattendue (seuls manifest.json, manifest.json.jws et attachments/&lt;dossier&gt;/&lt;fichier&gt; sont admis).</source>
        <translation>unexpected entry (only manifest.json, manifest.json.jws and attachments/&lt;dossier&gt;/&lt;file&gt; are allowed).</translation>
    </message>
    <message>
        <source>un dossier ne peut pas avoir de contenu.</source>
        <translation>a folder cannot have content.</translation>
    </message>
    <message>
        <source>la signature n’est pas du texte ASCII.</source>
        <translation>the signature is not ASCII text.</translation>
    </message>
    <message>
        <source>la clé de démonstration n’est de confiance que pour la session de démonstration.</source>
        <translation>the demonstration key is trusted only for the demonstration session.</translation>
    </message>
    <message>
        <source>dossier de pièces jointes qui ne correspond à aucun dossier du manifeste.</source>
        <translation>attachment folder that matches no dossier of the manifest.</translation>
    </message>
    <message>
        <source>fichier présent dans l’archive mais absent du manifeste.</source>
        <translation>file present in the archive but missing from the manifest.</translation>
    </message>
    <message>
        <source>pièce listée dans le manifeste mais absente de l’archive.</source>
        <translation>attachment listed in the manifest but missing from the archive.</translation>
    </message>
    <message>
        <source>le manifeste n’a pas de liste « dossiers ».</source>
        <translation>the manifest has no “dossiers” list.</translation>
    </message>
    <message>
        <source>fichier introuvable dans « {source} ».</source>
        <translation>file not found in “{source}”.</translation>
    </message>
    <message>
        <source>entrée n° {seq} : « {field} » absent ou invalide</source>
        <translation>entry no. {seq}: “{field}” missing or invalid</translation>
    </message>
    <message>
        <source>entrée n° {seq} : « {field} » invalide</source>
        <translation>entry no. {seq}: “{field}” invalid</translation>
    </message>
    <message>
        <source>entrée n° {seq} : juré « {juror} » inconnu de la session</source>
        <translation>entry no. {seq}: juror “{juror}” unknown to the session</translation>
    </message>
    <message>
        <source>entrée n° {seq} : dossier « {dossier} » inconnu de la session</source>
        <translation>entry no. {seq}: dossier “{dossier}” unknown to the session</translation>
    </message>
    <message>
        <source>entrée n° {seq} : critère « {criterion} » inconnu de la session</source>
        <translation>entry no. {seq}: criterion “{criterion}” unknown to the session</translation>
    </message>
    <message>
        <source>entrée n° {seq} : valeur « {value} » illisible</source>
        <translation>entry no. {seq}: unreadable value “{value}”</translation>
    </message>
    <message>
        <source>entrée n° {seq} : valeur {value} hors de l’échelle du critère « {criterion} »</source>
        <translation>entry no. {seq}: value {value} outside the scale of criterion “{criterion}”</translation>
    </message>
    <message>
        <source>entrée n° {seq} : forme invalide</source>
        <translation>entry no. {seq}: invalid form</translation>
    </message>
    <message>
        <source>entrée n° {seq} : date « at » absente</source>
        <translation>entry no. {seq}: date “at” missing</translation>
    </message>
    <message>
        <source>la première entrée (n° {seq}) n’est pas l’import de la session (« {action} »)</source>
        <translation>the first entry (no. {seq}) is not the session’s import (“{action}”)</translation>
    </message>
    <message>
        <source>la première entrée n’a pas importé ce manifeste (SHA-256 différent)</source>
        <translation>the first entry did not import this manifest (different SHA-256)</translation>
    </message>
    <message>
        <source>entrée n° {seq} : second import de la session</source>
        <translation>entry no. {seq}: second import of the session</translation>
    </message>
    <message>
        <source>entrée n° {seq} : liste « absent » invalide</source>
        <translation>entry no. {seq}: invalid “absent” list</translation>
    </message>
    <message>
        <source>entrée n° {seq} : nature de récusation « {kind} » inconnue</source>
        <translation>entry no. {seq}: unknown kind of recusal “{kind}”</translation>
    </message>
    <message>
        <source>entrée n° {seq} : récusation déjà inscrite</source>
        <translation>entry no. {seq}: recusal already recorded</translation>
    </message>
    <message>
        <source>entrée n° {seq} : retrait d’une récusation absente</source>
        <translation>entry no. {seq}: removal of a recusal that does not exist</translation>
    </message>
    <message>
        <source>entrée n° {seq} : feuille déjà validée</source>
        <translation>entry no. {seq}: sheet already validated</translation>
    </message>
    <message>
        <source>entrée n° {seq} : effacement d’une note absente</source>
        <translation>entry no. {seq}: clearing a score that does not exist</translation>
    </message>
    <message>
        <source>entrée n° {seq} : seuils illisibles</source>
        <translation>entry no. {seq}: unreadable thresholds</translation>
    </message>
    <message>
        <source>entrée n° {seq} : export n° {number} après l’export n° {previous}</source>
        <translation>entry no. {seq}: export no. {number} after export no. {previous}</translation>
    </message>
    <message>
        <source>entrée n° {seq} : modification d’une feuille validée sans motif</source>
        <translation>entry no. {seq}: change to a validated sheet without a reason</translation>
    </message>
    <message>
        <source>entrée n° {seq} : décision du jury illisible</source>
        <translation>entry no. {seq}: unreadable jury decision</translation>
    </message>
    <message>
        <source>entrée n° {seq} : lauréat illisible</source>
        <translation>entry no. {seq}: unreadable laureate</translation>
    </message>
    <message>
        <source>entrée n° {seq} : montant du lauréat « {dossier} » invalide</source>
        <translation>entry no. {seq}: invalid amount for laureate “{dossier}”</translation>
    </message>
    <message>
        <source>entrée n° {seq} : lauréat « {dossier} » en double</source>
        <translation>entry no. {seq}: laureate “{dossier}” listed twice</translation>
    </message>
    <message>
        <source>entrée n° {seq} : justification illisible</source>
        <translation>entry no. {seq}: unreadable justification</translation>
    </message>
    <message>
        <source>répertoire central tronqué</source>
        <translation>central directory truncated</translation>
    </message>
    <message>
        <source>entrée « {name} » en double</source>
        <translation>entry “{name}” appears twice</translation>
    </message>
    <message>
        <source>octets en trop dans le répertoire central</source>
        <translation>extra bytes in the central directory</translation>
    </message>
    <message>
        <source>entrée manquante : « {name} »</source>
        <translation>missing entry: “{name}”</translation>
    </message>
    <message>
        <source>{count} octet(s) entre la dernière entrée et le répertoire central</source>
        <translation>{count} byte(s) between the last entry and the central directory</translation>
    </message>
    <message>
        <source>le fichier est trop court pour être une archive ZIP</source>
        <translation>the file is too short to be a ZIP archive</translation>
    </message>
    <message>
        <source>des octets suivent l’enregistrement de fin d’archive (commentaire ou ajout)</source>
        <translation>bytes follow the end-of-archive record (comment or appended data)</translation>
    </message>
    <message>
        <source>pas d’enregistrement de fin d’archive ZIP</source>
        <translation>no ZIP end-of-archive record</translation>
    </message>
    <message>
        <source>l’archive porte un commentaire</source>
        <translation>the archive carries a comment</translation>
    </message>
    <message>
        <source>archive en plusieurs volumes</source>
        <translation>multi-volume archive</translation>
    </message>
    <message>
        <source>archive ZIP64 (inutile pour ce paquet)</source>
        <translation>ZIP64 archive (not needed for this bundle)</translation>
    </message>
    <message>
        <source>{count} entrées annoncées, exactement {expected} attendues</source>
        <translation>{count} entries declared, exactly {expected} expected</translation>
    </message>
    <message>
        <source>le répertoire central n’est pas suivi immédiatement de la fin d’archive (octets en trop ou second enregistrement de fin)</source>
        <translation>the central directory is not immediately followed by the end of the archive (extra bytes or a second end record)</translation>
    </message>
    <message>
        <source>répertoire central anormalement grand</source>
        <translation>abnormally large central directory</translation>
    </message>
    <message>
        <source>répertoire central corrompu</source>
        <translation>corrupt central directory</translation>
    </message>
    <message>
        <source>nom d’entrée illisible</source>
        <translation>unreadable entry name</translation>
    </message>
    <message>
        <source>entrée en trop : « {name} »</source>
        <translation>unexpected entry: “{name}”</translation>
    </message>
    <message>
        <source>entrée « {name} » : commentaire ou volume inattendu</source>
        <translation>entry “{name}”: unexpected comment or volume</translation>
    </message>
    <message>
        <source>entrée « {name} » : version requise ou attributs internes inattendus</source>
        <translation>entry “{name}”: unexpected required version or internal attributes</translation>
    </message>
    <message>
        <source>entrée « {name} » : pas un fichier ordinaire</source>
        <translation>entry “{name}”: not a regular file</translation>
    </message>
    <message>
        <source>entrée « {name} » chiffrée</source>
        <translation>entry “{name}” is encrypted</translation>
    </message>
    <message>
        <source>entrée « {name} » avec descripteur de données</source>
        <translation>entry “{name}” has a data descriptor</translation>
    </message>
    <message>
        <source>entrée « {name} » avec les indicateurs {flags}</source>
        <translation>entry “{name}” has flags {flags}</translation>
    </message>
    <message>
        <source>entrée « {name} » : méthode de compression {method} refusée</source>
        <translation>entry “{name}”: compression method {method} refused</translation>
    </message>
    <message>
        <source>entrée « {name} » : champ supplémentaire ZIP64 ou corrompu</source>
        <translation>entry “{name}”: ZIP64 or corrupt extra field</translation>
    </message>
    <message>
        <source>entrée « {name} » : {size} octets annoncés, au plus {limit}</source>
        <translation>entry “{name}”: {size} bytes declared, at most {limit}</translation>
    </message>
    <message>
        <source>entrée « {name} » : tailles incohérentes</source>
        <translation>entry “{name}”: inconsistent sizes</translation>
    </message>
    <message>
        <source>l’entrée « {name} » commence à l’octet {offset}, {expected} attendu (les entrées se suivent depuis l’octet 0, sans intervalle)</source>
        <translation>entry “{name}” starts at byte {offset}, {expected} expected (entries follow one another from byte 0, without gaps)</translation>
    </message>
    <message>
        <source>en-tête local de « {name} » absent</source>
        <translation>local header of “{name}” missing</translation>
    </message>
    <message>
        <source>l’en-tête local de « {name} » diffère du répertoire central (nom, méthode, tailles, CRC, date, version ou champs supplémentaires)</source>
        <translation>the local header of “{name}” differs from the central directory (name, method, sizes, CRC, date, version or extra fields)</translation>
    </message>
    <message>
        <source>« {name} » contient plus d’octets que son en-tête n’en annonce</source>
        <translation>“{name}” holds more bytes than its header declares</translation>
    </message>
    <message>
        <source>« {name} » est tronqué</source>
        <translation>“{name}” is truncated</translation>
    </message>
    <message>
        <source>« {name} » : flux deflate incomplet ou suivi d’octets</source>
        <translation>“{name}”: deflate stream incomplete or followed by extra bytes</translation>
    </message>
    <message>
        <source>« {name} » : données deflate corrompues</source>
        <translation>“{name}”: corrupt deflate data</translation>
    </message>
    <message>
        <source>« {name} » : l’en-tête annonce {announced} octets, l’entrée en contient {got}</source>
        <translation>“{name}”: the header declares {announced} bytes, the entry holds {got}</translation>
    </message>
    <message>
        <source>« {name} » : le CRC-32 ne correspond pas à l’en-tête</source>
        <translation>“{name}”: the CRC-32 does not match the header</translation>
    </message>
    <message>
        <source>session : base {mine}, journal/manifeste {theirs}</source>
        <translation>session: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>SHA-256 du manifeste : base {mine}, journal/manifeste {theirs}</source>
        <translation>manifest SHA-256: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>session de démonstration : base {mine}, journal/manifeste {theirs}</source>
        <translation>demonstration session: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>critères : base {mine}, journal/manifeste {theirs}</source>
        <translation>criteria: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>jurés : base {mine}, journal/manifeste {theirs}</source>
        <translation>jurors: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>dossier « {dossier} », {field} : base {mine}, journal/manifeste {theirs}</source>
        <translation>dossier “{dossier}”, {field}: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>conflits d’intérêts : base {mine}, journal/manifeste {theirs}</source>
        <translation>conflicts of interest: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>jurés présents : base {mine}, journal/manifeste {theirs}</source>
        <translation>jurors present: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>feuilles validées : base {mine}, journal {theirs}</source>
        <translation>validated sheets: database {mine}, log {theirs}</translation>
    </message>
    <message>
        <source>récusation {juror} / {dossier} : base {mine}, journal/manifeste {theirs}</source>
        <translation>recusal {juror} / {dossier}: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>note {dossier} / {juror} / {criterion} : base {mine}, journal/manifeste {theirs}</source>
        <translation>score {dossier} / {juror} / {criterion}: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>commentaire {dossier} / {juror} : base {mine}, journal/manifeste {theirs}</source>
        <translation>comment {dossier} / {juror}: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>avis motivé du dossier « {dossier} » : base {mine}, journal/manifeste {theirs}</source>
        <translation>reasoned opinion on dossier “{dossier}”: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>motif de non-validité du dossier « {dossier} » : base {mine}, journal/manifeste {theirs}</source>
        <translation>reason for the invalidity of dossier “{dossier}”: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>justification d’écart du dossier « {dossier} » : base {mine}, journal/manifeste {theirs}</source>
        <translation>justification of the departure on dossier “{dossier}”: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>audition du dossier « {dossier} » : base {mine}, journal/manifeste {theirs}</source>
        <translation>hearing of dossier “{dossier}”: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>notes de délibération : base {mine}, journal/manifeste {theirs}</source>
        <translation>deliberation notes: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>ouverture de la délibération : base {mine}, journal/manifeste {theirs}</source>
        <translation>opening of the deliberation: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>clôture de la délibération : base {mine}, journal/manifeste {theirs}</source>
        <translation>closing of the deliberation: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>liste arrêtée par le jury : base {mine}, journal/manifeste {theirs}</source>
        <translation>list set by the jury: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>lauréats : base {mine}, journal/manifeste {theirs}</source>
        <translation>laureates: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>seuil d’écart-type : base {mine}, journal/manifeste {theirs}</source>
        <translation>standard deviation threshold: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>seuil d’amplitude : base {mine}, journal/manifeste {theirs}</source>
        <translation>spread threshold: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>numéro d’export : base {mine}, journal/manifeste {theirs}</source>
        <translation>export number: database {mine}, log/manifest {theirs}</translation>
    </message>
    <message>
        <source>dossier « {dossier} » absent du manifeste</source>
        <translation>dossier “{dossier}” missing from the manifest</translation>
    </message>
    <message>
        <source>la liste des dossiers diffère du manifeste</source>
        <translation>the list of dossiers differs from the manifest</translation>
    </message>
    <message>
        <source>jurés absents : result.json {mine}, journal {theirs}</source>
        <translation>absent jurors: result.json {mine}, log {theirs}</translation>
    </message>
    <message>
        <source>nombre de présents : result.json {mine}, journal {theirs}</source>
        <translation>number present: result.json {mine}, log {theirs}</translation>
    </message>
    <message>
        <source>récusations de séance : result.json {mine}, journal {theirs}</source>
        <translation>recusals in session: result.json {mine}, log {theirs}</translation>
    </message>
    <message>
        <source>note {score} : result.json {mine}, journal {theirs}</source>
        <translation>score {score}: result.json {mine}, log {theirs}</translation>
    </message>
    <message>
        <source>commentaires : result.json {mine}, journal {theirs}</source>
        <translation>comments: result.json {mine}, log {theirs}</translation>
    </message>
    <message>
        <source>avis motivés : result.json {mine}, journal {theirs}</source>
        <translation>reasoned opinions: result.json {mine}, log {theirs}</translation>
    </message>
    <message>
        <source>auditions : result.json {mine}, journal {theirs}</source>
        <translation>hearings: result.json {mine}, log {theirs}</translation>
    </message>
    <message>
        <source>notes de délibération : result.json {mine}, journal {theirs}</source>
        <translation>deliberation notes: result.json {mine}, log {theirs}</translation>
    </message>
    <message>
        <source>ouverture : result.json {mine}, journal {theirs}</source>
        <translation>opening: result.json {mine}, log {theirs}</translation>
    </message>
    <message>
        <source>clôture : result.json {mine}, journal {theirs}</source>
        <translation>closing: result.json {mine}, log {theirs}</translation>
    </message>
    <message>
        <source>lauréats : result.json {mine}, journal {theirs}</source>
        <translation>laureates: result.json {mine}, log {theirs}</translation>
    </message>
    <message>
        <source>numéro d’export : result.json {mine}, journal {theirs}</source>
        <translation>export number: result.json {mine}, log {theirs}</translation>
    </message>
    <message>
        <source>« {path} » manque</source>
        <translation>“{path}” is missing</translation>
    </message>
    <message>
        <source>« {path} » n’a pas lieu d’être</source>
        <translation>“{path}” should not be there</translation>
    </message>
    <message>
        <source>« {path} » : {count} élément(s), {expected} attendu(s)</source>
        <translation>“{path}”: {count} item(s), {expected} expected</translation>
    </message>
    <message>
        <source>« {path} » vaut {value}, {expected} attendu</source>
        <translation>“{path}” is {value}, {expected} expected</translation>
    </message>
    <message>
        <source>result.json : {message}</source>
        <translation>result.json: {message}</translation>
    </message>
    <message>
        <source>result.json ne correspond pas au journal d’audit : {messages}</source>
        <translation>result.json does not match the audit log: {messages}</translation>
    </message>
    <message>
        <source>clé « {member} » en double</source>
        <translation>duplicate key “{member}”</translation>
    </message>
    <message>
        <source>« {name} » n’est pas un nombre JSON</source>
        <translation>“{name}” is not a JSON number</translation>
    </message>
    <message>
        <source>« -0 » n’est pas un entier admis</source>
        <translation>“-0” is not an allowed integer</translation>
    </message>
    <message>
        <source>entier {value} hors de ±(2^53 − 1)</source>
        <translation>integer {value} outside ±(2^53 − 1)</translation>
    </message>
    <message>
        <source>nombre {value} trop long</source>
        <translation>number {value} too long</translation>
    </message>
    <message>
        <source>nombre {value} invalide</source>
        <translation>invalid number {value}</translation>
    </message>
    <message>
        <source>nombre {value} hors des bornes admises</source>
        <translation>number {value} out of the allowed range</translation>
    </message>
    <message>
        <source>« {value} » (zéro négatif) n’est pas un nombre admis</source>
        <translation>“{value}” (negative zero) is not an allowed number</translation>
    </message>
    <message>
        <source>{size} octets, au plus {limit} admis</source>
        <translation>{size} bytes, at most {limit} allowed</translation>
    </message>
    <message>
        <source>{count} objets ou listes, au plus {limit} admis</source>
        <translation>{count} objects or arrays, at most {limit} allowed</translation>
    </message>
    <message>
        <source>le fichier commence par une marque d’ordre des octets (BOM)</source>
        <translation>the file starts with a byte order mark (BOM)</translation>
    </message>
    <message>
        <source>le fichier n’est pas en UTF-8 (octet {offset})</source>
        <translation>the file is not UTF-8 (byte {offset})</translation>
    </message>
    <message>
        <source>imbrication de plus de {limit} niveaux</source>
        <translation>nesting deeper than {limit} levels</translation>
    </message>
    <message>
        <source>erreur de syntaxe ligne {line}, colonne {column}</source>
        <translation>syntax error at line {line}, column {column}</translation>
    </message>
    <message>
        <source>ligne de plus de {limit} octets dans audit.jsonl</source>
        <translation>line longer than {limit} bytes in audit.jsonl</translation>
    </message>
    <message>
        <source>ligne vide dans audit.jsonl</source>
        <translation>empty line in audit.jsonl</translation>
    </message>
    <message>
        <source>une ligne n’est pas un objet JSON</source>
        <translation>a line is not a JSON object</translation>
    </message>
    <message>
        <source>champ obligatoire « {field} » absent</source>
        <translation>required field “{field}” missing</translation>
    </message>
    <message>
        <source>propriété inconnue « {fields} »</source>
        <translation>unknown property “{fields}”</translation>
    </message>
    <message>
        <source>{value} devrait être un texte</source>
        <translation>{value} should be a text</translation>
    </message>
    <message>
        <source>{value} devrait être un nombre entier</source>
        <translation>{value} should be a whole number</translation>
    </message>
    <message>
        <source>{value} devrait être un nombre</source>
        <translation>{value} should be a number</translation>
    </message>
    <message>
        <source>{value} devrait être un objet</source>
        <translation>{value} should be an object</translation>
    </message>
    <message>
        <source>{value} devrait être une liste</source>
        <translation>{value} should be a list</translation>
    </message>
    <message>
        <source>{value} devrait être null</source>
        <translation>{value} should be null</translation>
    </message>
    <message>
        <source>{value} devrait être un booléen</source>
        <translation>{value} should be a boolean</translation>
    </message>
    <message>
        <source>{value} devrait être de type JSON {types}</source>
        <translation>{value} should be of JSON type {types}</translation>
    </message>
    <message>
        <source>{value} devrait être supérieur ou égal à {bound}</source>
        <translation>{value} should be greater than or equal to {bound}</translation>
    </message>
    <message>
        <source>{value} devrait être strictement supérieur à {bound}</source>
        <translation>{value} should be strictly greater than {bound}</translation>
    </message>
    <message>
        <source>{value} devrait être inférieur ou égal à {bound}</source>
        <translation>{value} should be less than or equal to {bound}</translation>
    </message>
    <message>
        <source>{value} devrait être strictement inférieur à {bound}</source>
        <translation>{value} should be strictly less than {bound}</translation>
    </message>
    <message>
        <source>{value} n’est pas une valeur admise (valeurs admises : {admitted})</source>
        <translation>{value} is not an allowed value (allowed values: {admitted})</translation>
    </message>
    <message>
        <source>{value} au lieu de {expected}</source>
        <translation>{value} instead of {expected}</translation>
    </message>
    <message>
        <source>{value} n’a pas la forme attendue</source>
        <translation>{value} does not have the expected form</translation>
    </message>
    <message>
        <source>{value} n’est pas une valeur « {format} » valide</source>
        <translation>{value} is not a valid “{format}” value</translation>
    </message>
    <message>
        <source>texte vide</source>
        <translation>empty text</translation>
    </message>
    <message>
        <source>texte trop court (au moins {limit} caractères)</source>
        <translation>text too short (at least {limit} characters)</translation>
    </message>
    <message>
        <source>texte trop long (au plus {limit} caractères)</source>
        <translation>text too long (at most {limit} characters)</translation>
    </message>
    <message>
        <source>liste vide</source>
        <translation>empty list</translation>
    </message>
    <message>
        <source>liste trop courte (au moins {limit} éléments)</source>
        <translation>list too short (at least {limit} items)</translation>
    </message>
    <message>
        <source>liste trop longue (au plus {limit} éléments)</source>
        <translation>list too long (at most {limit} items)</translation>
    </message>
    <message>
        <source>{value} ne correspond à aucune des formes admises</source>
        <translation>{value} matches none of the allowed forms</translation>
    </message>
    <message>
        <source>{value} ne respecte pas la règle « {rule} » du schéma</source>
        <translation>{value} breaks the schema rule “{rule}”</translation>
    </message>
    <message>
        <source>en « {path} » : {message}</source>
        <translation>at “{path}”: {message}</translation>
    </message>
    <message>
        <source>caractère de contrôle bidirectionnel {char} en position {position} (il peut inverser l’ordre de ce qui s’affiche)</source>
        <translation>bidirectional control character {char} at position {position} (it can reverse the order of what is displayed)</translation>
    </message>
    <message>
        <source>caractère de contrôle {char} en position {position}</source>
        <translation>control character {char} at position {position}</translation>
    </message>
    <message>
        <source>le nom du juré « {juror} » contient un caractère invisible {char}</source>
        <translation>the name of juror “{juror}” contains an invisible character {char}</translation>
    </message>
    <message>
        <source>les jurés « {first} » et « {second} » ont des noms qui se confondent à la lecture (mêmes lettres une fois les majuscules, accents, caractères invisibles et lettres d’autres alphabets d’aspect latin ramenés à l’identique)</source>
        <translation>jurors “{first}” and “{second}” have names that read the same (identical letters once case, accents, invisible characters and Latin-looking letters of other scripts are folded)</translation>
    </message>
    <message>
        <source>la référence « {reference} » est celle de deux dossiers (« {first} » et « {second} »)</source>
        <translation>reference “{reference}” belongs to two dossiers (“{first}” and “{second}”)</translation>
    </message>
    <message>
        <source>la signature n’est pas un JWS détaché compact (« en-tête..signature »)</source>
        <translation>the signature is not a compact detached JWS (“header..signature”)</translation>
    </message>
    <message>
        <source>l’en-tête ou la signature du JWS est illisible</source>
        <translation>the JWS header or signature is unreadable</translation>
    </message>
    <message>
        <source>l’en-tête du JWS n’est pas un objet JSON</source>
        <translation>the JWS header is not a JSON object</translation>
    </message>
    <message>
        <source>l’en-tête du JWS déclare des extensions critiques (« crit ») non prises en charge</source>
        <translation>the JWS header declares critical extensions (“crit”) that are not supported</translation>
    </message>
    <message>
        <source>l’en-tête du JWS ne donne pas l’empreinte (« kid ») de la clé qui a signé</source>
        <translation>the JWS header does not give the thumbprint (“kid”) of the signing key</translation>
    </message>
    <message>
        <source>algorithme de signature « {alg} » refusé (ES256 ou PS256 attendu)</source>
        <translation>signature algorithm “{alg}” refused (ES256 or PS256 expected)</translation>
    </message>
    <message>
        <source>l’en-tête du JWS contient des paramètres non pris en charge</source>
        <translation>the JWS header holds unsupported parameters</translation>
    </message>
    <message>
        <source>la clé « {kid} » qui a signé n’est pas une clé de confiance</source>
        <translation>the signing key “{kid}” is not a trusted key</translation>
    </message>
    <message>
        <source>la signature ne correspond pas au contenu signé (fichier modifié ou mauvaise clé)</source>
        <translation>the signature does not match the signed content (file changed or wrong key)</translation>
    </message>
    <message>
        <source>Seules les clés EC P-256 sont acceptées.</source>
        <translation>Only EC P-256 keys are accepted.</translation>
    </message>
    <message>
        <source>Le certificat PKCS#12 « {file} » est illisible ou le mot de passe est faux.</source>
        <translation>The PKCS#12 certificate “{file}” is unreadable or the password is wrong.</translation>
    </message>
    <message>
        <source>La clé « {file} » est illisible.</source>
        <translation>The key “{file}” is unreadable.</translation>
    </message>
    <message>
        <source>« {file} » ne contient pas de clé EC P-256 ou RSA.</source>
        <translation>“{file}” holds no EC P-256 or RSA key.</translation>
    </message>
    <message>
        <source>La clé « {path} » est introuvable.</source>
        <translation>The key “{path}” cannot be found.</translation>
    </message>
    <message>
        <source>La clé « {path} » est illisible.</source>
        <translation>The key “{path}” is unreadable.</translation>
    </message>
    <message>
        <source>Le fichier de clés de confiance « {path} » est introuvable.</source>
        <translation>The trusted keys file “{path}” cannot be found.</translation>
    </message>
    <message>
        <source>Le fichier de clés de confiance « {path} » est illisible.</source>
        <translation>The trusted keys file “{path}” is unreadable.</translation>
    </message>
    <message>
        <source>Le fichier de clés de confiance « {file} » est illisible.</source>
        <translation>The trusted keys file “{file}” is unreadable.</translation>
    </message>
    <message>
        <source>Le fichier « {file} » n’est pas un jeu de clés JWK.</source>
        <translation>The file “{file}” is not a JWK set.</translation>
    </message>
    <message>
        <source>Heure de début « {time} » illisible : attendu par exemple 2026-06-18T14:05:00+02:00.</source>
        <translation>Start time “{time}” unreadable: expected for example 2026-06-18T14:05:00+02:00.</translation>
    </message>
    <message>
        <source>Heure de début « {time} » sans date complète ou sans fuseau (par exemple +02:00).</source>
        <translation>Start time “{time}” lacks a full date or a time zone (for example +02:00).</translation>
    </message>
    <message>
        <source>Durée de présentation « {text} » : un nombre entier de secondes est attendu.</source>
        <translation>Presentation duration “{text}”: a whole number of seconds is expected.</translation>
    </message>
    <message>
        <source>Durée de questions « {text} » : un nombre entier de secondes est attendu.</source>
        <translation>Questions duration “{text}”: a whole number of seconds is expected.</translation>
    </message>
    <message>
        <source>Durée de présentation de {seconds} s : plus de quatre heures, sans doute une erreur de saisie.</source>
        <translation>Presentation duration of {seconds} s: more than four hours, probably a typing error.</translation>
    </message>
    <message>
        <source>Durée de questions de {seconds} s : plus de quatre heures, sans doute une erreur de saisie.</source>
        <translation>Questions duration of {seconds} s: more than four hours, probably a typing error.</translation>
    </message>
    <message>
        <source>Le motif est une phrase d’au moins 20 caractères (par exemple « Audition tenue sur papier après la panne de l’ordinateur »).</source>
        <translation>The reason is a sentence of at least 20 characters (for example “Hearing held on paper after the computer failed”).</translation>
    </message>
    <message>
        <source>Ligne {line} : en-tête attendu « {expected} », trouvé « {found} ». Aucune audition n’a été enregistrée.</source>
        <translation>Line {line}: header “{expected}” expected, found “{found}”. No hearing was recorded.</translation>
    </message>
    <message>
        <source>Ligne {line} : {expected} colonnes attendues, {found} trouvées. Aucune audition n’a été enregistrée.</source>
        <translation>Line {line}: {expected} columns expected, {found} found. No hearing was recorded.</translation>
    </message>
    <message>
        <source>Ligne {line} (dossier {dossier}) : {message} Aucune audition n’a été enregistrée.</source>
        <translation>Line {line} (dossier {dossier}): {message} No hearing was recorded.</translation>
    </message>
    <message>
        <source>Le fichier CSV est vide. Aucune audition n’a été enregistrée.</source>
        <translation>The CSV file is empty. No hearing was recorded.</translation>
    </message>
    <message>
        <source>Le dossier {dossier} figure deux fois. Aucune audition n’a été enregistrée.</source>
        <translation>Dossier {dossier} appears twice. No hearing was recorded.</translation>
    </message>
    <message>
        <source>Des lignes sont refusées : corrigez le fichier (ou écartez explicitement les jurés absents ou récusés). Aucune note n’a été enregistrée.</source>
        <translation>Some rows are refused: correct the file (or explicitly leave out the absent or recused jurors). No score was recorded.</translation>
    </message>
    <message>
        <source>Ligne {line} : en-tête attendu « {expected} », trouvé « {found} ».</source>
        <translation>Line {line}: header “{expected}” expected, found “{found}”.</translation>
    </message>
    <message>
        <source>Ligne {line} : 4 colonnes attendues, {found} trouvées.</source>
        <translation>Line {line}: 4 columns expected, {found} found.</translation>
    </message>
    <message>
        <source>Le fichier CSV est vide.</source>
        <translation>The CSV file is empty.</translation>
    </message>
    <message>
        <source>Le fichier CSV n’est lisible ni en UTF-8 ni en Windows-1252 (octet {offset}). Dans Excel, enregistrez-le en « CSV UTF-8 (délimité par des virgules) ». Aucune note n’a été enregistrée.</source>
        <translation>The CSV file is readable neither as UTF-8 nor as Windows-1252 (byte {offset}). In Excel, save it as “CSV UTF-8 (comma delimited)”. No score was recorded.</translation>
    </message>
    <message>
        <source>Le journal d’audit de cette session est altéré ({message}) : la base a été modifiée hors de jury_desk, ses résultats ne sont plus attestés et ne peuvent être ni calculés ni exportés. Restaurez le dernier instantané intact (menu Fichier, ou « jury-desk restore »). Rien n’a été modifié.</source>
        <translation>The audit log of this session has been altered ({message}): the database was changed outside jury_desk, its results are no longer attested and can be neither computed nor exported. Restore the last intact snapshot (File menu, or “jury-desk restore”). Nothing was changed.</translation>
    </message>
    <message>
        <source>entrée n° {seq} manquante ou déplacée (trouvé n° {found})</source>
        <translation>entry no. {seq} missing or moved (found no. {found})</translation>
    </message>
    <message>
        <source>entrée n° {seq} : le lien vers l’entrée précédente est rompu</source>
        <translation>entry no. {seq}: the link to the previous entry is broken</translation>
    </message>
    <message>
        <source>entrée n° {seq} : son contenu a été modifié (empreinte différente)</source>
        <translation>entry no. {seq}: its content was changed (different hash)</translation>
    </message>
    <message>
        <source>entrée n° {seq} illisible comme ligne d’audit.jsonl : {message}</source>
        <translation>entry no. {seq} cannot be read as a line of audit.jsonl: {message}</translation>
    </message>
    <message>
        <source>entrée n° {seq} : une colonne de la table n’a pas le type attendu</source>
        <translation>entry no. {seq}: a column of the table does not have the expected type</translation>
    </message>
    <message>
        <source>Ce texte est trop long, ou compte trop d’accolades et de crochets, pour être inscrit au journal d’audit : raccourcissez-le. Rien n’a été enregistré.</source>
        <translation>This text is too long, or has too many braces and brackets, to be written to the audit log: shorten it. Nothing was saved.</translation>
    </message>
    <message>
        <source>Instantané introuvable : « {path} ».</source>
        <translation>Snapshot not found: “{path}”.</translation>
    </message>
    <message>
        <source>L’instantané « {file} » est illisible : il ne peut pas être restauré. Choisissez-en un autre.</source>
        <translation>The snapshot “{file}” is unreadable: it cannot be restored. Choose another one.</translation>
    </message>
    <message>
        <source>L’instantané « {file} » est endommagé (contrôle d’intégrité SQLite) : il ne peut pas être restauré. Choisissez-en un autre.</source>
        <translation>The snapshot “{file}” is damaged (SQLite integrity check): it cannot be restored. Choose another one.</translation>
    </message>
    <message>
        <source>« {file} » n’est pas une base jury_desk : rien n’a été restauré.</source>
        <translation>“{file}” is not a jury_desk database: nothing was restored.</translation>
    </message>
    <message>
        <source>L’instantané « {file} » vient d’une version plus récente de jury_desk (schéma {version}, cette version lit jusqu’au schéma {supported}). Installez la dernière version de l’application pour le restaurer.</source>
        <translation>The snapshot “{file}” comes from a newer version of jury_desk (schema {version}, this version reads up to schema {supported}). Install the latest version of the application to restore it.</translation>
    </message>
    <message>
        <source>La base « {db} » est encore ouverte (fichier « {file} » verrouillé) : fermez-la avant de restaurer. Rien n’a été remplacé.</source>
        <translation>The database “{db}” is still open (file “{file}” locked): close it before restoring. Nothing was replaced.</translation>
    </message>
    <message>
        <source>Cet instantané est antérieur à l’export n° {export} déjà écrit et vérifié pour la session « {session} » : le restaurer effacerait du journal d’audit un export qui a pu être remis au siège. Restauration refusée ; rouvrez la délibération (avec un motif) pour corriger.</source>
        <translation>This snapshot predates export no. {export}, already written and verified for session “{session}”: restoring it would erase from the audit log an export that may have been handed to headquarters. Restore refused; reopen the deliberation (with a reason) to make corrections.</translation>
    </message>
    <message>
        <source>Purge refusée : des résultats n’ont pas encore été remis en lieu sûr. Rien n’a été effacé (--force pour purger malgré tout).</source>
        <translation>Purge refused: some results have not yet been put in a safe place. Nothing was erased (--force to purge anyway).</translation>
    </message>
    <message>
        <source>Aucune session « {session} » dans « {db} ».</source>
        <translation>No session “{session}” in “{db}”.</translation>
    </message>
    <message>
        <source>Le dossier {dossier} n’a pas de pièce jointe n° {position}.</source>
        <translation>Dossier {dossier} has no attachment no. {position}.</translation>
    </message>
    <message>
        <source>La base « {db} » ne contient aucune session : importez d’abord un paquet de session.</source>
        <translation>The database “{db}” holds no session: import a session bundle first.</translation>
    </message>
    <message>
        <source>« {path} » existe déjà ; utilisez --force pour le remplacer.</source>
        <translation>“{path}” already exists; use --force to replace it.</translation>
    </message>
    <message>
        <source>Cette installation a déjà une clé ; utilisez --force pour la remplacer.</source>
        <translation>This installation already has a key; use --force to replace it.</translation>
    </message>
    <message>
        <source>Le fichier PKCS#12 ne contient pas de certificat.</source>
        <translation>The PKCS#12 file holds no certificate.</translation>
    </message>
    <message>
        <source>Instantané de la base</source>
        <translation>Database snapshot</translation>
    </message>
    <message>
        <source>Clôture de la délibération</source>
        <translation>Closing the deliberation</translation>
    </message>
    <message>
        <source>Inscription de l’export au journal d’audit</source>
        <translation>Recording the export in the audit log</translation>
    </message>
    <message>
        <source>Mise en page du procès-verbal</source>
        <translation>Laying out the minutes</translation>
    </message>
    <message>
        <source>Signature du procès-verbal</source>
        <translation>Signing the minutes</translation>
    </message>
    <message>
        <source>result.json et sa signature</source>
        <translation>result.json and its signature</translation>
    </message>
    <message>
        <source>Écriture de l’archive</source>
        <translation>Writing the archive</translation>
    </message>
    <message>
        <source>Structure de l’archive</source>
        <translation>Archive structure</translation>
    </message>
    <message>
        <source>Signature JWS de result.json</source>
        <translation>JWS signature of result.json</translation>
    </message>
    <message>
        <source>Conformité de result.json au schéma</source>
        <translation>result.json against its schema</translation>
    </message>
    <message>
        <source>Empreinte de proces-verbal.pdf</source>
        <translation>Hash of proces-verbal.pdf</translation>
    </message>
    <message>
        <source>Empreinte de audit.jsonl</source>
        <translation>Hash of audit.jsonl</translation>
    </message>
    <message>
        <source>Chaîne du journal d’audit</source>
        <translation>Audit log chain</translation>
    </message>
    <message>
        <source>result.json recalculé depuis le journal d’audit</source>
        <translation>result.json recomputed from the audit log</translation>
    </message>
    <message>
        <source>Manifeste de la session (paquet du siège)</source>
        <translation>Session manifest (headquarters’ bundle)</translation>
    </message>
    <message>
        <source>Cohérence des décisions</source>
        <translation>Consistency of the decisions</translation>
    </message>
    <message>
        <source>Signature PAdES du procès-verbal</source>
        <translation>PAdES signature of the minutes</translation>
    </message>
    <message>
        <source>exactement les quatre entrées attendues, contiguës, sans octet en trop</source>
        <translation>exactly the four expected entries, contiguous, no byte to spare</translation>
    </message>
    <message>
        <source>signé par la clé de confiance {kid}</source>
        <translation>signed by the trusted key {kid}</translation>
    </message>
    <message>
        <source>format lai.result version 1, export n° {seq}</source>
        <translation>format lai.result version 1, export no. {seq}</translation>
    </message>
    <message>
        <source>{size} octets, SHA-256 {digest}…</source>
        <translation>{size} bytes, SHA-256 {digest}…</translation>
    </message>
    <message>
        <source>SHA-256 {digest}… égal à source_manifest_sha256</source>
        <translation>SHA-256 {digest}… equal to source_manifest_sha256</translation>
    </message>
    <message>
        <source>{count} entrées chaînées depuis l’import du manifeste jusqu’à l’export n° {seq}, dernière empreinte {head}…</source>
        <translation>{count} chained entries from the manifest’s import to export no. {seq}, last hash {head}…</translation>
    </message>
    <message>
        <source>{count} entrées chaînées depuis l’import du manifeste jusqu’à l’export n° {seq}, dernière empreinte {head}… : ce sont, octet pour octet, celles que l’export a lues et vérifiées avant de signer</source>
        <translation>{count} chained entries from the manifest’s import to export no. {seq}, last hash {head}…: byte for byte, the ones the export read and checked before signing</translation>
    </message>
    <message>
        <source>identique au rejeu du journal entièrement (résultats, rangs et proposition par défaut recalculés)</source>
        <translation>identical to the replay of the whole log (results, ranks and default proposal recomputed)</translation>
    </message>
    <message>
        <source>identique au rejeu du journal entièrement, fait par l’export avant de signer sur ces octets mêmes (résultats, rangs et proposition par défaut recalculés)</source>
        <translation>identical to the replay of the whole log, made by the export on these very bytes before signing (results, ranks and default proposal recomputed)</translation>
    </message>
    <message>
        <source>identique au rejeu du journal pour les présences, récusations, notes, commentaires, auditions, avis et décisions du jury (le calcul des résultats demande --session-bundle)</source>
        <translation>identical to the replay of the log for attendance, recusals, scores, comments, hearings, opinions and the jury’s decisions (recomputing the results needs --session-bundle)</translation>
    </message>
    <message>
        <source>lauréats, justifications, quorum et rangs cohérents</source>
        <translation>laureates, justifications, quorum and ranks consistent</translation>
    </message>
    <message>
        <source>signé par « {name} » (clé {kid}), document intact</source>
        <translation>signed by “{name}” (key {kid}), document intact</translation>
    </message>
    <message>
        <source>signé par « {name} » (clé {kid}), le {date} à {hour} h {minute}, document intact</source>
        <translation>signed by “{name}” (key {kid}) on {date} at {hour}:{minute}, document intact</translation>
    </message>
    <message>
        <source>la signature n’est pas du texte ASCII</source>
        <translation>the signature is not ASCII text</translation>
    </message>
    <message>
        <source>result.json annonce la clé {declared} mais la signature est celle de la clé {kid}</source>
        <translation>result.json declares the key {declared} but the signature is that of the key {kid}</translation>
    </message>
    <message>
        <source>la clé publique donnée dans signer.jwk n’est pas celle qui a signé (clé {kid})</source>
        <translation>the public key given in signer.jwk is not the one that signed (key {kid})</translation>
    </message>
    <message>
        <source>{size} octets, result.json en annonce {announced}</source>
        <translation>{size} bytes, result.json declares {announced}</translation>
    </message>
    <message>
        <source>le SHA-256 du fichier ne correspond pas à celui de result.json</source>
        <translation>the file’s SHA-256 does not match the one in result.json</translation>
    </message>
    <message>
        <source>le manifeste de la session a le SHA-256 {digest}…, result.json se réfère à {declared}… : ce résultat ne porte pas sur ce paquet de session</source>
        <translation>the session’s manifest has SHA-256 {digest}…, result.json refers to {declared}…: this result is not about this session bundle</translation>
    </message>
    <message>
        <source>le manifeste est celui d’une autre session</source>
        <translation>the manifest is that of another session</translation>
    </message>
    <message>
        <source>première entrée en défaut : n° {seq} — {message}</source>
        <translation>first faulty entry: no. {seq} — {message}</translation>
    </message>
    <message>
        <source>la dernière entrée ({head}…) n’est pas l’« audit_head » de result.json ({declared}…)</source>
        <translation>the last entry ({head}…) is not the “audit_head” of result.json ({declared}…)</translation>
    </message>
    <message>
        <source>le journal ne se termine pas par l’inscription de l’export n° {seq} (journal coupé ou export remplacé)</source>
        <translation>the log does not end with the record of export no. {seq} (log cut short or export replaced)</translation>
    </message>
    <message>
        <source>{message}</source>
        <translation>{message}</translation>
    </message>
    <message>
        <source>entrée « {entry} » : {message}</source>
        <translation>entry “{entry}”: {message}</translation>
    </message>
    <message>
        <source>result.json n’est pas du JSON strict ({message})</source>
        <translation>result.json is not strict JSON ({message})</translation>
    </message>
    <message>
        <source>audit.jsonl illisible ({message})</source>
        <translation>audit.jsonl unreadable ({message})</translation>
    </message>
    <message>
        <source>Export refusé : la base de données ne correspond pas à ce qu’établissent le manifeste signé par le siège et le journal d’audit ({message}). La base a pu être modifiée hors de l’application ; restaurez un instantané intact ou signalez-le au siège. Rien n’a été modifié.</source>
        <translation>Export refused: the database does not match what the manifest signed by headquarters and the audit log establish ({message}). The database may have been changed outside the application; restore an intact snapshot or report it to headquarters. Nothing was changed.</translation>
    </message>
    <message>
        <source>Export refusé : la justification du dossier « {dossier} » (« {text} ») n’est pas une phrase (20 caractères au moins, avec des lettres). Complétez-la dans la décision du jury. Rien n’a été modifié.</source>
        <translation>Export refused: the justification of dossier “{dossier}” (“{text}”) is not a sentence (at least 20 characters, with letters). Complete it in the jury’s decision. Nothing was changed.</translation>
    </message>
    <message>
        <source>journal d’audit rompu à l’entrée n° {seq}</source>
        <translation>audit log broken at entry no. {seq}</translation>
    </message>
    <message>
        <source>journal d’audit rompu à l’entrée n° {seq} : {message}</source>
        <translation>audit log broken at entry no. {seq}: {message}</translation>
    </message>
    <message>
        <source>manifeste enregistré illisible : {message}</source>
        <translation>stored manifest unreadable: {message}</translation>
    </message>
    <message>
        <source>manifeste enregistré illisible : entrée « {entry} » : {message}</source>
        <translation>stored manifest unreadable: entry “{entry}”: {message}</translation>
    </message>
    <message>
        <source>le manifeste enregistré ne vérifie plus sa signature ({message})</source>
        <translation>the stored manifest no longer verifies against its signature ({message})</translation>
    </message>
    <message>
        <source>manifeste de démonstration modifié</source>
        <translation>demonstration manifest modified</translation>
    </message>
    <message>
        <source>Le nom du signataire du procès-verbal doit compter de 3 à {max} caractères, sans caractère de contrôle, et sa qualité au plus {max}.</source>
        <translation>The name of the minutes&apos; signer must have 3 to {max} characters, with no control character, and their role at most {max}.</translation>
    </message>
    <message>
        <source>Cette installation n’a pas encore de clé (jury-desk keys new).</source>
        <translation>This installation has no key yet (jury-desk keys new).</translation>
    </message>
    <message>
        <source>Le fichier « {path} » n’est pas une base jury_desk lisible ({detail}).</source>
        <translation>The file “{path}” is not a readable jury_desk database ({detail}).</translation>
    </message>
    <message>
        <source>La base « {path} » a été écrite par une version plus récente de jury_desk (schéma {version}, cette version lit jusqu’au schéma {supported}). Installez la dernière version de l’application ; la base n’a pas été modifiée.</source>
        <translation>The database “{path}” was written by a newer version of jury_desk (schema {version}, this version reads up to schema {supported}). Install the latest version of the application; the database was not changed.</translation>
    </message>
    <message>
        <source>Windows n’a pas pu protéger la clé de signature (DPAPI : {detail}). Rien n’a été enregistré.</source>
        <translation>Windows could not protect the signing key (DPAPI: {detail}). Nothing was saved.</translation>
    </message>
    <message>
        <source>La clé « {file} » est protégée par Windows pour un autre compte utilisateur ou un autre ordinateur : elle ne peut pas être lue ici. Créez une clé pour ce poste (jury-desk keys new --force) ou réimportez le certificat du siège (jury-desk keys import).</source>
        <translation>The key “{file}” is protected by Windows for another user account or another computer: it cannot be read here. Create a key for this computer (jury-desk keys new --force) or import headquarters&apos; certificate again (jury-desk keys import).</translation>
    </message>
    <message>
        <source>Les préférences n’ont pas pu être enregistrées dans « {path} » ({detail}). Les préférences précédentes sont conservées.</source>
        <translation>The preferences could not be saved in “{path}” ({detail}). The previous preferences are kept.</translation>
    </message>
    <message>
        <source>la base de données</source>
        <translation>the database</translation>
    </message>
    <message>
        <source>de la base de données</source>
        <translation>of the database</translation>
    </message>
    <message>
        <source>à la base de données</source>
        <translation>to the database</translation>
    </message>
    <message>
        <source>la base « {path} »</source>
        <translation>the database “{path}”</translation>
    </message>
    <message>
        <source>de la base « {path} »</source>
        <translation>of the database “{path}”</translation>
    </message>
    <message>
        <source>à la base « {path} »</source>
        <translation>to the database “{path}”</translation>
    </message>
    <message>
        <source>le fichier</source>
        <translation>the file</translation>
    </message>
    <message>
        <source>du fichier</source>
        <translation>of the file</translation>
    </message>
    <message>
        <source>au fichier</source>
        <translation>to the file</translation>
    </message>
    <message>
        <source>le fichier « {path} »</source>
        <translation>the file “{path}”</translation>
    </message>
    <message>
        <source>du fichier « {path} »</source>
        <translation>of the file “{path}”</translation>
    </message>
    <message>
        <source>au fichier « {path} »</source>
        <translation>to the file “{path}”</translation>
    </message>
    <message>
        <source>Rien n’a été modifié.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <source>L’échec de l’export n° {seq} est inscrit au journal d’audit.</source>
        <translation>The failure of export no. {seq} is recorded in the audit log.</translation>
    </message>
    <message>
        <source>La délibération est restée ouverte.</source>
        <translation>The deliberation remains open.</translation>
    </message>
    <message>
        <source>La délibération n’a pas pu être rouverte tout de suite : elle le sera au prochain démarrage de jury_desk (ou rouvrez-la avec un motif).</source>
        <translation>The deliberation could not be reopened right away: it will be at the next start of jury_desk (or reopen it with a reason).</translation>
    </message>
    <message>
        <source>Vous pouvez relancer l’export.</source>
        <translation>You can run the export again.</translation>
    </message>
    <message>
        <source>Le disque qui contient {what} est plein : libérez de la place (ou choisissez un autre emplacement), puis recommencez.{after}</source>
        <translation>The disk holding {what} is full: free some space (or choose another location), then try again.{after}</translation>
    </message>
    <message>
        <source>{What} a atteint la taille maximale permise sur ce support : choisissez un autre emplacement, puis recommencez.{after}</source>
        <translation>{What} has reached the maximum size allowed on this medium: choose another location, then try again.{after}</translation>
    </message>
    <message>
        <source>{What} est en lecture seule (support protégé en écriture, fichier en lecture seule ou dossier synchronisé) : copiez-la dans un dossier où vous pouvez écrire, ou retirez la protection, puis recommencez.{after}</source>
        <translation>{What} is read-only (write-protected medium, read-only file or synchronised folder): copy it to a folder you can write to, or remove the protection, then try again.{after}</translation>
    </message>
    <message>
        <source>{What} est en lecture seule (support protégé en écriture, fichier en lecture seule ou dossier synchronisé) : copiez-le dans un dossier où vous pouvez écrire, ou retirez la protection, puis recommencez.{after}</source>
        <translation>{What} is read-only (write-protected medium, read-only file or synchronised folder): copy it to a folder you can write to, or remove the protection, then try again.{after}</translation>
    </message>
    <message>
        <source>Accès refusé {to_what} : vérifiez les droits du fichier et de son dossier (ou demandez-les au service informatique), puis recommencez.{after}</source>
        <translation>Access denied {to_what}: check the permissions of the file and its folder (or ask your IT department for them), then try again.{after}</translation>
    </message>
    <message>
        <source>{What} est verrouillée par un autre programme (une autre fenêtre de jury_desk, une sauvegarde, un antivirus) : fermez-le, puis recommencez.{after}</source>
        <translation>{What} is locked by another program (another jury_desk window, a backup, an antivirus): close it, then try again.{after}</translation>
    </message>
    <message>
        <source>{What} est endommagée : restaurez le dernier instantané (menu Fichier, ou « jury-desk restore »), puis recommencez.{after}</source>
        <translation>{What} is damaged: restore the latest snapshot (File menu, or “jury-desk restore”), then try again.{after}</translation>
    </message>
    <message>
        <source>{What} ne peut pas être ouverte (dossier absent, droits insuffisants ou support retiré) : vérifiez son emplacement, puis recommencez.{after}</source>
        <translation>{What} cannot be opened (missing folder, insufficient permissions or removed medium): check its location, then try again.{after}</translation>
    </message>
    <message>
        <source>Erreur de lecture ou d’écriture sur le support {of_what} (clé retirée, disque défaillant ?) : vérifiez le support, faites une copie de la base, puis recommencez.{after}</source>
        <translation>Read or write error on the medium {of_what} (key removed, failing disk?): check the medium, make a copy of the database, then try again.{after}</translation>
    </message>
    <message>
        <source>de remplacer</source>
        <translation>replace</translation>
    </message>
    <message>
        <source>de renommer</source>
        <translation>rename</translation>
    </message>
    <message>
        <source>de supprimer</source>
        <translation>delete</translation>
    </message>
    <message>
        <source>de supprimer le dossier</source>
        <translation>delete the folder</translation>
    </message>
    <message>
        <source>Impossible {action} « {path} » : le fichier est ouvert par un autre programme depuis plus de deux secondes — l’antivirus qui l’analyse, l’indexation de Windows, OneDrive qui le synchronise, ou une autre fenêtre de jury_desk (ou l’Explorateur qui l’affiche en aperçu). Fermez ce programme ou attendez quelques secondes, puis recommencez. Rien n’a été perdu.</source>
        <translation>Cannot {action} “{path}”: the file has been open in another program for more than two seconds — the antivirus scanning it, Windows indexing, OneDrive synchronising it, or another jury_desk window (or Explorer showing it in its preview pane). Close that program or wait a few seconds, then try again. Nothing was lost.</translation>
    </message>
    <message>
        <source>le disque est plein</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>le quota d’espace disque est atteint</source>
        <translation>the disk space quota is reached</translation>
    </message>
    <message>
        <source>la taille maximale de fichier est atteinte</source>
        <translation>the maximum file size is reached</translation>
    </message>
    <message>
        <source>le dossier est en lecture seule</source>
        <translation>the folder is read-only</translation>
    </message>
    <message>
        <source>accès refusé (droits insuffisants)</source>
        <translation>access denied (insufficient permissions)</translation>
    </message>
    <message>
        <source>opération non permise (droits insuffisants)</source>
        <translation>operation not permitted (insufficient permissions)</translation>
    </message>
    <message>
        <source>le dossier n’existe pas</source>
        <translation>the folder does not exist</translation>
    </message>
    <message>
        <source>un élément du chemin n’est pas un dossier</source>
        <translation>part of the path is not a folder</translation>
    </message>
    <message>
        <source>le nom désigne un dossier</source>
        <translation>the name is a folder</translation>
    </message>
    <message>
        <source>le nom est trop long</source>
        <translation>the name is too long</translation>
    </message>
    <message>
        <source>erreur d’entrée-sortie du support</source>
        <translation>input/output error on the medium</translation>
    </message>
    <message>
        <source>{detail}</source>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>Export impossible : « {path} » est un dossier ; donnez un nom de fichier .zip.</source>
        <translation>Cannot export: “{path}” is a folder; give a .zip file name.</translation>
    </message>
    <message>
        <source>Export impossible : le dossier « {folder} » ne peut pas recevoir le fichier ({reason}). Rien n’a été modifié.</source>
        <translation>Cannot export: the folder “{folder}” cannot receive the file ({reason}). Nothing was changed.</translation>
    </message>
    <message>
        <source>Export impossible dans « {folder} » : {reason} (il faut environ {megabytes} Mo). Rien n’a été modifié.</source>
        <translation>Cannot export to “{folder}”: {reason} (about {megabytes} MB are needed). Nothing was changed.</translation>
    </message>
    <message>
        <source>Export impossible : le fichier « {path} » n’a pas pu être écrit ({reason}). Aucun fichier n’a été laissé.{after}</source>
        <translation>Cannot export: the file “{path}” could not be written ({reason}). No file was left behind.{after}</translation>
    </message>
    <message>
        <source>L’export a échoué (erreur interne : {error}). Aucun fichier n’a été écrit.{after} Si l’erreur se reproduit, signalez-la avec le journal technique.</source>
        <translation>The export failed (internal error: {error}). No file was written.{after} If the error happens again, report it with the technical log.</translation>
    </message>
    <message>
        <source>SQLite ne garantit ni le verrouillage ni la durabilité des écritures à cet endroit : une coupure du réseau ou une clé retirée pendant la séance peut corrompre la base.</source>
        <translation>SQLite guarantees neither locking nor durable writes in that place: a network outage or a key pulled out during the session can corrupt the database.</translation>
    </message>
    <message>
        <source>Copiez le fichier sur le disque de l’ordinateur, dans un dossier que OneDrive ne synchronise pas (par exemple « C:\Jury », ou le dossier de données de jury_desk ouvert par défaut), puis ouvrez cette copie ; les instantanés peuvent, eux, être copiés sur une clé USB (Préférences → second dossier d’instantanés).</source>
        <translation>Copy the file to the computer’s disk, into a folder OneDrive does not synchronise (for example “C:\Jury”, or the jury_desk data folder opened by default), then open that copy; snapshots, for their part, can be copied to a USB key (Preferences → second snapshot folder).</translation>
    </message>
    <message>
        <source>La base « {path} » est sur un partage réseau ({share}). {risk} {advice}</source>
        <translation>The database “{path}” is on a network share ({share}). {risk} {advice}</translation>
    </message>
    <message>
        <source>La base « {path} » est sur le lecteur réseau {drive}. {risk} {advice}</source>
        <translation>The database “{path}” is on the network drive {drive}. {risk} {advice}</translation>
    </message>
    <message>
        <source>La base « {path} » est sur un support amovible ({drive}, clé USB ou carte mémoire). {risk} {advice}</source>
        <translation>The database “{path}” is on a removable medium ({drive}, USB key or memory card). {risk} {advice}</translation>
    </message>
    <message>
        <source>La base « {path} » est sur un CD ou un DVD ({drive}), où rien ne peut être enregistré. {advice}</source>
        <translation>The database “{path}” is on a CD or DVD ({drive}), where nothing can be saved. {advice}</translation>
    </message>
    <message>
        <source>La base « {path} » est dans un dossier synchronisé par OneDrive (« {root} »). OneDrive envoie séparément la base et ses fichiers -wal et -shm, ce qui peut la corrompre, et les données personnelles partiraient dans le nuage. {advice}</source>
        <translation>The database “{path}” is in a folder synchronised by OneDrive (“{root}”). OneDrive uploads the database and its -wal and -shm files separately, which can corrupt it, and the personal data would go to the cloud. {advice}</translation>
    </message>
    <message>
        <source>Le dossier « {path} » est synchronisé par OneDrive (« {root} ») : le paquet de résultats, qui contient des données personnelles (noms, notes, commentaires), sera copié dans le nuage, et après la purge une copie restera dans la corbeille OneDrive. Préférez un dossier local non synchronisé (par exemple « C:\Jury ») ou une clé USB.</source>
        <translation>The folder “{path}” is synchronised by OneDrive (“{root}”): the results bundle, which contains personal data (names, scores, comments), will be copied to the cloud, and after the purge a copy will remain in the OneDrive recycle bin. Prefer a local folder that is not synchronised (for example “C:\Jury”) or a USB key.</translation>
    </message>
    <message>
        <source>La copie précédente dans le second dossier « {root} » n’est pas terminée (dossier réseau hors ligne ou clé USB lente ?) : cet instantané n’y a pas été copié. L’instantané principal est bien enregistré : « {source} ».</source>
        <translation>The previous copy to the second folder “{root}” has not finished (network folder offline or slow USB key?): this snapshot was not copied there. The main snapshot is saved: “{source}”.</translation>
    </message>
    <message>
        <source>Le second dossier « {root} » ne répond pas (dossier réseau hors ligne ou clé USB lente ?) : la copie continue en arrière-plan. L’instantané principal est bien enregistré : « {source} ».</source>
        <translation>The second folder “{root}” does not answer (network folder offline or slow USB key?): the copy goes on in the background. The main snapshot is saved: “{source}”.</translation>
    </message>
    <message>
        <source>La copie de l’instantané dans le second dossier a échoué (dossier « {root} » introuvable (clé USB débranchée ?)). L’instantané principal est bien enregistré : « {source} ».</source>
        <translation>The copy of the snapshot to the second folder failed (folder “{root}” not found (USB key unplugged?)). The main snapshot is saved: “{source}”.</translation>
    </message>
    <message>
        <source>La copie de l’instantané dans le second dossier a échoué ({detail}). L’instantané principal est bien enregistré : « {source} ».</source>
        <translation>The copy of the snapshot to the second folder failed ({detail}). The main snapshot is saved: “{source}”.</translation>
    </message>
    <message>
        <source>La copie de l’instantané dans le second dossier a échoué ({message}). L’instantané principal est bien enregistré : « {source} ».</source>
        <translation>The copy of the snapshot to the second folder failed ({message}). The main snapshot is saved: “{source}”.</translation>
    </message>
    <message>
        <source>La base « {db} » est illisible : impossible de vérifier que ses sessions ont été exportées.</source>
        <translation>The database “{db}” is unreadable: its sessions cannot be checked to have been exported.</translation>
    </message>
    <message>
        <source>La session « {title} » n’a jamais été exportée : la purger effacerait le seul exemplaire de ses résultats.</source>
        <translation>The session “{title}” has never been exported: purging it would erase the only copy of its results.</translation>
    </message>
    <message>
        <source>Le dernier export de la session « {title} » (n° {seq}, le {date} à {hour}&#xa0;h&#xa0;{minute}) n’a pas été vérifié et date de moins de {days} jours : vérifiez-le (jury-desk verify) avant de purger.</source>
        <translation>The last export of the session “{title}” (no. {seq}, on {date} at {hour}:{minute}) has not been verified and is less than {days} days old: verify it (jury-desk verify) before purging.</translation>
    </message>
    <message>
        <source>n’est pas un fichier ordinaire : conservé</source>
        <translation>is not a regular file: kept</translation>
    </message>
    <message>
        <source>aucune empreinte enregistrée pour ce fichier (export non vérifié ou écrit par une version antérieure) : conservé, effacez-le vous-même s’il y a lieu</source>
        <translation>no fingerprint recorded for this file (export not verified or written by an earlier version): kept, delete it yourself if appropriate</translation>
    </message>
    <message>
        <source>son contenu n’est pas celui qu’a écrit cette base (remplacé depuis, ou écrit par une autre base) : conservé</source>
        <translation>its content is not what this database wrote (replaced since, or written by another database): kept</translation>
    </message>
    <message>
        <source>nettoyage SQLite impossible ({detail})</source>
        <translation>SQLite clean-up impossible ({detail})</translation>
    </message>
    <message>
        <source>PDF illisible ({kind} : {error})</source>
        <translation>unreadable PDF ({kind}: {error})</translation>
    </message>
    <message>
        <source>{count} signature(s) dans le PDF, une seule attendue</source>
        <translation>{count} signature(s) in the PDF, exactly one expected</translation>
    </message>
    <message>
        <source>certificat du signataire illisible ({error})</source>
        <translation>unreadable signer certificate ({error})</translation>
    </message>
    <message>
        <source>le PDF est signé par la clé {kid}, pas par celle qui a signé result.json</source>
        <translation>the PDF is signed by key {kid}, not by the one that signed result.json</translation>
    </message>
    <message>
        <source>la clé {kid} qui a signé le PDF n’est pas une clé de confiance</source>
        <translation>key {kid} that signed the PDF is not a trusted key</translation>
    </message>
    <message>
        <source>signature invalide ({error})</source>
        <translation>invalid signature ({error})</translation>
    </message>
    <message>
        <source>signature invérifiable ({kind} : {error})</source>
        <translation>signature cannot be verified ({kind}: {error})</translation>
    </message>
    <message>
        <source>le contenu signé a été modifié (empreinte différente)</source>
        <translation>the signed content has been modified (different digest)</translation>
    </message>
    <message>
        <source>la signature cryptographique ne se vérifie pas</source>
        <translation>the cryptographic signature does not verify</translation>
    </message>
    <message>
        <source>des données ont été ajoutées au PDF après la signature</source>
        <translation>data was added to the PDF after the signature</translation>
    </message>
    <message>
        <source>le certificat du signataire n’est pas valide (dates ou usages)</source>
        <translation>the signer certificate is not valid (dates or key usage)</translation>
    </message>
    <message>
        <source>{messages}</source>
        <translation>{messages}</translation>
    </message>
    <message>
        <source>en « {where} » : {detail}</source>
        <translation>at “{where}”: {detail}</translation>
    </message>
    <message>
        <source>en « (racine) » : {detail}</source>
        <translation>at the root: {detail}</translation>
    </message>
    <message>
        <source>le lauréat « {dossier} » n’a pas de résultat</source>
        <translation>laureate “{dossier}” has no result</translation>
    </message>
    <message>
        <source>le lauréat « {dossier} » n’a pas de résultat valide</source>
        <translation>laureate “{dossier}” has no valid result</translation>
    </message>
    <message>
        <source>le rang du lauréat « {dossier} » diffère de son résultat</source>
        <translation>the rank of laureate “{dossier}” differs from its result</translation>
    </message>
    <message>
        <source>le lauréat « {dossier} » s’écarte de la proposition par défaut sans justification</source>
        <translation>laureate “{dossier}” departs from the default proposal without justification</translation>
    </message>
    <message>
        <source>« departures » ne liste pas exactement les dossiers de la proposition par défaut que le jury n’a pas retenus</source>
        <translation>“departures” does not list exactly the dossiers of the default proposal that the jury did not keep</translation>
    </message>
    <message>
        <source>la proposition par défaut cite un dossier inconnu « {dossier} »</source>
        <translation>the default proposal cites an unknown dossier “{dossier}”</translation>
    </message>
    <message>
        <source>le lauréat « {dossier} » s’écarte de la proposition par défaut et sa justification n’est pas une phrase (20 caractères au moins, avec des lettres)</source>
        <translation>laureate “{dossier}” departs from the default proposal and its justification is not a sentence (at least 20 characters, with letters)</translation>
    </message>
    <message>
        <source>le lauréat « {dossier} » n’est pas éligible et rien ne le justifie</source>
        <translation>laureate “{dossier}” is not eligible and nothing justifies it</translation>
    </message>
    <message>
        <source>l’écart sur le dossier « {dossier} » n’est pas justifié par une phrase</source>
        <translation>the departure on dossier “{dossier}” is not justified by a sentence</translation>
    </message>
    <message>
        <source>deliberation.present vaut {declared}, la liste de présence en compte {counted}</source>
        <translation>deliberation.present is {declared}, the attendance list counts {counted}</translation>
    </message>
    <message>
        <source>quorum déclaré atteint alors qu’aucun juré n’est présent</source>
        <translation>quorum declared met while no juror is present</translation>
    </message>
    <message>
        <source>des lauréats sont proposés sans que le quorum soit atteint</source>
        <translation>laureates are proposed although the quorum is not met</translation>
    </message>
    <message>
        <source>le dossier « {dossier} » est éligible sans résultat valide</source>
        <translation>dossier “{dossier}” is eligible without a valid result</translation>
    </message>
    <message>
        <source>le rang du dossier « {dossier} » contredit sa note</source>
        <translation>the rank of dossier “{dossier}” contradicts its score</translation>
    </message>
    <message>
        <source>impossible d’ouvrir le fichier ({detail})</source>
        <translation>the file cannot be opened ({detail})</translation>
    </message>
    <message>
        <source>lecture impossible ({detail})</source>
        <translation>read failed ({detail})</translation>
    </message>
    <message>
        <source>séparateur {separator}, encodage {encoding}</source>
        <translation>separator {separator}, encoding {encoding}</translation>
    </message>
    <message>
        <source>point-virgule « ; »</source>
        <translation>semicolon “;”</translation>
    </message>
    <message>
        <source>virgule « , »</source>
        <translation>comma “,”</translation>
    </message>
    <message>
        <source>UTF-8 avec BOM</source>
        <translation>UTF-8 with BOM</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-16 (redirection PowerShell 5.1)</source>
        <translation>UTF-16 (PowerShell 5.1 redirection)</translation>
    </message>
    <message>
        <source>Windows-1252 (Excel « CSV » ancien format)</source>
        <translation>Windows-1252 (Excel “CSV”, legacy format)</translation>
    </message>
    <message>
        <source>L’audition du dossier {dossier} est déjà enregistrée. Aucune audition n’a été enregistrée.</source>
        <translation>The hearing of dossier {dossier} is already recorded. No hearing was recorded.</translation>
    </message>
    <message>
        <source>L’audition du dossier {dossier} est déjà enregistrée (commencée le {started}). Aucune audition n’a été enregistrée.</source>
        <translation>The hearing of dossier {dossier} is already recorded (started on {started}). No hearing was recorded.</translation>
    </message>
    <message>
        <source>Audition {index} (dossier {dossier}) : {message}</source>
        <translation>Hearing {index} (dossier {dossier}): {message}</translation>
    </message>
    <message>
        <source>après audition</source>
        <translation>after a hearing</translation>
    </message>
    <message>
        <source>avant export</source>
        <translation>before export</translation>
    </message>
    <message>
        <source>avant restauration</source>
        <translation>before restore</translation>
    </message>
    <message>
        <source>avant purge</source>
        <translation>before purge</translation>
    </message>
    <message>
        <source>manuel</source>
        <translation>by hand</translation>
    </message>
    <message>
        <source>sans --session-bundle, les données du manifeste (critères et pondérations, règles, quorum, enveloppe, montants demandés, conflits d’intérêts) ne sont pas connues : les notes, rangs, éligibilités, la proposition par défaut et ses signalements n’ont pas été recalculés, et source_manifest_sha256 n’a pas été comparé au manifeste signé par le siège</source>
        <translation>without --session-bundle, the manifest&apos;s data (criteria and weights, rules, quorum, envelope, amounts requested, conflicts of interest) are not known: the scores, ranks, eligibilities, the default proposal and its flags were not recomputed, and source_manifest_sha256 was not compared with the manifest signed by headquarters</translation>
    </message>
    <message>
        <source>result.json n’a pas été lu : sa signature ne tient pas (rien de ce qu’il contient n’est digne de foi)</source>
        <translation>result.json was not read: its signature does not hold (nothing it contains can be trusted)</translation>
    </message>
    <message>
        <source>SESSION DE DÉMONSTRATION : ce résultat ne porte sur aucune session réelle (clé et données publiques)</source>
        <translation>DEMONSTRATION SESSION: this result concerns no real session (public key and data)</translation>
    </message>
    <message>
        <source>export n° {seq} : la délibération a été exportée {before} fois avant ; seul le dernier export fait foi, assurez-vous qu’il n’en existe pas de plus récent</source>
        <translation>export no. {seq}: the deliberation was exported {before} time(s) before; only the latest export is authoritative, make sure there is no more recent one</translation>
    </message>
    <message>
        <source>« {text} »</source>
        <translation>“{text}”</translation>
    </message>
</context>
<context>
    <name>OpinionsPanel</name>
    <message>
        <source>Dossiers</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <source>Avis motivé du jury, adressé au porteur</source>
        <translation>The jury&apos;s reasoned opinion, sent to the holder</translation>
    </message>
    <message>
        <source>Avis motivé du jury sur ce dossier, tel qu&apos;il sera envoyé au porteur.</source>
        <translation>The jury&apos;s reasoned opinion on this dossier, as it will be sent to the holder.</translation>
    </message>
    <message>
        <source>Enregis&amp;trer l&apos;avis</source>
        <translation>Save the opi&amp;nion</translation>
    </message>
    <message>
        <source>Enregistre l&apos;avis de ce dossier (Ctrl+Entrée)</source>
        <translation>Saves this dossier&apos;s opinion (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Notes de délibération (au procès-&amp;verbal)</source>
        <translation>Deliberation notes (in the &amp;minutes)</translation>
    </message>
    <message>
        <source>Notes de délibération</source>
        <translation>Deliberation notes</translation>
    </message>
    <message>
        <source>Enre&amp;gistrer les notes</source>
        <translation>Save the no&amp;tes</translation>
    </message>
    <message>
        <source>Enregistre les notes de délibération (Ctrl+Maj+Entrée)</source>
        <translation>Saves the deliberation notes (Ctrl+Shift+Enter)</translation>
    </message>
    <message>
        <source>Avis &amp;motivé sur {id} — {title} (adressé à {holder})</source>
        <translation>Reasoned o&amp;pinion on {id} — {title} (sent to {holder})</translation>
    </message>
</context>
<context>
    <name>PaperController</name>
    <message>
        <source>Feuilles CSV (*.csv *.txt)</source>
        <translation>CSV sheets (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Importer des feuilles papier</source>
        <translation>Import paper sheets</translation>
    </message>
    <message>
        <source>Double saisie : la première saisie</source>
        <translation>Double entry: the first typing</translation>
    </message>
    <message>
        <source>Double saisie : la seconde saisie</source>
        <translation>Double entry: the second typing</translation>
    </message>
    <message>
        <source>Impossible de lire « {path} » ({error}).</source>
        <translation>Cannot read “{path}” ({error}).</translation>
    </message>
    <message>
        <source>{n} note(s) des feuilles papier enregistrée(s).</source>
        <translation>{n} value(s) from the paper sheets saved.</translation>
    </message>
    <message>
        <source>Enregistrer le PDF</source>
        <translation>Save the PDF</translation>
    </message>
</context>
<context>
    <name>ProjectorController</name>
    <message>
        <source>Un seul écran est détecté (projecteur absent ou en mode « Dupliquer ») : l’écran partagé s’ouvre dans une fenêtre, jamais en plein écran, pour que la salle ne voie pas la console. Choisissez « Étendre » (Windows + P).</source>
        <translation>Only one screen is detected (no projector, or “Duplicate” mode): the shared screen opens in a window, never full screen, so that the room does not see the console. Choose “Extend” (Windows + P).</translation>
    </message>
    <message>
        <source>Plein écran refusé : l’écran partagé couvrirait la console (un seul écran détecté).</source>
        <translation>Full screen refused: the shared screen would cover the console (only one screen detected).</translation>
    </message>
    <message>
        <source>C’est l’écran de la console : l’écran partagé n’y va pas en plein écran.</source>
        <translation>This is the console&apos;s screen: the shared screen does not go full screen there.</translation>
    </message>
    <message>
        <source>Écran &amp;{i} : {name} ({w} × {h})</source>
        <translation>Screen &amp;{i}: {name} ({w} × {h})</translation>
    </message>
    <message>
        <source> — console</source>
        <translation> — console</translation>
    </message>
    <message>
        <source>Le projecteur a été débranché : l’écran partagé est masqué. Il reviendra dès que le projecteur sera rebranché (ou Ctrl+E pour l’afficher ici).</source>
        <translation>The projector was unplugged: the shared screen is hidden. It comes back as soon as the projector is plugged in again (or Ctrl+E to show it here).</translation>
    </message>
    <message>
        <source>Le projecteur est revenu : l’écran partagé y est affiché.</source>
        <translation>The projector is back: the shared screen is shown on it.</translation>
    </message>
</context>
<context>
    <name>ProjectorThumbnail</name>
    <message>
        <source>Aperçu de l’écran partagé</source>
        <translation>Preview of the shared screen</translation>
    </message>
    <message>
        <source>Projecteur : masqué (débranché)</source>
        <translation>Projector: hidden (unplugged)</translation>
    </message>
    <message>
        <source>Écran partagé fermé (Ctrl+E)</source>
        <translation>Shared screen closed (Ctrl+E)</translation>
    </message>
    <message>
        <source>noir</source>
        <translation>black</translation>
    </message>
    <message>
        <source>plein écran</source>
        <translation>full screen</translation>
    </message>
    <message>
        <source>fenêtre</source>
        <translation>window</translation>
    </message>
    <message>
        <source>Écran partagé : {state}, sur {screen}</source>
        <translation>Shared screen: {state}, on {screen}</translation>
    </message>
</context>
<context>
    <name>PurgeDialog</name>
    <message>
        <source>Effacer les données de cette base</source>
        <translation>Erase this database’s data</translation>
    </message>
    <message>
        <source>EFFACER</source>
        <translation>ERASE</translation>
    </message>
    <message>
        <source>Toutes les données personnelles de la base « {db} » vont être effacées définitivement.</source>
        <translation>All the personal data of the database “{db}” will be erased for good.</translation>
    </message>
    <message>
        <source> (démonstration)</source>
        <translation> (demonstration)</translation>
    </message>
    <message>
        <source>Sessions :</source>
        <translation>Sessions:</translation>
    </message>
    <message>
        <source>– aucune session lisible</source>
        <translation>– no readable session</translation>
    </message>
    <message>
        <source>Sont effacés : la base (notes, commentaires, avis, présences, journal d’audit), les pièces jointes, les instantanés (y compris sur le second dossier) et {n} fichier(s) d’export écrit(s) par jury_desk.</source>
        <translation>Erased: the database (scores, comments, opinions, attendance, audit log), the attachments, the snapshots (including those in the second folder) and {n} export file(s) written by jury_desk.</translation>
    </message>
    <message>
        <source>Sont conservés : la clé de signature, les clés de confiance, les préférences et le journal technique (qui ne contient aucun nom).</source>
        <translation>Kept: the signing key, the trusted keys, the preferences and the technical log (which holds no name).</translation>
    </message>
    <message>
        <source>Sur un SSD, l’effacement est « au mieux » : seul le chiffrement du disque (BitLocker) protège des blocs résiduels.</source>
        <translation>On an SSD, erasing is “best effort”: only disk encryption (BitLocker) protects against leftover blocks.</translation>
    </message>
    <message>
        <source>Pour confirmer, tapez {word} :</source>
        <translation>To confirm, type {word}:</translation>
    </message>
    <message>
        <source>Mot de confirmation</source>
        <translation>Confirmation word</translation>
    </message>
    <message>
        <source>Effacer définitivement</source>
        <translation>Erase for good</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <source>Rang</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Note /20</source>
        <translation>Score /20</translation>
    </message>
    <message>
        <source>Médiane</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>Écart-type</source>
        <translation>Standard deviation</translation>
    </message>
    <message>
        <source>Feuilles</source>
        <translation>Sheets</translation>
    </message>
    <message>
        <source>Éligible</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>Proposition</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>Jury</source>
        <translation>Jury</translation>
    </message>
    <message>
        <source>Demandé</source>
        <translation>Requested</translation>
    </message>
    <message>
        <source>Moyenne des valeurs brutes, de {min} à {max}, poids {w}</source>
        <translation>Mean of the raw values, from {min} to {max}, weight {w}</translation>
    </message>
    <message>
        <source>Moyenne des notes sur 20 des jurés qui comptent</source>
        <translation>Mean of the /20 scores of the jurors who count</translation>
    </message>
    <message>
        <source>Écart-type des notes ; ⚠ signale un désaccord du jury</source>
        <translation>Standard deviation of the scores; ⚠ flags a jury disagreement</translation>
    </message>
    <message>
        <source>Feuilles complètes sur jurés qui comptent (présents, non déportés)</source>
        <translation>Complete sheets out of the jurors who count (present, not recused)</translation>
    </message>
    <message>
        <source>Proposition par défaut des règles (enveloppe parcourue par rang)</source>
        <translation>The rules&apos; default proposal (envelope walked by rank)</translation>
    </message>
    <message>
        <source>Liste du jury : lauréats retenus et montants accordés</source>
        <translation>The jury&apos;s list: selected laureates and granted amounts</translation>
    </message>
    <message>
        <source>désaccord</source>
        <translation>disagreement</translation>
    </message>
    <message>
        <source>sans valeur</source>
        <translation>no value</translation>
    </message>
    <message>
        <source>ex æquo à la limite de l’enveloppe</source>
        <translation>tied at the envelope&apos;s limit</translation>
    </message>
    <message>
        <source> ex æquo</source>
        <translation> tied</translation>
    </message>
    <message>
        <source>Non valide</source>
        <translation>Not valid</translation>
    </message>
    <message>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Non (sous le seuil)</source>
        <translation>No (below the threshold)</translation>
    </message>
    <message>
        <source>Ex æquo à la limite</source>
        <translation>Tie at the limit</translation>
    </message>
    <message>
        <source>{commune} — {qpv}</source>
        <translation>{commune} — {qpv}</translation>
    </message>
    <message>
        <source>Porteur : {name}</source>
        <translation>Holder: {name}</translation>
    </message>
    <message>
        <source>Désaccord : écart-type au-dessus de {sd} ou étendue au-dessus de {spread} (étendue : {value})</source>
        <translation>Disagreement: standard deviation above {sd} or range above {spread} (range: {value})</translation>
    </message>
    <message>
        <source>Dossier non valide. Feuilles manquantes : {who}</source>
        <translation>Dossier not valid. Missing sheets: {who}</translation>
    </message>
    <message>
        <source>Groupe ex æquo à la limite de l&apos;enveloppe : le jury tranche</source>
        <translation>Tied group at the envelope&apos;s limit: the jury decides</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RecusalModel</name>
    <message>
        <source>Absent à l’audition</source>
        <translation>Absent from the hearing</translation>
    </message>
    <message>
        <source>Conflit d’intérêts</source>
        <translation>Conflict of interest</translation>
    </message>
    <message>
        <source>Déport</source>
        <translation>Recusal</translation>
    </message>
    <message>
        <source>Paquet du siège</source>
        <translation>Headquarters&apos; bundle</translation>
    </message>
    <message>
        <source>Séance</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Juré</source>
        <translation>Juror</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Origine</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>non renseigné</source>
        <translation>not given</translation>
    </message>
</context>
<context>
    <name>ReminderBar</name>
    <message>
        <source>Rappel</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>Effacer les données…</source>
        <translation>Erase the data…</translation>
    </message>
    <message>
        <source>Plus tard</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Masquer ce rappel</source>
        <translation>Hide this reminder</translation>
    </message>
</context>
<context>
    <name>ScoreDelegate</name>
    <message>
        <source>ce n’est pas un nombre</source>
        <translation>not a number</translation>
    </message>
    <message>
        <source>valeur incomplète</source>
        <translation>incomplete value</translation>
    </message>
    <message>
        <source>en dessous du minimum</source>
        <translation>below the minimum</translation>
    </message>
    <message>
        <source>au-dessus du maximum</source>
        <translation>above the maximum</translation>
    </message>
    <message>
        <source>pas un multiple du pas</source>
        <translation>not a multiple of the step</translation>
    </message>
    <message>
        <source>{why} ; « {criterion} » : {scale}</source>
        <translation>{why}; “{criterion}”: {scale}</translation>
    </message>
    <message>
        <source>Note de {juror} pour « {criterion} »</source>
        <translation>Score of {juror} for “{criterion}”</translation>
    </message>
    <message>
        <source>{criterion} : {scale}</source>
        <translation>{criterion}: {scale}</translation>
    </message>
    <message>
        <source>Refusé — « {text} » : {why}</source>
        <translation>Refused — “{text}”: {why}</translation>
    </message>
    <message>
        <source>Non enregistré — « {text} » : {why}. Corrigez, ou Échap pour annuler.</source>
        <translation>Not recorded — “{text}”: {why}. Correct it, or press Escape to cancel.</translation>
    </message>
    <message>
        <source>saisi</source>
        <translation>entered</translation>
    </message>
    <message>
        <source>à saisir</source>
        <translation>to enter</translation>
    </message>
</context>
<context>
    <name>ScoringController</name>
    <message>
        <source>Notes révélées</source>
        <translation>Scores revealed</translation>
    </message>
    <message>
        <source>Fiches complètes : {done} sur {n}</source>
        <translation>Complete sheets: {done} of {n}</translation>
    </message>
    <message>
        <source>{n} validée(s)</source>
        <translation>{n} validated</translation>
    </message>
    <message>
        <source>{off} juré(s) ne notent pas ce dossier</source>
        <translation>{off} juror(s) do not score this dossier</translation>
    </message>
    <message>
        <source>valeurs masquées (notation à l’aveugle)</source>
        <translation>values hidden (blind scoring)</translation>
    </message>
    <message>
        <source>Effacer « {criterion} » de {juror}.</source>
        <translation>Clear “{criterion}” of {juror}.</translation>
    </message>
    <message>
        <source>Modifier « {criterion} » de {juror}.</source>
        <translation>Change “{criterion}” of {juror}.</translation>
    </message>
    <message>
        <source>Modifier « {criterion} » de {juror} : {value}.</source>
        <translation>Change “{criterion}” of {juror}: {value}.</translation>
    </message>
    <message>
        <source>Modification abandonnée : la feuille de {juror} est validée.</source>
        <translation>Change given up: the sheet of {juror} is validated.</translation>
    </message>
    <message>
        <source>Aucune feuille complète à valider pour ce dossier.</source>
        <translation>No complete sheet to validate for this dossier.</translation>
    </message>
    <message>
        <source>Valider les feuilles</source>
        <translation>Validate the sheets</translation>
    </message>
    <message>
        <source>Valider les feuilles complètes de : {names} ?

Une modification ultérieure de ces feuilles demandera un motif, inscrit au procès-verbal.</source>
        <translation>Validate the complete sheets of: {names}?

Any later change to these sheets will need a reason, written in the minutes.</translation>
    </message>
    <message>
        <source>&amp;Valider</source>
        <translation>&amp;Validate</translation>
    </message>
    <message>
        <source>Feuilles validées : {names}.</source>
        <translation>Sheets validated: {names}.</translation>
    </message>
    <message>
        <source>La valeur n’a pas été enregistrée (erreur inattendue).</source>
        <translation>The value was not saved (unexpected error).</translation>
    </message>
    <message>
        <source>Non enregistré — {message}</source>
        <translation>Not saved — {message}</translation>
    </message>
    <message>
        <source>Effacé : « {criterion} » de {juror}.</source>
        <translation>Cleared: “{criterion}” of {juror}.</translation>
    </message>
    <message>
        <source>saisi</source>
        <translation>entered</translation>
    </message>
    <message>
        <source>{criterion}, {juror} : {value}, enregistré</source>
        <translation>{criterion}, {juror}: {value}, saved</translation>
    </message>
    <message>
        <source>{juror} ne note pas ce dossier ({kind} — {reason}) : cette case ne prend pas de saisie.</source>
        <translation>{juror} does not score this dossier ({kind} — {reason}): this cell takes no input.</translation>
    </message>
    <message>
        <source>La session est close : les notes ne se modifient plus.</source>
        <translation>The session is closed: scores can no longer be changed.</translation>
    </message>
    <message>
        <source>valeur précédente (masquée)</source>
        <translation>previous value (hidden)</translation>
    </message>
    <message>
        <source>vide</source>
        <translation>empty</translation>
    </message>
    <message>
        <source>Annulé : « {criterion} » de {juror} revient à {value}.</source>
        <translation>Undone: “{criterion}” of {juror} is back to {value}.</translation>
    </message>
    <message>
        <source>Commentaire de {name}</source>
        <translation>Comment by {name}</translation>
    </message>
    <message>
        <source>enregistrement…</source>
        <translation>saving…</translation>
    </message>
    <message>
        <source>Commentaire enregistré ✓ {time}</source>
        <translation>Comment saved ✓ {time}</translation>
    </message>
    <message>
        <source>Commentaire NON enregistré</source>
        <translation>Comment NOT saved</translation>
    </message>
    <message>
        <source>Notation à l’aveugle</source>
        <translation>Blind scoring</translation>
    </message>
    <message>
        <source>Désactiver la notation à l’aveugle ? Les valeurs déjà saisies deviendront visibles ici et sur l’écran partagé.</source>
        <translation>Turn off blind scoring? The values already entered will become visible here and on the shared screen.</translation>
    </message>
    <message>
        <source>Désactiver</source>
        <translation>Turn off</translation>
    </message>
    <message>
        <source>Révéler les notes</source>
        <translation>Reveal the scores</translation>
    </message>
    <message>
        <source>Révéler toutes les notes de la session ? Cela ouvre la délibération ; les valeurs deviennent visibles ici et sur l’écran partagé. Ce choix est définitif et journalisé.</source>
        <translation>Reveal every score of the session? This opens the deliberation; the values become visible here and on the shared screen. This choice is final and logged.</translation>
    </message>
    <message>
        <source>Révéler</source>
        <translation>Reveal</translation>
    </message>
</context>
<context>
    <name>ScoringGridModel</name>
    <message>
        <source>Absent de la séance</source>
        <translation>Absent from the session</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>absent à l’audition</source>
        <translation>absent from the hearing</translation>
    </message>
    <message>
        <source>conflit d’intérêts</source>
        <translation>conflict of interest</translation>
    </message>
    <message>
        <source>déport</source>
        <translation>recusal</translation>
    </message>
    <message>
        <source>de {min} à {max}, pas de {step}</source>
        <translation>from {min} to {max}, step {step}</translation>
    </message>
    <message>
        <source>ne note pas</source>
        <translation>does not score</translation>
    </message>
    <message>
        <source>enregistrement en cours</source>
        <translation>saving</translation>
    </message>
    <message>
        <source>enregistré</source>
        <translation>saved</translation>
    </message>
    <message>
        <source>non enregistré</source>
        <translation>not saved</translation>
    </message>
    <message>
        <source>à saisir</source>
        <translation>to enter</translation>
    </message>
    <message>
        <source>saisi</source>
        <translation>entered</translation>
    </message>
    <message>
        <source>validée</source>
        <translation>validated</translation>
    </message>
    <message>
        <source>Feuille validée : toute modification demande un motif, inscrit au procès-verbal.</source>
        <translation>Sheet validated: any change needs a reason, written in the minutes.</translation>
    </message>
    <message>
        <source>« {text} » n’est pas admis pour « {label} » : {scale}.</source>
        <translation>“{text}” is not allowed for “{label}”: {scale}.</translation>
    </message>
</context>
<context>
    <name>ScoringGridView</name>
    <message>
        <source>Notation</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <source>Notation à l’&amp;aveugle</source>
        <translation>&amp;Blind scoring</translation>
    </message>
    <message>
        <source>Notation à l’aveugle</source>
        <translation>Blind scoring</translation>
    </message>
    <message>
        <source>Les valeurs sont masquées dès leur saisie, ici comme sur l’écran partagé, jusqu’à leur révélation en délibération.</source>
        <translation>Values are hidden as soon as they are entered, here as on the shared screen, until they are revealed at the deliberation.</translation>
    </message>
    <message>
        <source>Révéler les notes…</source>
        <translation>Reveal the scores…</translation>
    </message>
    <message>
        <source>Révéler les notes</source>
        <translation>Reveal the scores</translation>
    </message>
    <message>
        <source>Grille de notation : critères en lignes, jurés en colonnes</source>
        <translation>Scoring grid: criteria in rows, jurors in columns</translation>
    </message>
    <message>
        <source>Commentaire</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Commentaire du juré</source>
        <translation>Juror&apos;s comment</translation>
    </message>
    <message>
        <source>Commentaire du juré sur ce dossier (Ctrl+Entrée pour enregistrer)</source>
        <translation>The juror&apos;s comment on this dossier (Ctrl+Enter to save)</translation>
    </message>
    <message>
        <source>Message de saisie</source>
        <translation>Entry message</translation>
    </message>
    <message>
        <source>Saisir une valeur puis Entrée (critère suivant) ; flèches pour se déplacer (la valeur tapée est enregistrée) ; Échap annule la frappe ; Suppr efface ; Ctrl+Z annule la dernière saisie ; Ctrl+D enregistre un déport ; Ctrl+Maj+V valide les feuilles complètes ; Tab quitte la grille.</source>
        <translation>Type a value then Enter (next criterion); arrows to move (the typed value is saved); Escape cancels the typing; Delete clears; Ctrl+Z undoes the last entry; Ctrl+D records a recusal; Ctrl+Shift+V validates the complete sheets; Tab leaves the grid.</translation>
    </message>
</context>
<context>
    <name>SealedChangeDialog</name>
    <message>
        <source>Feuille validée</source>
        <translation>Sheet validated</translation>
    </message>
    <message>
        <source>{what}

Cette feuille a été validée. La modification est inscrite au procès-verbal avec son motif.</source>
        <translation>{what}

This sheet has been validated. The change is written in the minutes with its reason.</translation>
    </message>
    <message>
        <source>Motif de la modification</source>
        <translation>Reason for the change</translation>
    </message>
    <message>
        <source>&amp;Motif :</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>&amp;Enregistrer la modification</source>
        <translation>&amp;Save the change</translation>
    </message>
    <message>
        <source>&amp;Abandonner</source>
        <translation>&amp;Give up</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Préférences</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <source>Langue de l’interface</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>&amp;Langue :</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>Taille du texte</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>&amp;Taille du texte :</source>
        <translation>&amp;Text size:</translation>
    </message>
    <message>
        <source>Contraste élevé (noir sur blanc, aussi sur l’écran partagé)</source>
        <translation>High contrast (black on white, on the shared screen too)</translation>
    </message>
    <message>
        <source>Aucun (instantanés seulement à côté de la base)</source>
        <translation>None (snapshots only next to the database)</translation>
    </message>
    <message>
        <source>Second dossier d’instantanés</source>
        <translation>Second snapshot folder</translation>
    </message>
    <message>
        <source>C&amp;hoisir…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <source>Choisir le second dossier d’instantanés</source>
        <translation>Choose the second snapshot folder</translation>
    </message>
    <message>
        <source>A&amp;ucun</source>
        <translation>N&amp;one</translation>
    </message>
    <message>
        <source>Ne plus copier les instantanés dans un second dossier</source>
        <translation>Stop copying snapshots to a second folder</translation>
    </message>
    <message>
        <source>&amp;Second dossier d’instantanés :</source>
        <translation>&amp;Second snapshot folder:</translation>
    </message>
    <message>
        <source>Une clé USB, par exemple : chaque instantané y est aussi copié. Si la copie échoue (clé débranchée), la séance continue et la barre d’état le signale.</source>
        <translation>A USB key, for instance: every snapshot is also copied there. If the copy fails (key unplugged), the session goes on and the status bar says so.</translation>
    </message>
    <message>
        <source>Rappeler d’effacer les données personnelles une fois le délai de conservation passé</source>
        <translation>Remind me to erase the personal data once the retention period is over</translation>
    </message>
    <message>
        <source>Le changement de langue s’applique au prochain démarrage.</source>
        <translation>The change of language applies at the next start.</translation>
    </message>
    <message>
        <source>Appliquer</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SharedDeliberationPanel</name>
    <message>
        <source>Délibération du jury</source>
        <translation>Jury deliberation</translation>
    </message>
    <message>
        <source>Classement</source>
        <translation>Ranking</translation>
    </message>
    <message>
        <source>Les notes restent masquées.
Le classement sera affiché quand le secrétariat les révélera.</source>
        <translation>The scores remain hidden.
The ranking will be shown when the secretary reveals them.</translation>
    </message>
    <message>
        <source>Délibération du jury — close</source>
        <translation>Jury deliberation — closed</translation>
    </message>
</context>
<context>
    <name>SharedGridModel</name>
    <message>
        <source>saisi</source>
        <translation>entered</translation>
    </message>
    <message>
        <source>à saisir</source>
        <translation>to enter</translation>
    </message>
    <message>
        <source>validée</source>
        <translation>validated</translation>
    </message>
</context>
<context>
    <name>SharedPresenter</name>
    <message>
        <source>{min} à {max} · coefficient {w}</source>
        <translation>{min} to {max} · weight {w}</translation>
    </message>
    <message>
        <source>En attente du prochain dossier</source>
        <translation>Waiting for the next dossier</translation>
    </message>
    <message>
        <source>conflit d’intérêts</source>
        <translation>conflict of interest</translation>
    </message>
    <message>
        <source>déport</source>
        <translation>recusal</translation>
    </message>
    <message>
        <source>{name} quitte la salle pour ce dossier ({why}).</source>
        <translation>{name} leaves the room for this dossier ({why}).</translation>
    </message>
    <message>
        <source>quartier {name}</source>
        <translation>{name} neighbourhood</translation>
    </message>
    <message>
        <source>Dossier {n} sur {total}</source>
        <translation>Dossier {n} of {total}</translation>
    </message>
</context>
<context>
    <name>SharedScreen</name>
    <message>
        <source>jury_desk — écran du jury</source>
        <translation>jury_desk — jury screen</translation>
    </message>
    <message>
        <source>Écran partagé du jury</source>
        <translation>Jury&apos;s shared screen</translation>
    </message>
    <message>
        <source>Titre du dossier</source>
        <translation>Dossier title</translation>
    </message>
    <message>
        <source>Annonce</source>
        <translation>Announcement</translation>
    </message>
    <message>
        <source>Chronomètre</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Grille de notation</source>
        <translation>Scoring grid</translation>
    </message>
    <message>
        <source>DÉMONSTRATION — </source>
        <translation>DEMONSTRATION — </translation>
    </message>
    <message>
        <source>Notation à l’aveugle : les notes restent masquées jusqu’à la délibération.</source>
        <translation>Blind scoring: the scores remain hidden until the deliberation.</translation>
    </message>
    <message>
        <source>Critères de notation</source>
        <translation>Scoring criteria</translation>
    </message>
</context>
<context>
    <name>SheetsPreview</name>
    <message>
        <source>dossier inconnu</source>
        <translation>unknown dossier</translation>
    </message>
    <message>
        <source>juré inconnu</source>
        <translation>unknown juror</translation>
    </message>
    <message>
        <source>critère inconnu</source>
        <translation>unknown criterion</translation>
    </message>
    <message>
        <source>pas un nombre</source>
        <translation>not a number</translation>
    </message>
    <message>
        <source>hors de l’échelle du critère</source>
        <translation>outside the criterion&apos;s scale</translation>
    </message>
    <message>
        <source>ligne en double</source>
        <translation>duplicate row</translation>
    </message>
    <message>
        <source>juré absent</source>
        <translation>absent juror</translation>
    </message>
    <message>
        <source>juré récusé</source>
        <translation>recused juror</translation>
    </message>
    <message>
        <source>nouvelle note</source>
        <translation>new value</translation>
    </message>
    <message>
        <source>modifie {old} → {new}</source>
        <translation>changes {old} → {new}</translation>
    </message>
    <message>
        <source>déjà saisie, identique</source>
        <translation>already entered, identical</translation>
    </message>
    <message>
        <source>écartable : {why}</source>
        <translation>can be left out: {why}</translation>
    </message>
    <message>
        <source>refusée : {why}</source>
        <translation>refused: {why}</translation>
    </message>
    <message>
        <source>(vide)</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>SheetsPreviewDialog</name>
    <message>
        <source>Importer des feuilles papier</source>
        <translation>Import paper sheets</translation>
    </message>
    <message>
        <source>{new} nouvelle(s) note(s), {changed} modifiée(s), {same} identique(s), {refused} refusée(s), {skippable} de jurés absents ou récusés. Séparateur : « {sep} ».</source>
        <translation>{new} new value(s), {changed} changed, {same} identical, {refused} refused, {skippable} from absent or recused jurors. Separator: “{sep}”.</translation>
    </message>
    <message>
        <source>Ligne</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Juré</source>
        <translation>Juror</translation>
    </message>
    <message>
        <source>Critère</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <source>Effet</source>
        <translation>Effect</translation>
    </message>
    <message>
        <source>Lignes du fichier</source>
        <translation>Rows of the file</translation>
    </message>
    <message>
        <source>&amp;Écarter les {n} ligne(s) des jurés absents ou récusés</source>
        <translation>&amp;Leave out the {n} row(s) of absent or recused jurors</translation>
    </message>
    <message>
        <source>&amp;Importer</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Double saisie : les deux saisies diffèrent sur {n} case(s) ; rien ne sera importé tant qu’elles ne concordent pas.</source>
        <translation>Double entry: the two typings differ on {n} cell(s); nothing is imported until they agree.</translation>
    </message>
    <message>
        <source>Des lignes sont refusées : corrigez le fichier. Rien ne sera importé.</source>
        <translation>Some rows are refused: correct the file. Nothing will be imported.</translation>
    </message>
    <message>
        <source>Des lignes concernent des jurés absents ou récusés : cochez la case pour les écarter, ou corrigez le fichier.</source>
        <translation>Some rows are for absent or recused jurors: tick the box to leave them out, or correct the file.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Raccourcis clavier</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Touches</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Délibération : {label}</source>
        <translation>Deliberation: {label}</translation>
    </message>
</context>
<context>
    <name>SignerDialog</name>
    <message>
        <source>Signataire du procès-verbal</source>
        <translation>Signer of the minutes</translation>
    </message>
    <message>
        <source>Le procès-verbal porte le nom et la qualité de la personne qui le signe. Ils sont demandés une fois et gardés dans les préférences.</source>
        <translation>The minutes carry the name and role of the person who signs them. They are asked once and kept in the preferences.</translation>
    </message>
    <message>
        <source>Secrétaire du jury</source>
        <translation>Secrétaire du jury</translation>
    </message>
    <message>
        <source>&amp;Nom et prénom :</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <source>&amp;Qualité :</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SnapshotsDialog</name>
    <message>
        <source>Instantanés de la base</source>
        <translation>Database snapshots</translation>
    </message>
    <message>
        <source>Une copie cohérente de la base est prise après chaque audition, avant chaque export et avant chaque restauration ; les dix dernières sont gardées. Base : « {db} ».</source>
        <translation>A consistent copy of the database is taken after each hearing, before each export and before each restore; the last ten are kept. Database: “{db}”.</translation>
    </message>
    <message>
        <source>Second dossier : « {dir} ».</source>
        <translation>Second folder: “{dir}”.</translation>
    </message>
    <message>
        <source>Aucun second dossier (clé USB) : réglez-le dans les Préférences.</source>
        <translation>No second folder (USB key): set one in the Preferences.</translation>
    </message>
    <message>
        <source>Liste des instantanés, du plus récent au plus ancien</source>
        <translation>Snapshots, newest first</translation>
    </message>
    <message>
        <source>Aucun instantané pour l’instant.</source>
        <translation>No snapshot yet.</translation>
    </message>
    <message>
        <source>&amp;Prendre un instantané maintenant</source>
        <translation>&amp;Take a snapshot now</translation>
    </message>
    <message>
        <source>&amp;Restaurer…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <source>Restaurer l’instantané choisi</source>
        <translation>Restore the chosen snapshot</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SnapshotsModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Motif</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>Taille</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Opérations</source>
        <translation>Operations</translation>
    </message>
    <message>
        <source>Emplacement</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>illisible</source>
        <translation>unreadable</translation>
    </message>
    <message>
        <source>aucune session</source>
        <translation>no session</translation>
    </message>
    <message>
        <source>second dossier</source>
        <translation>second folder</translation>
    </message>
    <message>
        <source>à côté de la base</source>
        <translation>next to the database</translation>
    </message>
</context>
<context>
    <name>TimerController</name>
    <message>
        <source>Réinitialiser le chronomètre</source>
        <translation>Reset the timer</translation>
    </message>
    <message>
        <source>Remettre le chronomètre de ce dossier à zéro ? Les durées enregistrées pour cette audition seront effacées (l’opération est journalisée).</source>
        <translation>Reset this dossier&apos;s timer? The durations recorded for this hearing will be cleared (the operation is logged).</translation>
    </message>
    <message>
        <source>Réinitialiser</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>&amp;Démarrer</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Reprendre</source>
        <translation>&amp;Resume</translation>
    </message>
    <message>
        <source>Audition terminée</source>
        <translation>Hearing over</translation>
    </message>
    <message>
        <source>&amp;Questions du jury</source>
        <translation>&amp;Jury&apos;s questions</translation>
    </message>
    <message>
        <source>Phase &amp;suivante</source>
        <translation>&amp;Next phase</translation>
    </message>
</context>
<context>
    <name>TimerWidget</name>
    <message>
        <source>Avant l’audition</source>
        <translation>Before the hearing</translation>
    </message>
    <message>
        <source>Audition terminée</source>
        <translation>Hearing over</translation>
    </message>
    <message>
        <source>Présentation</source>
        <translation>Presentation</translation>
    </message>
    <message>
        <source>Questions du jury</source>
        <translation>Jury&apos;s questions</translation>
    </message>
    <message>
        <source>en pause</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>temps dépassé</source>
        <translation>time exceeded</translation>
    </message>
    <message>
        <source>dernière minute</source>
        <translation>last minute</translation>
    </message>
    <message>
        <source>bientôt terminé</source>
        <translation>ending soon</translation>
    </message>
    <message>
        <source>en cours</source>
        <translation>running</translation>
    </message>
    <message>
        <source>Chronomètre de l’audition</source>
        <translation>Hearing timer</translation>
    </message>
    <message>
        <source>Temps restant</source>
        <translation>Time left</translation>
    </message>
    <message>
        <source>{n} minutes restantes</source>
        <translation>{n} minutes left</translation>
    </message>
    <message>
        <source>présentation {p}, questions {q}</source>
        <translation>presentation {p}, questions {q}</translation>
    </message>
    <message>
        <source>Temps restant — {phase}, {state}</source>
        <translation>Time left — {phase}, {state}</translation>
    </message>
    <message>
        <source>présentation : {d}</source>
        <translation>presentation: {d}</translation>
    </message>
    <message>
        <source>questions : {d}</source>
        <translation>questions: {d}</translation>
    </message>
    <message>
        <source>Durées enregistrées — </source>
        <translation>Recorded durations — </translation>
    </message>
</context>
<context>
    <name>ViewSettings</name>
    <message>
        <source>Taille du texte : {pct} %</source>
        <translation>Text size: {pct} %</translation>
    </message>
    <message>
        <source>Les instantanés seront aussi copiés dans « {dir} ».</source>
        <translation>Snapshots will also be copied to “{dir}”.</translation>
    </message>
    <message>
        <source>Les instantanés ne sont plus copiés dans un second dossier.</source>
        <translation>Snapshots are no longer copied to a second folder.</translation>
    </message>
    <message>
        <source>Langue</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>La nouvelle langue s’appliquera au prochain démarrage.</source>
        <translation>The new language will apply at the next start.</translation>
    </message>
    <message>
        <source>Saisir une note puis passer au critère suivant</source>
        <translation>Enter a score then go to the next criterion</translation>
    </message>
    <message>
        <source>Passer au juré suivant</source>
        <translation>Go to the next juror</translation>
    </message>
    <message>
        <source>Effacer la note de la cellule</source>
        <translation>Clear the cell&apos;s score</translation>
    </message>
    <message>
        <source>Enregistrer le commentaire</source>
        <translation>Save the comment</translation>
    </message>
    <message>
        <source>Quitter le plein écran (écran partagé)</source>
        <translation>Leave full screen (shared screen)</translation>
    </message>
    <message>
        <source>À propos de jury_desk</source>
        <translation>About jury_desk</translation>
    </message>
    <message>
        <source>jury_desk {v}
Application hors ligne des jurys du Label Actions Innovantes (Grand-Orly Seine Bièvre).</source>
        <translation>jury_desk {v}
Offline application for the juries of the Label Actions Innovantes (Grand-Orly Seine Bièvre).</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <source>jury_desk</source>
        <translation>jury_desk</translation>
    </message>
    <message>
        <source>Jurys du Label Actions Innovantes — Grand-Orly Seine Bièvre</source>
        <translation>Juries of the Label Actions Innovantes — Grand-Orly Seine Bièvre</translation>
    </message>
    <message>
        <source>Reprendre la dernière session</source>
        <translation>Resume the last session</translation>
    </message>
    <message>
        <source>Importer un paquet de session…</source>
        <translation>Import a session bundle…</translation>
    </message>
    <message>
        <source>Importer un paquet de session</source>
        <translation>Import a session bundle</translation>
    </message>
    <message>
        <source>Ouvrir la session de démonstration</source>
        <translation>Open the demonstration session</translation>
    </message>
    <message>
        <source>Progression de l’import</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <source>Motif du refus</source>
        <translation>Reason for the refusal</translation>
    </message>
    <message>
        <source>La session de démonstration est fictive : elle sert à essayer l’application, ses résultats ne sont jamais transmis au siège.</source>
        <translation>The demonstration session is fictitious: it is for trying the application, its results are never sent to headquarters.</translation>
    </message>
    <message>
        <source>Version {v} — fonctionne entièrement hors ligne</source>
        <translation>Version {v} — works entirely offline</translation>
    </message>
    <message>
        <source>Aucune session ouverte récemment.</source>
        <translation>No session opened recently.</translation>
    </message>
    <message>
        <source>Paquet de session (*.zip)</source>
        <translation>Session bundle (*.zip)</translation>
    </message>
    <message>
        <source>Vérification et import de « {name} » : %p %</source>
        <translation>Checking and importing “{name}”: %p %</translation>
    </message>
</context>
</TS>

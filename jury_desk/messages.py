"""The one catalogue of what the user reads about codes that core returns.

Core returns and raises codes with parameters (closing blockers, the reasons why a
dossier is not valid, the refusals of the scoring, attendance, recusal and deliberation
services); this module words them. Each template is French (the source language) and
marked with :func:`QT_TRANSLATE_NOOP` so that ``pyside6-lupdate`` extracts it into
``resources/i18n/*.ts`` (``scripts/build_translations.py`` lists this file):

- the command line and the procès-verbal word a code in French: :func:`blocker_text`,
  :func:`error_text`, :func:`invalid_text` with the default ``tr``;
- the GUI passes ``QCoreApplication.translate`` as ``tr`` (``jury_desk.ui.wording``),
  which gives the English text when the English translation is installed.

No Qt import here: the catalogue is plain data, read by every face.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import field
from fractions import Fraction
from typing import TYPE_CHECKING

from jury_desk.core import fmt
from jury_desk.core.errors import Quoted
from jury_desk.core.records import record

if TYPE_CHECKING:
    from jury_desk.core.api import Blocker
    from jury_desk.core.domain import Criterion, Dossier, Juror

__all__ = [
    "CONTEXT",
    "IDS",
    "QT_TRANSLATE_NOOP",
    "TEMPLATES",
    "Names",
    "Translate",
    "blocker_text",
    "check_label",
    "check_text",
    "error_text",
    "french",
    "invalid_text",
    "method_label",
    "method_tie_break",
    "missing_text",
    "snapshot_reason",
    "template",
    "words",
]

CONTEXT = "Messages"


# A dossier's title in a message: its start, the rest in its reference's record.
TITLE_CHARS = 40


@record(slots=False)
class Names:
    """How a message names what core identifies by its id: a juror by name, a dossier by
    its reference and title, a criterion by its label. Core's codes carry the ids (the
    contract's, stable, typed on the command line); a front end that has the session's
    state words them for a reader (``Names.of``). An id it does not know stays as it is."""

    jurors: Mapping[str, str] = field(default_factory=dict)
    dossiers: Mapping[str, str] = field(default_factory=dict)
    criteria: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        jurors: Iterable[Juror],
        dossiers: Iterable[Dossier],
        criteria: Iterable[Criterion],
    ) -> Names:
        def dossier(d: Dossier) -> str:
            title = " ".join(d.title.split())
            if len(title) > TITLE_CHARS:
                title = title[: TITLE_CHARS - 1].rstrip() + "…"
            return f"{d.reference} ({title})" if title else d.reference

        return cls(
            {j.id: j.name for j in jurors},
            {d.id: dossier(d) for d in dossiers},
            {c.id: c.label for c in criteria},
        )

    def juror(self, juror_id: object) -> str:
        return self.jurors.get(str(juror_id), str(juror_id))

    def dossier(self, dossier_id: object) -> str:
        return self.dossiers.get(str(dossier_id), str(dossier_id))

    def criterion(self, criterion_id: object) -> str:
        return self.criteria.get(str(criterion_id), str(criterion_id))


IDS = Names()  # the ids themselves: the command line's words (what its user typed)

Translate = Callable[[str, str], str]  # (context, French source) -> text


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for extraction by lupdate in ``context``; returns it unchanged."""
    del context
    return text


def french(context: str, text: str) -> str:
    """The identity translation: French, the source language."""
    del context
    return text


TEMPLATES: dict[str, str] = {
    # ---------------------------------------------------------------- closing blockers
    "blocker.quorum": QT_TRANSLATE_NOOP(
        "Messages",
        "Le quorum n’est pas atteint : {present} juré(s) présent(s) pour un quorum de "
        "{required}.{absent} Vérifiez les présences.",
    ),
    "blocker.quorum.absent": QT_TRANSLATE_NOOP("Messages", " Absents : {names}."),
    "blocker.invalid_without_reason": QT_TRANSLATE_NOOP(
        "Messages", "{why} {action} ou donnez un motif."
    ),
    "blocker.invalid_without_reason.enter_one": QT_TRANSLATE_NOOP("Messages", "Saisissez-la"),
    "blocker.invalid_without_reason.enter_many": QT_TRANSLATE_NOOP("Messages", "Saisissez-les"),
    "blocker.invalid_without_reason.review": QT_TRANSLATE_NOOP(
        "Messages", "Revoyez les présences et les déports"
    ),
    "blocker.duplicate_laureate": QT_TRANSLATE_NOOP(
        "Messages",
        "Le dossier {dossier} figure {count} fois parmi les lauréats. Gardez-en une seule ligne.",
    ),
    "blocker.unknown_dossier": QT_TRANSLATE_NOOP(
        "Messages",
        "Le lauréat {dossier} n’est pas un dossier de la session. Retirez-le de la liste.",
    ),
    "blocker.negative_amount": QT_TRANSLATE_NOOP(
        "Messages", "Le montant accordé au dossier {dossier} est négatif ({amount}). Corrigez-le."
    ),
    "blocker.invalid_laureate": QT_TRANSLATE_NOOP(
        "Messages",
        "Le dossier {dossier} n’est pas valide et ne peut pas être lauréat. Complétez ses "
        "feuilles ou retirez-le de la liste.",
    ),
    "blocker.laureate_not_heard": QT_TRANSLATE_NOOP(
        "Messages",
        "Le dossier {dossier} est proposé comme lauréat mais son audition n’a pas été "
        "enregistrée. Enregistrez l’audition (ou saisissez-la après coup, avec un motif) ou "
        "retirez-le de la liste.",
    ),
    "blocker.unjustified_addition.under_min": QT_TRANSLATE_NOOP(
        "Messages",
        "Le dossier {dossier} est ajouté aux lauréats alors que sa note {score} est sous le "
        "minimum de {min_score}. Justifiez cet ajout.",
    ),
    "blocker.unjustified_addition.outside": QT_TRANSLATE_NOOP(
        "Messages",
        "Le dossier {dossier} est ajouté aux lauréats alors qu’il est classé au rang {rank} "
        "et hors de la proposition par défaut. Justifiez cet ajout.",
    ),
    "blocker.unjustified_amount": QT_TRANSLATE_NOOP(
        "Messages",
        "Le montant accordé au dossier {dossier} ({amount}) diffère de celui de la "
        "proposition par défaut ({default}). Justifiez ce montant.",
    ),
    "blocker.unjustified_departure": QT_TRANSLATE_NOOP(
        "Messages",
        "Le dossier {dossier}, retenu par la proposition par défaut, ne figure pas parmi les "
        "lauréats. Justifiez ce retrait.",
    ),
    "blocker.over_envelope": QT_TRANSLATE_NOOP(
        "Messages",
        "Le total des lauréats ({total}) dépasse l’enveloppe de {envelope} de {excess}. "
        "Retirez un lauréat ou réduisez un montant.",
    ),
    "blocker.over_count": QT_TRANSLATE_NOOP(
        "Messages",
        "La liste compte {count} lauréats pour un maximum de {max}. Retirez-en {excess}.",
    ),
    "blocker.decision_not_set": QT_TRANSLATE_NOOP(
        "Messages",
        "Le jury n’a pas arrêté sa liste de lauréats : arrêtez-la (Délibération, « Décision "
        "du jury »), ou closez sur la proposition par défaut.",
    ),
    # ---------------------------------------------------------------- invalid dossiers
    "invalid.head": QT_TRANSLATE_NOOP(
        "Messages", "Le dossier {dossier} n’est pas valide : {parts}."
    ),
    "invalid.missing_one": QT_TRANSLATE_NOOP("Messages", "il manque la feuille de {sheets}"),
    "invalid.missing_many": QT_TRANSLATE_NOOP("Messages", "il manque les feuilles de {sheets}"),
    "invalid.sheet": QT_TRANSLATE_NOOP("Messages", "{juror} (critères : {criteria})"),
    "invalid.too_few_jurors": QT_TRANSLATE_NOOP(
        "Messages",
        "{counted} juré(s) seulement compte(nt) pour ce dossier (présents et non déportés), "
        "pour un minimum de {need} feuille(s)",
    ),
    "invalid.too_few_sheets": QT_TRANSLATE_NOOP(
        "Messages", "{sheets} feuille(s) complète(s) pour un minimum de {need}"
    ),
    "invalid.sheet_absent": QT_TRANSLATE_NOOP("Messages", "feuille de {juror} absente"),
    "invalid.sheet_incomplete": QT_TRANSLATE_NOOP(
        "Messages", "feuille de {juror} incomplète ({criteria})"
    ),
    "list.and": QT_TRANSLATE_NOOP("Messages", "{first} et {last}"),
    "list.separator": QT_TRANSLATE_NOOP("Messages", " ; "),
    # ---------------------------------------------------------------- ranking aids
    "method.median": QT_TRANSLATE_NOOP("Messages", "Classement par la note médiane"),
    "method.zscore": QT_TRANSLATE_NOOP(
        "Messages", "Classement par notes centrées-réduites par juré (z-scores)"
    ),
    "method.majority_judgment": QT_TRANSLATE_NOOP("Messages", "Jugement majoritaire (mentions)"),
    "method.median.tie_break": QT_TRANSLATE_NOOP(
        "Messages", "Sans départage : des médianes égales partagent le rang (1, 2, 2, 4)."
    ),
    "method.zscore.tie_break": QT_TRANSLATE_NOOP(
        "Messages",
        "Sans départage : des moyennes de z égales partagent le rang ; un juré dont toutes "
        "les notes sont égales compte pour 0.",
    ),
    "method.majority_judgment.tie_break": QT_TRANSLATE_NOOP(
        "Messages",
        "Variante de Balinski-Laraki : à mention majoritaire (médiane inférieure) égale, on "
        "retire une mention majoritaire de chaque dossier et on recommence ; ex aequo si "
        "l’un n’a plus de mention avant qu’une différence n’apparaisse.",
    ),
    # ---------------------------------------------------------------- service refusals
    "error.unknown_juror": QT_TRANSLATE_NOOP(
        "Messages", "Juré « {juror} » inconnu dans cette session."
    ),
    "error.unknown_dossier": QT_TRANSLATE_NOOP(
        "Messages", "Dossier « {dossier} » inconnu dans cette session."
    ),
    "error.unknown_criterion": QT_TRANSLATE_NOOP(
        "Messages", "Critère « {criterion} » inconnu dans cette session."
    ),
    "error.unknown_session": QT_TRANSLATE_NOOP("Messages", "Aucune session « {session} »."),
    "error.closed": QT_TRANSLATE_NOOP(
        "Messages",
        "La délibération est close : rouvrez-la (avec un motif) pour modifier quoi que ce soit.",
    ),
    "error.recusal_reason_required": QT_TRANSLATE_NOOP(
        "Messages", "Un motif est obligatoire pour une récusation."
    ),
    "error.reopen_reason_required": QT_TRANSLATE_NOOP(
        "Messages", "Un motif est obligatoire pour rouvrir la délibération."
    ),
    "error.already_recused_bundle": QT_TRANSLATE_NOOP(
        "Messages",
        "Le juré « {juror} » est déjà récusé pour « {dossier} » (conflit d’intérêts du paquet).",
    ),
    "error.already_recused": QT_TRANSLATE_NOOP(
        "Messages", "Le juré « {juror} » est déjà récusé pour « {dossier} »."
    ),
    "error.not_recused": QT_TRANSLATE_NOOP(
        "Messages",
        "Aucune récusation de séance pour « {juror} » / « {dossier} » (un conflit du paquet "
        "ne peut pas être retiré).",
    ),
    "error.value_not_number": QT_TRANSLATE_NOOP("Messages", "« {raw} » n’est pas un nombre."),
    "error.value_out_of_scale": QT_TRANSLATE_NOOP(
        "Messages",
        "« {raw} » n’est pas une valeur admise pour « {criterion} » : de {min} à {max} par "
        "pas de {step}.",
    ),
    "error.juror_recused": QT_TRANSLATE_NOOP(
        "Messages",
        "Le juré « {juror} » est récusé pour le dossier « {dossier} » : sa note ne peut pas "
        "être saisie.",
    ),
    "error.juror_absent": QT_TRANSLATE_NOOP(
        "Messages",
        "Le juré « {juror} » est absent de la séance : sa note ne peut pas être saisie.",
    ),
    "error.no_value": QT_TRANSLATE_NOOP("Messages", "Aucune valeur à effacer."),
    "error.sheet_sealed": QT_TRANSLATE_NOOP(
        "Messages",
        "La feuille du juré « {juror} » pour le dossier « {dossier} » est validée : "
        "toute modification demande un motif.",
    ),
    "error.sheet_incomplete": QT_TRANSLATE_NOOP(
        "Messages",
        "La feuille du juré « {juror} » pour le dossier « {dossier} » n’est pas complète "
        "(sans valeur : {missing}) : elle ne peut pas être validée.",
    ),
    "error.devices_closed": QT_TRANSLATE_NOOP(
        "Messages",
        "La délibération est close : les appareils des jurés ne peuvent plus être appairés.",
    ),
    "error.devices_all_interfaces": QT_TRANSLATE_NOOP(
        "Messages",
        "Choisissez le réseau sur lequel les appareils des jurés se connectent (le point "
        "d’accès du portable ou le réseau de la salle) : jury_desk n’écoute jamais sur tous "
        "les réseaux à la fois.",
    ),
    "error.devices_bind": QT_TRANSLATE_NOOP(
        "Messages",
        "Impossible d’écouter sur {host}, port {port} : l’adresse n’est plus celle du portable "
        "ou le port est déjà pris. Choisissez un autre réseau ou un autre port.",
    ),
    "error.device_not_current": QT_TRANSLATE_NOOP(
        "Messages",
        "Ce n’est plus le dossier en cours d’audition : la page affiche maintenant le bon dossier.",
    ),
    "error.device_closed": QT_TRANSLATE_NOOP(
        "Messages", "La délibération est close : plus aucune note ne peut être saisie."
    ),
    "error.device_no_dossier": QT_TRANSLATE_NOOP("Messages", "Aucun dossier n’est en audition."),
    "error.device_absent": QT_TRANSLATE_NOOP(
        "Messages", "Vous êtes noté(e) absent(e) de la séance : vous ne pouvez pas noter."
    ),
    "error.device_recused": QT_TRANSLATE_NOOP(
        "Messages",
        "Vous êtes déporté(e) pour ce dossier : vous ne pouvez pas le noter.",
    ),
    "error.device_bad_key": QT_TRANSLATE_NOOP(
        "Messages", "Requête refusée : identifiant d’envoi manquant ou invalide."
    ),
    "error.device_bad_request": QT_TRANSLATE_NOOP(
        "Messages", "Requête refusée : contenu invalide."
    ),
    "error.row": QT_TRANSLATE_NOOP(
        "Messages", "Ligne {line} : {message} Aucune note n’a été enregistrée."
    ),
    "error.csv_row": QT_TRANSLATE_NOOP(
        "Messages",
        "Ligne {line} (dossier {dossier}, juré {juror}, critère {criterion}, valeur "
        "« {value} ») : {message} Aucune note n’a été enregistrée.",
    ),
    "error.csv_header": QT_TRANSLATE_NOOP(
        "Messages",
        "Ligne {line} : en-tête attendu « {expected} », trouvé « {found} ». Aucune note n’a "
        "été enregistrée.",
    ),
    "error.csv_columns": QT_TRANSLATE_NOOP(
        "Messages",
        "Ligne {line} : 4 colonnes attendues, {found} trouvées. Aucune note n’a été enregistrée.",
    ),
    "error.csv_empty": QT_TRANSLATE_NOOP(
        "Messages", "Le fichier CSV est vide. Aucune note n’a été enregistrée."
    ),
    "error.duplicate_laureate": QT_TRANSLATE_NOOP(
        "Messages", "Le dossier « {dossier} » figure deux fois dans la liste."
    ),
    "error.amount": QT_TRANSLATE_NOOP("Messages", "Un montant ne peut pas être négatif."),
    "error.threshold": QT_TRANSLATE_NOOP(
        "Messages", "Les seuils de désaccord doivent être positifs."
    ),
    "error.not_closed": QT_TRANSLATE_NOOP("Messages", "La délibération n’est pas close."),
    "error.closing_blocked": QT_TRANSLATE_NOOP(
        "Messages", "La délibération ne peut pas être close :"
    ),
    # ---------------------------------------------------------------- session bundles
    "error.bundle_refused": QT_TRANSLATE_NOOP("Messages", "Paquet de session refusé — {message}"),
    "error.bundle_refused_entry": QT_TRANSLATE_NOOP(
        "Messages", "Paquet de session refusé — entrée « {entry} » : {message}"
    ),
    "error.bundle_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "Impossible d’ouvrir « {file} » : {detail}."
    ),
    "error.bundle_not_zip": QT_TRANSLATE_NOOP(
        "Messages", "Paquet de session refusé — « {file} » n’est pas une archive ZIP lisible."
    ),
    "error.zip.name_empty": QT_TRANSLATE_NOOP("Messages", "une entrée porte un nom vide."),
    "error.zip.name_too_long": QT_TRANSLATE_NOOP(
        "Messages", "chemin de plus de {limit} caractères."
    ),
    "error.zip.name_control": QT_TRANSLATE_NOOP(
        "Messages", "le nom contient un caractère de contrôle."
    ),
    "error.zip.name_backslash": QT_TRANSLATE_NOOP(
        "Messages", "le nom contient une barre oblique inverse (\\)."
    ),
    "error.zip.name_absolute": QT_TRANSLATE_NOOP(
        "Messages", "chemin absolu ou lettre de lecteur interdits."
    ),
    "error.zip.name_dots": QT_TRANSLATE_NOOP(
        "Messages", "le chemin contient « .. », « . » ou un élément vide."
    ),
    "error.zip.name_forbidden_char": QT_TRANSLATE_NOOP(
        "Messages", 'le nom contient un caractère interdit (< > : " | ? *).'
    ),
    "error.zip.name_trailing": QT_TRANSLATE_NOOP(
        "Messages", "un élément du chemin se termine par un point ou une espace."
    ),
    "error.zip.name_reserved": QT_TRANSLATE_NOOP(
        "Messages", "« {part} » est un nom réservé par Windows."
    ),
    "error.zip.too_many_entries": QT_TRANSLATE_NOOP(
        "Messages", "{count} entrées (au plus {limit})."
    ),
    "error.zip.name_duplicate": QT_TRANSLATE_NOOP(
        "Messages",
        "nom en double (identique à « {other} » à la casse ou à la forme Unicode près).",
    ),
    "error.zip.link": QT_TRANSLATE_NOOP(
        "Messages",
        "les liens symboliques et les points d’analyse (reparse points) sont interdits.",
    ),
    "error.zip.encrypted": QT_TRANSLATE_NOOP("Messages", "entrée chiffrée."),
    "error.zip.compression": QT_TRANSLATE_NOOP(
        "Messages",
        "méthode de compression {method} (seules « stored » et « deflate » sont admises).",
    ),
    "error.zip.overlap": QT_TRANSLATE_NOOP(
        "Messages", "ses données chevauchent celles de « {other} »."
    ),
    "error.zip.local_header": QT_TRANSLATE_NOOP("Messages", "en-tête local absent ou corrompu."),
    "error.zip.truncated": QT_TRANSLATE_NOOP(
        "Messages", "les données dépassent la fin de l’archive."
    ),
    "error.zip.total_size": QT_TRANSLATE_NOOP(
        "Messages", "la taille totale décompressée dépasse {limit} Gio."
    ),
    "error.zip.ratio": QT_TRANSLATE_NOOP("Messages", "taux de compression supérieur à {limit}."),
    "error.zip.entry_size": QT_TRANSLATE_NOOP(
        "Messages", "l’entrée est plus grande que la taille annoncée."
    ),
    "error.zip.header_size": QT_TRANSLATE_NOOP(
        "Messages", "l’en-tête annonce {announced} octets, l’entrée en contient {got}."
    ),
    "error.zip.corrupt": QT_TRANSLATE_NOOP("Messages", "données corrompues ({detail})."),
    "error.zip.unreadable": QT_TRANSLATE_NOOP("Messages", "données illisibles ({detail})."),
    "error.session_exists": QT_TRANSLATE_NOOP(
        "Messages",
        "Paquet de session refusé — la session « {session} » est déjà dans la base avec un "
        "manifeste différent. Une session importée ne peut pas être remplacée ; utilisez une "
        "autre base (--db) ou demandez un nouveau paquet au siège.",
    ),
    "error.bundle_missing_manifest": QT_TRANSLATE_NOOP("Messages", "« {path} » est introuvable."),
    "error.bundle.sentence": QT_TRANSLATE_NOOP("Messages", "{message}."),
    "error.bundle.json_invalid": QT_TRANSLATE_NOOP("Messages", "JSON invalide ({message})."),
    "error.bundle.schema": QT_TRANSLATE_NOOP(
        "Messages", "non conforme au schéma en « {path} » : {message}."
    ),
    "error.bundle.format_version": QT_TRANSLATE_NOOP(
        "Messages", "version de format {version} non prise en charge (seule la version 1 l’est)."
    ),
    "error.bundle.id_pattern": QT_TRANSLATE_NOOP(
        "Messages", "identifiant {value} invalide en {where}."
    ),
    "error.bundle.id_duplicate": QT_TRANSLATE_NOOP(
        "Messages", "identifiant « {id} » en double dans {where}."
    ),
    "error.bundle.number_range": QT_TRANSLATE_NOOP(
        "Messages", "nombre {value} hors des bornes admises en {where}."
    ),
    "error.bundle.criterion_weight": QT_TRANSLATE_NOOP(
        "Messages", "critère « {criterion} » : le poids doit être > 0."
    ),
    "error.bundle.criterion_bounds": QT_TRANSLATE_NOOP(
        "Messages", "critère « {criterion} » : min doit être < max."
    ),
    "error.bundle.criterion_step": QT_TRANSLATE_NOOP(
        "Messages", "critère « {criterion} » : le pas doit être > 0."
    ),
    "error.bundle.criterion_step_multiple": QT_TRANSLATE_NOOP(
        "Messages", "critère « {criterion} » : (max − min) n’est pas un multiple entier du pas."
    ),
    "error.bundle.criterion_values": QT_TRANSLATE_NOOP(
        "Messages", "critère « {criterion} » : plus de 1000 valeurs possibles."
    ),
    "error.bundle.hearing_order": QT_TRANSLATE_NOOP(
        "Messages", "ordre de passage {order} en double (dossier « {dossier} »)."
    ),
    "error.bundle.attachment_folder": QT_TRANSLATE_NOOP(
        "Messages", "la pièce « {path} » n’est pas rangée sous attachments/{dossier}/."
    ),
    "error.bundle.attachment_duplicate": QT_TRANSLATE_NOOP(
        "Messages", "pièce « {path} » listée deux fois."
    ),
    "error.bundle.conflict_juror": QT_TRANSLATE_NOOP(
        "Messages", "conflit d’intérêts : le juré « {juror} » n’existe pas."
    ),
    "error.bundle.conflict_dossier": QT_TRANSLATE_NOOP(
        "Messages", "conflit d’intérêts : le dossier « {dossier} » n’existe pas."
    ),
    "error.bundle.conflict_duplicate": QT_TRANSLATE_NOOP(
        "Messages", "conflit {juror} / {dossier} listé deux fois."
    ),
    "error.bundle.min_sheets": QT_TRANSLATE_NOOP(
        "Messages", "min_sheets ({min_sheets}) dépasse le nombre de jurés ({jurors})."
    ),
    "error.bundle.size_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "taille {size} octets, le manifeste annonce {announced}."
    ),
    "error.bundle.hash_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "l’empreinte SHA-256 ne correspond pas au manifeste."
    ),
    "error.bundle.media_type": QT_TRANSLATE_NOOP(
        "Messages", "le contenu ne correspond pas au type annoncé « {media_type} »."
    ),
    "error.bundle.media_type_pdf": QT_TRANSLATE_NOOP(
        "Messages",
        "le contenu ne correspond pas au type annoncé « {media_type} » "
        "(un PDF doit commencer par « %PDF- »).",
    ),
    "error.bundle.missing_entry": QT_TRANSLATE_NOOP("Messages", "entrée obligatoire absente."),
    "error.bundle.unexpected_entry": QT_TRANSLATE_NOOP(
        "Messages",
        "entrée inattendue (seuls manifest.json, manifest.json.jws et "
        "attachments/<dossier>/<fichier> sont admis).",
    ),
    "error.bundle.folder_content": QT_TRANSLATE_NOOP(
        "Messages", "un dossier ne peut pas avoir de contenu."
    ),
    "error.bundle.jws_not_ascii": QT_TRANSLATE_NOOP(
        "Messages", "la signature n’est pas du texte ASCII."
    ),
    "error.bundle.demo_key_only_demo": QT_TRANSLATE_NOOP(
        "Messages",
        "la clé de démonstration n’est de confiance que pour la session de démonstration.",
    ),
    "error.bundle.attachment_folder_unknown": QT_TRANSLATE_NOOP(
        "Messages", "dossier de pièces jointes qui ne correspond à aucun dossier du manifeste."
    ),
    "error.bundle.unlisted_attachment": QT_TRANSLATE_NOOP(
        "Messages", "fichier présent dans l’archive mais absent du manifeste."
    ),
    "error.bundle.missing_attachment": QT_TRANSLATE_NOOP(
        "Messages", "pièce listée dans le manifeste mais absente de l’archive."
    ),
    "error.bundle.no_dossiers": QT_TRANSLATE_NOOP(
        "Messages", "le manifeste n’a pas de liste « dossiers »."
    ),
    "error.bundle.file_not_found": QT_TRANSLATE_NOOP(
        "Messages", "fichier introuvable dans « {source} »."
    ),
    # ------------------------------------------------ replaying an audit log (``replay``)
    "error.replay.field_missing": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : « {field} » absent ou invalide"
    ),
    "error.replay.field_invalid": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : « {field} » invalide"
    ),
    "error.replay.unknown_juror": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : juré « {juror} » inconnu de la session"
    ),
    "error.replay.unknown_dossier": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : dossier « {dossier} » inconnu de la session"
    ),
    "error.replay.unknown_criterion": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : critère « {criterion} » inconnu de la session"
    ),
    "error.replay.value_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : valeur « {value} » illisible"
    ),
    "error.replay.value_out_of_scale": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : valeur {value} hors de l’échelle du critère « {criterion} »"
    ),
    "error.replay.entry_shape": QT_TRANSLATE_NOOP("Messages", "entrée n° {seq} : forme invalide"),
    "error.replay.no_date": QT_TRANSLATE_NOOP("Messages", "entrée n° {seq} : date « at » absente"),
    "error.replay.first_not_import": QT_TRANSLATE_NOOP(
        "Messages",
        "la première entrée (n° {seq}) n’est pas l’import de la session (« {action} »)",
    ),
    "error.replay.other_manifest": QT_TRANSLATE_NOOP(
        "Messages", "la première entrée n’a pas importé ce manifeste (SHA-256 différent)"
    ),
    "error.replay.second_import": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : second import de la session"
    ),
    "error.replay.absent_list": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : liste « absent » invalide"
    ),
    "error.replay.recusal_kind": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : nature de récusation « {kind} » inconnue"
    ),
    "error.replay.recusal_duplicate": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : récusation déjà inscrite"
    ),
    "error.replay.recusal_missing": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : retrait d’une récusation absente"
    ),
    "error.replay.sheet_validated": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : feuille déjà validée"
    ),
    "error.replay.clear_missing": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : effacement d’une note absente"
    ),
    "error.replay.thresholds_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : seuils illisibles"
    ),
    "error.replay.export_order": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : export n° {number} après l’export n° {previous}"
    ),
    "error.replay.sealed_without_reason": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : modification d’une feuille validée sans motif"
    ),
    "error.replay.decision_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : décision du jury illisible"
    ),
    "error.replay.laureate_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : lauréat illisible"
    ),
    "error.replay.laureate_amount": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : montant du lauréat « {dossier} » invalide"
    ),
    "error.replay.laureate_duplicate": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : lauréat « {dossier} » en double"
    ),
    "error.replay.justification_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : justification illisible"
    ),
    # ------------------------------------- the exact layout of a result bundle (``zipcheck``)
    "error.layout.central_truncated": QT_TRANSLATE_NOOP("Messages", "répertoire central tronqué"),
    "error.layout.duplicate_entry": QT_TRANSLATE_NOOP("Messages", "entrée « {name} » en double"),
    "error.layout.central_extra": QT_TRANSLATE_NOOP(
        "Messages", "octets en trop dans le répertoire central"
    ),
    "error.layout.missing_entry": QT_TRANSLATE_NOOP("Messages", "entrée manquante : « {name} »"),
    "error.layout.gap_before_central": QT_TRANSLATE_NOOP(
        "Messages", "{count} octet(s) entre la dernière entrée et le répertoire central"
    ),
    "error.layout.too_short": QT_TRANSLATE_NOOP(
        "Messages", "le fichier est trop court pour être une archive ZIP"
    ),
    "error.layout.trailing_bytes": QT_TRANSLATE_NOOP(
        "Messages",
        "des octets suivent l’enregistrement de fin d’archive (commentaire ou ajout)",
    ),
    "error.layout.no_end": QT_TRANSLATE_NOOP(
        "Messages", "pas d’enregistrement de fin d’archive ZIP"
    ),
    "error.layout.comment": QT_TRANSLATE_NOOP("Messages", "l’archive porte un commentaire"),
    "error.layout.multi_disk": QT_TRANSLATE_NOOP("Messages", "archive en plusieurs volumes"),
    "error.layout.zip64": QT_TRANSLATE_NOOP("Messages", "archive ZIP64 (inutile pour ce paquet)"),
    "error.layout.entry_count": QT_TRANSLATE_NOOP(
        "Messages", "{count} entrées annoncées, exactement {expected} attendues"
    ),
    "error.layout.gap_before_end": QT_TRANSLATE_NOOP(
        "Messages",
        "le répertoire central n’est pas suivi immédiatement de la fin d’archive (octets en "
        "trop ou second enregistrement de fin)",
    ),
    "error.layout.central_size": QT_TRANSLATE_NOOP(
        "Messages", "répertoire central anormalement grand"
    ),
    "error.layout.central_corrupt": QT_TRANSLATE_NOOP("Messages", "répertoire central corrompu"),
    "error.layout.name": QT_TRANSLATE_NOOP("Messages", "nom d’entrée illisible"),
    "error.layout.unexpected_entry": QT_TRANSLATE_NOOP("Messages", "entrée en trop : « {name} »"),
    "error.layout.entry_comment": QT_TRANSLATE_NOOP(
        "Messages", "entrée « {name} » : commentaire ou volume inattendu"
    ),
    "error.layout.entry_attributes": QT_TRANSLATE_NOOP(
        "Messages", "entrée « {name} » : version requise ou attributs internes inattendus"
    ),
    "error.layout.link": QT_TRANSLATE_NOOP(
        "Messages", "entrée « {name} » : pas un fichier ordinaire"
    ),
    "error.layout.encrypted": QT_TRANSLATE_NOOP("Messages", "entrée « {name} » chiffrée"),
    "error.layout.data_descriptor": QT_TRANSLATE_NOOP(
        "Messages", "entrée « {name} » avec descripteur de données"
    ),
    "error.layout.flags": QT_TRANSLATE_NOOP(
        "Messages", "entrée « {name} » avec les indicateurs {flags}"
    ),
    "error.layout.compression": QT_TRANSLATE_NOOP(
        "Messages", "entrée « {name} » : méthode de compression {method} refusée"
    ),
    "error.layout.entry_zip64": QT_TRANSLATE_NOOP(
        "Messages", "entrée « {name} » : champ supplémentaire ZIP64 ou corrompu"
    ),
    "error.layout.entry_size": QT_TRANSLATE_NOOP(
        "Messages", "entrée « {name} » : {size} octets annoncés, au plus {limit}"
    ),
    "error.layout.sizes": QT_TRANSLATE_NOOP("Messages", "entrée « {name} » : tailles incohérentes"),
    "error.layout.offset": QT_TRANSLATE_NOOP(
        "Messages",
        "l’entrée « {name} » commence à l’octet {offset}, {expected} attendu (les entrées se "
        "suivent depuis l’octet 0, sans intervalle)",
    ),
    "error.layout.local_header": QT_TRANSLATE_NOOP(
        "Messages", "en-tête local de « {name} » absent"
    ),
    "error.layout.local_mismatch": QT_TRANSLATE_NOOP(
        "Messages",
        "l’en-tête local de « {name} » diffère du répertoire central (nom, méthode, tailles, "
        "CRC, date, version ou champs supplémentaires)",
    ),
    "error.layout.content_too_long": QT_TRANSLATE_NOOP(
        "Messages", "« {name} » contient plus d’octets que son en-tête n’en annonce"
    ),
    "error.layout.content_truncated": QT_TRANSLATE_NOOP("Messages", "« {name} » est tronqué"),
    "error.layout.deflate_incomplete": QT_TRANSLATE_NOOP(
        "Messages", "« {name} » : flux deflate incomplet ou suivi d’octets"
    ),
    "error.layout.deflate_corrupt": QT_TRANSLATE_NOOP(
        "Messages", "« {name} » : données deflate corrompues"
    ),
    "error.layout.header_size": QT_TRANSLATE_NOOP(
        "Messages", "« {name} » : l’en-tête annonce {announced} octets, l’entrée en contient {got}"
    ),
    "error.layout.crc": QT_TRANSLATE_NOOP(
        "Messages", "« {name} » : le CRC-32 ne correspond pas à l’en-tête"
    ),
    # ------------------------------------- what differs from the replay (``replay.Difference``)
    "error.diff.state.session": QT_TRANSLATE_NOOP(
        "Messages", "session : base {mine}, journal/manifeste {theirs}"
    ),
    "error.diff.state.manifest_sha256": QT_TRANSLATE_NOOP(
        "Messages", "SHA-256 du manifeste : base {mine}, journal/manifeste {theirs}"
    ),
    "error.diff.state.demo": QT_TRANSLATE_NOOP(
        "Messages", "session de démonstration : base {mine}, journal/manifeste {theirs}"
    ),
    "error.diff.state.criteria": QT_TRANSLATE_NOOP(
        "Messages", "critères : base {mine}, journal/manifeste {theirs}"
    ),
    "error.diff.state.jurors": QT_TRANSLATE_NOOP(
        "Messages", "jurés : base {mine}, journal/manifeste {theirs}"
    ),
    "error.diff.state.dossier": QT_TRANSLATE_NOOP(
        "Messages", "dossier « {dossier} », {field} : base {mine}, journal/manifeste {theirs}"
    ),
    "error.diff.state.conflicts": QT_TRANSLATE_NOOP(
        "Messages", "conflits d’intérêts : base {mine}, journal/manifeste {theirs}"
    ),
    "error.diff.state.present": QT_TRANSLATE_NOOP(
        "Messages", "jurés présents : base {mine}, journal/manifeste {theirs}"
    ),
    "error.diff.state.sealed": QT_TRANSLATE_NOOP(
        "Messages", "feuilles validées : base {mine}, journal {theirs}"
    ),
    "error.diff.state.recusal": QT_TRANSLATE_NOOP(
        "Messages", "récusation {juror} / {dossier} : base {mine}, journal/manifeste {theirs}"
    ),
    "error.diff.state.score": QT_TRANSLATE_NOOP(
        "Messages",
        "note {dossier} / {juror} / {criterion} : base {mine}, journal/manifeste {theirs}",
    ),
    "error.diff.state.comment": QT_TRANSLATE_NOOP(
        "Messages", "commentaire {dossier} / {juror} : base {mine}, journal/manifeste {theirs}"
    ),
    "error.diff.state.opinion": QT_TRANSLATE_NOOP(
        "Messages", "avis motivé du dossier « {dossier} » : base {mine}, journal/manifeste {theirs}"
    ),
    "error.diff.state.invalid_reason": QT_TRANSLATE_NOOP(
        "Messages",
        "motif de non-validité du dossier « {dossier} » : base {mine}, journal/manifeste {theirs}",
    ),
    "error.diff.state.departure": QT_TRANSLATE_NOOP(
        "Messages",
        "justification d’écart du dossier « {dossier} » : base {mine}, journal/manifeste {theirs}",
    ),
    "error.diff.state.hearing": QT_TRANSLATE_NOOP(
        "Messages", "audition du dossier « {dossier} » : base {mine}, journal/manifeste {theirs}"
    ),
    "error.diff.state.notes": QT_TRANSLATE_NOOP(
        "Messages", "notes de délibération : base {mine}, journal/manifeste {theirs}"
    ),
    "error.diff.state.opened": QT_TRANSLATE_NOOP(
        "Messages", "ouverture de la délibération : base {mine}, journal/manifeste {theirs}"
    ),
    "error.diff.state.closed": QT_TRANSLATE_NOOP(
        "Messages", "clôture de la délibération : base {mine}, journal/manifeste {theirs}"
    ),
    "error.diff.state.decision_made": QT_TRANSLATE_NOOP(
        "Messages", "liste arrêtée par le jury : base {mine}, journal/manifeste {theirs}"
    ),
    "error.diff.state.laureates": QT_TRANSLATE_NOOP(
        "Messages", "lauréats : base {mine}, journal/manifeste {theirs}"
    ),
    "error.diff.state.sd_threshold": QT_TRANSLATE_NOOP(
        "Messages", "seuil d’écart-type : base {mine}, journal/manifeste {theirs}"
    ),
    "error.diff.state.range_threshold": QT_TRANSLATE_NOOP(
        "Messages", "seuil d’amplitude : base {mine}, journal/manifeste {theirs}"
    ),
    "error.diff.state.export_seq": QT_TRANSLATE_NOOP(
        "Messages", "numéro d’export : base {mine}, journal/manifeste {theirs}"
    ),
    "error.diff.dossier_missing": QT_TRANSLATE_NOOP(
        "Messages", "dossier « {dossier} » absent du manifeste"
    ),
    "error.diff.dossier_list": QT_TRANSLATE_NOOP(
        "Messages", "la liste des dossiers diffère du manifeste"
    ),
    "error.diff.record.absent": QT_TRANSLATE_NOOP(
        "Messages", "jurés absents : result.json {mine}, journal {theirs}"
    ),
    "error.diff.record.present_count": QT_TRANSLATE_NOOP(
        "Messages", "nombre de présents : result.json {mine}, journal {theirs}"
    ),
    "error.diff.record.recusals": QT_TRANSLATE_NOOP(
        "Messages", "récusations de séance : result.json {mine}, journal {theirs}"
    ),
    "error.diff.record.score": QT_TRANSLATE_NOOP(
        "Messages", "note {score} : result.json {mine}, journal {theirs}"
    ),
    "error.diff.record.comments": QT_TRANSLATE_NOOP(
        "Messages", "commentaires : result.json {mine}, journal {theirs}"
    ),
    "error.diff.record.opinions": QT_TRANSLATE_NOOP(
        "Messages", "avis motivés : result.json {mine}, journal {theirs}"
    ),
    "error.diff.record.hearings": QT_TRANSLATE_NOOP(
        "Messages", "auditions : result.json {mine}, journal {theirs}"
    ),
    "error.diff.record.notes": QT_TRANSLATE_NOOP(
        "Messages", "notes de délibération : result.json {mine}, journal {theirs}"
    ),
    "error.diff.record.opened": QT_TRANSLATE_NOOP(
        "Messages", "ouverture : result.json {mine}, journal {theirs}"
    ),
    "error.diff.record.closed": QT_TRANSLATE_NOOP(
        "Messages", "clôture : result.json {mine}, journal {theirs}"
    ),
    "error.diff.record.laureates": QT_TRANSLATE_NOOP(
        "Messages", "lauréats : result.json {mine}, journal {theirs}"
    ),
    "error.diff.record.export_seq": QT_TRANSLATE_NOOP(
        "Messages", "numéro d’export : result.json {mine}, journal {theirs}"
    ),
    "error.diff.document.missing": QT_TRANSLATE_NOOP("Messages", "« {path} » manque"),
    "error.diff.document.extra": QT_TRANSLATE_NOOP("Messages", "« {path} » n’a pas lieu d’être"),
    "error.diff.document.length": QT_TRANSLATE_NOOP(
        "Messages", "« {path} » : {count} élément(s), {expected} attendu(s)"
    ),
    "error.diff.document.value": QT_TRANSLATE_NOOP(
        "Messages", "« {path} » vaut {value}, {expected} attendu"
    ),
    "error.tamper.result_json": QT_TRANSLATE_NOOP("Messages", "result.json : {message}"),
    "check.replay.differs": QT_TRANSLATE_NOOP(
        "Messages", "result.json ne correspond pas au journal d’audit : {messages}"
    ),
    # ---------------------------------------------------------------- strict JSON
    "error.json.duplicate_key": QT_TRANSLATE_NOOP("Messages", "clé « {member} » en double"),
    "error.json.not_a_number": QT_TRANSLATE_NOOP("Messages", "« {name} » n’est pas un nombre JSON"),
    "error.json.minus_zero_integer": QT_TRANSLATE_NOOP(
        "Messages", "« -0 » n’est pas un entier admis"
    ),
    "error.json.integer_range": QT_TRANSLATE_NOOP("Messages", "entier {value} hors de ±(2^53 − 1)"),
    "error.json.number_too_long": QT_TRANSLATE_NOOP("Messages", "nombre {value} trop long"),
    "error.json.number_invalid": QT_TRANSLATE_NOOP("Messages", "nombre {value} invalide"),
    "error.json.number_range": QT_TRANSLATE_NOOP(
        "Messages", "nombre {value} hors des bornes admises"
    ),
    "error.json.minus_zero": QT_TRANSLATE_NOOP(
        "Messages", "« {value} » (zéro négatif) n’est pas un nombre admis"
    ),
    "error.json.too_large": QT_TRANSLATE_NOOP("Messages", "{size} octets, au plus {limit} admis"),
    "error.json.too_many_containers": QT_TRANSLATE_NOOP(
        "Messages", "{count} objets ou listes, au plus {limit} admis"
    ),
    "error.json.bom": QT_TRANSLATE_NOOP(
        "Messages", "le fichier commence par une marque d’ordre des octets (BOM)"
    ),
    "error.json.not_utf8": QT_TRANSLATE_NOOP(
        "Messages", "le fichier n’est pas en UTF-8 (octet {offset})"
    ),
    "error.json.too_deep": QT_TRANSLATE_NOOP("Messages", "imbrication de plus de {limit} niveaux"),
    "error.json.syntax": QT_TRANSLATE_NOOP(
        "Messages", "erreur de syntaxe ligne {line}, colonne {column}"
    ),
    "error.json.audit_line_too_long": QT_TRANSLATE_NOOP(
        "Messages", "ligne de plus de {limit} octets dans audit.jsonl"
    ),
    "error.json.audit_line_empty": QT_TRANSLATE_NOOP("Messages", "ligne vide dans audit.jsonl"),
    "error.json.audit_line_not_object": QT_TRANSLATE_NOOP(
        "Messages", "une ligne n’est pas un objet JSON"
    ),
    # ---------------------------------------------------------------- JSON Schema rules
    "error.schema.required": QT_TRANSLATE_NOOP("Messages", "champ obligatoire « {field} » absent"),
    "error.schema.additional": QT_TRANSLATE_NOOP("Messages", "propriété inconnue « {fields} »"),
    "error.schema.type.string": QT_TRANSLATE_NOOP("Messages", "{value} devrait être un texte"),
    "error.schema.type.integer": QT_TRANSLATE_NOOP(
        "Messages", "{value} devrait être un nombre entier"
    ),
    "error.schema.type.number": QT_TRANSLATE_NOOP("Messages", "{value} devrait être un nombre"),
    "error.schema.type.object": QT_TRANSLATE_NOOP("Messages", "{value} devrait être un objet"),
    "error.schema.type.array": QT_TRANSLATE_NOOP("Messages", "{value} devrait être une liste"),
    "error.schema.type.null": QT_TRANSLATE_NOOP("Messages", "{value} devrait être null"),
    "error.schema.type.boolean": QT_TRANSLATE_NOOP("Messages", "{value} devrait être un booléen"),
    "error.schema.type": QT_TRANSLATE_NOOP("Messages", "{value} devrait être de type JSON {types}"),
    "error.schema.minimum": QT_TRANSLATE_NOOP(
        "Messages", "{value} devrait être supérieur ou égal à {bound}"
    ),
    "error.schema.exclusiveMinimum": QT_TRANSLATE_NOOP(
        "Messages", "{value} devrait être strictement supérieur à {bound}"
    ),
    "error.schema.maximum": QT_TRANSLATE_NOOP(
        "Messages", "{value} devrait être inférieur ou égal à {bound}"
    ),
    "error.schema.exclusiveMaximum": QT_TRANSLATE_NOOP(
        "Messages", "{value} devrait être strictement inférieur à {bound}"
    ),
    "error.schema.enum": QT_TRANSLATE_NOOP(
        "Messages", "{value} n’est pas une valeur admise (valeurs admises : {admitted})"
    ),
    "error.schema.const": QT_TRANSLATE_NOOP("Messages", "{value} au lieu de {expected}"),
    "error.schema.pattern": QT_TRANSLATE_NOOP("Messages", "{value} n’a pas la forme attendue"),
    "error.schema.format": QT_TRANSLATE_NOOP(
        "Messages", "{value} n’est pas une valeur « {format} » valide"
    ),
    "error.schema.empty_text": QT_TRANSLATE_NOOP("Messages", "texte vide"),
    "error.schema.minLength": QT_TRANSLATE_NOOP(
        "Messages", "texte trop court (au moins {limit} caractères)"
    ),
    "error.schema.maxLength": QT_TRANSLATE_NOOP(
        "Messages", "texte trop long (au plus {limit} caractères)"
    ),
    "error.schema.empty_list": QT_TRANSLATE_NOOP("Messages", "liste vide"),
    "error.schema.minItems": QT_TRANSLATE_NOOP(
        "Messages", "liste trop courte (au moins {limit} éléments)"
    ),
    "error.schema.maxItems": QT_TRANSLATE_NOOP(
        "Messages", "liste trop longue (au plus {limit} éléments)"
    ),
    "error.schema.oneOf": QT_TRANSLATE_NOOP(
        "Messages", "{value} ne correspond à aucune des formes admises"
    ),
    "error.schema.other": QT_TRANSLATE_NOOP(
        "Messages", "{value} ne respecte pas la règle « {rule} » du schéma"
    ),
    # ---------------------------------------------------------------- text fields
    "error.text.at": QT_TRANSLATE_NOOP("Messages", "en « {path} » : {message}"),
    "error.text.bidi": QT_TRANSLATE_NOOP(
        "Messages",
        "caractère de contrôle bidirectionnel {char} en position {position} "
        "(il peut inverser l’ordre de ce qui s’affiche)",
    ),
    "error.text.control": QT_TRANSLATE_NOOP(
        "Messages", "caractère de contrôle {char} en position {position}"
    ),
    "error.text.invisible": QT_TRANSLATE_NOOP(
        "Messages", "le nom du juré « {juror} » contient un caractère invisible {char}"
    ),
    "error.text.lookalike": QT_TRANSLATE_NOOP(
        "Messages",
        "les jurés « {first} » et « {second} » ont des noms qui se confondent à la lecture "
        "(mêmes lettres une fois les majuscules, accents, caractères invisibles et lettres "
        "d’autres alphabets d’aspect latin ramenés à l’identique)",
    ),
    "error.text.reference_duplicate": QT_TRANSLATE_NOOP(
        "Messages",
        "la référence « {reference} » est celle de deux dossiers (« {first} » et « {second} »)",
    ),
    # ---------------------------------------------------------------- signatures and keys
    "error.jws.not_detached": QT_TRANSLATE_NOOP(
        "Messages", "la signature n’est pas un JWS détaché compact (« en-tête..signature »)"
    ),
    "error.jws.unreadable": QT_TRANSLATE_NOOP(
        "Messages", "l’en-tête ou la signature du JWS est illisible"
    ),
    "error.jws.header_not_object": QT_TRANSLATE_NOOP(
        "Messages", "l’en-tête du JWS n’est pas un objet JSON"
    ),
    "error.jws.crit": QT_TRANSLATE_NOOP(
        "Messages",
        "l’en-tête du JWS déclare des extensions critiques (« crit ») non prises en charge",
    ),
    "error.jws.no_kid": QT_TRANSLATE_NOOP(
        "Messages", "l’en-tête du JWS ne donne pas l’empreinte (« kid ») de la clé qui a signé"
    ),
    "error.jws.alg": QT_TRANSLATE_NOOP(
        "Messages", "algorithme de signature « {alg} » refusé (ES256 ou PS256 attendu)"
    ),
    "error.jws.header_params": QT_TRANSLATE_NOOP(
        "Messages", "l’en-tête du JWS contient des paramètres non pris en charge"
    ),
    "error.jws.untrusted": QT_TRANSLATE_NOOP(
        "Messages", "la clé « {kid} » qui a signé n’est pas une clé de confiance"
    ),
    "error.jws.invalid": QT_TRANSLATE_NOOP(
        "Messages",
        "la signature ne correspond pas au contenu signé (fichier modifié ou mauvaise clé)",
    ),
    "error.key.curve": QT_TRANSLATE_NOOP("Messages", "Seules les clés EC P-256 sont acceptées."),
    "error.key.pkcs12_unreadable": QT_TRANSLATE_NOOP(
        "Messages",
        "Le certificat PKCS#12 « {file} » est illisible ou le mot de passe est faux.",
    ),
    "error.key.unreadable": QT_TRANSLATE_NOOP("Messages", "La clé « {file} » est illisible."),
    "error.key.type": QT_TRANSLATE_NOOP(
        "Messages", "« {file} » ne contient pas de clé EC P-256 ou RSA."
    ),
    "error.key_file.not_found": QT_TRANSLATE_NOOP("Messages", "La clé « {path} » est introuvable."),
    "error.key_file.unreadable": QT_TRANSLATE_NOOP("Messages", "La clé « {path} » est illisible."),
    "error.jwks_file.not_found": QT_TRANSLATE_NOOP(
        "Messages", "Le fichier de clés de confiance « {path} » est introuvable."
    ),
    "error.jwks_file.unreadable": QT_TRANSLATE_NOOP(
        "Messages", "Le fichier de clés de confiance « {path} » est illisible."
    ),
    "error.jwks.unreadable": QT_TRANSLATE_NOOP(
        "Messages", "Le fichier de clés de confiance « {file} » est illisible."
    ),
    "error.jwks.not_a_set": QT_TRANSLATE_NOOP(
        "Messages", "Le fichier « {file} » n’est pas un jeu de clés JWK."
    ),
    # ---------------------------------------------------------------- files, hearings, sheets
    "error.hearing_start_unreadable": QT_TRANSLATE_NOOP(
        "Messages",
        "Heure de début « {time} » illisible : attendu par exemple 2026-06-18T14:05:00+02:00.",
    ),
    "error.hearing_start_no_zone": QT_TRANSLATE_NOOP(
        "Messages",
        "Heure de début « {time} » sans date complète ou sans fuseau (par exemple +02:00).",
    ),
    "error.hearing_duration_not_integer.presentation": QT_TRANSLATE_NOOP(
        "Messages", "Durée de présentation « {text} » : un nombre entier de secondes est attendu."
    ),
    "error.hearing_duration_not_integer.questions": QT_TRANSLATE_NOOP(
        "Messages", "Durée de questions « {text} » : un nombre entier de secondes est attendu."
    ),
    "error.hearing_duration_too_long.presentation": QT_TRANSLATE_NOOP(
        "Messages",
        "Durée de présentation de {seconds} s : plus de quatre heures, sans doute une erreur "
        "de saisie.",
    ),
    "error.hearing_duration_too_long.questions": QT_TRANSLATE_NOOP(
        "Messages",
        "Durée de questions de {seconds} s : plus de quatre heures, sans doute une erreur de "
        "saisie.",
    ),
    "error.hearing_reason_required": QT_TRANSLATE_NOOP(
        "Messages",
        "Le motif est une phrase d’au moins 20 caractères (par exemple « Audition tenue sur "
        "papier après la panne de l’ordinateur »).",
    ),
    "error.hearing_csv_header": QT_TRANSLATE_NOOP(
        "Messages",
        "Ligne {line} : en-tête attendu « {expected} », trouvé « {found} ». Aucune audition "
        "n’a été enregistrée.",
    ),
    "error.hearing_csv_columns": QT_TRANSLATE_NOOP(
        "Messages",
        "Ligne {line} : {expected} colonnes attendues, {found} trouvées. Aucune audition n’a "
        "été enregistrée.",
    ),
    "error.hearing_row": QT_TRANSLATE_NOOP(
        "Messages",
        "Ligne {line} (dossier {dossier}) : {message} Aucune audition n’a été enregistrée.",
    ),
    "error.hearing_csv_empty": QT_TRANSLATE_NOOP(
        "Messages", "Le fichier CSV est vide. Aucune audition n’a été enregistrée."
    ),
    "error.hearing_duplicate": QT_TRANSLATE_NOOP(
        "Messages",
        "Le dossier {dossier} figure deux fois. Aucune audition n’a été enregistrée.",
    ),
    "error.sheets_refused": QT_TRANSLATE_NOOP(
        "Messages",
        "Des lignes sont refusées : corrigez le fichier (ou écartez explicitement les jurés "
        "absents ou récusés). Aucune note n’a été enregistrée.",
    ),
    "error.sheet_csv_header": QT_TRANSLATE_NOOP(
        "Messages", "Ligne {line} : en-tête attendu « {expected} », trouvé « {found} »."
    ),
    "error.sheet_csv_columns": QT_TRANSLATE_NOOP(
        "Messages", "Ligne {line} : 4 colonnes attendues, {found} trouvées."
    ),
    "error.sheet_csv_empty": QT_TRANSLATE_NOOP("Messages", "Le fichier CSV est vide."),
    "error.csv_encoding": QT_TRANSLATE_NOOP(
        "Messages",
        "Le fichier CSV n’est lisible ni en UTF-8 ni en Windows-1252 (octet {offset}). Dans "
        "Excel, enregistrez-le en « CSV UTF-8 (délimité par des virgules) ». Aucune note n’a "
        "été enregistrée.",
    ),
    "error.audit_chain_broken": QT_TRANSLATE_NOOP(
        "Messages",
        "Le journal d’audit de cette session est altéré ({message}) : la "
        "base a été modifiée hors de jury_desk, ses résultats ne sont plus attestés et ne "
        "peuvent être ni calculés ni exportés. Restaurez le dernier instantané intact (menu "
        "Fichier, ou « jury-desk restore »). Rien n’a été modifié.",
    ),
    "error.chain.missing": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} manquante ou déplacée (trouvé n° {found})"
    ),
    "error.chain.link": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : le lien vers l’entrée précédente est rompu"
    ),
    "error.chain.hash": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : son contenu a été modifié (empreinte différente)"
    ),
    "error.chain.unreadable": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} illisible comme ligne d’audit.jsonl : {message}"
    ),
    "error.chain.row": QT_TRANSLATE_NOOP(
        "Messages", "entrée n° {seq} : une colonne de la table n’a pas le type attendu"
    ),
    "error.audit_entry_too_large": QT_TRANSLATE_NOOP(
        "Messages",
        "Ce texte est trop long, ou compte trop d’accolades et de crochets, pour être inscrit "
        "au journal d’audit : raccourcissez-le. Rien n’a été enregistré.",
    ),
    "error.snapshot_missing": QT_TRANSLATE_NOOP("Messages", "Instantané introuvable : « {path} »."),
    "error.snapshot_unreadable": QT_TRANSLATE_NOOP(
        "Messages",
        "L’instantané « {file} » est illisible : il ne peut pas être restauré. Choisissez-en "
        "un autre.",
    ),
    "error.snapshot_corrupt": QT_TRANSLATE_NOOP(
        "Messages",
        "L’instantané « {file} » est endommagé (contrôle d’intégrité SQLite) : il ne peut pas "
        "être restauré. Choisissez-en un autre.",
    ),
    "error.snapshot_not_jury_desk": QT_TRANSLATE_NOOP(
        "Messages", "« {file} » n’est pas une base jury_desk : rien n’a été restauré."
    ),
    "error.snapshot_too_new": QT_TRANSLATE_NOOP(
        "Messages",
        "L’instantané « {file} » vient d’une version plus récente de jury_desk (schéma "
        "{version}, cette version lit jusqu’au schéma {supported}). Installez la dernière "
        "version de l’application pour le restaurer.",
    ),
    "error.restore_file_locked": QT_TRANSLATE_NOOP(
        "Messages",
        "La base « {db} » est encore ouverte (fichier « {file} » verrouillé) : fermez-la "
        "avant de restaurer. Rien n’a été remplacé.",
    ),
    "error.restore_before_export": QT_TRANSLATE_NOOP(
        "Messages",
        "Cet instantané est antérieur à l’export n° {export} déjà écrit et vérifié pour la "
        "session « {session} » : le restaurer effacerait du journal d’audit un export qui a pu "
        "être remis au siège. Restauration refusée ; rouvrez la délibération (avec un motif) "
        "pour corriger.",
    ),
    "error.purge_refused": QT_TRANSLATE_NOOP(
        "Messages",
        "Purge refusée : des résultats n’ont pas encore été remis en lieu sûr. Rien n’a été "
        "effacé (--force pour purger malgré tout).",
    ),
    "error.unknown_session_in": QT_TRANSLATE_NOOP(
        "Messages", "Aucune session « {session} » dans « {db} »."
    ),
    "error.unknown_attachment": QT_TRANSLATE_NOOP(
        "Messages", "Le dossier {dossier} n’a pas de pièce jointe n° {position}."
    ),
    "error.no_session": QT_TRANSLATE_NOOP(
        "Messages",
        "La base « {db} » ne contient aucune session : importez d’abord un paquet de session.",
    ),
    "error.key_file_exists": QT_TRANSLATE_NOOP(
        "Messages", "« {path} » existe déjà ; utilisez --force pour le remplacer."
    ),
    "error.key_exists": QT_TRANSLATE_NOOP(
        "Messages", "Cette installation a déjà une clé ; utilisez --force pour la remplacer."
    ),
    "error.p12_no_cert": QT_TRANSLATE_NOOP(
        "Messages", "Le fichier PKCS#12 ne contient pas de certificat."
    ),
    # ---------------------------------------------------------- exporting (``export.STEPS``)
    "export.step.snapshot": QT_TRANSLATE_NOOP("Messages", "Instantané de la base"),
    "export.step.close": QT_TRANSLATE_NOOP("Messages", "Clôture de la délibération"),
    "export.step.audit": QT_TRANSLATE_NOOP(
        "Messages", "Inscription de l’export au journal d’audit"
    ),
    "export.step.pv_layout": QT_TRANSLATE_NOOP("Messages", "Mise en page du procès-verbal"),
    "export.step.pv_signature": QT_TRANSLATE_NOOP("Messages", "Signature du procès-verbal"),
    "export.step.result": QT_TRANSLATE_NOOP("Messages", "result.json et sa signature"),
    "export.step.archive": QT_TRANSLATE_NOOP("Messages", "Écriture de l’archive"),
    # ---------------------------------------------------------- verifying a result bundle
    "check.label.structure": QT_TRANSLATE_NOOP("Messages", "Structure de l’archive"),
    "check.label.jws": QT_TRANSLATE_NOOP("Messages", "Signature JWS de result.json"),
    "check.label.schema": QT_TRANSLATE_NOOP("Messages", "Conformité de result.json au schéma"),
    "check.label.pv_hash": QT_TRANSLATE_NOOP("Messages", "Empreinte de proces-verbal.pdf"),
    "check.label.audit_hash": QT_TRANSLATE_NOOP("Messages", "Empreinte de audit.jsonl"),
    "check.label.chain": QT_TRANSLATE_NOOP("Messages", "Chaîne du journal d’audit"),
    "check.label.replay": QT_TRANSLATE_NOOP(
        "Messages", "result.json recalculé depuis le journal d’audit"
    ),
    "check.label.manifest": QT_TRANSLATE_NOOP(
        "Messages", "Manifeste de la session (paquet du siège)"
    ),
    "check.label.semantic": QT_TRANSLATE_NOOP("Messages", "Cohérence des décisions"),
    "check.label.pdf_signature": QT_TRANSLATE_NOOP("Messages", "Signature PAdES du procès-verbal"),
    "check.structure.ok": QT_TRANSLATE_NOOP(
        "Messages", "exactement les quatre entrées attendues, contiguës, sans octet en trop"
    ),
    "check.jws.ok": QT_TRANSLATE_NOOP("Messages", "signé par la clé de confiance {kid}"),
    "check.schema.ok": QT_TRANSLATE_NOOP(
        "Messages", "format lai.result version 1, export n° {seq}"
    ),
    "check.hash.ok": QT_TRANSLATE_NOOP("Messages", "{size} octets, SHA-256 {digest}…"),
    "check.manifest.ok": QT_TRANSLATE_NOOP(
        "Messages", "SHA-256 {digest}… égal à source_manifest_sha256"
    ),
    "check.chain.ok": QT_TRANSLATE_NOOP(
        "Messages",
        "{count} entrées chaînées depuis l’import du manifeste jusqu’à l’export n° {seq}, "
        "dernière empreinte {head}…",
    ),
    "check.chain.ok_at_export": QT_TRANSLATE_NOOP(
        "Messages",
        "{count} entrées chaînées depuis l’import du manifeste jusqu’à l’export n° {seq}, "
        "dernière empreinte {head}… : ce sont, octet pour octet, celles que l’export a lues "
        "et vérifiées avant de signer",
    ),
    "check.replay.ok_whole": QT_TRANSLATE_NOOP(
        "Messages",
        "identique au rejeu du journal entièrement (résultats, rangs et proposition par "
        "défaut recalculés)",
    ),
    "check.replay.ok_at_export": QT_TRANSLATE_NOOP(
        "Messages",
        "identique au rejeu du journal entièrement, fait par l’export avant de signer sur ces "
        "octets mêmes (résultats, rangs et proposition par défaut recalculés)",
    ),
    "check.replay.ok_records": QT_TRANSLATE_NOOP(
        "Messages",
        "identique au rejeu du journal pour les présences, récusations, notes, commentaires, "
        "auditions, avis et décisions du jury (le calcul des résultats demande "
        "--session-bundle)",
    ),
    "check.semantic.ok": QT_TRANSLATE_NOOP(
        "Messages", "lauréats, justifications, quorum et rangs cohérents"
    ),
    "check.pdf.ok": QT_TRANSLATE_NOOP(
        "Messages", "signé par « {name} » (clé {kid}), document intact"
    ),
    "check.pdf.ok_when": QT_TRANSLATE_NOOP(
        "Messages",
        "signé par « {name} » (clé {kid}), le {date} à {hour} h {minute}, document intact",
    ),
    "check.jws.not_ascii": QT_TRANSLATE_NOOP("Messages", "la signature n’est pas du texte ASCII"),
    "check.jws.declared_kid": QT_TRANSLATE_NOOP(
        "Messages",
        "result.json annonce la clé {declared} mais la signature est celle de la clé {kid}",
    ),
    "check.jws.declared_jwk": QT_TRANSLATE_NOOP(
        "Messages",
        "la clé publique donnée dans signer.jwk n’est pas celle qui a signé (clé {kid})",
    ),
    "check.hash.size": QT_TRANSLATE_NOOP(
        "Messages", "{size} octets, result.json en annonce {announced}"
    ),
    "check.hash.differs": QT_TRANSLATE_NOOP(
        "Messages", "le SHA-256 du fichier ne correspond pas à celui de result.json"
    ),
    "check.manifest.other_bundle": QT_TRANSLATE_NOOP(
        "Messages",
        "le manifeste de la session a le SHA-256 {digest}…, result.json se réfère à "
        "{declared}… : ce résultat ne porte pas sur ce paquet de session",
    ),
    "check.manifest.other_session": QT_TRANSLATE_NOOP(
        "Messages", "le manifeste est celui d’une autre session"
    ),
    "check.chain.broken": QT_TRANSLATE_NOOP(
        "Messages", "première entrée en défaut : n° {seq} — {message}"
    ),
    "check.chain.head": QT_TRANSLATE_NOOP(
        "Messages",
        "la dernière entrée ({head}…) n’est pas l’« audit_head » de result.json ({declared}…)",
    ),
    "check.chain.no_export": QT_TRANSLATE_NOOP(
        "Messages",
        "le journal ne se termine pas par l’inscription de l’export n° {seq} (journal coupé "
        "ou export remplacé)",
    ),
    "check.refused.bundle_refused": QT_TRANSLATE_NOOP("Messages", "{message}"),
    "check.refused.bundle_refused_entry": QT_TRANSLATE_NOOP(
        "Messages", "entrée « {entry} » : {message}"
    ),
    "check.problem": QT_TRANSLATE_NOOP("Messages", "{message}"),
    "check.result_not_strict": QT_TRANSLATE_NOOP(
        "Messages", "result.json n’est pas du JSON strict ({message})"
    ),
    "check.audit_unreadable": QT_TRANSLATE_NOOP("Messages", "audit.jsonl illisible ({message})"),
    "error.export_tampered": QT_TRANSLATE_NOOP(
        "Messages",
        "Export refusé : la base de données ne correspond pas à ce qu’établissent le manifeste "
        "signé par le siège et le journal d’audit ({message}). La base a pu être modifiée hors "
        "de l’application ; restaurez un instantané intact ou signalez-le au siège. Rien n’a "
        "été modifié.",
    ),
    "error.justification_not_sentence": QT_TRANSLATE_NOOP(
        "Messages",
        "Export refusé : la justification du dossier « {dossier} » (« {text} ») n’est pas une "
        "phrase (20 caractères au moins, avec des lettres). Complétez-la dans la décision du "
        "jury. Rien n’a été modifié.",
    ),
    "error.tamper.chain_broken_at": QT_TRANSLATE_NOOP(
        "Messages", "journal d’audit rompu à l’entrée n° {seq}"
    ),
    "error.tamper.chain_broken": QT_TRANSLATE_NOOP(
        "Messages", "journal d’audit rompu à l’entrée n° {seq} : {message}"
    ),
    "error.tamper.manifest_unreadable.bundle_refused": QT_TRANSLATE_NOOP(
        "Messages", "manifeste enregistré illisible : {message}"
    ),
    "error.tamper.manifest_unreadable.bundle_refused_entry": QT_TRANSLATE_NOOP(
        "Messages", "manifeste enregistré illisible : entrée « {entry} » : {message}"
    ),
    "error.tamper.manifest_signature": QT_TRANSLATE_NOOP(
        "Messages", "le manifeste enregistré ne vérifie plus sa signature ({message})"
    ),
    "error.tamper.demo_manifest": QT_TRANSLATE_NOOP(
        "Messages", "manifeste de démonstration modifié"
    ),
    "error.signer": QT_TRANSLATE_NOOP(
        "Messages",
        "Le nom du signataire du procès-verbal doit compter de 3 à {max} caractères, sans "
        "caractère de contrôle, et sa qualité au plus {max}.",
    ),
    "error.no_key": QT_TRANSLATE_NOOP(
        "Messages", "Cette installation n’a pas encore de clé (jury-desk keys new)."
    ),
    "error.db_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "Le fichier « {path} » n’est pas une base jury_desk lisible ({detail})."
    ),
    "error.db_too_new": QT_TRANSLATE_NOOP(
        "Messages",
        "La base « {path} » a été écrite par une version plus récente de jury_desk (schéma "
        "{version}, cette version lit jusqu’au schéma {supported}). Installez la dernière "
        "version de l’application ; la base n’a pas été modifiée.",
    ),
    "error.key_protect": QT_TRANSLATE_NOOP(
        "Messages",
        "Windows n’a pas pu protéger la clé de signature (DPAPI : {detail}). Rien n’a été "
        "enregistré.",
    ),
    "error.key_protected": QT_TRANSLATE_NOOP(
        "Messages",
        "La clé « {file} » est protégée par Windows pour un autre compte utilisateur ou un "
        "autre ordinateur : elle ne peut pas être lue ici. Créez une clé pour ce poste "
        "(jury-desk keys new --force) ou réimportez le certificat du siège (jury-desk keys "
        "import).",
    ),
    "error.settings_unwritable": QT_TRANSLATE_NOOP(
        "Messages",
        "Les préférences n’ont pas pu être enregistrées dans « {path} » ({detail}). Les "
        "préférences précédentes sont conservées.",
    ),
    # ------------------------------------------------- the machine in the way (environment)
    # What a failure concerns (``subject``): worded as {what}, {What}, {of_what}, {to_what}.
    "subject.db": QT_TRANSLATE_NOOP("Messages", "la base de données"),
    "subject.db.of": QT_TRANSLATE_NOOP("Messages", "de la base de données"),
    "subject.db.to": QT_TRANSLATE_NOOP("Messages", "à la base de données"),
    "subject.db_named": QT_TRANSLATE_NOOP("Messages", "la base « {path} »"),
    "subject.db_named.of": QT_TRANSLATE_NOOP("Messages", "de la base « {path} »"),
    "subject.db_named.to": QT_TRANSLATE_NOOP("Messages", "à la base « {path} »"),
    "subject.file": QT_TRANSLATE_NOOP("Messages", "le fichier"),
    "subject.file.of": QT_TRANSLATE_NOOP("Messages", "du fichier"),
    "subject.file.to": QT_TRANSLATE_NOOP("Messages", "au fichier"),
    "subject.file_named": QT_TRANSLATE_NOOP("Messages", "le fichier « {path} »"),
    "subject.file_named.of": QT_TRANSLATE_NOOP("Messages", "du fichier « {path} »"),
    "subject.file_named.to": QT_TRANSLATE_NOOP("Messages", "au fichier « {path} »"),
    # What was (not) changed, said after the cause (``after``): worded as {after}.
    "after.nothing_changed": QT_TRANSLATE_NOOP("Messages", "Rien n’a été modifié."),
    "after.failure_recorded": QT_TRANSLATE_NOOP(
        "Messages", "L’échec de l’export n° {seq} est inscrit au journal d’audit."
    ),
    "after.deliberation_open": QT_TRANSLATE_NOOP("Messages", "La délibération est restée ouverte."),
    "after.deliberation_not_reopened": QT_TRANSLATE_NOOP(
        "Messages",
        "La délibération n’a pas pu être rouverte tout de suite : elle le sera au prochain "
        "démarrage de jury_desk (ou rouvrez-la avec un motif).",
    ),
    "after.export_retry": QT_TRANSLATE_NOOP("Messages", "Vous pouvez relancer l’export."),
    "error.env.full": QT_TRANSLATE_NOOP(
        "Messages",
        "Le disque qui contient {what} est plein : libérez de la place (ou choisissez un autre "
        "emplacement), puis recommencez.{after}",
    ),
    "error.env.toobig": QT_TRANSLATE_NOOP(
        "Messages",
        "{What} a atteint la taille maximale permise sur ce support : choisissez un autre "
        "emplacement, puis recommencez.{after}",
    ),
    "error.env.readonly.db": QT_TRANSLATE_NOOP(
        "Messages",
        "{What} est en lecture seule (support protégé en écriture, fichier en lecture seule ou "
        "dossier synchronisé) : copiez-la dans un dossier où vous pouvez écrire, ou retirez la "
        "protection, puis recommencez.{after}",
    ),
    "error.env.readonly.file": QT_TRANSLATE_NOOP(
        "Messages",
        "{What} est en lecture seule (support protégé en écriture, fichier en lecture seule ou "
        "dossier synchronisé) : copiez-le dans un dossier où vous pouvez écrire, ou retirez la "
        "protection, puis recommencez.{after}",
    ),
    "error.env.denied": QT_TRANSLATE_NOOP(
        "Messages",
        "Accès refusé {to_what} : vérifiez les droits du fichier et de son dossier (ou "
        "demandez-les au service informatique), puis recommencez.{after}",
    ),
    "error.env.locked": QT_TRANSLATE_NOOP(
        "Messages",
        "{What} est verrouillée par un autre programme (une autre fenêtre de jury_desk, une "
        "sauvegarde, un antivirus) : fermez-le, puis recommencez.{after}",
    ),
    "error.env.corrupt": QT_TRANSLATE_NOOP(
        "Messages",
        "{What} est endommagée : restaurez le dernier instantané (menu Fichier, ou « jury-desk "
        "restore »), puis recommencez.{after}",
    ),
    "error.env.cantopen": QT_TRANSLATE_NOOP(
        "Messages",
        "{What} ne peut pas être ouverte (dossier absent, droits insuffisants ou support "
        "retiré) : vérifiez son emplacement, puis recommencez.{after}",
    ),
    "error.env.io": QT_TRANSLATE_NOOP(
        "Messages",
        "Erreur de lecture ou d’écriture sur le support {of_what} (clé retirée, disque "
        "défaillant ?) : vérifiez le support, faites une copie de la base, puis "
        "recommencez.{after}",
    ),
    # A file held open by another program (fsutil.FileInUse): {action} from ``action_code``.
    "action.replace": QT_TRANSLATE_NOOP("Messages", "de remplacer"),
    "action.rename": QT_TRANSLATE_NOOP("Messages", "de renommer"),
    "action.delete": QT_TRANSLATE_NOOP("Messages", "de supprimer"),
    "action.delete_folder": QT_TRANSLATE_NOOP("Messages", "de supprimer le dossier"),
    "error.file_in_use": QT_TRANSLATE_NOOP(
        "Messages",
        "Impossible {action} « {path} » : le fichier est ouvert par un autre programme depuis "
        "plus de deux secondes — l’antivirus qui l’analyse, l’indexation de Windows, OneDrive "
        "qui le synchronise, ou une autre fenêtre de jury_desk (ou l’Explorateur qui l’affiche "
        "en aperçu). Fermez ce programme ou attendez quelques secondes, puis recommencez. Rien "
        "n’a été perdu.",
    ),
    # Why the system refused a write of the export (``reason_code``): worded as {reason}.
    "reason.enospc": QT_TRANSLATE_NOOP("Messages", "le disque est plein"),
    "reason.edquot": QT_TRANSLATE_NOOP("Messages", "le quota d’espace disque est atteint"),
    "reason.efbig": QT_TRANSLATE_NOOP("Messages", "la taille maximale de fichier est atteinte"),
    "reason.erofs": QT_TRANSLATE_NOOP("Messages", "le dossier est en lecture seule"),
    "reason.eacces": QT_TRANSLATE_NOOP("Messages", "accès refusé (droits insuffisants)"),
    "reason.eperm": QT_TRANSLATE_NOOP("Messages", "opération non permise (droits insuffisants)"),
    "reason.enoent": QT_TRANSLATE_NOOP("Messages", "le dossier n’existe pas"),
    "reason.enotdir": QT_TRANSLATE_NOOP("Messages", "un élément du chemin n’est pas un dossier"),
    "reason.eisdir": QT_TRANSLATE_NOOP("Messages", "le nom désigne un dossier"),
    "reason.enametoolong": QT_TRANSLATE_NOOP("Messages", "le nom est trop long"),
    "reason.eio": QT_TRANSLATE_NOOP("Messages", "erreur d’entrée-sortie du support"),
    "reason.other": QT_TRANSLATE_NOOP("Messages", "{detail}"),
    "error.export_target_is_folder": QT_TRANSLATE_NOOP(
        "Messages", "Export impossible : « {path} » est un dossier ; donnez un nom de fichier .zip."
    ),
    "error.export_target": QT_TRANSLATE_NOOP(
        "Messages",
        "Export impossible : le dossier « {folder} » ne peut pas recevoir le fichier "
        "({reason}). Rien n’a été modifié.",
    ),
    "error.export_space": QT_TRANSLATE_NOOP(
        "Messages",
        "Export impossible dans « {folder} » : {reason} (il faut environ {megabytes} Mo). Rien "
        "n’a été modifié.",
    ),
    "error.export_write": QT_TRANSLATE_NOOP(
        "Messages",
        "Export impossible : le fichier « {path} » n’a pas pu être écrit ({reason}). Aucun "
        "fichier n’a été laissé.{after}",
    ),
    "error.export_failed": QT_TRANSLATE_NOOP(
        "Messages",
        "L’export a échoué (erreur interne : {error}). Aucun fichier n’a été écrit.{after} Si "
        "l’erreur se reproduit, signalez-la avec le journal technique.",
    ),
    # ------------------------------------------------ where a database or an export lives
    "risk.sqlite": QT_TRANSLATE_NOOP(
        "Messages",
        "SQLite ne garantit ni le verrouillage ni la durabilité des écritures à cet endroit : "
        "une coupure du réseau ou une clé retirée pendant la séance peut corrompre la base.",
    ),
    "advice.copy_local": QT_TRANSLATE_NOOP(
        "Messages",
        "Copiez le fichier sur le disque de l’ordinateur, dans un dossier que OneDrive ne "
        "synchronise pas (par exemple « C:\\Jury », ou le dossier de données de jury_desk "
        "ouvert par défaut), puis ouvrez cette copie ; les instantanés peuvent, eux, être "
        "copiés sur une clé USB (Préférences → second dossier d’instantanés).",
    ),
    "error.location.share": QT_TRANSLATE_NOOP(
        "Messages", "La base « {path} » est sur un partage réseau ({share}). {risk} {advice}"
    ),
    "error.location.network_drive": QT_TRANSLATE_NOOP(
        "Messages", "La base « {path} » est sur le lecteur réseau {drive}. {risk} {advice}"
    ),
    "error.location.removable": QT_TRANSLATE_NOOP(
        "Messages",
        "La base « {path} » est sur un support amovible ({drive}, clé USB ou carte mémoire). "
        "{risk} {advice}",
    ),
    "error.location.cdrom": QT_TRANSLATE_NOOP(
        "Messages",
        "La base « {path} » est sur un CD ou un DVD ({drive}), où rien ne peut être "
        "enregistré. {advice}",
    ),
    "error.location.onedrive": QT_TRANSLATE_NOOP(
        "Messages",
        "La base « {path} » est dans un dossier synchronisé par OneDrive (« {root} »). OneDrive "
        "envoie séparément la base et ses fichiers -wal et -shm, ce qui peut la corrompre, et "
        "les données personnelles partiraient dans le nuage. {advice}",
    ),
    "error.location.export_onedrive": QT_TRANSLATE_NOOP(
        "Messages",
        "Le dossier « {path} » est synchronisé par OneDrive (« {root} ») : le paquet de "
        "résultats, qui contient des données personnelles (noms, notes, commentaires), sera "
        "copié dans le nuage, et après la purge une copie restera dans la corbeille OneDrive. "
        "Préférez un dossier local non synchronisé (par exemple « C:\\Jury ») ou une clé USB.",
    ),
    # ------------------------------------------------ the copy to the second snapshot folder
    "error.secondary.busy": QT_TRANSLATE_NOOP(
        "Messages",
        "La copie précédente dans le second dossier « {root} » n’est pas terminée (dossier "
        "réseau hors ligne ou clé USB lente ?) : cet instantané n’y a pas été copié. "
        "L’instantané principal est bien enregistré : « {source} ».",
    ),
    "error.secondary.timeout": QT_TRANSLATE_NOOP(
        "Messages",
        "Le second dossier « {root} » ne répond pas (dossier réseau hors ligne ou clé USB "
        "lente ?) : la copie continue en arrière-plan. L’instantané principal est bien "
        "enregistré : « {source} ».",
    ),
    "error.secondary.missing": QT_TRANSLATE_NOOP(
        "Messages",
        "La copie de l’instantané dans le second dossier a échoué (dossier « {root} » "
        "introuvable (clé USB débranchée ?)). L’instantané principal est bien enregistré : "
        "« {source} ».",
    ),
    "error.secondary.failed": QT_TRANSLATE_NOOP(
        "Messages",
        "La copie de l’instantané dans le second dossier a échoué ({detail}). L’instantané "
        "principal est bien enregistré : « {source} ».",
    ),
    "error.secondary.refused": QT_TRANSLATE_NOOP(
        "Messages",
        "La copie de l’instantané dans le second dossier a échoué ({message}). L’instantané "
        "principal est bien enregistré : « {source} ».",
    ),
    # ------------------------------------------------------------ the purge of a database
    "error.purge.unreadable": QT_TRANSLATE_NOOP(
        "Messages",
        "La base « {db} » est illisible : impossible de vérifier que ses sessions ont été "
        "exportées.",
    ),
    "error.purge.never_exported": QT_TRANSLATE_NOOP(
        "Messages",
        "La session « {title} » n’a jamais été exportée : la purger effacerait le seul "
        "exemplaire de ses résultats.",
    ),
    "error.purge.not_verified": QT_TRANSLATE_NOOP(
        "Messages",
        "Le dernier export de la session « {title} » (n° {seq}, le {date} à {hour}\u00a0h\u00a0"
        "{minute}) n’a pas été vérifié et date de moins de {days} jours : vérifiez-le "
        "(jury-desk verify) avant de purger.",
    ),
    "error.purge.kept.not_a_file": QT_TRANSLATE_NOOP(
        "Messages", "n’est pas un fichier ordinaire : conservé"
    ),
    "error.purge.kept.no_digest": QT_TRANSLATE_NOOP(
        "Messages",
        "aucune empreinte enregistrée pour ce fichier (export non vérifié ou écrit par une "
        "version antérieure) : conservé, effacez-le vous-même s’il y a lieu",
    ),
    "error.purge.kept.changed": QT_TRANSLATE_NOOP(
        "Messages",
        "son contenu n’est pas celui qu’a écrit cette base (remplacé depuis, ou écrit par une "
        "autre base) : conservé",
    ),
    "error.purge.held": QT_TRANSLATE_NOOP("Messages", "{message}"),
    "error.purge.failed": QT_TRANSLATE_NOOP("Messages", "{detail}"),
    "error.purge.scrub": QT_TRANSLATE_NOOP("Messages", "nettoyage SQLite impossible ({detail})"),
    # ------------------------------------------- the PV's PAdES signature, when it fails
    "check.pdf.unreadable": QT_TRANSLATE_NOOP("Messages", "PDF illisible ({kind} : {error})"),
    "check.pdf.count": QT_TRANSLATE_NOOP(
        "Messages", "{count} signature(s) dans le PDF, une seule attendue"
    ),
    "check.pdf.cert_unreadable": QT_TRANSLATE_NOOP(
        "Messages", "certificat du signataire illisible ({error})"
    ),
    "check.pdf.other_key": QT_TRANSLATE_NOOP(
        "Messages", "le PDF est signé par la clé {kid}, pas par celle qui a signé result.json"
    ),
    "check.pdf.untrusted": QT_TRANSLATE_NOOP(
        "Messages", "la clé {kid} qui a signé le PDF n’est pas une clé de confiance"
    ),
    "check.pdf.invalid": QT_TRANSLATE_NOOP("Messages", "signature invalide ({error})"),
    "check.pdf.unverifiable": QT_TRANSLATE_NOOP(
        "Messages", "signature invérifiable ({kind} : {error})"
    ),
    "check.pdf.modified": QT_TRANSLATE_NOOP(
        "Messages", "le contenu signé a été modifié (empreinte différente)"
    ),
    "check.pdf.not_valid": QT_TRANSLATE_NOOP(
        "Messages", "la signature cryptographique ne se vérifie pas"
    ),
    "check.pdf.appended": QT_TRANSLATE_NOOP(
        "Messages", "des données ont été ajoutées au PDF après la signature"
    ),
    "check.pdf.cert_invalid": QT_TRANSLATE_NOOP(
        "Messages", "le certificat du signataire n’est pas valide (dates ou usages)"
    ),
    # ------------------------------------- what verify finds wrong inside result.json
    "check.findings": QT_TRANSLATE_NOOP("Messages", "{messages}"),
    "error.schema.at": QT_TRANSLATE_NOOP("Messages", "en « {where} » : {detail}"),
    "error.schema.root": QT_TRANSLATE_NOOP("Messages", "en « (racine) » : {detail}"),
    "error.semantic.laureate_without_result": QT_TRANSLATE_NOOP(
        "Messages", "le lauréat « {dossier} » n’a pas de résultat"
    ),
    "error.semantic.laureate_not_valid": QT_TRANSLATE_NOOP(
        "Messages", "le lauréat « {dossier} » n’a pas de résultat valide"
    ),
    "error.semantic.laureate_rank": QT_TRANSLATE_NOOP(
        "Messages", "le rang du lauréat « {dossier} » diffère de son résultat"
    ),
    "error.semantic.laureate_unjustified": QT_TRANSLATE_NOOP(
        "Messages",
        "le lauréat « {dossier} » s’écarte de la proposition par défaut sans justification",
    ),
    "error.semantic.departures_listed": QT_TRANSLATE_NOOP(
        "Messages",
        "« departures » ne liste pas exactement les dossiers de la proposition par défaut que "
        "le jury n’a pas retenus",
    ),
    "error.semantic.default_unknown": QT_TRANSLATE_NOOP(
        "Messages", "la proposition par défaut cite un dossier inconnu « {dossier} »"
    ),
    "error.semantic.departure_not_sentence": QT_TRANSLATE_NOOP(
        "Messages",
        "le lauréat « {dossier} » s’écarte de la proposition par défaut et sa justification "
        "n’est pas une phrase (20 caractères au moins, avec des lettres)",
    ),
    "error.semantic.ineligible_unjustified": QT_TRANSLATE_NOOP(
        "Messages", "le lauréat « {dossier} » n’est pas éligible et rien ne le justifie"
    ),
    "error.semantic.removal_not_sentence": QT_TRANSLATE_NOOP(
        "Messages", "l’écart sur le dossier « {dossier} » n’est pas justifié par une phrase"
    ),
    "error.semantic.present_count": QT_TRANSLATE_NOOP(
        "Messages", "deliberation.present vaut {declared}, la liste de présence en compte {counted}"
    ),
    "error.semantic.quorum_nobody": QT_TRANSLATE_NOOP(
        "Messages", "quorum déclaré atteint alors qu’aucun juré n’est présent"
    ),
    "error.semantic.laureates_without_quorum": QT_TRANSLATE_NOOP(
        "Messages", "des lauréats sont proposés sans que le quorum soit atteint"
    ),
    "error.semantic.eligible_not_valid": QT_TRANSLATE_NOOP(
        "Messages", "le dossier « {dossier} » est éligible sans résultat valide"
    ),
    "error.semantic.rank_contradicts_score": QT_TRANSLATE_NOOP(
        "Messages", "le rang du dossier « {dossier} » contredit sa note"
    ),
    "check.structure.unopenable": QT_TRANSLATE_NOOP(
        "Messages", "impossible d’ouvrir le fichier ({detail})"
    ),
    "check.structure.unreadable": QT_TRANSLATE_NOOP("Messages", "lecture impossible ({detail})"),
    # ----------------------------------------------- what a CSV of paper sheets was read as
    "csv.description": QT_TRANSLATE_NOOP("Messages", "séparateur {separator}, encodage {encoding}"),
    "separator.semicolon": QT_TRANSLATE_NOOP("Messages", "point-virgule « ; »"),
    "separator.comma": QT_TRANSLATE_NOOP("Messages", "virgule « , »"),
    "encoding.utf_8_sig": QT_TRANSLATE_NOOP("Messages", "UTF-8 avec BOM"),
    "encoding.utf_8": QT_TRANSLATE_NOOP("Messages", "UTF-8"),
    "encoding.utf_16": QT_TRANSLATE_NOOP("Messages", "UTF-16 (redirection PowerShell 5.1)"),
    "encoding.cp1252": QT_TRANSLATE_NOOP("Messages", "Windows-1252 (Excel « CSV » ancien format)"),
    "error.hearing_already_recorded": QT_TRANSLATE_NOOP(
        "Messages",
        "L’audition du dossier {dossier} est déjà enregistrée. Aucune audition n’a été "
        "enregistrée.",
    ),
    "error.hearing_already_recorded.started": QT_TRANSLATE_NOOP(
        "Messages",
        "L’audition du dossier {dossier} est déjà enregistrée (commencée le {started}). Aucune "
        "audition n’a été enregistrée.",
    ),
    "error.hearing_entry": QT_TRANSLATE_NOOP(
        "Messages", "Audition {index} (dossier {dossier}) : {message}"
    ),
    # ------------------------------------------------------- why a snapshot was taken
    "snapshot.reason.apres-audition": QT_TRANSLATE_NOOP("Messages", "après audition"),
    "snapshot.reason.avant-export": QT_TRANSLATE_NOOP("Messages", "avant export"),
    "snapshot.reason.avant-restauration": QT_TRANSLATE_NOOP("Messages", "avant restauration"),
    "snapshot.reason.avant-purge": QT_TRANSLATE_NOOP("Messages", "avant purge"),
    "snapshot.reason.manuel": QT_TRANSLATE_NOOP("Messages", "manuel"),
    # ------------------------------------ what verify warns about, or could not check
    "error.verify.without_bundle": QT_TRANSLATE_NOOP(
        "Messages",
        "sans --session-bundle, les données du manifeste (critères et pondérations, règles, "
        "quorum, enveloppe, montants demandés, conflits d’intérêts) ne sont pas connues : les "
        "notes, rangs, éligibilités, la proposition par défaut et ses signalements n’ont pas "
        "été recalculés, et source_manifest_sha256 n’a pas été comparé au manifeste signé par "
        "le siège",
    ),
    "error.verify.result_not_read": QT_TRANSLATE_NOOP(
        "Messages",
        "result.json n’a pas été lu : sa signature ne tient pas (rien de ce qu’il contient "
        "n’est digne de foi)",
    ),
    "error.verify.demonstration": QT_TRANSLATE_NOOP(
        "Messages",
        "SESSION DE DÉMONSTRATION : ce résultat ne porte sur aucune session réelle (clé et "
        "données publiques)",
    ),
    "error.verify.exported_before": QT_TRANSLATE_NOOP(
        "Messages",
        "export n° {seq} : la délibération a été exportée {before} fois avant ; seul le dernier "
        "export fait foi, assurez-vous qu’il n’en existe pas de plus récent",
    ),
    "quote": QT_TRANSLATE_NOOP("Messages", "« {text} »"),
}


def template(key: str, tr: Translate = french) -> str:
    """The template of ``key`` in the language of ``tr``; :class:`KeyError` if unknown."""
    return tr(CONTEXT, TEMPLATES[key])


def _listing(items: Sequence[str], tr: Translate) -> str:
    if len(items) <= 1:
        return "".join(items)
    return template("list.and", tr).format(first=", ".join(items[:-1]), last=items[-1])


def _value(value: object, tr: Translate = french) -> str:
    """A parameter as text: exact notes in French digits, a quoted text between the
    reader's quotation marks, the rest as it is."""
    if isinstance(value, Fraction):
        return fmt.number(value, 4, trim=True)
    if isinstance(value, Quoted):
        return template("quote", tr).format(text=str(value))
    return str(value)


def _too_few(params: Mapping[str, object], reasons: tuple[object, ...], tr: Translate) -> list[str]:
    """The counts an invalid dossier falls short of: jurors who count, complete sheets."""
    parts = []
    if "too_few_jurors" in reasons:
        parts.append(
            template("invalid.too_few_jurors", tr).format(
                counted=params["counted"], need=params["need"]
            )
        )
    if "too_few_sheets" in reasons:
        parts.append(
            template("invalid.too_few_sheets", tr).format(
                sheets=params["sheets"], need=params["need"]
            )
        )
    return parts


def invalid_text(params: Mapping[str, object], tr: Translate = french, names: Names = IDS) -> str:
    """Why a dossier is not valid (the parameters of ``deliberation.invalid_params``)."""
    reasons = params.get("reasons", ())
    assert isinstance(reasons, tuple)
    parts: list[str] = []
    missing = params.get("missing", ())
    assert isinstance(missing, tuple)
    if "missing_sheets" in reasons and missing:
        sheets = [
            template("invalid.sheet", tr).format(
                juror=names.juror(juror), criteria=", ".join(names.criterion(c) for c in criteria)
            )
            for juror, criteria in missing
        ]
        key = "invalid.missing_one" if len(sheets) == 1 else "invalid.missing_many"
        parts.append(template(key, tr).format(sheets=_listing(sheets, tr)))
    parts.extend(_too_few(params, reasons, tr))
    return template("invalid.head", tr).format(
        dossier=names.dossier(params["dossier"]), parts=template("list.separator", tr).join(parts)
    )


def missing_text(
    params: Mapping[str, object], *, names: Names, criteria: int, tr: Translate = french
) -> str:
    """What an invalid dossier lacks, sheet by sheet, jurors and criteria worded by ``names``.

    ``params`` are those of ``deliberation.invalid_params``; ``criteria`` is the number of
    criteria of the session (a sheet lacking them all is absent). Empty when valid.
    """
    reasons = params.get("reasons", ())
    missing = params.get("missing", ())
    assert isinstance(reasons, tuple) and isinstance(missing, tuple)
    parts: list[str] = []
    for juror, crits in missing:
        name = names.juror(juror)
        if len(crits) == criteria:
            parts.append(template("invalid.sheet_absent", tr).format(juror=name))
        else:
            parts.append(
                template("invalid.sheet_incomplete", tr).format(
                    juror=name, criteria=", ".join(names.criterion(c) for c in crits)
                )
            )
    parts.extend(_too_few(params, reasons, tr))
    return template("list.separator", tr).join(parts)


def blocker_text(b: Blocker, tr: Translate = french, names: Names = IDS) -> str:
    """One closing blocker in words: what stops closing, and what to do."""
    p = b.params
    code = b.code
    if code == "quorum":
        absent = p.get("absent", ())
        assert isinstance(absent, tuple)
        who = (
            template("blocker.quorum.absent", tr).format(
                names=", ".join(names.juror(j) for j in absent)
            )
            if absent
            else ""
        )
        return template("blocker.quorum", tr).format(
            present=p["present"], required=p["required"], absent=who
        )
    if code == "invalid_without_reason":
        reasons = p.get("reasons", ())
        missing = p.get("missing", ())
        assert isinstance(reasons, tuple) and isinstance(missing, tuple)
        if "too_few_jurors" in reasons:
            action = template("blocker.invalid_without_reason.review", tr)
        elif len(missing) == 1:
            action = template("blocker.invalid_without_reason.enter_one", tr)
        else:
            action = template("blocker.invalid_without_reason.enter_many", tr)
        return template("blocker.invalid_without_reason", tr).format(
            why=invalid_text(p, tr, names), action=action
        )
    if code == "unjustified_addition":
        key = (
            "blocker.unjustified_addition.outside"
            if p.get("eligible")
            else "blocker.unjustified_addition.under_min"
        )
        return template(key, tr).format(
            dossier=names.dossier(b.dossier_id),
            score=_value(p.get("score")),
            min_score=_value(p.get("min_score")),
            rank=p.get("rank"),
        )
    words: dict[str, object] = {**p, "dossier": names.dossier(p.get("dossier", b.dossier_id))}
    for name in ("amount_cents", "default_cents", "total_cents", "envelope_cents", "excess_cents"):
        if name in p:
            cents = p[name]
            assert isinstance(cents, int)
            words[name.removesuffix("_cents")] = fmt.euros(cents)
    return template("blocker." + code, tr).format(**words)


def snapshot_reason(reason_slug: str, tr: Translate = french) -> str:
    """Why a snapshot was taken (the slug in its name: a known reason, then any more)."""
    from jury_desk.core import api

    known, more = api.reason_parts(reason_slug)
    if known is None:
        return more
    label = template("snapshot.reason." + known, tr)
    return f"{label} {more}" if more else label


def method_label(method: str, tr: Translate = french) -> str:
    """The name of an alternative ranking (``AlternativeRanking.method``)."""
    return template("method." + method, tr)


def method_tie_break(method: str, tr: Translate = french) -> str:
    """How an alternative ranking treats ties."""
    return template(f"method.{method}.tie_break", tr)


def check_label(code: str, tr: Translate = french) -> str:
    """What a check of a result bundle is about (``export.Check.code``)."""
    return template("check.label." + code, tr)


def check_text(key: str, params: Mapping[str, object], tr: Translate = french) -> str:
    """The detail of a check of a result bundle (``export.Check.key``) in words.

    A failure found by a deeper layer (a replay, the archive's layout, a JWS, strict
    JSON) is wrapped like a refusal: its key in ``inner``, its parameters in
    ``inner_params``, worded into ``{message}``; several (the differences a replay
    finds) as ``inners``, pairs of key and parameters, worded into ``{messages}``.
    """
    return template("check." + key, tr).format(**_words(params, tr))


def _words(params: Mapping[str, object], tr: Translate) -> dict[str, str]:
    """The parameters as text, and a wrapped refusal (``inner``) worded as ``message``.

    Three more kinds of parameter are codes worded here: ``subject`` (what a failure of
    the machine concerns, ``subject.<code>``) as ``what``, ``What``, ``of_what`` and
    ``to_what``; ``after`` (what was or was not changed: pairs of an ``after.<key>`` and
    its parameters) as ``after``, each sentence after a space; and ``<name>_code`` as
    ``<name>`` from the template ``<name>.<code>`` (an action, an operating system's reason).
    """
    nesting = ("inner", "inner_params", "inners", "subject", "after")
    words = {k: _value(v, tr) for k, v in params.items() if k not in nesting}
    for name in [k for k in words if k.endswith("_code")]:
        words[name.removesuffix("_code")] = template(
            f"{name.removesuffix('_code')}.{words[name]}", tr
        ).format(**words)
    if "subject" in params:
        subject = f"subject.{params['subject']}"
        what = template(subject, tr).format(**words)
        words["what"], words["What"] = what, what[:1].upper() + what[1:]
        words["of_what"] = template(subject + ".of", tr).format(**words)
        words["to_what"] = template(subject + ".to", tr).format(**words)
    if "after" in params:
        after = params["after"]
        assert isinstance(after, tuple)
        words["after"] = "".join(
            " " + template("after." + key, tr).format(**{k: _value(v, tr) for k, v in pairs})
            for key, pairs in after
        )
    if "inner" in params:
        inner = params.get("inner_params", ())
        assert isinstance(inner, tuple)
        words["message"] = error_text(str(params["inner"]), dict(inner), tr)
    if "inners" in params:  # several wrapped refusals: (key, parameter pairs) each
        inners = params["inners"]
        assert isinstance(inners, tuple)
        words["messages"] = template("list.separator", tr).join(
            error_text(str(key), dict(pairs), tr) for key, pairs in inners
        )
    return words


def words(params: Mapping[str, object], tr: Translate = french) -> dict[str, str]:
    """The parameters of a template as text (codes worded, see :func:`_words`)."""
    return _words(params, tr)


# The refusals that name a juror, a dossier or a criterion the user picked in the GUI:
# worded with :class:`Names` there. Not the ones about typed text (a CSV's line, a
# hearing entered afterwards: its ids are what the user reads in the file), nor what a
# bundle, a replay or a verification finds (about the file, by its ids).
NAMED_REFUSALS = frozenset(
    {
        "already_recused",
        "already_recused_bundle",
        "duplicate_laureate",
        "juror_absent",
        "juror_recused",
        "justification_not_sentence",
        "not_recused",
        "sheet_incomplete",
        "sheet_sealed",
        "unknown_attachment",
    }
)


def error_text(
    key: str, params: Mapping[str, object], tr: Translate = french, names: Names = IDS
) -> str:
    """A refusal of the services (``UserError.key``) in words; the juror, dossier and
    criterion of a refusal of :data:`NAMED_REFUSALS` worded by ``names``.

    ``row`` and ``csv_row`` wrap another refusal: its key in ``inner``, its parameters
    in ``inner_params`` (pairs), worded into ``{message}``.
    """
    if names is not IDS and key in NAMED_REFUSALS:
        named = {"juror": names.juror, "dossier": names.dossier, "criterion": names.criterion}
        params = {k: named[k](v) if k in named else v for k, v in params.items()}
    return template("error." + key, tr).format(**_words(params, tr))

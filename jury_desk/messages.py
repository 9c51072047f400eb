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

from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from jury_desk.core import fmt

if TYPE_CHECKING:
    from jury_desk.core.deliberation import Blocker

__all__ = [
    "CONTEXT",
    "QT_TRANSLATE_NOOP",
    "TEMPLATES",
    "Translate",
    "blocker_text",
    "error_text",
    "french",
    "invalid_text",
    "method_label",
    "method_tie_break",
    "missing_text",
    "template",
]

CONTEXT = "Messages"

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
}


def template(key: str, tr: Translate = french) -> str:
    """The template of ``key`` in the language of ``tr``; :class:`KeyError` if unknown."""
    return tr(CONTEXT, TEMPLATES[key])


def _listing(items: Sequence[str], tr: Translate) -> str:
    if len(items) <= 1:
        return "".join(items)
    return template("list.and", tr).format(first=", ".join(items[:-1]), last=items[-1])


def _value(value: object) -> str:
    """A parameter as text: exact notes in French digits, the rest as it is."""
    if isinstance(value, Fraction):
        return fmt.number(value, 4, trim=True)
    return str(value)


def invalid_text(params: Mapping[str, object], tr: Translate = french) -> str:
    """Why a dossier is not valid (the parameters of ``deliberation.invalid_params``)."""
    reasons = params.get("reasons", ())
    assert isinstance(reasons, tuple)
    parts: list[str] = []
    missing = params.get("missing", ())
    assert isinstance(missing, tuple)
    if "missing_sheets" in reasons and missing:
        sheets = [
            template("invalid.sheet", tr).format(juror=juror, criteria=", ".join(criteria))
            for juror, criteria in missing
        ]
        key = "invalid.missing_one" if len(sheets) == 1 else "invalid.missing_many"
        parts.append(template(key, tr).format(sheets=_listing(sheets, tr)))
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
    return template("invalid.head", tr).format(
        dossier=params["dossier"], parts=template("list.separator", tr).join(parts)
    )


def missing_text(
    params: Mapping[str, object],
    *,
    names: Mapping[str, str],
    labels: Mapping[str, str],
    criteria: int,
    tr: Translate = french,
) -> str:
    """What an invalid dossier lacks, sheet by sheet, with jurors' names and criteria labels.

    ``params`` are those of ``deliberation.invalid_params``; ``criteria`` is the number of
    criteria of the session (a sheet lacking them all is absent). Empty when valid.
    """
    reasons = params.get("reasons", ())
    missing = params.get("missing", ())
    assert isinstance(reasons, tuple) and isinstance(missing, tuple)
    parts: list[str] = []
    for juror, crits in missing:
        name = names.get(juror, juror)
        if len(crits) == criteria:
            parts.append(template("invalid.sheet_absent", tr).format(juror=name))
        else:
            parts.append(
                template("invalid.sheet_incomplete", tr).format(
                    juror=name, criteria=", ".join(labels.get(c, c) for c in crits)
                )
            )
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
    return template("list.separator", tr).join(parts)


def blocker_text(b: Blocker, tr: Translate = french) -> str:
    """One closing blocker in words: what stops closing, and what to do."""
    p = b.params
    code = b.code
    if code == "quorum":
        absent = p.get("absent", ())
        assert isinstance(absent, tuple)
        names = (
            template("blocker.quorum.absent", tr).format(names=", ".join(absent)) if absent else ""
        )
        return template("blocker.quorum", tr).format(
            present=p["present"], required=p["required"], absent=names
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
            why=invalid_text(p, tr), action=action
        )
    if code == "unjustified_addition":
        key = (
            "blocker.unjustified_addition.outside"
            if p.get("eligible")
            else "blocker.unjustified_addition.under_min"
        )
        return template(key, tr).format(
            dossier=b.dossier_id,
            score=_value(p.get("score")),
            min_score=_value(p.get("min_score")),
            rank=p.get("rank"),
        )
    words: dict[str, object] = {"dossier": b.dossier_id, **p}
    for name in ("amount_cents", "default_cents", "total_cents", "envelope_cents", "excess_cents"):
        if name in p:
            cents = p[name]
            assert isinstance(cents, int)
            words[name.removesuffix("_cents")] = fmt.euros(cents)
    return template("blocker." + code, tr).format(**words)


def method_label(method: str, tr: Translate = french) -> str:
    """The name of an alternative ranking (``AlternativeRanking.method``)."""
    return template("method." + method, tr)


def method_tie_break(method: str, tr: Translate = french) -> str:
    """How an alternative ranking treats ties."""
    return template(f"method.{method}.tie_break", tr)


def error_text(key: str, params: Mapping[str, object], tr: Translate = french) -> str:
    """A refusal of the services (``UserError.key``) in words.

    ``row`` and ``csv_row`` wrap another refusal: its key in ``inner``, its parameters
    in ``inner_params`` (pairs), worded into ``{message}``.
    """
    words = {k: _value(v) for k, v in params.items() if k not in ("inner", "inner_params")}
    if "inner" in params:
        inner = params.get("inner_params", ())
        assert isinstance(inner, tuple)
        words["message"] = error_text(str(params["inner"]), dict(inner), tr)
    return template("error." + key, tr).format(**words)

"""A realistic day of the demonstration session, played through :class:`Desk`.

:func:`play_demo_deliberation` records what a jury secretary records during the
demonstration session: attendance with one absent juror, a « déport » declared during the
session, the hearings as timed, the paper sheets (``demo-scores.csv``, when no score is
recorded yet), the reasoned opinions, the deliberation notes, and a jury decision that
departs from the default proposal (one dossier left out, one added, one amount
lowered), each departure justified. It does not close the deliberation: the export does.
The tests, the self-test and the procès-verbal screenshots share it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta, timezone

from jury_desk.core import resources
from jury_desk.core.domain import LaureateDecision
from jury_desk.core.records import record
from jury_desk.core.services import Desk

SUMMER_TIME = timezone(timedelta(hours=2))  # Paris in June (no tz database needed on Windows)
ABSENT = "j06"  # Thomas Riou, technicien: absent from the whole session
DEPORT = (
    "j02",
    "d10",
    "Préside l’Union sportive d’Athis-Mons, partenaire du projet « Bouge ton quartier »",
)

# (dossier, presentation seconds, questions seconds), in hearing order; d05 overran.
HEARINGS = {
    "d01": (588, 541),
    "d02": (603, 495),
    "d03": (571, 600),
    "d04": (596, 562),
    "d05": (655, 472),
    "d06": (540, 388),
    "d07": (599, 575),
    "d08": (610, 533),
    "d09": (582, 604),
    "d10": (575, 517),
    "d11": (522, 430),
    "d12": (600, 588),
}

OPINIONS = {
    "d04": (
        "Projet très abouti, qui répond à un besoin criant d’accompagnement numérique des personnes "
        "âgées isolées. Le jury salue la démarche « d’aller vers » en pied d’immeuble et le "
        "partenariat avec le bailleur. Il recommande de prévoir dès le départ l’évaluation du nombre "
        "de personnes devenues autonomes."
    ),
    "d12": (
        "Démarche originale et concrète de réduction des factures d’énergie, portée par les habitants "
        "eux-mêmes. Le jury a apprécié la qualité du budget et la diversité des financements."
    ),
    "d09": (
        "Lieu de vie autant que service : le jury soutient ce projet, mais ramène l’aide à 18 000 € "
        "(voir la justification) et invite le porteur à confirmer la mise à disposition du local."
    ),
    "d11": (
        "Projet modeste dans son budget et exemplaire par l’implication des habitants, qui écrivent et "
        "diffusent eux-mêmes le journal. Le jury encourage la recherche d’annonceurs locaux."
    ),
    "d07": (
        "Belle action intergénérationnelle, bien ancrée aux Lutayes. Le jury souhaite que la "
        "restitution publique soit ouverte aux écoles du quartier."
    ),
    "d08": (
        "Projet de qualité, bien noté par le jury, mais déjà financé pour la même action par la Cité "
        "éducative : le jury a préféré soutenir un projet qui n’a pas d’autre financement."
    ),
    "d10": (
        "Le jury retient ce projet malgré une note juste sous le seuil : le besoin de sport-santé dans "
        "le quartier est établi par le contrat local de santé, et le club partenaire apporte "
        "l’encadrement diplômé. Un bilan à six mois est demandé."
    ),
    "d02": (
        "Projet sympathique mais encore fragile : le jury encourage l’association à consolider ses "
        "partenariats (radio associative, collège) et à se représenter l’an prochain."
    ),
    "d03": (
        "Le jury a relevé l’intérêt du projet mais un budget trop dépendant d’une subvention non "
        "confirmée. Il invite le porteur à se rapprocher des services des sports de la ville."
    ),
    "d06": (
        "Le caractère innovant n’a pas convaincu le jury : des Répar’Cafés existent déjà à proximité."
    ),
    "d05": (
        "Le jury n’a pas été convaincu par la faisabilité technique (étanchéité, accès au toit) ni par "
        "l’accord du bailleur, qui reste à obtenir."
    ),
    "d01": (
        "Projet utile mais très proche de l’offre existante de l’épicerie sociale du quartier ; le "
        "jury n’en a pas perçu le caractère innovant."
    ),
}

NOTES = (
    "Le président de séance rappelle les règles de déport : M. Benhadj, qui préside le club partenaire "
    "du projet « Bouge ton quartier », ne prend part ni à la notation ni au débat sur ce dossier.\n"
    "Le jury constate que la proposition par défaut laisse 13 000 € de l’enveloppe inemployés. Après "
    "débat, il décide à l’unanimité des présents de ne pas retenir « Tandem réussite » (déjà financé par "
    "la Cité éducative), de ramener l’aide à « La Lavandière » à 18 000 €, et de retenir « Bouge ton "
    "quartier » au montant demandé.\n"
    "Le jury demande que les lauréats soient informés avant le 30 juin et que les avis motivés soient "
    "joints aux courriers."
)

JUSTIFICATIONS = {
    "d09": (
        "Montant ramené de 20 000 € à 18 000 € : le poste « mobilier » (2 000 €) est déjà pris en charge "
        "par le bailleur, qui met le local à disposition meublé."
    ),
    "d10": (
        "Note de 11,64/20, juste sous la note minimale : le jury retient le projet pour l’importance du "
        "besoin de sport-santé dans le quartier, établie par le contrat local de santé."
    ),
}
DEPARTURES = {
    "d08": (
        "Déjà financé pour la même action (aide aux devoirs) par la Cité éducative pour l’année "
        "2026-2027 : le jury préfère soutenir un projet sans autre financement."
    ),
}
AMOUNTS = {"d09": 1_800_000}


@record
class DemoDay:
    absent: str
    deport: tuple[str, str, str]
    laureates: tuple[LaureateDecision, ...]


def demo_scores_csv() -> str:
    return resources.path("demo", "demo-scores.csv").read_text(encoding="utf-8")


def record_hearings(desk: Desk, session_id: str, dossier_ids: Iterable[str] | None = None) -> None:
    """Record each dossier's hearing (started, then finished) as the timer does.

    ``dossier_ids``: all the session's dossiers when None. For the scenarios and tests
    that score and close without playing the day: a laureate must have been heard
    (CONTRACT section 4).
    """
    st = desk.state(session_id)
    ids = [d.id for d in st.dossiers] if dossier_ids is None else list(dossier_ids)
    timer = st.info.timer
    for did in ids:
        if st.hearings[did].started_at is not None:
            continue
        desk.save_hearing(
            session_id,
            did,
            action="start",
            state="en_audition",
            phase="presentation",
            phase_elapsed_ms=0,
            running_since=None,
        )
        desk.save_hearing(
            session_id,
            did,
            action="finish",
            state="entendu",
            phase=None,
            phase_elapsed_ms=0,
            running_since=None,
            presentation_s=timer.presentation_s,
            questions_s=timer.questions_s,
        )


def play_demo_deliberation(
    desk: Desk, session_id: str, clock: Callable[[datetime], None] | None = None
) -> DemoDay:
    """Record the demonstration day (see the module's docstring); return what was decided.

    Steps follow the day's order: attendance, the hearings on their schedule (the déport
    is declared just before the dossier it concerns), the paper sheets typed in after the
    last hearing, then the deliberation. ``clock``, when given, is called before each
    step with the time it happens on the day (the session's date, Paris time), so that a
    caller who controls the clock (the PV screenshots run under libfaketime) gets a
    realistic record; without it every step is recorded now. Times carry the offset of
    the hearing schedule (Paris summer time for the demonstration).

    On a session without scores only the sheets of the jurors who may score are entered;
    on an already scored session (the ``scored_demo`` fixture) attendance and the déport
    are recorded on top, and the values of the absent and déported jurors stay recorded
    but are not counted.
    """
    st = desk.state(session_id)
    if not st.is_demo:
        raise ValueError("play_demo_deliberation plays the demonstration session only")
    day = date.fromisoformat(st.info.date)
    starts = [datetime.fromisoformat(d.hearing_start) for d in st.dossiers if d.hearing_start]
    zone = starts[0].tzinfo if starts else SUMMER_TIME

    def at(hh: int, mm: int, ss: int = 0) -> datetime:
        return datetime.combine(day, time(hh, mm, ss), zone)

    def tick(when: datetime) -> None:
        if clock is not None:
            clock(when)

    juror, dossier, reason = DEPORT
    tick(at(9, 21, 40))
    desk.set_attendance(session_id, [ABSENT])
    for d in sorted(st.dossiers, key=lambda d: d.hearing_order):
        planned = datetime.fromisoformat(d.hearing_start) if d.hearing_start else at(9, 30)
        begin = planned + timedelta(minutes=2, seconds=10 + 7 * d.hearing_order)
        if d.id == dossier:
            tick(begin - timedelta(minutes=1, seconds=30))
            desk.recuse(session_id, juror, dossier, "conflict", reason)
        pres, ques = HEARINGS.get(d.id, (600, 600))
        tick(begin)
        desk.save_hearing(
            session_id,
            d.id,
            action="start",
            state="en_audition",
            phase="presentation",
            phase_elapsed_ms=0,
            running_since=None,
        )
        tick(begin + timedelta(seconds=pres))
        desk.save_hearing(
            session_id,
            d.id,
            action="next",
            state="en_audition",
            phase="questions",
            phase_elapsed_ms=0,
            running_since=None,
            presentation_s=pres,
        )
        tick(begin + timedelta(seconds=pres + ques))
        desk.save_hearing(
            session_id,
            d.id,
            action="finish",
            state="entendu",
            phase=None,
            phase_elapsed_ms=0,
            running_since=None,
            presentation_s=pres,
            questions_s=ques,
        )
    if not st.scores:
        tick(at(16, 4, 12))
        rows = list(csv.reader(io.StringIO(demo_scores_csv())))
        kept = [rows[0]] + [
            r for r in rows[1:] if r and r[1] != ABSENT and (r[1], r[0]) != (juror, dossier)
        ]
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows(kept)
        desk.import_scores_csv(session_id, out.getvalue())

    tick(at(16, 18, 5))
    desk.reveal(session_id)
    for i, (did, text) in enumerate(OPINIONS.items()):
        tick(at(16, 22 + 2 * i, 30))
        desk.set_opinion(session_id, did, text)
    tick(at(16, 49, 50))
    desk.set_notes(session_id, NOTES)

    result = desk.results(session_id)
    laureates: list[LaureateDecision] = []
    for e in result.default_proposal:
        if e.dossier_id in DEPARTURES:
            continue
        amount = AMOUNTS.get(e.dossier_id, e.amount_cents)
        laureates.append(
            LaureateDecision(
                e.dossier_id,
                amount,
                JUSTIFICATIONS.get(e.dossier_id, "") if amount != e.amount_cents else "",
            )
        )
    d10 = st.dossier("d10")
    laureates.append(LaureateDecision("d10", d10.amount_requested_cents, JUSTIFICATIONS["d10"]))
    departures = {
        did: text
        for did, text in DEPARTURES.items()
        if any(e.dossier_id == did for e in result.default_proposal)
    }
    tick(at(16, 56, 20))
    desk.set_decision(session_id, laureates, departures)
    return DemoDay(ABSENT, DEPORT, tuple(laureates))

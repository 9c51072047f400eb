"""The command line's maintenance commands, ``jury-desk purge`` and ``jury-desk restore``:
what they print and ask (argparse, print, input) lives here, on the command line's side;
the rules they run are :mod:`jury_desk.core.privacy` and :mod:`jury_desk.core.snapshots`."""

from __future__ import annotations

import argparse
import contextlib
import sys
from datetime import datetime
from pathlib import Path

from jury_desk.core import api, fmt, fsutil, instance, paths
from jury_desk.core.errors import UserError


def purge_command(args: argparse.Namespace) -> int:
    """``jury-desk purge [--db FILE] [--yes] [--force]``."""
    db_path = Path(getattr(args, "db", None) or paths.default_db())
    force = bool(getattr(args, "force", False))
    lock = instance.acquire(db_path)
    if lock is None:
        raise UserError(
            "db_in_use",
            f"La base « {db_path} » est ouverte dans jury_desk : fermez l’application "
            "avant de purger. Rien n’a été effacé.",
        )
    try:
        status = api.purge_status(db_path)
        if not status.allowed and not force:
            raise UserError(
                "purge_refused",
                "Purge refusée : des résultats n’ont pas encore été remis en lieu sûr. "
                "Rien n’a été effacé (--force pour purger malgré tout).",
                details=status.reasons,
            )
        print(f"Purge de la base « {db_path} » :")
        if status.sessions:
            for s in status.sessions:
                print(
                    f"  – session {fmt.quote(s.title)}" + (" (démonstration)" if s.is_demo else "")
                )
        else:
            print("  – aucune session lisible")
        print(
            f"  – pièces jointes, instantanés et fichiers de travail de cette base ; "
            f"{len(status.export_files)} fichier(s) d’export écrit(s) par jury_desk."
        )
        if not status.allowed:
            print("  ATTENTION : purge forcée malgré :")
            for r in status.reasons:
                print(f"    {r}")
        if not getattr(args, "yes", False):
            if not sys.stdin or not sys.stdin.isatty():
                raise UserError(
                    "confirmation_required",
                    "Confirmation impossible sans terminal : relancez avec --yes. "
                    "Rien n’a été effacé.",
                )
            answer = input(
                "Ces données seront effacées définitivement. Tapez « oui » pour confirmer : "
            )
            if answer.strip().lower() not in ("oui", "o", "yes", "y"):
                print("Purge annulée : rien n’a été effacé.")
                return 0
        report = api.purge(db_path, force=True)
    finally:
        lock.release()
    with contextlib.suppress(OSError, UserError):
        fsutil.unlink(instance.lock_path(db_path), missing_ok=True)
    print(
        f"Purge terminée : {report.files_removed} fichier(s) effacé(s) "
        f"({fmt.number(report.bytes_overwritten / 1_000_000, 1)} Mo remis à zéro), "
        f"dont {len(report.exports_removed)} export(s)."
    )
    for p, why in report.kept:
        print(f"  Conservé : « {p} » — {why.message}")
    for p in report.exports_removed:  # OneDrive keeps what it synced in its recycle bin
        if instance.export_location_warning(p.parent) is not None:
            print(
                f"  Attention : « {p} » était synchronisé par OneDrive ; une copie reste dans "
                "la corbeille de OneDrive (en ligne) : videz-la."
            )
    if report.failures:
        print("jury-desk : certains fichiers n’ont pas pu être effacés :", file=sys.stderr)
        for p, why in report.failures:
            print(f"  – « {p} » : {why.message}", file=sys.stderr)
        return 1
    return 0


def _size_text(size: int) -> str:
    if size < 1_000_000:
        return fmt.number(size / 1000, 0) + fmt.NBSP + "ko"
    return fmt.number(size / 1_000_000, 1) + fmt.NBSP + "Mo"


def _local(dt: datetime) -> str:
    return fmt.datetime_text(dt.astimezone())


def _sessions_text(sessions: tuple[api.SnapshotSession, ...]) -> str:
    if not sessions:
        return "aucune session"
    return " ; ".join(f"{fmt.quote(s.title)} ({s.audit_entries} opérations)" for s in sessions)


def restore_command(args: argparse.Namespace) -> int:
    """``jury-desk restore [SNAPSHOT] [--list] [--db FILE]``."""
    db_path = Path(getattr(args, "db", None) or paths.default_db())
    chosen: Path | None = getattr(args, "snapshot", None)
    if getattr(args, "list", False) or chosen is None:
        items = api.list_snapshots(db_path, include_secondary=True)
        if not items:
            print(
                f"Aucun instantané pour la base « {db_path} » "
                f"(dossier : {paths.snapshots_dir(db_path)})."
            )
        else:
            print(f"Instantanés de la base « {db_path} », du plus récent au plus ancien :")
            for n, i in enumerate(items, 1):
                state = "" if i.readable else " — ILLISIBLE"
                where = " [second dossier]" if i.location == "secondaire" else ""
                print(
                    f"{n:>3}. {_local(i.taken_at)} — {i.reason_label} — "
                    f"{_sessions_text(i.sessions)} — {_size_text(i.size)}{where}{state}"
                )
                print(f"     {i.path}")
        if chosen is None and not getattr(args, "list", False):
            print("Pour restaurer : jury-desk restore INSTANTANÉ [--db FICHIER]")
        return 0
    path = Path(chosen)
    if not path.exists() and not path.is_absolute():
        candidate = paths.snapshots_dir(db_path) / path
        if candidate.exists():
            path = candidate
    lock = instance.acquire(db_path)
    if lock is None:
        raise UserError(
            "db_in_use",
            f"La base « {db_path} » est ouverte dans jury_desk : fermez l’application "
            "avant de restaurer (ou restaurez depuis le menu Fichier). Rien n’a été changé.",
        )
    try:
        info = api.verify_snapshot(path)
        safety = api.restore(db_path, path)
    finally:
        lock.release()
    print(
        f"Base « {db_path} » restaurée depuis l’instantané du {_local(info.taken_at)} "
        f"({info.reason_label})."
    )
    print(f"  Sessions : {_sessions_text(info.sessions)}.")
    if safety is not None:
        print(f"  La base telle qu’elle était avant la restauration est conservée : « {safety} ».")
    missing = api.missing_attachments(db_path)
    if missing:
        print(
            f"  Attention : {len(missing)} pièce(s) jointe(s) manquent dans « "
            f"{paths.files_dir(db_path)} » (instantané venu d’un autre ordinateur ?)."
        )
    return 0

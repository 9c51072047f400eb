"""The headless commands of CONTRACT section 7, thin over ``core.services``.

Exit codes: 0 success, 2 refused input (one French message on stderr, nothing changed),
1 any other failure.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from jury_desk import __version__
from jury_desk.core import fsutil
from jury_desk.core.errors import UserError

if TYPE_CHECKING:
    from jury_desk.core.state import SessionState

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILURE, EXIT_REFUSED = 0, 1, 2


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        metavar="FICHIER",
        help="fichier de base de données (par défaut : dossier de données de l’utilisateur)",
    )
    p.add_argument(
        "--session",
        default=argparse.SUPPRESS,
        metavar="ID",
        help="identifiant de session (par défaut : la dernière importée)",
    )


class _NotTheGuiAlone(Exception):
    """The GUI's options alone do not read this command line (see :func:`parse_launch`)."""


def _not_the_gui_alone(message: str) -> NoReturn:
    raise _NotTheGuiAlone(message)


def parse_launch(argv: list[str]) -> argparse.Namespace:
    """``argv`` read as :func:`build_parser`'s parser reads it (unknown options left, as
    Qt's own are).

    A launch of the window has only the GUI's options: they are read first by a parser
    without the commands, whose sub-parsers take 2 ms to build on the GUI's start. Anything
    else (a command, a request for help, an unknown option, a mistake) is read again by the
    whole parser, which answers and words its messages as it always did.
    """
    try:
        args, rest = build_parser(commands=False).parse_known_args(argv)
    except _NotTheGuiAlone:
        rest = argv
    if rest:
        args, _ = build_parser().parse_known_args(argv)
    return args


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    """The command line; without ``commands``, the GUI's options alone, for
    :func:`parse_launch` (no help, no version, and an error is raised instead of printed:
    the whole parser answers those, in its place on the command line)."""
    from jury_desk.cli_fr import ArgumentParser

    parser = ArgumentParser(
        prog="jury-desk",
        description="jury_desk — jurys du Label Actions Innovantes (Grand-Orly Seine Bièvre). "
        "Sans sous-commande : ouvre l’interface graphique.",
        add_help=commands,
    )
    if commands:  # otherwise left over: after a command, argparse answers it at once
        parser.add_argument("--version", action="version", version=f"jury_desk {__version__}")
    parser.add_argument(
        "--db", type=Path, default=None, metavar="FICHIER", help="fichier de base de données"
    )
    parser.add_argument("--session", default=None, metavar="ID", help="identifiant de session")
    parser.add_argument(
        "--demo", action="store_true", help="ouvre la session de démonstration intégrée"
    )
    parser.add_argument("--lang", choices=["fr", "en"], default=None, help="langue de l’interface")
    parser.add_argument(
        "--no-err-windows",
        action="store_true",
        help="journalise les erreurs au lieu d’ouvrir des fenêtres",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="vérifie l’installation (import, notes, clôture, export, vérification) et quitte",
    )
    if not commands:
        parser.set_defaults(command=None)
        parser.error = _not_the_gui_alone  # type: ignore[method-assign]
        return parser
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE")

    p = sub.add_parser("import", help="importe un paquet de session signé")
    p.add_argument("bundle", type=Path)
    p.add_argument(
        "--trust",
        type=Path,
        action="append",
        default=[],
        help="jeu de clés JWK de confiance (pour cette commande)",
    )
    _db_arg(p)

    scores = sub.add_parser("scores", help="feuilles de notes (CSV)")
    ssub = scores.add_subparsers(dest="scores_command", metavar="ACTION", required=True)
    p = ssub.add_parser("import", help="saisit des feuilles papier depuis un CSV (tout ou rien)")
    p.add_argument("csv", type=Path)
    _db_arg(p)
    p = ssub.add_parser(
        "export",
        help="écrit toutes les notes sur la sortie standard, ou pour Excel dans un fichier",
    )
    p.add_argument(
        "--out",
        type=Path,
        default=None,
        help="fichier pour Excel : UTF-8 avec BOM, « ; » et virgule décimale "
        "(préférez-le à une redirection « > » dans PowerShell)",
    )
    _db_arg(p)

    p = sub.add_parser("attendance", help="marque des jurés absents de la séance")
    p.add_argument("--absent", nargs="*", default=[], metavar="ID")
    _db_arg(p)

    p = sub.add_parser("recuse", help="enregistre une récusation (déport ou absence)")
    p.add_argument("--juror", required=True, metavar="ID")
    p.add_argument("--dossier", required=True, metavar="ID")
    p.add_argument("--kind", required=True, choices=["conflict", "absent"])
    p.add_argument("--reason", required=True, metavar="MOTIF")
    _db_arg(p)

    hearings = sub.add_parser("hearings", help="auditions tenues sans le chronomètre (CSV)")
    hsub = hearings.add_subparsers(dest="hearings_command", metavar="ACTION", required=True)
    p = hsub.add_parser(
        "import",
        help="enregistre des auditions tenues sans le chronomètre, avec leur motif (tout ou rien)",
    )
    p.add_argument("csv", type=Path)
    _db_arg(p)

    p = sub.add_parser("results", help="affiche le classement et la proposition par défaut")
    p.add_argument("--json", action="store_true")
    _db_arg(p)

    p = sub.add_parser("export", help="clôt la délibération et écrit le paquet de résultats signé")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument(
        "--key",
        type=Path,
        default=None,
        help="clé PEM ou certificat PKCS#12 (par défaut : la clé de l’installation)",
    )
    p.add_argument(
        "--key-password-env",
        default=None,
        help="variable d’environnement qui contient le mot de passe du PKCS#12",
    )
    p.add_argument(
        "--accept-proposal", action="store_true", help="clôt sur la proposition par défaut"
    )
    p.add_argument(
        "--signer",
        default=None,
        metavar="NOM",
        help="nom du signataire du procès-verbal (par défaut : celui des préférences)",
    )
    p.add_argument(
        "--signer-role",
        default=None,
        metavar="QUALITÉ",
        help="qualité du signataire, par exemple « Secrétaire du jury »",
    )
    _db_arg(p)

    p = sub.add_parser("verify", help="vérifie un paquet de résultats")
    p.add_argument("result", type=Path)
    p.add_argument(
        "--trust",
        type=Path,
        action="append",
        default=[],
        required=True,
        help="JWKS des clés d’installation reconnues (seules ces clés sont de confiance)",
    )
    p.add_argument(
        "--session-bundle",
        type=Path,
        default=None,
        help="le paquet de session du siège : result.json est alors recalculé en entier",
    )

    b = sub.add_parser("bundle", help="côté siège : fabrique un paquet de session")
    bsub = b.add_subparsers(dest="bundle_command", metavar="ACTION", required=True)
    p = bsub.add_parser("make", help="construit et signe un paquet de session")
    p.add_argument("source", type=Path)
    p.add_argument("--key", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)

    k = sub.add_parser("keys", help="clé de signature de l’installation")
    ksub = k.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    p = ksub.add_parser("new", help="crée la paire de clés P-256 et son certificat")
    p.add_argument("--name", default=None, help="nom du ou de la secrétaire du jury (certificat)")
    p.add_argument("--force", action="store_true")
    p.add_argument(
        "--out",
        type=Path,
        default=None,
        help="écrit la clé privée PEM dans ce fichier au lieu du dossier de l’installation (siège)",
    )
    ksub.add_parser("show", help="affiche l’empreinte de la clé")
    p = ksub.add_parser("export", help="exporte la clé publique (JWK) et le certificat")
    p.add_argument("--jwk", type=Path, default=None)
    p.add_argument("--cert", type=Path, default=None)
    p = ksub.add_parser("import", help="importe un certificat PKCS#12 délivré par le siège")
    p.add_argument("p12", type=Path)
    p.add_argument("--password-env", default=None)
    p = ksub.add_parser("trust", help="ajoute une clé de confiance pour les paquets de session")
    p.add_argument("jwks", type=Path)
    p.add_argument("--name", default=None)

    p = sub.add_parser("restore", help="restaure la base depuis un instantané")
    p.add_argument("snapshot", type=Path, nargs="?")
    p.add_argument("--list", action="store_true", help="liste les instantanés disponibles")
    _db_arg(p)

    p = sub.add_parser(
        "purge", help="efface les données personnelles de cette base (après export vérifié)"
    )
    p.add_argument("--yes", action="store_true", help="ne pas demander de confirmation")
    p.add_argument("--force", action="store_true", help="purger même sans export vérifié")
    _db_arg(p)
    return parser


def _db_path(args: argparse.Namespace) -> Path:
    from jury_desk.core import paths

    db = getattr(args, "db", None)
    return Path(db) if db else paths.default_db()


# The databases a command opened, closed when it ends (:func:`run`): its connections are
# closed and the WAL folded back into the file before the process exits.
_opened: list[Any] = []


def _open_desk(path: Path) -> Any:
    from jury_desk.core.services import Desk

    desk = Desk(path)
    _opened.append(desk)
    return desk


def _close_opened() -> None:
    while _opened:
        desk = _opened.pop()
        try:
            desk.close()
        except Exception:  # the command's own outcome is what the user must see
            log.warning("could not close the database", exc_info=True)


def _desk(args: argparse.Namespace) -> Any:
    """The database of a command that reads or changes a session: it must exist."""

    path = _db_path(args)
    if not path.is_file():
        raise UserError(
            "no_db",
            f"La base « {path} » n’existe pas : importez d’abord un paquet "
            "de session (jury-desk import PAQUET.zip --db FICHIER).",
        )
    return _open_desk(path)


def _read_state(args: argparse.Namespace, check_chain: bool = False) -> SessionState:
    """The session a read-only command shows, read without the ORM when the file allows
    it (``core.quickread``: no SQLAlchemy to import); otherwise through ``Desk``. With
    ``check_chain``, refused when the session's audit chain does not verify."""
    from jury_desk.core import quickread

    path = _db_path(args)
    session = getattr(args, "session", None)
    st = quickread.load(path, session, check_chain=check_chain) if path.is_file() else None
    if st is None:
        desk = _desk(args)
        try:
            if check_chain:
                desk.check_audit_chain(desk.resolve(session))
            st = desk.state(session)
        finally:
            desk.close()
    return st


# Commands that change a database: refused while the application holds it (one writer, and
# a GUI that would keep showing what it read before).
WRITING = {"import", "scores import", "hearings import", "attendance", "recuse", "export"}


def _command_name(args: argparse.Namespace) -> str:
    cmd = str(args.command or "")
    sub = getattr(args, f"{cmd}_command", None)
    return f"{cmd} {sub}" if sub else cmd


def _hold_database(args: argparse.Namespace) -> Any:
    """The instance lock of the command's database, or a French refusal if the
    application (or another command) holds it."""
    from jury_desk.core import instance

    path = _db_path(args)
    if not path.parent.is_dir():
        return None  # the command itself says what is wrong with this path
    lock = instance.acquire(path)
    if lock is None:
        raise UserError(
            "db_in_use",
            f"La base « {path} » est ouverte dans jury_desk (ou par une autre commande) : "
            "fermez l’application, ou faites cette opération depuis l’application. "
            "Rien n’a été changé.",
        )
    return lock


def run(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # A command is a short process: the cyclic collector would walk, again and again,
    # every object its imports made (SQLAlchemy, reportlab, pyHanko) to free almost
    # nothing: about 1 s of the 300-dossier export, for 254 MB peak with it and 264 MB
    # without (benchmarks/api.py). Paused for the command, as it was found after.
    collecting = gc.isenabled()
    gc.disable()
    from jury_desk.core import instance

    lock = None
    lock_was_there = True
    try:
        _check_location(args)  # before anything is created beside the database
        if _command_name(args) in WRITING:
            lock_was_there = instance.lock_path(_db_path(args)).exists()
            lock = _hold_database(args)
        return _dispatch(args)
    except UserError as exc:
        print(f"jury-desk : {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:
        return EXIT_FAILURE
    except Exception as exc:
        from jury_desk.core import environment

        problem = environment.describe(exc, getattr(args, "db", None) or _default_db_name())
        if problem is not None:  # the disk, the file or another program: exit 2
            log.warning("command refused by the environment: %s", problem.code)
            print(f"jury-desk : {problem}", file=sys.stderr)
            return EXIT_REFUSED
        # A bug: its type and frames go to the log (logsetup keeps messages out, they
        # may quote names), its type to the user.
        log.exception("command failed")
        print(
            f"jury-desk : erreur inattendue ({type(exc).__name__}). Rien n’a été modifié "
            "si la commande écrivait dans la base ; le journal technique donne le détail.",
            file=sys.stderr,
        )
        return EXIT_FAILURE
    finally:
        _close_opened()
        if lock is not None:
            lock.release()
            if not lock_was_there:  # a command leaves no lock file behind (a refusal: nothing)
                with contextlib.suppress(OSError, UserError):
                    fsutil.unlink(lock.path, missing_ok=True)
        if collecting:
            gc.enable()


# The commands that open a database (the purge aside: erasing must work wherever it is).
_OPENS_DB = (
    "import",
    "scores",
    "hearings",
    "attendance",
    "recuse",
    "results",
    "export",
    "restore",
)


def _check_location(args: argparse.Namespace) -> None:
    """The GUI's rule, for every command: no database on a share, a USB key or OneDrive."""
    from jury_desk.core import instance

    if args.command not in _OPENS_DB:
        return
    refusal = instance.check_location(_db_path(args))
    if refusal is not None:
        raise refusal.refused()


def _default_db_name() -> str | None:
    try:
        from jury_desk.core import paths

        return str(paths.default_db())
    except OSError:
        return None


def _dispatch(args: argparse.Namespace) -> int:
    cmd = args.command
    if cmd == "import":
        return _cmd_import(args)
    if cmd == "scores":
        return _cmd_scores(args)
    if cmd == "hearings":
        return _cmd_hearings(args)
    if cmd == "attendance":
        desk = _desk(args)
        sid = desk.resolve(args.session)
        desk.set_attendance(sid, args.absent)
        st = desk.state(sid)
        print(
            f"Présence enregistrée : {len(st.present)} présent(s) sur {len(st.jurors)} "
            f"(quorum : {st.info.rules.quorum})."
        )
        return EXIT_OK
    if cmd == "recuse":
        desk = _desk(args)
        sid = desk.resolve(args.session)
        desk.recuse(sid, args.juror, args.dossier, args.kind, args.reason)
        print(f"Récusation enregistrée : {args.juror} pour {args.dossier}.")
        return EXIT_OK
    if cmd == "results":
        return _cmd_results(args)
    if cmd == "export":
        return _cmd_export(args)
    if cmd == "verify":
        return _cmd_verify(args)
    if cmd == "bundle":
        return _cmd_bundle(args)
    if cmd == "keys":
        return _cmd_keys(args)
    if cmd == "restore":
        from jury_desk import cli_maintenance

        return cli_maintenance.restore_command(args)
    if cmd == "purge":
        from jury_desk import cli_maintenance

        return cli_maintenance.purge_command(args)
    raise AssertionError(cmd)


def _cmd_import(args: argparse.Namespace) -> int:
    from jury_desk.core import api

    path = _db_path(args)
    created = not path.exists()
    desk = _open_desk(path)
    try:
        report = desk.import_bundle(args.bundle, api.trusted_keys(args.trust))
    except BaseException:
        desk.close()
        if created:  # a refused bundle leaves nothing behind, not even an empty database
            _remove_new_database(path)
        raise
    if report.unchanged:
        print(f"Session « {report.title} » déjà importée à l’identique : rien n’a changé.")
    else:
        from jury_desk.core import fmt

        size = fmt.number(report.attachment_bytes / 1e6, 1)
        print(
            f"Session importée : « {report.title} » ({report.session_id}) — {report.dossiers} dossiers, "
            f"{report.attachments} pièces jointes ({size}{fmt.NBSP}Mo)"
            + (" — SESSION DE DÉMONSTRATION" if report.is_demo else "")
            + "."
        )
    return EXIT_OK


def _remove_new_database(path: Path) -> None:
    from jury_desk.core import fsutil, paths

    for suffix in ("", "-wal", "-shm", "-journal"):
        fsutil.unlink(path.with_name(path.name + suffix), missing_ok=True)
    fsutil.rmtree_quietly(paths.files_dir(path))


def _cmd_scores(args: argparse.Namespace) -> int:
    if args.scores_command == "export":  # read-only: the light path, no ORM
        from jury_desk.core.state import scores_csv

        text = scores_csv(_read_state(args))
        if args.out is not None:
            from jury_desk.core import csvio

            fsutil.write_atomic(Path(args.out), csvio.excel_bytes(text))
            print(f"Notes écrites pour Excel dans « {args.out} ».")
            return EXIT_OK
        sys.stdout.write(text)
        return EXIT_OK
    desk = _desk(args)
    sid = desk.resolve(args.session)
    if args.scores_command == "import":
        from jury_desk.core import csvio

        try:
            data = Path(args.csv).read_bytes()
        except OSError as exc:
            raise UserError(
                "csv_unreadable", f"Impossible de lire « {args.csv} » ({exc})."
            ) from exc
        sheet = csvio.read(data)
        n = desk.import_scores_csv(sid, sheet.text)
        print(f"{n} note(s) enregistrée(s) ({sheet.description}).")
        return EXIT_OK
    raise AssertionError(args.scores_command)


def _cmd_hearings(args: argparse.Namespace) -> int:
    desk = _desk(args)
    sid = desk.resolve(args.session)
    try:
        text = Path(args.csv).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError("csv_unreadable", f"Impossible de lire « {args.csv} » ({exc}).") from exc
    n = desk.import_hearings_csv(sid, text)
    print(f"{n} audition(s) enregistrée(s), chacune avec son motif au journal d’audit.")
    return EXIT_OK


def _cmd_results(args: argparse.Namespace) -> int:
    from jury_desk.core import api, readmodel

    st = _read_state(args, check_chain=True)  # results are refused on a broken chain
    ds = readmodel.build(st)
    if args.json:
        doc = api.results_json(ds)
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(api.results_table(ds))
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from jury_desk.core import api, instance

    desk = _desk(args)
    sid = desk.resolve(args.session)
    password = os.environ.get(args.key_password_env, "").encode() if args.key_password_env else None
    ident = api.load_identity(args.key, password)
    warning = instance.export_location_warning(Path(args.out).parent)
    if warning:
        print(f"jury-desk : attention — {warning.message}", file=sys.stderr)
    from jury_desk.core import settings as core_settings

    prefs = core_settings.load()  # the signer's name and role the GUI asked for, if any
    signer: tuple[str, str] | None
    if args.signer is not None:
        signer = api.signer_line(args.signer, args.signer_role or "")
    elif prefs.signer_name:
        signer = (prefs.signer_name, args.signer_role or prefs.signer_role or "")
    else:
        signer = None
        print(
            f"jury-desk : attention — aucun signataire n’est donné : le procès-verbal sera "
            f"signé au nom de la clé (« {api.default_signer(ident)} »). Précisez "
            f'--signer "Prénom Nom" --signer-role "Qualité".',
            file=sys.stderr,
        )
    report = api.export_session(
        desk, sid, args.out, ident, accept_proposal=args.accept_proposal, signer=signer
    )
    print(
        f"Paquet de résultats écrit : {report.path} (export n° {report.export_seq}, "
        f"signé par {ident.name}, clé {ident.kid})."
    )
    checked = api.verify_written(desk, sid, report, ident)
    if not checked.ok:
        failed = "; ".join(f"{c.label} : {c.detail}" for c in checked.checks if not c.ok)
        print(f"jury-desk : le paquet écrit ne se vérifie pas ({failed}).", file=sys.stderr)
        return EXIT_FAILURE
    print("Vérifié : signatures, empreintes, journal d’audit et schéma conformes.")
    return EXIT_OK


def _cmd_verify(args: argparse.Namespace) -> int:
    from jury_desk.core import api

    # verify trusts the given keys only, never the installation's trust store
    trusted = [k for p in args.trust for k in api.load_jwks(Path(p))]
    report = api.verify_result(args.result, trusted, session_bundle=args.session_bundle)
    for check in report.checks:
        mark = "OK " if check.ok else "ÉCHEC"
        print(f"[{mark}] {check.label}" + (f" — {check.detail}" if check.detail else ""))
    for warning in report.warnings:
        print(f"[ATTENTION] {warning}")
    for note in report.not_checked:
        print(f"[NON VÉRIFIÉ] {note}")
    if not report.ok:
        print("jury-desk : le paquet de résultats ne se vérifie pas :", file=sys.stderr)
        for check in report.checks:
            if not check.ok:
                print(f"  – {check.label} : {check.detail}", file=sys.stderr)
        return EXIT_REFUSED
    scope = (
        "et result.json recalculé depuis le manifeste du siège et le journal d’audit"
        if args.session_bundle is not None
        else "; résultats non recalculés (sans --session-bundle)"
    )
    print(
        "Paquet de résultats vérifié : signatures, empreintes, journal d’audit et schéma "
        f"conformes {scope}."
    )
    return EXIT_OK


def _cmd_bundle(args: argparse.Namespace) -> int:
    from jury_desk.core import api

    ident = api.load_identity(args.key)
    doc = api.make_bundle(args.source, ident.key, args.out)
    print(
        f"Paquet de session écrit : {args.out} ({len(doc['dossiers'])} dossiers), signé par la clé {ident.kid}."
    )
    return EXIT_OK


def _cmd_keys(args: argparse.Namespace) -> int:
    from jury_desk.core import api

    kc = args.keys_command
    if kc == "new":
        if args.out is not None:  # headquarters' key, for `bundle make`
            ident = api.new_key_file(args.out, args.name, force=args.force)
        else:
            ident = api.new_identity(args.name, force=args.force)
        print(f"Clé créée pour « {ident.name} ».\nEmpreinte (kid) : {ident.kid}")
        return EXIT_OK
    if kc == "import":
        password = os.environ.get(args.password_env, "").encode() if args.password_env else None
        ident = api.import_p12(args.p12, password)
        print(f"Certificat importé : « {ident.name} ».\nEmpreinte (kid) : {ident.kid}")
        return EXIT_OK
    if kc == "trust":
        added = api.add_trusted(args.jwks, args.name)
        print(f"{len(added)} clé(s) de confiance ajoutée(s) : {', '.join(added) or '—'}")
        return EXIT_OK
    ident = api.load_identity(create=False)
    if kc == "show":
        print(
            f"Titulaire : {ident.name}\nEmpreinte (kid) : {ident.kid}\n  {api.fingerprint_text(ident.kid)}"
        )
        if ident.certificate is not None:
            print(f"Certificat valable jusqu’au : {ident.certificate.not_valid_after_utc:%d/%m/%Y}")
        return EXIT_OK
    jwk_text = api.public_jwk_document(ident)
    if args.jwk:
        args.jwk.write_text(jwk_text, encoding="utf-8")
    cert = api.certificate_pem(ident)
    if args.cert and cert is not None:
        args.cert.write_bytes(cert)
    if not args.jwk and not args.cert:
        sys.stdout.write(jwk_text)
    return EXIT_OK

"""The front ends' one door beyond a session's use cases.

:class:`jury_desk.core.services.Desk` is the door to a session (import, attendance,
hearings, scoring, deliberation). This module is the door to the rest: the keys and the
trusted keys, headquarters' session bundles, the export and its verification, the
printed sheets, the snapshots, the purge, and the domain types the front ends show. The command line, the
GUI and the self-test import nothing else of the core's inner modules (a test holds
them to it: ``tests/test_import_contracts.py``).

A name is loaded from its module the first time it is used (PEP 562), so that the
console's first paint pays for none of them (cryptography, reportlab, pyHanko,
jsonschema); type checkers see the real objects.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # « X as X »: re-exported on purpose
    from jury_desk.core.bundle import (
        make_bundle as make_bundle,
    )
    from jury_desk.core.crypto import (
        SigningIdentity as SigningIdentity,
    )
    from jury_desk.core.crypto import (
        fingerprint_text as fingerprint_text,
    )
    from jury_desk.core.crypto import (
        load_jwks as load_jwks,
    )
    from jury_desk.core.deliberation import (
        AlternativeRanking as AlternativeRanking,
    )
    from jury_desk.core.deliberation import (
        Blocker as Blocker,
    )
    from jury_desk.core.deliberation import (
        DeliberationResult as DeliberationResult,
    )
    from jury_desk.core.deliberation import (
        DossierResult as DossierResult,
    )
    from jury_desk.core.deliberation import (
        DossierStatus as DossierStatus,
    )
    from jury_desk.core.export import (
        SIGNER_MAX as SIGNER_MAX,
    )
    from jury_desk.core.export import (
        STEPS as STEPS,
    )
    from jury_desk.core.export import (
        Check as Check,
    )
    from jury_desk.core.export import (
        ExportReport as ExportReport,
    )
    from jury_desk.core.export import (
        VerifyReport as VerifyReport,
    )
    from jury_desk.core.export import (
        default_signer as default_signer,
    )
    from jury_desk.core.export import (
        export_session as export_session,
    )
    from jury_desk.core.export import (
        signer_line as signer_line,
    )
    from jury_desk.core.export import (
        verify_result as verify_result,
    )
    from jury_desk.core.export import (
        verify_written as verify_written,
    )
    from jury_desk.core.keys import (
        add_trusted as add_trusted,
    )
    from jury_desk.core.keys import (
        certificate_pem as certificate_pem,
    )
    from jury_desk.core.keys import (
        has_identity as has_identity,
    )
    from jury_desk.core.keys import (
        import_p12 as import_p12,
    )
    from jury_desk.core.keys import (
        load_identity as load_identity,
    )
    from jury_desk.core.keys import (
        new_identity as new_identity,
    )
    from jury_desk.core.keys import (
        new_key_file as new_key_file,
    )
    from jury_desk.core.keys import (
        public_jwk_document as public_jwk_document,
    )
    from jury_desk.core.keys import (
        trusted_keys as trusted_keys,
    )
    from jury_desk.core.paper import (
        attendance_sheet_pdf as attendance_sheet_pdf,
    )
    from jury_desk.core.paper import (
        blank_sheets_pdf as blank_sheets_pdf,
    )
    from jury_desk.core.privacy import (
        PurgeReport as PurgeReport,
    )
    from jury_desk.core.privacy import (
        PurgeStatus as PurgeStatus,
    )
    from jury_desk.core.privacy import (
        purge as purge,
    )
    from jury_desk.core.privacy import (
        purge_due as purge_due,
    )
    from jury_desk.core.privacy import (
        purge_status as purge_status,
    )
    from jury_desk.core.result_document import (
        results_json as results_json,
    )
    from jury_desk.core.result_document import (
        results_table as results_table,
    )
    from jury_desk.core.snapshots import (
        SnapshotInfo as SnapshotInfo,
    )
    from jury_desk.core.snapshots import (
        SnapshotResult as SnapshotResult,
    )
    from jury_desk.core.snapshots import (
        SnapshotSession as SnapshotSession,
    )
    from jury_desk.core.snapshots import (
        list_snapshots as list_snapshots,
    )
    from jury_desk.core.snapshots import (
        missing_attachments as missing_attachments,
    )
    from jury_desk.core.snapshots import (
        reason_parts as reason_parts,
    )
    from jury_desk.core.snapshots import (
        restore as restore,
    )
    from jury_desk.core.snapshots import (
        snapshot as snapshot,
    )
    from jury_desk.core.snapshots import (
        take_snapshot as take_snapshot,
    )
    from jury_desk.core.snapshots import (
        verify_snapshot as verify_snapshot,
    )

# Where each name lives.
_HOME: dict[str, str] = {
    **dict.fromkeys(["make_bundle"], "bundle"),
    **dict.fromkeys(["SigningIdentity", "fingerprint_text", "load_jwks"], "crypto"),
    **dict.fromkeys(
        [
            "AlternativeRanking",
            "Blocker",
            "DeliberationResult",
            "DossierResult",
            "DossierStatus",
        ],
        "deliberation",
    ),
    **dict.fromkeys(
        [
            "SIGNER_MAX",
            "STEPS",
            "Check",
            "ExportReport",
            "VerifyReport",
            "default_signer",
            "export_session",
            "signer_line",
            "verify_result",
            "verify_written",
        ],
        "export",
    ),
    **dict.fromkeys(
        [
            "add_trusted",
            "certificate_pem",
            "has_identity",
            "import_p12",
            "load_identity",
            "new_identity",
            "new_key_file",
            "public_jwk_document",
            "trusted_keys",
        ],
        "keys",
    ),
    **dict.fromkeys(["attendance_sheet_pdf", "blank_sheets_pdf"], "paper"),
    **dict.fromkeys(
        ["PurgeReport", "PurgeStatus", "purge", "purge_due", "purge_status"], "privacy"
    ),
    **dict.fromkeys(["results_json", "results_table"], "result_document"),
    **dict.fromkeys(
        [
            "SnapshotInfo",
            "SnapshotResult",
            "SnapshotSession",
            "list_snapshots",
            "missing_attachments",
            "reason_parts",
            "restore",
            "snapshot",
            "take_snapshot",
            "verify_snapshot",
        ],
        "snapshots",
    ),
}

__all__ = sorted(_HOME)


if not TYPE_CHECKING:  # type checkers see the imports above, and no fallback

    def __getattr__(name: str) -> Any:
        home = _HOME.get(name)
        if home is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"jury_desk.core.{home}"), name)
        globals()[name] = value  # the next use costs nothing
        return value


def __dir__() -> list[str]:
    return __all__

"""Paper sheets as Excel saves them (issue 16): ``;`` or ``,`` sniffed on the header,
a UTF-8 BOM, Windows-1252, UTF-16 from PowerShell 5.1; ``scores export --out`` for Excel."""

from __future__ import annotations

from pathlib import Path

import pytest

from jury_desk import cli
from jury_desk.core import csvio
from jury_desk.core.errors import UserError
from jury_desk.core.services import Desk

HEADER = "dossier_id,juror_id,criterion_id,value"


def test_french_excel_semicolons_decimal_comma_and_ansi(demo_desk: tuple[Desk, str]) -> None:
    desk, sid = demo_desk
    data = ("dossier_id;juror_id;criterion_id;value\r\nd01;j01;innovation;4\r\n").encode("cp1252")
    sheet = csvio.read(data)
    assert (sheet.delimiter, sheet.encoding) == (";", "utf-8")  # ASCII is valid UTF-8
    assert "point-virgule" in sheet.description
    assert desk.import_scores_csv(sid, data) == 1  # was: refused, « en-tête attendu »
    assert desk.state(sid).scores[("d01", "j01", "innovation")] == 4


def test_windows_1252_is_the_fallback_when_not_utf8() -> None:
    data = "dossier_id;juror_id;criterion_id;value\nd01;j01;innovation;3\n# évalué\n".encode(
        "cp1252"
    )
    sheet = csvio.read(data)
    assert sheet.encoding == "cp1252" and "évalué" in sheet.text
    assert "Windows-1252" in sheet.description


@pytest.mark.parametrize(
    ("data", "encoding", "delimiter"),
    [
        (csvio.UTF8_BOM + (HEADER + "\n").encode(), "utf-8-sig", ","),
        ((HEADER + "\n").encode("utf-16"), "utf-16", ","),  # PowerShell 5.1's ">"
        ((HEADER.replace(",", ";") + "\n").encode(), "utf-8", ";"),
        (b"\n\n" + (HEADER + "\n").encode(), "utf-8", ","),
    ],
)
def test_bom_encodings_and_separators_are_recognised(
    data: bytes, encoding: str, delimiter: str
) -> None:
    sheet = csvio.read(data)
    assert (sheet.encoding, sheet.delimiter) == (encoding, delimiter)
    assert not sheet.text.startswith("\ufeff")
    assert next(r for r in sheet.rows() if r) == HEADER.split(",")


def test_bytes_that_are_neither_utf8_nor_windows_1252_are_refused() -> None:
    with pytest.raises(UserError) as caught:
        csvio.read(b"dossier_id;juror_id\n\x81\xff\n")
    assert caught.value.code == "csv_encoding" and "CSV UTF-8" in caught.value.message


def test_excel_bytes_round_trip_through_the_import(scored_demo: tuple[Desk, str]) -> None:
    desk, sid = scored_demo
    before = dict(desk.state(sid).scores)
    data = csvio.excel_bytes(desk.export_scores_csv(sid))
    assert data.startswith(csvio.UTF8_BOM) and b"\r\n" in data
    assert data.splitlines()[0] == csvio.UTF8_BOM + HEADER.replace(",", ";").encode()
    assert desk.import_scores_csv(sid, data) == len(before)
    assert desk.state(sid).scores == before


def test_cli_scores_export_out_is_for_excel_and_stdout_stays_plain(
    scored_demo: tuple[Desk, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    desk, _ = scored_demo
    db = str(desk.db_path)
    out = tmp_path / "notes été.csv"
    assert cli.run(["scores", "export", "--db", db, "--out", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(csvio.UTF8_BOM) and b";" in data.splitlines()[1]
    capsys.readouterr()
    assert cli.run(["scores", "export", "--db", db]) == 0
    plain = capsys.readouterr().out
    assert plain.startswith(HEADER + "\n") and "\ufeff" not in plain
    assert cli.run(["scores", "import", str(out), "--db", db]) == 0
    assert "point-virgule" in capsys.readouterr().out

"""Paper-sheet CSV files as Excel writes them, and as Excel reads them.

Reading (:func:`read`). A French Excel saves « CSV (séparateur : point-virgule) » with
``;`` between fields, a decimal comma, and in the ANSI code page (Windows-1252);
« CSV UTF-8 » adds a byte-order mark; PowerShell 5.1's ``>`` writes UTF-16 with a BOM.
The separator is sniffed on the header line (``;`` or ``,``, whichever it has more of;
``,`` when it has neither, and the header check then says what was expected). The
encoding is decided once for the whole file, in this order, and stated in the result so
that a preview can show it:

1. a UTF-8 BOM: UTF-8;
2. a UTF-16 BOM: UTF-16;
3. valid UTF-8: UTF-8 (a Windows-1252 file with accents is almost never valid UTF-8);
4. otherwise Windows-1252 (decision: the legacy Excel « CSV » of a French Windows; the
   five bytes it leaves undefined are refused).

Writing for Excel (:func:`excel_bytes`): UTF-8 with a BOM (Excel otherwise reads UTF-8 as
ANSI), ``;`` and a decimal comma (what a French Excel opens in columns), CRLF. The
standard output of ``jury-desk scores export`` stays plain UTF-8 with commas (CONTRACT
section 7); ``--out FILE`` writes this form.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from jury_desk.core.errors import UserError
from jury_desk.core.records import record

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# The encodings and separators read, as codes (``csv.encoding.<code>``,
# ``csv.separator.<code>`` in ``jury_desk.messages``).
_SEPARATOR_CODES = {";": "semicolon", ",": "comma"}


@record
class Sheet:
    """A decoded CSV text, its separator and its encoding."""

    text: str
    delimiter: str  # ";" or ","
    encoding: str  # "utf-8-sig", "utf-8", "utf-16" or "cp1252"

    def rows(self) -> Iterator[list[str]]:
        # newline="": the csv module sees every line ending (a lone CR included) as one;
        # otherwise a CR inside a line raises csv.Error instead of a French refusal
        # (found by scripts/fuzz.py).
        return csv.reader(io.StringIO(self.text, newline=""), delimiter=self.delimiter)

    @property
    def description_params(self) -> dict[str, object]:
        """What was detected, as codes: the separator's and the encoding's."""
        return {
            "separator_code": _SEPARATOR_CODES[self.delimiter],
            "encoding_code": self.encoding.replace("-", "_"),
        }

    @property
    def description(self) -> str:
        """For the CLI: « séparateur point-virgule « ; », encodage UTF-8 » (French)."""
        from jury_desk import messages

        return messages.template("csv.description").format(
            **messages.words(self.description_params)
        )


def decode(data: bytes) -> tuple[str, str]:
    """The text of a CSV file and the encoding it was read with (see the module doc)."""
    if data.startswith(UTF8_BOM):
        encoding = "utf-8-sig"
    elif data.startswith(UTF16_BOMS):
        encoding = "utf-16"
    else:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            encoding = "cp1252"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        raise UserError("csv_encoding", params={"offset": exc.start + 1}) from exc


def sniff_delimiter(text: str) -> str:
    """``;`` or ``,``, from the first non-blank line (the header)."""
    for line in text.splitlines():
        if line.strip():
            return ";" if line.count(";") > line.count(",") else ","
    return ","


def read(source: str | bytes) -> Sheet:
    """A CSV file's content (bytes, or text already decoded) as a :class:`Sheet`."""
    if isinstance(source, bytes):
        text, encoding = decode(source)
    else:
        text, encoding = source, "utf-8"
    text = text.lstrip("\ufeff")
    return Sheet(text, sniff_delimiter(text), encoding)


def excel_bytes(text: str) -> bytes:
    """A comma CSV (``scores export``) as a French Excel opens it: BOM, ``;``, ``3,5``."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for n, row in enumerate(csv.reader(io.StringIO(text))):
        if n and row:
            row = [*row[:-1], row[-1].replace(".", ",")]
        writer.writerow(row)
    return UTF8_BOM + out.getvalue().encode("utf-8")

"""The GUI's start reads its command line without building the commands' sub-parsers
(``cli.parse_launch``, issue 15): every command line must read exactly as the whole
parser reads it, with the same help and the same messages."""

from __future__ import annotations

import contextlib
import io

import pytest

from jury_desk import cli


def _read(parse: object, argv: list[str]) -> tuple[object, int | None, str, str]:
    """(namespace or None, exit code, stdout, stderr) of ``parse(argv)``."""
    out, err = io.StringIO(), io.StringIO()
    code: int | None = None
    result: object = None
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            result = parse(argv)  # type: ignore[operator]
        except SystemExit as exc:
            code = int(exc.code or 0)
    return result, code, out.getvalue(), err.getvalue()


def _whole(argv: list[str]) -> object:
    return cli.build_parser().parse_known_args(argv)[0]


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--demo"],
        ["--db", "jury.sqlite3", "--session", "s1", "--lang", "en"],
        ["--db=jury.sqlite3", "--no-err-windows"],
        ["--lang", "fr", "--demo", "-platform", "offscreen"],  # Qt's own option
        ["--help"],
        ["-h"],
        ["--version"],
        ["--lang", "de"],  # refused: the whole parser's message
        ["--db"],
        ["results", "--json", "--db", "jury.sqlite3"],
        ["--db", "jury.sqlite3", "results"],
        ["results", "--help"],
        ["export"],  # its --out is required
        ["scores", "export", "--db", "x.sqlite3"],
        # --version after a command is the command's (refused there), not the program's
        ["import", "x.zip", "--version"],
        ["import", "--version"],
        ["x", "--version"],
        ["--ver"],
        ["--db", "--version"],
        ["--dem", "--db=x.sqlite3", "--"],
    ],
)
def test_a_command_line_reads_as_the_whole_parser_reads_it(argv: list[str]) -> None:
    assert _read(cli.parse_launch, argv) == _read(_whole, argv)


def test_a_launch_of_the_window_does_not_build_the_commands(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built: list[bool] = []
    real = cli.build_parser

    def spy(commands: bool = True) -> object:
        built.append(commands)
        return real(commands)

    monkeypatch.setattr(cli, "build_parser", spy)
    args = cli.parse_launch(["--db", "jury.sqlite3", "--demo"])
    assert built == [False]
    assert args.command is None and args.demo is True and str(args.db) == "jury.sqlite3"
    built.clear()
    assert cli.parse_launch(["results", "--db", "jury.sqlite3"]).command == "results"
    assert built == [False, True]

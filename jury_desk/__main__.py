"""Entry point: the GUI by default, the headless commands of CONTRACT section 7 otherwise."""

from __future__ import annotations

import gc
import sys


def main(argv: list[str] | None = None) -> int:
    whole_process = argv is None  # the process's own command line: it ends after this
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--render-worker"]:  # jury_desk.render_worker: before anything else
        from jury_desk import render_worker

        return render_worker.main(argv[1:])
    from jury_desk.cli import parse_launch, run

    args = parse_launch(argv)
    if args.self_test:  # before logging: the self-test keeps away from the user's folders
        from jury_desk import selftest

        return selftest.run(args)
    from jury_desk import logsetup

    logsetup.configure(rotate=args.command is not None)  # the GUI's: after its first paint
    if args.command is None:
        gc.disable()  # for the start: resumed at the first paint (ui.app.resume_collector)
        from jury_desk.ui.app import run_gui

        return run_gui(args)
    code = run(argv)
    if whole_process:
        # The command is done and the interpreter is about to end. Its teardown frees the
        # objects one by one anyway, then runs full collections over everything the
        # imports made (SQLAlchemy, reportlab, pyHanko): 0.2 s of an export at 40
        # dossiers, for nothing. Frozen objects are left out of those walks
        # (gc.freeze). The databases the command opened are closed by now (cli.run);
        # the log is flushed at exit as before (atexit runs ahead of the teardown).
        gc.freeze()
    return code


if __name__ == "__main__":
    sys.exit(main())

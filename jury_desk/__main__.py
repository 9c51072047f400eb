"""Entry point: the GUI by default, the headless commands of CONTRACT section 7 otherwise."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--render-worker"]:  # jury_desk.render_worker: before anything else
        from jury_desk import render_worker

        return render_worker.main(argv[1:])
    from jury_desk.cli import build_parser, run

    args, _ = build_parser().parse_known_args(argv)
    if args.self_test:  # before logging: the self-test keeps away from the user's folders
        from jury_desk import selftest

        return selftest.run(args)
    from jury_desk import logsetup

    logsetup.configure()
    if args.command is None:
        import gc

        gc.disable()  # for the start: resumed at the first paint (ui.app.resume_collector)
        from jury_desk.ui.app import run_gui

        return run_gui(args)
    return run(argv)


if __name__ == "__main__":
    sys.exit(main())

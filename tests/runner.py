"""The `planner` command run inside the test process: `planner.cli.main(argv)` with its own
environment, working folder, standard input and captured output, answered as a finished process
would be. Starting a fresh interpreter per command was most of the suite's time; what only a real
process shows (exit codes through a pipe, kills, locks held by another process) keeps
`subprocess` in the tests that are about it."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import traceback
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path


class _Captured(io.TextIOWrapper):
    """A text stream over bytes, as a pipe's: UTF-8, never a terminal, with a `.buffer`."""

    def __init__(self) -> None:
        super().__init__(io.BytesIO(), encoding="utf-8", errors="backslashreplace", write_through=True)

    def isatty(self) -> bool:
        return False

    def text(self) -> str:
        self.flush()
        raw = self.buffer.getvalue()  # type: ignore[attr-defined]
        return raw.decode("utf-8", errors="replace").replace("\r\n", "\n")


@contextlib.contextmanager
def _environment(env: Mapping[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


@contextlib.contextmanager
def _folder(cwd: Path) -> Iterator[None]:
    before = os.getcwd()
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(before)


def invoke(
    args: Sequence[str], env: Mapping[str, str], cwd: Path, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """`planner ARGS` run in this process; its exit code, standard output and standard error."""
    from planner.cli.main import main

    out, err = _Captured(), _Captured()
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin = io.StringIO(input or "")
    sys.stdout, sys.stderr = out, err
    try:
        with _environment(env), _folder(cwd):
            try:
                code = main(list(args))
            except SystemExit as exit:  # argparse's usage errors and --help
                code = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 2)
            except BaseException:  # what a real process would print as it died
                print(traceback.format_exc(), file=sys.__stderr__)
                err.write(traceback.format_exc())
                code = 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        sys.stdin, sys.stdout, sys.stderr = saved
    return subprocess.CompletedProcess([sys.executable, "-m", "planner", *args], code, out.text(), err.text())

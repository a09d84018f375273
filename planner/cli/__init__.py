"""The `planner` command line (SPEC's contract): `main` parses and dispatches (cli/main.py)."""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from planner.cli.main import main as run

    return run(argv)

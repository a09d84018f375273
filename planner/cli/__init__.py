"""The `planner` command line (SPEC's contract): `main` parses and dispatches (cli/main.py).

`main` here is the function: importing it from the module binds the package's name to it, so a
later `import planner.cli.main` (the module) never shadows it."""

from __future__ import annotations

from planner.cli.main import main, run

__all__ = ["main", "run"]

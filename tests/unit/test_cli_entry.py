"""The entry point `planner.cli:main` is the function whatever was imported before it: the module
`planner/cli/main.py` once shadowed it, and a test that imported the module first made
`from planner.cli import main` hand out a module (found when the tests ran in another order)."""

from __future__ import annotations

import importlib
import sys


def test_the_entry_point_is_the_function_after_its_module_was_imported() -> None:
    importlib.import_module("planner.cli.main")
    from planner.cli import main

    assert callable(main) and main is sys.modules["planner.cli.main"].main

"""The entry point `planner.cli:main` is the function whatever was imported before it: the module
`planner/cli/main.py` once shadowed it, and a test that imported the module first made
`from planner.cli import main` hand out a module (found when the tests ran in another order)."""

from __future__ import annotations

import gc
import importlib
import sys

import pytest


def test_the_entry_point_is_the_function_after_its_module_was_imported() -> None:
    importlib.import_module("planner.cli.main")
    from planner.cli import main

    assert callable(main) and main is sys.modules["planner.cli.main"].main


def test_a_one_off_command_runs_without_the_cycle_collector_and_gives_it_back(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`check` and the other one-off commands turn Python's cycle collector off (a full pass over a
    city's million objects cost more than judging an account); the app, `serve` and `bench` keep
    it; and a caller that goes on (this test process) has it back as it was."""
    from planner.cli import main as cli

    seen: list[bool] = []
    module = sys.modules["planner.cli.main"]
    real = module.COMMANDS["org"]
    module.COMMANDS["org"] = lambda args, lang: seen.append(gc.isenabled()) or 0
    try:
        assert gc.isenabled()
        assert cli(["org", "show", "--data", "/nonexistent"]) == 0
    finally:
        module.COMMANDS["org"] = real
    assert seen == [False] and gc.isenabled()
    for command, collecting in ((None, True), ("serve", True), ("bench", True), ("check", False)):
        module.collector_for(command)
        assert gc.isenabled() is collecting
    gc.enable()

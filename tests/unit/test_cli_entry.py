"""The entry point `planner.cli:main` is the function whatever was imported before it: the module
`planner/cli/main.py` once shadowed it, and a test that imported the module first made
`from planner.cli import main` hand out a module (found when the tests ran in another order)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path


def test_the_entry_point_is_the_function_after_its_module_was_imported() -> None:
    importlib.import_module("planner.cli.main")
    from planner.cli import main

    assert callable(main) and main is sys.modules["planner.cli.main"].main


def test_the_command_leaves_after_its_answer_with_its_code_and_its_exit_handlers_run(tmp_path: Path) -> None:
    """`planner` (`cli.main.run`): the whole answer is out, the exit code is the command's, and what
    was registered to run at exit ran (after the answer)."""
    import json
    import os
    import subprocess

    from tests.conftest import FROZEN_NOW
    from tests.helpers import stored_base

    stored_base(tmp_path / "ws")
    code = (
        "import atexit\natexit.register(lambda: print('exit handler', flush=True))\n"
        "from planner.cli.main import run\nrun()"
    )
    env = {**os.environ, "PLANNER_NOW": FROZEN_NOW, "PLANNER_CACHE": "off", "LANG": "en_US.UTF-8"}
    args = ["check", "--to", "2026-12-31", "--format", "json", "--data", str(tmp_path / "ws")]
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True)
    answer, handler = done.stdout.rsplit("\n", 2)[0], done.stdout.rsplit("\n", 2)[1]
    assert handler == "exit handler" and done.stderr == ""
    found = json.loads(answer)
    assert done.returncode == (1 if found["summary"]["blocking"] else 0)
    missing = subprocess.run(
        [sys.executable, "-c", code, "check", "--data", str(tmp_path / "none")], env=env, capture_output=True
    )
    assert missing.returncode not in (0, 1)  # a refusal's own code, not the answer's

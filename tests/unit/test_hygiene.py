"""The headless layers import without Textual, and `planner check` without Textual or Pillow."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HEADLESS = ["planner.domain", "planner.storage", "planner.media", "planner.reports", "planner.services"]


def _modules_after(code: str) -> set[str]:
    probe = f"import sys\n{code}\nprint('\\n'.join(sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


@pytest.mark.parametrize("package", HEADLESS)
def test_headless_layer_imports_without_textual(package: str) -> None:
    modules = _modules_after(
        f"import pkgutil, importlib, {package}\n"
        f"for info in pkgutil.walk_packages({package}.__path__, '{package}.'):\n"
        f"    importlib.import_module(info.name)"
    )
    assert package in modules
    assert not any(m == "textual" or m.startswith("textual.") for m in modules)


def test_check_path_needs_neither_textual_nor_pillow() -> None:
    modules = _modules_after(
        "import planner.cli.main, planner.cli.check, planner.services.checks, planner.services.posts"
    )
    assert "planner.services.checks" in modules
    assert "PIL" not in modules and "textual" not in modules


WRITERS_ONLY = {
    "planner.storage.journal",  # a check writes nothing (it reads the audit anchor's record, though)
    "tinydb",  # rendering a file to write; the reader parses it strictly itself
    "planner.media.subtitles",  # only posts with a video read subtitle files
    "regex",  # only a text with a hidden character, a second script or an emoji counted for Threads
    "secrets",  # only a new cache key
}


def test_a_check_imports_only_what_it_reads_with(run: Any, workspace: Path, tmp_path: Path) -> None:
    """`planner check` judging a workspace of Finnish posts imports no module that only a writer,
    a large check or another kind of post needs: each costs its import at every run."""
    probe = (
        "import atexit, runpy, sys\n"
        "atexit.register(lambda: print('\\n'.join(sys.modules), file=sys.stderr, flush=True))\n"
        "sys.argv = ['planner', 'check', '--format', 'json', '--data', sys.argv[1]]\n"
        "runpy.run_module('planner', run_name='__main__')"
    )
    env = {
        **os.environ,
        "PLANNER_NOW": "2026-11-30 10:00",
        "PLANNER_CACHE": str(tmp_path / "c"),
        "LANG": "C.UTF-8",
    }
    done = subprocess.run(
        [sys.executable, "-c", probe, str(workspace)], capture_output=True, text=True, env=env
    )
    modules = set(done.stderr.split())
    assert json.loads(done.stdout)["summary"]["posts"] > 0 and "planner.domain.rules.posts" in modules
    assert modules & WRITERS_ONLY == set()


def test_domain_does_no_io_imports() -> None:
    modules = _modules_after(
        "import pkgutil, importlib, planner.domain\n"
        "for info in pkgutil.walk_packages(planner.domain.__path__, 'planner.domain.'):\n"
        "    importlib.import_module(info.name)"
    )
    assert not {"tinydb", "PIL", "filelock", "planner.storage", "planner.media"} & modules


def test_every_message_exists_in_finnish_and_english_and_no_key_is_defined_twice() -> None:
    import importlib
    import itertools
    import pkgutil
    import re
    from pathlib import Path

    import planner.i18n
    from planner.i18n import catalogue

    tables = {  # every message table in planner.i18n, once each, whichever module holds it
        id(value): value
        for info in pkgutil.iter_modules(planner.i18n.__path__, "planner.i18n.")
        for name, value in vars(importlib.import_module(info.name)).items()
        if name.isupper()
        and name != "CATALOGUE"
        and isinstance(value, dict)
        and all(isinstance(texts, dict) for texts in value.values())  # not argparse's own words
    }.values()
    assert sum(len(table) for table in tables) == len(catalogue.CATALOGUE)  # no table left out
    for first, second in itertools.combinations(tables, 2):
        assert not set(first) & set(second)  # a later table would silently win
    for key, texts in catalogue.CATALOGUE.items():
        assert set(texts) == {"fi", "en"}, key
        fields = [sorted(set(re.findall(r"{(\w+)[}|]", texts[lang]))) for lang in ("fi", "en")]
        assert fields[0] == fields[1], key  # both languages fill in the same values
        for lang in ("fi", "en"):  # a plural form names a value the message fills in
            assert set(re.findall(r"{(\w+)\|", texts[lang])) <= set(re.findall(r"{(\w+)}", texts[lang])), key
    # Every literal key the code asks for is in the catalogue.
    source = "\n".join(p.read_text("utf-8") for p in (Path(__file__).parents[2] / "planner").rglob("*.py"))
    asked = set(
        re.findall(
            r"[\"']((?:err|refused|action|note|cli|ui|key|role|kind|sub|consent|audit|doc|ev)\.[a-z_.]+)[\"']",
            source,
        )
    )
    files = {"audit.jsonl", "audit.head"}  # the audit log's file names look like keys
    prefixes = {k for k in asked if any(key.startswith(k + ".") for key in catalogue.CATALOGUE)}
    assert not {k for k in asked if not k.endswith((".", "_"))} - set(catalogue.CATALOGUE) - files - prefixes


def test_the_apps_text_widgets_show_text_as_written() -> None:
    """Textual reads a string given to a widget as markup: `[/x]` in a feedback's text, a person's
    name or a typed date stopped the app. The views and dialogs take their text widgets from
    ui/widgets/plain.py, which reads none; Textual's own are imported there alone."""
    import ast

    markup_readers = {"Static", "Label", "OptionList", "DataTable", "Select", "SelectionList"}
    allowed = {"plain.py": markup_readers, "picks.py": {"SelectionList"}}
    found = []
    for path in sorted(Path("planner/ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "textual.widgets":
                names = {alias.name for alias in node.names} & markup_readers
                found += [f"{path}: {name}" for name in names - allowed.get(path.name, set())]
    assert found == []

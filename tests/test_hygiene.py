"""The headless layers import without Textual, and `planner check` without Textual or Pillow."""

from __future__ import annotations

import subprocess
import sys

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
        "import planner.cli, planner.commands, planner.services.checks, planner.services.posts"
    )
    assert "planner.services.checks" in modules
    assert "PIL" not in modules and "textual" not in modules


def test_domain_does_no_io_imports() -> None:
    modules = _modules_after(
        "import pkgutil, importlib, planner.domain\n"
        "for info in pkgutil.walk_packages(planner.domain.__path__, 'planner.domain.'):\n"
        "    importlib.import_module(info.name)"
    )
    assert not {"tinydb", "PIL", "filelock", "planner.storage", "planner.media"} & modules

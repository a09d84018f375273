"""Shared fixtures: temporary workspaces with real media files, and the `planner` command run for real."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from planner.media.generate import make_clip, make_picture, write_subtitles
from tests.helpers import base_doc
from tests.runner import invoke

FROZEN_NOW = "2026-12-01 10:00"

Run = Callable[..., subprocess.CompletedProcess[str]]


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: two workers for each processor this run may use. The app's tests spend much of
    their time asleep in Pilot's waits for the app to be idle (two 20 ms sleeps or more after each
    key), and another worker's test fills that time: on 2 processors, with another process keeping
    one of them busy, the suite took 334 s with two workers and 236 s with four."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return 2 * (usable or 1)


def make_media(assets: Path) -> None:
    """The real files the base document names."""
    make_picture(assets / "img1.jpg", (1080, 1080), seed=1)
    make_clip(assets / "vid1.gif")
    write_subtitles(assets / "vid1.fi.srt", [("00:00:00.500", "00:00:02.000", "Talvi tuli!")])


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """In-process code (the app, the services) keeps its caches in the test run's own folder, not
    in the user's cache folder."""
    before = os.environ.get("PLANNER_CACHE")
    os.environ["PLANNER_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("PLANNER_CACHE", None)
    else:
        os.environ["PLANNER_CACHE"] = before


def planner_env(tmp_path: Path, env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment a test's command runs in: the clock pinned, English, the test's own cache,
    and no PLANNER_ setting of the machine's."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("PLANNER_")}
    full_env.update(
        {
            "PLANNER_NOW": FROZEN_NOW,
            "LANG": "en_US.UTF-8",
            "PLANNER_CACHE": str(tmp_path / "cache"),
            "XDG_CONFIG_HOME": str(tmp_path / "config"),  # no settings file of the machine's
        }
    )
    full_env.update(env or {})
    return full_env


def _runner(tmp_path: Path, in_process: bool) -> Run:
    def run_planner(
        *args: str,
        env: dict[str, str] | None = None,
        check: int | None = None,
        cwd: Path | None = None,
        input: str | None = None,
    ) -> subprocess.CompletedProcess[str]:
        full_env = planner_env(tmp_path, env)
        if in_process:
            done = invoke(args, full_env, cwd or tmp_path, input)
        else:
            done = subprocess.run(
                [sys.executable, "-m", "planner", *args],
                capture_output=True,
                text=True,
                env=full_env,
                cwd=cwd or tmp_path,
                timeout=120,
                input=input,
            )
        assert "Traceback" not in done.stderr, done.stderr
        if check is not None:
            assert done.returncode == check, (done.stdout, done.stderr)
        return done

    return run_planner


@pytest.fixture
def run(tmp_path: Path) -> Run:
    """Run `planner` in this process (tests/runner.py) with the clock pinned and English messages."""
    return _runner(tmp_path, in_process=True)


@pytest.fixture
def run_process(tmp_path: Path) -> Run:
    """Run `planner` as a process of its own: for what only a process shows (exit codes through a
    pipe, what the interpreter prints as it ends, what it imports)."""
    return _runner(tmp_path, in_process=False)


@pytest.fixture
def workspace(tmp_path: Path, run: Run) -> Path:
    """A workspace holding the base document: everything in it passes."""
    root = tmp_path / "ws"
    run("init", str(root), check=0)
    make_media(root / "assets")
    write_doc(tmp_path / "doc.json", base_doc())
    run("import", str(tmp_path / "doc.json"), "--data", str(root), check=0)
    return root


def write_doc(path: Path, doc: dict[str, Any]) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def fingerprint(root: Path) -> dict[str, str]:
    """Every file under the workspace with its content hash, to prove nothing was written."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.startswith(".workspace.lock")
    }

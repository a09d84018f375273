"""The app on a demo workspace built at a frozen moment, so screens and snapshots are repeatable."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.services import Session

FROZEN = "2026-12-01 10:00"  # a Tuesday, ISO week 49


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import os

    from planner.demo import build_demo

    root = tmp_path_factory.mktemp("demo-template")
    old = os.environ.get("PLANNER_NOW")
    os.environ["PLANNER_NOW"] = FROZEN
    try:
        build_demo(root)
    finally:
        if old is None:
            del os.environ["PLANNER_NOW"]
        else:
            os.environ["PLANNER_NOW"] = old
    return root


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the demo for each test, with the clock pinned."""
    import shutil

    monkeypatch.setenv("PLANNER_NOW", FROZEN)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no personal keymap
    root = tmp_path / "demo"
    shutil.copytree(demo_template, root)
    return root


def make_app(root: Path, user: str | None = "aino", lang: str = "fi", prebuild: bool = True):  # type: ignore[no-untyped-def]
    """The app on `root`; with `prebuild` False its editor is not made a second after start
    (`prebuild_editor`), for a test that makes it itself or takes a picture: on a busy machine the
    timer fired before the test's own call, or held a picture past the half second of an input's
    blinking cursor, where one cell told it apart."""
    from planner.ui.app import PlannerApp

    app = PlannerApp(Session.open(str(root), user), lang)
    if not prebuild:
        app.PREBUILD_SECONDS = 3600.0
    return app


def shown_posts(screen) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Each post the week screen shows, by id, with its card's text."""
    from planner.ui.widgets.day_list import DayList

    return {
        post_id: day.card_text(index)
        for day in screen.query(DayList)
        for index, post_id in enumerate(day.post_ids)
    }


async def paste(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """`text` pasted where the focus is, as a terminal hands the app a paste: one event. For text a
    flow needs but is not about; Pilot waits for the app to be idle after each key it presses
    (some 80 ms a key), and a sentence typed key by key was seconds of the suite."""
    from textual import events

    assert pilot.app.focused is not None
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()

"""SVG snapshots of the main screens at 80×24 on the demo at a frozen date (2026-12-01 10:00).

Update them after an intended change with `python3 -m pytest tests/ui --snapshot-update`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.ui.conftest import make_app

SMALL = (80, 24)


def test_week_view(demo: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(demo), terminal_size=SMALL)


def test_week_view_large_in_english(demo: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(demo, lang="en"), terminal_size=(160, 48), press=["right"])


def test_editor_with_findings(demo: Path, snap_compare: Any) -> None:
    async def open_poster_post(pilot: Any) -> None:
        from planner.ui.screens.editor import EditorScreen

        pilot.app.cursor_day = pilot.app.cursor_day.replace(day=25)
        await pilot.app.push_screen(EditorScreen("p-0070"))  # the Instagram poster: no alt text
        await pilot.pause()

    assert snap_compare(make_app(demo), terminal_size=SMALL, run_before=open_poster_post)


def test_help_screen(demo: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(demo), terminal_size=SMALL, press=["question_mark"])


def test_coverage_view_in_summer(demo: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(demo), terminal_size=SMALL, press=["c", "s", "down", "down"])


def test_team_screen(demo: Path, snap_compare: Any) -> None:
    assert snap_compare(make_app(demo), terminal_size=SMALL, press=["p"])


def test_library_filtered_to_people_without_permission(demo: Path, snap_compare: Any) -> None:
    # A producer: the minor's name in img-lapset's consent stays hidden.
    press = ["b", "f", "f", "f", "down", "down"]
    assert snap_compare(make_app(demo, user="mikko"), terminal_size=SMALL, press=press)


def test_alt_text_dialog_with_preview_and_count(demo: Path, snap_compare: Any) -> None:
    press = ["b", "f", "down", "a", *"Kuva kirjastoautosta"]
    assert snap_compare(make_app(demo, user="mikko"), terminal_size=SMALL, press=press)

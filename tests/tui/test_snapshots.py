"""SVG snapshots of every screen on the demo at a frozen date (2026-12-01 10:00), each at the three
sizes a team meets: 60×20 (a split pane), 80×24 (the classic terminal) and 120×40 (a full window).

Update them after an intended change with `python3 -m pytest tests/ui --snapshot-update`, then look
at the new SVGs (snapshot_report.html) before committing."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest

from tests.tui.conftest import make_app as app_of

# The app's work of a second after start (making its editor) left out of the picture's moment.
make_app = functools.partial(app_of, prebuild=False)


SIZES = [
    pytest.param((60, 20), id="60x20"),
    pytest.param((80, 24), id="80x24"),
    pytest.param((120, 40), id="120x40"),
]


@pytest.mark.parametrize("size", SIZES)
class TestCalendar:
    """The week (columns, or a list of days below 72 columns), the month and the agenda."""

    def test_week(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(demo), terminal_size=size)

    def test_week_in_english_a_week_on(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(demo, lang="en"), terminal_size=size, press=["right"])

    def test_month(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(demo), terminal_size=size, press=["m"])

    def test_agenda_only_not_ready(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(demo), terminal_size=size, press=["v", "f"])


@pytest.mark.parametrize("size", SIZES)
class TestEditor:
    """A post with findings in the editor, and what an auditor sees of it (nothing to change)."""

    def test_editor_with_findings(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        async def open_poster_post(pilot: Any) -> None:
            pilot.app.open_view("editor", "p-demo-070")  # the Instagram poster: no alt text
            await pilot.pause()

        assert snap_compare(make_app(demo), terminal_size=size, run_before=open_poster_post)

    def test_editor_as_auditor(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        async def open_post(pilot: Any) -> None:
            pilot.app.open_view("editor", "p-demo-070")
            await pilot.pause()

        assert snap_compare(make_app(demo, user="tarja"), terminal_size=size, run_before=open_post)


@pytest.mark.parametrize("size", SIZES)
class TestTeamAndCoverage:
    """People, absences and deputies; the coverage grid in summer; the new-absence dialog."""

    def test_team(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(demo), terminal_size=size, press=["p"])

    def test_new_absence_dialog(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(demo), terminal_size=size, press=["p", "b"])

    def test_coverage_in_summer(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(demo), terminal_size=size, press=["c", "s", "down", "down"])


@pytest.mark.parametrize("size", SIZES)
class TestLibraryAndConsents:
    """The media library filtered (a producer: a minor's name stays hidden), the alt-text dialog,
    and the consent register."""

    def test_library_without_permission(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        press = ["b", "f", "f", "f", "down", "down"]
        assert snap_compare(make_app(demo, user="mikko"), terminal_size=size, press=press)

    def test_alt_text_dialog(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        press = ["b", "f", "down", "a", *"Kuva kirjastoautosta"]
        assert snap_compare(make_app(demo, user="mikko"), terminal_size=size, press=press)

    def test_consents(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(demo), terminal_size=size, press=["u"])


@pytest.mark.parametrize("size", SIZES)
class TestDialogs:
    """The help screen (every key, from the actions table) and the export dialog."""

    def test_help(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(demo), terminal_size=size, press=["question_mark"])

    def test_export(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(demo, user="tarja"), terminal_size=size, press=["e"])


@pytest.mark.parametrize("size", SIZES)
class TestRunningATeam:
    """The account register, the campaigns, the crisis view under a hold (with its banner), and
    the first run's guide on an empty workspace."""

    def test_accounts(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(demo), terminal_size=size, press=["r"])

    def test_campaigns(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(demo), terminal_size=size, press=["C"])

    def test_crisis_hold(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        from planner.services import Session
        from planner.services.crisis import start_hold

        start_hold(Session.open(str(demo), "aino"), "Vesijohtovaurio keskustassa")
        assert snap_compare(make_app(demo), terminal_size=size, press=["exclamation_mark"])

    def test_guide_on_an_empty_workspace(
        self, tmp_path: Path, snap_compare: Any, size: tuple[int, int]
    ) -> None:
        from planner.storage.workspace import WorkspaceStore

        WorkspaceStore(tmp_path / "empty").create()
        assert snap_compare(make_app(tmp_path / "empty", user=None), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
class TestAfterPublishing:
    """The feedback queue (one item late) and the incident log, whole for an admin and only its
    existence for an auditor."""

    def test_feedback_queue(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(demo, user="mikko"), terminal_size=size, press=["f"])

    def test_incidents_as_admin(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(demo), terminal_size=size, press=["i"])

    def test_incidents_as_auditor(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(demo, user="tarja"), terminal_size=size, press=["i"])

    def test_results(self, demo: Path, snap_compare: Any, size: tuple[int, int]) -> None:
        assert snap_compare(make_app(demo), terminal_size=size, press=["s"])


DIALOGS = [
    pytest.param("aino", ["p", "n"], id="person"),
    pytest.param("aino", ["p", "d"], id="deputy"),
    pytest.param("aino", ["p", "i"], id="absence-import"),
    pytest.param("aino", ["r", "n"], id="account-new"),
    pytest.param("aino", ["r", "e"], id="account-edit"),
    pytest.param("aino", ["o"], id="organization"),
    pytest.param("aino", ["C", "n"], id="campaign"),
    pytest.param("aino", ["u", "n"], id="consent"),
    pytest.param("aino", ["g"], id="go-to-date"),
    pytest.param("aino", ["exclamation_mark", "s"], id="crisis-start"),
    pytest.param("aino", ["v", "enter", "f4"], id="cancel-post"),
    pytest.param("aino", ["v", "enter", "f3"], id="publish"),
    pytest.param("mikko", ["f", "n"], id="feedback-new"),
    pytest.param("mikko", ["f", "r"], id="feedback-reply"),
    pytest.param("mikko", ["f", "i"], id="harassment-from-feedback"),
    pytest.param("aino", ["i", "a"], id="incident-action"),
    pytest.param("aino", ["r", "g"], id="goal"),
]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("user", "press"), DIALOGS)
def test_every_dialog_is_whole(
    demo: Path, snap_compare: Any, size: tuple[int, int], user: str, press: list[str]
) -> None:
    """Every form at the three sizes: its fields, their labels, its buttons and its keys in sight."""
    assert snap_compare(make_app(demo, user=user), terminal_size=size, press=press)

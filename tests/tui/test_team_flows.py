"""The admin's flows: find the summer gap in the coverage view, assign a proposed deputy and see the
rules clear; enter absences; and what producers and auditors may not do. Keyboard only, via Pilot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Input, Label, Static

from planner.services import Session
from planner.services.checks import check
from planner.ui.dialogs.deputy import DeputyDialog
from planner.ui.dialogs.team_forms import AbsenceForm
from planner.ui.screens.coverage import CoverageScreen
from planner.ui.screens.team import TeamScreen
from tests.tui.conftest import make_app

SIZE = (80, 24)
SUMMER_ACCOUNT = "instagram-jarvelan-kaupunki"


def _summer_findings(demo: Path) -> set[str]:
    """The rules that still fail on the demo's summer account in July."""
    session = Session.open(str(demo), None)
    ws = session.load()
    gap = next(a for a in ws.absences.values() if a.person == "mikko" and a.start.month == 7)
    report = check(ws, session.store.assets, session.now(ws), gap.start, gap.end, SUMMER_ACCOUNT)
    return {f.rule for f in report.findings}


def _detail(app: Any) -> str:
    return str(app.screen.query_one("#coverage-detail", Static).render())


async def open_team_on(app: Any, pilot: Any, person_id: str) -> None:
    """`p` from the week, and the cursor moved down the people to `person_id`."""
    await pilot.pause()
    await pilot.press("p")
    assert isinstance(app.screen, TeamScreen)
    people = app.screen.query_one("#people", DataTable)
    while people.coordinate_to_cell_key(people.cursor_coordinate).row_key.value != person_id:
        await pilot.press("down")


async def test_admin_finds_the_summer_gap_and_assigns_a_proposed_deputy(demo: Path) -> None:
    assert {"account.coverage", "post.owner_available"} <= _summer_findings(demo)
    app = make_app(demo, user="aino")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        assert isinstance(app.screen, CoverageScreen)
        await pilot.press("s")  # to next summer
        table = app.screen.query_one(DataTable)
        row = [a.id for a, _ in app.screen.grid.rows].index(SUMMER_ACCOUNT)
        for _ in range(row):
            await pilot.press("down")
        # Walk right until the cursor stands on the gap, as a user would.
        for _ in range(20):
            if "Aukko" in _detail(app):
                break
            await pilot.press("right")
        assert "Aukko 5.7.2027–30.7.2027" in _detail(app) and "Mikko Mäkelä" in _detail(app)
        assert str(table.get_cell_at(table.cursor_coordinate)).strip() == "✗!"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DeputyDialog)
        proposed = [c.person for c in app.screen.candidates if c.present_throughout]
        assert proposed[:1] == ["aino"]
        await pilot.press("tab", "space", "shift+tab")  # hand the summer post over too
        await pilot.press("enter")  # the first proposal
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, CoverageScreen)
        assert "Aukko" not in _detail(app) and "✓ Tilin kattavuus" in _detail(app)
        assert str(table.get_cell_at(table.cursor_coordinate)).strip() == "◐!"
    assert not {"account.coverage", "post.owner_available"} & _summer_findings(demo)
    ws = Session.open(str(demo), None).load()
    assert ws.absences["a-0004"].deputy == "aino"
    assert ws.posts["p-demo-080"].owner == "aino"


async def test_a_producer_sees_coverage_but_cannot_assign(demo: Path) -> None:
    app = make_app(demo, user="mikko")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c", "s")
        for _ in range(2):
            await pilot.press("down")
        for _ in range(10):
            await pilot.press("right")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CoverageScreen)  # no dialog opened
        assert any(
            "only an admin" in str(n.message) or "pääkäyttäjä" in str(n.message) for n in app._notifications
        )
    assert Session.open(str(demo), None).load().absences["a-0004"].deputy is None


async def test_admin_enters_an_absence_fixing_a_reversed_range(demo: Path) -> None:
    app = make_app(demo, user="aino")
    async with app.run_test(size=(100, 30)) as pilot:
        await open_team_on(app, pilot, "sanna")
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, AbsenceForm)
        await pilot.press(*"2027-07-12", "tab", *"2027-07-02", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AbsenceForm)  # still open, with the reason
        assert "ennen alkupäivää" in str(app.screen.query_one("#form-error", Label).render())
        to = app.screen.query_one("#to", Input)
        to.value = ""
        to.focus()
        await pilot.press(*"2027-07-23", "enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TeamScreen)
        absences = app.screen.query_one("#absences", DataTable)
        (new_id,) = set(Session.open(str(demo), None).load().absences) - {
            "a-0001",
            "a-0002",
            "a-0003",
            "a-0004",
        }
        assert new_id in [key.value for key in absences.rows]
    added = Session.open(str(demo), None).load().absences[new_id]
    assert (added.person, added.start.isoformat(), added.end.isoformat()) == (
        "sanna",
        "2027-07-12",
        "2027-07-23",
    )


async def test_an_auditor_reads_the_team_but_changes_nothing(demo: Path) -> None:
    before = (demo / "calendars" / "team.json").read_bytes()
    app = make_app(demo, user="tarja")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        assert "vain luku" in str(app.screen.query_one("#team-title", Static).render())
        for key in ("n", "e", "r", "b", "i", "x"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, TeamScreen), key
    assert (demo / "calendars" / "team.json").read_bytes() == before


async def test_coverage_starts_from_any_date_and_pages_by_four_weeks(demo: Path) -> None:
    app = make_app(demo, user="tarja")  # reading needs no admin
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c", "g", *"2027-12-24", "enter")
        await pilot.pause()
        await pilot.pause()
        grid = app.screen.grid
        assert grid is not None and grid.start.isoformat() == "2027-12-20"  # the Monday of that week
        assert grid.end.isoformat() == "2028-06-25"  # six months on, to a Sunday
        await pilot.press("p")
        assert app.screen.grid.start.isoformat() == "2027-11-22"
        headings = [str(c.label).strip() for c in app.screen.query_one(DataTable).columns.values()]
        assert headings[4:7] == ["51*", "52*", "01*"]  # Christmas, New Year, Epiphany


async def test_a_persons_duties_name_each_account_as_coverage_does(demo: Path) -> None:
    """Beside the table at 80 columns, `• instagram-jarvelan-kaupunki:` took a line of its own after
    its bullet, and the id said less than the account's name and platform."""
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, TeamScreen)
        detail = str(app.screen.query_one("#person-detail", Static).render())
        assert "• FB Järvelän kaupunki: pääkäyttäjä, vastuuhenkilö" in detail
        assert "• IG Nuorten kesä: pääkäyttäjä" in detail
        assert "instagram-" not in detail


async def test_the_team_imports_its_list_of_people_from_a_workbook(demo: Path, tmp_path: Path) -> None:
    """`I` on the team screen reads the list as `person import` does: a bad row refuses the file
    inside the dialog, and a good list adds its people and says how many."""
    import openpyxl

    from planner.ui.dialogs.team_forms import ImportForm

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Nimi", "Sähköposti", "Roolit"])
    sheet.append(["Ville Uusi", "ville.uusi@jarvela.fi", "päällikkö"])
    book.save(tmp_path / "henkilot.xlsx")
    app = make_app(demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        assert isinstance(app.screen, TeamScreen)
        await pilot.press("I")
        await pilot.pause()
        assert isinstance(app.screen, ImportForm)
        app.screen.query_one("#path", Input).value = str(tmp_path / "henkilot.xlsx")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ImportForm)  # refused inside the dialog, nothing written
        assert "päällikkö" in str(app.screen.query_one("#form-error", Label).render())
        sheet["C2"] = "sisällöntuottaja"
        book.save(tmp_path / "henkilot.xlsx")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TeamScreen)
        assert any("1 henkilö lisätty" in n.message for n in app._notifications)
        assert "ville-uusi" in [key.value for key in app.screen.query_one("#people", DataTable).rows]
    assert Session.open(str(demo), None).load().people["ville-uusi"].roles == ("producer",)


async def test_retiring_someone_shows_what_they_leave_in_finnish_and_hands_it_on(demo: Path) -> None:
    """The retire dialog lists the answers still owed first, the days and times as Finns write
    them (never `2026-12-08T09:00`), counts what it cannot show, and with a successor hands it all
    on: the open feedback too."""
    from textual.widgets import Select

    from planner.ui.dialogs.team_forms import RetireForm

    app = make_app(demo)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_team_on(app, pilot, "mikko")
        owed = sorted(f.id for f in app.ws.feedback.values() if f.is_open and f.assignee == "mikko")
        assert owed
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RetireForm)
        shown = app.screen._leftover_text()
        assert all(f"palaute {f}" in shown for f in owed)
        assert "klo 9.00" in shown and "T09:00" not in shown and "… ja " in shown
        app.screen.query_one("#successor", Select).value = "sanna"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TeamScreen)
    ws = Session.open(str(demo), None).load()
    assert ws.people["mikko"].retired is not None
    assert {ws.feedback[f].assignee for f in owed} == {"sanna"}

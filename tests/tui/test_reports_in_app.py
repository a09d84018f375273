"""The results and feedback reports and their imports, in the app (Pilot, keyboard only): a team on
the server has only the app in its browser, so what `report`, `feedback report`, `metrics import`
and `feedback import` do must be reachable there too. Before, it was not: an auditor could not
export the results as evidence, nor a producer import a platform's figures."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import DataTable, Input, Select, Static

from planner.services import Session
from planner.ui.dialogs.export import ExportScreen
from planner.ui.dialogs.notice import Notice
from planner.ui.dialogs.team_forms import ImportForm
from planner.ui.screens.feedback import FeedbackScreen
from planner.ui.screens.results import ResultsScreen
from tests.conftest import Run, fingerprint
from tests.tui.conftest import make_app, paste

SIZE = (80, 24)
EXPORTS = Path(__file__).parent.parent / "data" / "exports"


async def _dialog_from(app, pilot, key: str, view: type) -> ExportScreen:  # type: ignore[no-untyped-def]
    """The export dialog, opened with `e` in the view `key` opens from the week."""
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(app.screen, view)
    await pilot.press("e")
    await pilot.pause()
    assert isinstance(app.screen, ExportScreen)
    return app.screen


async def _export(app, pilot, fmt: str) -> ExportScreen:  # type: ignore[no-untyped-def]
    dialog = app.screen
    assert isinstance(dialog, ExportScreen)
    dialog.query_one("#export-format", Select).value = fmt
    await pilot.pause()
    await pilot.press("ctrl+s")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return dialog


async def test_an_auditor_exports_the_results_of_the_last_full_month_as_the_command_line_does(
    demo: Path, run: Run
) -> None:
    app = make_app(demo, user="tarja")
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _dialog_from(app, pilot, "s", ResultsScreen)
        assert dialog.query_one("#export-what", Select).value == "results"
        assert dialog.query_one("#export-from", Input).value == "1.11.2026"  # the last full month
        assert dialog.query_one("#export-to", Input).value == "30.11.2026"
        await _export(app, pilot, "json")
        target = dialog.query_one("#export-file", Input).value
        assert target == "exports/tulokset-2026-11-01-2026-11-30.json"
        written = json.loads((demo / target).read_text("utf-8"))
    told = run("report", "--format", "json", "--from", "1.11.2026", "--to", "30.11.2026", "--data", str(demo))
    assert written == json.loads(told.stdout) and written["accounts"]  # the same service, the same report


async def test_a_format_the_report_has_not_is_told_in_the_dialog_and_nothing_is_written(demo: Path) -> None:
    before = fingerprint(demo)
    app = make_app(demo, user="tarja", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s", "e")
        await pilot.pause()
        dialog = await _export(app, pilot, "csv")
        error = str(dialog.query_one("#form-error").render()).replace("\n", " ")
        assert "Results report in «csv» is not offered" in error and "html, xlsx, json, md" in error
        assert isinstance(app.screen, ExportScreen)
    assert fingerprint(demo) == before


async def test_the_feedback_report_is_exported_from_the_queue_for_the_year_so_far(demo: Path) -> None:
    app = make_app(demo, user="tarja")
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _dialog_from(app, pilot, "f", FeedbackScreen)
        assert dialog.query_one("#export-what", Select).value == "feedback"
        assert dialog.query_one("#export-from", Input).value == "1.1.2026"
        await _export(app, pilot, "csv")
        written = demo / dialog.query_one("#export-file", Input).value
        assert written.name == "palaute-2026-01-01-2026-12-01.csv"
        text = written.read_text("utf-8-sig")
        assert text.splitlines()[0].startswith("account;month;") and "facebook-jarvelan-kaupunki;" in text
        assert str(written) in str(dialog.query_one("#export-status", Static).render()).replace("\n", "")


async def test_a_producer_imports_a_platforms_figures_and_reads_the_rows_tied_to_no_post(demo: Path) -> None:
    app = make_app(demo, user="mikko", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s", "i")
        await pilot.pause()
        assert isinstance(app.screen, ImportForm)
        await paste(pilot, str(EXPORTS / "meta-facebook.csv"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        notice = app.screen
        assert isinstance(notice, Notice)  # one row ties to no post: listed to read, never guessed
        said = str(notice.query_one("#notice-body Static", Static).render()).replace("\n", " ")
        assert "figures of 3 posts updated" in said and "1 row with no post" in said and "row " in said
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
    metrics = Session.open(str(demo), None).load().metrics
    assert {"p-demo-085", "p-demo-086", "p-demo-087"} <= set(metrics)


async def test_an_auditor_is_refused_an_import_before_typing_anything(demo: Path) -> None:
    before = fingerprint(demo)
    app = make_app(demo, user="tarja", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s", "i")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("escape", "f", "I")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        refusals = [n.message for n in app._notifications if n.severity == "error"]
        assert len(refusals) == 2 and all("auditor" in message for message in refusals), refusals
    assert fingerprint(demo) == before


async def test_feedback_kept_in_a_sheet_is_imported_from_the_queue_once(demo: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "palaute.csv"
    sheet.write_text(
        "tili;saapunut;teksti;lähettäjä\n"
        "facebook-jarvelan-kaupunki;30.11.2026 9.00;Milloin uimahalli aukeaa?;@uimari\n",
        encoding="utf-8",
    )
    app = make_app(demo, user="mikko")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        for _ in range(2):  # the second time, the row is there already
            await pilot.press("I")
            await pilot.pause()
            await paste(pilot, str(sheet))
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, FeedbackScreen)
        texts = [item.text for item in Session.open(str(demo), None).load().feedback.values()]
        assert texts.count("Milloin uimahalli aukeaa?") == 1
        table = app.screen.query_one("#feedback", DataTable)
        cells = [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]
        assert any("uimahalli" in cell for cell in cells)  # the queue shows it at once


async def test_an_admin_exports_the_harassment_log_whole_and_no_one_else_is_offered_it(demo: Path) -> None:
    from planner.ui.screens.incidents import IncidentsScreen

    incidents = Session.open(str(demo), None).load().incidents
    assert incidents  # the demo records harassment
    app = make_app(demo, user="aino")
    async with app.run_test(size=SIZE) as pilot:
        dialog = await _dialog_from(app, pilot, "i", IncidentsScreen)
        assert dialog.query_one("#export-what", Select).value == "incidents"
        assert dialog.query_one("#export-from", Input).disabled  # the whole log, no period
        await _export(app, pilot, "json")
        written = demo / dialog.query_one("#export-file", Input).value
        assert written.name == "hairintaloki.json"
        records = json.loads(written.read_text("utf-8"))["incidents"]
        assert {record["id"] for record in records} == set(incidents) and all("text" in r for r in records)
    app = make_app(demo, user="mikko", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("i", "e")
        await pilot.pause()
        assert isinstance(app.screen, IncidentsScreen)  # refused before anything is chosen
        assert any("admin" in n.message for n in app._notifications if n.severity == "error")
        await pilot.press("escape", "e")
        await pilot.pause()
        offered = [value for _, value in app.screen.query_one("#export-what", Select)._options]
        assert "incidents" not in offered and "results" in offered

"""The export dialog, driven with Pilot: an auditor exports, sees the progress and where the file went."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook
from textual.widgets import Checkbox, Input, ProgressBar, Select, Static

from planner.ui.dialogs.export import ExportScreen
from tests.conftest import fingerprint
from tests.tui.conftest import make_app

SIZE = (80, 24)


async def test_an_auditor_exports_a_workbook_and_is_told_where_it_went(demo: Path) -> None:
    before = fingerprint(demo)
    app = make_app(demo, user="tarja")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        assert not dialog.query(Checkbox)  # names of people in photos: only an admin may ask
        assert dialog.query_one("#export-from", Input).value == "9.11.2026"  # four weeks up to the shown one
        dialog.query_one("#export-format", Select).value = "xlsx"
        await pilot.pause()
        target = dialog.query_one("#export-file", Input).value
        assert target == "exports/tarkistuslista-2026-11-09-2026-12-06.xlsx"  # the suffix follows the format
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        status = str(dialog.query_one("#export-status", Static).render())
        written = demo / target
        assert str(written) in status.replace("\n", "")
        bar = dialog.query_one("#export-progress", ProgressBar)
        assert bar.total == bar.progress == 1
        book = load_workbook(io.BytesIO(written.read_bytes()))
        assert book.sheetnames[0] == "Yhteenveto"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    written.unlink()
    written.parent.rmdir()
    assert fingerprint(demo) == before  # the export was the only file written


async def test_a_bad_date_is_told_in_the_dialog_and_nothing_is_written(demo: Path) -> None:
    app = make_app(demo, user="aino", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert dialog.query(Checkbox)  # an admin may include names
        dialog.query_one("#export-from", Input).value = "31.12.2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        error = str(dialog.query_one("#form-error").render())
        assert "31 Dec 2026" in error and "--" not in error  # no command line flag named in the app
        assert not (demo / "exports").exists() and isinstance(app.screen, ExportScreen)


async def test_a_checklist_over_thousands_of_years_is_told_in_the_dialog(demo: Path) -> None:
    before = fingerprint(demo)
    app = make_app(demo, user="tarja", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportScreen)
        dialog.query_one("#export-from", Input).value = "1.1.2026"
        dialog.query_one("#export-to", Input).value = "31.12.9998"
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        error = str(dialog.query_one("#form-error").render()).replace("\n", " ")
        assert "is too long a range" in error and "20 years" in error
        assert not dialog.query_one("#export-progress", ProgressBar).display
        assert isinstance(app.screen, ExportScreen)
    assert fingerprint(demo) == before

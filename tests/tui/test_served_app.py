"""The app as `planner serve` runs it for a browser (issue: the team server): it takes a file only
from the uploads folder its administrator named, by a name inside it and never through a link,
and says so when there is no such folder; its exports are downloads, never files on the server."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planner.domain.errors import DataError
from planner.media.generate import make_picture
from planner.services import Session
from planner.storage.paths import file_in_folder
from planner.ui.app import PlannerApp
from planner.ui.dialogs.asset_forms import ImportForm
from planner.ui.screens.library import LibraryScreen

SIZE = (120, 40)


def _served(root: Path, uploads: Path | None) -> PlannerApp:
    return PlannerApp(Session.open(str(root), "mikko"), "en", served=True, uploads=uploads)


def test_only_a_regular_file_inside_the_folder_reached_without_a_link(tmp_path: Path) -> None:
    uploads = tmp_path / "uploads"
    (uploads / "kuvat").mkdir(parents=True)
    (uploads / "kuvat" / "tori.jpg").write_bytes(b"x")
    secret = tmp_path / "secret.txt"
    secret.write_text("salainen", "utf-8")
    os.symlink(secret, uploads / "link.txt")
    os.symlink(tmp_path, uploads / "up")
    os.mkfifo(uploads / "fifo")
    assert file_in_folder(uploads, "kuvat/tori.jpg") == uploads / "kuvat" / "tori.jpg"
    for typed in (
        "link.txt",
        "up/secret.txt",
        "../secret.txt",
        str(secret),
        "kuvat",
        "fifo",
        "",
        "nosuch",
        "kuvat/../kuvat/tori.jpg",
        "a\x00b",
    ):
        with pytest.raises(DataError) as refused:
            file_in_folder(uploads, typed)
        assert refused.value.key == "err.outside_uploads"


async def test_without_an_uploads_folder_the_served_app_reads_no_file_and_says_why(
    demo: Path, tmp_path: Path
) -> None:
    photo = make_picture(tmp_path / "lataus.jpg", (1080, 1080), seed=3)
    before = set(Session.open(str(demo), None).load().assets)
    app = _served(demo, None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b", "i", *str(photo), "enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportForm)
        assert "planner serve --uploads" in str(app.screen.query_one("#form-error").render())
    assert set(Session.open(str(demo), None).load().assets) == before


async def test_with_an_uploads_folder_a_name_inside_it_is_taken_and_a_path_outside_is_not(
    demo: Path, tmp_path: Path
) -> None:
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    make_picture(uploads / "lataus.jpg", (1080, 1080), seed=3)
    outside = make_picture(tmp_path / "muu.jpg", (1080, 1080), seed=4)
    app = _served(demo, uploads)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("b", "i", *str(outside), "enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportForm)
        assert "is not a file in the uploads folder" in str(app.screen.query_one("#form-error").render())
        app.screen.query_one("#path").value = "lataus.jpg"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
    assets = Session.open(str(demo), None).load().assets
    assert "img-lataus" in assets and not any("muu" in a for a in assets)


async def test_the_served_export_dialog_has_no_file_field_and_delivers_to_the_browser(demo: Path) -> None:
    from planner.ui.dialogs.export import ExportScreen

    app = _served(demo, None)
    delivered: list[tuple[str | None, bytes]] = []

    def deliver(file, *, save_filename=None, mime_type=None):  # type: ignore[no-untyped-def]
        delivered.append((save_filename, file.read()))
        return "key"

    app.deliver_binary = deliver  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert not app.screen.query("#export-file")
        await pilot.press("ctrl+s")
        for _ in range(100):
            await pilot.pause(0.05)
            if delivered:
                break
    assert delivered and delivered[0][0] is not None and delivered[0][0].endswith(".html")
    assert b"<html" in delivered[0][1]
    assert not (demo / "exports").exists()

"""Two people on one post, and files changed underneath a running app: never a silent overwrite."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from planner.services import Session, posts
from planner.ui.dialogs.conflict import ConflictScreen, differences
from planner.ui.screens.editor import EditorScreen
from tests.tui.conftest import make_app

SIZE = (120, 36)


def a_draft(root: Path) -> str:
    ws = Session.open(str(root), None).load()
    return next(
        p.id for p in ws.posts_view.sorted() if p.status == "draft" and p.publish_at and p.owner == "aino"
    )


def stored(root: Path, post_id: str):  # type: ignore[no-untyped-def]
    return Session.open(str(root), None).load().posts[post_id]


async def open_editor(app, pilot, post_id: str) -> EditorScreen:  # type: ignore[no-untyped-def]
    app.push_screen(EditorScreen(post_id))
    await pilot.pause()
    assert isinstance(app.screen, EditorScreen)
    return app.screen


@pytest.mark.parametrize("choice", ["reload", "keep", "edit"])
async def test_two_sessions_on_one_post_meet_a_conflict_and_nothing_is_overwritten(
    demo: Path, choice: str
) -> None:
    post_id = a_draft(demo)
    app = make_app(demo, user="aino")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor = await open_editor(app, pilot, post_id)
        loaded = stored(demo, post_id).revision
        # Meanwhile, in another terminal, Leena changes the title.
        posts.edit_post(Session.open(str(demo), "leena"), post_id, posts.PostEdit(title="Leenan otsikko"))
        editor.query_one("#title", Input).value = "Ainon otsikko"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)
        assert differences(app.screen.mine, app.screen.theirs) == [
            ("title", "Ainon otsikko", "Leenan otsikko")
        ]
        shown = app.export_screenshot()
        assert "Ainon&#160;otsikko" in shown and "Leenan&#160;otsikko" in shown  # both, side by side
        assert stored(demo, post_id).title == "Leenan otsikko"  # nothing written yet
        await pilot.click(f"#{choice}")
        await pilot.pause()
        after = stored(demo, post_id)
        if choice == "reload":
            assert after.title == "Leenan otsikko" and after.revision == loaded + 1
            assert editor.query_one("#title", Input).value == "Leenan otsikko" and not editor.is_dirty()
        elif choice == "keep":
            assert after.title == "Ainon otsikko" and after.revision == loaded + 2
            log = (demo / "calendars/audit.jsonl").read_text("utf-8").splitlines()
            titles = [json.loads(line)["after"]["title"] for line in log[-2:]]
            assert titles == ["Leenan otsikko", "Ainon otsikko"]  # the audit log keeps both
        else:
            assert after.title == "Leenan otsikko" and editor.is_dirty()
            assert editor.query_one("#title", Input).value == "Ainon otsikko"  # what was typed stays


async def test_a_file_replaced_underneath_the_app_is_damage_it_says(demo: Path) -> None:
    """A sync tool or an editor replaced an account file: the app does not take it as the
    workspace; it says the file is damaged and where to go, and keeps what it had."""
    post_id = a_draft(demo)
    app = make_app(demo, user="aino", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        account = stored(demo, post_id).account
        path = demo / "calendars" / f"{account}.json"
        data = json.loads(path.read_text("utf-8"))
        for doc in data["posts"].values():
            if doc["id"] == post_id:
                doc["text"] = "Synkronoitu teksti #järvelä"
        replacement = path.with_name("incoming.tmp")
        replacement.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        os.replace(replacement, path)  # what a sync tool does
        await app.check_outside_changes()  # what the app's two-second watch does
        await pilot.pause()
        assert not app.ws.posts[post_id].text.startswith("Synkronoitu")
        assert any(path.name in n.message and "planner doctor" in n.message for n in app._notifications)


async def test_an_untouched_editor_follows_a_change_made_elsewhere(demo: Path) -> None:
    post_id = a_draft(demo)
    app = make_app(demo, user="aino", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor = await open_editor(app, pilot, post_id)
        posts.edit_post(Session.open(str(demo), "leena"), post_id, posts.PostEdit(title="Muualta"))
        await app.check_outside_changes()
        await pilot.pause()
        assert editor.query_one("#title", Input).value == "Muualta" and not editor.is_dirty()
        editor.query_one("#title", Input).value = "Omani"
        posts.edit_post(Session.open(str(demo), "leena"), post_id, posts.PostEdit(title="Taas muualta"))
        await app.check_outside_changes()
        await pilot.pause()
        assert editor.query_one("#title", Input).value == "Omani"  # typing is never thrown away
        assert any("saving will show both" in n.message for n in app._notifications)


async def test_a_change_found_as_an_editor_is_being_opened_is_shown_once_it_is_there(demo: Path) -> None:
    """The watch (every two seconds) found a change made elsewhere just as a post was opened: the
    editor on top had no fields yet, and asking whether they had changes ended the app (seen on a
    busy machine, in the conflict test above)."""
    post_id = a_draft(demo)
    app = make_app(demo, user="aino")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await open_editor(app, pilot, post_id)  # seen once, so that the next one is not the first
        await pilot.press("escape")
        await pilot.pause()
        posts.edit_post(Session.open(str(demo), "leena"), post_id, posts.PostEdit(title="Muualta"))
        editor = EditorScreen(post_id)
        app.push_screen(editor)
        assert not editor.is_mounted
        await app.check_outside_changes()
        await pilot.pause()
        assert app.screen is editor and editor.query_one("#title", Input).value == "Muualta"
        assert editor.revision == stored(demo, post_id).revision and not editor.is_dirty()
    assert app.return_code in (None, 0)


async def test_the_editor_keeps_the_revision_of_what_its_form_shows(demo: Path) -> None:
    """The form is filled as the editor is made and its revision was read as it was mounted: a save
    made elsewhere in between gave the old fields the new revision, and saving them would have
    overwritten the other save without a conflict."""
    post_id = a_draft(demo)
    app = make_app(demo, user="aino")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor = await open_editor(app, pilot, post_id)
        shown = editor.revision
        posts.edit_post(Session.open(str(demo), "leena"), post_id, posts.PostEdit(title="Muualta"))
        app.reload_if_changed()  # the workspace read again between the form's filling and its mount
        editor._ready()  # what mounting does
        assert editor.query_one("#title", Input).value != "Muualta"
        assert editor.revision == shown  # the form's, so that saving it meets the other save
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)
    assert stored(demo, post_id).title == "Muualta"


async def test_a_message_with_brackets_is_shown_as_typed(demo: Path) -> None:
    from planner.domain.errors import DataError

    app = make_app(demo, user="aino", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.fail(DataError("err.unknown_account", value="[bold red]x[/]"))
        await pilot.pause()
        note = list(app._notifications)[-1]
        assert "[bold red]x[/]" in note.message and note.markup is False


async def test_alt_text_saved_elsewhere_meanwhile_is_not_overwritten(demo: Path) -> None:
    from planner.services import library
    from planner.ui.dialogs.asset_forms import AltTextForm, edit_alt_text

    app = make_app(demo, user="aino", lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        asset = app.ws.assets["img-kirjastoauto"]
        edit_alt_text(app, asset, "fi", lambda: None)
        await pilot.pause()
        form = app.screen
        assert isinstance(form, AltTextForm)
        other = library.AssetEdit(alt="Kirjastoauto pihalla, kuljettaja ovella.", lang="fi")
        library.edit_asset(Session.open(str(demo), "mikko"), asset.id, other)
        form.query_one("#alt-text", TextArea).text = "Oma kuvaukseni kirjastoautosta."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AltTextForm)  # the dialog stays, with what was typed
        assert "was changed meanwhile" in str(form.query_one("#form-error").render())
        stored_alt = Session.open(str(demo), None).load().assets[asset.id].alt["fi"]
        assert stored_alt == "Kirjastoauto pihalla, kuljettaja ovella."

"""The app keeps one editor and refills it at each opening: each opening must look exactly like a
fresh editor made for that post, and nothing of the post shown before may stay behind."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from textual.widgets import Input, Static, TextArea

from planner.services import Session, editing, posts, team
from planner.ui.dialogs.confirm import Confirm
from planner.ui.dialogs.conflict import ConflictScreen
from planner.ui.screens.editor import EditorScreen
from planner.ui.screens.week import WeekScreen
from planner.ui.widgets.checklist import ChecklistPanel
from planner.ui.widgets.choice import Choice
from planner.ui.widgets.image_preview import ImagePreview
from tests.tui.conftest import make_app, paste, shown_posts

SIZE = (120, 36)


def two_posts(root: Path) -> tuple[str, str]:
    """A draft with an image, and another draft of another account with none."""
    ws = Session.open(str(root), None).load()
    drafts = [p for p in ws.posts_view.sorted() if p.status == "draft" and p.publish_at]
    first = next(p for p in drafts if any(ws.assets[a].kind == "image" for a in p.media))
    second = next(p for p in drafts if not p.media and p.account != first.account and p.text != first.text)
    return first.id, second.id


async def opened(app, pilot, post_id: str | None, **kwargs: object) -> EditorScreen:  # type: ignore[no-untyped-def]
    app.open_view("editor", post_id, **kwargs)
    await pilot.pause()
    assert isinstance(app.screen, EditorScreen)
    return app.screen


async def closed(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("escape")
    await pilot.pause()
    if isinstance(app.screen, Confirm):  # unsaved changes: discard them
        await pilot.press("tab", "enter")
        await pilot.pause()
    assert isinstance(app.screen, WeekScreen)


async def kept_after_opening(app, pilot, post_id: str) -> EditorScreen:  # type: ignore[no-untyped-def]
    """The editor a first opening of `post_id` made, closed again: kept, refilled at the next."""
    editor = await opened(app, pilot, post_id)
    await closed(app, pilot)
    return editor


async def drawn(app, pilot) -> str:  # type: ignore[no-untyped-def]
    """The screen as drawn once its scrolling has settled, the text's cursor steady (not blinking)."""
    text = app.screen.query_one("#text", TextArea)
    text.cursor_blink = False
    # Textual keeps a text area's drawn lines by a key that, with blinking off, leaves the cursor out:
    # a line drawn while the blink had hidden it would be shown again without it.
    text.notify_style_update()
    text.refresh()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
    return str(app.export_screenshot())


def form(editor: EditorScreen) -> dict[str, object]:
    return {
        "account": editor.query_one("#account", Choice).value,
        "title": editor.query_one("#title", Input).value,
        "text": editor.query_one("#text", TextArea).text,
        "media": editor.media,
        "heading": str(editor.query_one("#editor-title", Static).render()),
    }


async def test_the_second_opening_refills_the_same_editor_with_nothing_of_the_first_left(demo: Path) -> None:
    first_id, second_id = two_posts(demo)
    app = make_app(demo)
    async with app.run_test(size=(60, 20)) as pilot:  # small: the form scrolls
        await pilot.pause()
        fresh = await opened(app, pilot, second_id)
        fresh_form, fresh_results = form(fresh), dict(fresh.query_one(ChecklistPanel).results)
        fresh_drawn = await drawn(app, pilot)
        await closed(app, pilot)

        editor = await opened(app, pilot, first_id)
        assert editor is fresh  # kept, not made again
        assert editor.query_one(ImagePreview).display  # the first post's image
        await paste(pilot, "lisää tekstiä")  # written, then left without saving
        form_scroll = editor.query_one("#editor-form")
        form_scroll.scroll_end(animate=False, immediate=True)
        await pilot.pause()
        assert form_scroll.scroll_y > 0
        await closed(app, pilot)

        again = await opened(app, pilot, second_id)
        assert again is fresh
        assert form(again) == fresh_form  # exactly what a fresh editor showed for it
        assert await drawn(app, pilot) == fresh_drawn  # cell for cell, scrolled to the text as it was
        assert dict(again.query_one(ChecklistPanel).results) == fresh_results
        assert not again.is_dirty() and again.revision == app.ws.posts[second_id].revision
        assert again.focused is again.query_one("#text", TextArea)
        await pilot.press("ctrl+z")  # the last post's typing is not in this one's undo history
        await pilot.pause()
        assert again.query_one("#text", TextArea).text == app.ws.posts[second_id].text
        stored = app.ws.posts[second_id]
        shown = editing.panel(app.ws, app.session.store.assets, app.now(), stored).results
        assert dict(again.query_one(ChecklistPanel).results) == dict(shown)


async def test_a_new_post_after_an_existing_one_starts_empty_on_the_day_chosen(demo: Path) -> None:
    first_id, _ = two_posts(demo)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await kept_after_opening(app, pilot, first_id)
        editor = await opened(app, pilot, None, default_day=dt.date(2026, 12, 10))
        assert editor.post_id is None and editor.media == () and editor.revision is None
        assert editor.query_one("#text", TextArea).text == ""
        assert editor.query_one("#title", Input).value == ""
        assert editor.query_one("#publish-at", Input).value == "10.12.2026 9.00"
        assert "Uusi julkaisu" in str(editor.query_one("#editor-title", Static).render())
        assert not editor.query_one(ImagePreview).display  # the last post's image is not shown
        await paste(pilot, "Uusi teksti #järvelä")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = editor.post_id
        assert saved is not None and Session.open(str(demo), None).load().posts[saved].text.startswith("Uusi")
        assert first_id != saved


async def test_the_choices_offer_who_and_what_was_added_since_the_last_opening(demo: Path) -> None:
    first_id, second_id = two_posts(demo)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await kept_after_opening(app, pilot, first_id)
        team.add_person(
            Session.open(str(demo), "leena"), "ville", "Ville Uusi", "ville@example.org", ("producer",)
        )
        editor = await opened(app, pilot, second_id)
        owners = [value for _label, value in editor.query_one("#owner", Choice).options]
        assert "ville" in owners


async def test_someone_made_an_auditor_meanwhile_opens_the_next_post_read_only(demo: Path) -> None:
    first_id, second_id = two_posts(demo)
    app = make_app(demo, user="mikko")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor = await opened(app, pilot, first_id)
        assert not editor.query_one("#text", TextArea).read_only
        await closed(app, pilot)
        team.edit_person(Session.open(str(demo), "leena"), "mikko", roles=("auditor",))
        editor = await opened(app, pilot, second_id)
        assert editor.query_one("#text", TextArea).read_only
        assert all(field.disabled for field in editor.query("#editor-form Input, #editor-form Choice"))
        assert "vain luku" in str(editor.query_one("#editor-title", Static).render())
        refilled = await drawn(app, pilot)
        fresh = await opened(app, pilot, second_id)
        assert fresh is not editor and await drawn(app, pilot) == refilled  # styled as disabled too
        await pilot.press("escape")
        await pilot.pause()
        await closed(app, pilot)
        team.edit_person(Session.open(str(demo), "leena"), "mikko", roles=("producer",))
        editor = await opened(app, pilot, first_id)  # and back: writable again
        assert not editor.query_one("#text", TextArea).read_only
        assert not any(field.disabled for field in editor.query("#editor-form Input, #editor-form Choice"))


async def test_a_refilled_editor_still_meets_a_conflict_on_the_post_it_shows(demo: Path) -> None:
    first_id, second_id = two_posts(demo)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await kept_after_opening(app, pilot, first_id)
        editor = await opened(app, pilot, second_id)
        posts.edit_post(Session.open(str(demo), "leena"), second_id, posts.PostEdit(title="Leenan otsikko"))
        editor.query_one("#title", Input).value = "Ainon otsikko"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConflictScreen)
        assert Session.open(str(demo), None).load().posts[second_id].title == "Leenan otsikko"
        assert Session.open(str(demo), None).load().posts[first_id].title != "Ainon otsikko"


async def test_an_editor_opened_while_the_kept_one_is_open_is_a_new_one(demo: Path) -> None:
    first_id, second_id = two_posts(demo)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        kept = await opened(app, pilot, first_id)
        other = await opened(app, pilot, second_id)  # as a copy made from the editor opens
        assert other is not kept and kept.post_id == first_id and other.post_id == second_id
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is kept and form(kept)["text"] == app.ws.posts[first_id].text


async def test_the_app_makes_its_editor_in_the_background_and_the_first_opening_refills_it(
    demo: Path,
) -> None:

    first_id, _ = two_posts(demo)
    app = make_app(demo)
    async with app.run_test(size=(60, 20)) as pilot:  # small: the form scrolls to the text
        await pilot.pause()
        week = app.screen
        for _ in range(100):  # the app's timer: a second after start
            if app.kept_editor is not None and app.kept_editor.is_mounted:
                break
            await asyncio.sleep(0.05)
        kept = app.kept_editor
        assert kept is not None and kept.is_mounted and app.screen is week  # made, not shown
        refilled = await opened(app, pilot, first_id)
        assert refilled is kept
        fresh = await opened(app, pilot, first_id)  # on top of it: one made for the post
        assert fresh is not kept
        assert form(fresh) == form(kept)
        assert dict(fresh.query_one(ChecklistPanel).results) == dict(kept.query_one(ChecklistPanel).results)
        drawn_fresh = await drawn(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is kept and await drawn(app, pilot) == drawn_fresh  # the same, cell for cell


async def test_a_post_opened_while_the_editor_is_still_being_made_gets_one_of_its_own(demo: Path) -> None:
    first_id, second_id = two_posts(demo)
    app = make_app(demo, prebuild=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.prebuild_editor()  # as the timer does; Enter pressed in the same moment
        kept = app.kept_editor
        assert kept is not None and not kept.is_mounted
        own = await opened(app, pilot, first_id)
        assert own is not kept and own.query_one("#text", TextArea).text == app.ws.posts[first_id].text
        await closed(app, pilot)
        assert kept.is_mounted
        assert await opened(app, pilot, second_id) is kept
        app.prebuild_editor()  # once made, never made again
        assert app.kept_editor is kept


async def test_quitting_while_the_editor_is_being_made_in_the_background_ends_quietly(demo: Path) -> None:
    # The timer fired as the person quit (a slow machine, a test over a second long): the screen's
    # fields were never mounted, and filling them ended the app with an error.
    for ticks in range(3):
        app = make_app(demo, prebuild=False)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            app.prebuild_editor()
            for _ in range(ticks):
                await asyncio.sleep(0)
        assert app.return_code in (None, 0)


async def test_a_refilled_editor_is_styled_for_a_terminal_resized_and_a_theme_changed_meanwhile(
    demo: Path,
) -> None:
    first_id, second_id = two_posts(demo)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        kept = await kept_after_opening(app, pilot, first_id)
        await pilot.resize_terminal(60, 20)  # narrow and short: the app's classes change
        await pilot.pause()
        app.theme = "textual-light"
        await pilot.pause()
        assert await opened(app, pilot, second_id) is kept
        refilled = await drawn(app, pilot)
        fresh = await opened(app, pilot, second_id)
        assert fresh is not kept
        assert await drawn(app, pilot) == refilled


async def test_the_closed_editor_holds_no_snapshot_a_reload_has_replaced(demo: Path) -> None:
    import gc
    import weakref

    first_id, second_id = two_posts(demo)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await kept_after_opening(app, pilot, first_id)
        old = weakref.ref(app.ws)
        posts.edit_post(Session.open(str(demo), "leena"), second_id, posts.PostEdit(title="Muualla"))
        await app.check_outside_changes()  # the week shown is drawn again from the new snapshot
        await pilot.pause()
        gc.collect()
        assert old() is None  # freed: the kept editor does not keep the snapshot it last showed


async def test_shown_at_another_width_the_terminal_is_left_with_no_line_of_the_old_wrapping(
    demo: Path,
) -> None:
    """Shown wider than it was last laid out, the text area wrapped its lines again but did not
    draw them again (their number was the same): the terminal kept a line of the old wrapping."""
    from tests.tui.terminal import Terminal

    ws = Session.open(str(demo), None).load()
    first_id = next(p.id for p in ws.posts.values() if p.text.startswith("Haemme"))  # no media
    second_id = next(p.id for p in ws.posts.values() if p.text.startswith("Satutunti"))
    text = ws.posts[second_id].text  # two lines at both widths, broken at another word
    app = make_app(demo)
    terminal = Terminal(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await opened(app, pilot, first_id)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await closed(app, pilot)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        editor = await opened(app, pilot, second_id)
        await pilot.pause(0.5)
        shown = terminal.lines()
        assert shown == terminal.drawn_afresh()
        top = next(i for i, line in enumerate(shown) if "Satutunti" in line)
        words = " ".join(" ".join(line.split("▏")[0].split()) for line in shown[top : top + 2])
        assert words == text  # its two lines, each word once
        assert editor.query_one("#text", TextArea).text == text


async def test_a_save_made_elsewhere_just_before_the_editor_is_made_still_redraws_the_week(
    demo: Path,
) -> None:
    """The editor made in the background read the workspace again as it was composed: a save made
    elsewhere the moment before was loaded then, and the watch, seeing nothing new, never drew
    the week again (two browsers on one server: the other person's save never showed)."""
    app = make_app(demo, prebuild=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = shown_posts(app.screen)
        post_id = next(iter(shown))
        posts.edit_post(Session.open(str(demo), "leena"), post_id, posts.PostEdit(text="Muualla #järvelä"))
        app.prebuild_editor()  # what the app does a second after start
        await pilot.pause()
        assert app.kept_editor is not None and app.kept_editor.is_mounted
        await app.check_outside_changes()  # the watch's next look
        await pilot.pause()
        assert "Muualla" in shown_posts(app.screen)[post_id]


async def test_the_fields_keep_their_width_whether_the_form_scrolls_or_not(demo: Path) -> None:
    """At 80×23 the form of a post with media overflows and one without fits: the scroll bar that
    came and went took two columns of every field, so the refilled editor's fields jumped sideways
    from one post to the next (and between its first paint and its second)."""
    ws = Session.open(str(demo), None).load()
    plain = next(p.id for p in ws.posts_view.sorted() if not p.media)
    with_media = max(ws.posts_view.sorted(), key=lambda p: len(p.media)).id
    app = make_app(demo)
    widths = {}
    scrolls = {}
    async with app.run_test(size=(80, 23)) as pilot:
        await pilot.pause()
        for post_id in (plain, with_media, plain):
            editor = await opened(app, pilot, post_id)
            form = editor.query_one("#editor-form")
            scrolls[post_id] = form.show_vertical_scrollbar
            widths.setdefault(post_id, []).append(editor.query_one("#account", Choice).size.width)
            await closed(app, pilot)
    assert scrolls == {plain: False, with_media: True}  # the case this is about
    assert len({w for found in widths.values() for w in found}) == 1, widths


async def test_what_the_app_holds_is_out_of_the_collectors_passes_and_a_replaced_snapshot_is_still_freed(
    demo: Path,
) -> None:
    """Once started, the app keeps what it holds out of the cyclic collector's full passes (each
    walked every record of the workspace); a snapshot a change replaces must then be freed without
    the collector, and everything is the collector's again when the app ends."""
    import gc
    import weakref

    first_id, second_id = two_posts(demo)
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        record = app.ws.posts[first_id]
        assert gc.get_freeze_count() > 0 and not any(held is record for held in gc.get_objects())
        await kept_after_opening(app, pilot, first_id)
        old, old_post = weakref.ref(app.ws), weakref.ref(app.ws.posts[second_id])
        gc.disable()  # freed by its last reference going, or never: the collector passes it by
        try:
            posts.edit_post(Session.open(str(demo), "leena"), second_id, posts.PostEdit(title="Muualla"))
            await app.check_outside_changes()
            await pilot.pause()
            assert old() is None and old_post() is None
        finally:
            gc.enable()
    assert gc.get_freeze_count() == 0

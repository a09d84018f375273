"""A post's life in the app, driven with Pilot on the demo: the step keys on the week's selected
card and in the editor, a ready post whose time passed, moving with shift and the arrows, copying,
and the crisis hold's view and banner."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Input, OptionList

from planner.services import Session
from planner.ui.dialogs.pick import Pick
from planner.ui.dialogs.step_forms import HoldForm, PublishForm, ReasonForm
from planner.ui.screens.crisis import CrisisScreen
from planner.ui.screens.editor import EditorScreen
from planner.ui.screens.week import WeekScreen
from planner.ui.widgets.crisis_banner import CrisisBanner
from tests.tui.conftest import make_app

SIZE = (120, 36)


def stored(root: Path, post_id: str):  # type: ignore[no-untyped-def]
    return Session.open(str(root), None).load().posts[post_id]


def select(screen: WeekScreen, post_id: str) -> None:
    for day in screen.day_lists():
        if day.select_post(post_id):
            screen.set_focus(day)
            return
    raise AssertionError(f"{post_id} is not in the week")


async def open_publish_form(app: Any, pilot: Any, post_id: str) -> PublishForm:
    """F3 on the post's card in the week: the dialog that records it published."""
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, WeekScreen)
    select(screen, post_id)
    await pilot.press("f3")
    await pilot.pause()
    assert isinstance(app.screen, PublishForm)
    return app.screen


async def test_publish_a_scheduled_post_from_its_card_with_its_address(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_publish_form(app, pilot, "p-demo-004")
        form.query_one("#url", Input).value = "ftp://ei.kelpaa"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PublishForm)  # refused inside the dialog, nothing written
        assert stored(demo, "p-demo-004").status == "scheduled"
        app.screen.query_one("#url", Input).value = "https://www.facebook.com/jarvela/posts/4"
        app.screen.query_one("#at", Input).value = "31.12.2030 9.00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        # a time later than now is recorded as typed, and said to be checked (as on the command line)
        assert isinstance(app.screen, WeekScreen)
        post = stored(demo, "p-demo-004")
        assert post.status == "published" and post.published_url == "https://www.facebook.com/jarvela/posts/4"
        assert post.published_by == "aino" and post.published_at == dt.datetime(2030, 12, 31, 9, 0)
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert len(warnings) == 1 and "31.12.2030 klo 9.00 on myöhemmin kuin nyt" in warnings[0]


async def test_publishing_with_an_address_another_post_has_warns_in_the_app(demo: Path) -> None:
    """As the command line: the post is recorded published, and the copied address is warned of."""
    address = stored(demo, "p-demo-085").published_url
    assert address
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_publish_form(app, pilot, "p-demo-004")
        form.query_one("#url", Input).value = address + "?fbclid=abc"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)
        assert stored(demo, "p-demo-004").status == "published"
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert len(warnings) == 1 and "p-demo-085" in warnings[0] and "tarkista osoite" in warnings[0]


async def test_the_editor_names_a_refused_time_by_its_label(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_view("editor", "p-demo-013")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        editor.query_one("#publish-at", Input).value = "28.3.2027 3.30"  # the clocks go forward
        await pilot.press("ctrl+s")
        await pilot.pause()
        errors = [n.message for n in app._notifications if n.severity == "error"]
    assert any(m.startswith("Aika: 28.3.2027 klo 3.30 ei ole olemassa") for m in errors), errors
    assert stored(demo, "p-demo-013").publish_at != dt.datetime(2027, 3, 28, 3, 30)


async def test_a_ready_post_whose_time_passed_asks_what_happened(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        select(screen, "p-demo-078")  # ready, due on Monday at 8.00; it is Tuesday now
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Pick)
        options = app.screen.query_one(OptionList)
        assert [options.get_option_at_index(i).id for i in range(options.option_count)] == [
            "publish",
            "move",
            "cancel",
            "open",
        ]
        options.highlighted = 2
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReasonForm)
        app.screen.query_one("#reason", Input).value = "Kokous peruttiin"
        await pilot.press("ctrl+s")
        await pilot.pause()
        post = stored(demo, "p-demo-078")
        assert (post.status, post.cancel_reason, post.cancelled_by) == (
            "cancelled",
            "Kokous peruttiin",
            "aino",
        )


async def test_shift_and_the_arrows_move_a_post_keeping_its_readiness_while_the_checks_pass(
    demo: Path,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        before = stored(demo, "p-demo-004")
        select(screen, "p-demo-004")
        await pilot.press("shift+right")
        await pilot.pause()
        await pilot.press("shift+down")
        await pilot.pause()
        moved = stored(demo, "p-demo-004")
        assert before.publish_at is not None and moved.publish_at is not None
        assert (moved.publish_at - before.publish_at).total_seconds() == 25 * 3600
        assert moved.status == "scheduled"  # its checks still pass on Friday at 13.00
        assert screen.selected_post() is not None and screen.selected_post().id == "p-demo-004"  # type: ignore[union-attr]


async def test_copy_to_another_account_opens_the_copy_in_the_editor(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        select(screen, "p-demo-004")
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, Pick)
        options = app.screen.query_one(OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        options.highlighted = ids.index("instagram-jarvelan-kaupunki")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        copy = stored(demo, app.screen.post_id or "")
        assert copy.copied_from == "p-demo-004" and copy.account == "instagram-jarvelan-kaupunki"
        assert copy.status == "draft" and copy.owner == "aino"


async def test_a_crisis_hold_shows_on_every_screen_and_lists_what_to_pause(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.screen.query_one(CrisisBanner).has_class("on")
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, HoldForm)
        app.screen.query_one("#reason", Input).value = "Vesikriisi"
        await pilot.press("ctrl+s")
        await pilot.pause()
        crisis = app.screen
        assert isinstance(crisis, CrisisScreen)
        table = crisis.query_one("#held", DataTable)
        held = [str(table.get_row_at(i)[3]) for i in range(table.row_count)]
        assert table.row_count > 0 and len(held) == table.row_count
        first_post = app.ws.posts[str(table.ordered_rows[0].key.value)]
        assert held[0] == first_post.label()  # the title in the fourth column, in sight at 60
        assert str(table.get_row_at(0)[1]) in ("FB·kaupunki", "FB·kirjasto", "IG", "IN", "X", "YT")
        shown = sum(column.get_render_width(table) for column in table.ordered_columns[:3])
        assert shown <= 60 - 10  # at 60 columns, ten letters of the title at least
        first = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        await pilot.pause(1.2)  # the banner looks once a second
        banner = crisis.query_one(CrisisBanner)
        assert banner.has_class("on") and "Vesikriisi" in str(banner.render())
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, ReasonForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert stored(demo, first or "").status == "cancelled"
        assert table.row_count == len(held) - 1  # the cancelled post is no longer held
        await pilot.press("escape")
        await pilot.pause(1.2)
        week = app.screen
        assert isinstance(week, WeekScreen) and week.query_one(CrisisBanner).has_class("on")


async def test_the_withdrawal_dialog_marks_each_published_post_taken_down_as_it_happens(demo: Path) -> None:
    from planner.services.post_steps import publish_post
    from planner.ui.dialogs.consent_forms import WithdrawForm
    from planner.ui.dialogs.takedown import TakedownList
    from planner.ui.screens.consents import ConsentScreen

    publish_post(Session.open(str(demo), "aino"), "p-demo-079", "https://www.facebook.com/jarvela/posts/79")
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("u")
        assert isinstance(app.screen, ConsentScreen)
        options = app.screen.query_one(OptionList)
        while options.get_option_at_index(options.highlighted or 0).id != "c-001":
            await pilot.press("down")
        await pilot.press("x")
        assert isinstance(app.screen, WithdrawForm)
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TakedownList)
        listed = dialog.query_one("#takedown-posts", OptionList)
        assert listed.option_count == 1 and "☐" in str(listed.get_option_at_index(0).prompt)
        assert stored(demo, "p-demo-079").taken_down is None
        await pilot.press("enter")
        await pilot.pause()
        post = stored(demo, "p-demo-079")
        assert (
            post.taken_down is not None
            and post.taken_down_by == "aino"
            and "c-001" in (post.takedown_reason or "")
        )
        assert "✓" in str(listed.get_option_at_index(0).prompt)
        await pilot.press("enter")  # once is enough: nothing more is written
        await pilot.pause()
        assert stored(demo, "p-demo-079").revision == post.revision


async def test_in_the_editor_f6_and_f7_are_the_posts_not_the_text_areas(demo: Path) -> None:
    """The text area selects a line on F6 and everything on F7; in the editor they reopen a post
    and record its take-down, and the text is left as it was (typing next must not replace it)."""
    from textual.widgets import TextArea

    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_view("editor", "p-demo-003")  # published
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        text = editor.query_one("#text", TextArea)
        assert text.has_focus
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, ReasonForm) and text.selected_text == ""
        app.screen.query_one("#reason", Input).value = "Väärä kellonaika"
        await pilot.press("ctrl+s")
        await pilot.pause()
        post = stored(demo, "p-demo-003")
        assert post.taken_down is not None and post.takedown_reason == "Väärä kellonaika"
        assert post.text == text.text and app.screen is editor


async def test_a_step_that_cannot_be_taken_is_refused_before_any_form_opens(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        select(screen, "p-demo-003")  # published already
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen is screen  # no form asking for an address
        assert any("julkaistu" in str(n.message) for n in app._notifications)


async def test_the_crisis_banner_keeps_its_key_in_a_narrow_terminal(demo: Path) -> None:
    """At 60 columns the banner was cut after "! näyttää": the key's meaning went first, and
    nothing showed that the line went on."""
    from planner.services.crisis import start_hold

    start_hold(
        Session.open(str(demo), "aino"), "Vesijohtovaurio keskustassa, vettä keitettävä ennen juomista"
    )
    app = make_app(demo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause(1.2)  # the banner looks once a second
        banner = app.screen.query_one(CrisisBanner)
        line = "".join(segment.text for segment in banner.render_line(0)).rstrip()
        assert banner.has_class("on") and banner.size.width == 60
        assert line.startswith("⚠ KRIISITAUKO (! näyttää keskeytettävät): Vesijohtovaurio")
        assert line.endswith("…") and len(line) <= 60

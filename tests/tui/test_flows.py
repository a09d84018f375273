"""The producer's main flows, driven with Pilot on a real demo workspace."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, Static, TextArea

from planner.services import Session
from planner.ui.dialogs.confirm import Confirm
from planner.ui.dialogs.export import ExportScreen
from planner.ui.dialogs.help import HelpScreen, help_rows
from planner.ui.screens.agenda import AgendaScreen
from planner.ui.screens.editor import EditorScreen
from planner.ui.screens.month import MonthScreen
from planner.ui.screens.week import WeekScreen
from planner.ui.widgets.checklist import ChecklistPanel
from planner.ui.widgets.day_column import DayColumn
from planner.ui.widgets.day_list import DayList
from tests.tui.conftest import make_app, paste, shown_posts

SIZE = (120, 36)


def title(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#week-title", Static).render())


async def test_open_the_demo_and_move_between_weeks(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)
        assert "Viikko 49" in title(app) and "30.11.2026–6.12.2026" in title(app)
        await pilot.press("right")
        assert "Viikko 50" in title(app)
        assert "Itsenäisyyspäivä" not in str([s.render() for s in app.screen.query(".day-holiday")])
        await pilot.press("left", "left", "h")
        assert "Viikko 47" in title(app)
        await pilot.press("t")
        assert "Viikko 49" in title(app)
        holidays = [str(s.render()) for s in app.screen.query(".day-holiday")]
        assert holidays[6] == "Itsenäisyyspäivä"  # Sunday 6 December
        assert len(app.screen.query(".today")) == 1


async def test_a_week_change_reuses_the_columns_and_shows_exactly_the_new_weeks_posts(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        columns = list(screen.query(DayColumn))
        for key in ("right", "right", "left", "left", "left", "t"):
            await pilot.press(key)
            await pilot.pause()
            view = screen.view()
            assert list(screen.query(DayColumn)) == columns  # the same seven columns, not new ones
            for column, day in zip(columns, view.days, strict=True):
                assert column.day_list.post_ids == [s.post.id for s in day.posts]
                assert column.day_list.can_focus == bool(day.posts)
                empty = column.query_one(".day-empty")
                assert empty.display == (not day.posts)
            # the colours follow the post: each kind of card has one background, errors their own
            colours: dict[bool, set[object]] = {True: set(), False: set()}
            for day_list in screen.day_lists():
                for index, summary in enumerate(day_list.posts):
                    if not (day_list.has_focus and index == day_list.cursor):
                        colours[bool(summary.errors)].add(day_list.card_style(index).bgcolor)
            assert all(len(found) <= 1 for found in colours.values()), colours
            assert not colours[True] & colours[False]


async def test_a_card_line_is_drawn_once_and_again_for_a_new_theme_a_cursor_or_new_posts(demo: Path) -> None:
    """A day's lines are kept once drawn (the start paints the week four times); the cursor, a new
    theme and the day's posts changing each draw them anew."""
    app = make_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        day = next(d for d in app.screen.query(DayList) if len(d.posts) >= 2)
        day.focus()
        await pilot.pause()
        first = day.render_line(0)
        assert day.render_line(0) is first  # kept
        lit = {s.style.bgcolor for s in first if s.style and s.style.bgcolor}
        day.select(1)
        await pilot.pause()
        assert {s.style.bgcolor for s in day.render_line(0) if s.style and s.style.bgcolor} != lit
        assert {s.style.bgcolor for s in day.render_line(day.rows) if s.style and s.style.bgcolor} == lit
        before = day.render_line(0)
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        assert day.render_line(0) is not before and day.render_line(0).text == before.text
        assert [s.style for s in day.render_line(0)] != [s.style for s in before]

        def drawn() -> list[str]:
            return [day.render_line(row).text for row in range(day.lines)]

        shown, last = drawn(), day.card_text(len(day.posts) - 1)
        assert shown != [
            day.render_line(len(day.posts) * day.rows - day.rows + r).text for r in range(day.lines)
        ]
        day.show(tuple(reversed(day.posts)), tuple(reversed(day.tags)))
        assert day.card_text(0) == last and drawn() != shown  # the new first card, not the kept lines


async def test_up_and_down_walk_the_weeks_posts_day_by_day_and_enter_opens_the_one_chosen(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        in_order = [s.post.id for day in screen.view().days for s in day.posts]
        assert len(in_order) > 5

        def chosen() -> str | None:
            focused = screen.focused
            return focused.selected.post.id if isinstance(focused, DayList) and focused.selected else None

        walked = [chosen()]
        for _ in range(len(in_order) + 2):  # past the last post: it stays there
            await pilot.press("down")
            walked.append(chosen())
        assert list(dict.fromkeys(walked)) == in_order
        assert walked[-1] == in_order[-1]
        await pilot.press("k", "k")
        assert chosen() == in_order[-3]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen) and app.screen.post_id == in_order[-3]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and chosen() == in_order[-3]  # back where the producer was


async def test_a_click_on_a_card_opens_its_post(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        day_list = next(d for d in screen.day_lists() if len(d.posts) >= 2)
        second = day_list.post_ids[1]
        await pilot.click(day_list, offset=(2, 5))  # the second card's first line
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen) and app.screen.post_id == second


async def test_filter_to_one_account(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert {app.ws.posts[p].account for p in shown_posts(app.screen)} != {"x-jarvelan-kaupunki"}
        await pilot.press("a")
        options = app.screen.query_one(OptionList)
        choices = app.screen.choices  # type: ignore[attr-defined]
        options.highlighted = next(i for i, c in enumerate(choices) if c.value == "x-jarvelan-kaupunki")
        await pilot.press("enter")
        await pilot.pause()
        accounts = {app.ws.posts[p].account for p in shown_posts(app.screen)}
        assert accounts == {"x-jarvelan-kaupunki"}
        assert "Tili: x-jarvelan-kaupunki" in title(app)


async def test_write_fix_and_mark_ready_then_find_it_after_a_restart(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        await paste(pilot, "Joulukonsertti kirkossa")
        checklist = app.screen.query_one(ChecklistPanel)
        assert [f.rule for f in checklist.results["hashtag.required"]] == ["hashtag.required"]
        await pilot.press("ctrl+r")  # refused: the tag is missing; the draft is saved
        await pilot.pause()
        post_id = app.screen.post_id  # type: ignore[attr-defined]
        assert Session.open(str(demo), "aino").load().posts[post_id].status == "draft"
        app.screen.query_one(TextArea).move_cursor((0, 99))
        await pilot.press("space", *"#järvelä")
        assert not checklist.results["hashtag.required"]  # passes: no findings
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)
    stored = Session.open(str(demo), "aino").load().posts[post_id]
    assert (stored.status, stored.ready_by, stored.text) == (
        "ready",
        "aino",
        "Joulukonsertti kirkossa #järvelä",
    )
    again = make_app(demo)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        day_list = next(d for d in again.screen.query(DayList) if d.select_post(post_id))
        day_list.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "valmis" in str(again.screen.query_one("#editor-title", Static).render())


async def test_leaving_with_unsaved_changes_asks_first(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        day_list = next(d for d in app.screen.query(DayList) if d.select_post("p-demo-064"))
        day_list.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        await pilot.press("x", "escape")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("enter")  # "keep editing" has focus
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        assert app.screen.is_dirty()


async def test_an_auditor_reads_every_view_and_each_change_is_refused_with_a_message(demo: Path) -> None:
    from tests.conftest import fingerprint

    before = fingerprint(demo)
    app = make_app(demo, user="tarja")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "vain luku" in title(app)
        await pilot.press("n")  # a new post: refused before any form opens
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)
        messages = [n.message for n in app._notifications]
        assert any("tarja ei saa lisätä julkaisuja" in m for m in messages)
        next(d for d in app.screen.query(DayList) if d.posts).focus()
        await pilot.press("enter")  # an existing post opens read-only, with its checklist
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        editor = app.screen
        assert editor.query_one("#text", TextArea).read_only
        assert "vain luku" in str(editor.query_one("#editor-title", Static).render())
        assert editor.query_one(ChecklistPanel).display
        await pilot.press("x", "ctrl+s", "ctrl+r", "ctrl+o", "ctrl+b", "ctrl+t")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert sum("tarja ei saa muokata julkaisuja" in m for m in messages) == 5
        assert not editor.is_dirty()
    assert fingerprint(demo) == before


async def test_markup_in_post_text_is_shown_literally(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", *"[bold]kokous[/bold] #järvelä", "ctrl+s", "escape")
        await pilot.pause()
        await pilot.press("n", "escape")
        assert any("[bold]kokous" in text for text in shown_posts(app.screen).values())


async def test_help_month_and_agenda(demo: Path) -> None:
    app = make_app(demo, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = {binding_id: (keys, what) for _, keys, what, binding_id, _ in help_rows(app)}
        assert rows["week-previous"] == ("←, h", "The week before")
        assert rows["post-ready"] == ("Ctrl+r", "Mark ready (only when the checks pass)")
        assert {"post-new", "post-save", "post-attach", "agenda-sort", "view-month", "help"} <= set(rows)
        await pilot.press("escape", "m")
        assert isinstance(app.screen, MonthScreen)
        assert "December 2026" in str(app.screen.query_one("#month-title", Static).render())
        await pilot.press("escape", "v")
        assert isinstance(app.screen, AgendaScreen)
        table = app.screen.query_one("#agenda")
        everything = table.row_count  # type: ignore[attr-defined]
        await pilot.press("f")
        assert 0 < table.row_count < everything  # type: ignore[attr-defined]


async def test_keys_can_be_remapped_by_id(demo: Path, tmp_path: Path) -> None:
    keymap = tmp_path / "config/somekalenteri/keymap.json"
    keymap.parent.mkdir(parents=True)
    keymap.write_text('{"week-next": "pagedown"}', "utf-8")
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("pagedown")
        assert "Viikko 50" in title(app)


async def test_palette_offers_the_main_actions(demo: Path) -> None:
    app = make_app(demo, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        commands = list(app.get_system_commands(app.screen))
        titles = {command.title for command in commands}
        assert {"New", "Go to", "Accounts", "Register", "Export", "Month", "Agenda", "Crisis hold"} <= titles
        ours = [c for c in commands if c.title in titles - {"Keys", "Quit", "Theme", "Screenshot"}]
        assert all(c.help and c.help != c.title for c in ours)  # each says what it does
        export = next(c for c in commands if c.title == "Export")
        export.callback()
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)


async def test_quitting_from_a_dirty_editor_asks_first(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n", *"Kesken", "ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, Confirm) and app.is_running
        await pilot.press("enter")  # keep editing
        assert isinstance(app.screen, EditorScreen)
        await pilot.press("ctrl+q", "tab", "enter")  # discard
        await pilot.pause()
        assert not app.is_running


def test_a_loaded_workspace_holds_no_reference_cycles_so_a_frozen_one_is_still_freed(demo: Path) -> None:
    """The app freezes its first snapshot out of the cycle collector's passes (ui/app.loaded): that
    frees nothing less only while a snapshot, dropped, is freed by its reference counts alone. A
    snapshot that has been checked, sorted and asked for its derived views leaves no cycle."""
    import datetime as dt
    import gc

    from planner.services.checks import check_posts

    gc.collect()
    session = Session.open(str(demo), None)
    ws = session.load()
    check_posts(ws, session.store.assets, session.now(ws), dt.date(2026, 11, 30), dt.date(2026, 12, 6))
    ws.posts_view.sorted()
    gc.collect()
    del ws, session
    assert gc.collect() == 0


async def test_opening_a_post_draws_its_panels_and_preview_once(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The form's widgets send a Changed event each as they fill; the panels (and the image
    preview, read and decoded with Pillow) were made again for each: five times for one form."""
    from planner.services import editing
    from planner.ui.screens import editor as editor_module

    panels: list[object] = []
    previews: list[object] = []
    real_panel, real_rows = editing.panel, editor_module.preview_rows
    monkeypatch.setattr(editing, "panel", lambda *a: panels.append(a) or real_panel(*a))
    monkeypatch.setattr(editor_module, "preview_rows", lambda *a: previews.append(a) or real_rows(*a))
    app = make_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        post = next(
            p for p in app.ws.posts_view.sorted() if any(app.ws.assets[a].kind == "image" for a in p.media)
        )
        panels.clear()  # the editor the app makes in the background may have drawn its blank form
        app.open_view("editor", post.id)
        await pilot.pause()
        assert len(panels) == 1 and len(previews) == 1
        await pilot.press("x")  # a change to the text: the checklist again, the same image not
        await pilot.pause()
        assert len(panels) == 2 and len(previews) == 1


async def test_starting_the_app_checks_the_week_once(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two resizes at start each checked the week again only to redraw its title."""
    from planner.ui import app as app_module

    checks: list[object] = []
    for name in ("checked_weeks",):
        real = getattr(app_module, name)
        monkeypatch.setattr(app_module, name, lambda *a, real=real: checks.append(a) or real(*a))
    app = make_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert len(checks) == 1
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert len(checks) == 1


async def test_a_resize_within_the_same_layout_keeps_the_selected_post(demo: Path) -> None:
    """Each resize laid the columns out anew, which handed every day its posts again: the cursor
    went back to the first post and every card was drawn again, twice at each start."""
    app = make_app(demo)
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        week = app.screen
        assert isinstance(week, WeekScreen)
        day = next(d for d in week.day_lists() if len(d.post_ids) >= 2)
        day.focus()
        second = day.post_ids[1]
        assert day.select_post(second)
        await pilot.pause()
        await pilot.resize_terminal(120, 40)  # wider, still columns
        await pilot.pause()
        assert not day.compact and day.selected is not None and day.selected.post.id == second
        await pilot.resize_terminal(60, 20)  # narrow: one line a post, the same posts
        await pilot.pause()
        assert day.compact and second in day.post_ids


async def test_the_key_bar_shows_the_screens_keys_and_a_click_presses_one(demo: Path) -> None:
    """The bottom line is one widget (ui/widgets/key_bar.py), drawn again only when the keys change:
    moving the focus (which made Textual's footer compose its seventeen keys anew) adds no widget."""
    from planner.ui.widgets.key_bar import KeyBar

    app = make_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        shown = {k.description for k in bar.keys}
        assert "Ohje" in shown and str(bar.render()).startswith(" ")
        widgets = len(list(app.screen.walk_children()))
        await pilot.press("right")
        await pilot.pause()
        assert len(list(app.screen.walk_children())) == widgets
        column = 0
        for key in bar.keys:
            if key.description == "Ohje":
                break
            column += len(key.shown) + len(key.description) + 3
        assert bar.key_at(column + 1) is not None and bar.key_at(column + 1).description == "Ohje"
        await pilot.click(bar, offset=(column + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert bar.key_at(10_000) is None


async def test_a_key_bar_too_long_for_the_terminal_keeps_its_last_key_help(demo: Path) -> None:
    """At 60 columns the feedback queue's keys ran past the edge and `? Ohje` was cut off: the keys
    before it that do not fit are left out, the help stays, and a click still presses what it shows."""
    from rich.cells import cell_len

    from planner.ui.widgets.key_bar import KeyBar

    app = make_app(demo, user="mikko")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        line = str(bar.render())
        assert cell_len(line.rstrip()) <= 60 and line.rstrip().endswith("? Ohje")
        assert sum(len(k.shown) + len(k.description) + 3 for k in bar.keys) > 60  # they do not all fit
        column = cell_len(line.rstrip()) - 3
        assert bar.key_at(column) is not None and bar.key_at(column).description == "Ohje"
        await pilot.click(bar, offset=(column, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_a_choice_in_the_editor_opens_its_list_and_the_pick_is_the_posts(demo: Path) -> None:
    """The editor's account, kind, owner and campaign are each one `Choice` (ui/widgets/choice.py):
    Enter opens the list, Esc leaves the value as it was, a pick changes the draft and its checks;
    an auditor's are disabled and open nothing."""
    from textual.widgets import OptionList

    from planner.ui.dialogs.pick import Pick
    from planner.ui.widgets.choice import Choice

    app = make_app(demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        post = next(p for p in app.ws.posts_view.sorted() if p.status == "draft" and p.owner)
        app.push_screen(EditorScreen(post.id))
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        owner = editor.query_one("#owner", Choice)
        owner.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, Pick)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is editor and editor.draft().owner == post.owner
        await pilot.press("enter")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        assert options.get_option_at_index(0).id == ""  # "none" comes first
        highlighted = options.highlighted
        assert highlighted is not None and options.get_option_at_index(highlighted).id == post.owner
        await pilot.press("home", "enter")
        await pilot.pause()
        assert app.screen is editor and editor.draft().owner is None and editor.is_dirty()
        assert "ei mitään" in str(owner.render())
        kind = editor.query_one("#kind", Choice)
        kind.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(OptionList).get_option_at_index(0).id != ""  # a kind is always set


async def test_an_auditors_choices_are_disabled(demo: Path) -> None:
    from planner.ui.widgets.choice import Choice

    app = make_app(demo, user="tarja")  # the demo's auditor
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        post = next(p for p in app.ws.posts_view.sorted() if p.status == "draft")
        app.push_screen(EditorScreen(post.id))
        await pilot.pause()
        choices = list(app.screen.query(Choice))
        assert len(choices) == 4 and all(c.disabled for c in choices)
        await pilot.click(choices[0])
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)

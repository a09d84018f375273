"""A day's work without friction (issue 36), driven with Pilot on the demo: where focus is shows,
placeholders never pass for values, Space (not Enter) ticks a box, the keys show in every form,
the defaults are the ones a team expects, and the words say what a button does."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from rich.style import Style
from textual.geometry import Region
from textual.widgets import Button, DataTable, Input, Label, OptionList, Static, TextArea

from planner.services import Session
from planner.services.crisis import start_hold
from planner.ui.dialogs.form import Form
from planner.ui.dialogs.pick import Pick
from planner.ui.dialogs.step_forms import PublishForm, ReasonForm
from planner.ui.dialogs.team_forms import AbsenceForm, PersonForm
from planner.ui.screens.agenda import AgendaScreen
from planner.ui.screens.crisis import CrisisScreen
from planner.ui.screens.editor import EditorScreen
from planner.ui.screens.guide import GuideScreen
from planner.ui.screens.month import MonthScreen
from planner.ui.screens.week import WeekScreen
from planner.ui.widgets.key_bar import KeyBar
from planner.ui.widgets.tick import Tick
from tests.conftest import Run
from tests.tui.conftest import make_app, shown_posts
from tests.tui.test_post_life_flows import select, stored


def label_style(form: Form, field_id: str) -> Style:
    """How the label beside a field is drawn now."""
    row = form.query_one(f"#{field_id}").parent
    assert row is not None
    return row.query_one(".field-label", Label).rich_style


async def _person_form(app: Any, pilot: Any) -> PersonForm:
    """The team view's form for a new person."""
    await pilot.press("p", "n")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, PersonForm)
    return form


async def test_the_label_of_the_field_with_focus_stands_out_and_follows_tab(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _person_form(app, pilot)
        assert form.query_one("#pid", Input).has_focus
        assert label_style(form, "pid").bold and label_style(form, "pid").underline
        assert not label_style(form, "name").bold
        await pilot.press("tab")
        await pilot.pause()
        # Textual restyled only the newly focused widget's ancestors: the label stayed lit where
        # focus had been.
        assert label_style(form, "name").bold and not label_style(form, "pid").bold


async def test_a_refusal_names_the_field_by_its_label_in_the_person_form(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _person_form(app, pilot)
        form.query_one("#pid", Input).value = "uusi"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert str(form.query_one("#form-error", Label).render()) == "kenttä Nimi puuttuu."  # not `name`


async def test_enter_does_not_tick_a_box_space_does_and_the_form_shows_its_keys(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _person_form(app, pilot)
        admin = next(t for t in form.query(Tick) if not t.value)
        admin.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert not admin.value  # Enter nearly made a producer an admin
        await pilot.press("space")
        assert admin.value
        keys = {k.shown for k in form.query_one(KeyBar).keys}
        assert {"Tab", "Esc", "^s"} <= keys


async def test_placeholders_say_they_are_examples_and_dates_come_filled_in(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        for keys in (("p", "b"), ("r", "e"), ("C", "n"), ("u", "n"), ("o",), ("p", "i")):
            await pilot.press(*keys)
            await pilot.pause()
            form = app.screen
            assert isinstance(form, Form), keys
            for field in form.query(Input):
                if field.placeholder:
                    assert field.placeholder.startswith(("esim. ", "tyhjä: ")), (keys, field.placeholder)
            await pilot.press("escape")
            await pilot.pause()
            if not isinstance(app.screen, WeekScreen):
                await pilot.press("escape")
                await pilot.pause()


async def test_a_new_absence_saves_as_it_opens_next_week_off(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "b")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, AbsenceForm)
        assert form.query_one("#from", Input).value == "7.12.2026"
        assert form.query_one("#to", Input).value == "11.12.2026"
        await pilot.press("ctrl+s")  # «» was not a date: the shown dates were placeholders
        await pilot.pause()
        assert not isinstance(app.screen, AbsenceForm)
    absences = Session.open(str(demo), None).load().absences.values()
    assert any(a.person == "aino" and a.start == dt.date(2026, 12, 7) for a in absences)


async def test_the_editor_text_has_a_label_no_invisible_stop_and_ctrl_end_goes_to_the_end(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        assert "Teksti" in [str(label.render()) for label in editor.query(".text-label")]
        stops = [w.id for w in editor.focus_chain]
        assert "editor-form" not in stops
        await pilot.press(*"Hei kaikki", "enter", *"toinen rivi", "ctrl+home", "ctrl+end", *" #järvelä")
        assert editor.query_one("#text", TextArea).text == "Hei kaikki\ntoinen rivi #järvelä"
        await pilot.press("ctrl+home", *"X")
        assert editor.query_one("#text", TextArea).text.startswith("XHei")


@pytest.mark.parametrize(
    ("lang", "said"), [("fi", "10 / 63\u00a0206 merkkiä"), ("en", "10 / 63,206 characters")]
)
async def test_the_editors_meter_groups_thousands_as_the_language_does(
    demo: Path, lang: str, said: str
) -> None:
    """A Facebook post's limit read `63206` in the meter under every text."""
    app = make_app(demo, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)  # on the city's Facebook page, 63,206 at most
        await pilot.press(*"Hei kaikki")
        await pilot.pause()
        assert str(app.screen.query_one("#meter", Static).render()) == said


async def test_a_new_posts_owner_is_the_accounts_owner(demo: Path) -> None:
    app = make_app(demo, user="sanna")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        post = editor.draft()
        account = app.ws.accounts[post.account]
        assert account.owners and post.owner == account.owners[0] != "sanna"


async def test_with_no_accounts_a_new_post_is_not_opened_and_says_why(tmp_path: Path, run: Run) -> None:
    root = tmp_path / "town"
    run("init", str(root), "--name", "Järvelä", check=0)
    run(
        "person", "add", "aino", "--name", "Aino", "--email", "a@j.fi", "--role", "admin", "--data", str(root)
    )
    app = make_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")  # past the guide
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert not isinstance(app.screen, EditorScreen)  # its checklist was all green: nothing to judge by
        assert any("tilirekisterissä" in n.message for n in app._notifications)


async def test_the_copy_dialog_offers_only_other_running_accounts(demo: Path, run: Run) -> None:
    run(
        "account",
        "edit",
        "instagram-nuorten-kesa",
        "--status",
        "closed",
        "--data",
        str(demo),
        "--user",
        "aino",
    )
    app = make_app(demo)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        select(screen, "p-demo-004")
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, Pick)
        options = app.screen.query_one(OptionList)
        ids = {options.get_option_at_index(i).id for i in range(options.option_count)}
        own = stored(demo, "p-demo-004").account
        assert own not in ids and "instagram-nuorten-kesa" not in ids
        assert "instagram-jarvelan-kaupunki" in ids
        assert any(
            "(Instagram)" in str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
        )


async def test_publishing_days_early_warns_and_a_www_address_is_taken(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        select(app.screen, "p-demo-004")  # scheduled for 3.12., two days on
        await pilot.press("f3")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PublishForm)
        warning = " ".join(str(label.render()) for label in form.query(".warning"))
        assert "3.12.2026 12.00" in warning
        assert form.query_one("#at", Input).value == "1.12.2026 10.00"  # now, a value to keep
        assert form.query_one("#save", Button).label.plain == "Kirjaa julkaistuksi"
        form.query_one("#url", Input).value = "www.facebook.com/jarvela/posts/4"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert stored(demo, "p-demo-004").published_url == "https://www.facebook.com/jarvela/posts/4"


async def test_the_cancel_dialog_says_back_and_cancel_the_post(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        select(app.screen, "p-demo-004")
        await pilot.press("f4")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ReasonForm)
        labels = [b.label.plain for b in form.query(Button)]
        assert labels == ["Takaisin", "Peru julkaisu"]


async def test_the_agenda_at_60_columns_shows_what_each_post_is(demo: Path) -> None:
    """The account's whole id took 28 of 60 columns and the readiness one of its own: no letter of
    a post's title was in sight. The account is now its tag and the readiness stands by the status,
    as on the week's cards."""
    app = make_app(demo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        first = str(table.ordered_rows[0].key.value)
        time, tag, status, title = (str(cell) for cell in table.get_row(first))
        post = app.ws.posts[first]
        assert (tag, post.account) == ("FB·kaupunki", "facebook-jarvelan-kaupunki")
        assert status == "✓ ajastettu" and post.status == "scheduled"
        assert title == post.label()
        left = sum(column.get_render_width(table) for column in table.ordered_columns[:3])
        assert left <= 60 - 8  # eight letters of the title, at least


async def test_the_not_ready_filter_keeps_ready_posts_that_fail_and_the_cursor_stays_after_a_post(
    demo: Path,
) -> None:
    app = make_app(demo)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("v")
        await pilot.pause()
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        table = agenda.query_one(DataTable)
        every = [str(key.value) for key in table.rows]
        ws = app.ws
        failing_ready = {
            pid for pid in every if ws.posts[pid].status != "draft" and "✗" in str(table.get_row(pid)[2])
        }
        await pilot.press("f")
        await pilot.pause()
        shown = {str(key.value) for key in table.rows}
        assert failing_ready and failing_ready <= shown  # the riskiest ones were hidden
        await pilot.press("f")
        await pilot.pause()
        table.move_cursor(row=3)
        chosen = every[3]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditorScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is agenda
        assert str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value) == chosen


async def test_the_crisis_keys_follow_the_hold(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        crisis = app.screen
        assert isinstance(crisis, CrisisScreen)
        keys = {k.shown for k in crisis.query_one(KeyBar).keys}
        assert "x" not in keys  # no hold to end
        start_hold(Session.open(str(demo), "aino"), "Vesijohtovaurio")
        await pilot.press("escape", "exclamation_mark")
        await pilot.pause()
        keys = {k.shown for k in app.screen.query_one(KeyBar).keys}
        assert "x" in keys


async def test_the_guide_names_the_second_admin_and_says_ready_when_done(tmp_path: Path, run: Run) -> None:
    from planner.ui.screens.guide import steps

    root = tmp_path / "town"
    run("init", str(root), "--name", "Järvelä", check=0)
    app = make_app(root, user=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, GuideScreen)
        assert [s.key for s in steps(app.ws)] == [
            "organization",
            "admin",
            "second_admin",
            "people",
            "accounts",
            "campaign",
            "first_post",
        ]
        text = str(app.screen.query_one("#guide-text", Static).render())
        assert "Toinen pääkäyttäjä" in text and "valmis käyttöön" not in text


async def test_the_guide_on_a_set_up_workspace_says_it_is_ready(demo: Path) -> None:
    from planner.ui.screens.guide import is_set_up

    app = make_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(GuideScreen())
        await pilot.pause()
        assert is_set_up(app.ws)
        assert "Työtila on valmis käyttöön" in str(app.screen.query_one("#guide-text", Static).render())


async def test_the_week_is_a_list_at_80_columns_and_cards_show_two_lines_of_text_at_120(demo: Path) -> None:
    from planner.ui.widgets.day_list import DayList

    app = make_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert all(d.compact for d in app.screen.query(DayList))
    app = make_app(demo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)
        day = next(d for d in app.screen.query(DayList) if d.posts)
        assert not day.compact
        text = [day.render_line(row).text.strip() for row in (2, 3)]
        label = day.posts[0].post.label()
        assert text[0] and text[1] and label.startswith(text[0])


async def test_the_month_reads_at_60_columns(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MonthScreen)
        grid = app.screen.query_one("#month-grid", Static)
        console = Console(width=grid.size.width, record=True, file=io.StringIO())
        console.print(grid.content)
        shown = console.export_text()
        assert "…" not in shown  # nothing cut: week numbers, days with their counts, the marks
        assert "vk 51: tahti vajaa: YT\n" in shown  # by its tag, as on the week
        await pilot.press("right", "right")  # February: weeks when every account is short
        shown = str(app.screen.query_one("#month-grid", Static).content.renderables[1])  # type: ignore[attr-defined]
        short = [line for line in shown.splitlines() if "tahti vajaa" in line]
        assert short and all(len(line) <= 58 for line in short)  # a week a line: ids took four
        assert "FB·kaupunki, FB·kirjasto" in shown


async def test_the_organization_form_takes_a_www_address(demo: Path) -> None:
    app = make_app(demo)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, Form)
        form.query_one("#website", Input).value = "www.jarvela.fi"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, Form)  # «www.jarvela.fi» was "not a web address"
    assert Session.open(str(demo), None).load().organization.website == "https://www.jarvela.fi"


async def test_a_letter_typed_on_a_choice_picks_the_next_option_beginning_with_it(demo: Path) -> None:
    from planner.ui.widgets.choice import Choice

    app = make_app(demo)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        kind = app.screen.query_one("#kind", Choice)
        kind.focus()
        await pilot.pause()
        await pilot.press("t")  # typed after a Tab, the letters vanished
        assert kind.value is not None
        label = dict((v, lab) for lab, v in kind.options)[kind.value]
        assert label.casefold().startswith("t")
        before = kind.value
        await pilot.press("t")
        if sum(1 for lab, _ in kind.options if lab.casefold().startswith("t")) > 1:
            assert kind.value != before  # the next one beginning with it
        await pilot.press("ö")  # none begins with it: nothing changes
        assert (
            kind.value is not None
            and dict((v, lab) for lab, v in kind.options)[kind.value].casefold()[0] == "t"
        )


async def test_the_account_register_names_each_accounts_platform_in_full_beside_its_name(demo: Path) -> None:
    """A city's accounts share its name: at 80 columns the detail beside the table left the
    platform, the fourth column, five letters (`insta`, `linke`)."""
    from tests.tui.terminal import Terminal

    app = make_app(demo)
    terminal = Terminal(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        table = app.screen.query_one("#accounts", DataTable)
        lines = terminal.drawn_afresh()
        for row, account_id in enumerate(key.value for key in table.rows):
            account = app.ws.accounts[account_id]
            shown = lines[table.region.y + 1 + row]  # below the header
            platform = app.tr(f"platform.{account.platform}")
            assert f" {account.name} " in shown and f" {platform} " in shown, shown
        detail = str(app.screen.query_one("#account-detail", Static).render()).splitlines()
        first = app.ws.accounts[str(table.ordered_rows[0].key.value)]
        assert detail[1] == f"{first.id} · {app.tr(f'platform.{first.platform}')}"  # YouTube, not youtube


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_a_campaigns_posts_are_a_line_each_with_the_account_by_its_tag(
    demo: Path, size: tuple[int, int]
) -> None:
    """The account's whole id took 28 of 80 columns, and each title wrapped under the next post's
    time."""
    from tests.tui.terminal import Terminal

    app = make_app(demo)
    terminal = Terminal(app)
    async with app.run_test(size=size) as pilot:
        await pilot.press("C")
        await pilot.pause()
        box = app.screen.query_one("#campaign-posts", Static)
        lines = [line.strip() for line in terminal.drawn_afresh()[box.region.y + 1 : box.region.bottom]]
        posts = [line for line in lines if line]
        campaign = next(iter(app.ws.campaigns))
        assert len(posts) == 1 + sum(p.campaign == campaign for p in app.ws.posts.values())  # and the heading
        for line in posts[1:]:
            assert re.match(r"\d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2} +FB +luonnos +\w", line), line
        assert any(line.endswith("…") for line in posts[1:])  # a long title, cut at the edge


async def test_a_card_tells_a_citys_facebook_pages_apart_and_keeps_its_status_whole(demo: Path) -> None:
    """Both the city's and the library's pages were `FB` on a card, told apart only in the cadence
    line. Now a card says `FB·kirjasto`, and its status stands beside its time, where a card of
    some 16 columns has room: after the longer tag it was cut to two letters (`aj…`)."""
    from planner.i18n import t
    from tests.tui.conftest import shown_posts

    for size in ((120, 40), (80, 24)):
        app = make_app(demo)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            cards = shown_posts(app.screen)
            tags = set()
            for post_id, text in cards.items():
                post = app.ws.posts[post_id]
                lines = text.splitlines()
                status = t(f"status.{post.status}", "fi")
                tag = lines[0].split()[2] if size == (80, 24) else lines[1].split(" · ")[0]
                if size == (120, 40):
                    assert lines[0].endswith(" " + status), lines
                else:
                    assert f" {tag} {status} " in lines[0], lines
                if post.account.startswith("facebook-"):
                    assert tag == "FB·" + post.account.rsplit("-", 1)[-1], lines
                tags.add(tag)
            assert {"FB·kaupunki", "FB·kirjasto"} <= tags


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40)])
async def test_the_cadence_line_breaks_between_its_pieces_never_inside_one(
    demo: Path, size: tuple[int, int]
) -> None:
    """Wrapped by words, the line at 80 columns ended in `Ilman` and went on `aikaa: 1`; at other
    widths an account's tag could end one line and its count begin the next."""
    app = make_app(demo)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        cadence = app.screen.query_one("#cadence", Static)
        drawn = cadence.render_lines(Region(0, 0, cadence.size.width, cadence.size.height))
        lines = [strip.text.strip() for strip in drawn if strip.text.strip()]
        pieces = ["Ilman aikaa: 1", "Palaute: 3 avointa, 1 myöhässä", "Tahti:"]
        pieces += [f"{tag} {done}" for tag, done in re.findall(r"(\S+) (\d+/\d+)", " ".join(lines))]
        assert len(pieces) > 6
        for piece in pieces:
            assert any(piece in line for line in lines), (piece, lines)
        assert len(lines) <= 3  # the line's most


async def test_a_held_card_says_so_first_under_its_time(demo: Path) -> None:
    """Under a crisis hold a card's `· tauolla` came after its tag and status, and a card some 16
    columns wide cut it away (`FB valmis · …`): what holds a post back now comes first."""
    from planner.ui.widgets.day_list import DayList
    from tests.tui.conftest import shown_posts

    start_hold(Session.open(str(demo), "aino"), "Myrsky")
    app = make_app(demo)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        held = {p: text for p, text in shown_posts(app.screen).items() if "tauolla" in text}
        assert held
        for text in held.values():
            assert text.splitlines()[1].startswith("tauolla · "), text
        day = next(d for d in app.screen.query(DayList) if d.post_ids and d.post_ids[0] in held)
        drawn = "".join(segment.text for segment in day.render_line(1))
        assert drawn.strip().startswith("tauolla"), drawn


@pytest.mark.parametrize("after", ["u", "b", "p", "f", "n"])
async def test_keys_typed_on_after_quitting_are_not_taken(demo: Path, after: str) -> None:
    """`q` and then, before the app was gone, `u`: the consents view was opened in an app being
    taken down, and the app crashed with a traceback over the terminal."""
    from textual import events

    app = make_app(demo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        app.post_message(events.Key("q", "q"))
        app.post_message(events.Key(after, after))
        await pilot.pause()
    assert app.return_code == 0  # and no traceback: run_test raises what the app raised


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_keys_in_a_burst_dismiss_a_dialog_once(demo: Path, size: tuple[int, int]) -> None:
    """Enter, Enter, Esc, F8 arriving together (a fast typist, a browser over a slow link): F8 is
    taken as it arrives, so its list of accounts to copy to opened before the Esc and Enter typed
    ahead of it reached the screen. The list took both: dismissed by Esc, then again by Enter with
    an account chosen, and that second dismiss popped the week under it; the app crashed. Found
    by typing random bursts at the app."""
    from textual import events

    app = make_app(demo, user="aino")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in ("enter", "enter", "escape", "f8"):
            app.post_message(events.Key(key, None))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen_stack[1], WeekScreen) and len(app.screen_stack) >= 2
    assert not any(p.copied_from for p in Session.open(str(demo), None).load().posts.values())


async def test_a_step_taken_just_before_quitting_leaves_no_refresh_unawaited(demo: Path) -> None:
    """F6, Ctrl+R and `q` in a burst (a scheduled post reopened, ready again, quit): the week's refresh after the step was made as a coroutine
    when it was queued, the app ended before it ran, and Python warned on the terminal that it
    was never awaited. Found by typing random bursts at the app."""
    import gc
    import warnings

    from textual import events

    app = make_app(demo, user="aino")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, WeekScreen)
            posts = screen.planner.ws.posts
            post_id = next(
                p for p, text in shown_posts(screen).items() if posts[p].status == "scheduled" and "✓" in text
            )
            select(screen, post_id)
            for key in ("f6", "ctrl+r", "q"):
                app.post_message(events.Key(key, key if len(key) == 1 else None))
            await pilot.pause()
        gc.collect()
    assert not [w for w in caught if "never awaited" in str(w.message)]
    assert stored(demo, post_id).status == "ready"  # reopened, then ready again

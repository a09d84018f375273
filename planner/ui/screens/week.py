"""The home screen: one ISO week, Monday to Sunday, with each day's posts and the week's cadence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Container

from planner.domain.calendar import monday_of, sunday_of
from planner.i18n import fmt_date
from planner.i18n.dates import short_day
from planner.services import feedback
from planner.services.views import AccountFilter, WeekView, week_view
from planner.ui.actions import bindings
from planner.ui.base import PlannerScreen
from planner.ui.dialogs.account_filter import filter_label
from planner.ui.steps import move, reschedule, take_step
from planner.ui.widgets.day_column import DayColumn
from planner.ui.widgets.day_list import DayList
from planner.ui.widgets.key_bar import KeyBar
from planner.ui.widgets.plain import Static
from planner.ui.widgets.post_card import account_tags

if TYPE_CHECKING:
    from planner.domain.model import Post

CADENCE_PADDING = 2  # the cadence line's padding, a column on each side (app.tcss)


class WeekScreen(PlannerScreen[None]):
    SCOPE = "week"
    BINDINGS = bindings("week")

    # Below this many columns the week is a list of days, one line a post: seven columns of 80
    # would leave a card 8 to 11 characters of its text.
    NARROW = 100
    shown: WeekView | None = None  # the week as last drawn
    tags: Mapping[str, str] = {}  # the accounts on it by their tags (`FB·kirjasto`)

    def compose(self) -> ComposeResult:
        yield Static(id="week-title")
        yield Container(id="days")
        yield Static(id="cadence")
        yield KeyBar()

    async def on_screen_resume(self) -> None:
        """Shown first, or back from another screen: read the workspace again and redraw."""
        self.planner.reload()
        await self.refresh_week()

    @property
    def monday(self) -> dt.date:
        return monday_of(self.planner.cursor_day)

    def view(self) -> WeekView:
        app = self.planner
        checked = app.checked(self.monday, sunday_of(self.monday))
        return week_view(app.ws, checked, self.monday, app.account_filter, app.lang)

    async def refresh_week(self) -> None:
        app = self.planner
        selected = self.focused.selected if isinstance(self.focused, DayList) else None
        view = self.shown = self.view()
        on_screen = {c.account for c in view.cadence} | {s.post.account for d in view.days for s in d.posts}
        self.tags = account_tags(app.ws.accounts, on_screen)
        today = app.now().date()
        self.query_one("#week-title", Static).update(self._title(view))
        days = self.query_one("#days", Container)
        columns = list(days.query_children(DayColumn))
        if columns:
            for column, day in zip(columns, view.days, strict=True):
                column.show(day, app.ws, day.day == today, self.tags)
        else:
            await days.mount_all(
                DayColumn(day, app.ws, app.lang, day.day == today, self.tags) for day in view.days
            )
        self.query_one("#cadence", Static).update(self._cadence_text(view, self.size.width - CADENCE_PADDING))
        self._lay_out(self.size.width)
        self._restore_focus(selected.post.id if selected else None)

    def on_resize(self, event: events.Resize) -> None:
        """Laid out again for the new size, with the week as last shown (not checked again: a
        resize changes no finding, and the app resizes at its start)."""
        self._lay_out(event.size.width)
        shown = self.shown or self.view()
        self.query_one("#week-title", Static).update(self._title(shown))
        cadence = self._cadence_text(shown, event.size.width - CADENCE_PADDING)
        self.query_one("#cadence", Static).update(cadence)

    def _lay_out(self, width: int) -> None:
        """Columns on a wide terminal; a list of days, one line a post, on a narrow one."""
        narrow = 0 < width < self.NARROW
        self.set_class(narrow, "narrow")
        for column in self.query(DayColumn):
            column.set_compact(narrow)

    def _title(self, view: WeekView) -> Text:
        """The week, its days, who is signed in (first: it is what a narrow terminal keeps), and
        which accounts are shown."""
        app = self.planner
        user = app.session.user
        who = app.tr("ui.user", user=user) if user else app.tr("ui.no_user")
        number = view.label.split("-W")[1].lstrip("0")
        sunday = sunday_of(view.monday)
        if 0 < self.size.width < self.NARROW:
            week = f"{app.tr('ui.week_short')} {number}"
            first, last = (short_day(day, app.lang, weekday=False) for day in (view.monday, sunday))
            days = f"{first}–{last}"
            who = user or app.tr("ui.no_user")
        else:
            week = app.tr("ui.week", week=number)
            days = f"{fmt_date(view.monday, app.lang)}–{fmt_date(sunday, app.lang)}"
        title = Text.assemble((week, "bold"), f"  {days}  · {who}")
        if app.is_reader():
            title.append("  · " + app.tr("ui.reader_mode"), style="yellow")
        title.append(f"  · {filter_label(app, app.account_filter)}")
        title.no_wrap, title.overflow = True, "ellipsis"
        return title

    def _cadence_text(self, view: WeekView, width: int) -> Text:
        """The week's cadence by account, the undated posts and the feedback waiting, on as many
        lines of `width` as they take, each piece whole: wrapped by words, a line broke inside
        `Ilman aikaa` or between an account's tag and its count."""
        app = self.planner
        pieces = [(1, Text(app.tr("ui.cadence") + ":", style="bold"))]
        for cadence in view.cadence:
            style = "green" if cadence.met else "bold red"
            tag = self.tags[cadence.account]
            pieces.append((1, Text(f"{tag} {cadence.done}/{cadence.required}", style=style)))
        if view.unscheduled:
            pieces.append((2, Text(app.tr("ui.unscheduled", count=len(view.unscheduled)), style="dim")))
        waiting = feedback.queue(app.ws, [a.id for a in app.account_filter.accounts(app.ws)])
        if waiting:
            today = app.now().date()
            late = sum(item.overdue(today) for item in waiting)
            line = app.tr("ui.feedback_week", count=len(waiting), late=late)
            pieces.append((2, Text(line, style="bold red" if late else "")))
        text, used = Text(), 0
        for gap, piece in pieces:
            if used and 0 < width < used + gap + piece.cell_len:
                text.append("\n")
                used = 0
            if used:
                text.append(" " * gap)
                used += gap
            text.append_text(piece)
            used += piece.cell_len
        return text

    def day_lists(self) -> list[DayList]:
        """Monday's to Sunday's."""
        return list(self.query(DayList))

    def _days_with_posts(self) -> list[DayList]:
        """The days the focus may land on."""
        return [day for day in self.day_lists() if day.posts]

    def _restore_focus(self, post_id: str | None) -> None:
        """Back on the post that had focus, else the first post of the week."""
        lists = self._days_with_posts()
        first = lists[0] if lists else None
        chosen = next((day for day in lists if post_id and day.select_post(post_id)), first)
        if chosen is not None:  # at once, not after this frame: the week is painted once
            self.set_focus(chosen)

    def action_next_post(self) -> None:
        """The next post of the day, or on to the first post of the next day with posts."""
        self._step(1)

    def action_previous_post(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        lists = self._days_with_posts()
        if not lists:
            return
        here = self.focused
        if not isinstance(here, DayList) or here not in lists:
            lists[0].select(0)
            lists[0].focus()
            return
        if 0 <= here.cursor + step < len(here.posts):
            here.select(here.cursor + step)
            return
        position = lists.index(here) + step
        if 0 <= position < len(lists):
            there = lists[position]
            there.select(0 if step > 0 else len(there.posts) - 1)
            there.focus()

    # Navigation -------------------------------------------------------------------------

    async def _move(self, days: int) -> None:
        self.planner.cursor_day += dt.timedelta(days=days)
        await self.refresh_week()

    async def action_previous_week(self) -> None:
        await self._move(-7)

    async def action_next_week(self) -> None:
        await self._move(7)

    async def action_today(self) -> None:
        self.planner.cursor_day = self.planner.now().date()
        await self.refresh_week()

    def action_go_to_date(self) -> None:
        from planner.ui.dialogs.goto_date import GoToDate

        async def go(day: dt.date | None) -> None:
            if day is not None:
                self.planner.cursor_day = day
                await self.refresh_week()

        self.app.push_screen(GoToDate(self.planner.lang), go)

    def action_filter_accounts(self) -> None:
        from planner.ui.dialogs.account_filter import AccountFilterScreen

        async def choose(choice: AccountFilter | None) -> None:
            if choice is not None:
                self.planner.account_filter = choice
                await self.refresh_week()

        self.app.push_screen(AccountFilterScreen(), choose)

    def action_month(self) -> None:
        self.planner.open_view("month")

    def action_coverage(self) -> None:
        self.planner.open_view("coverage")

    def action_team(self) -> None:
        self.planner.open_view("team")

    def action_library(self) -> None:
        self.planner.open_view("library")

    def action_consents(self) -> None:
        self.planner.open_view("consents")

    def action_accounts(self) -> None:
        self.planner.open_view("accounts")

    def action_campaigns(self) -> None:
        self.planner.open_view("campaigns")

    def action_feedback(self) -> None:
        self.planner.open_view("feedback")

    def action_incidents(self) -> None:
        self.planner.open_view("incidents")

    def action_results(self) -> None:
        self.planner.open_view("results")

    def action_audit(self) -> None:
        self.planner.open_view("audit")

    def action_organization(self) -> None:
        from planner.ui.dialogs.organization_form import OrganizationForm

        if self.planner.may_change_team("action.org_write"):
            self.planner.push_screen(OrganizationForm(), self._organization_saved)

    def _organization_saved(self, saved: object) -> None:
        if saved is not None:
            self.planner.notify(self.planner.tr("cli.org_saved"))
            self.planner.reload()

    def action_agenda(self) -> None:
        self.planner.open_view("agenda")

    # Posts ------------------------------------------------------------------------------

    def action_new_post(self) -> None:
        if not self.planner.may_write("action.post_add"):
            return
        if not self.planner.ws.accounts:  # a post with no account to judge it by would pass every check
            self.planner.notify(self.planner.tr("ui.no_accounts_yet"), severity="warning")
            return
        self.planner.open_view("editor", None, default_day=self.planner.cursor_day)

    @on(DayList.Opened)
    def open_post(self, event: DayList.Opened) -> None:
        """Open the post; one whose time passed while it was ready asks first what happened."""
        from planner.ui.steps import is_past_due

        app = self.planner
        post = app.ws.posts.get(event.post_id)
        if post is not None and is_past_due(post, app.now()) and not app.is_reader():
            self._ask_past_due(post)
            return
        app.open_view("editor", event.post_id)

    def _ask_past_due(self, post: Post) -> None:
        """Published (with its address), a new time, cancelled, or just open it."""
        from planner.ui.dialogs.pick import Pick

        app = self.planner
        assert post.publish_at is not None
        choices = [
            (choice, app.tr(f"ui.past_due.{choice}")) for choice in ("publish", "move", "cancel", "open")
        ]

        def chosen(choice: str | None) -> None:
            if choice == "open":
                app.open_view("editor", post.id)
            elif choice == "move":
                self.action_new_time()
            elif choice in ("publish", "cancel"):
                take_step(app, choice, post, self._stepped)

        title = app.tr(
            "ui.past_due", post=post.id, at=post.publish_at, status=app.tr("status." + post.status)
        )
        app.push_screen(Pick(title, choices, wide=True), chosen)

    # A post's steps, on the selected card ------------------------------------------------------

    def selected_post(self) -> Post | None:
        here = self.focused
        summary = here.selected if isinstance(here, DayList) else None
        return self.planner.ws.posts.get(summary.post.id) if summary else None

    def action_take_step(self, step: str) -> None:
        """A post's step (ui/steps.py) on the selected card: the actions table names it."""
        post = self.selected_post()
        if post is None:
            self.planner.notify(self.planner.tr("ui.no_post_selected"), severity="warning")
            return
        take_step(self.planner, step, post, self._stepped)

    def _stepped(self, post: Post | None) -> None:
        if post is not None:
            self.refresh_soon()

    @work(exclusive=True, group="refresh")
    async def refresh_soon(self) -> None:
        """The week again, after what else is queued; made only when it runs (a refresh replaced
        by a newer one before it started, or the app ended, leaves no coroutine never awaited)."""
        await self.refresh_week()

    def action_move_post(self, days: int, hours: int) -> None:
        """shift+←/→ a day, shift+↑/↓ an hour; the week follows the post."""
        post = self.selected_post()
        if post is None or post.publish_at is None:
            return
        move(self.planner, post, post.publish_at + dt.timedelta(days=days, hours=hours), self._moved)

    def _moved(self, done: Post | None) -> None:
        """The week follows a moved post to its new day."""
        if done is not None and done.publish_at is not None:
            self.planner.cursor_day = done.publish_at.date()
        self._stepped(done)

    def action_new_time(self) -> None:
        post = self.selected_post()
        if post is not None:
            reschedule(self.planner, post, self._moved)

    def action_crisis(self) -> None:
        self.planner.open_view("crisis")

    def action_export_checklist(self) -> None:
        """The export dialog, for the four weeks up to the shown one (anyone may export)."""
        from planner.ui.dialogs.export import open_export

        open_export(self.planner, self.monday - dt.timedelta(weeks=3), sunday_of(self.monday))

"""The home screen: one ISO week, Monday to Sunday, with each day's posts and the week's cadence."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Static

from planner.domain.calendar import monday_of, sunday_of
from planner.i18n import fmt_date
from planner.services.views import AccountFilter, WeekView, week_view
from planner.ui.bindings import localize
from planner.ui.widgets.day_column import DayColumn
from planner.ui.widgets.day_list import DayList
from planner.ui.widgets.post_card import PLATFORM_TAGS

if TYPE_CHECKING:
    from planner.ui.app import PlannerApp


def filter_label(app: PlannerApp, choice: AccountFilter) -> str:
    if choice.kind == "all":
        return app.tr("ui.all_accounts")
    return app.tr(f"ui.filter.{choice.kind}", value=choice.value)


class WeekScreen(Screen[None]):
    BINDINGS = [
        Binding("left,h", "previous_week", "←", id="week-previous", tooltip="Previous week"),
        Binding("right,l", "next_week", "→", id="week-next", tooltip="Next week"),
        Binding("t", "today", "t", id="week-today", tooltip="This week"),
        Binding("g", "go_to_date", "g", id="week-goto", tooltip="Go to a date"),
        Binding("a", "filter_accounts", "a", id="week-filter", tooltip="Filter accounts"),
        Binding("n", "new_post", "n", id="post-new", tooltip="New post"),
        Binding("m", "month", "m", id="view-month", tooltip="Month view"),
        Binding("v", "agenda", "v", id="view-agenda", tooltip="Agenda"),
        Binding("e", "export_checklist", "e", id="export-checklist", tooltip="Export checklist"),
        Binding("c", "coverage", "c", id="view-coverage", tooltip="Coverage by week"),
        Binding("p", "team", "p", id="view-team", tooltip="People and absences"),
        Binding("b", "library", "b", id="view-library", tooltip="Media library"),
        Binding("u", "consents", "u", id="view-consents", tooltip="Consent register"),
        Binding("down,j", "next_post", show=False, id="focus-next"),
        Binding("up,k", "previous_post", show=False, id="focus-previous"),
    ]

    @property
    def planner(self) -> PlannerApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(id="week-title")
        yield Horizontal(id="days")
        yield Static(id="cadence")
        yield Footer()

    def on_mount(self) -> None:
        localize(self, self.planner.lang)

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
        view = self.view()
        today = app.now().date()
        user = app.session.user
        who = app.tr("ui.user", user=user) if user else app.tr("ui.no_user")
        title = Text.assemble(
            (app.tr("ui.week", week=view.label.split("-W")[1]), "bold"),
            f"  {fmt_date(view.monday, app.lang)}–{fmt_date(sunday_of(view.monday), app.lang)}",
            f"  · {filter_label(app, app.account_filter)}  · {who}",
        )
        if app.is_reader():
            title.append("  · " + app.tr("ui.reader_mode"), style="yellow")
        title.no_wrap, title.overflow = True, "ellipsis"
        self.query_one("#week-title", Static).update(title)
        days = self.query_one("#days", Horizontal)
        columns = list(days.query_children(DayColumn))
        if columns:
            for column, day in zip(columns, view.days, strict=True):
                column.show(day, app.ws, day.day == today)
        else:
            await days.mount_all(DayColumn(day, app.ws, app.lang, day.day == today) for day in view.days)
        self.query_one("#cadence", Static).update(self._cadence_text(view))
        self._restore_focus(selected.post.id if selected else None)

    def _cadence_text(self, view: WeekView) -> Text:
        text = Text(self.planner.tr("ui.cadence") + ": ", style="bold")
        platforms = [c.platform for c in view.cadence]
        for index, cadence in enumerate(view.cadence):
            if index:
                text.append(" ")
            tag = PLATFORM_TAGS.get(cadence.platform, "··")
            if platforms.count(cadence.platform) > 1:  # tell a city's two Facebook pages apart
                tag += "·" + cadence.account.rsplit("-", 1)[-1][:8]
            style = "green" if cadence.met else "bold red"
            text.append(f"{tag} {cadence.done}/{cadence.required}", style=style)
        if view.unscheduled:
            text.append("  " + self.planner.tr("ui.unscheduled", count=len(view.unscheduled)), style="dim")
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
        from planner.ui.screens.goto_date import GoToDate

        async def go(day: dt.date | None) -> None:
            if day is not None:
                self.planner.cursor_day = day
                await self.refresh_week()

        self.app.push_screen(GoToDate(self.planner.lang), go)

    def action_filter_accounts(self) -> None:
        from planner.ui.screens.account_filter import AccountFilterScreen

        async def choose(choice: AccountFilter | None) -> None:
            if choice is not None:
                self.planner.account_filter = choice
                await self.refresh_week()

        self.app.push_screen(AccountFilterScreen(), choose)

    def action_month(self) -> None:
        from planner.ui.screens.month import MonthScreen

        self.app.push_screen(MonthScreen())

    def action_coverage(self) -> None:
        from planner.ui.screens.coverage import CoverageScreen

        self.app.push_screen(CoverageScreen())

    def action_team(self) -> None:
        from planner.ui.screens.team import TeamScreen

        self.app.push_screen(TeamScreen())

    def action_library(self) -> None:
        from planner.ui.screens.library import LibraryScreen

        self.app.push_screen(LibraryScreen())

    def action_consents(self) -> None:
        from planner.ui.screens.consents import ConsentScreen

        self.app.push_screen(ConsentScreen())

    def action_agenda(self) -> None:
        from planner.ui.screens.agenda import AgendaScreen

        self.app.push_screen(AgendaScreen())

    # Posts ------------------------------------------------------------------------------

    def action_new_post(self) -> None:
        from planner.ui.screens.editor import EditorScreen

        if not self.planner.may_write("action.post_add"):
            return
        self.app.push_screen(EditorScreen(None, default_day=self.planner.cursor_day))

    @on(DayList.Opened)
    def open_post(self, event: DayList.Opened) -> None:
        from planner.ui.screens.editor import EditorScreen

        self.app.push_screen(EditorScreen(event.post_id))

    def action_export_checklist(self) -> None:
        """The export dialog, for the four weeks up to the shown one (anyone may export)."""
        from planner.ui.screens.export import ExportScreen

        chosen = self.planner.account_filter
        account = chosen.value if chosen.kind == "account" else None
        end = sunday_of(self.monday)
        self.app.push_screen(ExportScreen(self.monday - dt.timedelta(weeks=3), end, account))

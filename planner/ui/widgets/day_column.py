"""One day of the week view: weekday and date, the holiday's name, and the day's post cards."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from planner.domain.workspace import Workspace
from planner.i18n import t
from planner.services.views import DayView
from planner.ui.widgets.post_card import PostCard


class DayColumn(Vertical):
    def __init__(self, view: DayView, ws: Workspace, lang: str, today: bool) -> None:
        super().__init__(classes="day-column")
        self.view = view
        self.ws = ws
        self.lang = lang
        if today:
            self.add_class("today")
        if view.holiday or view.day.weekday() >= 5:
            self.add_class("holiday" if view.holiday else "weekend")

    def compose(self) -> ComposeResult:
        day = self.view.day
        weekday = t("ui.weekdays", self.lang).split()[day.weekday()]
        date = f"{day.day}.{day.month}." if self.lang == "fi" else f"{day.month}/{day.day}"
        heading = Text(f"{weekday} {date}", style="bold", no_wrap=True)
        yield Static(heading, classes="day-heading")
        yield Static(Text(self.view.holiday or "", no_wrap=True, overflow="ellipsis"), classes="day-holiday")
        with VerticalScroll(classes="day-posts", can_focus=False):
            for summary in self.view.posts:
                account = self.ws.accounts.get(summary.post.account)
                yield PostCard(summary, account.platform if account else "other", self.lang)
            if not self.view.posts:
                yield Static(t("ui.empty_day", self.lang), classes="day-empty")

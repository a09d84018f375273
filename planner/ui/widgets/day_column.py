"""One day of the week view: weekday and date, the holiday's name, and the day's posts.

A week change shows the next week in the same seven columns: each column updates its heading and
hands its `DayList` the new day's posts.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical

from planner.domain.workspace import Workspace
from planner.i18n import t
from planner.i18n.dates import short_day
from planner.services.views import DayView
from planner.ui.widgets.day_list import DayList
from planner.ui.widgets.plain import Static


class DayColumn(Vertical):
    def __init__(self, view: DayView, ws: Workspace, lang: str, today: bool, tags: Mapping[str, str]) -> None:
        super().__init__(classes="day-column")
        self.view, self.ws, self.lang, self.today, self.tags = view, ws, lang, today, tags

    def compose(self) -> ComposeResult:
        yield Static(classes="day-heading")
        yield Static(classes="day-holiday")
        yield Static(t("ui.empty_day", self.lang), classes="day-empty")
        yield DayList(self.lang, classes="day-posts")

    def on_mount(self) -> None:
        self.show(self.view, self.ws, self.today, self.tags)

    def set_compact(self, compact: bool) -> None:
        """One line a post, the days one under another (a narrow terminal), or columns. Nothing
        when that does not change: a resize within the same layout keeps the selected post and
        the cards as drawn (the start resized twice, and each time drew the week again)."""
        if compact == self.day_list.compact:
            return
        self.day_list.set_compact(compact)
        self.show(self.view, self.ws, self.today, self.tags)

    @property
    def day_list(self) -> DayList:
        return self.query_one(DayList)

    def show(self, view: DayView, ws: Workspace, today: bool, tags: Mapping[str, str]) -> None:
        """Another day (or the same one, changed) in this column; `tags` name the posts' accounts."""
        self.view, self.ws, self.today, self.tags = view, ws, today, tags
        day = view.day
        heading = Text(short_day(day, self.lang), style="bold", no_wrap=True, overflow="ellipsis")
        if self.day_list.compact:  # the week as a list: the holiday, or that the day is empty, beside it
            if view.holiday:
                heading.append(" · " + view.holiday, style="italic")
            if not view.posts:
                heading.append(" " + t("ui.empty_day", self.lang), style="dim")
        self.query_one(".day-heading", Static).update(heading)
        holiday = Text(view.holiday or "", no_wrap=True, overflow="ellipsis")
        self.query_one(".day-holiday", Static).update(holiday)
        self.set_class(today, "today")
        self.set_class(bool(view.holiday), "holiday")
        self.set_class(not view.holiday and day.weekday() >= 5, "weekend")
        self.query_one(".day-empty").display = not view.posts and not self.day_list.compact
        self.day_list.show(view.posts, [tags[s.post.account] for s in view.posts])

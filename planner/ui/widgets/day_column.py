"""One day of the week view: weekday and date, the holiday's name, and the day's post cards.

A week change shows the next week in the same seven columns: each column updates its heading and
reuses its cards, mounting only the cards a busier day needs and removing the ones a quieter day
does not. Mounting a widget costs about a millisecond and a city's week has 150 posts, so
remounting every card (as this once did) made a week change take 400 ms.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from planner.domain.workspace import Workspace
from planner.i18n import t
from planner.services.views import DayView
from planner.ui.widgets.post_card import PostCard

CARD_ROWS = 4  # a card's three lines and its margin (app.tcss)


class DayColumn(Vertical):
    def __init__(self, view: DayView, ws: Workspace, lang: str, today: bool) -> None:
        super().__init__(classes="day-column")
        self.view, self.ws, self.lang, self.today = view, ws, lang, today

    def compose(self) -> ComposeResult:
        yield Static(classes="day-heading")
        yield Static(classes="day-holiday")
        with VerticalScroll(classes="day-posts", can_focus=False):
            yield Static(t("ui.empty_day", self.lang), classes="day-empty")
            for summary in self.view.posts:
                yield PostCard(summary, self._platform(summary.post.account), self.lang)

    def on_mount(self) -> None:
        self._show_day()

    def _platform(self, account_id: str) -> str:
        account = self.ws.accounts.get(account_id)
        return account.platform if account else "other"

    def _show_day(self) -> None:
        day = self.view.day
        weekday = t("ui.weekdays", self.lang).split()[day.weekday()]
        date = f"{day.day}.{day.month}." if self.lang == "fi" else f"{day.month}/{day.day}"
        self.query_one(".day-heading", Static).update(Text(f"{weekday} {date}", style="bold", no_wrap=True))
        holiday = Text(self.view.holiday or "", no_wrap=True, overflow="ellipsis")
        self.query_one(".day-holiday", Static).update(holiday)
        self.set_class(self.today, "today")
        self.set_class(bool(self.view.holiday), "holiday")
        self.set_class(not self.view.holiday and day.weekday() >= 5, "weekend")
        self.query_one(".day-empty").display = not self.view.posts

    async def show(self, view: DayView, ws: Workspace, today: bool) -> None:
        """Another day (or the same one, changed) in this column."""
        self.view, self.ws, self.today = view, ws, today
        self._show_day()
        posts = self.query_one(".day-posts", VerticalScroll)
        cards = list(posts.query_children(PostCard))
        in_sight = posts.size.height // CARD_ROWS + 1
        later = [
            card
            for index, (card, summary) in enumerate(zip(cards, view.posts, strict=False))
            if card.show(summary, self._platform(summary.post.account), restyle=index < in_sight)
        ]
        if later:  # cards below the fold: their colours once the week is on screen
            self.call_after_refresh(_restyle, later)
        extra = [PostCard(s, self._platform(s.post.account), self.lang) for s in view.posts[len(cards) :]]
        if extra:
            await posts.mount_all(extra)
        if len(cards) > len(view.posts):
            await posts.remove_children(cards[len(view.posts) :])
        posts.scroll_home(animate=False)


def _restyle(cards: list[PostCard]) -> None:
    for card in cards:
        card.update_node_styles(animate=False)

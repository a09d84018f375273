"""A day's posts as cards, with a cursor: the body of a week view column.

It is one widget drawn line by line (Textual's Line API): only the lines on screen are drawn, so a
day with forty posts costs what a day with four does, and a week change only hands each day its new
posts. (One widget per card made a week of a city's many posts slow to change.)

Up and down are the week screen's (they walk on to the next day); Enter or a click opens the post.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from planner.services.views import PostSummary
from planner.ui.actions import bindings
from planner.ui.widgets.post_card import CARD_LINES, card_lines

CARD_ROWS = CARD_LINES + 1  # a card and the blank line after it


class DayList(ScrollView, can_focus=True, inherit_bindings=False):
    """The cursor's card is highlighted while the list has focus (Textual repaints a widget when
    it gains or loses focus)."""

    BINDINGS = bindings("daylist")

    COMPONENT_CLASSES = {"day-list--card", "day-list--errors", "day-list--published", "day-list--cursor"}

    DEFAULT_CSS = """
    DayList { overflow-x: hidden; scrollbar-size-vertical: 0; }
    DayList > .day-list--card { background: $boost; }
    DayList > .day-list--errors { background: $error 12%; }
    DayList > .day-list--published { color: $text-muted; }
    DayList > .day-list--cursor { background: $accent 45%; }
    """

    @dataclass
    class Opened(Message):
        """A post was opened with Enter or a click."""

        day_list: DayList
        post_id: str

        @property
        def control(self) -> DayList:
            return self.day_list

    def __init__(self, lang: str, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self.lang = lang
        self.posts: tuple[PostSummary, ...] = ()
        self.tags: tuple[str, ...] = ()
        self.cursor = 0
        self.compact = False  # one line a card, no blank between (the week as a list)
        self._lines: dict[int, list[Text]] = {}
        self._strips: dict[tuple[int, int, bool], Strip] = {}  # by line, width and highlight

    @property
    def rows(self) -> int:
        """Lines a card takes, with the blank after it."""
        return 1 if self.compact else CARD_ROWS

    @property
    def lines(self) -> int:
        return 1 if self.compact else CARD_LINES

    def set_compact(self, compact: bool) -> None:
        if compact != self.compact:
            self.compact = compact
            self._forget_drawn()
            self.virtual_size = Size(0, len(self.posts) * self.rows)
            self.refresh(layout=True)

    def show(self, posts: Sequence[PostSummary], tags: Sequence[str]) -> None:
        """Another day's posts (or the same day's, changed); the cursor goes back to the first."""
        self.posts, self.tags = tuple(posts), tuple(tags)
        self.cursor = 0
        self._forget_drawn()
        self.can_focus = bool(self.posts)
        self.virtual_size = Size(0, len(self.posts) * self.rows)
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    @property
    def post_ids(self) -> list[str]:
        return [summary.post.id for summary in self.posts]

    @property
    def selected(self) -> PostSummary | None:
        return self.posts[self.cursor] if self.posts else None

    def card_text(self, index: int) -> str:
        """The card's lines as plain text, as the card shows them (for tests and screen readers)."""
        return "\n".join(line.plain for line in self._card(index))

    def select(self, index: int) -> None:
        """Move the cursor to a card and bring it into sight."""
        if not self.posts:
            return
        self.cursor = max(0, min(index, len(self.posts) - 1))
        card = Region(0, self.cursor * self.rows, self.scrollable_content_region.width, self.lines)
        self.scroll_to_region(card, animate=False, immediate=True)
        self.refresh()

    def select_post(self, post_id: str) -> bool:
        """Move the cursor to this post, if this day has it."""
        ids = self.post_ids
        if post_id not in ids:
            return False
        self.select(ids.index(post_id))
        return True

    # Drawing ---------------------------------------------------------------------------

    def _forget_drawn(self) -> None:
        self._lines.clear()
        self._strips.clear()

    def notify_style_update(self) -> None:
        """The theme or the CSS changed: every line is drawn again in the new colours."""
        super().notify_style_update()
        self._strips.clear()

    def _card(self, index: int) -> list[Text]:
        if index not in self._lines:
            self._lines[index] = card_lines(self.posts[index], self.tags[index], self.lang, self.compact)
        return self._lines[index]

    def _card_row(self, index: int, row: int, width: int) -> Text:
        """One line of the card: the post's text takes the last two, wrapped at words, and the
        second ends in … when there is more."""
        parts = self._card(index)
        if self.compact or row < len(parts) - 1:
            return parts[row]
        wrapped = parts[-1].wrap(self.app.console, max(width, 1))
        if row - (len(parts) - 1) >= len(wrapped):
            return Text("")
        line = wrapped[row - (len(parts) - 1)]
        if row == self.lines - 1 and len(wrapped) > row - (len(parts) - 1) + 1:
            line = line.copy()
            line.rstrip()
            line.append(" …")
        return line

    def card_style(self, index: int) -> Style:
        """The colours the card is drawn in: its status, its errors, and the cursor."""
        summary = self.posts[index]
        names = ["day-list--card"]
        if summary.errors:
            names.append("day-list--errors")
        if summary.post.status in ("published", "cancelled"):
            names.append("day-list--published")
        if index == self.cursor and self.has_focus:
            names.append("day-list--cursor")
        return self.get_visual_style(*names).rich_style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = self.scroll_offset.y + y
        index, row = divmod(line, self.rows)
        if index >= len(self.posts) or row >= self.lines:
            return Strip.blank(width, self.rich_style)
        key = (line, width, index == self.cursor and self.has_focus)
        strip = self._strips.get(key)
        if strip is None:  # each line drawn once: the start of the app paints the week four times
            text = Text(" ", no_wrap=True, overflow="ellipsis")
            text.append_text(self._card_row(index, row, width - 1))
            text.truncate(width, overflow="ellipsis", pad=True)
            strip = Strip(text.render(self.app.console), width).apply_style(self.card_style(index))
            self._strips[key] = strip
        return strip

    # Events ----------------------------------------------------------------------------

    def action_open(self) -> None:
        if self.selected is not None:
            self.post_message(self.Opened(self, self.selected.post.id))

    def on_click(self, event: events.Click) -> None:
        index, row = divmod(event.y + self.scroll_offset.y, self.rows)
        if index < len(self.posts) and row < self.lines:
            self.select(index)
            self.focus()
            self.action_open()

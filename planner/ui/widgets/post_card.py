"""A post in the week view: time, account tag, readiness, status and the first words."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static

from planner.i18n import t
from planner.services.views import PostSummary

PLATFORM_TAGS = {
    "facebook": "FB", "instagram": "IG", "x": "X", "linkedin": "IN", "youtube": "YT", "tiktok": "TT",
    "threads": "TH", "bluesky": "BS", "mastodon": "MA", "blog": "BL", "other": "··",
}  # fmt: skip


def readiness_text(summary: PostSummary) -> Text:
    if not summary.errors and not summary.warnings:
        return Text("✓", style="bold green")
    text = Text()
    if summary.errors:
        text.append(f"✗{summary.errors}", style="bold red")
    if summary.warnings:
        text.append((" " if summary.errors else "") + f"!{summary.warnings}", style="yellow")
    return text


def _look(summary: PostSummary) -> set[str]:
    """The classes app.tcss colours a card by: its status, and whether it has errors."""
    return {f"status-{summary.post.status}", *(["has-errors"] if summary.errors else [])}


class PostCard(Static, can_focus=True):
    """Enter (or a click) opens the post."""

    BINDINGS = [Binding("enter", "open", "Open", id="post-open", show=False)]

    @dataclass
    class Opened(Message):
        card: PostCard

        @property
        def control(self) -> PostCard:
            return self.card

    def __init__(self, summary: PostSummary, platform: str, lang: str) -> None:
        super().__init__(classes=" ".join(["post-card", *_look(summary)]))
        self.summary = summary
        self.platform = platform
        self.lang = lang

    def show(self, summary: PostSummary, platform: str, *, restyle: bool = True) -> bool:
        """This card now shows another post (the week view reuses its cards). Its classes change
        at once, but their styles are worked out again only when `restyle` (about half a
        millisecond a card), so a column restyles its hidden cards after the first paint.
        True when the card still needs `update_node_styles`."""
        old, new = _look(self.summary), _look(summary)
        changed = old != new
        if changed:
            self.remove_class(*(old - new), update=False)
            self.add_class(*(new - old), update=False)
            if restyle:
                self.update_node_styles(animate=False)
        self.summary, self.platform = summary, platform
        self.refresh()
        return changed and not restyle

    @property
    def post_id(self) -> str:
        return self.summary.post.id

    def render(self) -> Text:
        post = self.summary.post
        when = post.publish_at.strftime("%H:%M") if post.publish_at else "--:--"
        first = Text(f"{when} ", no_wrap=True, overflow="ellipsis")
        first.append_text(readiness_text(self.summary))
        second = Text(f"{PLATFORM_TAGS.get(self.platform, '··')} ", style="bold", no_wrap=True)
        second.append(t("status." + post.status, self.lang), style="italic")
        # Post text is shown literally: markup in it is never interpreted.
        third = Text(post.label(), no_wrap=True, overflow="ellipsis")
        card = Text("\n").join([first, second, third])
        card.no_wrap, card.overflow = True, "ellipsis"
        return card

    def action_open(self) -> None:
        self.post_message(self.Opened(self))

    def on_click(self) -> None:
        self.post_message(self.Opened(self))

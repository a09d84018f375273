"""After a consent is withdrawn: the published posts that carry its photo, each marked taken down
with Enter as it is removed from the channel (recorded at once, with who and when)."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button
from textual.widgets.option_list import Option

from planner.domain.errors import PlannerError
from planner.domain.model import Post
from planner.ui.base import PlannerDialog
from planner.ui.widgets.plain import Label, OptionList, Static


class TakedownList(PlannerDialog[None]):
    def __init__(
        self,
        title: str,
        body: Text,
        posts: list[Post],
        line: Callable[[Post], str],
        take: Callable[[Post], Post],
    ) -> None:
        super().__init__()
        self.heading, self.body, self.posts, self.line, self.take = title, body, posts, line, take
        self.done: dict[str, Post] = {}

    def compose(self) -> ComposeResult:
        app = self.planner
        with Vertical(classes="dialog wide", id="takedown"):
            yield Label(self.heading, classes="dialog-title")
            with VerticalScroll(id="notice-body"):
                yield Static(self.body)
            yield Label(app.tr("ui.takedown_hint"))
            yield OptionList(
                *(Option(self._text(post), id=post.id) for post in self.posts), id="takedown-posts"
            )
            with Horizontal(classes="buttons"):
                yield Button(app.tr("ui.close"), id="close", variant="primary", compact=True)

    def _text(self, post: Post) -> Text:
        app = self.planner
        taken = self.done.get(post.id)
        if taken is not None and taken.taken_down:
            text = Text("✓ ", style="bold green")
            text.append(self.line(post) + "  " + app.tr("ui.taken_down_on", day=taken.taken_down))
            return text
        text = Text("☐ ", style="bold yellow")
        text.append(self.line(post))
        return text

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def mark(self, event: OptionList.OptionSelected) -> None:
        post = next(p for p in self.posts if p.id == event.option.id)
        if post.id in self.done:
            return
        try:
            self.done[post.id] = self.take(post)
        except PlannerError as error:
            self.planner.fail(error)
            return
        options = self.query_one(OptionList)
        options.replace_option_prompt(post.id, self._text(post))

    @on(Button.Pressed, "#close")
    def close(self) -> None:
        self.dismiss(None)

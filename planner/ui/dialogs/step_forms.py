"""What a post's step asks before it is taken: where and when it went out, why it was cancelled or
taken down, its new time, and a crisis hold's reason and accounts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from planner.domain.dates import parse_moment
from planner.domain.model import Post
from planner.i18n.dates import typed_moment
from planner.ui.dialogs.form import Form, typed_address
from planner.ui.widgets.picks import Picks
from planner.ui.widgets.plain import Label


class ReasonForm(Form):
    """One line: why (a cancel, a take-down, a crisis hold)."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"reason": "ui.field.reason"}

    def __init__(self, title: str, submit: Callable[[Any], object], confirm: str = "key.dialog-save") -> None:
        super().__init__(submit)
        self.heading, self.confirm = title, confirm

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="reason-form"):
            yield Label(self.heading, classes="dialog-title")
            yield from self.row(self.planner.tr("ui.field.reason"), Input(compact=True, id="reason"))
            yield from self.buttons(self.confirm, back="ui.back")

    def on_mount(self) -> None:
        self.query_one("#reason", Input).focus()

    def result(self) -> str:
        return self.value("reason")


class PublishForm(Form):
    """Where the post went out (its address on the platform) and when (now, unless told)."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"--at": "ui.field.published_at"}

    def __init__(self, post: Post, submit: Callable[[Any], object]) -> None:
        super().__init__(submit)
        self.post = post

    def compose(self) -> ComposeResult:
        app = self.planner
        with Vertical(classes="dialog", id="publish-form"):
            yield Label(
                app.tr("ui.publish_title", post=self.post.id, label=self.post.label()), classes="dialog-title"
            )
            url = Input(
                self.post.published_url or "",
                placeholder=self.example("https://www.facebook.com/…"),
                compact=True,
                id="url",
            )
            yield from self.row(app.tr("ui.field.published_url"), url)
            now = typed_moment(app.now(), app.lang)
            yield from self.row(app.tr("ui.field.published_at"), Input(now, compact=True, id="at"))
            planned = self.post.publish_at
            if planned is not None and planned.date() > app.now().date():
                # Marking a post published days early is usually the wrong post or a wrong date.
                when = typed_moment(planned, app.lang)
                yield Label(app.tr("ui.publish_early", when=when), classes="hint warning")
            yield from self.buttons("ui.publish_confirm")

    def on_mount(self) -> None:
        self.query_one("#url", Input).focus()

    def result(self) -> tuple[str, dt.datetime | None]:
        app = self.planner
        typed = self.value("at")
        at = parse_moment(typed, app.tr("ui.field.published_at"), app.now().date()) if typed else None
        return typed_address(self.value("url")), at


class TimeForm(Form):
    """A new publish time, typed as the editor takes it."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"publish_at": "ui.field.publish_at"}

    def __init__(self, post: Post, submit: Callable[[Any], object]) -> None:
        super().__init__(submit)
        self.post = post

    def compose(self) -> ComposeResult:
        app = self.planner
        when = typed_moment(self.post.publish_at, app.lang) if self.post.publish_at else ""
        with Vertical(classes="dialog", id="time-form"):
            yield Label(
                app.tr("ui.move_title", post=self.post.id, label=self.post.label()), classes="dialog-title"
            )
            field = Input(when, placeholder=app.tr("ui.time_placeholder"), compact=True, id="at")
            yield from self.row(app.tr("ui.field.publish_at"), field)
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#at", Input).focus()

    def result(self) -> dt.datetime:
        app = self.planner
        return parse_moment(self.value("at"), app.tr("ui.field.publish_at"), app.now().date())


class HoldForm(Form):
    """A crisis hold: its reason, and the accounts it is on (none ticked: every account)."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"reason": "ui.field.reason"}

    def compose(self) -> ComposeResult:
        app = self.planner
        accounts = sorted(app.ws.accounts.values(), key=lambda a: a.id)
        with Vertical(classes="dialog wide", id="hold-form"):
            yield Label(app.tr("ui.hold_title"), classes="dialog-title")
            yield from self.row(app.tr("ui.field.reason"), Input(compact=True, id="reason"))
            yield Label(app.tr("ui.hold_accounts"))
            yield Picks(*((f"{a.name} ({a.platform})", a.id) for a in accounts), id="hold-accounts")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#reason", Input).focus()

    def result(self) -> tuple[str, tuple[str, ...]]:
        return self.value("reason"), tuple(self.query_one(Picks).selected)

"""Ask for a date to jump to; returns it, or None when cancelled."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from planner.domain.errors import DataError
from planner.domain.fields import parse_date
from planner.i18n import t


class GoToDate(ModalScreen[dt.date | None]):
    BINDINGS = [Binding("escape", "cancel", "Esc", id="dialog-cancel")]

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("ui.goto_prompt", self.lang))
            yield Input(placeholder="2026-12-24", id="goto-date")
            yield Static("", id="goto-error", classes="error")

    @on(Input.Submitted)
    def go(self, event: Input.Submitted) -> None:
        try:
            self.dismiss(parse_date(event.value, "date"))
        except DataError as error:
            self.query_one("#goto-error", Static).update(error.render(self.lang))

    def action_cancel(self) -> None:
        self.dismiss(None)

"""Ask for a date to jump to; returns it, or None when cancelled."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from planner.domain.dates import parse_day
from planner.domain.errors import DataError
from planner.i18n import t
from planner.ui.base import PlannerDialog
from planner.ui.widgets.plain import Label, Static


class GoToDate(PlannerDialog[dt.date | None]):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("ui.goto_prompt", self.lang))
            yield Input(placeholder=t("ui.date_placeholder", self.lang), id="goto-date")
            yield Static("", id="goto-error", classes="error")

    @on(Input.Submitted)
    def go(self, event: Input.Submitted) -> None:
        try:
            self.dismiss(parse_day(event.value, t("ui.field.date", self.lang), self.planner.now().date()))
        except DataError as error:
            self.query_one("#goto-error", Static).update(error.render(self.lang))

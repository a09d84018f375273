"""A yes-or-no question; returns True for yes."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button

from planner.ui.base import PlannerDialog
from planner.ui.widgets.plain import Label


class Confirm(PlannerDialog[bool]):
    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question)
            with Horizontal(classes="buttons"):
                yield Button(self.no, id="no", variant="primary", compact=True)
                yield Button(self.yes, id="yes", variant="error", compact=True)

    @on(Button.Pressed, "#yes")
    def answer_yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_cancel(self) -> None:
        self.dismiss(False)

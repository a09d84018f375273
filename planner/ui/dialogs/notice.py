"""A message to read and close: the outcome of a change that reaches further than one screen."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button

from planner.ui.actions import bindings
from planner.ui.base import PlannerDialog
from planner.ui.widgets.plain import Label, Static


class Notice(PlannerDialog[None]):
    BINDINGS = bindings("notice")

    def __init__(self, title: str, body: Text, close: str) -> None:
        super().__init__()
        self.title_text, self.body, self.close = title, body, close

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="notice"):
            yield Label(self.title_text, classes="dialog-title")
            with VerticalScroll(id="notice-body"):
                yield Static(self.body)
            with Horizontal(classes="buttons"):
                yield Button(self.close, id="close", variant="primary", compact=True)

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

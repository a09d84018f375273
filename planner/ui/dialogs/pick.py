"""Pick one of a few choices (an absence, a person); returns its key, or None on Esc."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets.option_list import Option

from planner.ui.base import PlannerDialog
from planner.ui.widgets.plain import Label, OptionList


class Pick(PlannerDialog[str | None]):
    def __init__(
        self, prompt: str, choices: list[tuple[str, str]], wide: bool = False, current: str | None = None
    ) -> None:
        super().__init__()
        self.prompt, self.choices, self.wide, self.current = prompt, choices, wide, current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide" if self.wide else "dialog"):
            yield Label(self.prompt, classes="dialog-title")
            # Text, not markup: names and file names are shown as typed, brackets and all.
            yield OptionList(*(Option(Text(text), id=key) for key, text in self.choices), id="pick-options")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        keys = [key for key, _ in self.choices]
        if self.current in keys:  # the list opens on the value it has now
            options.highlighted = keys.index(self.current)
        options.focus()

    @on(OptionList.OptionSelected)
    def choose(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

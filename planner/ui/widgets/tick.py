"""A checkbox whose state shows in its mark, not only in its colour: `✓` ticked, blank not."""

from __future__ import annotations

from textual.widgets import Checkbox


class Tick(Checkbox):
    @property  # Textual draws the button's inside from BUTTON_INNER
    def BUTTON_INNER(self) -> str:  # noqa: N802  # the name Textual asks for
        return "✓" if self.value else " "

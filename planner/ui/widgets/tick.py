"""A checkbox whose state shows in its mark, not only in its colour: `✓` ticked, blank not."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox


class Tick(Checkbox):
    def render(self) -> Content:
        self.BUTTON_INNER = "✓" if self.value else " "  # Textual draws the button's inside from it
        return super().render()

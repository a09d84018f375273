"""A checkbox whose state shows in its mark, not only in its colour: `✓` ticked, blank not. Only the
space bar ticks it: Enter, pressed to save a form, once made a producer an admin."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets import Checkbox


class Tick(Checkbox, inherit_bindings=False):
    BINDINGS = [Binding("space", "toggle_button", "Toggle", show=False)]

    def render(self) -> Content:
        self.BUTTON_INNER = "✓" if self.value else " "  # Textual draws the button's inside from it
        return super().render()

"""The post's text in the editor: Textual's text area, drawn again after a resize and with keys
for the text's two ends."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import TextArea


class PostText(TextArea):
    """The post's text. Textual's text area wraps its lines again when its width changes, but
    draws them again only when their number changed: the kept editor, shown at another width than
    it was last laid out at, kept a line of the old wrapping on the terminal until a key was
    pressed. Drawn again after each new width."""

    # Textual's text area has no keys for the text's two ends: Ctrl+End did nothing, and what was
    # typed next (the hashtags, usually) went where the cursor happened to be.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+home", "text_start", show=False),
        Binding("ctrl+end", "text_end", show=False),
    ]

    def on_resize(self) -> None:
        self.refresh()

    def action_text_start(self) -> None:
        self.move_cursor((0, 0))

    def action_text_end(self) -> None:
        self.move_cursor(self.document.end)

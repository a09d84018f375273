"""What a terminal shows of the app: each update the app writes, as the driver would send it,
applied to a grid of cells. A screenshot draws the whole screen afresh; this shows what is left
on the terminal when the app sends only what it believes changed."""

from __future__ import annotations

import re
from typing import Any

from rich.cells import cell_len

_CSI = re.compile(r"\x1b\[([0-9;?]*)([A-Za-z])")


class Terminal:
    def __init__(self, app: Any) -> None:
        self.app = app
        self.cells: dict[tuple[int, int], str] = {}
        shown = app._display

        def display(screen: Any, update: Any) -> None:
            shown(screen, update)
            if update is not None:
                self.write(update.render_segments(app.console))

        app._display = display

    def write(self, data: str) -> None:
        x = y = 0
        at = 0
        for found in _CSI.finditer(data):
            x, y = self._text(data[at : found.start()], x, y)
            at = found.end()
            if found.group(2) == "H":  # cursor to row;column (from 1)
                row, _, column = found.group(1).partition(";")
                y, x = int(row or 1) - 1, int(column or 1) - 1
        self._text(data[at:], x, y)

    def _text(self, text: str, x: int, y: int) -> tuple[int, int]:
        for char in text:
            if char == "\n":
                x, y = 0, y + 1
            elif char != "\r":
                self.cells[x, y] = char
                x += max(1, cell_len(char))
        return x, y

    def lines(self) -> list[str]:
        width, height = self.app.size
        return ["".join(self.cells.get((x, y), " ") for x in range(width)).rstrip() for y in range(height)]

    def drawn_afresh(self) -> list[str]:
        """The screen as a full render draws it now."""
        fresh = Terminal.__new__(Terminal)
        fresh.app, fresh.cells = self.app, {}
        fresh.write(self.app.screen._compositor.render_full_update().render_segments(self.app.console))
        return fresh.lines()

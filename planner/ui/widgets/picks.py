"""A list of people to pick from whose marks say which are picked, not only their colour: `✓`
picked, blank not (as Tick does for a checkbox)."""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.option_list import OptionDoesNotExist

from planner.ui.widgets.plain import as_written


class Picks(SelectionList[str]):
    def __init__(self, *selections: tuple[str, str] | tuple[str, str, bool], **options: Any) -> None:
        """Each (name, value[, picked]); a name is shown as written (a person's, an account's)."""
        super().__init__(*((as_written(name), *rest) for name, *rest in selections), **options)

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) < 2:
            return strip
        mark = "✓" if option.value in self._selected else " "
        segments[1] = Segment(mark, segments[1].style)
        return Strip(segments, strip.cell_length)

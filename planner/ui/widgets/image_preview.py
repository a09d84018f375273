"""A small colour preview of an image, drawn with half-block characters from Pillow's pixels."""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text

from planner.domain.errors import PlannerError
from planner.i18n import t
from planner.ui.widgets.plain import Static

Loader = Callable[[int, int], list[list[tuple[tuple[int, int, int], tuple[int, int, int]]]]]


def half_blocks(load: Loader, columns: int, rows: int, lang: str) -> Text:
    try:
        pairs = load(columns, rows)
    except PlannerError as error:
        return Text(t("ui.preview_failed", lang, reason=error.render(lang)), style="red")
    lines = []
    for row in pairs:
        line = Text()
        for top, bottom in row:
            line.append("▀", Style(color=f"rgb{top}", bgcolor=f"rgb{bottom}"))
        lines.append(line)
    return Text("\n").join(lines)


class ImagePreview(Static):
    _drawn: tuple[object, ...] | None = ()  # what it last drew (None: nothing; () not yet drawn)

    def show_once(self, drawn: tuple[object, ...] | None, load: Loader | None, lang: str) -> None:
        """Draw `load` unless `drawn` (an image's file, by its stat signature) is what it shows."""
        if drawn != self._drawn:
            self._drawn = drawn
            self.show(load, lang)

    def show(self, load: Loader | None, lang: str, columns: int = 28, rows: int = 7) -> None:
        """`load(columns, rows)` gives the preview's colours (services.previews); None hides it."""
        self.display = load is not None
        if load is not None:
            self.update(half_blocks(load, columns, rows, lang))

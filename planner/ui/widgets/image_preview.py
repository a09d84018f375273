"""A small colour preview of an image, drawn with half-block characters from Pillow's pixels."""

from __future__ import annotations

from pathlib import Path

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from planner.domain.errors import PlannerError
from planner.i18n import t


def half_blocks(path: Path, columns: int, rows: int, lang: str) -> Text:
    from planner.media.preview import half_block_rows

    try:
        pairs = half_block_rows(path, columns, rows)
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
    def show(self, path: Path | None, lang: str, columns: int = 28, rows: int = 7) -> None:
        self.display = path is not None
        if path is not None:
            self.update(half_blocks(path, columns, rows, lang))

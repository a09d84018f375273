"""The line every screen shows while a crisis hold is on: its reason, who started it and when, and
the key to the view of the posts it pauses. Hidden (no line taken) when no hold is on."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text

from planner.ui.widgets.plain import Static

if TYPE_CHECKING:
    from planner.ui.context import Planner

LOOK_SECONDS = 1.0  # the app reloads on its own when files change; the banner follows what it holds


class CrisisBanner(Static):
    DEFAULT_CSS = """
    CrisisBanner {
        dock: top; height: 1; display: none; background: $error; color: $text;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    CrisisBanner.on { display: block; }
    """

    def __init__(self) -> None:
        super().__init__("", id="crisis-banner")
        self._shown: tuple[object, ...] = ()

    def on_mount(self) -> None:
        self.look()
        self.set_interval(LOOK_SECONDS, self.look)

    def look(self) -> None:
        app = cast("Planner", self.app)
        holds = app.ws.open_holds
        shown = tuple((h.id, h.revision) for h in holds)
        if shown == self._shown:
            return
        self._shown = shown
        self.set_class(bool(holds), "on")
        if not holds:
            self.update("")
            return
        first = holds[0]
        said = app.tr("ui.crisis_banner", reason=first.reason, by=first.started_by, since=first.started_at)
        line = Text(f"⚠ {said}")
        line.stylize("bold")
        self.update(line)

"""Every key binding of the app, with its id (for remapping) and what it does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from planner.ui.bindings import label

if TYPE_CHECKING:
    from planner.ui.app import PlannerApp


def binding_rows(app: PlannerApp) -> list[tuple[str, str, str]]:
    """(keys, what it does, binding id) for every binding of the app's screens."""
    from planner.ui.screens.agenda import AgendaScreen
    from planner.ui.screens.consents import ConsentScreen
    from planner.ui.screens.coverage import CoverageScreen
    from planner.ui.screens.editor import EditorScreen
    from planner.ui.screens.library import LibraryScreen
    from planner.ui.screens.month import MonthScreen
    from planner.ui.screens.team import TeamScreen
    from planner.ui.screens.week import WeekScreen
    from planner.ui.widgets.day_list import DayList

    keymap = app._keymap  # remapped keys win over the defaults
    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    screens = (WeekScreen, DayList, EditorScreen, AgendaScreen, MonthScreen, CoverageScreen, TeamScreen,
               LibraryScreen, ConsentScreen)  # fmt: skip
    for owner in (app.__class__, *screens):
        for binding in owner.BINDINGS:
            if not isinstance(binding, Binding) or not binding.id or binding.id in seen:
                continue
            seen.add(binding.id)
            keys = keymap.get(binding.id, binding.key).replace("question_mark", "?")
            rows.append((keys, label(binding.id, app.lang, binding.description), binding.id))
    return rows


def binding_table(app: PlannerApp) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 1))
    for keys, what, binding_id in binding_rows(app):
        table.add_row(keys, what, Text(binding_id, style="dim"))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,question_mark,q", "close", "Esc", id="help-close")]

    def compose(self) -> ComposeResult:
        from planner.ui.app import keymap_path

        app: PlannerApp = self.app  # type: ignore[assignment]
        with VerticalScroll(classes="dialog wide", id="help"):
            yield Label(app.tr("ui.help_title"), classes="dialog-title")
            yield Static(binding_table(app))
            yield Static(app.tr("ui.help_hint", path=str(keymap_path())), classes="hint")

    def action_close(self) -> None:
        self.dismiss(None)

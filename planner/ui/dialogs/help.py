"""Every key of the app, view by view, from the actions table: the keys (as the user has remapped
them), what each does, and its binding id for the keymap."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from planner.ui.actions import ACTIONS, bindings
from planner.ui.base import PlannerDialog
from planner.ui.context import Planner
from planner.ui.keymap import keymap_path, shown_keys
from planner.ui.widgets.plain import Label, Static

SECTIONS = (
    "app",
    "week",
    "daylist",
    "editor",
    "month",
    "agenda",
    "coverage",
    "team",
    "library",
    "consents",
    "accounts",
    "campaigns",
    "crisis",
    "guide",
    "dialog",
    "form",
)


def help_rows(app: Planner) -> list[tuple[str, str, str, str, bool]]:
    """(section, keys, what it does, binding id, writes) for every action, in the table's order."""
    rows = []
    for section in SECTIONS:
        for action in ACTIONS:
            if action.scopes[0] == section:
                keys = app.keymap.get(action.id, action.keys)
                rows.append((section, shown_keys(keys), app.tr(action.about), action.id, action.writes))
    return rows


def help_table(app: Planner) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 1))
    section = None
    reader = app.is_reader()
    for found, keys, what, binding_id, writes in help_rows(app):
        if found != section:
            section = found
            table.add_row("", Text(app.tr(f"ui.scope.{section}"), style="bold underline"), "")
        style = "dim" if reader and writes else ""
        table.add_row(Text(keys, style=style), Text(what, style=style), Text(binding_id, style="dim"))
    return table


class HelpScreen(PlannerDialog[None]):
    BINDINGS = bindings("help")

    def compose(self) -> ComposeResult:
        app = self.planner
        with VerticalScroll(classes="dialog wide", id="help"):
            yield Label(app.tr("ui.help_title"), classes="dialog-title")
            if app.is_reader():
                yield Label(app.tr("ui.help_reader"), classes="hint")
            yield Static(help_table(app))
            yield Static(app.tr("ui.help_hint", path=str(keymap_path())), classes="hint")

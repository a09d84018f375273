"""Someone else saved the post first: both versions side by side, and the user chooses. Nothing is
overwritten without that choice."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button

from planner.domain.model import Post
from planner.i18n import t
from planner.ui.base import PlannerDialog
from planner.ui.widgets.plain import Label, Static

COMPARED = ("publish_at", "account", "status", "title", "text", "owner", "kind", "campaign", "media")
RELOAD, KEEP_MINE, KEEP_EDITING = "reload", "keep", "edit"


def differences(mine: Post, theirs: Post) -> list[tuple[str, str, str]]:
    """(field, mine, theirs) for every field the two versions disagree on."""
    ours, other = mine.to_dict(), theirs.to_dict()
    shown = []
    for name in COMPARED:
        if ours[name] != other[name]:
            values = [
                ", ".join(v) if isinstance(v, list) else str(v or "–") for v in (ours[name], other[name])
            ]
            shown.append((name, values[0], values[1]))
    return shown


class ConflictScreen(PlannerDialog[str]):
    def __init__(self, mine: Post, theirs: Post, lang: str) -> None:
        super().__init__()
        self.mine, self.theirs, self.lang = mine, theirs, lang

    def compose(self) -> ComposeResult:
        lang = self.lang
        table = Table(expand=True, show_lines=True)
        table.add_column(t("ui.conflict_field", lang), ratio=1)
        table.add_column(t("ui.conflict_mine", lang), ratio=3)
        table.add_column(t("ui.conflict_theirs", lang, revision=self.theirs.revision), ratio=3)
        for name, ours, other in differences(self.mine, self.theirs):
            table.add_row(Text(name), Text(ours), Text(other))  # Text: shown literally, never markup
        with Vertical(classes="dialog wide", id="conflict"):
            yield Label(t("ui.conflict_title", lang, post=self.theirs.id), classes="dialog-title")
            yield Label(t("ui.conflict_hint", lang), classes="hint")
            with VerticalScroll(id="conflict-body"):
                yield Static(table)
            with Horizontal(classes="buttons"):
                yield Button(t("ui.conflict_edit", lang), id=KEEP_EDITING, compact=True)
                yield Button(t("ui.conflict_reload", lang), id=RELOAD, compact=True)
                yield Button(t("ui.conflict_keep", lang), id=KEEP_MINE, variant="warning", compact=True)

    def on_mount(self) -> None:
        self.query_one(f"#{KEEP_EDITING}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or KEEP_EDITING)

    def action_cancel(self) -> None:
        self.dismiss(KEEP_EDITING)

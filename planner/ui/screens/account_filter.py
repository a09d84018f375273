"""Choose which accounts the views show: all, one, or every account of a platform or a unit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from planner.services.views import AccountFilter, filter_choices

if TYPE_CHECKING:
    from planner.ui.app import PlannerApp


class AccountFilterScreen(ModalScreen[AccountFilter | None]):
    BINDINGS = [Binding("escape", "cancel", "Esc", id="dialog-cancel")]

    def compose(self) -> ComposeResult:
        from planner.ui.screens.week import filter_label

        app: PlannerApp = self.app  # type: ignore[assignment]
        self.choices = filter_choices(app.ws)
        with Vertical(classes="dialog"):
            yield Label(app.tr("ui.filter_prompt"))
            yield OptionList(
                *(Option(filter_label(app, c), id=str(i)) for i, c in enumerate(self.choices)),
                id="filter-options",
            )

    def on_mount(self) -> None:
        app: PlannerApp = self.app  # type: ignore[assignment]
        options = self.query_one(OptionList)
        options.highlighted = (
            self.choices.index(app.account_filter) if app.account_filter in self.choices else 0
        )
        options.focus()

    @on(OptionList.OptionSelected)
    def choose(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        self.dismiss(None)

"""Choose which accounts the views show: all, one, or every account of a platform or a unit."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets.option_list import Option

from planner.services.views import AccountFilter, filter_choices
from planner.ui.base import PlannerDialog
from planner.ui.widgets.plain import Label, OptionList

if TYPE_CHECKING:
    from planner.ui.context import Planner


def filter_label(app: Planner, choice: AccountFilter) -> str:
    """What a choice of accounts reads as: all accounts, one, a platform or a unit."""
    if choice.kind == "all":
        return app.tr("ui.all_accounts")
    return app.tr(f"ui.filter.{choice.kind}", value=choice.value)


class AccountFilterScreen(PlannerDialog[AccountFilter | None]):
    def compose(self) -> ComposeResult:
        app = self.planner
        self.choices = filter_choices(app.ws)
        with Vertical(classes="dialog"):
            yield Label(app.tr("ui.filter_prompt"))
            yield OptionList(
                *(Option(filter_label(app, c), id=str(i)) for i, c in enumerate(self.choices)),
                id="filter-options",
            )

    def on_mount(self) -> None:
        app = self.planner
        options = self.query_one(OptionList)
        options.highlighted = (
            self.choices.index(app.account_filter) if app.account_filter in self.choices else 0
        )
        options.focus()

    @on(OptionList.OptionSelected)
    def choose(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[int(event.option.id or 0)])

"""The month: a grid of ISO weeks with post counts per day and the accounts short of cadence."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from planner.services.views import month_view
from planner.ui.actions import bindings
from planner.ui.base import PlannerScreen
from planner.ui.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    pass


class MonthScreen(PlannerScreen[None]):
    SCOPE = "month"
    BINDINGS = bindings("month")

    def compose(self) -> ComposeResult:
        yield Static(id="month-title")
        with VerticalScroll():
            yield Static(id="month-grid")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_month()

    def refresh_month(self) -> None:
        app = self.planner
        first = app.cursor_day.replace(day=1)
        month = app.tr("ui.months").split()[first.month - 1]
        self.query_one("#month-title", Static).update(Text(f"{month} {first.year}", style="bold"))
        table = Table(expand=True, show_lines=False)
        table.add_column(app.tr("ui.week", week="").strip())
        for name in app.tr("ui.weekdays").split():
            table.add_column(name, justify="right")
        table.add_column(app.tr("ui.cadence"))
        today = app.now().date()
        for week in month_view(app.ws, first, app.account_filter):
            cells = []
            for offset, count in enumerate(week.counts):
                day = week.monday + dt.timedelta(days=offset)
                style = "reverse" if day == today else ("dim" if day.month != first.month else "")
                cells.append(Text(f"{day.day}:{count}" if count else f"{day.day}", style=style))
            short = (
                Text(app.tr("ui.month_short", accounts=", ".join(week.short)), style="red")
                if week.short
                else Text("✓", style="green")
            )
            table.add_row(week.label.split("-W")[1], *cells, short)
        self.query_one("#month-grid", Static).update(table)

    def _shift(self, months: int) -> None:
        app = self.planner
        first = app.cursor_day.replace(day=1)
        year, month = divmod(first.month - 1 + months, 12)
        app.cursor_day = first.replace(year=first.year + year, month=month + 1)
        self.refresh_month()

    def action_previous_month(self) -> None:
        self._shift(-1)

    def action_next_month(self) -> None:
        self._shift(1)

    def action_back(self) -> None:
        self.dismiss(None)

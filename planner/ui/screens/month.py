"""The month: a grid of ISO weeks with post counts per day, and below it the accounts short of
cadence each week (a list, so that it reads at 60 columns as at 120)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from planner.i18n.dates import month
from planner.services.views import month_view
from planner.ui.actions import bindings
from planner.ui.base import PlannerScreen
from planner.ui.widgets.key_bar import KeyBar
from planner.ui.widgets.plain import Static
from planner.ui.widgets.post_card import account_tags

if TYPE_CHECKING:
    pass

WIDE = 90  # from this many columns a day shows its posts as "15 · 6 julk."; below, "15:6"


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
        self.query_one("#month-title", Static).update(Text(month(first, app.lang), style="bold"))
        table = Table(expand=True, box=box.SIMPLE_HEAD, pad_edge=False)
        table.add_column(app.tr("ui.week_short"), justify="right")
        for name in app.tr("ui.weekdays").split():
            table.add_column(name, justify="right")
        table.add_column(app.tr("ui.cadence"), justify="center")
        today = app.now().date()
        wide = self.size.width >= WIDE
        short_weeks = Text()
        weeks = month_view(app.ws, first, app.account_filter)
        # the accounts by their tags, as on the week: six whole ids took four lines of 60 columns
        tags = account_tags(app.ws.accounts, {account for week in weeks for account in week.short})
        for week in weeks:
            number = week.label.split("-W")[1].lstrip("0")
            cells = []
            for offset, count in enumerate(week.counts):
                day = week.monday + dt.timedelta(days=offset)
                style = "reverse" if day == today else ("dim" if day.month != first.month else "")
                shown = f"{day.day} · {count}" if wide else f"{day.day}:{count}"
                cells.append(Text(shown if count else f"{day.day}", style=style))
            if week.short:
                mark = Text(f"✗{len(week.short)}", style="bold red")
                short_weeks.append(f"{app.tr('ui.week_short')} {number}: ", style="bold")
                short_weeks.append(
                    app.tr("ui.month_short", accounts=", ".join(tags[a] for a in week.short)) + "\n",
                    style="red",
                )
            else:
                mark = Text("✓", style="green")
            table.add_row(number, *cells, mark)
        legend = Text(app.tr("ui.month_legend", example="15 · 6" if wide else "15:6"), style="dim")
        self.query_one("#month-grid", Static).update(Group(table, short_weeks, legend))

    def on_resize(self) -> None:
        self.refresh_month()

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

"""The coverage view: accounts × ISO weeks, each cell coloured by coverage and marked when the
week's cadence falls short; holidays and the summer season in the headings; Enter on a gap
assigns a deputy."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult

from planner.domain.calendar import add_months, is_summer_week, monday_of, next_summer, sunday_of
from planner.domain.team import COVERED, DEPUTY, GAP, WeekCell, absences_behind
from planner.i18n import fmt_date
from planner.services.checks import check
from planner.services.team import CoverageGrid, coverage_grid
from planner.ui.actions import bindings
from planner.ui.base import PlannerScreen
from planner.ui.widgets.key_bar import KeyBar
from planner.ui.widgets.plain import DataTable, Static
from planner.ui.widgets.post_card import account_label

if TYPE_CHECKING:
    pass

SYMBOLS = {COVERED: "✓", DEPUTY: "◐", GAP: "✗"}
STYLES = {COVERED: "black on green", DEPUTY: "black on yellow", GAP: "bold white on red"}
LABEL_WIDTH = 20
WATCHED_RULES = ("account.coverage", "account.cadence", "post.owner_available")


def cell_text(cell: WeekCell) -> Text:
    symbol = SYMBOLS.get(cell.coverage, "·")
    mark = "!" if cell.short else " "
    return Text(f" {symbol}{mark}", style=STYLES.get(cell.coverage, "dim"))


class CoverageScreen(PlannerScreen[None]):
    SCOPE = "coverage"
    BINDINGS = bindings("coverage")

    def __init__(self) -> None:
        super().__init__()
        self.start = monday_of(dt.date.today())
        self.grid: CoverageGrid | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="coverage-title")
        yield DataTable(id="coverage", cursor_type="cell", cell_padding=0)
        yield Static(id="coverage-detail")
        yield Static(id="coverage-legend")
        yield KeyBar()

    def on_mount(self) -> None:
        self.start = monday_of(self.planner.now().date())
        self.query_one("#coverage-legend", Static).update(self._legend())
        self.refresh_grid()
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        """Back from a dialog: read the workspace again; redraw once the screen is live again
        (a DataTable filled while its screen is still suspended loses its row labels)."""
        self.planner.reload()
        self.call_after_refresh(self.refresh_grid)

    # Drawing ----------------------------------------------------------------------------------

    @property
    def end(self) -> dt.date:
        return sunday_of(add_months(self.start, 6) - dt.timedelta(days=1))

    def refresh_grid(self) -> None:
        app = self.planner
        table = self.query_one(DataTable)
        where = (table.cursor_row, table.cursor_column) if table.row_count else (0, 0)
        self.grid = coverage_grid(app.ws, self.start, self.end, app.account_filter.accounts(app.ws), app.lang)
        table.clear(columns=True)
        for monday in self.grid.mondays:
            table.add_column(self._week_heading(monday), key=monday.isoformat())
        for account, cells in self.grid.rows:
            table.add_row(
                *(cell_text(c) for c in cells), key=account.id, label=account_label(account, LABEL_WIDTH)
            )
        title = Text(app.tr("ui.coverage_title"), style="bold")
        title.append(f"  {fmt_date(self.grid.start, app.lang)}–{fmt_date(self.grid.end, app.lang)}")
        title.append(
            "  " + app.tr("ui.coverage_gaps", count=len(self.grid.gaps)),
            style="bold red" if self.grid.gaps else "green",
        )
        self.query_one("#coverage-title", Static).update(title)
        if table.row_count:
            row, column = where
            table.move_cursor(
                row=min(row, table.row_count - 1), column=max(1, min(column, len(self.grid.mondays)))
            )
        self.show_detail()

    def _week_heading(self, monday: dt.date) -> Text:
        assert self.grid is not None
        week = f" {monday.isocalendar()[1]:02d}"
        holiday = bool(self.grid.holidays_in(monday))
        return Text(week + ("*" if holiday else " "), style="bold yellow" if is_summer_week(monday) else "")

    def _legend(self) -> Text:
        app = self.planner
        legend = Text()
        for state in (COVERED, DEPUTY, GAP):
            legend.append(f" {SYMBOLS[state]} ", style=STYLES[state])
            legend.append(" " + app.tr(f"ui.coverage.{state}") + "  ")
        legend.append("! " + app.tr("ui.coverage.short") + "  ")
        legend.append("* " + app.tr("ui.coverage.holiday") + "  ")
        legend.append(f"{app.tr('ui.week_short')} 27", style="bold yellow")
        legend.append(" " + app.tr("ui.coverage.summer_legend"))
        return legend

    # The cell under the cursor -----------------------------------------------------------------

    def _cursor(self) -> tuple[str, dt.date] | None:
        table = self.query_one(DataTable)
        if self.grid is None or not table.row_count:
            return None
        account, _ = self.grid.rows[table.cursor_row]
        return account.id, self.grid.mondays[table.cursor_column]

    @on(DataTable.CellHighlighted)
    def show_detail(self) -> None:
        detail = self.query_one("#coverage-detail", Static)
        where = self._cursor()
        if where is None or self.grid is None:
            detail.update("")
            return
        detail.update(self.detail_text(*where))

    def detail_text(self, account_id: str, monday: dt.date) -> Text:
        app = self.planner
        assert self.grid is not None
        row = next(cells for account, cells in self.grid.rows if account.id == account_id)
        cell = row[self.grid.mondays.index(monday)]
        sunday = sunday_of(monday)
        text = Text(f"{account_id} · ", style="bold")
        text.append(app.tr("ui.week", week=monday.isocalendar()[1]) + " ")
        text.append(f"{fmt_date(monday, app.lang)}–{fmt_date(sunday, app.lang)}")
        if is_summer_week(monday):
            text.append(" · " + app.tr("ui.coverage.summer"), style="yellow")
        holidays = self.grid.holidays_in(monday)
        if holidays:
            text.append(" · " + ", ".join(holidays), style="italic")
        text.append("\n" + app.tr(f"ui.coverage.{cell.coverage}"), style=STYLES.get(cell.coverage, "dim"))
        text.append(
            "  " + app.tr("ui.coverage.posts", count=cell.posts, required=cell.required),
            style="bold red" if cell.short else "",
        )
        found = self.grid.gap_at(account_id, monday)
        if found is not None:
            gap = found.gap
            away = ", ".join(app.ws.people[p].name if p in app.ws.people else p for p in gap.absent)
            line = app.tr(
                "ui.coverage.gap_line",
                start=fmt_date(gap.start, app.lang),
                end=fmt_date(gap.end, app.lang),
                days=gap.working_days,
                away=away or "-",
            )
            text.append("\n" + line)
            names = ", ".join(c.person for c in found.candidates) or app.tr("ui.none")
            text.append("\n" + app.tr("ui.coverage.suggest", people=names), style="bold")
        text.append("\n" + self._checks(account_id, monday))
        return text

    def _checks(self, account_id: str, monday: dt.date) -> str:
        """The rules this view is about, for this account and week: do they pass?"""
        app = self.planner
        report = check(app.ws, app.session.store.assets, app.now(), monday, sunday_of(monday), account_id)
        findings = [f for f in report.findings if f.rule in WATCHED_RULES]
        parts = []
        for rule in WATCHED_RULES:
            count = sum(1 for f in findings if f.rule == rule)
            title = app.tr(f"{rule}.title")
            parts.append(f"{'✗' if count else '✓'} {title}" + (f" ({count})" if count > 1 else ""))
        return "  ".join(parts)

    # Actions ------------------------------------------------------------------------------------

    @on(DataTable.CellSelected)
    def assign_deputy(self) -> None:
        from planner.ui.dialogs.deputy import start_assignment

        where = self._cursor()
        if where is None or self.grid is None:
            return
        found = self.grid.gap_at(*where)
        if found is None:
            self.app.notify(self.planner.tr("ui.coverage.no_gap"), timeout=4)
            return
        absences = absences_behind(self.planner.ws, found.gap) or list(found.absences)
        if not absences:
            self.app.notify(self.planner.tr("ui.coverage.no_absence"), severity="warning", timeout=8)
            return

        start_assignment(self.planner, absences)  # back on this screen, on_screen_resume redraws

    def action_shift(self, weeks: int) -> None:
        self.start += dt.timedelta(weeks=weeks)
        self.refresh_grid()

    def action_summer(self) -> None:
        first, last = next_summer(self.planner.now().date())
        self.start = monday_of(first)
        self.refresh_grid()

    def action_today(self) -> None:
        self.start = monday_of(self.planner.now().date())
        self.refresh_grid()

    def action_go_to_date(self) -> None:
        from planner.ui.dialogs.goto_date import GoToDate

        def go(day: dt.date | None) -> None:
            if day is not None:
                self.start = monday_of(day)

        self.app.push_screen(GoToDate(self.planner.lang), go)  # on_screen_resume redraws

    def action_back(self) -> None:
        self.dismiss(None)

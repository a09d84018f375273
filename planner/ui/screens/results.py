"""Results: for each account shown, its goals this month, this quarter and this year as bars against
their targets (met, or in progress: these periods are still running), its reach week by week as a
sparkline, and its best posts of the last weeks by engagement."""

from __future__ import annotations

import datetime as dt

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from planner.domain.calendar import monday_of
from planner.domain.results import METRICS, PERIODS, AccountResult, GoalResult, period_of
from planner.i18n import number
from planner.i18n.dates import period, short_day
from planner.reports.results import best_post, goal_mark, goal_text
from planner.services import results
from planner.ui.actions import bindings
from planner.ui.base import PlannerScreen
from planner.ui.widgets.key_bar import KeyBar
from planner.ui.widgets.plain import Static

BAR = 12  # cells of a goal's bar at its target
SPARKS = "▁▂▃▄▅▆▇█"
WEEKS = 8  # the weeks the sparkline and the best posts look back
SCROLL_BAR = 2  # the columns the scroll bar takes on the right


def bar(goal: GoalResult) -> Text:
    """The goal's bar: filled to what was achieved, `│` at the target, up to half again past it."""
    ratio = 0.0 if not goal.target or goal.actual is None else min(goal.actual / goal.target, 1.5)
    filled = round(BAR * ratio)
    text = Text()
    for cell in range(int(BAR * 1.5)):
        if cell == BAR:
            text.append("│", style="bold")
        style = "green" if goal.met else "dim" if cell >= filled else "yellow" if goal.running else "red"
        text.append("█" if cell < filled else "░", style=style)
    return text


def short_day_of_year(value: dt.date, lang: str) -> str:
    """10.12. · 10 Dec (the weeks looked back on are this year's or the turn of it), as wide as
    the widest, so that the titles begin in one column."""
    return f"{short_day(value, lang, weekday=False):<6}"


def sparkline(values: list[int]) -> str:
    top = max(values, default=0)
    if not top:
        return SPARKS[0] * len(values)
    return "".join(SPARKS[min(len(SPARKS) - 1, value * (len(SPARKS) - 1) // top)] for value in values)


class ResultsScreen(PlannerScreen[None]):
    SCOPE = "results"
    BINDINGS = bindings("results")

    def compose(self) -> ComposeResult:
        yield Static(id="results-title")
        yield VerticalScroll(Static(id="results-body"), id="results-scroll")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_results()
        self.query_one("#results-scroll").focus()

    def on_resize(self) -> None:
        self.refresh_results()

    def on_screen_resume(self) -> None:
        self.planner.reload()
        self.call_after_refresh(self.refresh_results)

    def now_periods(self, today: dt.date) -> set[str]:
        return {period_of(today, per).label for per in ("month", "quarter", "year")}

    def refresh_results(self) -> None:
        app = self.planner
        today = app.now().date()
        month, quarter = period_of(today, "month"), period_of(today, "quarter")
        title = Text(app.tr("ui.results_title"), style="bold")
        title.append(
            "  "
            + app.tr(
                "ui.results_period",
                month=period(month.label, app.lang),
                quarter=period(quarter.label, app.lang),
            )
        )
        self.query_one("#results-title", Static).update(title)
        year = period_of(today, "year")
        recent = monday_of(today) - dt.timedelta(weeks=WEEKS - 1)
        body = Text()
        shown = [a.id for a in app.account_filter.accounts(app.ws)]
        current = self.now_periods(today)
        for account_id in shown:
            goals = results.results(app.ws, account_id, year.start, today, today).accounts[0]
            lately = results.results(app.ws, account_id, recent, today, today).accounts[0]
            self.account_block(body, goals, lately, current)
        if not shown:
            body.append(app.tr("ui.results_none"))
        self.query_one("#results-body", Static).update(body)

    def account_block(
        self, text: Text, goals: AccountResult, lately: AccountResult, current: set[str]
    ) -> None:
        app = self.planner
        account = goals.account
        text.append(f"{account.name or account.id}", style="bold")
        text.append(f"  {account.id}\n", style="dim")
        now = [g for g in goals.goals if g.period in current]
        if not now:
            text.append("  " + app.tr("results.no_goals") + "\n", style="dim")
        rows = []
        for goal in now:
            _, target, actual = goal_text(goal, app.lang)
            rows.append(
                (
                    self.goal_name(goal.metric, goal.per),
                    goal,
                    f"{goal_mark(goal, app.lang)} {actual} / {target}",
                )
            )
        width = max(cell_len(self.goal_name(metric, per)) for metric in METRICS for per in PERIODS)
        longest = max((cell_len(f" {said}") for _, _, said in rows), default=0)
        # A name too wide for one line with its bar and figures goes on a line of its own: cut, a
        # goal per quarter would read as the goal per month.
        apart = 2 + width + 1 + int(BAR * 1.5) + 1 + longest > self.size.width - SCROLL_BAR
        for name, goal, said in rows:
            text.append(f"  {name}\n    " if apart else f"  {name:<{width}} ")
            text.append(bar(goal))
            text.append(f" {said}\n")
        text.append(f"  {app.tr('ui.results_reach_weeks')}: ")
        if lately.reach is None:  # published, and no reach imported: not a flat line of nobody reached
            text.append(app.tr("results.no_reach") + "\n", style="dim")
        else:
            reach = [r for _, _, r in lately.weeks]
            text.append(sparkline(reach), style="cyan")
            text.append(f"  ({number(sum(reach), app.lang)})\n")
        for post, figures in lately.best[:3]:
            said = f"{app.tr('results.metric.engagement')} {number(figures.engagement, app.lang)}"
            room = self.size.width - 6 - SCROLL_BAR - cell_len(said)  # "  · " and two spaces
            title = Text(best_post(post, app.lang, short_day_of_year))
            title.truncate(max(12, min(48, room)), overflow="ellipsis")  # by columns: an emoji takes two
            text.append("  · ").append(title).append("  ")
            text.append(f"{said}\n", style="dim")
        text.append("\n")

    def goal_name(self, metric: str, per: str) -> str:
        """`posts / month`: the bars of every account start in one column, after the widest name."""
        app = self.planner
        return f"{app.tr('results.metric.' + metric)} / {app.tr('results.per.' + per)}"

    def action_export(self) -> None:
        """The results report, by default over the last full month."""
        from planner.ui.dialogs.export import open_export

        open_export(self.planner, *results.last_full_month(self.planner.now().date()), what="results")

    def action_import_figures(self) -> None:
        """A platform's post export, as `metrics import` reads it: the rows tied to no post are
        listed to read, never guessed."""
        from planner.ui.dialogs.team_forms import ImportForm

        app = self.planner
        if not app.may_write("action.metrics_import"):
            return
        app.push_screen(
            ImportForm(lambda path: results.import_metrics(app.session, app.chosen_file(path)), "metrics"),
            self._imported,
        )

    def _imported(self, done: object) -> None:
        from planner.ui.dialogs.notice import Notice

        if not isinstance(done, results.Imported):
            return
        app = self.planner
        said, *rows = (note.render(app.lang) for note in done.said())
        app.reload()
        self.refresh_results()
        if not rows:
            app.notify(said)
            return
        body = Text(said + "\n")
        for row in rows:
            body.append("\n" + row)
        app.push_screen(Notice(app.tr("ui.import_metrics_title"), body, app.tr("ui.close")))

    def action_back(self) -> None:
        self.dismiss(None)

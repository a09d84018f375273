"""An account's goal: a metric per month, quarter or year, and its target (admins)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from planner.domain.results import METRICS, PERIODS, typed_target
from planner.ui.dialogs.form import Form
from planner.ui.widgets.choice import Choice
from planner.ui.widgets.plain import Label


class GoalForm(Form):
    def __init__(self, account: str, submit: Callable[[Any], object]) -> None:
        super().__init__(submit)
        self.account = account

    def compose(self) -> ComposeResult:
        app = self.planner
        metrics = [(app.tr(f"results.metric.{m}"), m) for m in METRICS]
        periods = [(app.tr(f"results.per.{p}"), p) for p in PERIODS]
        with Vertical(classes="dialog", id="goal-form"):
            yield Label(app.tr("ui.goal_title", account=self.account), classes="dialog-title")
            title = app.tr("ui.goal_metric")
            yield from self.row(title, Choice(metrics, "posts", title=title, allow_blank=False, id="metric"))
            title = app.tr("results.period")
            yield from self.row(title, Choice(periods, "month", title=title, allow_blank=False, id="per"))
            target = Input(placeholder=self.example("8 / 90 %"), compact=True, id="target")
            yield from self.row(app.tr("results.target"), target)
            yield Label(app.tr("ui.goal_hint"), classes="hint")
            yield from self.buttons()

    def result(self) -> tuple[str, str, float]:
        metric = str(self.query_one("#metric", Choice).value)
        per = str(self.query_one("#per", Choice).value)
        return metric, per, typed_target(self.value("target"), metric)

"""A campaign's name, period and the hashtags its posts must carry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from planner.domain.dates import parse_day
from planner.domain.model import Campaign
from planner.i18n.dates import typed_day
from planner.services.campaigns import CampaignChange
from planner.ui.dialogs.form import Form
from planner.ui.widgets.plain import Label


class CampaignForm(Form):
    FIELD_LABELS: ClassVar[dict[str, str]] = {"name": "ui.camp_col.name"}

    def __init__(self, campaign: Campaign | None, submit: Callable[[Any], object]) -> None:
        super().__init__(submit)
        self.campaign = campaign

    def compose(self) -> ComposeResult:
        app, campaign = self.planner, self.campaign
        lang = app.lang
        title = app.tr("ui.campaign_edit", campaign=campaign.id) if campaign else app.tr("ui.campaign_new")
        today = app.now().date()
        start = typed_day(campaign.start if campaign and campaign.start else today, lang)
        end = typed_day(campaign.end, lang) if campaign and campaign.end else ""
        with Vertical(classes="dialog", id="campaign-form"):
            yield Label(title, classes="dialog-title")
            name = Input(campaign.name if campaign else "", compact=True, id="name")
            yield from self.row(app.tr("ui.camp_col.name"), name)
            yield from self.row(app.tr("ui.field.from"), Input(start, compact=True, id="from"))
            example = self.example(typed_day(today + dt.timedelta(days=28), lang))
            yield from self.row(app.tr("ui.field.to"), Input(end, placeholder=example, compact=True, id="to"))
            tags = " ".join(campaign.hashtags) if campaign else ""
            hashtags = Input(tags, placeholder=self.example("#kesä2027"), compact=True, id="hashtags")
            yield from self.row(app.tr("ui.camp_col.hashtags"), hashtags)
            yield from self.buttons()

    def result(self) -> tuple[str, CampaignChange]:
        app = self.planner
        today = app.now().date()
        start = parse_day(self.value("from"), app.tr("ui.field.from"), today) if self.value("from") else None
        end = parse_day(self.value("to"), app.tr("ui.field.to"), today) if self.value("to") else None
        change = CampaignChange(
            name=self.value("name"),
            start=start,
            end=end,
            hashtags=tuple(self.value("hashtags").split()),
            revision=self.campaign.revision if self.campaign else None,
        )
        return "", change

"""The organization: its name, website, required hashtags, cadence, languages and its promise to
answer feedback (admins)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from planner.domain import values
from planner.domain.choices import REPLY_DAYS
from planner.domain.model import Organization
from planner.services.organization import OrganizationChange, set_organization
from planner.ui.dialogs.form import Form, typed_address
from planner.ui.widgets.choice import Choice
from planner.ui.widgets.plain import Label

SHORT_LABELS = {
    "required_hashtags": "ui.acc.hashtags",
    "cadence_per_week": "ui.acc.cadence",
    "reply_within": "ui.org.reply_short",
}  # fit the label column


class OrganizationForm(Form):
    def __init__(self) -> None:
        super().__init__(self._save)

    def compose(self) -> ComposeResult:
        app = self.planner
        org = app.ws.organization
        with Vertical(classes="dialog", id="organization-form"):
            yield Label(app.tr("ui.org_title"), classes="dialog-title")
            rows = (
                ("name", org.name, "Järvelän kaupunki"),
                ("website", org.website, "https://www.jarvela.fi"),
                ("required_hashtags", " ".join(org.required_hashtags), "#järvelä"),
                ("cadence_per_week", str(org.cadence_per_week), "1"),
                ("languages", ",".join(org.languages), "fi,sv"),
                ("reply_within", str(org.reply_within), "2"),
            )
            for key, value, example in rows:
                yield from self.row(
                    app.tr(SHORT_LABELS.get(key, f"ui.org.{key}")),
                    Input(value, placeholder=self.example(example), compact=True, id=key),
                )
            days = [(app.tr(f"ui.reply_days.{d}"), d) for d in REPLY_DAYS]
            title = app.tr("ui.org.reply_days")
            choice = Choice(days, org.reply_days, title=title, allow_blank=False, id="reply_days")
            yield from self.row(app.tr("ui.org.reply_days_short"), choice)
            yield Label(app.tr("ui.org_hint"), classes="hint")
            yield from self.buttons()

    def result(self) -> OrganizationChange:
        return OrganizationChange(
            name=self.value("name"),
            website=typed_address(self.value("website")) if self.value("website") else None,
            hashtags=tuple(self.value("required_hashtags").split()),
            cadence=values.cadence(self.value("cadence_per_week")),
            languages=tuple(self.value("languages").replace(" ", ",").split(",")),
            reply_within=values.reply_within(self.value("reply_within")),
            reply_days=str(self.query_one("#reply_days", Choice).value),
        )

    def _save(self, change: OrganizationChange) -> Organization:
        return set_organization(self.planner.session, change)

"""The organization: its name, website, required hashtags, cadence and languages (admins)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label

from planner.domain import values
from planner.domain.model import Organization
from planner.services.organization import OrganizationChange, set_organization
from planner.ui.dialogs.form import Form, typed_address

SHORT_LABELS = {
    "required_hashtags": "ui.acc.hashtags",
    "cadence_per_week": "ui.acc.cadence",
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
            )
            for key, value, example in rows:
                yield from self.row(
                    app.tr(SHORT_LABELS.get(key, f"ui.org.{key}")),
                    Input(value, placeholder=self.example(example), compact=True, id=key),
                )
            yield Label(app.tr("ui.org_hint"), classes="hint")
            yield from self.buttons()

    def result(self) -> OrganizationChange:
        return OrganizationChange(
            name=self.value("name"),
            website=typed_address(self.value("website")) if self.value("website") else None,
            hashtags=tuple(self.value("required_hashtags").split()),
            cadence=values.cadence(self.value("cadence_per_week")),
            languages=tuple(self.value("languages").replace(" ", ",").split(",")),
        )

    def _save(self, change: OrganizationChange) -> Organization:
        return set_organization(self.planner.session, change)

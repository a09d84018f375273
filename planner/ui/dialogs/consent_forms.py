"""The consent register's dialogs: a new consent (subject, minor and guardian, written, scope,
validity, the signed form), and a withdrawal's date."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input

from planner.domain.dates import parse_day
from planner.domain.model import Consent
from planner.i18n.dates import typed_day
from planner.services import consents
from planner.ui.dialogs.form import Form
from planner.ui.widgets.plain import Label
from planner.ui.widgets.tick import Tick


class ConsentForm(Form):
    def compose(self) -> ComposeResult:
        app = self.planner
        today = typed_day(app.now().date(), app.lang)
        with Vertical(classes="dialog wide", id="consent-form"):
            yield Label(app.tr("ui.consent_new"), classes="dialog-title")
            yield from self.row(app.tr("ui.field.subject"), Input(compact=True, id="subject"))
            with Horizontal(classes="roles"):
                yield Tick(app.tr("ui.consent_written"), True, id="written", compact=True)
                yield Tick(app.tr("ui.consent_minor"), False, id="minor", compact=True)
            yield from self.row(app.tr("ui.field.guardian"), Input(compact=True, id="guardian"))
            yield from self.row(app.tr("ui.field.scope"), Input("*", compact=True, id="scope"))
            yield from self.row(app.tr("ui.field.valid_from"), Input(today, compact=True, id="from"))
            yield from self.row(
                app.tr("ui.field.valid_to"),
                Input(compact=True, id="to", placeholder=app.tr("ui.date_placeholder")),
            )
            yield from self.row(app.tr("ui.field.evidence"), Input(compact=True, id="evidence"))
            yield Label(app.tr("ui.scope_hint"), classes="hint")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#subject", Input).focus()

    def result(self) -> consents.NewConsent:
        evidence = self.value("evidence")
        app = self.planner
        today = app.now().date()
        start, end = (self.value(name) for name in ("from", "to"))
        return consents.NewConsent(
            subject=self.value("subject"),
            scope=tuple(self.value("scope").split()),
            minor=self.query_one("#minor", Checkbox).value,
            guardian=self.value("guardian") or None,
            written=self.query_one("#written", Checkbox).value,
            valid_from=parse_day(start, app.tr("ui.field.from"), today) if start else None,
            valid_to=parse_day(end, app.tr("ui.field.to"), today) if end else None,
            evidence=app.chosen_file(evidence) if evidence else None,
        )


class WithdrawForm(Form):
    def __init__(self, consent: Consent, submit: Callable[[Any], object]) -> None:
        super().__init__(submit)
        self.consent = consent

    def compose(self) -> ComposeResult:
        app = self.planner
        with Vertical(classes="dialog", id="withdraw-form"):
            yield Label(app.tr("ui.withdraw_title", consent=self.consent.id), classes="dialog-title")
            yield from self.row(
                app.tr("ui.withdraw_date"),
                Input(typed_day(app.now().date(), app.lang), compact=True, id="day"),
            )
            yield from self.buttons()

    def result(self) -> str:
        return self.value("day")

"""The account form: every field of the register, members picked from the people who may hold
each duty (owners, producers and deputies must be able to write; admins may be anyone on the
team). Returns the id typed (new accounts) and an AccountChange; the service checks it all again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Checkbox, Input

from planner.domain import values as domain_values
from planner.domain.account_change import DUTIES, MEMBERS, AccountChange
from planner.domain.dates import parse_day
from planner.domain.model import ACCOUNT_STATUSES, PLATFORMS, Account, Person
from planner.domain.team import name_key
from planner.i18n.dates import typed_day
from planner.ui.dialogs.form import Form, typed_address
from planner.ui.widgets.picks import Picks
from planner.ui.widgets.plain import Label, Select
from planner.ui.widgets.tick import Tick

FLAGS = ("two_factor", "listed", "links_back", "review")
TEXTS = ("url", "unit", "login_email", "purpose", "decided_by")
DAYS = ("starts", "ends", "password_changed", "decided_on", "told_on")


def _flag_of(account: Account, flag: str) -> bool:
    field = {"listed": "listed_on_website", "links_back": "links_to_website"}.get(flag, flag)
    return bool(getattr(account, field))


class AccountForm(Form):
    FIELD_LABELS: ClassVar[dict[str, str]] = {
        name: f"ui.acc.{name}" for name in ("platform", "name", "unit", "purpose", "decided_by")
    }

    def __init__(self, account: Account | None, submit: Callable[[Any], object]) -> None:
        super().__init__(submit)
        self.account = account

    def _candidates(self, kind: str, today: dt.date) -> list[Person]:
        people = [p for p in self.planner.ws.people.values() if not p.is_retired_on(today)]
        if kind in DUTIES:
            people = [p for p in people if p.may_hold_duty(today)]
        return sorted(people, key=name_key)

    def compose(self) -> ComposeResult:
        app, account = self.planner, self.account
        today = app.now().date()
        title = app.tr("ui.account_edit", account=account.id) if account else app.tr("ui.account_new")
        with VerticalScroll(classes="dialog wide", id="account-form"):
            yield Label(title, classes="dialog-title")
            if account is None:
                yield from self.row(
                    app.tr("ui.acc.id"), Input(placeholder=app.tr("ui.acc.id_hint"), compact=True, id="id")
                )
            platforms = [(p, p) for p in PLATFORMS]
            platform = Select(
                platforms,
                value=account.platform if account else "facebook",
                allow_blank=False,
                compact=True,
                id="platform",
            )
            yield from self.row(app.tr("ui.acc.platform"), platform)
            yield from self.row(
                app.tr("ui.acc.name"), Input(account.name if account else "", compact=True, id="name")
            )
            for key in TEXTS[:3]:
                yield from self.row(
                    app.tr(f"ui.acc.{key}"), Input(getattr(account, key, ""), compact=True, id=key)
                )
            if account is not None:
                statuses = [(app.tr(f"status.{s}"), s) for s in ACCOUNT_STATUSES]
                status = Select(statuses, value=account.status, allow_blank=False, compact=True, id="status")
                yield from self.row(app.tr("ui.acc.status"), status)
            for kind in MEMBERS:
                chosen = set(getattr(account, kind, ()))
                people = self._candidates(kind, today)
                yield Label(app.tr(f"ui.acc.{kind}"), classes="field-label member-label")
                yield Picks(
                    *[(f"{p.name} ({p.id})", p.id, p.id in chosen) for p in people],
                    compact=True,
                    id=f"members-{kind}",
                    classes="members",
                )
                left_out = sorted(chosen - {p.id for p in people})
                if left_out:
                    yield Label(app.tr("ui.acc.left_out", people=", ".join(left_out)), classes="hint")
            cadence = (
                "" if account is None or account.cadence_per_week is None else str(account.cadence_per_week)
            )
            yield from self.row(
                app.tr("ui.acc.cadence"),
                Input(
                    cadence,
                    placeholder=app.tr("ui.default", text=app.ws.organization.cadence_per_week),
                    compact=True,
                    id="cadence",
                ),
            )
            tags = " ".join(account.required_hashtags) if account else ""
            yield from self.row(
                app.tr("ui.acc.hashtags"),
                Input(tags, placeholder=self.example("#kirjasto"), compact=True, id="hashtags"),
            )
            for key in DAYS:
                value = getattr(account, key, None)
                shown = typed_day(value, app.lang) if value else ""
                yield from self.row(
                    app.tr(f"ui.acc.{key}"),
                    Input(shown, placeholder=app.tr("ui.date_placeholder"), compact=True, id=key),
                )
            for key in TEXTS[3:]:
                yield from self.row(
                    app.tr(f"ui.acc.{key}"), Input(getattr(account, key, ""), compact=True, id=key)
                )
            for pair in (FLAGS[:2], FLAGS[2:]):  # two a row: they fit 60 columns
                with Horizontal(classes="roles"):
                    for flag in pair:
                        yield Tick(
                            app.tr(f"ui.acc.{flag}"),
                            account is not None and _flag_of(account, flag),
                            id=f"flag-{flag}",
                            compact=True,
                        )
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#name" if self.account is None else "#url", Input).focus()

    def _day(self, key: str, today: dt.date) -> tuple[dt.date | None, bool]:
        """The typed day, and whether the field was emptied (a stored day to clear)."""
        text = self.value(key)
        if not text:
            return None, bool(self.account and getattr(self.account, key, None))
        return parse_day(text, self.planner.tr(f"ui.acc.{key}"), today), False

    def result(self) -> tuple[str, AccountChange]:
        app, account = self.planner, self.account
        today = app.now().date()
        values: dict[str, Any] = {
            "platform": str(self.query_one("#platform", Select).value),
            "name": self.value("name"),
            **{key: self.value(key) for key in TEXTS},
            "url": typed_address(self.value("url")),
            **{kind: tuple(self.query_one(f"#members-{kind}", Picks).selected) for kind in MEMBERS},
            **{flag: self.query_one(f"#flag-{flag}", Checkbox).value for flag in FLAGS},
            "revision": account.revision if account else None,
            "hashtags": tuple(self.value("hashtags").split()),
        }
        cadence = self.value("cadence")
        values["cadence"] = domain_values.cadence(cadence) if cadence else None
        values["clear_cadence"] = not cadence
        for key in DAYS:
            day, cleared = self._day(key, today)
            values[key] = day
            if key in ("starts", "ends"):
                values[f"clear_{key}"] = cleared
        if account is not None:
            values["status"] = str(self.query_one("#status", Select).value)
            if values["password_changed"] is None and account.password_changed:
                values["password_changed"] = account.password_changed  # a recorded change is not unsaid
        return (self.value("id") if account is None else account.id), AccountChange(**values)

"""The forms of the feedback queue and the incident log: feedback logged in a few keys, a reply,
a forward or a closing, harassment recorded (from a comment, its text carried over) with its
evidence, and an incident's action or link."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from planner.domain.choices import (
    CLOSE_REASONS,
    FEEDBACK_KINDS,
    INCIDENT_ACTIONS,
    INCIDENT_CATEGORIES,
    INCIDENT_TARGETS,
)
from planner.domain.dates import parse_moment
from planner.domain.feedback import Feedback
from planner.i18n.dates import typed_moment
from planner.services.feedback import NewFeedback
from planner.services.incidents import NewIncident
from planner.ui.dialogs.form import Form, typed_address
from planner.ui.widgets.choice import Choice, Options
from planner.ui.widgets.plain import Label


class _Choices(Form):
    """A form with Choice fields; `choice(id)` is what is picked."""

    def choice(self, widget_id: str) -> str:
        return str(self.query_one(f"#{widget_id}", Choice).value or "")

    def pick(self, widget_id: str, label: str, options: Options, value: str | None) -> ComposeResult:
        choice = Choice(options, value, title=label, allow_blank=False, id=widget_id)
        return self.row(label, choice)

    def accounts(self) -> Options:
        return [(a.id, a.id) for a in sorted(self.planner.ws.accounts.values(), key=lambda a: a.id)]

    def moment(self, widget_id: str, field: str) -> Any:
        app = self.planner
        return parse_moment(self.value(widget_id), field, app.now().date())


class FeedbackForm(_Choices):
    """Feedback logged by hand: the account, when it came, from whom, its kind and its text."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {
        "received_at": "ui.fb.received",
        "from": "ui.fb.from",
        "text": "ui.fb.text",
    }

    def __init__(self, account: str | None, submit: Callable[[Any], object]) -> None:
        super().__init__(submit)
        self.account = account

    def compose(self) -> ComposeResult:
        app = self.planner
        now = typed_moment(app.now(), app.lang)
        kinds = [(app.tr(f"feedback_kind.{k}"), k) for k in FEEDBACK_KINDS]
        with Vertical(classes="dialog", id="feedback-form"):
            yield Label(app.tr("ui.feedback_new"), classes="dialog-title")
            yield from self.pick("account", app.tr("ui.field.account"), self.accounts(), self.account)
            yield from self.row(app.tr("ui.fb.received"), Input(now, compact=True, id="received"))
            yield from self.pick("kind", app.tr("ui.fb.kind"), kinds, "comment")
            sender = Input(placeholder=self.example("@matti_m"), compact=True, id="sender")
            yield from self.row(app.tr("ui.fb.from"), sender)
            yield from self.row(app.tr("ui.fb.text"), Input(compact=True, id="text"))
            link = Input(placeholder=self.example("https://www.facebook.com/…"), compact=True, id="link")
            yield from self.row(app.tr("ui.fb.link"), link)
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def result(self) -> NewFeedback:
        received = self.moment("received", self.planner.tr("ui.fb.received"))
        return NewFeedback(
            self.choice("account"),
            received,
            self.value("text"),
            self.value("sender"),
            typed_address(self.value("link")),
            None,
            self.choice("kind"),
        )


class FeedbackStepForm(_Choices):
    """What a step on an item records: an answer's note and link, whom it went to, or why it is
    closed; and when (now, unless told)."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"note": "ui.fb.note", "to": "ui.fb.to"}

    def __init__(self, step: str, item: Feedback, submit: Callable[[Any], object]) -> None:
        super().__init__(submit)
        self.step, self.item = step, item

    def compose(self) -> ComposeResult:
        app = self.planner
        words = " ".join(self.item.text.split())
        with Vertical(classes="dialog", id="feedback-step"):
            yield Label(app.tr(f"ui.fb_step.{self.step}", feedback=self.item.id), classes="dialog-title")
            yield Label(words if len(words) <= 120 else words[:119] + "…", classes="hint")
            if self.step == "reply":
                yield from self.row(app.tr("ui.fb.note"), Input(compact=True, id="note"))
                link = Input(placeholder=self.example("https://www.facebook.com/…"), compact=True, id="link")
                yield from self.row(app.tr("ui.fb.link"), link)
            elif self.step == "forward":
                to = Input(placeholder=self.example(app.tr("ui.fb.to_example")), compact=True, id="to")
                yield from self.row(app.tr("ui.fb.to"), to)
            else:
                reasons = [(app.tr(f"feedback_reason.{r}"), r) for r in CLOSE_REASONS]
                yield from self.pick("reason", app.tr("ui.fb.reason"), reasons, CLOSE_REASONS[0])
            now = typed_moment(app.now(), app.lang)
            yield from self.row(app.tr("ui.fb.at"), Input(now, compact=True, id="at"))
            yield from self.buttons(f"ui.fb_do.{self.step}")

    def on_mount(self) -> None:
        first = {"reply": "#note", "forward": "#to"}.get(self.step, "#reason")
        self.query_one(first).focus()

    def result(self) -> dict[str, Any]:
        found: dict[str, Any] = {"at": self.moment("at", self.planner.tr("ui.fb.at"))}
        if self.step == "reply":
            found.update(note=self.value("note") or None, link=typed_address(self.value("link")) or None)
        elif self.step == "forward":
            found["to"] = self.value("to")
        else:
            found["reason"] = self.choice("reason")
        return found


class IncidentForm(_Choices):
    """Harassment recorded: where and when it was seen, of what kind, from whom, its text (carried
    over from a comment) and its evidence files."""

    FIELD_LABELS: ClassVar[dict[str, str]] = {
        "observed_at": "ui.inc.observed",
        "from": "ui.fb.from",
        "text": "ui.fb.text",
        "link": "ui.fb.link",
        "evidence": "ui.inc.evidence",
    }

    def __init__(self, submit: Callable[[Any], object], item: Feedback | None = None) -> None:
        super().__init__(submit)
        self.item = item

    def compose(self) -> ComposeResult:
        app, item = self.planner, self.item
        observed = typed_moment(item.received_at if item else app.now(), app.lang)
        categories = [(app.tr(f"incident_category.{c}"), c) for c in INCIDENT_CATEGORIES]
        targets = [(app.tr(f"incident_target.{c}"), c) for c in INCIDENT_TARGETS]
        with Vertical(classes="dialog", id="incident-form"):
            yield Label(app.tr("ui.incident_new"), classes="dialog-title")
            account = item.account if item else None
            yield from self.pick("account", app.tr("ui.field.account"), self.accounts(), account)
            yield from self.row(app.tr("ui.inc.observed"), Input(observed, compact=True, id="observed"))
            yield from self.pick("category", app.tr("ui.inc.category"), categories, "threat")
            yield from self.pick("target", app.tr("ui.inc.target"), targets, "organization")
            sender = Input(item.sender if item else "", compact=True, id="sender")
            yield from self.row(app.tr("ui.fb.from"), sender)
            text, link = (item.text, item.link) if item else ("", "")
            yield from self.row(app.tr("ui.fb.text"), Input(text, compact=True, id="text"))
            yield from self.row(app.tr("ui.fb.link"), Input(link, compact=True, id="link"))
            hint = app.tr("ui.inc.evidence_served" if app.served else "ui.inc.evidence_hint")
            evidence = Input(placeholder=self.example("kuvakaappaus.png"), compact=True, id="evidence")
            yield from self.row(app.tr("ui.inc.evidence"), evidence)
            yield Label(hint, classes="hint")
            yield Label(app.tr("ui.inc.confidential"), classes="hint")
            yield from self.buttons("ui.inc.record")

    def on_mount(self) -> None:
        self.query_one("#text" if not self.item else "#category").focus()

    def result(self) -> NewIncident:
        app = self.planner
        files = [part for part in self.value("evidence").split(";") if part.strip()]
        return NewIncident(
            self.choice("account"),
            self.moment("observed", app.tr("ui.inc.observed")),
            self.choice("category"),
            self.value("text"),
            (self.value("sender"),) if self.value("sender") else (),
            (typed_address(self.value("link")),) if self.value("link") else (),
            self.choice("target"),
            tuple(app.chosen_file(part) for part in files),
        )


class IncidentActionForm(_Choices):
    """An action taken on an incident: who was told, the police report and its number, …"""

    FIELD_LABELS: ClassVar[dict[str, str]] = {"note": "ui.fb.note", "ref": "ui.inc.ref"}

    def __init__(self, incident_id: str, submit: Callable[[Any], object]) -> None:
        super().__init__(submit)
        self.incident_id = incident_id

    def compose(self) -> ComposeResult:
        app = self.planner
        kinds = [(app.tr(f"incident_action.{k}"), k) for k in INCIDENT_ACTIONS]
        with Vertical(classes="dialog", id="incident-action"):
            yield Label(app.tr("ui.inc.action_title", incident=self.incident_id), classes="dialog-title")
            yield from self.pick("kind", app.tr("ui.inc.action"), kinds, "supervisor")
            ref = Input(placeholder=self.example("5500/R/12345/27"), compact=True, id="ref")
            yield from self.row(app.tr("ui.inc.ref"), ref)
            yield from self.row(app.tr("ui.fb.note"), Input(compact=True, id="note"))
            yield from self.row(
                app.tr("ui.fb.at"), Input(typed_moment(app.now(), app.lang), compact=True, id="at")
            )
            yield from self.buttons()

    def result(self) -> dict[str, Any]:
        return {
            "kind": self.choice("kind"),
            "ref": self.value("ref"),
            "note": self.value("note"),
            "at": self.moment("at", self.planner.tr("ui.fb.at")),
        }


class IncidentLinkForm(_Choices):
    """The other incident this one belongs with."""

    def __init__(self, incident_id: str, others: Options, submit: Callable[[Any], object]) -> None:
        super().__init__(submit)
        self.incident_id, self.others = incident_id, others

    def compose(self) -> ComposeResult:
        app = self.planner
        with Vertical(classes="dialog", id="incident-link"):
            yield Label(app.tr("ui.inc.link_title", incident=self.incident_id), classes="dialog-title")
            first = self.others[0][1] if self.others else None
            yield from self.pick("other", app.tr("ui.inc.other"), self.others, first)
            yield from self.buttons("ui.inc.link")

    def result(self) -> str:
        return self.choice("other")

"""The team screen's dialogs: a person, an absence, a retirement, an HR list to import. Each returns
what was typed; the team screen calls the services, which validate and check the role again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input

from planner.domain.calendar import monday_of
from planner.domain.model import ABSENCE_KINDS, ROLES, Person
from planner.domain.team import Leftovers, name_key
from planner.i18n.dates import typed_day
from planner.ui.dialogs.form import Form
from planner.ui.widgets.plain import Label, Select
from planner.ui.widgets.tick import Tick

if TYPE_CHECKING:
    pass


@dataclass(frozen=True)
class PersonInput:
    id: str
    name: str
    email: str
    roles: tuple[str, ...]


class PersonForm(Form):
    FIELD_LABELS: ClassVar[dict[str, str]] = {"id": "ui.field.id", "name": "ui.field.name"}

    def __init__(
        self, person: Person | None, submit: Callable[[Any], object], first_admin: bool = False
    ) -> None:
        super().__init__(submit)
        self.person = person
        self.first_admin = first_admin  # the workspace's first person: an admin

    def compose(self) -> ComposeResult:
        app, person = self.planner, self.person
        title = app.tr("ui.person_edit", person=person.id) if person else app.tr("ui.person_new")
        with Vertical(classes="dialog", id="person-form"):
            yield Label(title, classes="dialog-title")
            pid = Input(person.id if person else "", compact=True, id="pid", disabled=person is not None)
            yield from self.row(app.tr("ui.field.id"), pid)
            yield from self.row(
                app.tr("ui.field.name"), Input(person.name if person else "", compact=True, id="name")
            )
            yield from self.row(
                app.tr("ui.field.email"), Input(person.email if person else "", compact=True, id="email")
            )
            with Horizontal(classes="roles"):
                for role in ROLES:
                    held = (
                        person.has(role) if person else role == ("admin" if self.first_admin else "producer")
                    )
                    yield Tick(app.tr("role." + role), held, id=f"role-{role}", compact=True)
            yield from self.buttons()

    def result(self) -> PersonInput:
        roles = tuple(r for r in ROLES if self.query_one(f"#role-{r}", Checkbox).value)
        return PersonInput(self.value("pid"), self.value("name"), self.value("email"), roles)


@dataclass(frozen=True)
class AbsenceInput:
    person: str
    start: str
    end: str
    kind: str
    deputy: str | None


class AbsenceForm(Form):
    def __init__(self, person: str, submit: Callable[[Any], object]) -> None:
        super().__init__(submit)
        self.person = person

    def compose(self) -> ComposeResult:
        app = self.planner
        person = app.ws.people[self.person]
        today = app.now().date()
        others = sorted(  # only people who may hold the duty: an auditor never covers a day
            (p for p in app.ws.people.values() if p.id != self.person and p.may_hold_duty(today)),
            key=name_key,
        )
        with Vertical(classes="dialog", id="absence-form"):
            yield Label(app.tr("ui.absence_new", person=person.name), classes="dialog-title")
            monday = monday_of(today) + dt.timedelta(days=7)  # next week off: a default to keep or type over
            first, last = (typed_day(d, app.lang) for d in (monday, monday + dt.timedelta(days=4)))
            yield from self.row(app.tr("ui.field.from"), Input(first, compact=True, id="from"))
            yield from self.row(app.tr("ui.field.to"), Input(last, compact=True, id="to"))
            kinds = [(app.tr("kind." + k), k) for k in ABSENCE_KINDS]
            kind = Select(kinds, value="vacation", allow_blank=False, compact=True, id="kind")
            yield from self.row(app.tr("ui.field.kind"), kind)
            people = [(f"{p.name} ({p.id})", p.id) for p in others]
            deputy = Select(people, prompt=app.tr("ui.no_deputy"), compact=True, id="deputy")
            yield from self.row(app.tr("ui.field.deputy"), deputy)
            yield Label(app.tr("ui.absence_hint"), classes="hint")
            yield from self.buttons()

    def result(self) -> AbsenceInput:
        kind = self.query_one("#kind", Select).value
        deputy = self.query_one("#deputy", Select).value
        return AbsenceInput(
            self.person,
            self.value("from"),
            self.value("to"),
            str(kind),
            deputy if isinstance(deputy, str) else None,
        )


@dataclass(frozen=True)
class RetireInput:
    day: str
    successor: str | None


class RetireForm(Form):
    """Shows what the person leaves behind, and asks from when and who takes it over."""

    def __init__(self, person: Person, left: Leftovers, today: str, submit: Callable[[Any], object]) -> None:
        super().__init__(submit)
        self.person, self.left, self.today = person, left, today

    def compose(self) -> ComposeResult:
        app = self.planner
        heirs = sorted(  # who takes over duties must be able to hold them
            (p for p in app.ws.people.values() if p.id != self.person.id and p.retired is None and p.writes),
            key=name_key,
        )
        with Vertical(classes="dialog wide", id="retire-form"):
            yield Label(app.tr("ui.retire_title", person=self.person.name), classes="dialog-title")
            yield Label(self._leftover_text() or app.tr("ui.retire_nothing"))
            yield from self.row(app.tr("ui.field.from"), Input(self.today, compact=True, id="day"))
            people = [(f"{p.name} ({p.id})", p.id) for p in heirs]
            heir = Select(people, prompt=app.tr("ui.no_successor"), compact=True, id="successor")
            yield from self.row(app.tr("ui.field.successor"), heir)
            yield from self.buttons()

    SHOWN = 12  # lines of what is left behind; the rest are counted

    def _leftover_text(self) -> str:
        """What the person leaves behind, the answers they owe before their posts (a post waits
        for its day, an answer is due within days), dates as the reader writes them."""
        app, left = self.planner, self.left
        lines = [
            app.tr("cli.role_on", account=a, roles=", ".join(app.tr("role." + r) for r in roles))
            for a, roles in left.roles
        ]
        lines += [
            app.tr("cli.feedback_line", feedback=f.id, account=f.account, due=f.due) for f in left.feedback
        ]
        lines += [
            app.tr("cli.deputy_line", absence=a.id, person=a.person, start=a.start, end=a.end)
            for a in left.deputy_for
        ]
        lines += [
            app.tr(
                "cli.post_line", post=p.id, when=p.publish_at or app.tr("cli.unscheduled"), account=p.account
            )
            for p in left.posts
        ]
        shown = "\n".join("• " + line for line in lines[: self.SHOWN])
        hidden = len(lines) - self.SHOWN
        return shown + ("\n… " + app.tr("ui.and_more", count=hidden) if hidden > 0 else "")

    def result(self) -> RetireInput:
        successor = self.query_one("#successor", Select).value
        return RetireInput(self.value("day"), successor if isinstance(successor, str) else None)


class ImportForm(Form):
    """The path of a list the team keeps, a workbook or a CSV: `what` is `absences` (the HR list),
    `people`, `consents` (the register of photo permissions), `feedback`, or `metrics` (a
    platform's own export), each with its title and columns."""

    EXAMPLES: ClassVar[dict[str, str]] = {
        "absences": "~/poissaolot.xlsx",
        "people": "~/henkilot.xlsx",
        "consents": "~/kuvausluvat.xlsx",
        "metrics": "~/Lataukset/julkaisut.csv",
        "feedback": "~/palaute.xlsx",
    }

    def __init__(self, submit: Callable[[Any], object], what: str = "absences") -> None:
        super().__init__(submit)
        self.what = what

    def compose(self) -> ComposeResult:
        app = self.planner
        with Vertical(classes="dialog", id="import-form"):
            yield Label(app.tr(f"ui.import_{self.what}_title"), classes="dialog-title")
            yield Input(placeholder=self.example(self.EXAMPLES[self.what]), compact=True, id="path")
            yield Label(app.tr(f"ui.import_{self.what}_hint"), classes="hint")
            yield from self.buttons()

    def result(self) -> str:
        return self.value("path")

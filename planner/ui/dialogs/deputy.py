"""Assign a deputy to an absence: the proposed people first (present throughout, least loaded), the
others with the days they are away; optionally hand the absent owner's posts over in one go."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Checkbox
from textual.widgets.option_list import Option

from planner.domain.errors import PlannerError
from planner.domain.model import Absence
from planner.domain.team import Candidate
from planner.i18n import fmt_date
from planner.services.team import handover_posts
from planner.ui.base import PlannerDialog
from planner.ui.widgets.plain import Label, OptionList
from planner.ui.widgets.tick import Tick

if TYPE_CHECKING:
    from planner.ui.context import Planner


@dataclass(frozen=True)
class DeputyChoice:
    absence: str
    deputy: str
    handover: bool


def absence_label(app: Planner, absence: Absence) -> str:
    person = app.ws.people.get(absence.person)
    name = person.name if person else absence.person
    deputy = absence.deputy or app.tr("ui.no_deputy")
    return app.tr(
        "ui.absence_line",
        id=absence.id,
        person=name,
        kind=app.tr("kind." + absence.kind),
        start=fmt_date(absence.start, app.lang),
        end=fmt_date(absence.end, app.lang),
        deputy=deputy,
    )


def candidate_text(app: Planner, candidate: Candidate) -> Text:
    person = app.ws.people[candidate.person]
    text = Text(f"{person.name} ({person.id})", style="bold" if candidate.present_throughout else "")
    text.append("  " + app.tr("ui.load", count=candidate.load), style="dim")
    if candidate.away:
        first, last = fmt_date(candidate.away[0], app.lang), fmt_date(candidate.away[-1], app.lang)
        text.append(
            "  ⚠ " + app.tr("ui.away_part", days=len(candidate.away), first=first, last=last), style="yellow"
        )
    else:
        text.append("  ✓ " + app.tr("ui.present_throughout"), style="green")
    return text


class DeputyDialog(PlannerDialog[DeputyChoice | None]):
    def __init__(self, absence: Absence, candidates: list[Candidate]) -> None:
        super().__init__()
        self.absence, self.candidates = absence, candidates

    def compose(self) -> ComposeResult:
        app = self.planner
        posts = handover_posts(app.ws, self.absence)
        with Vertical(classes="dialog wide", id="deputy-dialog"):
            yield Label(app.tr("ui.deputy_title"), classes="dialog-title")
            yield Label(absence_label(app, self.absence))
            if self.candidates:
                yield OptionList(
                    *(Option(candidate_text(app, c), id=c.person) for c in self.candidates), id="candidates"
                )
            else:
                yield Label(app.tr("cli.no_candidates"), classes="error")
            yield Tick(
                app.tr("ui.handover", count=len(posts)),
                value=False,
                id="handover",
                disabled=not posts,
                compact=True,
            )
            yield Label(app.tr("ui.deputy_hint"), classes="hint")

    def on_mount(self) -> None:
        if self.candidates:
            self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def choose(self, event: OptionList.OptionSelected) -> None:
        handover = self.query_one("#handover", Checkbox).value
        self.dismiss(DeputyChoice(self.absence.id, event.option.id or "", handover))

    def action_cancel(self) -> None:
        self.dismiss(None)


def start_assignment(app: Planner, absences: list[Absence]) -> None:
    """Pick the absence (when several lie behind a gap), then the deputy; save; tell what happened."""
    from planner.services import team
    from planner.ui.dialogs.pick import Pick

    if not app.may_change_team("action.deputy_assign") or not absences:
        return

    def assign(choice: DeputyChoice | None) -> None:
        if choice is None:
            return
        try:
            result = team.assign_deputy(app.session, choice.absence, choice.deputy, choice.handover)
        except PlannerError as error:
            app.fail(error)
            return
        done_to = result.absence
        message = app.tr(
            "cli.deputy_assigned",
            absence=done_to.id,
            person=done_to.person,
            start=done_to.start,
            end=done_to.end,
            deputy=choice.deputy,
        )
        if result.handed:
            message += "\n" + app.tr(
                "cli.handed_over",
                count=len(result.handed),
                deputy=choice.deputy,
                posts=", ".join(p.id for p in result.handed),
            )
        app.notify(message, timeout=6)
        app.warn(result.notes)
        app.reload()

    def open_dialog(absence_id: str | None) -> None:
        absence = app.ws.absences.get(absence_id or "")
        if absence is not None:
            app.push_screen(DeputyDialog(absence, team.candidates(app.ws, absence.id)), assign)

    if len(absences) == 1:
        open_dialog(absences[0].id)
    else:
        choices = [(a.id, absence_label(app, a)) for a in absences]
        app.push_screen(Pick(app.tr("ui.pick_absence"), choices), open_dialog)

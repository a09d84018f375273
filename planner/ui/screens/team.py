"""The team screen: people with their roles and accounts, and absences with their deputies.
Admins add, edit and retire people, enter and import absences and assign deputies; everyone else reads."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal

from planner.domain.dates import parse_day
from planner.domain.errors import PlannerError
from planner.domain.model import Absence, Person
from planner.domain.team import accounts_of, away_days, leftovers, name_key, roles_on
from planner.i18n import fmt_date
from planner.i18n.dates import typed_day
from planner.services import Note, team
from planner.services.sheet_import import Imported, import_people
from planner.ui.actions import bindings
from planner.ui.base import PlannerScreen
from planner.ui.dialogs.deputy import start_assignment
from planner.ui.dialogs.team_forms import (
    AbsenceForm,
    AbsenceInput,
    ImportForm,
    PersonForm,
    PersonInput,
    RetireForm,
    RetireInput,
)
from planner.ui.widgets.key_bar import KeyBar
from planner.ui.widgets.plain import DataTable, Static
from planner.ui.widgets.post_card import account_label

if TYPE_CHECKING:
    pass


class TeamScreen(PlannerScreen[None]):
    SCOPE = "team"
    BINDINGS = bindings("team")

    def compose(self) -> ComposeResult:
        yield Static(id="team-title")
        with Horizontal(id="team-top"):
            yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
            yield Static(id="person-detail")
        yield DataTable(id="absences", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        app = self.planner
        people = self.query_one("#people", DataTable)
        for key in ("name", "roles"):
            people.add_column(app.tr(f"ui.col.{key}"), key=key)
        absences = self.query_one("#absences", DataTable)
        for key in ("absence", "person", "period", "kind", "deputy"):
            absences.add_column(app.tr(f"ui.col.{key}"), key=key)
        self.refresh_team()
        people.focus()

    def on_screen_resume(self) -> None:
        """Back from a dialog: read the workspace again; redraw once the screen is live again
        (a DataTable filled while its screen is still suspended loses its row labels)."""
        self.planner.reload()
        self.call_after_refresh(self.refresh_team)

    # Drawing -------------------------------------------------------------------------------------

    def refresh_team(self) -> None:
        app = self.planner
        ws = app.ws
        today = app.now().date()
        title = Text(app.tr("ui.team_title"), style="bold")
        title.append("  " + app.tr("ui.team_counts", people=len(ws.people), absences=len(ws.absences)))
        if not app.is_admin():
            title.append("  · " + app.tr("ui.team_read_only"), style="yellow")
        self.query_one("#team-title", Static).update(title)
        people = self.query_one("#people", DataTable)
        row = people.cursor_row
        people.clear()
        for person in sorted(ws.people.values(), key=name_key):
            roles = ", ".join(app.tr("role." + r) for r in person.roles)
            name = Text(person.name, style="dim strike" if person.is_retired_on(today) else "")
            people.add_row(name, roles, key=person.id)
        if people.row_count:
            people.move_cursor(row=min(row, people.row_count - 1))
        absences = self.query_one("#absences", DataTable)
        row = absences.cursor_row
        absences.clear()
        for absence in sorted(ws.absences.values(), key=lambda a: (a.start, a.person, a.id)):
            absences.add_row(*self._absence_cells(absence), key=absence.id)
        if absences.row_count:
            absences.move_cursor(row=min(row, absences.row_count - 1))
        self.show_person()

    def _absence_cells(self, absence: Absence) -> tuple[str, str, str, str, Text]:
        app = self.planner
        person = app.ws.people.get(absence.person)
        period = f"{fmt_date(absence.start, app.lang)}–{fmt_date(absence.end, app.lang)}"
        deputy = Text(absence.deputy or app.tr("ui.no_deputy"), style="" if absence.deputy else "yellow")
        if absence.deputy and away_days(app.ws, absence.deputy, absence.start, absence.end):
            deputy.append(" ⚠", style="yellow")
        return (
            absence.id,
            person.name if person else absence.person,
            period,
            app.tr("kind." + absence.kind),
            deputy,
        )

    def _person_id(self) -> str | None:
        people = self.query_one("#people", DataTable)
        if not people.row_count:
            return None
        return people.coordinate_to_cell_key(people.cursor_coordinate).row_key.value

    def _absence_id(self) -> str | None:
        absences = self.query_one("#absences", DataTable)
        if not absences.row_count:
            return None
        return absences.coordinate_to_cell_key(absences.cursor_coordinate).row_key.value

    @on(DataTable.RowHighlighted, "#people")
    def show_person(self) -> None:
        app = self.planner
        detail = self.query_one("#person-detail", Static)
        pid = self._person_id()
        person = app.ws.people.get(pid or "")
        if person is None:
            detail.update("")
            return
        text = Text(f"{person.name} ({person.id})\n", style="bold")
        text.append(person.email + "\n")
        if person.retired:
            text.append(
                app.tr("cli.retired_mark", day=fmt_date(person.retired, app.lang)) + "\n", style="yellow"
            )
        for account in accounts_of(app.ws, person.id):
            roles = ", ".join(app.tr("role." + r) for r in roles_on(account, person.id))
            text.append("• ").append_text(account_label(account)).append(f": {roles}\n")
        mine = [a for a in app.ws.absences_by_person.get(person.id, ())]
        for absence in mine:
            text.append(
                f"⌛ {fmt_date(absence.start, app.lang)}–{fmt_date(absence.end, app.lang)} "
                f"{app.tr('kind.' + absence.kind)}\n",
                style="dim",
            )
        detail.update(text)

    # Actions ---------------------------------------------------------------------------------------

    def _after(self, message: str, notes: list[Note] | None = None, warn: bool = False) -> None:
        """A change went through: say so (on_screen_resume redraws with the new workspace)."""
        app = self.planner
        app.notify(message, severity="warning" if warn else "information", timeout=8 if warn else 4)
        app.warn(notes or [])

    def action_new_person(self) -> None:
        app = self.planner
        if not app.may_change_team("action.team_write"):
            return

        def submit(data: PersonInput) -> Person:
            return team.add_person(app.session, data.id, data.name, data.email, data.roles)

        def done(person: object) -> None:
            if isinstance(person, Person):
                self._after(app.tr("cli.person_added", person=person.id))

        app.push_screen(PersonForm(None, submit), done)

    def action_edit_person(self) -> None:
        app = self.planner
        person = app.ws.people.get(self._person_id() or "")
        if person is None or not app.may_change_team("action.team_write"):
            return

        def submit(data: PersonInput) -> Person:
            return team.edit_person(
                app.session, person.id, data.name, data.email, data.roles, person.revision
            )

        def done(changed: object) -> None:
            if isinstance(changed, Person):
                self._after(app.tr("cli.person_edited", person=changed.id))

        app.push_screen(PersonForm(person, submit), done)

    def action_retire_person(self) -> None:
        app = self.planner
        person = app.ws.people.get(self._person_id() or "")
        if person is None or not app.may_change_team("action.team_write"):
            return
        today = app.now().date()

        def submit(data: RetireInput) -> team.Retirement:
            day = parse_day(data.day, app.tr("ui.field.from"), app.now().date())
            return team.retire_person(app.session, person.id, day, data.successor)

        def done(result: object) -> None:
            if not isinstance(result, team.Retirement):
                return
            day = fmt_date(result.person.retired, app.lang) if result.person.retired else ""
            message = app.tr("cli.person_retired", person=person.id, day=day)
            if not result.left.empty:
                message += "\n" + app.tr("ui.retire_left", count=result.left.count)
            self._after(message, warn=not result.left.empty)

        form = RetireForm(person, leftovers(app.ws, person.id, today), typed_day(today, app.lang), submit)
        app.push_screen(form, done)

    def action_new_absence(self) -> None:
        app = self.planner
        pid = self._person_id()
        if pid is None or not app.may_change_team("action.absence_write"):
            return

        def submit(data: AbsenceInput) -> tuple[Absence, list[Note]]:
            today = app.now().date()
            start = parse_day(data.start, app.tr("ui.field.from"), today)
            end = parse_day(data.end, app.tr("ui.field.to"), today)
            return team.add_absence(app.session, data.person, start, end, data.kind, data.deputy)

        def done(result: object) -> None:
            if isinstance(result, tuple):
                absence, notes = result
                self._after(app.tr("ui.absence_added", absence=absence.id), notes)

        app.push_screen(AbsenceForm(pid, submit), done)

    def action_import_absences(self) -> None:
        app = self.planner
        if not app.may_change_team("action.absence_write"):
            return

        def submit(path: str) -> tuple[list[Absence], int]:
            return team.import_absences(app.session, app.chosen_file(path))

        def done(result: object) -> None:
            if isinstance(result, tuple):
                added, known = result
                self._after(app.tr("cli.absences_imported", count=len(added), known=known))

        app.push_screen(ImportForm(submit), done)

    def action_import_people(self) -> None:
        """The team's list of people, as `person import` reads it (admins: in a new workspace the
        guide's first admin, who the app then runs as, imports the rest)."""
        app = self.planner
        if not app.may_change_team("action.team_write"):
            return

        def submit(path: str) -> Imported:
            return import_people(app.session, app.chosen_file(path))

        def done(result: object) -> None:
            if isinstance(result, Imported):
                said = {"count": len(result.added), "updated": len(result.updated), "known": result.known}
                self._after(app.tr("cli.people_imported", **said))

        app.push_screen(ImportForm(submit, "people"), done)

    def action_assign_deputy(self) -> None:
        absence = self.planner.ws.absences.get(self._absence_id() or "")
        if absence is None:
            self.app.notify(self.planner.tr("ui.pick_absence_row"), timeout=4)
            return

        start_assignment(self.planner, [absence])  # back on this screen, on_screen_resume redraws

    def action_remove_absence(self) -> None:
        from planner.ui.dialogs.confirm import Confirm
        from planner.ui.dialogs.deputy import absence_label

        app = self.planner
        absence = app.ws.absences.get(self._absence_id() or "")
        if absence is None or not app.may_change_team("action.absence_write"):
            return

        def remove(yes: bool | None) -> None:
            if not yes:
                return
            try:
                team.remove_absence(app.session, absence.id)
            except PlannerError as error:
                app.fail(error)
                return
            app.reload()
            self.call_after_refresh(self.refresh_team)
            self._after(app.tr("cli.absence_removed", absence=absence.id))

        question = app.tr("ui.remove_absence", absence=absence_label(app, absence))
        app.push_screen(Confirm(question, app.tr("ui.yes_remove"), app.tr("ui.cancel")), remove)

    def action_back(self) -> None:
        self.dismiss(None)

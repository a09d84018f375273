"""The incident log: every incident as the person may see it (admins and whoever recorded one see
it whole, everyone else only that it exists), its actions, evidence and related incidents; admins
record actions, link repeats and close."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult

from planner.domain.errors import PlannerError
from planner.domain.incidents import Incident
from planner.i18n.dates import stamp
from planner.services import incidents
from planner.ui.actions import bindings
from planner.ui.base import PlannerScreen
from planner.ui.dialogs.feedback_forms import IncidentActionForm, IncidentForm, IncidentLinkForm
from planner.ui.widgets.key_bar import KeyBar
from planner.ui.widgets.plain import DataTable, Static
from planner.ui.widgets.post_card import account_tags

# When, on which account (by its tag, `FB·kirjasto`), and whether it is still open: a narrow
# terminal shows these; the category's longest name comes last.
COLUMNS = ("observed_at", "account", "status", "category")


class IncidentsScreen(PlannerScreen[None]):
    SCOPE = "incidents"
    BINDINGS = bindings("incidents")
    accounts: dict[str, str]  # each listed incident's account, by the incident's id (refresh_log)

    def compose(self) -> ComposeResult:
        yield Static(id="incidents-title")
        yield DataTable(id="incidents", cursor_type="row", zebra_stripes=True)
        yield Static(id="incident-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#incidents", DataTable)
        for key in COLUMNS:
            table.add_column(self.planner.tr(f"incident.col.{key}"), key=key)
        self.refresh_log()
        table.focus()

    def on_screen_resume(self) -> None:
        self.planner.reload()
        self.call_after_refresh(self.refresh_log)

    def records(self) -> list[dict[str, Any]]:
        app = self.planner
        return incidents.listed(app.session, app.ws)

    def refresh_log(self) -> None:
        app = self.planner
        records = self.records()
        title = Text(app.tr("ui.incidents_title"), style="bold")
        still_open = sum(r["status"] == "open" for r in records)
        title.append("  " + app.tr("ui.incidents_count", count=len(records), open=still_open))
        title.append("  · " + app.tr("ui.inc.confidential_short"), style="yellow")
        self.query_one("#incidents-title", Static).update(title)
        table = self.query_one("#incidents", DataTable)
        row = table.cursor_row
        table.clear()
        self.accounts = {record["id"]: record["account"] for record in records}
        tags = account_tags(app.ws.accounts, set(self.accounts.values()))
        for record in records:
            table.add_row(
                stamp(record["observed_at"], app.lang),
                tags[record["account"]],
                app.tr(f"incident_status.{record['status']}"),
                app.tr(f"incident_category.{record['category']}"),
                key=record["id"],
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self.show_detail()

    def current(self) -> str | None:
        table = self.query_one("#incidents", DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    @on(DataTable.RowHighlighted, "#incidents")
    def show_detail(self) -> None:
        app = self.planner
        box = self.query_one("#incident-detail", Static)
        incident_id = self.current()
        if incident_id is None:
            box.update(app.tr("cli.incident_none"))
            return
        text = Text()
        text.append(f"{incident_id}  ", style="bold")
        text.append(f"{self.accounts.get(incident_id, '')}\n", style="dim")  # the table shows its tag
        try:
            record = incidents.shown(app.session, app.ws, incident_id)
        except PlannerError as error:  # not one this person sees whole: that it exists is all
            box.update(text.append(error.render(app.lang), style="dim"))
            return
        target = app.tr(f"incident_target.{record['target']}")
        text.append(f"{app.tr('incident.field.target')}: {target}  ")
        text.append(f"{app.tr('incident.field.recorded')}: {record['recorded_by']}\n")
        if record["from"]:
            text.append(f"{app.tr('incident.field.from')}: {', '.join(record['from'])}\n")
        text.append(record["text"] + "\n")
        for link in record["links"]:
            text.append(link + "\n", style="dim")
        for action in record["actions"]:
            ref = f" [{action['ref']}]" if action["ref"] else ""
            kind = app.tr(f"incident_action.{action['kind']}")
            note = f" {action['note']}" if action["note"] else ""
            text.append(f"• {stamp(action['at'], app.lang)} {kind} ({action['by']}){ref}{note}\n")
        for item in record["evidence"]:
            state = app.tr("incident.intact" if item["intact"] else "incident.not_intact")
            style = "" if item["intact"] else "bold red"
            text.append(
                f"{app.tr('incident.field.evidence')}: {item['name'] or item['file']} {state}\n", style=style
            )
        if record["related"]:
            text.append(f"{app.tr('incident.field.related')}: {', '.join(record['related'])}\n")
        box.update(text)

    # Actions -------------------------------------------------------------------------------------

    def action_new_incident(self) -> None:
        app = self.planner
        if app.may_write("action.incident_write"):
            app.push_screen(IncidentForm(lambda new: incidents.add_incident(app.session, new)), self._added)

    def action_add_action(self) -> None:
        app = self.planner
        incident_id = self.current()
        if incident_id is None or not app.may_write("action.incident_write"):
            return

        def submit(data: dict[str, Any]) -> object:
            return incidents.add_action(
                app.session, incident_id, data["kind"], data["at"], data["note"], data["ref"]
            )

        app.push_screen(IncidentActionForm(incident_id, submit), self._saved)

    def action_link(self) -> None:
        app = self.planner
        incident_id = self.current()
        if incident_id is None or not app.may_write("action.incident_write"):
            return
        others = [(r["id"] + "  " + r["account"], r["id"]) for r in self.records() if r["id"] != incident_id]
        if not others:
            app.notify(app.tr("ui.inc.nothing_to_link"))
            return
        app.push_screen(
            IncidentLinkForm(
                incident_id, others, lambda other: incidents.link(app.session, incident_id, other)
            ),
            self._saved,
        )

    def action_close_incident(self) -> None:
        app = self.planner
        incident_id = self.current()
        if incident_id is None or not app.may_write("action.incident_write"):
            return
        try:
            self._saved(incidents.close_incident(app.session, incident_id))
        except PlannerError as error:
            app.fail(error)

    def _added(self, saved: object) -> None:
        self._saved(saved)
        if isinstance(saved, Incident):
            app = self.planner
            app.warn(incidents.added_notes(app.session, app.ws, saved))

    def _saved(self, saved: object) -> None:
        if saved is not None:
            app = self.planner
            app.reload()
            app.notify(app.tr("ui.inc.saved"))
            self.refresh_log()

    def action_export(self) -> None:
        """The whole log, for the police or occupational safety: admins only, told before anything
        is chosen."""
        from planner.ui.dialogs.export import open_export

        app = self.planner
        if app.may_change_team("action.incident_export"):
            today = app.now().date()
            open_export(app, today, today, what="incidents")

    def action_back(self) -> None:
        self.dismiss(None)

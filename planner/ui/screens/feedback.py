"""The feedback queue: what the accounts shown have not answered yet, the earliest due first, the
late ones marked in words (not by colour alone) with who is to answer; one key each to log, reply,
forward, close, and to record a hostile comment as harassment."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult

from planner.domain.errors import PlannerError
from planner.domain.feedback import Feedback
from planner.domain.incidents import Incident
from planner.domain.team import standing_in
from planner.i18n.dates import day, moment
from planner.services import feedback as services
from planner.services import incidents
from planner.ui.actions import bindings
from planner.ui.base import PlannerScreen
from planner.ui.dialogs.feedback_forms import FeedbackForm, FeedbackStepForm, IncidentForm
from planner.ui.widgets.key_bar import KeyBar
from planner.ui.widgets.plain import DataTable, Static
from planner.ui.widgets.post_card import account_tags

# What to do first, on which account (by its tag, `FB·kirjasto`): a narrow terminal shows these.
COLUMNS = ("due", "account", "assignee", "text", "from", "kind")


class FeedbackScreen(PlannerScreen[None]):
    SCOPE = "feedback"
    BINDINGS = bindings("feedback")
    everything = False  # the handled items too, not only the open ones

    def compose(self) -> ComposeResult:
        yield Static(id="feedback-title")
        yield DataTable(id="feedback", cursor_type="row", zebra_stripes=True)
        yield Static(id="feedback-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#feedback", DataTable)
        for key in COLUMNS:
            table.add_column(self.planner.tr(f"ui.fb_col.{key}"), key=key)
        self.refresh_queue()
        table.focus()

    def on_screen_resume(self) -> None:
        self.planner.reload()
        self.call_after_refresh(self.refresh_queue)

    def items(self) -> list[Feedback]:
        """The shown accounts' items: the open ones by due day, or every one."""
        app = self.planner
        accounts = [a.id for a in app.account_filter.accounts(app.ws)]
        return services.queue(app.ws, accounts, handled_too=self.everything)

    def refresh_queue(self) -> None:
        app = self.planner
        today = app.now().date()
        items = self.items()
        late = sum(item.overdue(today) for item in items)
        title = Text(app.tr("ui.feedback_title"), style="bold")
        title.append("  " + app.tr("ui.feedback_count", count=sum(i.is_open for i in items), late=late))
        if self.everything:
            title.append("  · " + app.tr("ui.feedback_everything"), style="dim")
        self.query_one("#feedback-title", Static).update(title)
        table = self.query_one("#feedback", DataTable)
        row = table.cursor_row
        table.clear()
        tags = account_tags(app.ws.accounts, {item.account for item in items})
        for item in items:
            table.add_row(*self.cells(item, today, tags[item.account]), key=item.id)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self.show_detail()

    def cells(self, item: Feedback, today: Any, tag: str) -> list[Any]:
        app = self.planner
        due = Text(day(item.due, app.lang))
        if item.overdue(today):
            due.append(app.tr("feedback.overdue_mark"), style="bold")
            due.stylize("red")
        elif not item.is_open:
            late = app.tr("feedback.overdue_mark") if item.late else ""
            due = Text(app.tr(f"feedback_status.{item.status}") + late, style="dim")
        words = " ".join(item.text.split())
        return [
            due,
            tag,
            self.answering(item, today),
            words if len(words) <= 36 else words[:35] + "…",
            item.sender or "-",
            app.tr(f"feedback_kind.{item.kind}"),
        ]

    def answering(self, item: Feedback, today: Any) -> str:
        """Who answers: the one assigned, or while they are away today, the deputy of their
        absence after an arrow (`mikko → sanna`); nobody named, said so."""
        app = self.planner
        if not item.assignee:
            return app.tr("ui.fb.nobody")
        away, deputy = standing_in(app.ws, item.assignee, today)
        return f"{item.assignee} → {deputy or '?'}" if item.is_open and away else item.assignee

    def current(self) -> Feedback | None:
        table = self.query_one("#feedback", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.planner.ws.feedback.get(key or "")

    @on(DataTable.RowHighlighted, "#feedback")
    def show_detail(self) -> None:
        app = self.planner
        box = self.query_one("#feedback-detail", Static)
        item = self.current()
        if item is None:
            box.update(app.tr("ui.feedback_none"))
            return
        text = Text()
        text.append(f"{item.id}  ", style="bold")
        text.append(f"{item.account}  ", style="dim")
        received = moment(item.received_at, app.lang)
        text.append(app.tr("ui.fb.received_line", at=received, who=item.sender or "-"))
        text.append("\n" + item.text + "\n")
        if item.post:
            text.append(app.tr("ui.fb.on_post", post=item.post) + "\n", style="dim")
        if item.link:
            text.append(item.link + "\n", style="dim")
        if not item.is_open and item.handled_at:
            done = app.tr(
                "ui.fb.handled_line",
                status=app.tr(f"feedback_status.{item.status}"),
                at=moment(item.handled_at, app.lang),
                who=item.handled_by or "-",
            )
            text.append(done + ("  " + app.tr("ui.fb.late") if item.late else ""), style="dim")
        box.update(text)

    # Actions -------------------------------------------------------------------------------------

    def _may(self) -> bool:
        return self.planner.may_write("action.feedback_write")

    def action_new_feedback(self) -> None:
        app = self.planner
        if not self._may():
            return
        shown = app.account_filter.accounts(app.ws)
        account = shown[0].id if len(shown) == 1 else None
        app.push_screen(
            FeedbackForm(account, lambda new: services.add_feedback(app.session, new)), self._done
        )

    def _step(self, step: str) -> None:
        app = self.planner
        item = self.current()
        if item is None or not self._may():
            return
        if not item.is_open:
            app.notify(
                app.tr("ui.fb.already", feedback=item.id, status=app.tr(f"feedback_status.{item.status}"))
            )
            return
        session = app.session

        def submit(data: dict[str, Any]) -> Feedback:
            if step == "reply":
                return services.reply(session, item.id, data["at"], data["link"], data["note"])
            if step == "forward":
                return services.forward(session, item.id, data["to"], data["at"])
            return services.close(session, item.id, data["reason"], data["at"])

        app.push_screen(FeedbackStepForm(step, item, submit), self._done)

    def action_reply(self) -> None:
        self._step("reply")

    def action_forward(self) -> None:
        self._step("forward")

    def action_close_item(self) -> None:
        self._step("close")

    def action_reopen(self) -> None:
        app = self.planner
        item = self.current()
        if item is None or not self._may():
            return
        try:
            self._done(services.reopen(app.session, item.id))
        except PlannerError as error:
            app.fail(error)

    def action_everything(self) -> None:
        self.everything = not self.everything
        self.refresh_queue()

    def action_record_harassment(self) -> None:
        """A hostile comment becomes an incident in one step, its text and sender carried over."""
        app = self.planner
        if not app.may_write("action.incident_write"):
            return
        item = self.current()
        app.push_screen(
            IncidentForm(lambda new: incidents.add_incident(app.session, new), item), self._recorded
        )

    def _recorded(self, saved: object) -> None:
        if isinstance(saved, Incident):
            app = self.planner
            app.notify(app.tr("ui.inc.recorded", incident=saved.id))
            app.warn(incidents.added_notes(app.session, app.ws, saved))

    def action_export(self) -> None:
        """The feedback report, by default from the first of January to today."""
        from planner.ui.dialogs.export import open_export

        today = self.planner.now().date()
        open_export(self.planner, today.replace(month=1, day=1), today, what="feedback")

    def action_import_feedback(self) -> None:
        """Feedback kept in a sheet, as `feedback import` reads it; a row already there adds nothing."""
        from planner.services.sheet_import import Imported
        from planner.ui.dialogs.team_forms import ImportForm

        app = self.planner
        if not self._may():
            return

        def done(result: object) -> None:
            if isinstance(result, Imported):
                app.reload()
                self.refresh_queue()
                app.notify(app.tr("cli.feedback_imported", count=len(result.added), known=result.known))

        def submit(path: str) -> Imported:
            return services.import_feedback(app.session, app.chosen_file(path))

        app.push_screen(ImportForm(submit, "feedback"), done)

    def _done(self, saved: object) -> None:
        if isinstance(saved, Feedback):
            app = self.planner
            app.reload()
            status = app.tr(f"feedback_status.{saved.status}")
            app.notify(
                app.tr(
                    "cli.feedback_late" if saved.late else "cli.feedback_handled",
                    feedback=saved.id,
                    status=status,
                )
            )
            self.refresh_queue()

    def action_back(self) -> None:
        self.dismiss(None)

"""The export dialog: the readiness checklist (CSV, JSON, Markdown, HTML, XLSX), the calendar feed,
the account register, the results report or the feedback report, for a period and an account.
Anyone may export, auditors included (in the browser too, where nothing else could give them these
files); the export runs off the UI thread with a progress bar, and the dialog ends by saying where
the file went."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Input, ProgressBar

from planner.domain.calendar import widen_to_weeks
from planner.domain.dates import parse_day
from planner.domain.errors import DataError, PlannerError
from planner.i18n.dates import typed_day
from planner.reports.formats import FORMATS
from planner.services.exports import (
    ChecklistRequest,
    calendar_export,
    checklist_export,
    feedback_export,
    incidents_export,
    register_export,
    results_export,
    write_export,
)
from planner.ui.actions import bindings
from planner.ui.base import PlannerDialog
from planner.ui.dialogs.form import field_row, input_text
from planner.ui.widgets.plain import Label, Select, Static
from planner.ui.widgets.tick import Tick

if TYPE_CHECKING:
    from planner.ui.context import Planner

ALL = "*"
CHOICES = (*FORMATS, "ics")
# The readiness checklist, the account register, the public list, the results report, the feedback
# report, and for admins the harassment log whole (for the police or occupational safety)
WHAT = ("checklist", "register", "public", "results", "feedback", "incidents")
UNDATED = ("register", "public", "incidents")  # no period and no account to choose
EXPORT_FOLDER = "exports"
NAMES = {"checklist": "tarkistuslista", "results": "tulokset", "feedback": "palaute"}


def default_name(fmt: str, start: str, end: str, what: str = "checklist") -> str:
    if fmt == "ics":
        return "kalenteri.ics"
    if what == "register":
        return f"tilirekisteri.{fmt}"
    if what == "public":
        return f"viralliset-tilit.{fmt}"
    if what == "incidents":
        return f"hairintaloki.{fmt}"
    return f"{NAMES[what]}-{start}-{end}.{fmt}"


def open_export(app: Planner, start: dt.date, end: dt.date, what: str = "checklist") -> None:
    """The export dialog of `what`, for start..end and the account the app shows (all of them
    unless one is chosen)."""
    chosen = app.account_filter
    app.push_screen(ExportScreen(start, end, chosen.value if chosen.kind == "account" else None, what))


class ExportScreen(PlannerDialog[None]):
    BINDINGS = bindings("form")

    def __init__(
        self, start: dt.date, end: dt.date, account: str | None = None, what: str = "checklist"
    ) -> None:
        super().__init__()
        self.start, self.end, self.account, self.what = start, end, account, what
        self.running = False

    def compose(self) -> ComposeResult:
        app = self.planner
        accounts = [(app.tr("ui.export_all_accounts"), ALL)] + [
            (a.id, a.id) for a in sorted(app.ws.accounts.values(), key=lambda a: a.id)
        ]
        with Vertical(classes="dialog", id="export-form"):
            yield Label(app.tr("ui.export_title"), classes="dialog-title")
            yield from field_row(
                app.tr("ui.export_what"),
                Select(
                    [(app.tr(f"ui.export_what.{w}"), w) for w in WHAT if w != "incidents" or app.is_admin()],
                    value=self.what,
                    allow_blank=False,
                    compact=True,
                    id="export-what",
                ),
            )
            yield from field_row(
                app.tr("ui.export_format"),
                Select(
                    [(app.tr(f"ui.format.{f}"), f) for f in CHOICES],
                    value="html",
                    allow_blank=False,
                    compact=True,
                    id="export-format",
                ),
            )
            yield from field_row(
                app.tr("ui.export_account"),
                Select(
                    accounts, value=self.account or ALL, allow_blank=False, compact=True, id="export-account"
                ),
            )
            yield from field_row(
                app.tr("ui.export_from"),
                Input(typed_day(self.start, app.lang), id="export-from", compact=True),
            )
            yield from field_row(
                app.tr("ui.export_to"), Input(typed_day(self.end, app.lang), id="export-to", compact=True)
            )
            if app.served:  # never a path on the server: the file goes to the person's browser
                yield Label(app.tr("ui.export_download"), classes="hint", id="export-download")
            else:
                yield from field_row(
                    app.tr("ui.export_file"),
                    Input(self._default_path("html"), id="export-file", compact=True),
                )
            if app.is_admin():
                yield Tick(app.tr("ui.export_personal"), id="export-personal", compact=True)
            yield ProgressBar(id="export-progress", show_eta=False)
            yield Static("", id="export-status")
            yield Label("", id="form-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(app.tr("ui.close"), id="close", compact=True)
                yield Button(app.tr("ui.export_go"), id="export", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#export-progress", ProgressBar).display = False
        self.query_one("#export-format", Select).focus()
        self.follow_format()

    def _default_path(self, fmt: str) -> str:
        name = default_name(fmt, self.start.isoformat(), self.end.isoformat(), self.what)
        return str(Path(EXPORT_FOLDER) / name)  # beside the workspace, shown short

    @on(Select.Changed, "#export-format")
    @on(Select.Changed, "#export-what")
    def follow_format(self) -> None:
        """A new format or content gives the file its name, unless the user has typed one of their
        own; the register has no period and no account to choose."""
        fmt = str(self.query_one("#export-format", Select).value)
        what = self._what()
        for widget in ("#export-account", "#export-from", "#export-to"):
            self.query_one(widget).disabled = what in UNDATED
        for tick in self.query("#export-personal"):  # people in photos are named in a checklist only
            tick.disabled = what != "checklist"
        if self.planner.served:
            return
        field = self.query_one("#export-file", Input)
        if Path(field.value).parent.name == EXPORT_FOLDER:
            start, end = self._typed_range()
            field.value = str(Path(field.value).with_name(default_name(fmt, start, end, what)))

    def _what(self) -> str:
        fmt = str(self.query_one("#export-format", Select).value)
        return "checklist" if fmt == "ics" else str(self.query_one("#export-what", Select).value)

    def _typed_range(self) -> tuple[str, str]:
        """The range as typed, in ISO for a file name (as it was shown first when it does not read)."""
        today = self.planner.now().date()
        try:
            start = parse_day(input_text(self, "export-from"), "from", today)
            end = parse_day(input_text(self, "export-to"), "to", today)
        except PlannerError:
            start, end = self.start, self.end
        return start.isoformat(), end.isoformat()

    @on(Button.Pressed, "#close")
    def action_cancel(self) -> None:
        if not self.running:
            self.dismiss(None)

    @on(Button.Pressed, "#export")
    @on(Input.Submitted)
    def action_save(self) -> None:
        if self.running:
            return
        try:
            job = self._job()
        except PlannerError as error:
            self.query_one("#form-error", Label).update(error.render(self.planner.lang))
            return
        self.query_one("#form-error", Label).update("")
        self.running = True
        bar = self.query_one("#export-progress", ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self.query_one("#export-status", Static).update(self.planner.tr("ui.export_checking"))
        self.run_export(*job)

    def _job(self) -> tuple[str, ChecklistRequest, Path, str]:
        fmt = str(self.query_one("#export-format", Select).value)
        account = self.query_one("#export-account", Select).value
        today = self.planner.now().date()
        start = parse_day(input_text(self, "export-from"), self.planner.tr("ui.export_from"), today)
        end = parse_day(input_text(self, "export-to"), self.planner.tr("ui.export_to"), today)
        if end < start:
            raise DataError("err.range_reversed", start=start, end=end)
        if self._what() == "checklist":  # a checklist judges whole weeks; a report keeps its days
            start, end = widen_to_weeks(start, end)
        if self.planner.served:  # only its name: the browser saves it where its person chooses
            path = Path(default_name(fmt, start.isoformat(), end.isoformat(), self._what()))
        else:
            typed = input_text(self, "export-file")
            if not typed:
                raise DataError("err.output", file="-", reason=self.planner.tr("ui.export_no_file"))
            path = Path(typed).expanduser()
            if not path.is_absolute():
                path = self.planner.session.store.root / path
        personal = self.query("#export-personal")
        include = (
            bool(personal)
            and self.query_one("#export-personal", Checkbox).value
            and self._what() == "checklist"
        )
        chosen = None if account == ALL else str(account)
        return fmt, ChecklistRequest(fmt, start, end, chosen, include), path, self._what()

    @work(thread=True, exclusive=True, group="export")
    def run_export(self, fmt: str, request: ChecklistRequest, path: Path, what: str = "checklist") -> None:
        app = self.planner
        try:
            if what == "incidents":
                data = incidents_export(app.session, fmt, app.lang)
            elif what in UNDATED:
                data = register_export(app.session, fmt, app.lang, public=what == "public")
            elif what in ("results", "feedback"):
                report = results_export if what == "results" else feedback_export
                data = report(app.session, fmt, app.lang, request.start, request.end, request.account)
            elif fmt == "ics":
                data = calendar_export(app.session, request.account, app.lang, request.start, request.end)
            else:
                data = checklist_export(app.session, request, app.lang, self._progress)
            if app.served:
                app.call_from_thread(self._deliver, path.name, data)
                return
            write_export(path, data, make_folder=path.parent.name == EXPORT_FOLDER)
        except PlannerError as error:
            app.call_from_thread(self._finish, None, error.render(app.lang))
            return
        app.call_from_thread(self._finish, path, "")

    def _deliver(self, name: str, data: bytes) -> None:
        """The export to the browser as a download (textual-serve's delivery), never a file on
        the server."""
        import io
        import mimetypes

        mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
        self.planner.deliver_binary(io.BytesIO(data), save_filename=name, mime_type=mime)
        self.running = False
        self.query_one("#export-progress", ProgressBar).update(total=1, progress=1)
        message = self.planner.tr("ui.export_delivered", file=name)
        self.query_one("#export-status", Static).update(message)
        self.planner.notify(message)

    def _progress(self, done: int, total: int, what: str) -> None:
        self.app.call_from_thread(self._show_progress, done, total, what)

    def _show_progress(self, done: int, total: int, what: str) -> None:
        self.query_one("#export-progress", ProgressBar).update(total=total, progress=done)
        self.query_one("#export-status", Static).update(self.planner.tr(what))

    def _finish(self, path: Path | None, error: str) -> None:
        self.running = False
        bar = self.query_one("#export-progress", ProgressBar)
        if path is None:
            bar.display = False
            self.query_one("#export-status", Static).update("")
            self.query_one("#form-error", Label).update(error)
            return
        bar.update(total=1, progress=1)
        message = self.planner.tr("ui.export_done", file=str(path))
        self.query_one("#export-status", Static).update(message)
        self.planner.notify(message)

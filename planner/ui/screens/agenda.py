"""The agenda: coming posts with their readiness, sortable, optionally only those not ready."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult

from planner.i18n.dates import short_moment
from planner.services.views import agenda
from planner.ui.actions import bindings
from planner.ui.base import PlannerScreen
from planner.ui.widgets.key_bar import KeyBar
from planner.ui.widgets.plain import DataTable, Static
from planner.ui.widgets.post_card import account_tags, readiness_text

SORTS = ("time", "readiness", "account", "status")


class AgendaScreen(PlannerScreen[None]):
    SCOPE = "agenda"
    BINDINGS = bindings("agenda")

    def __init__(self) -> None:
        super().__init__()
        self.only_not_ready = False
        self.sort = "time"

    def compose(self) -> ComposeResult:
        yield Static(id="agenda-title")
        yield DataTable(id="agenda", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        app = self.planner
        for key in ("time", "account", "status", "title"):
            table.add_column(app.tr(f"ui.col.{key}"), key=key)
        self.refresh_agenda()
        table.focus()

    def on_screen_resume(self) -> None:
        self.planner.reload()
        self.refresh_agenda()

    def refresh_agenda(self) -> None:
        app = self.planner
        now = app.now()
        coming = [p.publish_at.date() for p in app.ws.posts.values() if p.publish_at and p.publish_at >= now]
        checked = app.checked(now.date(), max(coming, default=now.date()))
        rows = agenda(app.ws, checked, app.account_filter, now, self.only_not_ready, self.sort)
        title = Text(app.tr("ui.agenda_title"), style="bold")
        title.append(f"  ({len(rows)}) · {app.tr('key.agenda-sort')}: {app.tr('ui.col.' + self.sort)}")
        if self.only_not_ready:
            title.append(" · " + app.tr("key.agenda-not-ready"), style="yellow")
        self.query_one("#agenda-title", Static).update(title)
        table = self.query_one(DataTable)
        was_on = self._post_at_cursor(table)
        table.clear()
        # As on the week: the account by its tag, and the readiness beside the status (`✓ valmis`). Its
        # whole id took 28 of 60 columns, and the readiness a column of its own: the title had none.
        tags = account_tags(app.ws.accounts, {summary.post.account for summary in rows})
        for summary in rows:
            post = summary.post
            when = short_moment(post.publish_at, app.lang) if post.publish_at else "—"
            table.add_row(
                when,
                tags[post.account],
                readiness_text(summary).append(" " + app.tr("status." + post.status)),  # `✓ valmis`
                Text(post.label()),
                key=post.id,
            )
        if was_on is not None and was_on in table.rows:  # back from a post: on it still, not at the top
            table.move_cursor(row=table.get_row_index(was_on), animate=False)

    @staticmethod
    def _post_at_cursor(table: DataTable) -> str | None:
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return str(key) if key is not None else None

    def action_toggle_not_ready(self) -> None:
        self.only_not_ready = not self.only_not_ready
        self.refresh_agenda()

    def action_next_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.refresh_agenda()

    @on(DataTable.RowSelected)
    def open_post(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.planner.open_view("editor", event.row_key.value)

    def action_back(self) -> None:
        self.dismiss(None)

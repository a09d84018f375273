"""The crisis view: the holds that are on (reason, who, since when) and every post they pause, by
time, with a key to cancel or reschedule each; admins start and end holds here."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.app import ComposeResult

from planner.domain.model import Hold, Post
from planner.i18n import fmt_date
from planner.services import crisis
from planner.ui.actions import bindings
from planner.ui.base import PlannerScreen
from planner.ui.steps import reschedule, take_step
from planner.ui.widgets.key_bar import KeyBar
from planner.ui.widgets.plain import DataTable, Static
from planner.ui.widgets.post_card import account_tags

# What to pause, by when and where: a narrow terminal shows these; the post's kind comes last.
COLUMNS = ("time", "account", "status", "post", "kind")


class CrisisScreen(PlannerScreen[None]):
    SCOPE = "crisis"
    BINDINGS = bindings("crisis")

    def compose(self) -> ComposeResult:
        yield Static(id="crisis-title")
        yield Static(id="crisis-holds")
        yield DataTable(id="held", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#held", DataTable)
        for key in COLUMNS:
            table.add_column(self.planner.tr(f"ui.held_col.{key}"), key=key)
        self.refresh_holds()
        table.focus()

    def on_screen_resume(self) -> None:
        self.planner.reload()
        self.call_after_refresh(self.refresh_holds)

    on_outside_change = on_screen_resume

    def refresh_holds(self) -> None:
        app = self.planner
        found = crisis.status(app.ws)
        title = Text(app.tr("ui.crisis_title"), style="bold")
        title.append("  " + app.tr("cli.crisis_held", count=len(found.held)).rstrip(":"))
        self.query_one("#crisis-title", Static).update(title)
        self.query_one("#crisis-holds", Static).update(self._holds_text(found.holds))
        if bool(found.holds) != self._holds_on:  # x (end) is offered only while a hold is on
            self._holds_on = bool(found.holds)
            self.refresh_bindings()
        table = self.query_one("#held", DataTable)
        row = table.cursor_row
        table.clear()
        # the account by its tag, as on the week: its whole id took 28 of 60 columns, the title all
        tags = account_tags(app.ws.accounts, {post.account for post in found.held})
        for post in found.held:
            assert post.publish_at is not None
            table.add_row(
                fmt_date(post.publish_at, app.lang),
                tags[post.account],
                app.tr("status." + post.status),
                Text(post.label()),
                app.tr("post_kind." + post.kind),
                key=post.id,
            )
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    _holds_on = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "end_hold":
            return self._holds_on
        return True

    def _holds_text(self, holds: list[Hold]) -> Text:
        app = self.planner
        if not holds:
            return Text(app.tr("ui.crisis_none"), style="dim")
        text = Text()
        for hold in holds:
            accounts = ", ".join(hold.accounts) or app.tr("cli.all_accounts")
            since = hold.started_at or dt.datetime.min
            text.append(f"⚠ {hold.reason}", style="bold red")
            text.append(
                "  " + app.tr("ui.hold_line", by=hold.started_by, since=since, accounts=accounts) + "\n"
            )
        text.rstrip()
        return text

    def _post(self) -> Post | None:
        table = self.query_one("#held", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.planner.ws.posts.get(key or "")

    def _done(self, post: object) -> None:
        if post is not None:
            self.refresh_holds()

    def action_cancel_post(self) -> None:
        post = self._post()
        if post is not None:
            take_step(self.planner, "cancel", post, self._done)

    def action_reschedule(self) -> None:
        post = self._post()
        if post is not None:
            reschedule(self.planner, post, self._done)

    def action_start_hold(self) -> None:
        from planner.ui.dialogs.step_forms import HoldForm

        app = self.planner
        if not app.may_change_team("action.crisis"):
            return

        def submit(typed: tuple[str, tuple[str, ...]]) -> Hold:
            return crisis.start_hold(app.session, typed[0], typed[1])

        def started(hold: object) -> None:
            if isinstance(hold, Hold):
                app.reload()
                app.notify(app.tr("ui.hold_started", reason=hold.reason), severity="warning")
                self.refresh_holds()

        app.push_screen(HoldForm(submit), started)

    def action_end_hold(self) -> None:
        from planner.domain.errors import PlannerError
        from planner.ui.dialogs.confirm import Confirm

        app = self.planner
        if not app.may_change_team("action.crisis"):
            return

        def end(yes: bool | None) -> None:
            if not yes:
                return
            try:
                ended = crisis.end_holds(app.session)
            except PlannerError as error:
                app.fail(error)
                return
            app.reload()
            for hold in ended:
                app.notify(app.tr("cli.crisis_ended", hold=hold.id, reason=hold.reason))
            self.refresh_holds()

        app.push_screen(
            Confirm(app.tr("ui.hold_end_ask"), app.tr("ui.hold_end_yes"), app.tr("ui.hold_end_no")), end
        )

    def action_back(self) -> None:
        self.dismiss(None)

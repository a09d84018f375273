"""The account register: every account with its status, people and the account rules' findings,
for everyone to read; admins add and change accounts, record a password changed today, and close
an account after seeing which coming posts that stops."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal

from planner.domain.account_change import MEMBERS, AccountChange
from planner.domain.check import Finding
from planner.domain.errors import PlannerError
from planner.domain.fields import finnish_key
from planner.domain.model import Account
from planner.domain.results import Goal, GoalResult
from planner.i18n import fmt_date
from planner.reports.results import goal_text
from planner.services import Note, results
from planner.services import accounts as register
from planner.services.exports import account_findings
from planner.ui.actions import bindings
from planner.ui.base import PlannerScreen
from planner.ui.dialogs.account_form import AccountForm
from planner.ui.dialogs.goal_form import GoalForm
from planner.ui.widgets.key_bar import KeyBar
from planner.ui.widgets.plain import DataTable, Static

MARKS = {"error": ("✗", "red"), "warning": ("!", "yellow")}


class AccountsScreen(PlannerScreen[None]):
    SCOPE = "accounts"
    BINDINGS = bindings("accounts")

    def compose(self) -> ComposeResult:
        yield Static(id="accounts-title")
        with Horizontal(id="accounts-top"):
            yield DataTable(id="accounts", cursor_type="row", zebra_stripes=True)
            yield Static(id="account-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#accounts", DataTable)
        # The platform beside the name: a city's accounts share its name (at 80 columns the detail
        # beside the table left the platform five letters, as the fourth column).
        for key in ("name", "platform", "findings", "status", "owners"):
            table.add_column(self.planner.tr(f"ui.reg_col.{key}"), key=key)
        self.refresh_accounts()
        table.focus()

    def on_screen_resume(self) -> None:
        self.planner.reload()
        self.call_after_refresh(self.refresh_accounts)

    # Drawing -------------------------------------------------------------------------------------

    def refresh_accounts(self) -> None:
        app = self.planner
        ws = app.ws
        self.findings = account_findings(ws, app.now())
        title = Text(app.tr("ui.accounts_title"), style="bold")
        title.append("  " + app.tr("ui.accounts_count", count=len(ws.accounts)))
        if not app.is_admin():
            title.append("  · " + app.tr("ui.team_read_only"), style="yellow")
        self.query_one("#accounts-title", Static).update(title)
        table = self.query_one("#accounts", DataTable)
        row = table.cursor_row
        table.clear()
        for account in sorted(ws.accounts.values(), key=lambda a: (finnish_key(a.name), a.id)):
            table.add_row(*self._cells(account), key=account.id)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))
        self.show_account()

    def _cells(self, account: Account) -> tuple[Text, str, Text, Text, str]:
        app = self.planner
        closed = account.status != "active"
        name = Text(account.name, style="dim" if closed else "")
        status = Text(app.tr(f"status.{account.status}"), style="yellow" if closed else "")
        owners = ", ".join(account.owners) or "—"
        platform = app.tr(f"platform.{account.platform}")
        return name, platform, self._marks(self.findings.get(account.id, [])), status, owners

    def _marks(self, found: list[Finding]) -> Text:
        marks = Text()
        for severity, (mark, style) in MARKS.items():
            count = sum(f.severity == severity for f in found)
            if count:
                marks.append(f"{mark}{count} ", style=style)
        return marks if marks.plain else Text("✓", style="green")

    def _account(self) -> Account | None:
        table = self.query_one("#accounts", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.planner.ws.accounts.get(key or "")

    @on(DataTable.RowHighlighted, "#accounts")
    def show_account(self) -> None:
        app = self.planner
        detail = self.query_one("#account-detail", Static)
        account = self._account()
        if account is None:
            detail.update(app.tr("ui.accounts_none"))
            return
        names = {pid: p.name for pid, p in app.ws.people.items()}
        text = Text(f"{account.name}\n", style="bold")
        text.append(f"{account.id} · {app.tr(f'platform.{account.platform}')}\n", style="dim")
        lines = [
            ("url", account.url),
            ("unit", account.unit),
            ("login_email", account.login_email),
            *((kind, ", ".join(names.get(p, p) for p in getattr(account, kind))) for kind in MEMBERS),
            ("cadence", str(app.ws.cadence_of(account))),
            ("hashtags", " ".join(account.required_hashtags)),
            ("valid", self._validity(account)),
            ("two_factor", app.tr("doc.yes" if account.two_factor else "doc.no")),
            (
                "password_changed",
                fmt_date(account.password_changed, app.lang) if account.password_changed else "",
            ),
            ("listed", app.tr("doc.yes" if account.listed_on_website else "doc.no")),
            ("links_back", app.tr("doc.yes" if account.links_to_website else "doc.no")),
            ("review", app.tr("doc.yes" if account.review else "doc.no")),
            ("purpose", account.purpose),
            ("decided", " ".join(filter(None, (account.decided_by, self._day(account.decided_on))))),
            ("told_on", self._day(account.told_on)),
        ]
        for key, value in lines:
            text.append(f"{app.tr('ui.acc.' + key)}: ", style="dim")
            text.append((value or "—") + "\n")
        for goal in results.goals_of(app.ws, account.id):
            metric, per = app.tr(f"results.metric.{goal.metric}"), app.tr(f"results.per.{goal.per}")
            target = goal_text(GoalResult(goal.metric, goal.per, "", goal.target, None, False), app.lang)[1]
            text.append(f"{app.tr('results.goal')}: ", style="dim")
            text.append(f"{metric} / {per} {target}\n")
        for found in self.findings.get(account.id, []):
            mark, style = MARKS.get(found.severity, ("·", ""))
            text.append(f"{mark} {found.message(app.lang)}\n", style=style)
        detail.update(text)

    def _day(self, day: object) -> str:
        import datetime as dt

        return fmt_date(day, self.planner.lang) if isinstance(day, dt.date) else ""

    def _validity(self, account: Account) -> str:
        if not account.starts and not account.ends:
            return ""
        return f"{self._day(account.starts)}–{self._day(account.ends)}"

    # Actions ---------------------------------------------------------------------------------------

    def _saved(self, saved: object) -> None:
        app = self.planner
        if not isinstance(saved, register.Saved):
            return
        app.notify(app.tr("cli.account_saved", account=saved.account.id, revision=saved.account.revision))
        if saved.now_inactive:
            app.notify(
                app.tr("cli.account_now_inactive", count=len(saved.now_inactive), account=saved.account.id)
                + "\n"
                + "\n".join(p.label() for p in saved.now_inactive[:5]),
                severity="warning",
                timeout=10,
            )

    def action_new_account(self) -> None:
        app = self.planner
        if not app.may_change_team("action.account_write"):
            return

        def submit(data: tuple[str, AccountChange]) -> register.Saved:
            account_id, change = data
            return register.add_account(app.session, account_id, change)

        app.push_screen(AccountForm(None, submit), self._saved)

    def action_edit_account(self) -> None:
        app = self.planner
        account = self._account()
        if account is None or not app.may_change_team("action.account_write"):
            return

        def submit(data: tuple[str, AccountChange]) -> register.Saved:
            return register.edit_account(app.session, account.id, data[1])

        app.push_screen(AccountForm(account, submit), self._saved)

    def action_password_changed(self) -> None:
        """Record that the account's password was changed today: one key."""
        app = self.planner
        account = self._account()
        if account is None or not app.may_change_team("action.account_write"):
            return
        change = AccountChange(password_changed=app.now().date(), revision=account.revision)
        try:
            saved = register.edit_account(app.session, account.id, change)
        except PlannerError as error:
            app.fail(error)
            return
        app.notify(app.tr("ui.password_recorded", account=saved.account.id))
        app.reload()
        self.refresh_accounts()

    def action_close_account(self) -> None:
        """Close the account, after showing the coming posts that closing it stops."""
        from planner.ui.dialogs.confirm import Confirm

        app = self.planner
        account = self._account()
        if account is None or account.status == "closed" or not app.may_change_team("action.account_write"):
            return
        stopped = register.closing(app.ws, account.id, app.now().date())
        question = app.tr("ui.close_account", account=account.name, count=len(stopped))
        if stopped:
            question += "\n" + "\n".join(
                f"  {fmt_date(p.publish_at, app.lang) if p.publish_at else ''} {p.label()}"
                for p in stopped[:8]
            )
            if len(stopped) > 8:
                question += "\n  " + app.tr("ui.and_more", count=len(stopped) - 8)

        def close(yes: bool | None) -> None:
            if not yes:
                return
            change = AccountChange(status="closed", revision=account.revision)
            try:
                saved = register.edit_account(app.session, account.id, change)
            except PlannerError as error:
                app.fail(error)
                return
            self._saved(saved)
            app.reload()
            self.call_after_refresh(self.refresh_accounts)

        app.push_screen(Confirm(question, app.tr("ui.yes_close"), app.tr("ui.cancel")), close)

    def action_set_goal(self) -> None:
        app = self.planner
        account = self._account()
        if account is None or not app.may_change_team("action.goal_write"):
            return

        def submit(data: tuple[str, str, float]) -> object:
            return results.set_goal(app.session, account.id, *data)

        app.push_screen(GoalForm(account.id, submit), self._goal_saved)

    def _goal_saved(self, saved: tuple[Goal, list[Note]] | None) -> None:
        if saved is not None:
            app = self.planner
            goal, notes = saved
            app.reload()
            app.notify(app.tr("cli.goal_saved", goal=goal.id))
            app.warn(notes)
            self.show_account()

    def action_back(self) -> None:
        self.dismiss(None)

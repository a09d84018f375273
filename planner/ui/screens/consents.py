"""The consent register (kuvausluvat): find a record, add one, and withdraw one. A withdrawal lists
at once every post that uses a photo it covered. Minors' names are shown to admins only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input

from planner.domain.dates import parse_day
from planner.domain.library import assets_of, find_consents
from planner.domain.model import Consent, Post
from planner.i18n import fmt_date
from planner.reports.register import consent_line
from planner.services import consents
from planner.ui.actions import bindings
from planner.ui.base import PlannerScreen
from planner.ui.dialogs.asset_forms import consent_choice
from planner.ui.dialogs.consent_forms import ConsentForm, WithdrawForm
from planner.ui.dialogs.media_picker import ICONS
from planner.ui.widgets.key_bar import KeyBar
from planner.ui.widgets.options import highlighted_id, refill
from planner.ui.widgets.plain import OptionList, Static
from planner.ui.widgets.post_card import post_lines

if TYPE_CHECKING:
    pass


class ConsentScreen(PlannerScreen[None]):
    SCOPE = "consents"
    BINDINGS = bindings("consents")

    def compose(self) -> ComposeResult:
        yield Static(id="consents-title")
        yield Input(placeholder=self.planner.tr("ui.consent_find"), compact=True, id="find")
        with Horizontal(id="consents-top"):
            yield OptionList(id="consents")
            yield Static(id="consent-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_register()
        self.query_one("#consents", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.planner.reload()
        self.refresh_register()

    def refresh_register(self) -> None:
        app = self.planner
        found = find_consents(app.ws, self.query_one("#find", Input).value, admin=app.is_admin())
        self.query_one("#consents-title", Static).update(
            Text(app.tr("ui.consents_title", count=len(app.ws.consents)), style="bold")
        )
        entries = [(c.id, Text(consent_choice(app, c.id))) for c in found]
        refill(self.query_one("#consents", OptionList), entries, keep=self.consent_id())
        self.show_consent()

    def consent_id(self) -> str | None:
        return highlighted_id(self.query_one("#consents", OptionList))

    @on(OptionList.OptionHighlighted, "#consents")
    def show_consent(self) -> None:
        app = self.planner
        detail = self.query_one("#consent-detail", Static)
        consent_id = self.consent_id()
        if consent_id is None:
            detail.update("")
            return
        consent = app.ws.consents[consent_id]
        out = Text("\n".join(consent_line(consent, app.lang, admin=app.is_admin()).split(" · ")))
        if consent.evidence:
            out.append("\n" + app.tr("consent.evidence", file=consent.evidence))
        for asset in assets_of(app.ws, consent_id):
            out.append(f"\n{ICONS[asset.kind]} {asset.id}", style="bold")
            for post in consents.posts_using(app.ws, consent_id):
                if asset.id in post.media:
                    out.append("\n" + self._post(post))
        detail.update(out)

    def _post(self, post: Post) -> str:
        app = self.planner
        url = f"  {post.published_url}" if post.published_url else ""
        return post_lines(post, app.ws.accounts, app.lang, "  ") + url

    @on(Input.Changed, "#find")
    def find_changed(self) -> None:
        self.refresh_register()

    @on(Input.Submitted, "#find")
    def find_done(self) -> None:
        self.query_one("#consents", OptionList).focus()

    def action_find(self) -> None:
        self.query_one("#find", Input).focus()

    def action_new_consent(self) -> None:
        app = self.planner
        if not app.may_write("action.consent_write"):
            return

        def submit(new: consents.NewConsent) -> Consent:
            consent = consents.add_consent(app.session, new)
            app.notify(app.tr("ui.consent_added", consent=consent.id))
            return consent

        app.push_screen(ConsentForm(submit))

    def action_import_consents(self) -> None:
        """The register the team keeps in a sheet, as `consent import` reads it."""
        from planner.services.sheet_import import Imported
        from planner.ui.dialogs.team_forms import ImportForm

        app = self.planner
        if not app.may_write("action.consent_write"):
            return

        def submit(path: str) -> Imported:
            return consents.import_consents(app.session, app.chosen_file(path))

        def done(result: object) -> None:
            if isinstance(result, Imported):  # the register is drawn again as the screen resumes
                app.notify(app.tr("cli.consents_imported", count=len(result.added), known=result.known))

        app.push_screen(ImportForm(submit, "consents"), done)

    def action_withdraw(self) -> None:
        app = self.planner
        consent_id = self.consent_id()
        if consent_id is None or not app.may_change_team("action.consent_withdraw"):
            return

        def submit(day: str) -> consents.Withdrawal:
            when = parse_day(day, app.tr("ui.withdraw_date"), app.now().date()) if day else None
            return consents.withdraw_consent(app.session, consent_id, when)

        app.push_screen(WithdrawForm(app.ws.consents[consent_id], submit), self._withdrawn)

    def _withdrawn(self, done: object) -> None:
        from planner.ui.dialogs.notice import Notice

        if not isinstance(done, consents.Withdrawal):
            return
        app = self.planner
        day = fmt_date(done.consent.withdrawn, app.lang) if done.consent.withdrawn else ""
        body = Text(app.tr("cli.consent_withdrawn", consent=done.consent.id, day=day))
        if done.blocked:  # the published ones are listed below, each to be marked taken down
            body.append("\n\n" + app.tr("cli.consent_blocked", count=len(done.blocked)), style="bold red")
        for post in done.blocked:
            body.append("\n  " + self._post(post))
        if not done.blocked and not done.published:
            body.append("\n\n" + app.tr("cli.consent_unused"))
        title = app.tr("ui.withdraw_done", consent=done.consent.id)
        if not done.published:
            app.push_screen(Notice(title, body, app.tr("ui.close")))
            return
        from planner.services.post_steps import take_down
        from planner.ui.dialogs.takedown import TakedownList

        reason = app.tr("ui.takedown_consent", consent=done.consent.id)

        def take(post: Post) -> Post:
            taken = take_down(app.session, post.id, reason)
            app.reload()
            return taken

        app.push_screen(TakedownList(title, body, done.published, self._post, take))

    def action_back(self) -> None:
        """Esc leaves the find box for the list first, then the screen."""
        if isinstance(self.focused, Input):
            self.query_one("#consents", OptionList).focus()
            return
        self.dismiss(None)

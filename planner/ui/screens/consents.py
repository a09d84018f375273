"""The consent register (kuvausluvat): find a record, add one, and withdraw one. A withdrawal lists
at once every post that uses a photo it covered. Minors' names are shown to admins only."""

from __future__ import annotations

from planner.domain.dates import parse_day

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Checkbox, Footer, Input, Label, OptionList, Static

from planner.domain.library import assets_of, find_consents
from planner.domain.model import Consent, Post
from planner.i18n import fmt_date
from planner.reports.register import consent_line
from planner.services import consents
from planner.ui.bindings import localize
from planner.ui.screens.asset_forms import consent_choice
from planner.ui.screens.media_picker import ICONS
from planner.ui.screens.team_forms import Form
from planner.ui.widgets.options import highlighted_id, refill

if TYPE_CHECKING:
    from planner.ui.app import PlannerApp


class ConsentForm(Form):
    def compose(self) -> ComposeResult:
        app = self.planner
        today = app.now().date().isoformat()
        with Vertical(classes="dialog wide", id="consent-form"):
            yield Label(app.tr("ui.consent_new"), classes="dialog-title")
            yield from self.row(app.tr("ui.field.subject"), Input(compact=True, id="subject"))
            with Horizontal(classes="roles"):
                yield Checkbox(app.tr("ui.consent_written"), True, id="written", compact=True)
                yield Checkbox(app.tr("ui.consent_minor"), False, id="minor", compact=True)
            yield from self.row(app.tr("ui.field.guardian"), Input(compact=True, id="guardian"))
            yield from self.row(app.tr("ui.field.scope"), Input("*", compact=True, id="scope"))
            yield from self.row(app.tr("ui.field.valid_from"), Input(today, compact=True, id="from"))
            yield from self.row(
                app.tr("ui.field.valid_to"), Input(compact=True, id="to", placeholder="YYYY-MM-DD")
            )
            yield from self.row(app.tr("ui.field.evidence"), Input(compact=True, id="evidence"))
            yield Label(app.tr("ui.scope_hint"), classes="hint")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#subject", Input).focus()

    def result(self) -> consents.NewConsent:
        evidence = self.value("evidence")
        app = self.planner
        today = app.now().date()
        start, end = (self.value(name) for name in ("from", "to"))
        return consents.NewConsent(
            subject=self.value("subject"), scope=tuple(self.value("scope").split()),
            minor=self.query_one("#minor", Checkbox).value, guardian=self.value("guardian") or None,
            written=self.query_one("#written", Checkbox).value,
            valid_from=parse_day(start, app.tr("ui.field.from"), today) if start else None,
            valid_to=parse_day(end, app.tr("ui.field.to"), today) if end else None,
            evidence=Path(evidence).expanduser() if evidence else None,
        )  # fmt: skip


class WithdrawForm(Form):
    def __init__(self, consent: Consent, submit: Callable[[Any], object]) -> None:
        super().__init__(submit)
        self.consent = consent

    def compose(self) -> ComposeResult:
        app = self.planner
        with Vertical(classes="dialog", id="withdraw-form"):
            yield Label(app.tr("ui.withdraw_title", consent=self.consent.id), classes="dialog-title")
            yield from self.row(app.tr("ui.withdraw_date"), Input(app.now().date().isoformat(), compact=True,
                                                                  id="day"))  # fmt: skip
            yield from self.buttons()

    def result(self) -> str:
        return self.value("day")


class ConsentScreen(Screen[None]):
    BINDINGS = [
        Binding("slash", "find", "/", id="consent-find", tooltip="Find"),
        Binding("n", "new_consent", "n", id="consent-new", tooltip="New consent"),
        Binding("x", "withdraw", "x", id="consent-withdraw", tooltip="Withdraw"),
        Binding("escape", "back", "Esc", id="view-week", tooltip="Back"),
    ]

    @property
    def planner(self) -> PlannerApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(id="consents-title")
        yield Input(placeholder=self.planner.tr("ui.consent_find"), compact=True, id="find")
        with Horizontal(id="consents-top"):
            yield OptionList(id="consents")
            yield Static(id="consent-detail")
        yield Footer()

    def on_mount(self) -> None:
        localize(self, self.planner.lang)
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
                    out.append("\n  " + self._post(post))
        detail.update(out)

    def _post(self, post: Post) -> str:
        app = self.planner
        when = fmt_date(post.publish_at, app.lang) if post.publish_at else "–"
        url = f"  {post.published_url}" if post.published_url else ""
        return f"{post.id}  {when}  {post.account}  {app.tr('status.' + post.status)}{url}"

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
        from planner.ui.screens.notice import Notice

        if not isinstance(done, consents.Withdrawal):
            return
        app = self.planner
        day = fmt_date(done.consent.withdrawn, app.lang) if done.consent.withdrawn else ""
        body = Text(app.tr("cli.consent_withdrawn", consent=done.consent.id, day=day))
        sections = (("cli.consent_blocked", done.blocked, "bold red"),
                    ("cli.consent_published", done.published, "bold yellow"))  # fmt: skip
        for key, posts, style in sections:
            if posts:
                body.append("\n\n" + app.tr(key, count=len(posts)), style=style)
            for post in posts:
                body.append(
                    "\n  " + self._post(post) + (f"  {post.published_url}" if post.published_url else "")
                )
        if not done.blocked and not done.published:
            body.append("\n\n" + app.tr("cli.consent_unused"))
        app.push_screen(Notice(app.tr("ui.withdraw_done", consent=done.consent.id), body, app.tr("ui.close")))

    def action_back(self) -> None:
        """Esc leaves the find box for the list first, then the screen."""
        if isinstance(self.focused, Input):
            self.query_one("#consents", OptionList).focus()
            return
        self.dismiss(None)

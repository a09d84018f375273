"""The Textual app: holds the session and the loaded workspace; the screens do the showing."""

from __future__ import annotations

import datetime as dt
import inspect
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from planner.domain.errors import PlannerError
from planner.domain.model import Person
from planner.domain.workspace import Workspace
from planner.i18n import t
from planner.services import Session
from planner.services.checks import PostResults
from planner.services.views import AccountFilter, checked_weeks

WATCH_SECONDS = 2.0  # how often the app looks for changes made elsewhere


def keymap_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "somekalenteri" / "keymap.json"


class PlannerApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "Somekalenteri"
    BINDINGS = [
        Binding("question_mark", "help", "?", id="help", tooltip="Help"),
        Binding("q", "quit", "q", id="quit", show=False),
    ]

    def __init__(self, session: Session, lang: str = "fi") -> None:
        super().__init__()
        self.session = session
        self.lang = lang
        self.seen = session.store.signature()
        self.ws: Workspace = session.load()
        self.account_filter = AccountFilter()
        self.cursor_day: dt.date = self.now().date()

    # Shared state -------------------------------------------------------------------------

    def tr(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def now(self) -> dt.datetime:
        return self.session.now(self.ws)

    def reload(self) -> None:
        self.seen = self.session.store.signature()  # taken first: a save during the load shows next time
        self.ws = self.session.load()

    def reload_if_changed(self) -> bool:
        """Load the workspace again when a file changed since it was read; True when it had."""
        if self.session.store.signature() == self.seen:
            return False
        try:
            self.reload()
        except PlannerError as error:
            self.fail(error)
            return False
        return True

    async def check_outside_changes(self) -> None:
        """Another terminal or a sync tool changed the workspace: load it again and redraw."""
        if not self.reload_if_changed():
            return
        screen = self.screen
        redraw = getattr(screen, "on_outside_change", None) or getattr(screen, "on_screen_resume", None)
        if redraw is not None:
            outcome = redraw()
            if inspect.isawaitable(outcome):
                await outcome
        self.notify(self.tr("ui.outside_change"), timeout=4)

    def checked(self, start: dt.date, end: dt.date) -> PostResults:
        """Each post's findings in the weeks from start's to end's."""
        return checked_weeks(self.ws, self.session.store.assets, self.now(), start, end)

    def is_admin(self) -> bool:
        person = self.ws.people.get(self.session.user or "")
        return person is not None and person.has("admin")

    def may_change_team(self, action: str) -> bool:
        """Admins only; anyone else is told why before typing anything (the service checks again)."""
        from planner.domain.roles import require_admin

        return self._may(action, require_admin)

    def is_reader(self) -> bool:
        """Only reads: an auditor, or nobody known (the views open, every change is refused)."""
        from planner.domain.roles import WRITING_ROLES

        person = self.ws.people.get(self.session.user or "")
        return person is None or not any(person.has(r) for r in WRITING_ROLES)

    def may_write(self, action: str) -> bool:
        """Admins, producers and experts (the media library, consents); auditors are told why."""
        from planner.domain.roles import require_writer

        return self._may(action, require_writer)

    def _may(self, action: str, check: Callable[[Person, str], None]) -> bool:
        from planner.domain.roles import identify

        try:
            check(identify(self.ws, self.session.user), action)
        except PlannerError as error:
            self.fail(error)
            return False
        return True

    def notify(
        self, message: str, *, title: str = "", severity: SeverityLevel = "information",
        timeout: float | None = None, markup: bool = False,
    ) -> None:  # fmt: skip
        """Messages carry what people typed (ids, titles): shown literally, never read as markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def fail(self, error: PlannerError) -> None:
        self.notify(error.render(self.lang), severity="error", timeout=8)

    # Start-up -----------------------------------------------------------------------------

    def on_mount(self) -> None:
        from planner.ui.screens.week import WeekScreen

        self.title = self.tr("ui.app_title")
        self.seen = self.session.store.signature()
        self.set_interval(WATCH_SECONDS, self.check_outside_changes)
        self._load_keymap()
        self.push_screen(WeekScreen())

    def _load_keymap(self) -> None:
        """User-remapped keys: {"binding-id": "key"} in the keymap file."""
        try:
            keymap = json.loads(keymap_path().read_text("utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(keymap, dict):
            self.set_keymap({str(k): str(v) for k, v in keymap.items()})

    # Actions the palette and every screen share ------------------------------------------------

    async def action_quit(self) -> None:
        """Quit, but never past an editor with unsaved changes without asking."""
        from planner.ui.screens.confirm import Confirm
        from planner.ui.screens.editor import EditorScreen

        editor = self.screen if isinstance(self.screen, EditorScreen) else None
        if editor is None or not editor.is_dirty():
            self.exit()
            return

        def leave(discard: bool | None) -> None:
            if discard:
                self.exit()

        question = Confirm(self.tr("ui.confirm_leave"), self.tr("ui.yes_discard"), self.tr("ui.no_stay"))
        self.push_screen(question, leave)

    def action_help(self) -> None:
        from planner.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from planner.ui.screens.week import WeekScreen

        yield from super().get_system_commands(screen)
        week = next((s for s in self.screen_stack if isinstance(s, WeekScreen)), None)
        if week is None:
            return
        for key, action in (
            ("key.new", week.action_new_post),
            ("key.goto", week.action_go_to_date),
            ("key.filter", week.action_filter_accounts),
            ("key.export", week.action_export_checklist),
            ("key.month", week.action_month),
            ("key.agenda", week.action_agenda),
            ("key.coverage", week.action_coverage),
            ("key.team", week.action_team),
            ("key.today", week.action_today),
        ):
            yield SystemCommand(self.tr(key), self.tr(key), action)


def run_app(root: Path, user: str | None, lang: str) -> int:
    session = Session.open(str(root), user)
    app = PlannerApp(session, lang)
    app.run()
    return app.return_code or 0

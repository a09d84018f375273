"""The Textual app: holds the session and the loaded workspace, watches the files, and opens the
screens by name (the screens never import one another); the screens do the showing."""

from __future__ import annotations

import datetime as dt
import functools
import gc
import inspect
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App, SystemCommand
from textual.notifications import SeverityLevel
from textual.screen import Screen

from planner.domain.errors import DataError, PlannerError
from planner.domain.model import Person
from planner.domain.workspace import Workspace
from planner.i18n import t
from planner.services import Note, Session
from planner.services.checks import PostResults
from planner.services.previews import warm as warm_previews
from planner.services.views import AccountFilter, checked_weeks
from planner.ui import actions
from planner.ui.base import PlannerScreen
from planner.ui.keymap import load_keymap
from planner.ui.screens.accounts import AccountsScreen
from planner.ui.screens.agenda import AgendaScreen
from planner.ui.screens.audit import AuditScreen
from planner.ui.screens.campaigns import CampaignsScreen
from planner.ui.screens.consents import ConsentScreen
from planner.ui.screens.coverage import CoverageScreen
from planner.ui.screens.crisis import CrisisScreen
from planner.ui.screens.editor import EditorScreen
from planner.ui.screens.feedback import FeedbackScreen
from planner.ui.screens.guide import GuideScreen, needs_guide
from planner.ui.screens.incidents import IncidentsScreen
from planner.ui.screens.library import LibraryScreen
from planner.ui.screens.month import MonthScreen
from planner.ui.screens.results import ResultsScreen
from planner.ui.screens.team import TeamScreen
from planner.ui.screens.week import WeekScreen

WATCH_SECONDS = 2.0  # how often the app looks for changes made elsewhere

# The screens by the names they are opened with (`Planner.open_view`).
VIEWS: dict[str, Callable[..., Screen[Any]]] = {
    "week": WeekScreen,
    "editor": EditorScreen,
    "month": MonthScreen,
    "agenda": AgendaScreen,
    "coverage": CoverageScreen,
    "team": TeamScreen,
    "library": LibraryScreen,
    "consents": ConsentScreen,
    "accounts": AccountsScreen,
    "campaigns": CampaignsScreen,
    "guide": GuideScreen,
    "crisis": CrisisScreen,
    "feedback": FeedbackScreen,
    "incidents": IncidentsScreen,
    "results": ResultsScreen,
    "audit": AuditScreen,
}


class PlannerApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "Somekalenteri"
    BINDINGS = actions.bindings("app")

    def __init__(
        self, session: Session, lang: str = "fi", served: bool = False, uploads: Path | None = None
    ) -> None:
        super().__init__()
        self.session = session
        self.lang = lang
        self.served = served  # run by `planner serve` for a browser: see `chosen_file` and the export
        self.uploads = uploads
        self.leaving = False  # quit: what is typed on until the app is gone is not taken
        self.seen = session.store.signature()
        self.ws: Workspace = session.load()
        self.account_filter = AccountFilter()
        self.cursor_day: dt.date = self.now().date()
        self.keymap: dict[str, str] = {}
        self.kept_editor: EditorScreen | None = None  # the editor refilled at each opening (`editor`)

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
        """Another terminal or a sync tool changed the workspace: load it again and redraw. A
        screen still being made (an editor opened this moment) is redrawn once it is mounted: its
        fields are not there yet, and asking them ended the app."""
        if not self.is_running or not self.reload_if_changed():
            return
        screen = self.screen
        redraw = getattr(screen, "on_outside_change", None) or getattr(screen, "on_screen_resume", None)
        if redraw is not None and not screen.is_mounted:
            screen.call_later(redraw)
        elif redraw is not None:
            outcome = redraw()
            if inspect.isawaitable(outcome):
                await outcome
        self.notify(self.tr("ui.outside_change"), timeout=4)

    def checked(self, start: dt.date, end: dt.date) -> PostResults:
        """Each post's findings in the weeks from start's to end's."""
        return checked_weeks(self.ws, self.session.store.assets, self.now(), start, end)

    def person(self) -> Person | None:
        return self.ws.people.get(self.session.user or "")

    def is_admin(self) -> bool:
        person = self.person()
        return person is not None and person.has("admin")

    def is_reader(self) -> bool:
        """Only reads: an auditor, or nobody known (the views open, every change is refused). In a
        workspace with nobody yet, whoever opens it sets it up."""
        if not self.ws.people:
            return False
        person = self.person()
        return person is None or not person.writes

    def may_change_team(self, action: str) -> bool:
        """Admins only; anyone else is told why before typing anything (the service checks again)."""
        from planner.domain.roles import require_admin

        return self._may(action, require_admin)

    def may_write(self, action: str) -> bool:
        """Admins, producers and experts (the media library, consents); auditors are told why."""
        from planner.domain.roles import require_writer

        return self._may(action, require_writer)

    def _may(self, action: str, check: Callable[[Person, str], None]) -> bool:
        from planner.domain.roles import identify

        if not self.ws.people and action == "action.org_write":
            return True  # setting up an empty workspace, as `init --name` does
        try:
            check(identify(self.ws, self.session.user), action)
        except PlannerError as error:
            self.fail(error)
            return False
        return True

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Messages carry what people typed (ids, titles): shown literally, never read as markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def chosen_file(self, typed: str) -> Path:
        """The file a person named in a form (an image, subtitles, a permission, a list). In the
        terminal, any file they can read; served to a browser, only a regular file inside the
        server's uploads folder, reached without following a link: never the server's own files."""
        from planner.storage.paths import file_in_folder

        if not self.served:
            return Path(typed.strip()).expanduser()
        if self.uploads is None:
            raise DataError("err.uploads_off")
        return file_in_folder(self.uploads, typed.strip())

    def fail(self, error: PlannerError) -> None:
        self.notify(error.render(self.lang), severity="error", timeout=8)

    def warn(self, notes: Iterable[Note]) -> None:
        """Warnings beside a change that went through, one notice each (the command line's
        `warn` prints them on standard error)."""
        for note in notes:
            self.notify(note.render(self.lang), severity="warning", timeout=10)

    # Screens --------------------------------------------------------------------------------

    def open_view(self, name: str, *args: Any, **kwargs: Any) -> None:
        """Show the screen `name` (VIEWS) on top of the current one."""
        if name == "editor":
            self.push_screen(self.editor(*args, **kwargs))
            return
        self.push_screen(VIEWS[name](*args, **kwargs))

    KEPT_EDITOR = "editor"  # the name the one editor kept between openings is installed by
    PREBUILD_SECONDS = 1.0  # after start, when the week has been painted and read: the editor made

    def prebuild_editor(self) -> None:
        """Make the kept editor in the background, so that even the first post opens by refilling
        it: mounted and styled (what `push_screen` does first, through the same call), not shown."""
        if self.kept_editor is not None or not self.is_running:
            return
        editor = EditorScreen(None, in_background=True)  # loads nothing: `reopen` loads, when shown
        self.install_screen(editor, self.KEPT_EDITOR)
        self.kept_editor = editor
        self._register(self, editor)  # Textual's own step for a screen about to be pushed (pinned)
        self.call_later(warm_previews)

    def editor(self, post_id: str | None, default_day: dt.date | None = None) -> EditorScreen:
        """An editor for the post: the kept one refilled, when it is not already open (making one
        was most of opening a post); the first is made here and kept. Installed, it stays mounted
        when closed; while it is open (a copy opened from the editor), or still being made in the
        background, the post gets a new one."""
        kept = self.kept_editor
        if kept is not None and kept.is_mounted and kept not in self.screen_stack:
            kept.reopen(post_id, default_day)
            return kept
        editor = EditorScreen(post_id, default_day)
        if kept is None:
            self.install_screen(editor, self.KEPT_EDITOR)
            self.kept_editor = editor
        return editor

    NARROW, SHORT = 72, 24  # below these many columns or lines the screens lay out tighter (app.tcss)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < self.NARROW, "narrow")
        self.set_class(event.size.height < self.SHORT, "short")

    def on_mount(self) -> None:
        # What the app holds as it starts, its workspace's records above all, is kept out of the
        # cyclic collector's full passes, which walk every object held: at city scale one landed
        # in every few openings of a post and doubled it (docs/performance.md). A record is never
        # cyclic garbage: one a change replaces is freed as soon as nothing refers to it.
        gc.freeze()
        self.set_class(self.size.width < self.NARROW, "narrow")
        self.set_class(self.size.height < self.SHORT, "short")
        self.title = self.tr("ui.app_title")
        self.seen = self.session.store.signature()
        self.set_interval(WATCH_SECONDS, self.check_outside_changes)
        self.keymap = load_keymap()
        if self.keymap:
            self.set_keymap(self.keymap)
        self.push_screen(WeekScreen())
        self.set_timer(self.PREBUILD_SECONDS, self.prebuild_editor)
        if needs_guide(self.ws):  # a workspace not set up yet opens on the steps that set it up
            self.push_screen(GuideScreen())

    def on_unmount(self) -> None:
        gc.unfreeze()  # all of it the collector's again: the process may go on (tests run app after app)

    # Actions the palette and every screen share ------------------------------------------------

    async def action_quit(self) -> None:
        """Quit, but never past an editor with unsaved changes without asking."""
        from planner.ui.dialogs.confirm import Confirm

        editor = self.screen if isinstance(self.screen, EditorScreen) else None
        if editor is None or not editor.is_dirty():
            self.leave()
            return

        def leave(discard: bool | None) -> None:
            if discard:
                self.leave()

        question = Confirm(self.tr("ui.confirm_leave"), self.tr("ui.yes_discard"), self.tr("ui.no_stay"))
        self.push_screen(question, leave)

    def leave(self) -> None:
        """Exit, taking no more keys or clicks: one typed on before the app is gone would open a
        screen in an app being taken down."""
        self.leaving = True
        self.exit()

    async def on_event(self, event: events.Event) -> None:
        if self.leaving and isinstance(event, events.InputEvent):
            return
        await super().on_event(event)

    def action_help(self) -> None:
        from planner.ui.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette: Textual's own commands, then every action of the screen shown (from the
        actions table), each with its label and what it does; a reader is not offered changes."""
        yield from super().get_system_commands(screen)
        scope = getattr(screen, "SCOPE", "")
        if not isinstance(screen, PlannerScreen) or not scope:
            return
        reader = self.is_reader()
        for action in actions.of(scope):
            if reader and action.writes:
                continue
            run = functools.partial(screen.call_later, screen.run_action, action.method)
            yield SystemCommand(self.tr(action.label), self.tr(action.about), run)


def run_app(
    root: Path, user: str | None, lang: str, served: bool = False, uploads: Path | None = None
) -> int:
    session = Session.open(str(root), user)
    app = PlannerApp(session, lang, served=served, uploads=uploads)
    app.run()
    return app.return_code or 0

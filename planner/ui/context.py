"""What the screens, dialogs and widgets ask of the app, as a type: they see the app through this,
never by importing it (the app imports them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

from textual.notifications import SeverityLevel

from planner.domain.errors import PlannerError
from planner.domain.workspace import Workspace
from planner.services import Note, Session
from planner.services.checks import PostResults
from planner.services.views import AccountFilter


class Planner(Protocol):
    session: Session
    ws: Workspace
    lang: str
    account_filter: AccountFilter
    cursor_day: dt.date
    keymap: dict[str, str]  # binding id → the user's own keys (ui/keymap.py)
    served: bool  # run by `planner serve` for a browser

    def tr(self, key: str, **params: object) -> str: ...
    def now(self) -> dt.datetime: ...
    def reload(self) -> None: ...
    def reload_if_changed(self) -> bool: ...
    def checked(self, start: dt.date, end: dt.date) -> PostResults: ...
    def is_admin(self) -> bool: ...
    def is_reader(self) -> bool: ...
    def may_write(self, action: str) -> bool: ...
    def may_change_team(self, action: str) -> bool: ...
    def fail(self, error: PlannerError) -> None: ...
    def warn(self, notes: Iterable[Note]) -> None: ...
    def chosen_file(self, typed: str) -> Path: ...
    def deliver_binary(
        self, path_or_file: Any, *, save_filename: str | None = None, mime_type: str | None = None
    ) -> Any: ...
    def open_view(self, name: str, *args: Any, **kwargs: Any) -> None:
        """Show a screen by its name (ui/app.VIEWS): the screens never import one another."""

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None: ...

    def push_screen(self, screen: Any, callback: Callable[[Any], Any] | None = None) -> Any: ...
    def call_from_thread(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...

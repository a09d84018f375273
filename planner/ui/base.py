"""The base of every screen, dialog and bound widget: the app as a typed `planner`, and its bindings
from the actions table (ui/actions.py) shown in the user's language; a reader is not offered what
changes anything (pressed, it is refused with the reason)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar, cast

from textual.await_complete import AwaitComplete
from textual.binding import ActiveBinding
from textual.screen import ModalScreen, Screen

from planner.ui.actions import BY_ID, bindings

if TYPE_CHECKING:
    from planner.ui.context import Planner

R = TypeVar("R")


def localized(bindings: dict[str, ActiveBinding], planner: Planner) -> dict[str, ActiveBinding]:
    """Active bindings with their labels and descriptions in the user's language; for a reader,
    without the actions that change anything."""
    reader = planner.is_reader()
    shown: dict[str, ActiveBinding] = {}
    for key, active in bindings.items():
        action = BY_ID.get(active.binding.id or "")
        if action is None:
            shown[key] = active
            continue
        if reader and action.writes:
            continue
        binding = replace(
            active.binding, description=planner.tr(action.label), tooltip=planner.tr(action.about)
        )
        shown[key] = active._replace(binding=binding, tooltip=binding.tooltip)
    return shown


class DismissedOnce(Screen[R], Generic[R]):
    """A screen that goes only while it is the one shown (Textual pops whatever is on top). Keys
    typed in a burst (a fast typist, a browser over a slow link) can dismiss a list twice, Esc and
    then Enter: the second would answer after Esc and pop the screen below it."""

    def dismiss(self, result: R | None = None) -> AwaitComplete:
        if self.app.screen is not self:
            return AwaitComplete()  # awaits nothing: it is gone already, or not yet on top
        return super().dismiss(result)


class PlannerScreen(DismissedOnce[R], Generic[R]):
    """A full screen of the app. `SCOPE` names its actions in the table."""

    SCOPE: ClassVar[str] = ""

    @property
    def planner(self) -> Planner:
        return cast("Planner", self.app)

    def on_mount(self) -> None:
        """Every screen shows the crisis banner while a hold is on (hidden otherwise)."""
        from planner.ui.widgets.crisis_banner import CrisisBanner

        if self.children:
            self.mount(CrisisBanner(), before=0)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return localized(super().active_bindings, self.planner)


class PlannerDialog(ModalScreen[R], DismissedOnce[R], Generic[R]):
    """A modal dialog: it returns what was chosen or typed through `dismiss` (None: cancelled). Its
    keys show on the bottom line, the same in every dialog (Ctrl+S saves a form, Esc cancels)."""

    SCOPE: ClassVar[str] = "dialog"
    BINDINGS = bindings("dialog")

    def on_mount(self) -> None:
        from planner.ui.widgets.key_bar import KeyBar

        self.mount(KeyBar())

    def action_cancel(self) -> None:
        self.dismiss(None)

    @property
    def planner(self) -> Planner:
        return cast("Planner", self.app)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        return localized(super().active_bindings, self.planner)

"""What every form dialog shares: fields with their labels beside them, Save (Enter or ctrl+s) and
Cancel (Esc), and a refusal shown inside the dialog, which stays open with what was typed."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input

from planner.domain.errors import PlannerError
from planner.ui.actions import bindings
from planner.ui.base import PlannerDialog
from planner.ui.widgets.plain import Label


def field_row(label: str, widget: Widget) -> ComposeResult:
    """A dialog field: its label beside it, one line."""
    with Horizontal(classes="field-row"):
        yield Label(label, classes="field-label")
        yield widget


def labelled(error: PlannerError, labels: Mapping[str, str], tr: Callable[..., str], lang: str) -> str:
    """`error` in `lang`, the field it names (as the service knows it: the command line's `--at`,
    a record's `publish_at`) said by the label (a catalogue key of `labels`) of the row it was
    typed in."""
    label = labels.get(str(error.params.get("field", "")))
    if label is not None:
        error = copy.copy(error)
        error.params = {**error.params, "field": tr(label)}
    return error.render(lang)


def typed_address(text: str) -> str:
    """A web address as people copy it from a poster or an address bar, `www.` and no scheme:
    the app completes it with https:// (the command line, a contract for scripts, does not)."""
    return "https://" + text if text.casefold().startswith("www.") else text


def input_text(screen: ModalScreen[Any], widget_id: str) -> str:
    """What is typed in an input of `screen`, without surrounding spaces."""
    value: str = screen.query_one(f"#{widget_id}", Input).value
    return value.strip()


class Form(PlannerDialog[object]):
    """A dialog with fields, Save (Enter or ctrl+s) and Cancel (Esc). `submit` does the change; if
    it refuses, its message shows in the dialog, which stays open with what was typed."""

    def __init__(self, submit: Callable[[Any], object]) -> None:
        super().__init__()
        self.submit = submit

    BINDINGS = bindings("form")
    # The service's names of the fields a refusal may name, with the labels of this form's rows
    # (`labelled`).
    FIELD_LABELS: ClassVar[dict[str, str]] = {}

    def buttons(self, confirm: str = "key.dialog-save", back: str = "ui.cancel") -> ComposeResult:
        """The refusal line, then the two buttons: what saving does is named on its button when it
        is more than saving (cancelling a post is not "Save", and leaving it is not "Cancel")."""
        yield Label("", id="form-error", classes="error")
        with Horizontal(classes="buttons"):
            yield Button(self.planner.tr(back), id="cancel", compact=True)
            yield Button(self.planner.tr(confirm), id="save", variant="primary", compact=True)

    def row(self, label: str, widget: Widget) -> ComposeResult:
        return field_row(label, widget)

    def example(self, text: str) -> str:
        """A placeholder that says it is an example, so that it is never taken for a value."""
        return self.planner.tr("ui.example", text=text)

    def value(self, widget_id: str) -> str:
        return input_text(self, widget_id)

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        try:
            outcome = self.submit(self.result())
        except PlannerError as error:
            self.query_one("#form-error", Label).update(self.refusal(error))
            return
        self.dismiss(outcome)

    def refusal(self, error: PlannerError) -> str:
        return labelled(error, self.FIELD_LABELS, self.planner.tr, self.planner.lang)

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.dismiss(None)

    def result(self) -> object:
        raise NotImplementedError

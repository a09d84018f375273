"""One value out of a list, on one line of a form: Enter, space or a click opens the list to pick
from (ui/dialogs/pick.py), and a letter moves to the next option that begins with it (what was
typed after a Tab into the field vanished).

Textual's `Select` is six widgets (its current value, arrows and an overlay holding every option,
mounted whether it opens or not); the editor had four of them, half its widgets. This is one, and
the list exists only while it is open."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message

from planner.ui.dialogs.pick import Pick
from planner.ui.widgets.plain import Static

Options = list[tuple[str, str]]  # (label, value), as Select takes them


class Choice(Static, can_focus=True):
    DEFAULT_CSS = """
    Choice {
        width: 1fr;
        height: 1;
        background: $surface;
        &:focus {
            background: $block-cursor-blurred-background;
            text-style: bold;
        }
        &:disabled {
            color: $text-disabled;
        }
    }
    """
    BINDINGS = [Binding("enter,space,down", "pick", show=False)]

    class Changed(Message):
        """The value was changed (picked, or set by the form)."""

        def __init__(self, choice: Choice) -> None:
            super().__init__()
            self.choice = choice

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(
        self,
        options: Options,
        value: str | None,
        *,
        title: str,
        prompt: str = "",
        allow_blank: bool = True,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.options, self.title, self.prompt, self.allow_blank = options, title, prompt, allow_blank
        self._value = value if value is not None or allow_blank else (options[0][1] if options else None)

    @property
    def value(self) -> str | None:
        return self._value

    @value.setter
    def value(self, value: str | None) -> None:
        if value == self._value:
            return
        self._value = value
        self.refresh()
        self.post_message(self.Changed(self))

    def render(self) -> Text:
        labels = dict((v, label) for label, v in self.options)
        shown = labels.get(self._value, self._value) if self._value is not None else self.prompt
        width = max(1, self.size.width - 3)
        style = "" if self._value else "dim"  # the prompt, as Select dims it
        line = Text(shown or "", no_wrap=True, overflow="ellipsis", end="", style=style)
        line.truncate(width, overflow="ellipsis", pad=True)
        line.append(" ▼ ", style="dim")  # as Select draws its arrow
        return line

    def action_pick(self) -> None:
        choices = [("", self.prompt)] if self.allow_blank else []
        choices += [(v, label) for label, v in self.options]
        current = self._value or ""
        self.app.push_screen(Pick(self.title, choices, wide=True, current=current), self._picked)

    def on_key(self, event: events.Key) -> None:
        letter = event.character
        if self.disabled or not letter or not letter.isalnum():  # keys like ? and ! stay the app's
            return
        event.stop()
        values = [v for _, v in self.options]
        start = values.index(self._value) + 1 if self._value in values else 0
        for offset in range(len(values)):
            label, value = self.options[(start + offset) % len(values)]
            if label.casefold().startswith(letter.casefold()):
                self.value = value
                return
        self.app.bell()  # no option begins with it: said, and the value stays

    def on_click(self) -> None:
        if not self.disabled:
            self.action_pick()

    def _picked(self, value: str | None) -> None:
        if value is None:  # Esc: as it was
            return
        self.value = value or None
        self.focus()

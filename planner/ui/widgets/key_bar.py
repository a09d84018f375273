"""The keys of the screen shown, on its bottom line: one widget drawing one line of text.

Textual's `Footer` is a widget per key, and it composes them all again whenever the screen's
bindings change, which is every time the focus moves; on opening a post that was two
compositions of seventeen widgets and their styles. This bar only draws its line again, and only
when the keys it shows have changed. A click on a key presses it, as on the footer."""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

DIM = Style(dim=True)  # a key the screen has bound but does not allow now


@dataclass(frozen=True)
class Key:
    key: str  # the key pressed when this one is clicked
    shown: str  # as the key is written (^s, Esc)
    description: str
    enabled: bool


class KeyBar(Widget):
    """What `Footer` shows, in its colours: ` key description ` for each key with `show` set."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.keys: tuple[Key, ...] = ()

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if screen is not self.screen:
            return
        shown: dict[str, Key] = {}  # one key per action, the first bound, as the footer shows them
        for _, binding, enabled, _ in screen.active_bindings.values():
            if binding.show and binding.action not in shown:
                display = self.app.get_key_display(binding)
                shown[binding.action] = Key(binding.key, display, binding.description, enabled)
        keys = tuple(shown.values())
        if keys != self.keys:
            self.keys = keys
            self.refresh()

    def shown(self) -> tuple[Key, ...]:
        """The keys drawn: all that fit the bar's width, the last (the help) always among them, as
        in a narrow terminal the keys before it that do not fit are left out."""
        # The last key's trailing space may fall off the edge: one column more than the width.
        room = (self.size.width or sum(map(_width, self.keys))) + 1
        if sum(map(_width, self.keys)) <= room or not self.keys:
            return self.keys
        *others, last = self.keys
        room -= _width(last)
        kept = []
        for key in others:
            if _width(key) > room:
                break
            kept.append(key)
            room -= _width(key)
        return (*kept, last)

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        line = Text(no_wrap=True, overflow="crop", end="")
        for key in self.shown():
            dim = Style() if key.enabled else DIM
            line.append(f" {key.shown} ", key_style + dim)
            line.append(f"{key.description} ", description_style + dim)
        return line

    def key_at(self, x: int) -> Key | None:
        """The key drawn at column `x`."""
        end = 0
        for key in self.shown():
            end += _width(key)
            if x < end:
                return key
        return None

    def on_click(self, event: events.Click) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()


def _width(key: Key) -> int:
    """The columns a key takes on the bar: ` key description `."""
    return cell_len(key.shown) + cell_len(key.description) + 3

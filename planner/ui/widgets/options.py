"""An OptionList refilled in place: the highlighted entry stays highlighted while it is still listed."""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from planner.ui.widgets.plain import OptionList


def highlighted_id(options: OptionList) -> str | None:
    if options.highlighted is None or not options.option_count:
        return None
    return options.get_option_at_index(options.highlighted).id


def refill(options: OptionList, entries: list[tuple[str, Text]], keep: str | None) -> None:
    """Replace the entries ((id, text) pairs); highlight `keep` when listed, else the first."""
    options.clear_options()
    options.add_options([Option(text, id=key) for key, text in entries])
    ids = [key for key, _ in entries]
    if ids:
        options.highlighted = ids.index(keep) if keep in ids else 0

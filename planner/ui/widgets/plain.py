"""The widgets that show text, showing it as written. Textual reads a string given to a widget as
markup, and what the app shows is mostly what people typed: names, titles, feedback, a refused
value quoted back. `[/x]` in a feedback's text stopped the app as the queue drew it, and so did a
date typed as `[b]`. The app has no markup of its own, so here none is read: the app's views and
dialogs take these in place of Textual's own (a test keeps it so)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import widgets


class Static(widgets.Static):
    def __init__(self, content: Any = "", *, markup: bool = False, **options: Any) -> None:
        super().__init__(content, markup=markup, **options)


class Label(widgets.Label):
    def __init__(self, content: Any = "", *, markup: bool = False, **options: Any) -> None:
        super().__init__(content, markup=markup, **options)


class OptionList(widgets.OptionList):
    def __init__(self, *content: Any, markup: bool = False, **options: Any) -> None:
        super().__init__(*content, markup=markup, **options)


class DataTable(widgets.DataTable[Any]):
    """A table whose text cells are shown as written (Textual reads a cell's string as markup)."""

    def add_row(self, *cells: Any, **options: Any) -> Any:
        return super().add_row(*(as_written(cell) for cell in cells), **options)

    def update_cell(self, row_key: Any, column_key: Any, value: Any, **options: Any) -> None:
        super().update_cell(row_key, column_key, as_written(value), **options)


class Select(widgets.Select[Any]):
    """A choice whose options' names are shown as written (a person's or an account's name)."""

    def __init__(self, options: Any, **settings: Any) -> None:
        super().__init__([(as_written(name), value) for name, value in options], **settings)

    def set_options(self, options: Any) -> None:
        super().set_options([(as_written(name), value) for name, value in options])


def as_written(text: Any) -> Any:
    """A string as text shown as written; anything else (already text, a renderable) as it is."""
    return Text(text, end="") if isinstance(text, str) else text

"""What the command line prints: messages from the catalogue, warnings, JSON, one line per post,
and exports written to standard output or a file. Every text line is made safe for a terminal."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

from planner.i18n import t
from planner.i18n.shown import shown_stream

if TYPE_CHECKING:
    from planner.domain.model import Post
    from planner.services import Note


class ShownStream:
    """A text stream whose every write is made safe for a terminal (`i18n.shown_stream`): names,
    texts and arguments never reach it with raw escapes, bidirectional controls or surrogates.
    Bytes written to `.buffer` (an export to standard output) pass as they are."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        return self.inner.write(shown_stream(text))

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)


def shown_streams() -> None:
    """Standard output and error made safe (and able to show any letter, whatever the locale)."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if isinstance(stream, ShownStream):
            continue
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")
        setattr(sys, name, ShownStream(stream))


@contextlib.contextmanager
def raw_streams() -> Iterator[None]:
    """The real streams for a while: the app draws on the terminal itself."""
    saved = sys.stdout, sys.stderr
    sys.stdout = getattr(sys.stdout, "inner", sys.stdout)
    sys.stderr = getattr(sys.stderr, "inner", sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def print_json(data: object) -> None:
    """Indented for a person at a terminal; compact (and much quicker to write) into a pipe."""
    indent = 2 if sys.stdout.isatty() else None
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=indent) + "\n")


class Revised(Protocol):
    @property
    def revision(self) -> int: ...


def unchanged(before: Revised | None, after: Revised) -> bool:
    """True when an edit changed nothing (`before` is the record as it was read): every change
    is a new revision, so the message says "nothing to change", not "saved"."""
    return before is not None and before.revision == after.revision


def say(key: str, lang: str, **params: object) -> None:
    print(t(key, lang, **params))


def tell(key: str, lang: str, **params: object) -> None:
    """A message about what was done, on standard error (standard output carries the result)."""
    print(t(key, lang, **params), file=sys.stderr)


def warn(notes: Iterable[Note], lang: str) -> None:
    """Warnings beside a change that went through, one per line on stderr."""
    for note in notes:
        print(t("cli.warning", lang, text=note.render(lang)), file=sys.stderr)


def refusal(message: str) -> None:
    print(f"planner: {message}", file=sys.stderr)


def aligned(rows: list[list[str]]) -> list[str]:
    """Rows of cells as lines, every column but the last as wide as its widest cell: a long value
    (a Finnish label, an id) moves its column along instead of pushing one row out of line."""
    if not rows:
        return []
    widths = [max(len(row[index]) for row in rows) for index in range(len(rows[0]) - 1)]
    return [
        " ".join([*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[-1]]).rstrip()
        for row in rows
    ]


def post_line(post: Post, lang: str) -> str:
    """One post in a listing: id, time, account, status and its first words."""
    from planner.i18n.dates import moment

    when = moment(post.publish_at, lang) if post.publish_at else t("cli.unscheduled", lang)
    status = t("status." + post.status, lang)
    return f"{post.id:<13} {when:<20} {post.account:<32} {status:<11} {post.label()}"


def write_output(output: str | None, data: bytes) -> None:
    """An export's bytes: to standard output (no file, or `-`), or to the file asked for
    (atomically). A workbook is never written to a terminal: its bytes are no text, and some of
    them are the terminal's own control codes."""
    if output is None or output == "-":
        if b"\x00" in data and sys.stdout.isatty():  # no text export holds a NUL; a ZIP always does
            from planner.domain.errors import DataError

            raise DataError("cli.binary_to_terminal")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    from planner.services.exports import write_export

    write_export(Path(output), data)


def report_import(imported: object, key: str, lang: str) -> None:
    """A spreadsheet import's outcome: the count on standard error (with the columns that were
    skipped), and the id of each record added or changed on standard output, one per line."""
    from planner.services.sheet_import import Imported

    assert isinstance(imported, Imported)
    if imported.skipped:
        tell("cli.sheet_skipped", lang, count=len(imported.skipped), columns=", ".join(imported.skipped))
    tell(key, lang, count=len(imported.added), updated=len(imported.updated), known=imported.known)
    for record in imported.added + imported.updated:
        print(record)

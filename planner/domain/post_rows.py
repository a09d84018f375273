"""A content plan kept in a spreadsheet, row by row: each row a draft to add. Accounts, campaigns
and people are named as a team writes them (an id, an account's name or address, a campaign's
name, a person's e-mail), dates and times the Finnish way or ISO."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.domain.dates import parse_clock, parse_day, parse_moment
from planner.domain.errors import DataError, unknown_ref
from planner.domain.fields import fold
from planner.domain.roles import require_duty_holder
from planner.domain.sheet import (
    Columns,
    RowErrors,
    Rows,
    choice_of,
    each_row,
    find_person,
    formula_unmarked,
    split_list,
    words,
)
from planner.domain.workspace import Workspace

HEADERS = {
    "account": words("account", "tili", "kanava", "account_id"),
    "date": words("date", "päivä", "päivämäärä", "pvm", "day"),
    "time": words("time", "aika", "kellonaika", "klo"),
    "text": words("text", "teksti", "sisältö", "julkaisu", "content"),
    "title": words("title", "otsikko", "aihe"),
    "kind": words("kind", "laji", "tyyppi", "type"),
    "owner": words("owner", "vastuuhenkilö", "vastuu", "tekijä"),
    "media": words("media", "kuvat", "kuva", "assets", "liitteet"),
    "campaign": words("campaign", "kampanja"),
    "lang": words("lang", "language", "kieli"),
    "id": words("id", "tunnus", "post_id"),
    "revision": words("revision", "versio"),
}
NEEDED = ("account", "text")
KIND_WORDS = {
    "news": {"news", "uutinen", "uutiset"},
    "event": {"event", "tapahtuma", "tapahtumat"},
    "announcement": {"announcement", "tiedote", "ilmoitus", "kuulutus"},
    "crisis": {"crisis", "kriisi", "kriisiviestintä", "häiriö", "häiriötiedote"},
    "marketing": {"marketing", "markkinointi", "mainos"},
    "recruitment": {"recruitment", "rekrytointi", "rekry", "työpaikka"},
    "other": {"other", "muu", ""},
}
DEFAULT_CLOCK = dt.time(9, 0)  # a row with a day and no time is planned at 9.00


@dataclass(frozen=True)
class PostRow:
    line: int
    account: str
    at: dt.datetime | None
    text: str
    title: str
    kind: str
    owner: str | None
    media: tuple[str, ...]
    campaign: str | None
    lang: str | None
    id: str | None = None  # a post of the calendar this row changes (a plan exported and edited)
    revision: int | None = None  # the post's revision when it was exported


def _one(found: list[str], field: str, value: str, kind: str) -> str:
    if not found:
        raise unknown_ref(field, kind, value)
    if len(found) > 1:
        raise DataError("err.sheet_ambiguous", field=field, value=value, matches=", ".join(sorted(found)))
    return found[0]


def find_account(ws: Workspace, value: str) -> str:
    """An account by id, by its name or by its address (case does not matter)."""
    if value in ws.accounts:
        return value
    key = fold(value).rstrip("/")
    named = [a.id for a in ws.accounts.values() if key in (fold(a.name), fold(a.url).rstrip("/")) and key]
    return _one(named, "account", value, "account")


def find_campaign(ws: Workspace, value: str) -> str:
    if value in ws.campaigns:
        return value
    named = [c.id for c in ws.campaigns.values() if fold(c.name) == fold(value)]
    return _one(named, "campaign", value, "campaign")


def _kind(value: str) -> str:
    return choice_of(value, KIND_WORDS, "kind", "sheet.choices.post_kind")


def _moment(day: str, clock: str, today: dt.date) -> dt.datetime | None:
    if not day:
        if clock:
            raise DataError("err.missing_field", field="date")
        return None
    if not clock and any(sep in day.strip() for sep in (" ", "T")):  # a day and time in one cell
        return parse_moment(day, "date", today)
    return dt.datetime.combine(
        parse_day(day, "date", today), parse_clock(clock, "time") if clock else DEFAULT_CLOCK
    )


def _row(ws: Workspace, cols: Columns, line: int, cells: list[str], today: dt.date) -> PostRow:
    def cell(name: str) -> str:
        return cols.cell(cells, name)

    if not cell("account"):
        raise DataError("err.missing_field", field="account")
    account = find_account(ws, cell("account"))
    at = _moment(cell("date"), cell("time"), today)
    if not cell("text"):
        raise DataError("err.empty_text")
    owner = None
    if cell("owner"):
        owner = find_person(ws, cell("owner"), "owner").id
        require_duty_holder(ws, owner, "owner", at.date() if at else today)
    media = split_list(cell("media"))
    for asset in media:
        if asset not in ws.assets:
            raise DataError("err.unknown_asset", value=asset)
    campaign = find_campaign(ws, cell("campaign")) if cell("campaign") else None
    lang = fold(cell("lang")) or None
    if lang is not None and lang not in ws.organization.languages:
        raise DataError(
            "err.bad_choice", field="lang", value=cell("lang"), choices=", ".join(ws.organization.languages)
        )
    post_id, revision = cell("id") or None, None
    if post_id is not None:
        if post_id not in ws.posts:
            raise DataError("err.unknown_post", value=post_id)
        if cell("revision"):
            if not (cell("revision").isascii() and cell("revision").isdigit()) or len(cell("revision")) > 9:
                raise DataError("err.bad_number", field="revision", value=cell("revision"), minimum=1)
            revision = int(cell("revision"))
    text, title = formula_unmarked(cell("text")), formula_unmarked(cell("title"))
    return PostRow(
        line, account, at, text, title, _kind(cell("kind")), owner, media, campaign, lang, post_id, revision
    )


def parse_rows(rows: Rows, ws: Workspace, file: str, today: dt.date) -> tuple[list[PostRow], tuple[str, ...]]:
    """Every data row as a PostRow, and the header's skipped columns; RowErrors naming each bad
    row when any is bad."""

    def read(cols: Columns, line: int, cells: list[str]) -> PostRow:
        return _row(ws, cols, line, cells, today)

    found, skipped, errors = each_row(rows, HEADERS, NEEDED, file, read)
    if errors:
        raise RowErrors(file, errors)
    return found, skipped

"""Feedback a team has kept in a spreadsheet, row by row: the account, when it arrived, the text,
who sent it, a link and its kind, under Finnish or English headers (SPEC *After publishing*)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.domain.dates import parse_moment
from planner.domain.errors import DataError
from planner.domain.post_rows import find_account
from planner.domain.sheet import Columns, RowErrors, Rows, choice_of, each_row, words
from planner.domain.workspace import Workspace

HEADERS = {
    "account": words("account", "tili", "kanava", "account_id"),
    "received": words("received", "saapunut", "saapui", "aika", "received_at", "vastaanotettu"),
    "text": words("text", "teksti", "palaute", "viesti", "sisältö"),
    "from": words("from", "lähettäjä", "lahettaja", "sender", "kirjoittaja"),
    "link": words("link", "linkki", "url", "osoite"),
    "kind": words("kind", "laji", "tyyppi", "type"),
}
NEEDED = ("account", "received", "text")
KIND_WORDS = {
    "comment": {"comment", "kommentti", ""},
    "message": {"message", "viesti", "yksityisviesti", "dm"},
    "mention": {"mention", "maininta"},
    "review": {"review", "arvio", "arvostelu"},
    "email": {"email", "e-mail", "sähköposti", "sahkoposti"},
    "other": {"other", "muu"},
}


@dataclass(frozen=True)
class FeedbackRow:
    line: int
    account: str
    received: dt.datetime
    text: str
    sender: str
    link: str
    kind: str


def _kind(value: str) -> str:
    return choice_of(value, KIND_WORDS, "kind", "sheet.choices.feedback_kind")


def parse_rows(
    rows: Rows, ws: Workspace, file: str, today: dt.date
) -> tuple[list[FeedbackRow], tuple[str, ...]]:
    """Every data row as a FeedbackRow, and the header's skipped columns; RowErrors naming each
    bad row when any is bad."""

    def read(cols: Columns, line: int, cells: list[str]) -> FeedbackRow:
        if not cols.cell(cells, "account"):
            raise DataError("err.missing_field", field="account")
        account = find_account(ws, cols.cell(cells, "account"))
        if not cols.cell(cells, "received"):
            raise DataError("err.missing_field", field="received")
        received = parse_moment(cols.cell(cells, "received"), "received", today)
        text = cols.cell(cells, "text")
        if not text:
            raise DataError("err.empty_text")
        kind = _kind(cols.cell(cells, "kind"))
        sender, link = cols.cell(cells, "from"), cols.cell(cells, "link")
        return FeedbackRow(line, account, received, text, sender, link, kind)

    found, skipped, errors = each_row(rows, HEADERS, NEEDED, file, read)
    if errors:
        raise RowErrors(file, errors)
    return found, skipped

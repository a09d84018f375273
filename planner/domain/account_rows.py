"""The account register a team keeps in a spreadsheet, row by row: each row an AccountChange for
the account it names (by its id column, else the slug of platform and name). A cell left empty
leaves that field as it is, so a register re-imported changes only what changed."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from planner.domain.account_change import AccountChange, changed, slug_id
from planner.domain.dates import parse_day
from planner.domain.errors import DataError
from planner.domain.fields import fold
from planner.domain.model import PLATFORMS, Account
from planner.domain.sheet import Columns, RowErrors, Rows, choice_of, each_row, find_person, split_list, words
from planner.domain.values import cadence
from planner.domain.workspace import Workspace

HEADERS = {
    "id": words("id", "tunniste", "tunnus", "account_id", "tilin tunniste"),
    "platform": words("platform", "alusta", "palvelu", "kanava"),
    "name": words("name", "nimi", "tilin nimi", "account", "tili"),
    "url": words("url", "osoite", "address", "link", "linkki", "verkko-osoite"),
    "unit": words("unit", "yksikkö", "toimiala", "vastuuyksikkö"),
    "login_email": words("login_email", "login e-mail", "kirjautumisosoite", "kirjautumissähköposti"),
    "admins": words("admins", "admin", "pääkäyttäjät", "pääkäyttäjä"),
    "owners": words("owners", "owner", "vastuuhenkilöt", "vastuuhenkilö", "vastuulliset päivittäjät"),
    "producers": words("producers", "producer", "sisällöntuottajat", "sisällöntuottaja", "päivittäjät"),
    "deputies": words("deputies", "deputy", "sijaiset", "sijainen"),
    "cadence": words("cadence", "cadence_per_week", "tahti", "julkaisutahti"),
    "hashtags": words("hashtags", "required_hashtags", "aihetunnisteet", "tunnisteet"),
    "status": words("status", "tila"),
    "starts": words("starts", "alkaa", "voimassa alkaen"),
    "ends": words("ends", "päättyy", "voimassa asti"),
    "two_factor": words("two_factor", "2fa", "kaksivaiheinen", "kaksivaiheinen tunnistautuminen"),
    "password_changed": words("password_changed", "salasana vaihdettu", "salasanan vaihto"),
    "listed": words("listed", "listed_on_website", "verkkosivuilla", "listattu"),
    "links_back": words("links_back", "links_to_website", "linkki verkkosivuille", "linkittää"),
    "purpose": words("purpose", "tarkoitus"),
    "decided_by": words("decided_by", "päättäjä", "perustamisesta päätti"),
    "decided_on": words("decided_on", "päätetty", "päätöspäivä"),
    "told_on": words("told_on", "ilmoitettu viestintään", "ilmoitettu"),
}
NEEDED = ("platform", "name")
STATUS_WORDS = {
    "active": {"active", "aktiivinen", "käytössä", "auki"},
    "paused": {"paused", "tauolla", "keskeytetty", "pause"},
    "closed": {"closed", "suljettu", "lopetettu", "poistettu"},
}
PLATFORM_WORDS = {
    "twitter": "x",
    "fb": "facebook",
    "ig": "instagram",
    "some": "other",
    "blogi": "blog",
    "muu": "other",
}
YES = {"yes", "y", "kyllä", "k", "x", "true", "1", "on"}
NO = {"no", "n", "ei", "e", "false", "0", "off", "-"}
MEMBERS = ("admins", "owners", "producers", "deputies")


@dataclass(frozen=True)
class AccountRow:
    line: int
    account_id: str
    change: AccountChange


def flag(value: str, field: str) -> bool:
    word = fold(value)
    if word in YES:
        return True
    if word in NO:
        return False
    raise DataError("err.bad_choice", field=field, value=value, choices="kyllä|ei, yes|no")


def _platform(value: str) -> str:
    """A platform as a register writes it: `Facebook`, `IG`, `You Tube`, and also `X (Twitter)` or
    `Facebook-sivu`, where the one platform the cell names is taken; a cell naming two is refused."""
    word = fold(value).replace(" ", "")
    word = PLATFORM_WORDS.get(word, word)
    if word in PLATFORMS:
        return word
    parts: list[str] = re.findall(r"[^\W\d_]+", fold(value))  # the words of `X (Twitter)`: x, twitter
    named = {PLATFORM_WORDS.get(part, part) for part in parts} & set(PLATFORMS)
    if len(named - {"other"}) == 1 or named == {"other"}:
        return min(named - {"other"} or named)
    raise DataError("err.bad_choice", field="platform", value=value, choices=", ".join(PLATFORMS))


def _status(value: str) -> str:
    return choice_of(value, STATUS_WORDS, "status", "sheet.choices.account_status")


def _row(ws: Workspace, cols: Columns, cells: list[str], today: dt.date) -> AccountRow:
    def cell(name: str) -> str:
        return cols.cell(cells, name)

    values: dict[str, object] = {}
    platform = _platform(cell("platform")) if cell("platform") else None
    account_id = cell("id")
    if not account_id:
        if platform is None or not cell("name"):
            raise DataError("err.missing_field", field="platform" if platform is None else "name")
        account_id = slug_id(platform, cell("name"))
    values["platform"] = platform
    for name in ("name", "url", "unit", "login_email", "purpose", "decided_by"):
        values[name] = cell(name) or None
    for kind in MEMBERS:
        if cell(kind):
            values[kind] = tuple(find_person(ws, person, kind).id for person in split_list(cell(kind)))
    if cell("cadence"):
        values["cadence"] = cadence(cell("cadence"))
    if cell("hashtags"):
        values["hashtags"] = tuple(tag for part in split_list(cell("hashtags")) for tag in part.split())
    if cell("status"):
        values["status"] = _status(cell("status"))
    for name in ("starts", "ends", "password_changed", "decided_on", "told_on"):
        if cell(name):
            values[name] = parse_day(cell(name), name, today)
    for name in ("two_factor", "listed", "links_back"):
        if cell(name):
            values[name] = flag(cell(name), name)
    change = AccountChange(**values)  # type: ignore[arg-type]
    before = ws.accounts.get(account_id)
    if before is None and (change.platform is None or not change.name):
        raise DataError("err.missing_field", field="platform" if change.platform is None else "name")
    draft = before or Account.from_dict({"id": account_id, "platform": change.platform})
    changed(ws, draft, change, today)  # every field checked, duties too, before anything is written
    return AccountRow(0, account_id, change)


def parse_rows(
    rows: Rows, ws: Workspace, file: str, today: dt.date
) -> tuple[list[AccountRow], tuple[str, ...]]:
    """Every data row as an AccountRow, and the header's columns that were skipped; RowErrors
    naming each bad row when any is bad (nothing is half-read)."""
    first_line: dict[str, int] = {}

    def read(cols: Columns, line: int, cells: list[str]) -> AccountRow:
        row = _row(ws, cols, cells, today)
        if row.account_id in first_line:
            raise DataError("err.sheet_twice", value=row.account_id, line=first_line[row.account_id])
        first_line[row.account_id] = line
        return AccountRow(line, row.account_id, row.change)

    found, skipped, errors = each_row(rows, HEADERS, NEEDED, file, read)
    if errors:
        raise RowErrors(file, errors)
    return found, skipped

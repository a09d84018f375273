"""What a team keeps today, imported from its own spreadsheets: its people, the account register
and a content plan. One bad row refuses the whole file with every bad row named; a re-import of the
same rows adds nothing twice (a person is the same by id or e-mail, an account by its id, a post by
account, time and text)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from planner.domain import account_rows, person_rows, post_rows
from planner.domain.account_change import changed
from planner.domain.errors import DataError, PlannerError, Refused
from planner.domain.fields import fold, nfc
from planner.domain.model import Account, Person, Post
from planner.domain.roles import require_admin, require_post_writer
from planner.domain.sheet import RowErrors
from planner.domain.workspace import Workspace
from planner.services import Session
from planner.services.ids import new_id
from planner.services.posts import NewPost, revised
from planner.services.team import checked_person, new_person
from planner.storage.folder import RESERVED_NAMES, account_file_name
from planner.storage.sheets import read_rows


@dataclass(frozen=True)
class Imported:
    added: tuple[str, ...]  # ids of the records added
    updated: tuple[str, ...]  # ids of the records a row changed
    known: int  # rows already there as they are
    skipped: tuple[str, ...]  # header columns that name nothing the import reads


def _new_account(ws_accounts: dict[str, Account], account_id: str) -> Account:
    draft = Account.from_dict({"id": account_id, "platform": "other"})
    file = account_file_name(draft.id)
    if file.removesuffix(".json") in RESERVED_NAMES:
        raise DataError("err.reserved_id", value=account_id)
    for other in ws_accounts.values():
        if account_file_name(other.id) == file:
            raise DataError("err.slug_clash", value=draft.id, other=other.id, file=file)
    return draft


def import_accounts(session: Session, path: Path) -> Imported:
    """The account register (admins): new accounts added, changed rows applied, the rest counted."""
    rows = read_rows(path)
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        require_admin(session.actor(ws), "action.account_write")
        today = session.now(ws).date()
        parsed, skipped = account_rows.parse_rows(rows, ws, path.name, today)
        added: list[str] = []
        updated: list[str] = []
        known = 0
        errors: list[tuple[int, PlannerError]] = []
        for row in parsed:
            try:
                before = unit.maps["accounts"].get(row.account_id)
                if before is None:
                    if not row.change.platform or not row.change.name:
                        raise DataError(
                            "err.missing_field", field="platform" if not row.change.platform else "name"
                        )
                    draft = _new_account(dict(unit.maps["accounts"]), row.account_id)
                    unit.put("accounts", changed(ws, draft, row.change, today), action="import")
                    added.append(row.account_id)
                    continue
                after = changed(ws, before, row.change, today)
                if after == before:
                    known += 1
                    continue
                unit.put("accounts", after, action="import")
                updated.append(row.account_id)
            except PlannerError as error:
                errors.append((row.line, error))
        if errors:
            raise RowErrors(path.name, errors)
    return Imported(tuple(added), tuple(updated), known, skipped)


def import_people(session: Session, path: Path) -> Imported:
    """The team's list of people (admins; into a workspace nobody is in yet, a list with an admin in
    it needs no identity, as the first `person add`): new people added, changed rows applied as
    `person edit` applies them, the rest counted. A person's retirement is not the list's to change."""
    rows = read_rows(path)
    with session.store.transaction(session.user or "import", session.stamp) as unit:
        ws = unit.base
        actor: Person | None = None
        if ws.people or session.store.has_had_people():
            actor = session.actor(ws)
            require_admin(actor, "action.team_write")  # before a word of the file is answered
        parsed, skipped, errors = person_rows.parse_rows(rows, ws, path.name)
        if actor is None and not any(row.roles and "admin" in row.roles for row in parsed):
            raise Refused("refused.first_admin_list")
        added: list[str] = []
        updated: list[str] = []
        known = 0
        emails = person_rows.emails_of(ws)  # kept as rows go in: a list may be thousands of rows
        for row in parsed:
            try:
                before = unit.maps["people"].get(row.person_id)
                roles = row.roles if row.roles is not None else before.roles if before else ()
                fresh = checked_person(
                    ws, new_person(row.person_id, row.name, row.email, roles, None), emails
                )
                if before is None:
                    unit.put("people", fresh, action="import")
                    emails[fold(fresh.email)] = fresh.id
                    added.append(fresh.id)
                    continue
                after = replace(fresh, retired=before.retired, revision=before.revision)
                if after == before:
                    known += 1
                    continue
                if actor is not None and actor.id == after.id and "admin" not in after.roles:
                    raise Refused("refused.own_admin")
                unit.put("people", after, action="import")
                emails.pop(fold(before.email), None)
                emails[fold(after.email)] = after.id
                updated.append(after.id)
            except PlannerError as error:
                errors.append((row.line, error))
        if errors:
            raise RowErrors(path.name, sorted(errors, key=lambda found: found[0]))
    return Imported(tuple(added), tuple(updated), known, skipped)


def _plan_key(account: str, at: object, text: str) -> tuple[str, object, str]:
    """What makes a row of a content plan the same post: its account, time and text."""
    return account, at, nfc(text).strip()


def import_posts(session: Session, path: Path) -> Imported:
    """A content plan: every row a draft on an account the importer may write; a row already in
    the calendar (same account, time and text) is counted, not added again. A row naming a post
    (`id`, from `post export`) changes that post, unless it changed since the export (its
    `revision`): then the whole file is refused, every such row named."""
    rows = read_rows(path)
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        actor = session.actor(ws)
        today = session.now(ws).date()
        parsed, skipped = post_rows.parse_rows(rows, ws, path.name, today)
        for row in parsed:  # refused (exit 1) before anything: rows on accounts the importer may not write
            require_post_writer(actor, ws.accounts[row.account])
            if row.id is not None:
                require_post_writer(actor, ws.accounts[ws.posts[row.id].account])
        now = session.now(ws)
        stale: list[tuple[int, PlannerError]] = []
        for row in parsed:  # a post changed since the export, which the row would change again
            stored = ws.posts[row.id].revision if row.id is not None else None
            if row.revision is not None and stored != row.revision and not _as_stored(ws, row, actor.id, now):
                stale.append(
                    (row.line, DataError("err.post_changed", post=row.id, revision=row.revision, now=stored))
                )
        if stale:
            raise RowErrors(path.name, stale)
        added: list[str] = []
        known = 0
        errors: list[tuple[int, PlannerError]] = []
        planned = {  # each row looked up once: a plan of 100,000 rows is as quick to check as one of ten
            _plan_key(p.account, p.publish_at, p.text)
            for account in {row.account for row in parsed}
            for p in ws.posts_of(account)
        }
        updated: list[str] = []
        for row in parsed:
            if row.id is not None:
                try:
                    changed = _updated(ws, row, actor.id, now)
                except PlannerError as error:
                    errors.append((row.line, error))
                    continue
                if changed == ws.posts[row.id]:
                    known += 1
                else:
                    unit.put("posts", changed, action="import")
                    updated.append(row.id)
                continue
            key = _plan_key(row.account, row.at, row.text)
            if key in planned:
                known += 1
                continue
            planned.add(key)
            post = Post(
                id=new_id("p", unit.maps["posts"]),
                account=row.account,
                publish_at=row.at,
                title=nfc(row.title),
                text=nfc(row.text),
                kind=row.kind,
                lang=row.lang or ws.organization.default_lang,
                owner=row.owner or actor.id,
                media=row.media,
                campaign=row.campaign,
                edited_by=actor.id,
            )
            try:
                post = unit.put("posts", replace(post, edited_at=unit.saved_at), action="import")
            except PlannerError as error:
                errors.append((row.line, error))
                continue
            added.append(post.id)
        if errors:
            raise RowErrors(path.name, errors)
    return Imported(tuple(added), tuple(updated), known, skipped)


def _as_stored(ws: Workspace, row: post_rows.PostRow, by: str, now: dt.datetime) -> bool:
    """The row says what its post already holds (the same file imported again)."""
    try:
        return _updated(ws, row, by, now) == ws.posts[str(row.id)]
    except PlannerError:
        return False


def _updated(ws: Workspace, row: post_rows.PostRow, by: str, now: dt.datetime) -> Post:
    """The post a row of an exported plan names, with the row's fields (a cancelled one is not
    changed by a plan)."""
    post = ws.posts[str(row.id)]
    merged = NewPost(
        row.account, row.at, row.text, row.media, row.owner, row.kind, row.title, row.lang, row.campaign
    )
    changed = revised(ws, post, merged, by, now)
    if changed != post and post.status == "cancelled":
        raise Refused("refused.edit_status", post=post.id, status_key="status.cancelled")
    return changed

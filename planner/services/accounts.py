"""The account register: adding an account, changing it, closing it. Admins only; every change is
audited with its revision, so two admins never silently overwrite each other."""

from __future__ import annotations

from dataclasses import dataclass

from planner.domain.account_change import AccountChange, changed, closing, now_inactive, slug_id
from planner.domain.errors import DataError
from planner.domain.model import Account, Post
from planner.domain.roles import require_admin
from planner.services import Session
from planner.storage.folder import RESERVED_NAMES, account_file_name


@dataclass(frozen=True)
class Saved:
    account: Account
    now_inactive: tuple[Post, ...]  # posts that now fail post.account_active (closed, or past its end)


def add_account(session: Session, account_id: str | None, change: AccountChange) -> Saved:
    """A new account (admins). Its id is the slug of platform and name unless given; an id whose
    file name is another account's is refused naming both."""
    if not change.platform or not change.name:
        raise DataError("err.missing_field", field="platform" if not change.platform else "name")
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        require_admin(session.actor(ws), "action.account_write")
        today = session.now(ws).date()
        new_id = (account_id or "").strip() or slug_id(change.platform, change.name)
        draft = Account.from_dict({"id": new_id, "platform": change.platform})  # the id's own rules
        if not draft.id or account_file_name(draft.id).removesuffix(".json") in RESERVED_NAMES:
            raise DataError("err.reserved_id", value=new_id)
        file = account_file_name(draft.id)
        for other in ws.accounts.values():
            if other.id == draft.id:
                raise DataError("err.duplicate_id", value=draft.id)
            if account_file_name(other.id) == file:
                raise DataError("err.slug_clash", value=draft.id, other=other.id, file=file)
        account = unit.put("accounts", changed(ws, draft, change, today), action="create")
    return Saved(account, ())


def edit_account(session: Session, account_id: str, change: AccountChange, action: str = "update") -> Saved:
    """Change an account (admins); closing it, or ending it sooner, lists the coming posts that
    now fail post.account_active."""
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        require_admin(session.actor(ws), "action.account_write")
        before = ws.accounts.get(account_id)
        if before is None:
            raise DataError("err.unknown_account", value=account_id)
        unit.expect("accounts", account_id, change.revision)
        today = session.now(ws).date()
        after = changed(ws, before, change, today)
        if after == before:
            return Saved(before, ())
        saved = unit.put("accounts", after, action=action)
    return Saved(saved, now_inactive(ws, before, after, today))


__all__ = ["AccountChange", "Saved", "add_account", "closing", "edit_account", "slug_id"]

"""Records read out of the data files' tables, and an account file as it is written back: the
posts a save did not touch keep their stored documents (and JSON), so one post's save encodes one."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner.domain.errors import DataError
from planner.domain.model import Absence, Account, Asset, Campaign, Consent, Entity, Hold, Person, Post
from planner.domain.workspace import Posts
from planner.storage.files import encode_json
from planner.storage.tinystore import Tables

_PARSERS: dict[str, Callable[[dict[str, Any]], Entity]] = {
    "people": Person.from_dict,
    "accounts": Account.from_dict,
    "absences": Absence.from_dict,
    "campaigns": Campaign.from_dict,
    "holds": Hold.from_dict,
    "assets": Asset.from_dict,
    "consents": Consent.from_dict,
    "posts": Post.from_dict,
}


def entities(kind: str, docs: list[dict[str, Any]], path: Path) -> dict[str, Any]:
    """The records of one table by id; a bad one is the file's damage, named by its place."""
    parse = _PARSERS[kind]
    found: dict[str, Any] = {}
    for index, doc in enumerate(docs):
        try:
            entity = parse(doc)
        except DataError as exc:
            raise DataError("err.corrupt_file", file=str(path), reason=exc.render("en")).at(
                f"{kind}[{index}]"
            ) from exc
        found[entity.id] = entity  # type: ignore[attr-defined]
    return found


@dataclass(frozen=True)
class AccountFile:
    """What one account file holds: its account, its posts (also as a view, the workspace's
    per-account index), and each post's stored document and, once written by this process, the
    document's JSON: a save that changes one post writes the others back as they are."""

    accounts: dict[str, Account]
    posts: dict[str, Post]
    view: Posts
    docs: dict[str, dict[str, Any]]
    encoded: dict[str, str] = field(default_factory=dict)


def account_records(tables: Tables, path: Path) -> AccountFile:
    posts = entities("posts", tables.get("posts", []), path)
    accounts = entities("accounts", tables.get("account", []), path)
    return AccountFile(accounts, posts, Posts(posts.values()), {})  # documents read again to save


def _edited_in_place(
    before: AccountFile, changed: Iterable[str], stored: Mapping[str, Post], account: str
) -> bool:
    """Every changed post was in the file, is still there, and every other post's JSON is kept:
    the file is the one before with those posts replaced, in their places."""
    return len(before.encoded) == len(before.posts) and all(
        post_id in before.posts and post_id in stored and stored[post_id].account == account
        for post_id in changed
    )


def changed_account_file(
    account: Account,
    base_posts: Posts,
    stored: Mapping[str, Post],
    changed: dict[str, None],
    before: AccountFile | None,
    on_disk: Callable[[], dict[str, dict[str, Any]]],
) -> AccountFile:
    """An account file after a save that changed the posts `changed` in it (or moved them in or
    out): the account's posts before (`base_posts`) and those, without going through every post of
    the workspace. A post the save did not touch keeps the document (and JSON) its file holds:
    `before` is the file as this process last read or wrote it, `on_disk` its documents read anew."""
    accounts = {account.id: account}
    if before is not None and _edited_in_place(before, changed, stored, account.id):
        posts, docs = dict(before.posts), dict(before.docs)
        encoded = before.encoded.copy()
        for post_id in changed:
            posts[post_id] = stored[post_id]
            docs[post_id] = stored[post_id].to_dict()
            encoded[post_id] = encode_json(docs[post_id])
        return AccountFile(accounts, posts, Posts(posts.values()), docs, encoded)
    ids = [p.id for p in base_posts]
    listed = set(ids)
    ids += [post_id for post_id in changed if post_id not in listed]
    kept_docs = before.docs if before and before.docs else on_disk()
    posts, docs, encoded = {}, {}, {}
    for post_id in ids:
        post = stored.get(post_id)
        if post is None or post.account != account.id:
            continue
        posts[post_id] = post
        kept = kept_docs.get(post_id) if post_id not in changed else None
        docs[post_id] = kept if kept is not None else post.to_dict()
        json = before.encoded.get(post_id) if kept is not None and before else None
        encoded[post_id] = json if json is not None else encode_json(docs[post_id])
    return AccountFile(accounts, posts, Posts(posts.values()), docs, encoded)

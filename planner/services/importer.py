"""`planner import`: load a whole workspace document, or refuse it whole naming the bad entry."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from slugify import slugify

from planner.domain.errors import DataError, text_reason, unknown_ref
from planner.domain.model import (
    PLATFORMS,
    Absence,
    Account,
    Asset,
    Campaign,
    Consent,
    Organization,
    Person,
    Post,
)
from planner.domain.roles import identify, require_admin, require_duty_holder
from planner.domain.values import cadence, hashtags, reply_within, stored_email, web_address
from planner.domain.workspace import Workspace
from planner.media.images import probe_image
from planner.services import Session
from planner.services.ids import new_id
from planner.storage.files import read_regular
from planner.storage.folder import RESERVED_NAMES, account_file_name
from planner.storage.paths import resolve_asset_path
from planner.storage.transaction import Unit

R = TypeVar("R")

LISTS = ("people", "accounts", "absences", "campaigns", "consents", "assets", "posts")


def read_document(path: Path) -> dict[str, Any]:
    raw = read_regular(path)  # a FIFO, a device or a folder is refused, not waited on
    assert raw is not None
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except RecursionError:
        raise DataError("err.bad_json", file=str(path), reason_key="reason.nested") from None
    except ValueError as exc:  # not UTF-8, not JSON, or a number of thousands of digits
        raise DataError("err.bad_json", file=str(path), **text_reason(exc)) from None
    if not isinstance(doc, dict):
        raise DataError("err.document_shape", lists=", ".join(LISTS))
    return doc


def _label(kind: str, index: int, raw: object) -> str:
    rid = raw.get("id") if isinstance(raw, dict) else None
    return f"{kind}[{index}]" + (f" ({rid})" if isinstance(rid, str) and rid else "")


def _parse_list(doc: dict[str, Any], kind: str, parse: Callable[[Any, int], Any]) -> list[Any]:
    entries = doc.get(kind, [])
    if entries is None:
        return []
    if not isinstance(entries, list):
        raise DataError("err.not_list", field=kind)
    parsed, seen = [], set()
    for index, raw in enumerate(entries):
        try:
            entity = parse(raw, index)
            if entity.id in seen:
                raise DataError("err.duplicate_id", value=entity.id)
        except DataError as exc:
            raise exc.at(_label(kind, index, raw)) from None
        seen.add(entity.id)
        parsed.append(entity)
    return parsed


Reference = tuple[str, str | None, Container[str], str]  # field, value, known ids, what it names


def _references(kind: str, entity: Any, ws: Workspace) -> Iterator[Reference]:
    """Every id an entry points at, with the ids it must be one of."""
    if kind == "accounts":
        for role in ("admins", "owners", "producers", "deputies"):
            for person in getattr(entity, role):
                yield role, person, ws.people, "person"
    elif kind == "absences":
        yield "person", entity.person, ws.people, "person"
        yield "deputy", entity.deputy, ws.people, "person"
    elif kind == "assets":
        for consent in entity.consents:
            yield "consents", consent, ws.consents, "consent"
    elif kind == "consents":
        targets = {*ws.accounts, *PLATFORMS, "*"}
        for scope in entity.scope:
            yield "scope", scope, targets, "account_or_platform"
    elif kind == "posts":
        yield "account", entity.account, ws.accounts, "account"
        yield "owner", entity.owner, ws.people, "person"
        yield "campaign", entity.campaign, ws.campaigns, "campaign"
        for asset in entity.media:
            yield "media", asset, ws.assets, "asset"


DUTIES = ("owners", "producers", "deputies")  # of an account: people who may write (SPEC)


def _check_references(ws: Workspace, parsed: dict[str, list[Any]], today: dt.date) -> None:
    for kind, entities in parsed.items():
        for index, entity in enumerate(entities):
            try:
                for field, value, known, what in _references(kind, entity, ws):
                    if value and value not in known:
                        raise unknown_ref(field, what, value)
                _check_duties(ws, kind, entity, today)
                _check_as_commands_do(kind, entity)
            except DataError as exc:
                raise exc.at(f"{kind}[{index}] ({entity.id})") from None


def _check_duties(ws: Workspace, kind: str, entity: Any, today: dt.date) -> None:
    """Owners, producers and deputies of accounts, and the deputies of absences, may write."""
    if kind == "accounts":
        for duty in DUTIES:
            for person in getattr(entity, duty):
                require_duty_holder(ws, person, duty, today)
    elif kind == "absences" and entity.deputy:
        require_duty_holder(ws, entity.deputy, "deputy", entity.start)


def _check_as_commands_do(kind: str, entity: Any) -> None:
    """What `absence add`, `deputy assign`, `campaign add`, `account add`, `consent add` and `post
    publish` refuse, refused in a document too: an imported campaign or account that ended before
    it began could not even be renamed afterwards (every edit checks the range)."""
    if kind == "absences" and entity.deputy == entity.person:
        raise DataError("err.self_deputy", person=entity.person)
    if kind == "consents" and entity.valid_from and entity.valid_to and entity.valid_to < entity.valid_from:
        raise DataError("err.valid_reversed", start=entity.valid_from, end=entity.valid_to)
    if kind == "campaigns":
        _in_order(entity.start, entity.end)
        hashtags(entity.hashtags)
    elif kind == "accounts":
        _in_order(entity.starts, entity.ends)
        hashtags(entity.required_hashtags)
        if entity.cadence_per_week is not None:
            cadence(str(entity.cadence_per_week))
        web_address(entity.url)
    elif kind == "posts" and entity.published_url:
        web_address(entity.published_url, key="err.bad_url")


def _organization_as_commands_do(organization: Organization) -> None:
    """What `org set` refuses, refused in a document too: a promise of 300 posts a week or an
    answer within 999 days, a required hashtag `#` or `# kampanja`, a sender that is no address, a
    website or an account's address that is no web address (`www.x.fi`: no link to follow)."""
    stored_email(organization.mail_from)
    web_address(organization.website)
    hashtags(organization.required_hashtags)
    cadence(str(organization.cadence_per_week))
    reply_within(str(organization.reply_within))


def _in_order(first: dt.date | None, last: dt.date | None) -> None:
    if first and last and last < first:
        raise DataError("err.range_reversed", start=first, end=last)


def _asset_file(assets_root: Path, relative: str, field: str) -> Path:
    inside = resolve_asset_path(assets_root, relative, must_exist=False)
    if inside is None:
        raise DataError("err.path_outside", field=field, value=relative)
    found = resolve_asset_path(assets_root, relative)
    if found is None:
        raise DataError("err.missing_file", field=field, value=relative)
    return found


def with_file_facts(asset: Asset, assets_root: Path) -> Asset:
    """The asset with its paths checked and, for an image, the facts Pillow reads from it."""
    path = _asset_file(assets_root, asset.file, "file")
    for lang, subtitle in asset.subtitles.items():
        _asset_file(assets_root, subtitle, f"subtitles.{lang}")
    if asset.kind != "image":
        return asset
    data = read_regular(path)
    assert data is not None
    facts = probe_image(data, path.name)
    return replace(
        asset, width=facts.width, height=facts.height, format=facts.format, location=facts.location
    )


def parse_document(
    doc: dict[str, Any], base: Workspace, assets_root: Path, today: dt.date | None = None
) -> dict[str, Any]:
    """Every entry parsed and checked against the workspace it lands in; DataError names the bad one."""
    unknown = sorted(set(doc) - set(LISTS) - {"organization"})
    if unknown:
        raise DataError("err.document_shape", lists=", ".join(LISTS))
    organization = base.organization
    if doc.get("organization") is not None:
        try:
            organization = Organization.from_dict(doc["organization"])
        except DataError as exc:
            raise exc.at("organization") from None
    parsed: dict[str, list[Any]] = {}
    try:
        _organization_as_commands_do(organization)
    except DataError as exc:
        raise exc.at("organization") from None
    parsed["people"] = _parse_list(doc, "people", lambda raw, i: _addressed(Person.from_dict(raw), "email"))
    parsed["accounts"] = _parse_list(doc, "accounts", _account_parser(base))
    absence_ids = _taken(base.absences, doc, "absences")
    parsed["absences"] = _parse_list(
        doc, "absences", lambda raw, i: Absence.from_dict(raw, _fresh("a", absence_ids))
    )
    parsed["campaigns"] = _parse_list(doc, "campaigns", lambda raw, i: Campaign.from_dict(raw))
    parsed["consents"] = _parse_list(doc, "consents", lambda raw, i: _consent(raw, assets_root))
    parsed["assets"] = _parse_list(
        doc,
        "assets",
        lambda raw, i: with_file_facts(Asset.from_dict(raw, organization.default_lang), assets_root),
    )
    post_ids = _taken(base.posts, doc, "posts")
    parsed["posts"] = _parse_list(
        doc,
        "posts",
        lambda raw, i: Post.from_dict(raw, _fresh("p", post_ids), organization.default_lang),
    )
    merged = Workspace(
        organization,
        **{kind: {**getattr(base, kind), **{e.id: e for e in parsed[kind]}} for kind in LISTS},
    )
    _check_references(merged, parsed, today or dt.date.today())
    return {"organization": organization, **parsed}


def _addressed(record: R, field: str) -> R:
    """`record`, whose e-mail `field` is empty or an address (`values.stored_email`): a list typed
    by hand meets the same check as `person add`."""
    stored_email(getattr(record, field))
    return record


def _taken(existing: Iterable[str], doc: dict[str, Any], kind: str) -> set[str]:
    entries = doc.get(kind)
    if not isinstance(entries, list):
        return set(existing)
    named = {e["id"] for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)}
    return set(existing) | named


def _fresh(prefix: str, taken: set[str]) -> str:
    new = new_id(prefix, taken)
    taken.add(new)
    return new


def _account_parser(base: Workspace) -> Callable[[Any, int], Account]:
    """Accounts are compared by their slug, which names their file: `X-Järvelän-Kaupunki` would
    replace `x-jarvelan-kaupunki`'s file, so a clash with an account of the workspace or of the
    document is refused naming both."""
    files: dict[str, str] = {account_file_name(account_id): account_id for account_id in base.accounts}

    def parse(raw: Any, index: int) -> Account:
        fields = raw if isinstance(raw, dict) else {}
        default_id = slugify(f"{fields.get('platform', 'other')} {fields.get('name', '')}")
        account = _addressed(Account.from_dict(raw, default_id), "login_email")
        if not account.id or slugify(account.id) in RESERVED_NAMES:
            raise DataError("err.reserved_id", value=account.id)
        name = account_file_name(account.id)
        other = files.setdefault(name, account.id)
        if other != account.id:
            raise DataError("err.slug_clash", value=account.id, other=other, file=name)
        return account

    return parse


def _consent(raw: Any, assets_root: Path) -> Consent:
    consent = Consent.from_dict(raw)
    if consent.evidence:
        _asset_file(assets_root, consent.evidence, "evidence")
    return consent


def import_document(session: Session, path: Path) -> dict[str, int]:
    """Load the document at `path` into the session's workspace; returns counts per list."""
    doc = read_document(path)
    store = session.store
    with store.transaction(session.user or "import", session.stamp) as unit:
        base = unit.base
        if base.people or store.has_had_people():
            require_admin(identify(base, session.user), "action.import")
        parsed = parse_document(doc, base, store.assets, session.now(base).date())
        apply_document(unit, parsed)
    return {kind: len(parsed[kind]) for kind in LISTS}


def apply_document(unit: Unit, parsed: dict[str, Any]) -> None:
    if "organization" in parsed and parsed["organization"] != unit.base.organization:
        unit.set_organization(parsed["organization"])
    for kind in LISTS:
        for entity in parsed[kind]:
            stored = getattr(unit.base, kind).get(entity.id)
            if stored is None or _bookkept(entity, stored) != stored:  # revisions and save times are ours
                unit.put(kind, entity, action="import")


def _bookkept(entity: Any, stored: Any) -> Any:
    """`entity` with the stored record's bookkeeping (revision, a post's save time), to compare."""
    entity = replace(entity, revision=stored.revision)
    return replace(entity, modified_at=stored.modified_at) if hasattr(stored, "modified_at") else entity

"""The media library from the command line: add a file (copied into assets/), list the assets, and
withdraw a photo permission, listing every post it reaches."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from slugify import slugify

from planner.domain.errors import DataError
from planner.domain.fields import nfc, parse_date
from planner.domain.model import PEOPLE_SHOWN, RIGHTS, VIDEO_SUFFIXES, Asset, Consent, Post
from planner.domain.roles import require_admin, require_writer
from planner.domain.workspace import Workspace
from planner.services import Session
from planner.storage import asset_files


@dataclass(frozen=True)
class NewAsset:
    file: Path
    id: str | None = None
    alt: str | None = None
    lang: str | None = None
    people: str = "unknown"
    consents: tuple[str, ...] = ()
    rights: str = "unknown"
    strip_location: bool = False


def _free_id(ws: Workspace, prefix: str, name: str) -> str:
    base = f"{prefix}-{slugify(Path(name).stem) or 'file'}"
    candidate, number = base, 1
    while candidate in ws.assets:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _checked(ws: Workspace, new: NewAsset) -> None:
    if new.people not in PEOPLE_SHOWN:
        raise DataError("err.bad_choice", field="--people", value=new.people, choices=", ".join(PEOPLE_SHOWN))
    if new.rights not in RIGHTS:
        raise DataError("err.bad_choice", field="--rights", value=new.rights, choices=", ".join(RIGHTS))
    for consent in new.consents:
        if consent not in ws.consents:
            raise DataError("err.unknown_ref", field="--consent", kind="consent", value=consent)
    if new.id is not None:
        Asset.from_dict({"id": new.id, "file": "x"})  # the same id rules as an import
        if new.id in ws.assets:
            raise DataError("err.duplicate_id", value=new.id)


def add_asset(session: Session, new: NewAsset) -> Asset:
    """Copy the file into assets/ under a slugified name and record it. An image is read with Pillow
    first (broken files refused); with `strip_location` the copy loses its GPS block, the original is
    left as it is."""
    require_writer(session.actor(session.load()), "action.library_write")  # before reading anything
    video = new.file.suffix.casefold() in VIDEO_SUFFIXES
    data = asset_files.read_source(new.file)
    facts = None
    if not video:
        from planner.media.images import probe_image, without_location

        facts = probe_image(new.file, "FILE")
        if new.strip_location:
            data = without_location(new.file)
            facts = replace(facts, location=False)  # the stored copy has no GPS block
    root = session.store.assets
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        require_writer(session.actor(ws), "action.library_write")
        _checked(ws, new)
        relative = asset_files.place(root, new.file.name, data, "videot" if video else "kuvat")
        lang = new.lang or ws.organization.default_lang
        asset = Asset(
            id=new.id or _free_id(ws, "vid" if video else "img", new.file.name),
            file=relative,
            kind="video" if video else "image",
            alt={lang: nfc(new.alt).strip()} if new.alt and new.alt.strip() else {},
            people=new.people,
            consents=tuple(dict.fromkeys(new.consents)),
            rights=new.rights,
        )
        if facts is not None:
            asset = replace(asset, width=facts.width, height=facts.height, format=facts.format,
                            location=facts.location)  # fmt: skip
        unit.put("assets", asset)
    return asset


def list_assets(ws: Workspace) -> list[Asset]:
    return sorted(ws.assets.values(), key=lambda a: a.id)


@dataclass(frozen=True)
class Withdrawal:
    consent: Consent
    blocked: list[Post]  # not yet published: `media.permission` now fails for them
    published: list[Post]  # out already: to be taken down from the channel


def posts_using(ws: Workspace, consent_id: str) -> list[Post]:
    assets = {a.id for a in ws.assets.values() if consent_id in a.consents}
    return [p for p in ws.posts_view.sorted() if assets & set(p.media) and p.status != "cancelled"]


def withdraw_consent(session: Session, consent_id: str, day: str | None) -> Withdrawal:
    """Record the withdrawal (admins only) and list every post that uses a photo it covered."""
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        require_admin(session.actor(ws), "action.consent_withdraw")
        consent = ws.consents.get(consent_id)
        if consent is None:
            raise DataError("err.unknown_ref", field="consent", kind="consent", value=consent_id)
        when = parse_date(day, "--date") if day else session.now(ws).date()
        withdrawn = replace(consent, withdrawn=when)
        if withdrawn != consent:
            unit.put("consents", withdrawn, action="withdraw")
    used = posts_using(unit.ws, consent_id)
    published = [p for p in used if p.status == "published"]
    blocked = [p for p in used if p.status != "published" and _on_or_after(p, when)]
    return Withdrawal(withdrawn, blocked, published)


def _on_or_after(post: Post, day: dt.date) -> bool:
    return post.publish_at is None or post.publish_at.date() >= day

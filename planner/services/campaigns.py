"""Campaigns: a name, a period and the hashtags its posts must carry (admins add and change them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from planner.domain.errors import DataError, unknown_ref
from planner.domain.fields import nfc
from planner.domain.model import Campaign, Post
from planner.domain.roles import require_admin
from planner.domain.values import hashtags
from planner.domain.workspace import Workspace
from planner.services import Session


@dataclass(frozen=True)
class CampaignChange:
    name: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    hashtags: tuple[str, ...] | None = None
    revision: int | None = None


def _free_id(ws: Workspace, name: str) -> str:
    from slugify import slugify

    base = slugify(name, max_length=60) or "kampanja"
    candidate, number = base, 1
    while candidate in ws.campaigns:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _changed(campaign: Campaign, change: CampaignChange) -> Campaign:
    found = campaign
    if change.name is not None:
        name = nfc(change.name).strip()
        if not name:
            raise DataError("err.missing_field", field="name")
        found = replace(found, name=name)
    if change.start is not None:
        found = replace(found, start=change.start)
    if change.end is not None:
        found = replace(found, end=change.end)
    if change.hashtags is not None:
        found = replace(found, hashtags=hashtags(change.hashtags))
    if found.start and found.end and found.end < found.start:
        raise DataError("err.range_reversed", start=found.start, end=found.end)
    return found


def add_campaign(session: Session, campaign_id: str | None, change: CampaignChange) -> Campaign:
    if not change.name or change.start is None or change.end is None:
        field = "name" if not change.name else "from" if change.start is None else "to"
        raise DataError("err.missing_field", field=field)
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        require_admin(session.actor(ws), "action.campaign_write")
        new_id = (campaign_id or "").strip() or _free_id(ws, change.name)
        draft = Campaign.from_dict({"id": new_id})
        if draft.id in ws.campaigns:
            raise DataError("err.duplicate_id", value=draft.id)
        return unit.put("campaigns", _changed(draft, change), action="create")


def edit_campaign(session: Session, campaign_id: str, change: CampaignChange) -> Campaign:
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        require_admin(session.actor(ws), "action.campaign_write")
        before = ws.campaigns.get(campaign_id)
        if before is None:
            raise unknown_ref("campaign", "campaign", campaign_id)
        unit.expect("campaigns", campaign_id, change.revision)
        after = _changed(before, change)
        return unit.put("campaigns", after) if after != before else before


def posts_of(ws: Workspace, campaign_id: str) -> list[Post]:
    """The campaign's posts (cancelled ones too: they were part of it), by time."""
    return [p for p in ws.posts_view.sorted() if p.campaign == campaign_id]

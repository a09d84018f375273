"""The consent register (kuvausluvat): add a record, list it without names unless an admin asks, and
withdraw one, listing every post that uses a photo it covered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from planner.domain import consent_rows
from planner.domain.errors import DataError, PlannerError, Refused, known
from planner.domain.fields import fold, nfc, parse_date
from planner.domain.library import assets_of, pseudonym
from planner.domain.model import PLATFORMS, Consent, Post
from planner.domain.roles import require_admin, require_writer
from planner.domain.sheet import RowErrors
from planner.domain.workspace import Posts, Workspace
from planner.services import Session
from planner.services.ids import new_id
from planner.services.sheet_import import Imported
from planner.storage import asset_files
from planner.storage.sheets import read_rows


@dataclass(frozen=True)
class NewConsent:
    subject: str
    scope: tuple[str, ...]
    id: str | None = None
    minor: bool = False
    guardian: str | None = None
    written: bool = True
    evidence: Path | None = None  # a scanned form or an e-mail, copied under assets/luvat/
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


def _scope(ws: Workspace, scope: tuple[str, ...]) -> tuple[str, ...]:
    cleaned = tuple(dict.fromkeys(s.strip() for s in scope if s.strip()))
    if not cleaned:
        raise DataError("err.scope_missing")
    known = {fold(a) for a in ws.accounts} | set(PLATFORMS) | {"*"}
    for entry in cleaned:
        if fold(entry) not in known:
            raise DataError("err.bad_scope", value=entry)
    return cleaned


def add_consent(session: Session, new: NewConsent) -> Consent:
    """Record a consent (any writer: producers collect them); the evidence file is copied in."""
    require_writer(session.actor(session.load()), "action.consent_write")
    evidence = asset_files.read_source(new.evidence) if new.evidence else None
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        require_writer(session.actor(ws), "action.consent_write")
        subject = nfc(new.subject).strip()
        if not subject:
            raise DataError("err.subject_missing")
        start = parse_date(new.valid_from, "valid_from") if new.valid_from else session.now(ws).date()
        end = parse_date(new.valid_to, "valid_to") if new.valid_to else None
        if end is not None and end < start:
            raise DataError("err.valid_reversed", start=start, end=end)
        if new.id is not None:
            Consent.from_dict({"id": new.id})  # the same id rules as an import
            if new.id in ws.consents:
                raise DataError("err.duplicate_id", value=new.id)
        consent_id = new.id or new_id("c", ws.consents)
        stored = None
        if evidence is not None and new.evidence is not None:
            name = f"{consent_id}{new.evidence.suffix.casefold()}"
            stored = asset_files.place(session.store.assets, name, evidence, "luvat")
        consent = Consent(
            id=consent_id,
            subject=subject,
            minor=new.minor,
            guardian=nfc(new.guardian).strip() or None if new.guardian else None,
            written=new.written,
            evidence=stored,
            scope=_scope(ws, new.scope),
            valid_from=start,
            valid_to=end,
        )
        consent = unit.put("consents", consent)
    return consent


def import_consents(session: Session, path: Path) -> Imported:
    """The register of photo permissions a team keeps in a sheet (anyone who may record one): each
    row a new record, valid from the day it gives (else today). A row already in the register, by
    its id or as the same person on the same terms, is counted and never changed: a recorded
    consent changes only by `consent withdraw` or `erase`, so a row that says otherwise is refused,
    naming the record. The scanned forms are not in a sheet: `consent add --evidence` keeps them."""
    rows = read_rows(path)
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        require_writer(session.actor(ws), "action.consent_write")
        today = session.now(ws).date()
        parsed, skipped, errors = consent_rows.parse_rows(rows, path.name, today)
        on_terms = {
            consent_rows.terms(c.subject, c.scope, c.minor, c.guardian): c for c in ws.consents.values()
        }
        added: list[str] = []
        known = 0
        for row in parsed:
            try:
                scope = _scope(ws, row.scope)
                found = ws.consents.get(row.consent_id) if row.consent_id else on_terms.get(row.same_terms())
                if found is not None:
                    if _differs(found, row):
                        raise DataError("err.consent_differs", consent=found.id)
                    known += 1
                    continue
                if row.consent_id is not None:
                    Consent.from_dict({"id": row.consent_id})  # the same id rules as `consent add`
                consent = Consent(
                    id=row.consent_id or new_id("c", unit.maps["consents"]),
                    subject=nfc(row.subject),
                    minor=row.minor,
                    guardian=nfc(row.guardian) if row.guardian else None,
                    written=row.written,
                    scope=scope,
                    valid_from=row.valid_from or today,
                    valid_to=row.valid_to,
                    withdrawn=row.withdrawn,
                )
                if (
                    consent.valid_to is not None
                    and consent.valid_from
                    and consent.valid_to < consent.valid_from
                ):
                    raise DataError("err.valid_reversed", start=consent.valid_from, end=consent.valid_to)
                added.append(unit.put("consents", consent, action="import").id)
            except PlannerError as error:
                errors.append((row.line, error))
        if errors:
            raise RowErrors(path.name, sorted(errors, key=lambda found: found[0]))
    return Imported(tuple(added), (), known, skipped)


def _differs(consent: Consent, row: consent_rows.ConsentRow) -> bool:
    """A row that names a recorded consent but says something else of it."""
    said = (row.written, row.valid_to, row.withdrawn, row.valid_from or consent.valid_from)
    recorded = (consent.written, consent.valid_to, consent.withdrawn, consent.valid_from)
    same_person = row.same_terms() == consent_rows.terms(
        consent.subject, consent.scope, consent.minor, consent.guardian
    )
    return said != recorded or not same_person


def listed(ws: Workspace, names: bool) -> list[dict[str, Any]]:
    """The register as JSON-ready dicts: subjects' and guardians' names only with `names`."""
    rows = []
    for consent in sorted(ws.consents.values(), key=lambda c: c.id):
        row = consent.to_dict()
        if not names:
            row["subject"] = pseudonym(consent)
            row["guardian"] = f"guardian-{consent.id}" if consent.guardian else None
        row["assets"] = [a.id for a in assets_of(ws, consent.id)]
        rows.append(row)
    return rows


def register(session: Session, include_personal_data: bool) -> tuple[Workspace, list[dict[str, Any]]]:
    """The register for a listing or an export; names only when an admin asks for them."""
    ws = session.load()
    if include_personal_data:
        person = session.actor(ws)
        if "admin" not in person.roles:
            raise Refused("refused.personal_data")
    return ws, listed(ws, include_personal_data)


@dataclass(frozen=True)
class Withdrawal:
    consent: Consent
    blocked: list[Post]  # not yet published: `media.permission` now fails for them
    published: list[Post]  # out already: to be taken down from the channel


def posts_using(ws: Workspace, consent_id: str) -> list[Post]:
    """The posts (cancelled ones left out) that carry a photo the consent covers, by publish time."""
    found = {p.id: p for a in assets_of(ws, consent_id) for p in ws.posts_by_asset.get(a.id, ())}
    return Posts(found.values()).sorted()


def withdraw_consent(session: Session, consent_id: str, day: dt.date | None) -> Withdrawal:
    """Record the withdrawal (admins only) and list every post that uses a photo it covered."""
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        require_admin(session.actor(ws), "action.consent_withdraw")
        consent = known(ws.consents, consent_id, "consent", "consent")
        when = parse_date(day, "withdrawn") if day else session.now(ws).date()
        withdrawn = replace(consent, withdrawn=when)
        if withdrawn != consent:
            withdrawn = unit.put("consents", withdrawn, action="withdraw")
    used = posts_using(unit.ws, consent_id)
    published = [p for p in used if p.status == "published" and p.taken_down is None]
    blocked = [p for p in used if p.status != "published" and _on_or_after(p, when)]
    return Withdrawal(withdrawn, blocked, published)


def _on_or_after(post: Post, day: dt.date) -> bool:
    return post.publish_at is None or post.publish_at.date() >= day


@dataclass(frozen=True)
class Erasure:
    consent_id: str
    assets: list[str]  # the photos it was linked to: they have no permission any more
    evidence_removed: bool


def erase_consent(session: Session, consent_id: str) -> Erasure:
    """Erase a consent record for good (admins only): the right to erasure. The record leaves
    the register and every asset, its scanned form is deleted, and the audit log, which never
    held the name, keeps only that it was erased."""
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        require_admin(session.actor(ws), "action.consent_erase")
        consent = known(ws.consents, consent_id, "consent", "consent")
        linked = assets_of(ws, consent_id)
        for asset in linked:
            unit.put("assets", replace(asset, consents=tuple(c for c in asset.consents if c != consent_id)))
        unit.remove("consents", consent_id, action="erase")
    removed = False
    if consent.evidence:
        removed = asset_files.remove(session.store.assets, consent.evidence)
    return Erasure(consent_id, [a.id for a in linked], removed)

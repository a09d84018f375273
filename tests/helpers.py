"""A small, fully passing workspace document that each test changes in one way."""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.domain.feedback import Feedback
from planner.domain.model import Absence, Account, Asset, Campaign, Consent, Hold, Organization, Person, Post
from planner.domain.workspace import Workspace

if TYPE_CHECKING:
    import pytest

    from planner.storage.workspace import WorkspaceStore

NOW = dt.datetime(2026, 12, 1, 10, 0)  # a Tuesday, ISO week 49
WEEK = (dt.date(2026, 11, 30), dt.date(2026, 12, 6))

BASE: dict[str, Any] = {
    "organization": {
        "name": "Ylöjärven kaupunki",
        "website": "https://www.ylojarvi.fi",
        "required_hashtags": ["#ylöjärvi"],
        "timezone": "Europe/Helsinki",
        "holiday_country": "FI",
        "languages": ["fi", "sv"],
        "cadence_per_week": 1,
    },
    "people": [
        {"id": "a1", "name": "Anna Admin", "email": "anna@ylojarvi.fi", "roles": ["admin"]},
        {"id": "a2", "name": "Antti Admin", "email": "antti@ylojarvi.fi", "roles": ["admin"]},
        {"id": "p1", "name": "Pekka Tuottaja", "email": "pekka@ylojarvi.fi", "roles": ["producer"]},
        {"id": "p2", "name": "Päivi Sijainen", "email": "paivi@ylojarvi.fi", "roles": ["producer"]},
        {"id": "e1", "name": "Eero Asiantuntija", "email": "eero@ylojarvi.fi", "roles": ["expert"]},
        {"id": "t1", "name": "Tiina Tarkastaja", "email": "tiina@ylojarvi.fi", "roles": ["auditor"]},
    ],
    "accounts": [
        {
            "id": "instagram-ylojarvi",
            "platform": "instagram",
            "name": "Ylöjärvi",
            "status": "active",
            "admins": ["a1", "a2"],
            "owners": ["p1"],
            "producers": [],
            "deputies": ["p2"],
            "login_email": "some@ylojarvi.fi",
            "listed_on_website": True,
            "links_to_website": True,
            "two_factor": True,
            "password_changed": "2026-11-01",
        },
    ],
    "absences": [],
    "campaigns": [
        {"id": "joulu", "name": "Joulu", "from": "2026-11-23", "to": "2026-12-31", "hashtags": ["#joulu"]},
    ],
    "consents": [
        {
            "id": "c1",
            "subject": "Henkilö H1",
            "minor": False,
            "guardian": None,
            "written": True,
            "scope": ["*"],
            "valid_from": "2026-01-01",
            "valid_to": None,
            "withdrawn": None,
        },
    ],
    "assets": [
        {
            "id": "img1",
            "file": "img1.jpg",
            "kind": "image",
            "people": "none",
            "rights": "own",
            "alt": {"fi": "Lapsia pulkkamäessä lumisena päivänä."},
            "width": 1080,
            "height": 1080,
            "format": "JPEG",
            "location": False,
        },
        {
            "id": "vid1",
            "file": "vid1.gif",
            "kind": "video",
            "people": "none",
            "rights": "own",
            "subtitles": {"fi": "vid1.fi.srt"},
        },
    ],
    "posts": [
        {
            "id": "p-0001",
            "account": "instagram-ylojarvi",
            "publish_at": "2026-12-02T10:00",
            "text": "Talvi tuli! #ylöjärvi",
            "kind": "news",
            "lang": "fi",
            "owner": "p1",
            "status": "ready",
            "media": ["img1"],  # Instagram publishes no text alone (post.media_required)
        },
    ],
}


def base_doc() -> dict[str, Any]:
    return copy.deepcopy(BASE)


def workspace_of(doc: dict[str, Any]) -> Workspace:
    """The document as a domain snapshot, without touching files (pure-rule tests)."""

    def by_id(items: list[Any]) -> dict[str, Any]:
        return {item.id: item for item in items}

    return Workspace(
        organization=Organization.from_dict(doc["organization"]),
        people=by_id([Person.from_dict(p) for p in doc["people"]]),
        accounts=by_id([Account.from_dict(a) for a in doc["accounts"]]),
        absences=by_id([Absence.from_dict(a) for a in doc["absences"]]),
        campaigns=by_id([Campaign.from_dict(c) for c in doc["campaigns"]]),
        consents=by_id([Consent.from_dict(c) for c in doc["consents"]]),
        assets=by_id([Asset.from_dict(a) for a in doc["assets"]]),
        posts=by_id([Post.from_dict(p) for p in doc["posts"]]),
        holds=by_id([Hold.from_dict(h) for h in doc.get("holds", [])]),
        feedback=by_id([Feedback.from_dict(f) for f in doc.get("feedback", [])]),
    )


def stored_base(root: Path) -> WorkspaceStore:
    """A workspace at `root` holding the base document, written through the store (one save)."""
    from planner.storage.workspace import WorkspaceStore

    store = WorkspaceStore(root)
    store.create()
    ws = workspace_of(base_doc())
    with store.transaction("test", lambda _: "2026-12-01T10:00") as unit:
        unit.set_organization(ws.organization)
        for kind in ("people", "accounts", "absences", "campaigns", "consents", "assets", "posts"):
            for entity in getattr(ws, kind).values():
                unit.put(kind, entity)
    return store


def small_year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The benchmark's small workspace (six accounts, a year), generated in `tmp_path`, with a
    cache folder of the test's own and the clock at the generator's moment."""
    from tools.bench.generate import generate

    monkeypatch.setenv("PLANNER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("PLANNER_NOW", "2026-06-15 10:00")
    generate("small", tmp_path / "ws")
    return tmp_path / "ws"


def is_new_id(value: str, prefix: str) -> bool:
    """An id the planner handed out: `prefix-` and ten base32 characters (see services/ids.py)."""
    return re.fullmatch(rf"{prefix}-[0-9a-hjkmnp-tv-z]{{10}}", value) is not None

"""The demo city's organization, people, accounts and absences: made-up, dated around today."""

from __future__ import annotations

import datetime as dt
from typing import Any

from planner.demo.dates import days_from
from planner.domain.calendar import monday_of

ORG: dict[str, Any] = {
    "name": "Järvelän kaupunki",
    "website": "https://www.jarvela.fi",
    "required_hashtags": ["#järvelä"],
    "timezone": "Europe/Helsinki",
    "holiday_country": "FI",
    "languages": ["fi", "sv"],
    "cadence_per_week": 1,
}

PEOPLE = [
    {
        "id": "aino",
        "name": "Aino Aaltonen",
        "email": "aino.aaltonen@jarvela.fi",
        "roles": ["admin", "producer"],
    },
    {"id": "leena", "name": "Leena Lehtinen", "email": "leena.lehtinen@jarvela.fi", "roles": ["admin"]},
    {"id": "mikko", "name": "Mikko Mäkelä", "email": "mikko.makela@jarvela.fi", "roles": ["producer"]},
    {"id": "sanna", "name": "Sanna Salo", "email": "sanna.salo@jarvela.fi", "roles": ["producer"]},
    {"id": "jussi", "name": "Jussi Järvinen", "email": "jussi.jarvinen@jarvela.fi", "roles": ["expert"]},
    {"id": "tarja", "name": "Tarja Toivonen", "email": "tarja.toivonen@jarvela.fi", "roles": ["auditor"]},
]


def _accounts(today: dt.date) -> list[dict[str, Any]]:
    def account(platform: str, name: str, slug: str, **extra: Any) -> dict[str, Any]:
        base: dict[str, Any] = {
            "id": slug,
            "platform": platform,
            "name": name,
            "url": f"https://{platform}.example/{slug}",
            "unit": "Viestintä",
            "status": "active",
            "login_email": "viestinta@jarvela.fi",
            "admins": ["aino", "leena"],
            "owners": [],
            "producers": [],
            "deputies": [],
            "listed_on_website": True,
            "links_to_website": True,
            "two_factor": True,
            "password_changed": (today - dt.timedelta(days=30)).isoformat(),
        }
        base.update(extra)
        return base

    return [
        account(
            "facebook",
            "Järvelän kaupunki",
            "facebook-jarvelan-kaupunki",
            owners=["aino", "mikko"],
            producers=["mikko"],
            deputies=["sanna"],
            cadence_per_week=2,
        ),
        account(
            "instagram",
            "Järvelän kaupunki",
            "instagram-jarvelan-kaupunki",
            owners=["mikko"],
            producers=["sanna"],
            login_email="some@jarvela.fi",
            password_changed=(today - dt.timedelta(days=200)).isoformat(),
        ),
        account(
            "x",
            "Järvelän kaupunki",
            "x-jarvelan-kaupunki",
            owners=["sanna"],
            admins=["aino"],
            login_email="sanna.salo@jarvela.fi",
            two_factor=False,
        ),
        account(
            "linkedin",
            "Järvelän kaupunki",
            "linkedin-jarvelan-kaupunki",
            owners=["aino"],
            deputies=["mikko"],
            unit="Henkilöstöpalvelut",
            listed_on_website=False,
        ),
        account("youtube", "Järvelä TV", "youtube-jarvela-tv", owners=["mikko"], deputies=["aino"]),
        account(
            "facebook",
            "Järvelän kirjasto",
            "facebook-jarvelan-kirjasto",
            owners=["jussi"],
            producers=["jussi"],
            unit="Kirjasto",
            required_hashtags=["#järvelänkirjasto"],
            login_email="kirjasto@jarvela.fi",
        ),
        account(
            "instagram",
            "Nuorten kesä",
            "instagram-nuorten-kesa",
            owners=["sanna"],
            unit="Nuorisopalvelut",
            starts=(today - dt.timedelta(days=120)).isoformat(),
            ends=(today + dt.timedelta(days=10)).isoformat(),
            login_email="nuoriso@jarvela.fi",
            cadence_per_week=0,
        ),
    ]


def summer_vacation_start(today: dt.date) -> dt.date:
    """The first Monday of next July: when the demo's summer gap opens."""
    year = today.year if today < dt.date(today.year, 6, 1) else today.year + 1
    return monday_of(dt.date(year, 7, 7))


def _absences(today: dt.date) -> list[dict[str, Any]]:
    day = days_from(today)
    summer_start = summer_vacation_start(today)
    return [
        {
            "id": "a-0001",
            "person": "mikko",
            "from": day(14),
            "to": day(41),
            "kind": "vacation",
            "deputy": "sanna",
        },
        {
            "id": "a-0002",
            "person": "sanna",
            "from": day(28),
            "to": day(42),
            "kind": "vacation",
            "deputy": None,
        },
        {
            "id": "a-0003",
            "person": "jussi",
            "from": day(17),
            "to": day(18),
            "kind": "training",
            "deputy": None,
        },
        {
            "id": "a-0004",
            "person": "mikko",
            "from": summer_start.isoformat(),
            "to": (summer_start + dt.timedelta(days=25)).isoformat(),
            "kind": "vacation",
            "deputy": None,
        },
    ]

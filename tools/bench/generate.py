"""A generated workspace for benchmarks: deterministic (seeded), at the size of a city or a metro
area, with real image, clip and subtitle files, and data that trips every readiness rule somewhere
as well as passing it elsewhere."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner.domain.model import PLATFORMS

NOW = dt.datetime(2026, 6, 15, 10, 0)  # the moment every benchmark runs at (PLANNER_NOW)
EMPTY = "empty"
Docs = list[dict[str, Any]]


@dataclass(frozen=True)
class Scale:
    accounts: int
    weeks: int
    people: int
    absences: int
    assets: int
    consents: int
    videos: int


SCALES = {
    EMPTY: Scale(accounts=1, weeks=0, people=6, absences=0, assets=0, consents=0, videos=0),
    "small": Scale(accounts=6, weeks=26, people=10, absences=12, assets=120, consents=40, videos=6),
    "city": Scale(accounts=60, weeks=52, people=40, absences=120, assets=4000, consents=1500, videos=80),
    "metro": Scale(accounts=200, weeks=104, people=120, absences=400, assets=4000, consents=1500, videos=80),
}
FIRST_MONDAY = {
    EMPTY: dt.date(2026, 1, 5),
    "small": dt.date(2026, 3, 30),
    "city": dt.date(2026, 1, 5),
    "metro": dt.date(2025, 1, 6),
}

ORG = {
    "name": "Suurkaupunki",
    "website": "https://www.suurkaupunki.fi",
    "required_hashtags": ["#suurkaupunki"],
    "timezone": "Europe/Helsinki",
    "holiday_country": "FI",
    "languages": ["fi", "sv"],
    "cadence_per_week": 2,
}
TEXTS = [
    "Kirjasto on auki pitkään tänään, tervetuloa lukemaan!",
    "Lumityöt etenevät: pääkadut aurataan ensin, pihakadut sen jälkeen.",
    "Valtuusto kokoontuu maanantaina, kokousta voi seurata verkossa.",
    "Uimahallin aukioloajat muuttuvat ensi viikolla.",
    "Nuorisotalolla on avoimet ovet torstaina klo 17–20.",
    "Katutöiden vuoksi bussilinjoilla on poikkeusreittejä.",
]


def _people(scale: Scale, rng: random.Random) -> list[dict[str, Any]]:
    people = []
    for number in range(1, scale.people + 1):
        if number <= max(2, scale.people // 8):
            roles = ["admin", "producer"] if number % 2 else ["admin"]
        elif number > scale.people - 2:
            roles = ["auditor"]
        else:
            roles = ["expert"] if number % 9 == 0 else ["producer"]
        email = f"h{number}@suurkaupunki.fi"
        people.append({"id": f"h{number:03d}", "name": f"Henkilö {number}", "email": email, "roles": roles})
    return people


def _accounts(scale: Scale, people: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    admins = [p["id"] for p in people if "admin" in p["roles"]]
    writers = [p["id"] for p in people if {"producer", "expert"} & set(p["roles"])]
    accounts = []
    for number in range(1, scale.accounts + 1):
        platform = [p for p in PLATFORMS if p != "other"][number % (len(PLATFORMS) - 1)]
        owners = rng.sample(writers, 2 if number % 3 else 1)
        accounts.append(
            {
                "id": f"{platform}-{number:03d}",
                "platform": platform,
                "name": f"Tili {number}",
                "status": "paused" if number % 23 == 0 else "active",
                "admins": rng.sample(admins, 1 if number % 17 == 0 else 2),
                "owners": [] if number % 29 == 0 else owners,
                "producers": rng.sample(writers, 2),
                "deputies": rng.sample(writers, 1),
                "login_email": None if number % 19 == 0 else f"some-{number}@suurkaupunki.fi",
                "listed_on_website": number % 7 != 0,
                "links_to_website": number % 5 != 0,
                "two_factor": number % 11 != 0,
                "password_changed": "2025-01-10" if number % 13 == 0 else "2026-05-01",
                "required_hashtags": [f"#tili{number}"] if number % 10 == 0 else [],
            }
        )
    return accounts


def _absences(
    scale: Scale, people: list[dict[str, Any]], rng: random.Random, first: dt.date
) -> list[dict[str, Any]]:
    ids = [p["id"] for p in people]
    writers = [p["id"] for p in people if "auditor" not in p["roles"]]  # who may be a deputy
    found = []
    for number in range(1, scale.absences + 1):
        person = rng.choice(ids)
        start = first + dt.timedelta(days=rng.randrange(0, max(1, scale.weeks * 7)))
        deputy = rng.choice([i for i in writers if i != person]) if number % 4 else None
        found.append(
            {
                "id": f"a-{number:04d}",
                "person": person,
                "from": start.isoformat(),
                "to": (start + dt.timedelta(days=rng.choice([2, 4, 9, 13, 20]))).isoformat(),
                "kind": rng.choice(["vacation", "vacation", "training", "sick"]),
                "deputy": deputy,
            }
        )
    return found


def _media(
    scale: Scale, assets_root: Path, rng: random.Random
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    from planner.media.generate import make_clip, make_picture, write_subtitles

    consents = []
    for number in range(1, scale.consents + 1):
        minor = number % 10 == 0
        consents.append(
            {
                "id": f"c-{number:04d}",
                "subject": f"Kuvattava {number}",
                "minor": minor,
                "guardian": f"Huoltaja {number}" if minor and number % 30 else None,
                "written": number % 25 != 0,
                "scope": ["*"] if number % 3 else ["instagram", "facebook"],
                "valid_from": "2024-01-01",
                "valid_to": "2026-03-31" if number % 40 == 0 else None,
                "withdrawn": "2026-05-01" if number % 50 == 0 else None,
            }
        )
    assets = []
    for number in range(1, scale.assets - scale.videos + 1):
        name = f"kuvat/kuva-{number:05d}.jpg"
        gps = (61.5, 23.6) if number % 37 == 0 else None
        make_picture(assets_root / name, (1080, 1080) if number % 53 == 0 else (64, 48), seed=number, gps=gps)
        people = rng.choice(["none", "none", "crowd", "identifiable", "unknown"])
        linked = rng.sample([c["id"] for c in consents], min(len(consents), rng.choice([0, 1, 1, 2])))
        described = "Kuva kaupungista" if number % 31 == 0 else f"Kaupunkinäkymä {number}: talot rannalla."
        alt = {} if number % 9 == 0 else {"fi": described}
        if number % 4 == 0:
            alt["sv"] = f"Stadsvy {number}: hus vid sjön på kvällen."
        rights = rng.choice(["own", "own", "licensed", "cc", "unknown"])
        assets.append(
            {
                "id": f"img-{number:05d}",
                "file": name,
                "kind": "image",
                "alt": alt,
                "people": people,
                "consents": linked if people == "identifiable" else [],
                "rights": rights,
                "rights_expire": "2026-04-30" if rights == "licensed" and number % 2 else None,
                "attribution": f"Kuvaaja {number} / CC BY 4.0" if rights == "cc" else "",
            }
        )
    for number in range(1, scale.videos + 1):
        name = f"videot/video-{number:03d}.gif"
        make_clip(assets_root / name, frames=3, size=(32, 18))
        subtitles = {}
        if number % 5:
            srt = f"videot/video-{number:03d}.fi.srt"
            cues = [("00:00:00.500", "00:00:02.000", "Tervetuloa!")]
            write_subtitles(assets_root / srt, cues)
            if number % 7 == 0:  # a broken one
                (assets_root / srt).write_text("1\nei aikaa\nRikki\n", "utf-8")
            subtitles["fi"] = srt
        assets.append(
            {
                "id": f"vid-{number:03d}",
                "file": name,
                "kind": "video",
                "people": "none",
                "rights": "own",
                "subtitles": subtitles,
            }
        )
    return assets, consents


def _posts(
    scale: Scale,
    accounts: list[dict[str, Any]],
    assets: list[dict[str, Any]],
    rng: random.Random,
    first: dt.date,
) -> list[dict[str, Any]]:
    asset_ids = [a["id"] for a in assets]
    posts: Docs = []
    for account in accounts:
        owners = account["owners"] or account["producers"]
        for week in range(scale.weeks):
            monday = first + dt.timedelta(weeks=week)
            for _ in range(rng.choice([1, 2, 3, 3, 3, 4, 5])):
                day = monday + dt.timedelta(days=rng.randrange(0, 5))
                at = dt.datetime.combine(day, dt.time(rng.choice([8, 9, 12, 15, 18]), 0))
                text = rng.choice(TEXTS)
                if rng.random() > 0.08:
                    text += " #suurkaupunki" + "".join(f" {t}" for t in account["required_hashtags"])
                if rng.random() < 0.02:
                    text += " " + "pitkä " * 60  # too long for some platforms
                kind = rng.choice(["news", "news", "event", "announcement", "marketing"])
                if kind == "announcement" and rng.random() < 0.7:
                    text += " Lisätietoja: https://www.suurkaupunki.fi/tiedotteet"
                if at < NOW:
                    status = "published" if rng.random() < 0.9 else "ready"
                else:
                    status = rng.choice(["draft", "draft", "ready", "scheduled", "cancelled"])
                post = {
                    "id": f"p-{len(posts) + 1:05d}",
                    "account": account["id"],
                    "publish_at": at.isoformat(),
                    "text": text,
                    "kind": kind,
                    "lang": "fi",
                    "owner": rng.choice(owners),
                    "status": status,
                    "media": rng.sample(asset_ids, min(len(asset_ids), rng.choice([0, 0, 1, 1, 2]))),
                }
                if status in ("ready", "scheduled", "published"):
                    post["ready_by"] = post["owner"]
                    post["ready_at"] = min(at - dt.timedelta(days=1), NOW).isoformat()
                posts.append(post)
    posts += [{"id": "p-idea", "account": accounts[0]["id"], "text": "Idea ilman aikaa", "status": "draft"}]
    return posts


QUESTIONS = [
    "Milloin uimahalli aukeaa remontin jälkeen?",
    "Kiitos hyvästä tiedotteesta!",
    "Miksi meidän katua ei ole aurattu?",
    "Onko kirjastossa tänään satutunti?",
]


def after_publishing(doc: dict[str, Any], seed: int = 2026) -> dict[str, list[Any]]:
    """What a year of publishing leaves besides the posts: each account's feedback (some of it
    still open), each published post's figures from the platform's export, and the accounts'
    goals, as records (the workspace document of an import holds none of them)."""
    from planner.domain.calendar import Holidays
    from planner.domain.feedback import Feedback, due_date, handled
    from planner.domain.model import Organization
    from planner.domain.results import Figures, Goal

    rng = random.Random(seed + 1)
    organization = Organization.from_dict(doc["organization"])
    posts = [p for p in doc["posts"] if p.get("publish_at")]
    first = min(dt.datetime.fromisoformat(p["publish_at"]) for p in posts) if posts else NOW
    holidays = Holidays(first.date(), NOW.date() + dt.timedelta(days=60))
    feedback: list[Feedback] = []
    for account in doc["accounts"]:
        producers = account["owners"] or account["producers"]
        day = first
        while day < NOW:
            day += dt.timedelta(days=rng.choice([1, 2, 3, 5, 8]), minutes=rng.randrange(0, 600))
            came = day.replace(second=0, microsecond=0)
            item = Feedback(
                f"f-{len(feedback) + 1:05d}",
                account["id"],
                came,
                rng.choice(QUESTIONS),
                due_date(came, organization, holidays),
                kind=rng.choice(["comment", "comment", "message", "mention"]),
                sender=f"Asukas {rng.randrange(1, 500)}",
            )
            if came < NOW - dt.timedelta(days=3) or rng.random() < 0.5:
                answered = came + dt.timedelta(hours=rng.choice([2, 20, 30, 70]))
                item = handled(item, "answered", min(answered, NOW), rng.choice(producers))
            feedback.append(item)
    platforms = {a["id"]: a["platform"] for a in doc["accounts"]}
    figures = [
        Figures(
            p["id"],
            p["account"],
            platforms[p["account"]],
            NOW - dt.timedelta(days=1),
            reach=rng.randrange(50, 20000),
            views=rng.randrange(0, 30000),
            reactions=rng.randrange(0, 400),
            comments=rng.randrange(0, 60),
            shares=rng.randrange(0, 40),
            source="vienti.csv",
        )
        for p in posts
        if p["status"] == "published" and rng.random() < 0.85
    ]
    goals = [
        Goal(f"g-{account['id']}-{metric}", account["id"], metric, per, target)
        for account in doc["accounts"]
        for metric, per, target in (("posts", "month", 8.0), ("reach", "quarter", 50000.0))
    ]
    return {"feedback": feedback, "metrics": figures, "goals": goals}


def generate_document(scale_name: str, assets_root: Path, seed: int = 2026) -> dict[str, Any]:
    """The workspace document of a scale; media files are written under `assets_root`."""
    scale, first = SCALES[scale_name], FIRST_MONDAY[scale_name]
    rng = random.Random(seed)
    people = _people(scale, rng)
    accounts = _accounts(scale, people, rng)
    assets, consents = _media(scale, assets_root, rng)
    return {
        "organization": ORG,
        "people": people,
        "accounts": accounts,
        "absences": _absences(scale, people, rng, first),
        "campaigns": [
            {
                "id": "kesa",
                "name": "Kesä",
                "from": "2026-06-01",
                "to": "2026-08-31",
                "hashtags": ["#kesäkaupunki"],
            }
        ],
        "consents": consents,
        "assets": assets,
        "posts": _posts(scale, accounts, assets, rng, first),
    }


def generate(scale_name: str, root: Path, seed: int = 2026) -> dict[str, int]:
    """Create the workspace of a scale in `root` (which must not hold one yet): counts per list."""
    from planner.services.importer import parse_document
    from planner.storage.workspace import WorkspaceStore

    store = WorkspaceStore(root)
    store.create()
    doc = generate_document(scale_name, store.assets, seed)
    parsed = parse_document(doc, store.load(), store.assets)
    published = after_publishing(doc, seed) if scale_name != EMPTY else {}
    store.seed({**parsed, **published})
    return {
        **{kind: len(doc[kind]) for kind in doc if kind != "organization"},
        **{kind: len(found) for kind, found in published.items()},
    }

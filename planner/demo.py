"""The demo workspace: a made-up city, Järvelä, dated around today, showing most rules' findings."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.domain.calendar import monday_of
from planner.domain.workspace import Workspace
from planner.media.generate import clip, picture, subtitles
from planner.services import Session, now_local
from planner.services.importer import apply_document, parse_document
from planner.storage.files import atomic_write, make_dir
from planner.storage.workspace import WorkspaceStore

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

TEXTS = {
    "facebook-jarvelan-kaupunki": [
        "Kaupungintalon asiakaspalvelu palvelee joulun alla normaalisti. Tervetuloa! #järvelä",
        "Lumityöt etenevät: pääkadut aurataan ensin, pihakadut iltaan mennessä. #järvelä",
        "Valtuusto kokoontuu maanantaina, kokousta voi seurata suorana. #järvelä",
        "Liikuntapaikkojen talviaukiolot on julkaistu. Katso lisää https://www.jarvela.fi/liikunta #järvelä",
    ],
    "instagram-jarvelan-kaupunki": [
        "Aamun ensimmäinen pakkaspäivä Järvelän rannassa. #järvelä #talvi",
        "Kirjastossa askarrellaan jouluksi – tule mukaan! #järvelä #joulu",
        "Kaupunkikuvaa keskustasta tänään. #järvelä",
    ],
    "x-jarvelan-kaupunki": [
        "Tiedote: vedenjakelussa katko Koivukylässä ti klo 9–12. https://www.jarvela.fi/vesi #järvelä",
        "Valtuuston kokous alkaa klo 18. Seuraa suoraa lähetystä. #järvelä",
        "Joulukuun jätehuollon aikataulut: https://www.jarvela.fi/jatehuolto #järvelä",
    ],
    "linkedin-jarvelan-kaupunki": [
        "Haemme varhaiskasvatuksen opettajia! Hae viimeistään kuun lopussa. #järvelä #rekry",
        "Järvelä palkittiin vuoden työnantajana maakunnassa. #järvelä",
    ],
    "youtube-jarvela-tv": [
        "Kaupunginjohtajan joulutervehdys. #järvelä",
        "Näin lajittelet jätteet oikein – lyhyt ohjevideo. #järvelä",
    ],
    "facebook-jarvelan-kirjasto": [
        "Satutunti lauantaina klo 11 lastenosastolla. #järvelä #järvelänkirjasto",
        "Uutuuksia hyllyssä: talven dekkarit odottavat lukijoitaan. #järvelä #järvelänkirjasto",
    ],
}


def _days_from(today: dt.date) -> Callable[[int], str]:
    def day(offset: int) -> str:
        return (today + dt.timedelta(days=offset)).isoformat()

    return day


def _fi(text: str) -> dict[str, str]:
    return {"fi": text}


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


def _write(assets: Path, relative: str, data: bytes) -> None:
    """A media file of the demo, written as every workspace file is (atomically, the team's mode)."""
    path = assets / relative
    make_dir(path.parent)
    atomic_write(path, data)


def _media(assets: Path, today: dt.date) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    day = _days_from(today)
    pictures = [
        ("kirjasto-syksy.jpg", (1200, 800), 1, None),
        ("joulutori.jpg", (1080, 1080), 2, (61.5535, 23.5961)),
        ("valtuusto.jpg", (1200, 800), 3, None),
        ("lasten-joulujuhla.jpg", (1080, 1080), 4, None),
        ("uimahalli.jpg", (1200, 900), 5, None),
        ("tapahtumajuliste.png", (600, 1200), 6, None),
        ("vanha-arkistokuva.jpg", (800, 600), 7, None),
        ("palkitut.jpg", (1080, 1080), 8, None),
        ("kirjastoauto.jpg", (1080, 1080), 9, None),
    ]
    for name, size, seed, gps in pictures:
        _write(assets, f"kuvat/{name}", picture(size, seed, gps, "PNG" if name.endswith(".png") else "JPEG"))
    _write(assets, "videot/joulutervehdys.gif", clip())
    _write(assets, "videot/jateohje.gif", clip())
    _write(
        assets,
        "videot/joulutervehdys.fi.srt",
        subtitles(
            [
                ("00:00:00.500", "00:00:03.000", "Hyvää joulua, järveläiset!"),
                ("00:00:03.200", "00:00:06.000", "Kiitos kuluneesta vuodesta."),
            ]
        ).encode("utf-8"),
    )
    _write(
        assets,
        "videot/jateohje.fi.vtt",
        "WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nLajittele biojäte erikseen.\n".encode(),
    )
    consents = [
        {
            "id": "c-001",
            "subject": "Valtuutettu V1",
            "minor": False,
            "written": True,
            "scope": ["*"],
            "valid_from": day(-100),
            "valid_to": None,
            "withdrawn": None,
        },
        {
            "id": "c-002",
            "subject": "Lapsi L1",
            "minor": True,
            "guardian": None,
            "written": True,
            "scope": ["instagram"],
            "valid_from": day(-30),
        },
        {
            "id": "c-003",
            "subject": "Työntekijä T1",
            "minor": False,
            "written": True,
            "scope": ["facebook", "linkedin"],
            "valid_from": day(-60),
            "withdrawn": day(20),
        },
        {
            "id": "c-004",
            "subject": "Kirjastoautonkuljettaja K1",
            "minor": False,
            "written": True,
            "scope": ["*"],
            "valid_from": day(-10),
        },
    ]
    assets_list: list[dict[str, Any]] = [
        {
            "id": "img-kirjasto",
            "file": "kuvat/kirjasto-syksy.jpg",
            "kind": "image",
            "people": "none",
            "rights": "own",
            "alt": _fi("Kirjaston lukusali iltavalossa, ikkunoista näkyy lumisia puita."),
        },
        {
            "id": "img-tori",
            "file": "kuvat/joulutori.jpg",
            "kind": "image",
            "people": "crowd",
            "rights": "own",
            "alt": _fi("Joulutorin kojuja ja ihmisiä jouluvalojen alla."),
        },
        {
            "id": "img-valtuusto",
            "file": "kuvat/valtuusto.jpg",
            "kind": "image",
            "people": "identifiable",
            "consents": ["c-001"],
            "rights": "own",
            "alt": _fi("Valtuutettu puhuu valtuustosalin puhujapöntössä."),
        },
        {
            "id": "img-lapset",
            "file": "kuvat/lasten-joulujuhla.jpg",
            "kind": "image",
            "people": "identifiable",
            "consents": ["c-002"],
            "rights": "own",
            "alt": _fi("Lapset laulavat joulujuhlassa tonttulakit päässä."),
        },
        {
            "id": "img-uimahalli",
            "file": "kuvat/uimahalli.jpg",
            "kind": "image",
            "people": "none",
            "rights": "licensed",
            "rights_expire": day(20),
            "alt": _fi("Kuva uimahallista"),
        },
        {
            "id": "img-juliste",
            "file": "kuvat/tapahtumajuliste.png",
            "kind": "image",
            "people": "none",
            "rights": "own",
            "alt": {},
        },
        {
            "id": "img-arkisto",
            "file": "kuvat/vanha-arkistokuva.jpg",
            "kind": "image",
            "people": "unknown",
            "rights": "unknown",
            "alt": _fi("Vanha torinäkymä 1960-luvulta."),
        },
        {
            "id": "img-palkitut",
            "file": "kuvat/palkitut.jpg",
            "kind": "image",
            "people": "identifiable",
            "consents": ["c-003"],
            "rights": "own",
            "alt": _fi("Palkitut työntekijät kukkien kanssa kaupungintalon aulassa."),
        },
        {
            "id": "img-kirjastoauto",
            "file": "kuvat/kirjastoauto.jpg",
            "kind": "image",
            "people": "identifiable",
            "rights": "own",
        },
        {
            "id": "vid-tervehdys",
            "file": "videot/joulutervehdys.gif",
            "kind": "video",
            "people": "none",
            "rights": "own",
            "subtitles": {"fi": "videot/joulutervehdys.fi.srt"},
        },
        {
            "id": "vid-jateohje",
            "file": "videot/jateohje.gif",
            "kind": "video",
            "people": "none",
            "rights": "own",
            "subtitles": {"fi": "videot/jateohje.fi.vtt"},
        },
    ]
    return assets_list, consents


def _regular_posts(now: dt.datetime) -> list[dict[str, Any]]:
    """The steady weekly rhythm of each account, with a few weeks left short on purpose."""
    monday = monday_of(now.date())
    posts: list[dict[str, Any]] = []
    plan = {  # account -> (posts a week, weeks skipped, owner)
        "facebook-jarvelan-kaupunki": (2, {5}, "mikko"),
        "instagram-jarvelan-kaupunki": (1, set(), "mikko"),
        "x-jarvelan-kaupunki": (1, {6}, "sanna"),
        "linkedin-jarvelan-kaupunki": (1, {3, 7}, "aino"),
        "youtube-jarvela-tv": (1, {2, 4, 6, 8}, "mikko"),
        "facebook-jarvelan-kirjasto": (1, set(), "jussi"),
    }
    for account, (per_week, skipped, owner) in plan.items():
        texts = itertools.cycle(TEXTS[account])
        for week in range(-1, 9):
            if week in skipped:
                continue
            for slot in range(per_week):
                at = dt.datetime.combine(
                    monday + dt.timedelta(weeks=week, days=1 + 2 * slot), dt.time(9 + slot * 3)
                )
                posts.append(
                    {
                        "account": account,
                        "publish_at": at.strftime("%Y-%m-%dT%H:%M"),
                        "text": next(texts),
                        "kind": "news",
                        "owner": owner,
                        "status": _status_for(at, now),
                    }
                )
    return posts


def _status_for(at: dt.datetime, now: dt.datetime) -> str:
    if at < now:
        return "published"
    if at < now + dt.timedelta(days=3):
        return "scheduled"
    return "ready" if at < now + dt.timedelta(weeks=5) else "draft"


def _special_posts(now: dt.datetime) -> list[dict[str, Any]]:
    """Posts that show what the checklist catches."""

    def at(days: int, hour: int = 10) -> str:
        when = dt.datetime.combine(now.date() + dt.timedelta(days=days), dt.time(hour))
        return when.strftime("%Y-%m-%dT%H:%M")

    summer = (summer_vacation_start(now.date()) - now.date()).days + 10  # inside mikko's vacation
    long_x = (
        "Tiedote: " + "Kaupungin palvelupisteiden aukioloajat muuttuvat joulun ja uudenvuoden "
        "välisenä aikana. " * 4 + "#järvelä"
    )

    def p(**fields: Any) -> dict[str, Any]:
        return {"kind": "news", "status": "draft", "owner": "mikko", **fields}

    return [
        p(account="x-jarvelan-kaupunki", publish_at=at(9), text=long_x, owner="sanna", kind="announcement"),
        p(
            account="instagram-jarvelan-kaupunki",
            publish_at=at(12),
            text="Talvinen Järvelä! #järvelä #talvi #lumi #pakkanen #luonto #suomi",
        ),
        p(
            account="facebook-jarvelan-kaupunki",
            publish_at=at(5, 14),
            status="ready",
            owner="aino",
            kind="announcement",
            title="Katuvalot sammuvat yöllä",
            text="Katuvalot sammutetaan yöksi säästösyistä 1.1. alkaen. #järvelä",
        ),
        p(
            account="facebook-jarvelan-kaupunki",
            publish_at=at(8, 15),
            campaign="joulu",
            text="Joulutori avaa ovensa lauantaina Kauppatorilla!",
            media=["img-tori"],
        ),
        p(
            account="facebook-jarvelan-kirjasto",
            publish_at=at(17, 12),
            owner="jussi",
            text="Kirjaston lukupiiri kokoontuu. #järvelä #järvelänkirjasto",
            media=["img-kirjasto"],
        ),
        p(
            account="facebook-jarvelan-kaupunki",
            publish_at=at(19),
            owner=None,
            text="Kaupungin joulukuusi sytytetään sunnuntaina. #järvelä #joulujärvelässä",
            campaign="joulu",
        ),
        p(
            account="instagram-jarvelan-kaupunki",
            publish_at=at(10, 16),
            media=["img-lapset"],
            text="Päiväkotien joulujuhlat ovat alkaneet. #järvelä",
        ),
        p(
            account="instagram-jarvelan-kaupunki",
            publish_at=at(16, 13),
            media=["img-arkisto"],
            text="Torstain muistelukuva: Järvelän tori ennen. #järvelä #muistelu",
        ),
        p(
            account="instagram-jarvelan-kaupunki",
            publish_at=at(24, 12),
            media=["img-juliste"],
            text="Uudenvuoden ilotulitus rannassa klo 18! #järvelä",
        ),
        p(
            account="youtube-jarvela-tv",
            publish_at=at(22, 12),
            title="Näin lajittelet jätteet",
            media=["vid-jateohje"],
            text="Lyhyt ohjevideo jätteiden lajittelusta. #järvelä",
        ),
        p(
            account="youtube-jarvela-tv",
            publish_at=at(31, 12),
            lang="sv",
            title="Julhälsning",
            media=["vid-tervehdys"],
            text="Stadsdirektörens julhälsning. #järvelä",
        ),
        p(
            account="facebook-jarvelan-kaupunki",
            publish_at=at(26, 11),
            media=["img-uimahalli"],
            text="Uimahallin aukioloajat loppiaisena. #järvelä",
        ),
        p(
            account="linkedin-jarvelan-kaupunki",
            publish_at=at(27, 9),
            media=["img-palkitut"],
            owner="aino",
            text="Onnittelut vuoden työyhteisöpalkinnon saajille! #järvelä",
        ),
        p(
            account="instagram-nuorten-kesa",
            publish_at=at(14, 12),
            owner="sanna",
            text="Kesätyöhaku aukeaa pian! #järvelä #nuortenkesä",
        ),
        p(
            account="facebook-jarvelan-kaupunki",
            publish_at=None,
            title="Idea: talvipyöräily",
            text="Talvipyöräilyn vinkit – luonnos. #järvelä",
        ),
        p(
            account="facebook-jarvelan-kaupunki",
            publish_at=at(6, 12),
            status="cancelled",
            text="Peruttu: konsertti siirtyy. #järvelä",
        ),
        p(
            account="x-jarvelan-kaupunki",
            publish_at=at(-1, 8),
            status="ready",
            owner="sanna",
            text="Muistutus: lautakunnan kokous tänään. #järvelä",
        ),
        p(
            account="facebook-jarvelan-kaupunki",
            publish_at=at(3, 18),
            status="scheduled",
            media=["img-valtuusto"],
            owner="aino",
            text="Valtuuston kokous tänään klo 18, tervetuloa seuraamaan! #järvelä",
        ),
        p(
            account="instagram-jarvelan-kaupunki",
            publish_at=at(summer, 11),
            title="Kesäterveiset",
            text="Aurinkoista kesää kaikille järveläläisille! #järvelä #kesä",
        ),
    ]


def summer_vacation_start(today: dt.date) -> dt.date:
    """The first Monday of next July: when the demo's summer gap opens."""
    year = today.year if today < dt.date(today.year, 6, 1) else today.year + 1
    return monday_of(dt.date(year, 7, 7))


def _absences(today: dt.date) -> list[dict[str, Any]]:
    day = _days_from(today)
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


def demo_document(assets: Path, now: dt.datetime) -> dict[str, Any]:
    today = now.date()
    asset_list, consents = _media(assets, today)
    posts = _regular_posts(now) + _special_posts(now)
    for number, post in enumerate(posts, start=1):
        post["id"] = f"p-demo-{number:03d}"  # never like an id `post add` prints, nor one in a README
        if post["status"] == "published":
            post["published_url"] = f"https://some.example/{post['account']}/{number}"
        if post["status"] in ("ready", "scheduled", "published"):
            post["ready_by"] = post.get("owner") or "aino"
            ready_at = dt.datetime.fromisoformat(post["publish_at"] or now.isoformat()) - dt.timedelta(days=2)
            post["ready_at"] = min(ready_at, now).strftime("%Y-%m-%dT%H:%M")
    campaign = {
        "id": "joulu",
        "name": "Joulu Järvelässä",
        "from": today.isoformat(),
        "to": (today + dt.timedelta(days=35)).isoformat(),
        "hashtags": ["#joulujärvelässä"],
    }
    return {
        "organization": ORG,
        "people": PEOPLE,
        "accounts": _accounts(today),
        "absences": _absences(today),
        "campaigns": [campaign],
        "consents": consents,
        "assets": asset_list,
        "posts": posts,
    }


def build_demo(root: Path) -> Workspace:
    """Create a demo workspace in `root` (calendars/ and assets/), dated around today."""
    store = WorkspaceStore(root)
    store.create()
    now = now_local(ORG["timezone"])
    doc = demo_document(store.assets, now)
    session = Session(store, "demo")
    with store.transaction("demo", session.stamp) as unit:
        apply_document(unit, parse_document(doc, unit.base, store.assets))
    return store.load()

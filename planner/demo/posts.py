"""The demo's posts: ten weeks of them, in every status, showing most rules' findings."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from planner.demo.people import summer_vacation_start
from planner.domain.calendar import monday_of

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
    # Instagram and YouTube publish no text alone (post.media_required): their steady posts carry
    # a picture or a video.
    media = {
        "instagram-jarvelan-kaupunki": ["img-talviranta"],
        "youtube-jarvela-tv": ["vid-tervehdys"],
    }
    for account, (per_week, skipped, owner) in plan.items():
        texts = itertools.cycle(TEXTS[account])
        attached = itertools.cycle([[m] for m in media.get(account, [])] or [[]])  # beside its text
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
                        "media": next(attached),
                    }
                )
    return posts


HISTORY_WEEKS = range(-6, -1)  # the weeks before last: published, for the results of last month


def _history_posts(now: dt.datetime) -> list[dict[str, Any]]:
    """What the accounts published in the weeks before last, at their usual rhythm (the results
    report of last month has a month to show). Numbered after the other posts, so that the ids of
    those stay as they were."""
    monday = monday_of(now.date())
    rhythm = {  # account -> (posts a week, owner)
        "facebook-jarvelan-kaupunki": (2, "mikko"),
        "instagram-jarvelan-kaupunki": (1, "mikko"),
        "x-jarvelan-kaupunki": (1, "sanna"),
        "linkedin-jarvelan-kaupunki": (1, "aino"),
        "facebook-jarvelan-kirjasto": (1, "jussi"),
    }
    posts: list[dict[str, Any]] = []
    for account, (per_week, owner) in rhythm.items():
        texts = itertools.cycle(reversed(TEXTS[account]))
        for week in HISTORY_WEEKS:
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
                        "status": "published",
                        "media": ["img-talviranta"] if account.startswith("instagram") else [],
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

"""The demo's pictures, clips and subtitles, made with Pillow and written as every workspace file is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from planner.demo.dates import days_from, fi
from planner.media.generate import clip, picture, subtitles
from planner.storage.files import atomic_write, make_dir


def _write(assets: Path, relative: str, data: bytes) -> None:
    """A media file of the demo, written as every workspace file is (atomically, the team's mode)."""
    path = assets / relative
    make_dir(path.parent)
    atomic_write(path, data)


def _media(assets: Path, today: dt.date) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    day = days_from(today)
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
        ("talviranta.jpg", (1080, 1080), 10, None),
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
            "alt": fi("Kirjaston lukusali iltavalossa, ikkunoista näkyy lumisia puita."),
        },
        {
            "id": "img-tori",
            "file": "kuvat/joulutori.jpg",
            "kind": "image",
            "people": "crowd",
            "rights": "own",
            "alt": fi("Joulutorin kojuja ja ihmisiä jouluvalojen alla."),
        },
        {
            "id": "img-valtuusto",
            "file": "kuvat/valtuusto.jpg",
            "kind": "image",
            "people": "identifiable",
            "consents": ["c-001"],
            "rights": "own",
            "alt": fi("Valtuutettu puhuu valtuustosalin puhujapöntössä."),
        },
        {
            "id": "img-lapset",
            "file": "kuvat/lasten-joulujuhla.jpg",
            "kind": "image",
            "people": "identifiable",
            "consents": ["c-002"],
            "rights": "own",
            "alt": fi("Lapset laulavat joulujuhlassa tonttulakit päässä."),
        },
        {
            "id": "img-uimahalli",
            "file": "kuvat/uimahalli.jpg",
            "kind": "image",
            "people": "none",
            "rights": "licensed",
            "rights_expire": day(20),
            "alt": fi("Kuva uimahallista"),
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
            "alt": fi("Vanha torinäkymä 1960-luvulta."),
        },
        {
            "id": "img-palkitut",
            "file": "kuvat/palkitut.jpg",
            "kind": "image",
            "people": "identifiable",
            "consents": ["c-003"],
            "rights": "own",
            "alt": fi("Palkitut työntekijät kukkien kanssa kaupungintalon aulassa."),
        },
        {
            "id": "img-kirjastoauto",
            "file": "kuvat/kirjastoauto.jpg",
            "kind": "image",
            "people": "identifiable",
            "rights": "own",
        },
        {
            "id": "img-talviranta",
            "file": "kuvat/talviranta.jpg",
            "kind": "image",
            "people": "none",
            "rights": "own",
            "alt": fi("Luminen ranta ja jäätynyt järvi aamuauringossa."),
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

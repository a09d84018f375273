"""The media library, for the app and the command line alike: add a file (copied into assets/), edit
an asset's alt text, people, permissions and rights, and attach subtitle files to a video."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from slugify import slugify

from planner.domain.errors import DataError, known, unknown_ref
from planner.domain.fields import nfc, parse_date
from planner.domain.model import PEOPLE_SHOWN, RIGHTS, VIDEO_SUFFIXES, Asset
from planner.domain.roles import require_writer
from planner.domain.workspace import Workspace
from planner.services import Note, Session
from planner.storage import asset_files

SUBTITLE_SUFFIXES = frozenset({".srt", ".vtt"})
LANG_CODE = re.compile(r"[a-z]{2,3}")


@dataclass(frozen=True)
class NewAsset:
    file: Path
    id: str | None = None
    alt: str | None = None
    lang: str | None = None
    people: str = "unknown"
    consents: tuple[str, ...] = ()
    rights: str = "unknown"
    rights_expire: dt.date | None = None
    attribution: str = ""
    strip_location: bool = False


def _free_id(ws: Workspace, prefix: str, name: str) -> str:
    base = f"{prefix}-{slugify(Path(name).stem) or 'file'}"
    candidate, number = base, 1
    while candidate in ws.assets:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def _choice(value: str, choices: tuple[str, ...], field: str) -> str:
    if value not in choices:
        raise DataError("err.bad_choice", field=field, value=value, choices=", ".join(choices))
    return value


def _lang(value: str | None, ws: Workspace) -> str:
    lang = (value or ws.organization.default_lang).strip().casefold()
    if not LANG_CODE.fullmatch(lang):
        raise DataError("err.bad_lang", field="--lang", value=value)
    return lang


def _consents(ws: Workspace, ids: tuple[str, ...]) -> tuple[str, ...]:
    for consent in ids:
        known(ws.consents, consent, "consent", "--consent")
    return tuple(dict.fromkeys(ids))


def _rights_checked(asset: Asset) -> Asset:
    if asset.rights == "cc" and not asset.attribution.strip():
        raise DataError("err.cc_attribution")
    return asset


def _checked(ws: Workspace, new: NewAsset) -> None:
    _choice(new.people, PEOPLE_SHOWN, "--people")
    _choice(new.rights, RIGHTS, "--rights")
    _consents(ws, new.consents)
    if new.file.suffix.casefold() in SUBTITLE_SUFFIXES:
        raise DataError("err.subtitle_as_asset", file=new.file.name)
    if new.id is not None:
        Asset.from_dict({"id": new.id, "file": "x"})  # the same id rules as an import
        if new.id in ws.assets:
            raise DataError("err.duplicate_id", value=new.id)


def add_asset(session: Session, new: NewAsset) -> Asset:
    """Copy the file into assets/ under a slugified name and record it. An image is read with Pillow
    first (broken files refused); with `strip_location` the copy loses its GPS block, the original is
    left as it is."""
    require_writer(session.actor(session.load()), "action.library_write")  # before reading anything
    if new.file.suffix.casefold() in SUBTITLE_SUFFIXES:
        raise DataError("err.subtitle_as_asset", file=new.file.name)
    video = new.file.suffix.casefold() in VIDEO_SUFFIXES
    data = asset_files.read_source(new.file)
    facts = None
    if not video:
        from planner.media.images import probe_image, without_location

        facts = probe_image(data, new.file.name)
        if new.strip_location:
            data = without_location(data, new.file.name)
            facts = replace(facts, location=False)  # the stored copy has no GPS block
    root = session.store.assets
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        require_writer(session.actor(ws), "action.library_write")
        _checked(ws, new)
        relative = asset_files.place(root, new.file.name, data, "videot" if video else "kuvat")
        lang = _lang(new.lang, ws)
        asset = Asset(
            id=new.id or _free_id(ws, "vid" if video else "img", new.file.name),
            file=relative,
            kind="video" if video else "image",
            alt={lang: nfc(new.alt).strip()} if new.alt and new.alt.strip() else {},
            people=new.people,
            consents=tuple(dict.fromkeys(new.consents)),
            rights=new.rights,
            rights_expire=parse_date(new.rights_expire, "rights_expire") if new.rights_expire else None,
            attribution=nfc(new.attribution).strip(),
        )
        _rights_checked(asset)
        if facts is not None:
            asset = replace(
                asset, width=facts.width, height=facts.height, format=facts.format, location=facts.location
            )
        asset = unit.put("assets", asset)
    return asset


@dataclass(frozen=True)
class AssetEdit:
    """What to change; None leaves a field as it is. An empty alt text removes that language's."""

    alt: str | None = None
    lang: str | None = None  # the language of `alt` (default: the organization's first)
    people: str | None = None
    link: tuple[str, ...] = ()  # consents to add
    unlink: tuple[str, ...] = ()  # consents to remove
    rights: str | None = None
    rights_expire: dt.date | None = None
    clear_rights_expire: bool = False
    attribution: str | None = None
    revision: int | None = None  # the revision the change was made on: a newer one is a conflict


def edit_asset(session: Session, asset_id: str, change: AssetEdit) -> Asset:
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        require_writer(session.actor(ws), "action.library_write")
        asset = _asset(ws, asset_id)
        unit.expect("assets", asset_id, change.revision)
        alt = dict(asset.alt)
        if change.alt is not None:
            lang = _lang(change.lang, ws)
            text = nfc(change.alt).strip()
            if text:
                alt[lang] = text
            else:
                alt.pop(lang, None)
        for consent in change.unlink:
            if consent not in asset.consents:
                raise unknown_ref("--unlink", "consent", consent)
        kept = tuple(c for c in asset.consents if c not in change.unlink)
        expire = asset.rights_expire
        if change.clear_rights_expire:
            expire = None
        elif change.rights_expire is not None:
            expire = parse_date(change.rights_expire, "rights_expire")
        edited = replace(
            asset,
            alt=alt,
            people=_choice(change.people, PEOPLE_SHOWN, "--people") if change.people else asset.people,
            consents=_consents(ws, (*kept, *change.link)),
            rights=_choice(change.rights, RIGHTS, "--rights") if change.rights else asset.rights,
            rights_expire=expire,
            attribution=asset.attribution if change.attribution is None else nfc(change.attribution).strip(),
        )
        _rights_checked(edited)
        if edited != asset:
            edited = unit.put("assets", edited)
    return edited


def _asset(ws: Workspace, asset_id: str) -> Asset:
    return known(ws.assets, asset_id, "asset", "asset")


@dataclass(frozen=True)
class Attached:
    asset: Asset
    file: str  # relative to assets/
    lang: str
    cues: int
    warnings: list[Note]  # reading speed over 17 characters a second, overlapping cues


def attach_subtitles(session: Session, asset_id: str, file: Path, lang: str | None) -> Attached:
    """Parse the .srt/.vtt file strictly (a broken one refused with its line), copy it next to the
    video under assets/ and record it as the video's subtitles in `lang`."""
    from planner.media.subtitles import SubtitleError, cue_warnings, parse_subtitles

    ws = session.load()
    require_writer(session.actor(ws), "action.library_write")
    if _asset(ws, asset_id).kind != "video":
        raise DataError("err.not_video", asset=asset_id)
    if file.suffix.casefold() not in SUBTITLE_SUFFIXES:
        raise DataError("err.not_subtitles", file=file.name)
    data = asset_files.read_source(file)
    try:
        cues = parse_subtitles(data, file.name)
    except SubtitleError as error:
        found = error.params.get("found", "")
        raise DataError(
            "err.bad_subtitles", file=file.name, line=error.line, reason_key="sub." + error.code, found=found
        ) from None
    notes = [Note("sub.warn_" + w.kind, {"line": w.line, "value": w.value}) for w in cue_warnings(cues)]
    with session.store.transaction(session.user or "", session.stamp) as unit:
        ws = unit.base
        require_writer(session.actor(ws), "action.library_write")
        video = _asset(ws, asset_id)
        language = _lang(lang, ws)
        stem = PurePosixPath(video.file).stem
        relative = asset_files.place(
            session.store.assets,
            f"{stem}.{language}{file.suffix.casefold()}",
            data,
            str(PurePosixPath(video.file).parent).removeprefix("."),
        )
        attached = replace(video, subtitles={**video.subtitles, language: relative})
        if attached != video:
            attached = unit.put("assets", attached)
    return Attached(attached, relative, language, len(cues), notes)

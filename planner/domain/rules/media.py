"""Media rules: alt text, subtitles, people and permissions, usage rights, location and format, and
the file itself."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from typing import Any

from planner.domain import platforms
from planner.domain.fields import fold
from planner.domain.model import Asset, Consent, Post
from planner.domain.rules import ERROR, WARNING, Context, Problem, post_rule, problem

ALT_QUALITY_MAX = 250
ALT_PREFIXES = ("kuva", "image of")
# Folded texts that name no content (WCAG failure F30).
PLACEHOLDERS = frozenset(
    {
        "kuva",
        "kuvat",
        "valokuva",
        "kuvateksti",
        "kuvaus",
        "image",
        "img",
        "photo",
        "picture",
        "pic",
        "foto",
        "bild",
        "alt",
        "alt text",
        "alt-text",
        "alt-teksti",
        "alt teksti",
        "alttext",
        "vaihtoehtoinen teksti",
        "placeholder",
        "tbd",
        "todo",
        "tähän",
        "lisää",
        "description",
        "untitled",
        "nimetön",
        "null",
        "none",
        "lorem ipsum",
        "x",
        "xx",
        "xxx",
        "test",
        "testi",
    }
)


_LAST: list[tuple[Post, object, tuple[Asset, ...]]] = []  # the last post's assets, with its library


def post_assets(post: Post, ctx: Context) -> tuple[Asset, ...]:
    """The assets the post uses that the library has, each once, in the post's order. The eight
    media rules ask this in turn about one post, so the last answer is kept (with the post and
    the library it was found in: the very objects, so another post or library is never answered
    from it)."""
    library = ctx.ws.assets
    if _LAST:
        last_post, last_library, found = _LAST[0]
        if last_post is post and last_library is library:
            return found
    found = tuple(a for a in map(library.get, dict.fromkeys(post.media)) if a is not None)
    _LAST[:] = [(post, library, found)]
    return found


def _alt(asset: Asset, post: Post) -> str:
    return asset.alt.get(post.lang, "").strip()


@post_rule("media.alt_text", ERROR, media_only=True)
def alt_text(post: Post, ctx: Context) -> Iterator[Problem]:
    account = ctx.ws.accounts.get(post.account)
    limit = platforms.limits(account.platform).alt_max if account else None
    for asset in post_assets(post, ctx):
        if asset.kind != "image":
            continue
        alt = _alt(asset, post)
        if not alt:
            yield problem("media.alt_text.missing", asset=asset.id, lang=post.lang)
        elif limit is not None and len(alt) > limit:
            yield problem(
                "media.alt_text.too_long",
                asset=asset.id,
                length=len(alt),
                limit=limit,
                platform=account.platform if account else "",
            )


@functools.lru_cache(maxsize=8192)
def _file_names(file: str) -> frozenset[str]:
    """The names an alt text must not merely repeat: the file's name, its stem, the stem spaced.
    (The stem as `PurePosixPath.stem` has it, by string: a check reads thousands of files.)"""
    name = file.rstrip("/").rsplit("/", 1)[-1]
    dot = name.rfind(".")
    stem = fold(name[:dot] if 0 < dot < len(name) - 1 else name)
    return frozenset({fold(name), stem, re.sub(r"[-_]+", " ", stem).strip()})


def alt_quality_problems(asset: Asset, alt: str) -> Iterator[Problem]:
    """What is wrong with `alt` as the alt text of `asset` (the rule, and the app's alt-text editor
    as one types)."""
    folded = fold(alt)
    bare = folded.strip(" .,:;!?-–—…\"'")
    names = _file_names(asset.file)
    if folded in names or bare in names:
        yield problem("media.alt_quality.filename", asset=asset.id)
    elif bare in PLACEHOLDERS or not any(ch.isalnum() for ch in bare):
        yield problem("media.alt_quality.placeholder", asset=asset.id, alt=alt)
    else:
        prefix = next((p for p in ALT_PREFIXES if folded.startswith(p)), None)
        if prefix:
            yield problem("media.alt_quality.prefix", asset=asset.id, prefix=alt[: len(prefix)])
    if len(alt) > ALT_QUALITY_MAX:
        yield problem("media.alt_quality.long", asset=asset.id, length=len(alt))


@post_rule("media.alt_quality", WARNING, media_only=True)
def alt_quality(post: Post, ctx: Context) -> Iterator[Problem]:
    for asset in post_assets(post, ctx):
        alt = _alt(asset, post)
        if asset.kind == "image" and alt:
            yield from alt_quality_problems(asset, alt)


@post_rule("media.subtitles", ERROR, media_only=True)
def subtitles(post: Post, ctx: Context) -> Iterator[Problem]:
    for asset in post_assets(post, ctx):
        if asset.kind != "video":
            continue
        file = asset.subtitles.get(post.lang)
        if not file:
            yield problem("media.subtitles.missing", asset=asset.id, lang=post.lang)
            continue
        verdict = ctx.subtitle_problems.get(file, ("sub.unreadable", {}))
        if verdict is not None:
            reason, values = verdict
            key = "media.subtitles.invalid" if "line" in values else "media.subtitles.unreadable"
            yield problem(key, asset=asset.id, file=file, reason_key=reason, **values)


@post_rule("media.people", ERROR, media_only=True)
def people_known(post: Post, ctx: Context) -> Iterator[Problem]:
    for asset in post_assets(post, ctx):
        if asset.people == "unknown":
            yield problem("media.people", asset=asset.id)


def consent_flaws(consent: Consent, day: dt.date | None) -> Iterator[tuple[str, dict[str, Any]]]:
    """What keeps a consent from permitting a use on `day`, its scope aside: (message key, params).
    Without a day only what holds on every day is judged."""
    if not consent.written:
        yield "media.permission.not_written", {}
    if consent.minor and not consent.guardian:
        yield "media.permission.guardian", {}
    if day is not None:
        if consent.valid_from and day < consent.valid_from:
            yield "media.permission.not_yet", {"valid_from": consent.valid_from}
        if consent.valid_to and day > consent.valid_to:
            yield "media.permission.expired", {"valid_to": consent.valid_to}
        if consent.withdrawn and consent.withdrawn <= day:
            yield "media.permission.withdrawn", {"withdrawn": consent.withdrawn}


def consent_problems(consent: Consent, asset: Asset, post: Post, ctx: Context) -> Iterator[Problem]:
    """Why a linked consent does not permit this post, if it does not."""
    ids: dict[str, Any] = {"asset": asset.id, "consent": consent.id}
    for key, params in consent_flaws(consent, post.publish_date):
        yield problem(key, **params, **ids)
    account = ctx.ws.accounts.get(post.account)
    if account is not None:
        scope = {fold(s) for s in consent.scope}
        if not scope & {"*", fold(account.id), fold(account.platform)}:
            yield problem("media.permission.scope", account=account.id, platform=account.platform, **ids)


@post_rule("media.permission", ERROR, media_only=True)
def permission(post: Post, ctx: Context) -> Iterator[Problem]:
    for asset in post_assets(post, ctx):
        if asset.people != "identifiable":
            continue
        if not asset.consents:
            yield problem("media.permission.none", asset=asset.id)
        for consent_id in asset.consents:
            consent = ctx.ws.consents.get(consent_id)
            if consent is None:
                yield problem("media.permission.missing_record", asset=asset.id, consent=consent_id)
            else:
                yield from consent_problems(consent, asset, post, ctx)


@post_rule("media.rights", ERROR, media_only=True)
def rights(post: Post, ctx: Context) -> Iterator[Problem]:
    day = post.publish_date
    for asset in post_assets(post, ctx):
        if asset.rights == "unknown":
            yield problem("media.rights.unknown", asset=asset.id)
        elif asset.rights_expire and day and day > asset.rights_expire:
            yield problem("media.rights.expired", asset=asset.id, expire=asset.rights_expire, date=day)


@post_rule("media.location", WARNING, media_only=True)
def location(post: Post, ctx: Context) -> Iterator[Problem]:
    for asset in post_assets(post, ctx):
        if asset.kind == "image" and asset.location:
            yield problem("media.location", asset=asset.id)


@post_rule("media.format", WARNING, media_only=True)
def image_format(post: Post, ctx: Context) -> Iterator[Problem]:
    account = ctx.ws.accounts.get(post.account)
    if account is None:
        return
    limits = platforms.limits(account.platform)
    tolerance = platforms.aspect_tolerance()
    for asset in post_assets(post, ctx):
        if asset.kind != "image" or not asset.width or not asset.height:
            continue
        if limits.aspect:
            low, high = limits.aspect
            ratio = asset.width / asset.height
            if not low * (1 - tolerance) <= ratio <= high * (1 + tolerance):
                yield problem(
                    "media.format.aspect",
                    asset=asset.id,
                    ratio=f"{ratio:.2f}",
                    low=low,
                    high=high,
                    platform=account.platform,
                )
        if limits.width:
            low_w, high_w = limits.width
            if not low_w <= asset.width <= high_w:
                yield problem(
                    "media.format.width",
                    asset=asset.id,
                    width=asset.width,
                    low=low_w,
                    high=high_w,
                    platform=account.platform,
                )


@post_rule("media.file", ERROR, media_only=True)
def media_file(post: Post, ctx: Context) -> Iterator[Problem]:
    """A file the library names but assets/ no longer holds: the post cannot go out as planned,
    whatever its record says about the picture."""
    for asset in post_assets(post, ctx):
        if asset.file in ctx.missing_files:
            yield problem("media.file", asset=asset.id, file=asset.file)

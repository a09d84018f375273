"""The media library's questions, as pure functions: which posts use an asset, what is missing from
it (the library screen's filters), the alt-text limits that apply to it, and who may see which name
in the consent register."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.domain import choices, platforms
from planner.domain.fields import fold
from planner.domain.model import Asset, Consent, Post
from planner.domain.rules.media import consent_flaws
from planner.domain.workspace import Workspace

FILTERS = choices.FILTERS  # the library's views

# The library screen's filters, in the order the filter key cycles through them.


def posts_using(ws: Workspace, asset_id: str) -> list[Post]:
    """The posts (cancelled ones left out) that carry the asset, by publish time."""
    return list(ws.posts_by_asset.get(asset_id, ()))


def consent_blocks(consent: Consent, day: dt.date) -> bool:
    """True when the consent cannot permit any use on `day` (its scope aside): the rule's own test."""
    return next(consent_flaws(consent, day), None) is not None


def lacks_permission(ws: Workspace, asset: Asset, day: dt.date) -> bool:
    """Identifiable people without a consent that holds on `day` (unknown people count too)."""
    if asset.people == "unknown":
        return True
    if asset.people != "identifiable":
        return False
    if not asset.consents:
        return True
    return any(c not in ws.consents or consent_blocks(ws.consents[c], day) for c in asset.consents)


def missing(ws: Workspace, asset: Asset, day: dt.date, langs: tuple[str, ...]) -> set[str]:
    """The filters (other than `all`) the asset falls under on `day`."""
    found: set[str] = set()
    if asset.kind == "image" and any(not asset.alt.get(lang, "").strip() for lang in langs):
        found.add("no_alt")
    if asset.kind == "video" and any(not asset.subtitles.get(lang) for lang in langs):
        found.add("no_subtitles")
    if lacks_permission(ws, asset, day):
        found.add("no_permission")
    if asset.location:
        found.add("location")
    if not posts_using(ws, asset.id):
        found.add("unused")
    return found


def languages_in_use(ws: Workspace, asset: Asset) -> tuple[str, ...]:
    """The languages the asset needs alt text or subtitles in: those of the posts using it, or the
    organization's first language when no post uses it yet."""
    langs = dict.fromkeys(p.lang for p in posts_using(ws, asset.id))
    return tuple(langs) or (ws.organization.default_lang,)


def filtered(ws: Workspace, name: str, day: dt.date) -> list[Asset]:
    assets = sorted(ws.assets.values(), key=lambda a: a.id)
    if name == "all":
        return assets
    return [a for a in assets if name in missing(ws, a, day, languages_in_use(ws, a))]


@dataclass(frozen=True)
class AltLimit:
    platform: str
    limit: int


def alt_limits(ws: Workspace, asset: Asset) -> list[AltLimit]:
    """The alt-text limits of the platforms whose accounts use the asset (every platform with a
    limit in the workspace when no post uses it yet), tightest first."""
    using = {ws.accounts[p.account].platform for p in posts_using(ws, asset.id) if p.account in ws.accounts}
    names = using or {a.platform for a in ws.accounts.values()}
    found = []
    for name in sorted(names):
        limit = platforms.limits(name).alt_max
        if limit is not None:
            found.append(AltLimit(name, limit))
    return sorted(found, key=lambda a: (a.limit, a.platform))


# Personal data in the consent register -------------------------------------------------------------


def pseudonym(consent: Consent) -> str:
    """A stable stand-in for the subject's name, the same in both languages."""
    return f"subject-{consent.id}"


def shown_subject(consent: Consent, admin: bool, names: bool = True) -> str | None:
    """The name a viewer may see: None when hidden. Minors' names only to admins; `names=False`
    (exports without --include-personal-data) hides every name."""
    if not names or (consent.minor and not admin):
        return None
    return consent.subject


def find_consents(ws: Workspace, query: str, admin: bool) -> list[Consent]:
    """Consents whose id, subject or scope holds `query` (casefolded, NFC). A minor's name is not
    searched for viewers who may not see it, so a search cannot reveal it either."""
    needle = fold(query.strip())
    found = []
    for consent in sorted(ws.consents.values(), key=lambda c: c.id):
        haystack = [consent.id, *consent.scope]
        subject = shown_subject(consent, admin)
        if subject is not None:
            haystack.append(subject)
        if not needle or any(needle in fold(text) for text in haystack):
            found.append(consent)
    return found


def assets_of(ws: Workspace, consent_id: str) -> list[Asset]:
    return sorted((a for a in ws.assets.values() if consent_id in a.consents), key=lambda a: a.id)

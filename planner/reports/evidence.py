"""What each verdict of the checklist rests on: the files, records and people the rule looked at."""

from __future__ import annotations

from planner.domain.library import pseudonym, shown_subject
from planner.domain.model import Asset, Consent, Post
from planner.domain.workspace import Workspace
from planner.i18n import t
from planner.reports.register import validity


def consent_evidence(consent: Consent | None, consent_id: str, lang: str, names: bool) -> str:
    """A permission record as an auditor needs it: who (a pseudonym unless names are asked for),
    written or not, validity, withdrawal and the scanned form."""
    if consent is None:
        return t("ev.unknown_consent", lang, id=consent_id)
    subject = shown_subject(consent, admin=True, names=names) or pseudonym(consent)
    parts = [subject, t("consent.written" if consent.written else "consent.not_written", lang)]
    if consent.minor:
        parts.append(t("ev.guardian" if consent.guardian else "consent.no_guardian", lang))
    parts += validity(consent, lang)
    parts.append(consent.evidence or t("ev.no_form", lang))
    return f"{consent.id} (" + ", ".join(parts) + ")"


def _permission(assets: list[Asset], ws: Workspace, lang: str, names: bool) -> str:
    found = []
    for asset in assets:
        if asset.people != "identifiable":
            continue
        records = [consent_evidence(ws.consents.get(c), c, lang, names) for c in asset.consents]
        found.append(f"{asset.id}: " + ("; ".join(records) or t("ev.no_consent", lang)))
    return " | ".join(found)


def _owner(post: Post, ws: Workspace, lang: str) -> str:
    if not post.owner or not post.publish_date:
        return ""
    if ws.is_present(post.owner, post.publish_date):
        return t("ev.owner_present", lang, owner=post.owner)
    deputy = ws.deputy_covering(post.owner, post.publish_date)
    if deputy:
        return t("ev.owner_deputy", lang, owner=post.owner, deputy=deputy)
    return t("ev.owner_uncovered", lang, owner=post.owner)


def evidence(rule_id: str, post: Post | None, ws: Workspace, lang: str = "en", names: bool = False) -> str:
    """What the verdict rests on; subjects of consents are pseudonyms unless `names`."""
    if post is None:
        return ""
    assets = [ws.assets[a] for a in post.media if a in ws.assets]
    missing = t("ev.none", lang)
    if rule_id == "media.subtitles":
        videos = [a for a in assets if a.kind == "video"]
        return "; ".join(f"{a.id}: {a.subtitles.get(post.lang, missing)}" for a in videos)
    if rule_id == "media.permission":
        return _permission(assets, ws, lang, names)
    if rule_id in ("media.alt_text", "media.alt_quality"):
        return "; ".join(f"{a.id}: {a.alt.get(post.lang, missing)}" for a in assets if a.kind == "image")
    if rule_id == "media.file":
        return "; ".join(f"{a.id}: {a.file}" for a in assets)
    if rule_id == "media.rights":
        return "; ".join(
            f"{a.id}: {a.rights}" + (f" ({a.attribution})" if a.attribution else "") for a in assets
        )
    if rule_id.startswith("media."):
        return ", ".join(a.id for a in assets)
    if rule_id == "post.owner_available":
        return _owner(post, ws, lang)
    return ""

"""The consent register as text lines, for the command line and the app: names as the viewer may
see them (a minor's only to admins; none at all in exports without --include-personal-data)."""

from __future__ import annotations

from planner.domain.library import shown_subject
from planner.domain.model import Consent
from planner.i18n import fmt_date, t


def consent_line(consent: Consent, lang: str, admin: bool, names: bool = True) -> str:
    """One line of the register; names as the viewer may see them."""
    subject = shown_subject(consent, admin, names) or t("consent.hidden", lang)
    parts = [subject]
    if consent.minor:
        guardian = consent.guardian and (consent.guardian if shown_subject(consent, admin, names) else "…")
        parts.append(
            t("consent.minor", lang)
            + ", "
            + (t("consent.guardian", lang, name=guardian) if guardian else t("consent.no_guardian", lang))
        )
    parts.append(t("consent.written" if consent.written else "consent.not_written", lang))
    parts += validity(consent, lang)
    parts.append(t("consent.scope", lang, scope=", ".join(consent.scope)))
    return f"{consent.id:<8} " + " · ".join(parts)


def validity(consent: Consent, lang: str) -> list[str]:
    """When a consent holds: its validity, and its withdrawal when there is one."""
    start = fmt_date(consent.valid_from, lang) if consent.valid_from else ""
    end = fmt_date(consent.valid_to, lang) if consent.valid_to else ""
    parts = [t("consent.valid", lang, start=start, end=end)]
    if consent.withdrawn:
        parts.append(t("consent.withdrawn", lang, day=fmt_date(consent.withdrawn, lang)))
    return parts

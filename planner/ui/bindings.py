"""Binding labels in the user's language, looked up by binding id (ids stay stable for keymaps)."""

from __future__ import annotations

import dataclasses

from textual.dom import DOMNode

from planner.i18n import t

LABELS = {
    "week-previous": "key.prev_week",
    "week-next": "key.next_week",
    "week-today": "key.today",
    "week-goto": "key.goto",
    "week-filter": "key.filter",
    "post-new": "key.new",
    "post-open": "key.open",
    "view-month": "key.month",
    "view-agenda": "key.agenda",
    "view-week": "key.week",
    "export-checklist": "key.export",
    "post-save": "key.save",
    "post-ready": "key.ready",
    "post-attach": "key.attach",
    "post-detach": "key.detach",
    "editor-back": "key.back",
    "agenda-not-ready": "key.not_ready",
    "agenda-sort": "key.sort",
    "focus-next": "key.next_post",
    "focus-previous": "key.previous_post",
    "view-coverage": "key.coverage",
    "view-team": "key.team",
    "coverage-earlier": "key.earlier",
    "coverage-later": "key.later",
    "coverage-summer": "key.summer",
    "coverage-today": "key.from_today",
    "coverage-goto": "key.goto",
    "team-new-person": "key.new_person",
    "team-edit-person": "key.edit_person",
    "team-retire": "key.retire",
    "team-new-absence": "key.new_absence",
    "team-import": "key.import",
    "team-deputy": "key.deputy",
    "team-remove-absence": "key.remove_absence",
    "post-alt": "key.alt",
    "post-consent": "key.link",
    "view-library": "key.library",
    "view-consents": "key.consents",
    "library-filter": "key.filter_assets",
    "library-alt": "key.alt",
    "library-link": "key.link",
    "library-details": "key.details",
    "library-subtitles": "key.subtitles",
    "library-import": "key.import_file",
    "consent-find": "key.find",
    "consent-new": "key.new_consent",
    "consent-withdraw": "key.withdraw",
    "help": "key.help",
    "quit": "key.quit",
}


def label(binding_id: str | None, lang: str, fallback: str) -> str:
    key = LABELS.get(binding_id or "")
    return t(key, lang) if key else fallback


def localize(node: DOMNode, lang: str) -> None:
    """Give the node's bindings their descriptions in `lang`."""
    bindings = node._bindings  # the node's own map, built from BINDINGS at construction
    for key, found in bindings.key_to_bindings.items():
        bindings.key_to_bindings[key] = [
            dataclasses.replace(b, description=label(b.id, lang, b.description)) for b in found
        ]

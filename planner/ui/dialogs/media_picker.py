"""Pick an asset from the media library to attach; shows each asset's alt text and subtitle state."""

from __future__ import annotations

from planner.domain.model import Asset
from planner.i18n import t
from planner.ui.dialogs.pick import Pick

# One cell wide in every terminal (emoji widths differ between terminals and break the layout).
ICONS = {"image": "▣", "video": "▶"}


def asset_line(asset: Asset, lang: str, post_lang: str) -> str:
    if asset.kind == "image":
        state = "✓" if asset.alt.get(post_lang) else t("ui.missing", lang)
        return f"{ICONS['image']} {asset.id} – {asset.file} – {t('ui.alt_state', lang, state=state)}"
    state = "✓" if asset.subtitles.get(post_lang) else t("ui.missing", lang)
    return f"{ICONS['video']} {asset.id} – {asset.file} – {t('ui.subs_state', lang, state=state)}"


def media_picker(assets: list[Asset], lang: str, post_lang: str) -> Pick:
    """The library as a wide choose-one dialog; returns the asset id, or None on Esc."""
    choices = [(a.id, asset_line(a, lang, post_lang)) for a in assets]
    return Pick(t("ui.media_prompt", lang), choices, wide=True)

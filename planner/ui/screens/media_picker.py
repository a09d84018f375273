"""Pick an asset from the media library to attach; shows each asset's alt text and subtitle state."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from planner.domain.model import Asset
from planner.i18n import t


def asset_line(asset: Asset, lang: str, post_lang: str) -> str:
    if asset.kind == "image":
        state = "✓" if asset.alt.get(post_lang) else t("ui.missing", lang)
        return f"🖼 {asset.id} – {asset.file} – {t('ui.alt_state', lang, state=state)}"
    state = "✓" if asset.subtitles.get(post_lang) else t("ui.missing", lang)
    return f"🎬 {asset.id} – {asset.file} – {t('ui.subs_state', lang, state=state)}"


class MediaPicker(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Esc", id="dialog-cancel")]

    def __init__(self, assets: list[Asset], lang: str, post_lang: str) -> None:
        super().__init__()
        self.assets, self.lang, self.post_lang = assets, lang, post_lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(t("ui.media_prompt", self.lang))
            yield OptionList(
                *(Option(asset_line(a, self.lang, self.post_lang), id=a.id) for a in self.assets),
                id="media-options",
            )

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def choose(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

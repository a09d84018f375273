"""Texts about the media library, subtitles and the consent register, in Finnish and English."""

from __future__ import annotations

SUBTITLE_TEXTS: dict[str, dict[str, str]] = {
    "sub.ends_before": {"fi": "tekstitys päättyy ennen kuin alkaa", "en": "cue ends before it starts"},
    "sub.missing": {"fi": "tiedostoa ei ole", "en": "the file is missing"},
    "sub.unreadable": {"fi": "se ei ole luettava tiedosto", "en": "it is not a readable file"},
    "sub.outside": {
        "fi": "polku johtaa assets/-kansion ulkopuolelle",
        "en": "its path leads outside assets/",
    },
    "sub.no_number": {
        "fi": "odotettiin tekstityksen numeroa, löytyi «{found}»",
        "en": "expected a cue number, found «{found}»",
    },
    "sub.no_timing": {"fi": "tekstitykseltä puuttuu aikarivi", "en": "cue has no timing line"},
    "sub.bad_timing": {"fi": "virheellinen aikarivi «{found}»", "en": "bad timing «{found}»"},
    "sub.no_text": {"fi": "tekstitykseltä puuttuu teksti", "en": "cue has no text"},
    "sub.no_header": {
        "fi": "WebVTT-tiedoston pitää alkaa sanalla WEBVTT",
        "en": "a WebVTT file must start with WEBVTT",
    },
    "sub.expected_timing": {
        "fi": "odotettiin aikariviä, löytyi «{found}»",
        "en": "expected a cue timing, found «{found}»",
    },
    "sub.not_utf8": {"fi": "tiedosto ei ole UTF-8-tekstiä", "en": "the file is not UTF-8 text"},
    "sub.unsupported": {
        "fi": "vain .srt- ja .vtt-tekstitystiedostot käyvät",
        "en": "only .srt and .vtt subtitle files are supported",
    },
    "sub.control_chars": {
        "fi": "rivillä on ohjausmerkki (esim. päätteen ESC-koodi), joka ei kuulu tekstitykseen",
        "en": "the line holds a control character (a terminal escape, say) that has no place in subtitles",
    },
    "sub.no_cues": {"fi": "tiedostossa ei ole yhtään tekstitystä", "en": "the file has no cues"},
    "sub.warn_speed": {
        "fi": "rivi {line}: lukunopeus {value} merkkiä/s (yli 17)",
        "en": "line {line}: reading speed {value} characters/s (over 17)",
    },
    "sub.warn_overlap": {
        "fi": "rivi {line}: alkaa ennen kuin rivin {value} tekstitys päättyy",
        "en": "line {line}: starts before the cue at line {value} ends",
    },
}

LIBRARY_TEXTS: dict[str, dict[str, str]] = {
    "help.cmd.consent_import": {
        "fi": "tuo kuvauslupien luettelo taulukosta (.xlsx tai .csv)",
        "en": "import the register of photo permissions from a spreadsheet (.xlsx or .csv)",
    },
    "help.cmd.consent_import.long": {
        "fi": "Tuo kuvausluvat taulukosta: Excelin ensimmäinen välilehti tai CSV. Sarakkeet suomeksi tai "
        "englanniksi: kuvattava, käyttö (tilit, palvelut tai kaikki, pilkuin), alaikäinen (kyllä/ei), "
        "huoltaja, kirjallinen (kyllä/ei; oletus kyllä), voimassa alkaen, voimassa asti, peruttu ja "
        "tunnus. Jo kirjattu lupa (sama tunnus tai sama henkilö samoin ehdoin) ohitetaan, eikä sitä "
        "muuteta: rivi, joka sanoo siitä muuta, hylätään. Yksikin virheellinen rivi hylkää koko "
        "tiedoston. Allekirjoitetut lomakkeet liitetään komennolla consent add --evidence.",
        "en": "Import photo permissions from a spreadsheet: the first sheet of an Excel file or a CSV. "
        "Columns in Finnish or English: subject, scope (accounts, platforms or all, separated by "
        "commas), minor (yes/no), guardian, written (yes/no; yes by default), from, to, withdrawn and "
        "id. A consent already recorded (the same id, or the same person on the same terms) is skipped "
        "and never changed: a row that says otherwise is refused. One bad row refuses the whole file. "
        "Signed forms are attached with consent add --evidence.",
    },
    "cli.consents_imported": {
        "fi": "{count} {count|lupa|lupaa} lisätty, {known} jo rekisterissä.",
        "en": "{count} {count|consent|consents} added, {known} already in the register.",
    },
    "err.consent_row_twice": {
        "fi": "sama lupa on jo rivillä {line}.",
        "en": "the same consent is already on row {line}.",
    },
    "err.consent_differs": {
        "fi": "rekisterissä on tämä lupa ({consent}) toisin ehdoin tai päivin; kirjattua lupaa ei muuteta "
        "tuonnilla (perumiseen consent withdraw).",
        "en": "the register holds this consent ({consent}) with other terms or days; a recorded consent is "
        "not changed by an import (to withdraw it, consent withdraw).",
    },
    # Errors and refusals
    "err.bad_subtitles": {
        "fi": "{file}, rivi {line}: {reason}. Mitään ei tallennettu.",
        "en": "{file}, line {line}: {reason}. Nothing was stored.",
    },
    "err.not_subtitles": {
        "fi": "{file}: tekstitystiedoston pitää olla .srt tai .vtt.",
        "en": "{file}: a subtitle file must be .srt or .vtt.",
    },
    "err.subtitle_as_asset": {
        "fi": "{file} on tekstitystiedosto: liitä se videoon (planner asset subtitles VIDEO_ID {file}).",
        "en": "{file} is a subtitle file: attach it to a video (planner asset subtitles VIDEO_ID {file}).",
    },
    "err.not_video": {
        "fi": "{asset} on kuva; tekstitykset liitetään videoihin.",
        "en": "{asset} is an image; subtitles belong to videos.",
    },
    "err.bad_lang": {
        "fi": "{field}: «{value}» ei ole kielikoodi (esim. fi, sv, en).",
        "en": "{field}: «{value}» is not a language code (e.g. fi, sv, en).",
    },
    "err.cc_attribution": {
        "fi": "CC-lisensoidulle kuvalle tarvitaan tekijänmaininta (--attribution).",
        "en": "A CC-licensed asset needs its attribution text (--attribution).",
    },
    "err.subject_missing": {
        "fi": "Kuvauslupa tarvitsee kuvattavan nimen tai nimimerkin (--subject).",
        "en": "A consent needs the subject's name or pseudonym (--subject).",
    },
    "err.scope_missing": {
        "fi": "Kuvausluvalle tarvitaan laajuus: tilit, palvelut tai * (--scope).",
        "en": "A consent needs a scope: accounts, platforms or * (--scope).",
    },
    "err.bad_scope": {
        "fi": "--scope: «{value}» ei ole tili, palvelu eikä *.",
        "en": "--scope: «{value}» is neither an account, a platform nor *.",
    },
    "err.valid_reversed": {
        "fi": "Voimassaolo päättyy ({end}) ennen kuin alkaa ({start}).",
        "en": "The validity ends ({end}) before it starts ({start}).",
    },
    "refused.personal_data": {
        "fi": "Vain pääkäyttäjä voi pyytää kuvattavien nimet (--include-personal-data).",
        "en": "Only an admin may ask for the subjects' names (--include-personal-data).",
    },
    "action.consent_write": {"fi": "lisätä kuvauslupia", "en": "add consents"},
    # Command line
    "cli.asset_edited": {"fi": "Päivitetty: {asset}", "en": "Updated: {asset}"},
    "cli.subtitles_attached": {
        "fi": "Tekstitys ({language}) liitetty videoon {asset}: assets/{file}, {count} {count|tekstitys|tekstitystä}.",
        "en": "Subtitles ({language}) attached to {asset}: assets/{file}, {count} {count|cue|cues}.",
    },
    "cli.warning": {"fi": "varoitus: {text}", "en": "warning: {text}"},
    "cli.consent_added": {"fi": "Kuvauslupa {consent} lisätty.", "en": "Consent {consent} added."},
    "cli.no_consents": {"fi": "Kuvauslupia ei ole.", "en": "There are no consents."},
    "cli.used_by": {"fi": "käytössä: {posts}", "en": "used by: {posts}"},
    "consent.hidden": {"fi": "(nimi piilotettu)", "en": "(name hidden)"},
    "consent.minor": {"fi": "alaikäinen", "en": "minor"},
    "consent.guardian": {"fi": "huoltaja: {name}", "en": "guardian: {name}"},
    "consent.no_guardian": {"fi": "ei huoltajan lupaa", "en": "no guardian's consent"},
    "consent.written": {"fi": "kirjallinen", "en": "written"},
    "consent.not_written": {"fi": "ei kirjallinen", "en": "not written"},
    "consent.valid": {"fi": "voimassa {start}–{end}", "en": "valid {start}–{end}"},
    "consent.withdrawn": {"fi": "peruttu {day}", "en": "withdrawn {day}"},
    "consent.scope": {"fi": "laajuus: {scope}", "en": "scope: {scope}"},
    "consent.evidence": {"fi": "todiste: {file}", "en": "evidence: {file}"},
}

UI_LIBRARY_TEXTS: dict[str, dict[str, str]] = {
    # The library screen
    "ui.library_title": {"fi": "Mediakirjasto", "en": "Media library"},
    "ui.library_filter": {
        "fi": "näytetään: {filter} ({count}/{total})",
        "en": "showing: {filter} ({count}/{total})",
    },
    "ui.filter.all": {"fi": "kaikki", "en": "all"},
    "ui.filter.no_alt": {"fi": "alt-teksti puuttuu", "en": "missing alt text"},
    "ui.filter.no_subtitles": {"fi": "tekstitys puuttuu", "en": "missing subtitles"},
    "ui.filter.no_permission": {"fi": "henkilöitä ilman lupaa", "en": "people without permission"},
    "ui.filter.location": {"fi": "sijaintitieto kuvassa", "en": "location metadata"},
    "ui.filter.unused": {"fi": "käyttämättömät", "en": "unused"},
    "ui.library_empty": {"fi": "Ei yhtään tähän suodattimeen.", "en": "Nothing under this filter."},
    "ui.asset_facts": {"fi": "{width}×{height} {format}", "en": "{width}×{height} {format}"},
    "ui.asset_alt": {"fi": "Alt-teksti ({lang}): {text}", "en": "Alt text ({lang}): {text}"},
    "ui.asset_subs": {"fi": "Tekstitys ({lang}): {text}", "en": "Subtitles ({lang}): {text}"},
    "ui.asset_people": {"fi": "Henkilöt: {people}", "en": "People: {people}"},
    "ui.asset_consents": {"fi": "Kuvausluvat:", "en": "Consents:"},
    "ui.asset_rights": {"fi": "Oikeudet: {rights}", "en": "Rights: {rights}"},
    "ui.asset_expire": {"fi": "päättyy {day}", "en": "ends {day}"},
    "ui.asset_used": {"fi": "Käytössä julkaisuissa:", "en": "Used by posts:"},
    "ui.asset_unused": {"fi": "Ei käytössä yhdessäkään julkaisussa.", "en": "No post uses it."},
    "ui.missing_consent": {"fi": "{consent}: lupaa ei löydy", "en": "{consent}: no such consent"},
    "people.none": {"fi": "ei ihmisiä", "en": "no people"},
    "people.crowd": {"fi": "väkijoukko", "en": "a crowd"},
    "people.identifiable": {"fi": "tunnistettavia henkilöitä", "en": "identifiable people"},
    "people.unknown": {"fi": "ei tiedossa", "en": "not known"},
    "rights.own": {"fi": "oma", "en": "own"},
    "rights.licensed": {"fi": "lisensoitu", "en": "licensed"},
    "rights.cc": {"fi": "Creative Commons", "en": "Creative Commons"},
    "rights.unknown": {"fi": "ei tiedossa", "en": "not known"},
    # Dialogs
    "ui.alt_title": {"fi": "Alt-teksti: {asset}", "en": "Alt text: {asset}"},
    "ui.alt_count": {"fi": "{length} merkkiä", "en": "{length} characters"},
    "ui.alt_limit": {"fi": "{platform} ≤ {limit}", "en": "{platform} ≤ {limit}"},
    "ui.alt_no_limit": {"fi": "ei palvelun rajaa", "en": "no platform limit"},
    "ui.alt_guide": {"fi": "hyvä pituus noin 125, enintään 250", "en": "good length about 125, at most 250"},
    "ui.alt_saved": {
        "fi": "Alt-teksti ({lang}) tallennettu: {asset}",
        "en": "Alt text ({lang}) saved: {asset}",
    },
    "ui.asset_import_title": {"fi": "Tuo tiedosto mediakirjastoon", "en": "Import a file into the library"},
    "ui.imported": {"fi": "Tuotu {asset}: assets/{file}", "en": "Imported {asset}: assets/{file}"},
    "ui.strip_location": {
        "fi": "Poista sijaintitieto (GPS) kopiosta",
        "en": "Strip location (GPS) from the copy",
    },
    "ui.subs_title": {"fi": "Tekstitys videoon {asset}", "en": "Subtitles for {asset}"},
    "ui.details_title": {"fi": "Henkilöt ja oikeudet: {asset}", "en": "People and rights: {asset}"},
    "ui.link_prompt": {
        "fi": "Kuvauslupa kuvaan {asset} (✓ linkitetty; Enter vaihtaa)",
        "en": "Consent for {asset} (✓ linked; Enter toggles)",
    },
    "ui.linked": {
        "fi": "Kuvauslupa {consent} linkitetty: {asset}",
        "en": "Consent {consent} linked: {asset}",
    },
    "ui.unlinked": {
        "fi": "Kuvauslupa {consent} poistettu: {asset}",
        "en": "Consent {consent} unlinked: {asset}",
    },
    "ui.no_consents": {
        "fi": "Rekisterissä ei ole kuvauslupia: lisää ensin (u).",
        "en": "No consents yet: add one first (u).",
    },
    "ui.alt_for_images": {
        "fi": "Alt-teksti kirjoitetaan kuville; videoon liitetään tekstitys (s).",
        "en": "Alt text is for images; a video gets subtitles (s).",
    },
    "ui.pick_image": {"fi": "Mikä kuva?", "en": "Which image?"},
    "ui.no_image": {"fi": "Julkaisussa ei ole kuvaa.", "en": "The post has no image."},
    "ui.field.file": {"fi": "Tiedosto", "en": "File"},
    "ui.field.alt": {"fi": "Alt-teksti", "en": "Alt text"},
    "ui.field.lang": {"fi": "Kieli", "en": "Language"},
    "ui.field.people": {"fi": "Henkilöt", "en": "People"},
    "ui.field.rights": {"fi": "Oikeudet", "en": "Rights"},
    "ui.field.expire": {"fi": "Lisenssi päättyy", "en": "Licence ends"},
    "ui.field.attribution": {"fi": "Tekijänmaininta", "en": "Attribution"},
    # The consent register
    "ui.consents_title": {"fi": "Kuvausluvat ({count})", "en": "Consents ({count})"},
    "ui.consent_find": {"fi": "Hae: tunnus, nimi tai laajuus (/)", "en": "Find: id, name or scope (/)"},
    "ui.consent_new": {"fi": "Uusi kuvauslupa", "en": "New consent"},
    "ui.consent_added": {"fi": "Kuvauslupa {consent} lisätty.", "en": "Consent {consent} added."},
    "ui.field.subject": {"fi": "Kuvattava", "en": "Subject"},
    "ui.field.guardian": {"fi": "Huoltaja", "en": "Guardian"},
    "ui.field.scope": {"fi": "Laajuus", "en": "Scope"},
    "ui.field.evidence": {"fi": "Lupalomake", "en": "Evidence"},
    "ui.field.valid_from": {"fi": "Voimassa alkaen", "en": "Valid from"},
    "ui.field.valid_to": {"fi": "Voimassa asti", "en": "Valid to"},
    "ui.scope_hint": {
        "fi": "Laajuus: tilit tai palvelut välilyönnein, tai * kaikkialle.",
        "en": "Scope: accounts or platforms separated by spaces, or * for everywhere.",
    },
    "ui.consent_minor": {"fi": "Alaikäinen", "en": "Minor"},
    "ui.consent_written": {"fi": "Kirjallinen", "en": "Written"},
    "ui.withdraw_title": {"fi": "Peru kuvauslupa {consent}", "en": "Withdraw consent {consent}"},
    "ui.withdraw_date": {"fi": "Peruttu alkaen", "en": "Withdrawn as of"},
    "ui.withdraw_done": {"fi": "Kuvauslupa {consent} peruttu", "en": "Consent {consent} withdrawn"},
    "cli.consent_erased": {
        "fi": "Kuvauslupa {consent} poistettu pysyvästi (lomake myös); kuvilta {assets} puuttuu nyt lupa.",
        "en": "Consent {consent} erased for good (its form too); photos {assets} now lack a permission.",
    },
    "ui.close": {"fi": "Sulje", "en": "Close"},
    "ui.minor_hidden": {"fi": "(alaikäisen nimi piilotettu)", "en": "(a minor's name, hidden)"},
    # Keys
}

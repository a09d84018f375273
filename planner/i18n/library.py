"""Texts about the media library, subtitles and the consent register, in Finnish and English."""

from __future__ import annotations

SUBTITLE_TEXTS: dict[str, dict[str, str]] = {
    "sub.ends_before": {"fi": "tekstitys päättyy ennen kuin alkaa", "en": "cue ends before it starts"},
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
        "fi": "Vain ylläpitäjä voi pyytää kuvattavien nimet (--include-personal-data).",
        "en": "Only an admin may ask for the subjects' names (--include-personal-data).",
    },
    "action.consent_write": {"fi": "lisätä kuvauslupia", "en": "add consents"},
    # Command line
    "cli.asset_edited": {"fi": "Päivitetty: {asset}", "en": "Updated: {asset}"},
    "cli.subtitles_attached": {
        "fi": "Tekstitys ({language}) liitetty videoon {asset}: assets/{file}, {cues} tekstitystä.",
        "en": "Subtitles ({language}) attached to {asset}: assets/{file}, {cues} cues.",
    },
    "cli.subtitle_warning": {"fi": "varoitus: {text}", "en": "warning: {text}"},
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

UI_LIBRARY_TEXTS: dict[str, dict[str, str]] = {}

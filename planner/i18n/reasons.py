"""Why something was refused, as the part of a message that says it (`reason_key`): the system's
causes (a missing file, no permission, a full disk …) and what makes a file damaged or unreadable.
The English of the system's causes is the system's own."""

from __future__ import annotations

REASON_TEXTS: dict[str, dict[str, str]] = {
    # Why the system refused (`system_reason`); the English is the system's own.
    "os.missing": {"fi": "tiedostoa tai kansiota ei ole", "en": "No such file or directory"},
    "os.denied": {"fi": "ei käyttöoikeutta", "en": "Permission denied"},
    "os.full": {"fi": "levy on täynnä", "en": "No space left on device"},
    "os.read_only": {"fi": "levy on vain luettavissa", "en": "Read-only file system"},
    "os.folder": {"fi": "se on kansio", "en": "Is a directory"},
    "os.not_folder": {"fi": "polun osa ei ole kansio", "en": "Not a directory"},
    "os.name_too_long": {"fi": "nimi on liian pitkä", "en": "File name too long"},
    "os.address_in_use": {"fi": "osoite on jo käytössä", "en": "Address already in use"},
    "os.no_address": {"fi": "osoite ei ole tämän koneen", "en": "Cannot assign requested address"},
    "os.refused": {"fi": "yhteyttä ei otettu vastaan", "en": "Connection refused"},
    "os.unknown_name": {"fi": "nimeä ei löydy", "en": "Name or service not known"},
    "os.unreachable": {"fi": "palvelimeen ei ole reittiä", "en": "No route to host"},
    # Why a file is damaged (`reason_key`), said in the message's language.
    "reason.empty": {"fi": "tyhjä", "en": "empty"},
    "reason.workbook_broken": {"fi": "työkirjan sisältö on rikki", "en": "the workbook's content is broken"},
    "reason.error_at": {
        "fi": "virhe rivillä {line}, sarakkeessa {column}",
        "en": "an error at line {line}, column {column}",
    },
    "reason.ends_early": {"fi": "teksti päättyy kesken", "en": "the text ends too early"},
    "reason.error_at_end": {"fi": "virhe tekstin lopussa", "en": "an error at the end of the text"},
    "reason.not_utf8": {"fi": "ei UTF-8-tekstiä (tavu {byte})", "en": "not UTF-8 text (byte {byte})"},
    "reason.number_too_long": {"fi": "luvussa on liian monta numeroa", "en": "a number with too many digits"},
    "reason.not_readable_text": {"fi": "tekstiä ei voi lukea", "en": "the text cannot be read"},
    "reason.cell_too_long": {
        "fi": "solussa on yli {limit} merkkiä",
        "en": "a cell of over {limit} characters",
    },
    "reason.image_truncated": {
        "fi": "tiedosto loppuu ennen kuvan loppua: se on kopioitunut vain osittain",
        "en": "the file ends before the image does: it was copied only in part",
    },
    "reason.image_broken": {"fi": "kuvan sisältö on rikki", "en": "the image data is broken"},
    "reason.image_pixels": {
        "fi": "yli {millions} miljoonaa kuvapistettä, enemmän kuin on turvallista avata",
        "en": "over {millions} million pixels, more than is safe to open",
    },
    "reason.missing": {"fi": "puuttuu", "en": "missing"},
    "reason.nested": {"fi": "sisäkkäin liian syvälle", "en": "nested too deeply"},
    "reason.not_tinydb": {"fi": "ei TinyDB-tiedosto", "en": "not a TinyDB document"},
    "reason.not_one_account": {"fi": "ei yhtä tiliä", "en": "not one account"},
    "reason.holds_account": {"fi": "siinä on tili {account}", "en": "it holds the account {account}"},
    "reason.manifest": {"fi": "tiedostoluettelo ei kelpaa", "en": "manifest"},
    "reason.not_as_recorded": {
        "fi": "ei sitä, mitä muutosloki kirjasi",
        "en": "not what the audit record says",
    },
    "reason.not_recorded": {"fi": "ei muutoslokin kirjaamissa tiedostoissa", "en": "not in the audit record"},
    "reason.post_of_another_account": {"fi": "toisen tilin julkaisu", "en": "a post of another account"},
    "reason.read_only_folder": {"fi": "kansio on vain luettavissa", "en": "read-only folder"},
    "reason.config_too_big": {"fi": "liian suuri", "en": "too big"},
    "reason.config_not_text": {"fi": "{key} ei ole tekstirivi", "en": "{key} is not a line of text"},
    "reason.config_lang": {"fi": "lang on fi tai en", "en": "lang is fi or en"},
}

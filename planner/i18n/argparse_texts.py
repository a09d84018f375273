"""argparse's own words in Finnish (Python 3.11 and newer): its usage line, section titles and
errors, as the command line shows them when the interface language is Finnish (cli/args.localized)."""

from __future__ import annotations

ARGPARSE_FI: dict[str, str] = {
    "usage: ": "käyttö: ",
    "positional arguments": "argumentit",
    "options": "valinnat",
    "subcommands": "alikomennot",
    "show this help message and exit": "näytä tämä ohje ja lopeta",
    "show program's version number and exit": "näytä ohjelman versio ja lopeta",
    "argument %(argument_name)s: %(message)s": "argumentti %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "%(value)r ei käy (vaihtoehdot: %(choices)s)",
    "invalid %(type)s value: %(value)r": "%(value)r ei ole kelvollinen (%(type)s)",
    "unrecognized arguments: %s": "tuntemattomia argumentteja: %s",
    "the following arguments are required: %s": "nämä argumentit puuttuvat: %s",
    "one of the arguments %s is required": "jokin argumenteista %s tarvitaan",
    "expected one argument": "odotettiin yhtä arvoa",
    "expected at most one argument": "odotettiin enintään yhtä arvoa",
    "expected at least one argument": "odotettiin vähintään yhtä arvoa",
    "expected %s argument": "odotettiin %s arvo",
    "expected %s arguments": "odotettiin %s arvoa",
    "ambiguous option: %(option)s could match %(matches)s": "epäselvä valinta: %(option)s voi olla %(matches)s",
    "not allowed with argument %s": "ei sallittu argumentin %s kanssa",
    "ignored explicit argument %r": "ohitettiin argumentti %r",
    "unexpected option string: %s": "odottamaton valinta: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: virhe: %(message)s\n",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "tuntematon komento %(parser_name)r (vaihtoehdot: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "tiedostoa '%(filename)s' ei voi avata: %(error)s",
}

#!/usr/bin/env python3
"""Builds data/clubs/registry.txt from openfootball's public-domain club lists.

Usage: tools/build_registry.py OPENFOOTBALL_CLUBS_DIR [--holdout GOLD_TSV] > data/clubs/registry.txt

Input: every <country>/<code>.clubs.txt under OPENFOOTBALL_CLUBS_DIR. A club is a line
"Name[ (years)], [founded,] [@ stadium,] [city]", which may hold alternative names too, each after
a "|", followed by "| alt name [lang]" lines; "ii)" marks a reserve team (a club of its own);
indented lines with "//" are street addresses; "#" starts a comment.

Output (the format lib/names/registry.cpp reads):
  = CODE            a country section; CODE is the FIFA three-letter code (ENG, SCO, AZE, KAZ ...)
  Name @ City       a club: canonical name, then its city when known
    | Alt [lang]    a known spelling, with its language when openfootball gives one

--holdout: spellings that the sample sources use (gold-set rows whose source column starts with
"seed") are left out of the alternative names, so matching them is measured, not looked up. A
canonical name is kept even when a sample source uses it.
"""
import argparse
import os
import re
import sys
import unicodedata

# openfootball folder -> FIFA country code.
COUNTRIES = {
    "congo-dr": "COD", "egypt": "EGY", "morocco": "MAR", "south-africa": "RSA", "tunisia": "TUN",
    "china": "CHN", "india": "IND", "japan": "JPN", "kazakhstan": "KAZ", "singapore": "SGP",
    "south-korea": "KOR", "thailand": "THA", "anguilla": "AIA", "haiti": "HAI", "jamaica": "JAM",
    "puerto-rico": "PUR", "trinidad-n-tobago": "TRI", "costa-rica": "CRC", "el-salvador": "SLV",
    "guatemala": "GUA", "honduras": "HON", "nicaragua": "NCA", "panama": "PAN", "albania": "ALB",
    "andorra": "AND", "armenia": "ARM", "austria": "AUT", "azerbaijan": "AZE", "belarus": "BLR",
    "belgium": "BEL", "bosnia-n-herzegovina": "BIH", "bulgaria": "BUL", "croatia": "CRO",
    "cyprus": "CYP", "czech-republic": "CZE", "denmark": "DEN", "england": "ENG", "estonia": "EST",
    "faroe-islands": "FRO", "finland": "FIN", "france": "FRA", "georgia": "GEO", "germany": "GER",
    "gibraltar": "GIB", "greece": "GRE", "hungary": "HUN", "iceland": "ISL", "ireland": "IRL",
    "italy": "ITA", "kosovo": "KVX", "latvija": "LVA", "liechtenstein": "LIE", "lithuania": "LTU",
    "luxembourg": "LUX", "macedonia": "MKD", "malta": "MLT", "moldova": "MDA", "monaco": "MON",
    "montenegro": "MNE", "netherlands": "NED", "northern-ireland": "NIR", "norway": "NOR",
    "poland": "POL", "portugal": "POR", "romania": "ROU", "russia": "RUS", "san-marino": "SMR",
    "scotland": "SCO", "serbia": "SRB", "slovakia": "SVK", "slovenia": "SVN", "spain": "ESP",
    "sweden": "SWE", "switzerland": "SUI", "turkey": "TUR", "ukraine": "UKR", "wales": "WAL",
    "iran": "IRN", "israel": "ISR", "jordan": "JOR", "lebanon": "LBN", "qatar": "QAT",
    "saudi-arabia": "KSA", "united-arab-emirates": "UAE", "canada": "CAN", "mexico": "MEX",
    "united-states": "USA", "australia": "AUS", "new-zealand": "NZL", "argentina": "ARG",
    "bolivia": "BOL", "brazil": "BRA", "chile": "CHI", "colombia": "COL", "ecuador": "ECU",
    "guyana": "GUY", "paraguay": "PAR", "peru": "PER", "suriname": "SUR", "uruguay": "URU",
    "venezuela": "VEN",
}

# Corrections of openfootball, each a fact: one club listed twice -> (country, duplicate, kept).
MERGES = [
    ("ARM", "FC Gandzasar Kapan", "FC Gandzasar"),
    ("HUN", "Vasas SC", "Vasas FC"),  # Vasas Sport Club, Budapest: Vasas FC since 2000
]

# Spellings openfootball gives a club that are another club's: (country, club, spelling).
NOT_SPELLINGS = [
    # CSKA 1948 Sofia is a club of its own, founded in 2016, not PFC CSKA Sofia.
    ("BUL", "PFC CSKA Sofia", "CSKA 1948"),
    ("BUL", "PFC CSKA Sofia", "CSKA 1948 Sofia"),
    # "Leipzig" is the city's name for several of its clubs (RB Leipzig the one of today), not
    # VfB Leipzig's alone.
    ("GER", "VfB Leipzig", "Leipzig"),
    # Sarpsborg FK (1903), six times cup winner, still plays in the lower leagues: Sarpsborg 08
    # (2008) is the club its first team joined, not the club itself. Both play Norway's cups.
    ("NOR", "Sarpsborg 08", "Sarpsborg FK"),
]

# Cities openfootball does not give: (country, club, city).
CITIES = [
    ("NIR", "Cliftonville FC", "Belfast"),
]

# "$$Sponsor$$" marks the part of a name that a sponsor bought ("FC $$Flyeralarm$$ Admira"):
# sources write the name with it and without it.
SPONSOR = re.compile(r"\s*\$\$([^$]*)\$\$\s*")


def sponsor_forms(name):
    """The spellings of `name`: as it is when it has no sponsor part, else with and without it."""
    if "$$" not in name:
        return [name]
    with_sponsor = " ".join(SPONSOR.sub(lambda m: f" {m.group(1)} ", name).split())
    without = " ".join(SPONSOR.sub(" ", name).split()).strip(" /-")
    forms = [with_sponsor.replace("/ ", "/")]
    # Without the sponsor, a name must still say something: "SC $$Hartl Haus$$" is not "SC".
    if len(without.split()) >= 2 or len(without) >= 4:
        forms.append(without)
    return forms

YEARS = re.compile(r"\s*\((?:\d{4})?\s*-\s*(?:\d{4})?\)\s*$")
LANG = re.compile(r"^(.*?)\s*\[([a-z]{2,3})\]$")


class InputError(Exception):
    pass


def fold(text):
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z\u00c0-\uffff]+", " ", text.replace("'", "").replace("’", "")).strip()


def parse_club_line(text, where):
    fields = [f.strip() for f in text.split(",")]
    name = YEARS.sub("", fields[0]).strip()
    if not name:
        raise InputError(f"{where}: expected a club name")
    city = None
    for field in fields[1:]:
        if not field or re.fullmatch(r"\d{4}", field) or field.startswith("@"):
            continue
        city = re.sub(r"\s*\(.*\)$", "", field.split("›")[0]).strip() or city
    return name, city


def read_country(path, code):
    clubs = []
    for number, raw in enumerate(open(path, encoding="utf-8"), 1):
        where = f"{path}:{number}"
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("="):
            continue
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        reserve = re.match(r"^i+\)\s*(.*)$", stripped)
        if stripped.startswith("|") or (indent >= 2 and not reserve and "//" not in stripped):
            if not clubs:
                raise InputError(f"{where}: expected a club line before alternative names")
            add_alternatives(clubs[-1], stripped.lstrip("|").split("|"))
        elif "//" in stripped:
            continue  # a street address
        else:
            # A club line may give alternative names too: "FC Gambarogno-Contone | FC Gambarogno".
            head, *alternatives = (reserve.group(1) if reserve else stripped).split("|")
            name, city = parse_club_line(head.strip(), where)
            clubs.append({"name": name, "city": city, "names": [], "country": code})
            add_alternatives(clubs[-1], alternatives)
    return clubs


def add_alternatives(club, alternatives):
    """Adds the alternative names "Alt [lang]" of a "|"-separated list to `club`."""
    for alt in alternatives:
        alt = alt.strip()
        if not alt:
            continue
        m = LANG.match(alt)
        text, lang = (m.group(1), m.group(2)) if m else (alt, None)
        club["names"].extend((form, lang) for form in sponsor_forms(text))


def holdout_spellings(gold_path):
    held = set()
    if not gold_path:
        return held
    for line in open(gold_path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\n").split("\t")
        if len(cols) >= 4 and cols[3].startswith("seed"):
            held.add(fold(cols[0]))
    return held


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clubs_dir")
    parser.add_argument("--holdout")
    args = parser.parse_args()
    held = holdout_spellings(args.holdout)
    countries = {}
    for root, _, files in sorted(os.walk(args.clubs_dir)):
        for name in sorted(files):
            if not name.endswith(".clubs.txt"):
                continue
            folder = os.path.basename(root)
            if folder not in COUNTRIES:
                raise InputError(f"{os.path.join(root, name)}: no country code for folder {folder}")
            code = COUNTRIES[folder]
            countries.setdefault(code, []).extend(read_country(os.path.join(root, name), code))
    for code, duplicate, kept in MERGES:
        clubs = countries[code]
        dup = next(c for c in clubs if c["name"] == duplicate)
        keep = next(c for c in clubs if c["name"] == kept)
        keep["names"].append((dup["name"], None))
        keep["names"].extend(dup["names"])
        keep["city"] = keep["city"] or dup["city"]
        clubs.remove(dup)
    for code, club_name, spelling in NOT_SPELLINGS:
        club = next(c for c in countries[code] if c["name"] == club_name)
        if not any(alt == spelling for alt, _ in club["names"]):
            raise InputError(f"{club_name} has no spelling {spelling!r} to drop")
        club["names"] = [(alt, lang) for alt, lang in club["names"] if alt != spelling]
    for code, club_name, city in CITIES:
        club = next(c for c in countries[code] if c["name"] == club_name)
        club["city"] = club["city"] or city
    out = sys.stdout
    out.write("# footballdb club registry, generated by tools/build_registry.py from openfootball/clubs\n"
              "# (public domain). Do not edit: change the script or data/clubs/extra.txt instead.\n"
              "# Spellings used by the sample sources are held out (see the script).\n")
    held_count = 0
    for code in sorted(countries):
        out.write(f"\n= {code}\n")
        for club in countries[code]:
            out.write(club["name"] + (f" @ {club['city']}" if club["city"] else "") + "\n")
            seen = {club["name"]}
            for alt, lang in club["names"]:
                if alt in seen:
                    continue
                seen.add(alt)
                if fold(alt) in held:
                    held_count += 1
                    continue
                out.write(f"  | {alt}" + (f" [{lang}]" if lang else "") + "\n")
    print(f"{sum(len(c) for c in countries.values())} clubs, {held_count} held-out spellings",
          file=sys.stderr)


if __name__ == "__main__":
    try:
        main()
    except InputError as error:
        sys.exit(f"build_registry: {error}")

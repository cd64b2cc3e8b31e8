#!/usr/bin/env python3
"""Deterministic sources for bench/run: knockout competitions as engsoccerdata's champs.csv
writes them (plus a leading `competition` column) and the same matches as openfootball's
Football.TXT.

    bench/generate.py --legs 100000 --out /tmp/footballdb-bench/data [--seed 1]

writes, for N = --legs:

    legs-N.csv          the champs layout: competition,Date,Season,round,leg,home,visitor,FT,HT,
                        aet,pens,hgoal,vgoal,FTagg_home,FTagg_visitor,aethgoal,aetvgoal,tothgoal,
                        totvgoal,totagg_home,totagg_visitor,tiewinner,hcountry,vcountry
    txt-N/*.txt         the same legs as Football.TXT, one file a competition, one
                        "= Competition 1955/56" header a season
    national-N.txt      the national cups' names, one a line (bench/run gives them their
                        replay rules with `footballdb rules set`)
    queries-N.tsv       inputs for the query benchmarks: club names, pairs that met, dates with
                        matches, a club with a date, competitions' seasons
    stats-N.json        what was generated: legs, ties, replays, extra time, shoot-outs, ...

    bench/generate.py --new-names 50000 --out DIR   writes DIR/names-50000.csv: one-match ties
                        between 50,000 club names no registry knows

Python 3 standard library only; the same arguments give the same bytes.

The data: competitions come in pairs, one pair a block of 65 seasons (1955-56 to 2019-20), as
if champs.csv were copied once a block with a competition of its own:

  "UEFA Bench Cup K": 32 clubs of UEFA's member countries a season, two-legged rounds (Round of
    32, Round of 16, Quarter-finals, Semi-finals) and a one-match final, played by UEFA's rules
    of the season as footballdb computes them for a competition named "UEFA ..." (away goals
    from 1965-66 to 2020-21, counted in extra time; a tie level after extra time goes to a
    penalty shoot-out from 1970-71, to a play-off before; a final level after extra time is
    replayed until 1973-74). Half-time scores everywhere, extra time in some second legs (the
    `aet` column holds the score after extra time, as champs.csv does), shoot-outs in `pens`
    ("4-3", the row's home club first), "away goals" in `pens` where away goals decided, the
    winner in `tiewinner` on every row of the tie.
  "Bench National Cup K": 64 clubs of one country a season, one-match rounds (First round ...
    Final); a draw after 90 minutes is replayed at the other club's ground four days later (leg
    "replay", the first match "initial"), a replay goes to extra time and penalties.

Club names are canonical names of data/clubs/registry.txt that no other club of the registry
also spells that way, with their countries (`hcountry`, `vcountry`, "(ENG)" in Football.TXT).
Each club plays at most one tie a round, and each pair of clubs meets at most once a round.
Dates: a European round's legs on Wednesdays two weeks apart (September to April, the final at
the end of May), the national cup's rounds on Saturdays (November to May); every round of a
competition's season has dates of its own.
"""

import argparse
import datetime
import json
import os
import random
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REGISTRY = os.path.join(ROOT, "data", "clubs", "registry.txt")

FIRST_SEASON = 1955
SEASONS_PER_BLOCK = 65  # 1955-56 .. 2019-20

UEFA = set("ALB AND ARM AUT AZE BEL BIH BLR BUL CRO CYP CZE DEN ENG ESP EST FIN FRA FRO GEO GER "
           "GIB GRE HUN IRL ISL ISR ITA KAZ KVX LIE LTU LUX LVA MDA MKD MLT MNE MON NED NIR NOR "
           "POL POR ROU RUS SCO SMR SRB SUI SVK SVN SWE TUR UKR WAL".split())

# European rounds: (CSV code as champs.csv writes it, Football.TXT name, first leg month/day).
EURO_ROUNDS = [("R32", "Round of 32", (9, 14)), ("R16", "Round of 16", (10, 26)),
               ("QF", "Quarter-finals", (3, 2)), ("SF", "Semi-finals", (4, 6))]
EURO_FINAL = ("final", "Final", (5, 27))
# National cup rounds: (CSV code, Football.TXT name, Saturday on or after month/day).
NATIONAL_ROUNDS = [("Round1", "First round", (11, 5)), ("Round2", "Second round", (12, 3)),
                   ("Round3", "Third round", (1, 7)), ("QF", "Quarter-finals", (2, 18)),
                   ("SF", "Semi-finals", (3, 18)), ("final", "Final", (5, 13))]
NATIONAL_CLUBS = 64

HEADER = ["competition", "Date", "Season", "round", "leg", "home", "visitor", "FT", "HT", "aet",
          "pens", "hgoal", "vgoal", "FTagg_home", "FTagg_visitor", "aethgoal", "aetvgoal",
          "tothgoal", "totvgoal", "totagg_home", "totagg_visitor", "tiewinner", "hcountry",
          "vcountry"]

# The mapping bench/run imports legs-N.csv with: every column of the champs layout that
# footballdb reads (Season holds the start year: season_start).
MAPPING = ("competition=competition,date=Date,season_start=Season,round=round,leg=leg,home=home,"
           "away=visitor,score=FT,ht=HT,aet=aet,pens=pens,winner=tiewinner,"
           "home_country=hcountry,away_country=vcountry")


# ------------------------------------------------------------------------------------------
# Clubs


def fold(name):
    """A loose key: case- and accent-folded, letters and digits only."""
    text = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in text if c.isalnum() and not unicodedata.combining(c))


def txt_safe(name):
    """True when Football.TXT reads `name` back as one club name (no score-like word, no
    versus word, no comment, venue, note or country bracket) and CSV needs no quotes in it."""
    if any(c in name for c in ',"#@[]()»▪='):
        return False
    for word in name.split():
        if word.lower() in ("v", "vs", "vs."):
            return False
        if word[0].isdigit() and "-" in word:
            return False
    return name == name.strip() and "  " not in name


# Reserve and youth teams ("Bayern München II", "Real Madrid B", "Horn Amateure") play no cup
# against their first teams: left out.
RESERVE = re.compile(r"\b(II|III|IV|B|U\d\d|Juniors|Jugend|Amateure|Reserves|Youth)$")


def read_registry():
    """{country: [canonical names]} of first teams whose canonical name no other club spells."""
    clubs = []  # (country, canonical, [spellings])
    country = None
    with open(REGISTRY, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("= "):
                country = line[2:].strip()
            elif line[0] in " \t":
                text = line.strip()
                if text.startswith("|"):
                    text = text[1:].strip()
                if clubs and text:
                    clubs[-1][2].append(text)
            else:
                name = line.split(" @ ")[0].strip()
                clubs.append((country, name, [name]))
    owners = {}
    for index, (_, _, spellings) in enumerate(clubs):
        for spelling in spellings:
            owners.setdefault(fold(spelling), set()).add(index)
    by_country = {}
    for index, (code, name, _) in enumerate(clubs):
        if owners[fold(name)] != {index} or not txt_safe(name) or RESERVE.search(name):
            continue
        by_country.setdefault(code, []).append(name)
    return by_country


# ------------------------------------------------------------------------------------------
# Matches


def weekday_on_or_after(year, month, day, weekday):
    d = datetime.date(year, month, day)
    return d + datetime.timedelta(days=(weekday - d.weekday()) % 7)


def goals(rng, mean):
    """A Poisson-distributed number of goals (Knuth), capped at 9."""
    limit, k, p = pow(2.718281828459045, -mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit or k >= 9:
            return k
        k += 1


class Match:
    """One leg. Scores are (home, away); et is after extra time (90 minutes included)."""

    def __init__(self, date, home, away, leg, kickoff):
        self.date, self.home, self.away, self.leg, self.kickoff = date, home, away, leg, kickoff
        self.ft = self.ht = self.et = self.pens = None
        self.note = None  # "away goals" in champs' pens column

    def final(self):
        return self.et or self.ft


def play_90(rng, match):
    h, a = goals(rng, 1.45), goals(rng, 1.05)
    ht = (sum(rng.random() < 0.45 for _ in range(h)), sum(rng.random() < 0.45 for _ in range(a)))
    match.ft, match.ht = (h, a), ht


def play_extra_time(rng, match):
    match.et = (match.ft[0] + goals(rng, 0.3), match.ft[1] + goals(rng, 0.3))


def shoot_out(rng):
    """A shoot-out's score: five kicks each, then sudden death."""
    h = a = 0
    for kick in range(5):
        h += rng.random() < 0.76
        if h > a + (5 - kick) or a > h + (4 - kick):
            return (h, a)
        a += rng.random() < 0.76
        if h > a + (4 - kick) or a > h + (4 - kick):
            return (h, a)
    while h == a:
        sh, sa = rng.random() < 0.76, rng.random() < 0.76
        h, a = h + sh, a + sa
    return (h, a)


def decisive_extra_time(rng, match):
    """Extra time that settles the match (for a replay whose era has no shoot-out)."""
    while True:
        play_extra_time(rng, match)
        if match.et[0] != match.et[1]:
            return


class Tie:
    def __init__(self, a, b, round_code, round_name):
        self.a, self.b = a, b  # (name, country)
        self.round_code, self.round_name = round_code, round_name
        self.matches = []
        self.winner = None

    def other(self, club):
        return self.b if club == self.a else self.a


def goals_of(club, match, score):
    return score[0] if match.home == club else score[1]


def euro_two_legs(rng, tie, dates, season):
    """A two-legged tie under UEFA's rules of `season` (tie_rules.cpp's uefa_rules)."""
    away_goals = 1965 <= season <= 2020
    penalties = season >= 1970
    a, b = tie.a, tie.b
    first = Match(dates[0], a, b, "1", "20.45")
    second = Match(dates[1], b, a, "2", "20.45")
    tie.matches = [first, second]
    play_90(rng, first)
    play_90(rng, second)

    def aggregate(use_et):
        total = {a: 0, b: 0}
        away = {a: 0, b: 0}
        for m in (first, second):
            s = (m.et if use_et and m.et else m.ft)
            total[m.home] += s[0]
            total[m.away] += s[1]
            away[m.away] += s[1]
        return total, away

    for use_et in (False, True):
        if use_et:
            play_extra_time(rng, second)
        total, away = aggregate(use_et)
        if total[a] != total[b]:
            tie.winner = a if total[a] > total[b] else b
            return
        if away_goals and away[a] != away[b]:
            tie.winner = a if away[a] > away[b] else b
            second.note = "away goals"
            return
    if penalties:
        second.pens = shoot_out(rng)
        tie.winner = second.home if second.pens[0] > second.pens[1] else second.away
        return
    # Before shoot-outs: one play-off a week later, settled in 90 minutes or extra time.
    replay = Match(dates[2], a, b, "replay", "20.00")
    tie.matches.append(replay)
    play_90(rng, replay)
    if replay.ft[0] == replay.ft[1]:
        decisive_extra_time(rng, replay)
    s = replay.final()
    tie.winner = replay.home if s[0] > s[1] else replay.away


def euro_final(rng, tie, dates, season):
    """A one-match final: extra time, then penalties (from 1974) or a replay (until 1973-74,
    whose replay has a shoot-out from 1970-71)."""
    final = Match(dates[0], tie.a, tie.b, "NA", "20.45")
    tie.matches = [final]
    play_90(rng, final)
    if final.ft[0] == final.ft[1]:
        play_extra_time(rng, final)
    s = final.final()
    if s[0] != s[1]:
        tie.winner = final.home if s[0] > s[1] else final.away
        return
    if season >= 1974:
        final.pens = shoot_out(rng)
        tie.winner = final.home if final.pens[0] > final.pens[1] else final.away
        return
    final.leg = "initial"
    replay = Match(dates[1], tie.a, tie.b, "replay", "20.00")
    tie.matches.append(replay)
    play_90(rng, replay)
    if replay.ft[0] == replay.ft[1]:
        if season >= 1970:
            play_extra_time(rng, replay)
            if replay.et[0] == replay.et[1]:
                replay.pens = shoot_out(rng)
                tie.winner = replay.home if replay.pens[0] > replay.pens[1] else replay.away
                return
        else:
            decisive_extra_time(rng, replay)
    s = replay.final()
    tie.winner = replay.home if s[0] > s[1] else replay.away


def national_match(rng, tie, dates):
    """One match; a draw is replayed at the other ground, with extra time and penalties."""
    first = Match(dates[0], tie.a, tie.b, "NA", "15.00")
    tie.matches = [first]
    play_90(rng, first)
    if first.ft[0] != first.ft[1]:
        tie.winner = first.home if first.ft[0] > first.ft[1] else first.away
        return
    first.leg = "initial"
    replay = Match(dates[1], tie.b, tie.a, "replay", "19.45")
    tie.matches.append(replay)
    play_90(rng, replay)
    if replay.ft[0] == replay.ft[1]:
        play_extra_time(rng, replay)
        if replay.et[0] == replay.et[1]:
            replay.pens = shoot_out(rng)
            tie.winner = replay.home if replay.pens[0] > replay.pens[1] else replay.away
            return
    s = replay.final()
    tie.winner = replay.home if s[0] > s[1] else replay.away


def season_year(month, season):
    return season if month >= 7 else season + 1


def euro_season(rng, pool, season, name):
    """The ties of one season of a European cup, in round order."""
    clubs = rng.sample(pool, 32)
    ties = []
    for code, title, (month, day) in EURO_ROUNDS:
        first = weekday_on_or_after(season_year(month, season), month, day, 2)  # Wednesday
        dates = [first, first + datetime.timedelta(days=14), first + datetime.timedelta(days=21)]
        rng.shuffle(clubs)
        round_ties = []
        for i in range(0, len(clubs), 2):
            tie = Tie(clubs[i], clubs[i + 1], code, title)
            euro_two_legs(rng, tie, dates, season)
            round_ties.append(tie)
        ties.extend(round_ties)
        clubs = [t.winner for t in round_ties]
    code, title, (month, day) = EURO_FINAL
    first = weekday_on_or_after(season + 1, month, day, 2)
    tie = Tie(clubs[0], clubs[1], code, title)
    euro_final(rng, tie, [first, first + datetime.timedelta(days=2)], season)
    ties.append(tie)
    return ties


def national_season(rng, pool, season):
    clubs = rng.sample(pool, NATIONAL_CLUBS)
    ties = []
    for code, title, (month, day) in NATIONAL_ROUNDS:
        first = weekday_on_or_after(season_year(month, season), month, day, 5)  # Saturday
        dates = [first, first + datetime.timedelta(days=3)]  # replays on Tuesdays
        rng.shuffle(clubs)
        round_ties = []
        for i in range(0, len(clubs), 2):
            tie = Tie(clubs[i], clubs[i + 1], code, title)
            national_match(rng, tie, dates)
            round_ties.append(tie)
        ties.extend(round_ties)
        clubs = [t.winner for t in round_ties]
    return ties


# ------------------------------------------------------------------------------------------
# Output


def score_text(score):
    return "NA" if score is None else f"{score[0]}-{score[1]}"


def quoted(text):
    return f'"{text}"'


def csv_rows(competition, season, tie):
    """The champs layout's rows of one tie: aggregates from the row's home club's side."""
    rows = []
    ft_total = {tie.a[0]: 0, tie.b[0]: 0}
    total = {tie.a[0]: 0, tie.b[0]: 0}
    for m in tie.matches:
        home, away = m.home[0], m.away[0]
        if m.leg != "replay":
            ft_total[home] += m.ft[0]
            ft_total[away] += m.ft[1]
            total[home] += m.final()[0]
            total[away] += m.final()[1]
            ft_agg = (ft_total[home], ft_total[away])
            agg = (total[home], total[away])
        else:
            ft_agg, agg = m.ft, m.final()
        pens = score_text(m.pens) if m.pens else (m.note or "NA")
        leg = m.leg if m.leg in ("NA",) else quoted(m.leg)
        rows.append(",".join([
            quoted(competition), m.date.isoformat(), str(season), quoted(tie.round_code), leg,
            quoted(home), quoted(away), quoted(score_text(m.ft)), quoted(score_text(m.ht)),
            quoted(score_text(m.et)) if m.et else "NA",
            quoted(pens) if pens != "NA" else "NA",
            str(m.ft[0]), str(m.ft[1]), str(ft_agg[0]), str(ft_agg[1]),
            str(m.et[0]) if m.et else "NA", str(m.et[1]) if m.et else "NA",
            str(m.final()[0]), str(m.final()[1]), str(agg[0]), str(agg[1]),
            quoted(tie.winner[0]), quoted(m.home[1]), quoted(m.away[1])]))
    return rows


def txt_score(m):
    """openfootball's score: "4-3 pen. 1-1 a.e.t. (1-1, 0-0)", "2-1 a.e.t. (1-1, 0-0)",
    "2-1 (1-0)"."""
    if m.et:
        text = f"{score_text(m.et)} a.e.t. ({score_text(m.ft)}, {score_text(m.ht)})"
    else:
        text = f"{score_text(m.ft)} ({score_text(m.ht)})"
    if m.pens:
        text = f"{score_text(m.pens)} pen. {text}"
    return text


def txt_headings(tie):
    """(heading, match) for each match of a tie, in Football.TXT's words."""
    out = []
    for m in tie.matches:
        if m.leg == "1":
            out.append((f"{tie.round_name}, 1st leg", m))
        elif m.leg == "2":
            out.append((f"{tie.round_name}, 2nd leg", m))
        elif m.leg == "replay":
            out.append((f"{tie.round_name}, Replay", m))
        else:
            out.append((tie.round_name, m))
    return out


def txt_season(competition, season, ties):
    """One season of a competition as Football.TXT: headings in order of first date, each
    heading's matches by date."""
    lines = [f"= {competition} {season}/{(season + 1) % 100:02d}", ""]
    groups = {}
    for tie in ties:
        for heading, m in txt_headings(tie):
            groups.setdefault(heading, []).append(m)
    for heading, matches in sorted(groups.items(), key=lambda kv: min(m.date for m in kv[1])):
        lines.append(f"» {heading}")
        matches.sort(key=lambda m: m.date)
        day = None
        for m in matches:
            if m.date != day:
                day = m.date
                lines.append(f"  {m.date.strftime('%a')} {m.date.strftime('%b')}/{m.date.day} "
                             f"{m.date.year}")
            lines.append(f"    {m.kickoff}  {m.home[0]} ({m.home[1]}) v {m.away[0]} "
                         f"({m.away[1]})  {txt_score(m)}")
        lines.append("")
    return lines


def generate(legs_wanted, out, seed):
    by_country = read_registry()
    euro_pool = sorted((name, code) for code in UEFA for name in by_country.get(code, []))
    national_countries = sorted(code for code, names in by_country.items()
                                if len(names) >= NATIONAL_CLUBS)
    rng = random.Random(seed)
    # Query inputs: some 1,000 of each kind (a generator of their own: the data do not depend
    # on how many are drawn).
    sampler = random.Random(seed + 1)
    sample_rate = min(1.0, 1500.0 / max(legs_wanted, 1))  # some 1.5 legs a tie
    txt_dir = os.path.join(out, f"txt-{legs_wanted}")
    os.makedirs(txt_dir, exist_ok=True)
    for old in os.listdir(txt_dir):
        os.remove(os.path.join(txt_dir, old))
    stats = {"legs": 0, "ties": 0, "competitions": 0, "seasons": 0, "replays": 0,
             "extra_time": 0, "penalties": 0, "away_goals": 0, "clubs": 0,
             "euro_pool": len(euro_pool), "national_countries": national_countries}
    clubs_seen = set()
    samples = {"club": [], "pair": [], "date": [], "next": [], "season": []}
    national_names = []
    csv_path = os.path.join(out, f"legs-{legs_wanted}.csv")
    with open(csv_path, "w", encoding="utf-8", newline="\n") as csv_out:
        csv_out.write(",".join(quoted(h) for h in HEADER) + "\n")
        block = 0
        done = False
        while not done:
            block += 1
            euro_name = f"UEFA Bench Cup {block}"
            national_name = f"Bench National Cup {block}"
            country = national_countries[(block - 1) % len(national_countries)]
            national_pool = [(name, country) for name in sorted(by_country[country])]
            txt = {euro_name: [], national_name: []}
            for season in range(FIRST_SEASON, FIRST_SEASON + SEASONS_PER_BLOCK):
                for name, ties in ((euro_name, euro_season(rng, euro_pool, season, euro_name)),
                                   (national_name, national_season(rng, national_pool, season))):
                    kept = []
                    for tie in ties:
                        if stats["legs"] + len(tie.matches) > legs_wanted:
                            done = True
                            break
                        kept.append(tie)
                        stats["legs"] += len(tie.matches)
                    if not kept:
                        break
                    if name == national_name and national_name not in national_names:
                        national_names.append(national_name)
                    stats["seasons"] += 1
                    rows = []
                    for tie in kept:
                        rows.extend(csv_rows(name, season, tie))
                        stats["ties"] += 1
                        for m in tie.matches:
                            stats["replays"] += m.leg == "replay"
                            stats["extra_time"] += m.et is not None
                            stats["penalties"] += m.pens is not None
                            stats["away_goals"] += m.note == "away goals"
                            clubs_seen.add(m.home)
                            clubs_seen.add(m.away)
                        if sampler.random() < sample_rate:
                            m = tie.matches[0]
                            samples["club"].append(tie.a[0])
                            samples["pair"].append((tie.a[0], tie.b[0]))
                            samples["date"].append(m.date.isoformat())
                            before = m.date - datetime.timedelta(days=sampler.randint(0, 40))
                            samples["next"].append((tie.b[0], before.isoformat()))
                            samples["season"].append((name, f"{season}-{(season + 1) % 100:02d}"))
                    # champs.csv is in order of date.
                    rows.sort(key=lambda r: r.split(",", 2)[1])
                    csv_out.write("\n".join(rows) + "\n")
                    txt[name].append((season, kept))
                    if done:
                        break
                if done:
                    break
            for name, seasons in txt.items():
                if not seasons:
                    continue
                stats["competitions"] += 1
                path = os.path.join(txt_dir, name.lower().replace(" ", "-") + ".txt")
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    for season, ties in seasons:
                        f.write("\n".join(txt_season(name, season, ties)) + "\n")
    stats["clubs"] = len(clubs_seen)
    with open(os.path.join(out, f"national-{legs_wanted}.txt"), "w", encoding="utf-8") as f:
        f.write("".join(n + "\n" for n in national_names))
    with open(os.path.join(out, f"queries-{legs_wanted}.tsv"), "w", encoding="utf-8") as f:
        for name in samples["club"]:
            f.write(f"club\t{name}\n")
        for a, b in samples["pair"]:
            f.write(f"pair\t{a}\t{b}\n")
        for d in samples["date"]:
            f.write(f"date\t{d}\n")
        for name, d in samples["next"]:
            f.write(f"next\t{name}\t{d}\n")
        for competition, season in samples["season"]:
            f.write(f"season\t{competition}\t{season}\n")
    with open(os.path.join(out, f"stats-{legs_wanted}.json"), "w", encoding="utf-8") as f:
        json.dump(stats, f, indent=1)
    return stats


# Syllables of the new names, as bench/import_bench.cpp's generate_new_names.
SYLLABLES = ["ka", "lo", "mi", "nu", "pe", "ra", "si", "tov", "vu", "zen", "bo", "dar", "fe",
             "gi", "hul", "jo", "kir", "le", "mos", "ny"]


def new_names(count, out):
    """`count` club names no registry knows ("Sporting Club Kalomi..."), two a match."""
    def name(i):
        word = ""
        for _ in range(4):
            word += SYLLABLES[i % 20]
            i //= 20
        return "Sporting Club " + word.capitalize()
    path = os.path.join(out, f"names-{count}.csv")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("competition,season,round,date,home,away,ft\n")
        for i in range(0, count, 2):
            f.write(f"Names Cup,2020-21,First round,2020-08-{10 + i % 20},{name(i)},"
                    f"{name(i + 1)},1-0\n")
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--legs", type=int, help="legs to write (whole ties: up to 2 fewer)")
    parser.add_argument("--new-names", type=int, help="write names-N.csv of N new club names")
    parser.add_argument("--out", required=True, help="directory for the files")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--print-mapping", action="store_true",
                        help="print the --mapping for legs-N.csv and exit")
    args = parser.parse_args()
    if args.print_mapping:
        print(MAPPING)
        return 0
    os.makedirs(args.out, exist_ok=True)
    if args.legs:
        stats = generate(args.legs, args.out, args.seed)
        print(json.dumps(stats))
    if args.new_names:
        print(new_names(args.new_names, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())

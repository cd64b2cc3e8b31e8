#!/usr/bin/env python3
"""bench/run's report: reads the measurements bench/run wrote (raw.jsonl, one JSON object a
line), prints one aligned plain-text table and writes the same figures as JSON.

    bench/report.py RAW.jsonl RESULTS.json
"""

import json
import statistics
import sys

ROWS = {
    "a": "floor: C, one STRICT table",
    "b": "sqlite3 .import --csv",
    "c": "Python csv + sqlite3",
    "d": "schema floor: footballdb's tables",
    "e": "footballdb import (CSV)",
    "f": "footballdb import (Football.TXT)",
}
API = {
    "ties_by_club_name": "ties of a club by name (resolve + ties)",
    "ties_between_names": "tie of two named clubs (2 resolves + ties)",
    "fixtures_on_date": "fixtures on a date",
    "next_fixture": "a club's next fixture (club id known)",
    "next_fixture_by_name": "a club's next fixture (resolve + next)",
    "season_ties": "a season's ties (competition + season)",
    "resolve_name": "resolve a name alone",
}
CLI = {
    "ties_club": "ties --club NAME",
    "ties_pair": "ties --club A --opponent B",
    "fixtures_date": "fixtures --date D",
    "fixtures_next": "fixtures --next --club NAME --date D",
    "resolve": "resolve NAME",
}
BY_NAME = ("ties_club", "ties_pair", "fixtures_next", "resolve")
MIB = 1024.0


def table(headers, rows, align=None):
    """Aligned text: numbers right, words left."""
    cells = [headers] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    align = align or ["<"] + [">"] * (len(headers) - 1)
    out = []
    for k, r in enumerate(cells):
        out.append("  ".join(f"{c:{a}{w}}" for c, a, w in zip(r, align, widths)).rstrip())
        if k == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


def num(x, digits=0):
    if x is None:
        return "-"
    return f"{x:,.{digits}f}"


def main():
    raw_path, out_path = sys.argv[1:3]
    records = [json.loads(line) for line in open(raw_path, encoding="utf-8") if line.strip()]
    machine = next((r for r in records if r["kind"] == "machine"), {})
    sizes = machine.get("sizes") or sorted({r["size"] for r in records if r["kind"] == "import"
                                            and r["row"] in ROWS})
    imports = {}
    for r in records:
        if r["kind"] == "import" and r["row"] in ROWS:
            entry = {"legs": r["legs"], "wall_s": r["wall_s"], "peak_rss_mib": r["rss_kb"] / MIB,
                     "db_bytes": r["db_bytes"],
                     "legs_per_s": r["legs"] / r["wall_s"] if r["wall_s"] > 0 else None,
                     "db_bytes_per_leg": r["db_bytes"] / r["legs"] if r["legs"] else None}
            if r["row"] == "d":
                try:
                    inner = json.loads(r["stdout"])
                    entry["open_s"] = inner["open_s"]
                    entry["insert_s"] = inner["insert_s"]
                    entry["empty_db_bytes"] = inner["empty_db_bytes"]
                except (ValueError, KeyError):
                    pass
            if r["row"] in ("e", "f"):
                entry["report"] = r["stdout"].strip()
            imports.setdefault(r["row"], {})[str(r["size"])] = entry

    # footballdb's files hold the club registry before any import: bytes a leg net of it.
    empties = [v["empty_db_bytes"] for v in imports.get("d", {}).values()
               if v.get("empty_db_bytes")]
    empty_db = min(empties) if empties else None
    for row in ("d", "e", "f"):
        for v in imports.get(row, {}).values():
            if empty_db and v["legs"]:
                v["db_bytes_per_leg_net"] = (v["db_bytes"] - empty_db) / v["legs"]

    def wall(row, size):
        return imports.get(row, {}).get(str(size), {}).get("wall_s")

    ratios = {}
    for n in sizes:
        ea, ed, da = wall("e", n), wall("d", n), wall("a", n)
        ratios[str(n)] = {
            "e/a": ea / da if ea and da else None,
            "e/d": ea / ed if ea and ed else None,
            "d/a": ed / da if ed and da else None,
        }
    linearity = {}
    if len(sizes) >= 2:
        big, prev = sizes[-1], sizes[-2]
        for row in ROWS:
            tb, tp = wall(row, big), wall(row, prev)
            if tb and tp:
                lb = imports[row][str(big)]["legs"]
                lp = imports[row][str(prev)]["legs"]
                linearity[row] = {"sizes": [prev, big], "time_ratio": tb / tp,
                                  "size_ratio": lb / lp, "normalised": (tb / tp) / (lb / lp)}

    api = next((r for r in records if r["kind"] == "api"), None)
    cli = {}
    for r in records:
        if r["kind"] == "cli":
            cli[r["command"]] = {"median_ms": statistics.median(r["runs_ms"]),
                                 "min_ms": min(r["runs_ms"]), "max_ms": max(r["runs_ms"]),
                                 "runs": len(r["runs_ms"]), "example": r["example"]}
    names_record = next((r for r in records if r["kind"] == "import" and r["row"] == "names"),
                        None)
    names = None
    if names_record:
        opens = [v.get("open_s") for v in imports.get("d", {}).values() if v.get("open_s")]
        open_s = statistics.median(opens) if opens else None
        names = {"names": 50000, "wall_s": names_record["wall_s"],
                 "peak_rss_mib": names_record["rss_kb"] / MIB,
                 "names_per_s": 50000 / names_record["wall_s"],
                 "new_database_s": open_s,
                 "names_per_s_net": (50000 / (names_record["wall_s"] - open_s)
                                     if open_s and names_record["wall_s"] > open_s else None),
                 "report": names_record["stdout"].strip()}
    checks = [r for r in records if r["kind"] == "check"]
    same = next((r for r in records if r["kind"] == "same_ties"), None)
    row_counts = [r for r in records if r["kind"] == "rows"]

    # Targets (the issue's), each met or missed on what this run measured.
    largest = sizes[-1] if sizes else None
    targets = []

    def target(name, value, limit, met, note=""):
        targets.append({"target": name, "value": value, "limit": limit,
                        "met": bool(met) if met is not None else None, "note": note})

    at = 1000000 if 1000000 in sizes else largest
    ea = ratios.get(str(at), {}).get("e/a")
    target("import within 2x the floor (a) at 1M legs", ea, 2.0, ea is not None and ea <= 2.0,
           "" if at == 1000000 else f"1M not run: at {at:,} legs")
    if 1000000 in sizes and 100000 in sizes:
        r = wall("e", 1000000) / wall("e", 100000)
        target("import time 1M / 100k under 11", r, 11.0, r < 11.0)
    elif len(sizes) >= 2:
        r = wall("e", sizes[-1]) / wall("e", sizes[-2])
        scaled = r * 10 / (imports["e"][str(sizes[-1])]["legs"] / imports["e"][str(sizes[-2])]["legs"])
        # Fixed costs (a new database's registry) flatter small sizes: no verdict.
        target("import time 1M / 100k under 11", scaled, 11.0, None,
               f"1M/100k not run: {sizes[-1]:,}/{sizes[-2]:,} time ratio {r:.2f}, scaled to a "
               f"size ratio of 10")
    rss = imports.get("e", {}).get(str(largest), {}).get("peak_rss_mib")
    target("import peak RSS under 256 MiB", rss, 256.0, rss is not None and rss < 256.0,
           f"at {largest:,} legs")
    if api:
        for key, q in api["questions"].items():
            target(f"API p50 under 20 us: {key}", q["p50_us"], 20.0, q["p50_us"] < 20.0)
    for key in BY_NAME:
        if key in cli:
            target(f"CLI by name under 20 ms: {CLI[key]}", cli[key]["median_ms"], 20.0,
                   cli[key]["median_ms"] < 20.0)
    if names:
        target(">= 100k new names/s", names["names_per_s"], 100000.0,
               names["names_per_s"] >= 100000.0, "whole process, new database included")

    results = {"machine": machine, "sizes": sizes, "empty_footballdb_db_bytes": empty_db, "imports": imports, "ratios": ratios,
               "linearity": linearity, "api": api, "cli": cli, "names": names,
               "checks": checks, "csv_and_txt_same_ties": same, "row_counts": row_counts,
               "targets": targets, "rows": ROWS}
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1)

    # --- The table ------------------------------------------------------------------------
    lines = []
    ram = machine.get("ram_kb", 0) / MIB / MIB
    title = "footballdb bench/run" + (" --quick" if machine.get("quick") else "")
    lines.append(f"{title}: commit {machine.get('commit', '?')}, {machine.get('date', '?')}")
    lines.append(f"machine: {machine.get('nproc', '?')} cores, {machine.get('cpu', '?')}, "
                 f"{ram:.1f} GiB RAM, Debian {machine.get('debian', '?')}, "
                 f"SQLite {machine.get('sqlite', '?')}")
    if "load_start" in machine:
        lines.append(f"load average (1 min) at the start {machine['load_start']}, at the end "
                     f"{machine['load_end']} (other work on the machine slows every figure)")
    lines.append("")
    lines.append("Imports (one process each, wall time and peak RSS; DB bytes: the file after it)")
    body = []
    for n in sizes:
        for row, label in ROWS.items():
            v = imports.get(row, {}).get(str(n))
            if not v:
                continue
            body.append([f"({row}) {label}", num(v["legs"]), num(v["wall_s"], 3),
                         num(v["legs_per_s"]), num(v["peak_rss_mib"], 1),
                         num(v["db_bytes_per_leg"]), num(v.get("db_bytes_per_leg_net"))])
    lines += table(["import", "legs", "wall s", "legs/s", "peak RSS MiB", "DB bytes/leg",
                    "net of registry"], body)
    if empty_db:
        lines.append(f"(a new footballdb database, the club registry alone: {empty_db:,} bytes; "
                     f"'net of registry' leaves it out)")
    d_parts = [(n, imports["d"][str(n)]) for n in sizes
               if str(n) in imports.get("d", {}) and "open_s" in imports["d"][str(n)]]
    if d_parts:
        lines.append("(d) split: " + "; ".join(
            f"{n:,}: new database {v['open_s']:.3f} s + inserts {v['insert_s']:.3f} s"
            for n, v in d_parts))
    lines.append("")
    lines.append("Ratios of wall times")
    lines += table(["legs", "e/a", "e/d", "d/a"],
                   [[num(n), num(r["e/a"], 1), num(r["e/d"], 1), num(r["d/a"], 1)]
                    for n, r in ((n, ratios[str(n)]) for n in sizes)])
    if linearity:
        lines.append("")
        lin = next(iter(linearity.values()))["sizes"]
        lines.append(f"Linearity: time at {lin[1]:,} / time at {lin[0]:,} / size ratio "
                     f"(1.0 = linear)")
        lines += table(["import", "time ratio", "size ratio", "normalised"],
                       [[f"({row}) {ROWS[row]}", num(v["time_ratio"], 2),
                         num(v["size_ratio"], 2), num(v["normalised"], 2)]
                        for row, v in linearity.items()])
    if api:
        lines.append("")
        lines.append(f"Queries through the C++ API ({api['size']:,} legs, read-only, up to "
                     f"1000 repetitions over varied inputs, fewer (50 or more) after 60 s)")
        lines += table(["question", "p50 us", "p99 us", "rows", "reps"],
                       [[API.get(k, k), num(q["p50_us"], 1), num(q["p99_us"], 1),
                         num(q["mean_rows"], 1), num(q["repetitions"])]
                        for k, q in api["questions"].items()])
    if cli:
        lines.append("")
        lines.append(f"CLI, one process a query ({largest:,} legs, median of 20 runs)")
        lines += table(["command", "median ms", "min ms", "max ms"],
                       [[f"footballdb {CLI.get(k, k)}", num(v["median_ms"], 1),
                         num(v["min_ms"], 1), num(v["max_ms"], 1)] for k, v in cli.items()])
    if names:
        lines.append("")
        net = (f"; net of creating the database ({names['new_database_s']:.2f} s): "
               f"{num(names['names_per_s_net'])} names/s" if names["names_per_s_net"] else "")
        lines.append(f"New names: 50,000 unknown club names imported in {names['wall_s']:.2f} s "
                     f"= {num(names['names_per_s'])} names/s (whole process{net}), peak RSS "
                     f"{names['peak_rss_mib']:.0f} MiB")
    if checks or same:
        lines.append("")
        for c in checks:
            lines.append(f"check ({c['row']}) at {c['size']:,} legs (national cups' rules set): "
                         + ", ".join(f"{k} {v}" for k, v in c["check"].items()))
        if same:
            lines.append(f"CSV (e) and Football.TXT (f) give the same ties, winners and "
                         f"aggregates at {same['size']:,} legs: "
                         f"{'yes' if same['csv_and_txt'] else 'NO'}")
    lines.append("")
    lines.append("Targets")

    def show(v, limit):
        if v is None:
            return "-"
        return num(v, 1) if limit < 1000 else num(v)
    lines += table(["target", "measured", "limit", "", "note"],
                   [[t["target"], show(t["value"], t["limit"]), show(t["limit"], t["limit"]),
                     "n/a" if t["met"] is None else "met" if t["met"] else "MISSED", t["note"]]
                    for t in targets],
                   align=["<", ">", ">", "<", "<"])
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())

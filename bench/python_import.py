#!/usr/bin/env python3
"""What bench/floor.c does, in Python (csv and sqlite3 of the standard library).

    bench/python_import.py DB CSV

Creates DB (journal_mode WAL, synchronous NORMAL), one STRICT table `t` with a column per
column of the CSV's header (the champs layout's numeric columns INTEGER, the rest TEXT, "NA"
NULL) and inserts every row with one prepared statement (executemany) in one transaction.
Prints the number of rows inserted.
"""

import csv
import sqlite3
import sys

INTEGER_COLUMNS = {"Season", "hgoal", "vgoal", "FTagg_home", "FTagg_visitor", "aethgoal",
                   "aetvgoal", "tothgoal", "totvgoal", "totagg_home", "totagg_visitor"}


def main():
    if len(sys.argv) != 3:
        print("usage: python_import.py DB CSV", file=sys.stderr)
        return 2
    db_path, csv_path = sys.argv[1:]
    db = sqlite3.connect(db_path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    with open(csv_path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        integer = [name in INTEGER_COLUMNS for name in header]
        columns = ", ".join(f'"{name}" {"INTEGER" if i else "TEXT"}'
                            for name, i in zip(header, integer))
        db.execute(f"CREATE TABLE t({columns}) STRICT")
        insert = f"INSERT INTO t VALUES ({', '.join('?' * len(header))})"
        count = 0

        def rows():
            nonlocal count
            for row in reader:
                if not row:
                    continue
                if len(row) != len(header):
                    raise SystemExit(f"{csv_path}: row {reader.line_num} has {len(row)} fields")
                count += 1
                yield [None if value == "NA" else int(value) if is_int else value
                       for value, is_int in zip(row, integer)]

        db.execute("BEGIN")
        db.executemany(insert, rows())
        db.execute("COMMIT")
    db.close()
    print(count)
    return 0


if __name__ == "__main__":
    sys.exit(main())

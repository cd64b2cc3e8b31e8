/* The floor of an import: what no importer of the same file can beat.
 *
 *   floor DB CSV
 *
 * Creates DB (journal_mode WAL, synchronous NORMAL, as footballdb opens its databases), one
 * STRICT table `t` with a column per column of CSV's header, and inserts every row of CSV
 * with one prepared statement in one transaction. The CSV is bench/generate.py's: the
 * champs.csv layout with a leading competition column; a field may be quoted ("..."), "NA" is
 * NULL, and the numeric columns of the layout (Season, hgoal, ..., totagg_visitor) are
 * INTEGERs, the rest TEXT. No parsing beyond splitting the line: no names matched, no scores
 * read. Prints the number of rows inserted.
 */
#define _POSIX_C_SOURCE 200809L  /* getline */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COLUMNS 64

static const char *const kIntegerColumns[] = {
    "Season",   "hgoal",    "vgoal",    "FTagg_home", "FTagg_visitor", "aethgoal", "aetvgoal",
    "tothgoal", "totvgoal", "totagg_home", "totagg_visitor", NULL};

static void die(sqlite3 *db, const char *what) {
  fprintf(stderr, "floor: %s: %s\n", what, db ? sqlite3_errmsg(db) : "error");
  exit(1);
}

static void exec(sqlite3 *db, const char *sql) {
  char *error = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &error) != SQLITE_OK) {
    fprintf(stderr, "floor: %s: %s\n", sql, error);
    exit(1);
  }
}

/* Splits `line` (no line end) in place into at most MAX_COLUMNS fields; a quoted field loses
 * its quotes ("" inside is one "). Returns the number of fields. */
static int split(char *line, char **fields, size_t *lengths) {
  int n = 0;
  char *p = line;
  for (;;) {
    if (n == MAX_COLUMNS) return n;
    if (*p == '"') {
      char *out = ++p;
      fields[n] = out;
      for (;;) {
        if (*p == '\0') break;
        if (*p == '"') {
          if (p[1] == '"') {
            *out++ = '"';
            p += 2;
            continue;
          }
          ++p;
          break;
        }
        *out++ = *p++;
      }
      lengths[n] = (size_t)(out - fields[n]);
      while (*p != ',' && *p != '\0') ++p;
      *out = '\0';  /* before the closing quote's place, or at the comma's */
      ++n;
    } else {
      fields[n] = p;
      while (*p != ',' && *p != '\0') ++p;
      lengths[n] = (size_t)(p - fields[n]);
      ++n;
    }
    if (*p == '\0') return n;
    *p++ = '\0';
  }
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: floor DB CSV\n");
    return 2;
  }
  FILE *in = fopen(argv[2], "r");
  if (!in) {
    perror(argv[2]);
    return 1;
  }
  sqlite3 *db = NULL;
  if (sqlite3_open(argv[1], &db) != SQLITE_OK) die(db, argv[1]);
  exec(db, "PRAGMA journal_mode = WAL");
  exec(db, "PRAGMA synchronous = NORMAL");

  char *line = NULL;
  size_t capacity = 0;
  ssize_t got = getline(&line, &capacity, in);
  if (got <= 0) {
    fprintf(stderr, "floor: %s: no header\n", argv[2]);
    return 1;
  }
  while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r')) line[--got] = '\0';
  char *fields[MAX_COLUMNS];
  size_t lengths[MAX_COLUMNS];
  int integer[MAX_COLUMNS];
  const int columns = split(line, fields, lengths);

  /* CREATE TABLE t("competition" TEXT, "Date" TEXT, "Season" INTEGER, ...) STRICT */
  char create[8192] = "CREATE TABLE t(";
  char insert[4096] = "INSERT INTO t VALUES (";
  for (int i = 0; i < columns; ++i) {
    integer[i] = 0;
    for (const char *const *c = kIntegerColumns; *c; ++c) {
      if (strcmp(*c, fields[i]) == 0) integer[i] = 1;
    }
    char column[256];
    snprintf(column, sizeof column, "%s\"%s\" %s", i ? ", " : "", fields[i],
             integer[i] ? "INTEGER" : "TEXT");
    strncat(create, column, sizeof create - strlen(create) - 1);
    strncat(insert, i ? ", ?" : "?", sizeof insert - strlen(insert) - 1);
  }
  strncat(create, ") STRICT", sizeof create - strlen(create) - 1);
  strncat(insert, ")", sizeof insert - strlen(insert) - 1);
  exec(db, create);

  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2(db, insert, -1, &stmt, NULL) != SQLITE_OK) die(db, insert);
  exec(db, "BEGIN");
  long rows = 0;
  while ((got = getline(&line, &capacity, in)) > 0) {
    while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r')) line[--got] = '\0';
    if (got == 0) continue;
    const int n = split(line, fields, lengths);
    if (n != columns) {
      fprintf(stderr, "floor: %s: row %ld has %d fields, the header %d\n", argv[2], rows + 2, n,
              columns);
      return 1;
    }
    for (int i = 0; i < n; ++i) {
      if (lengths[i] == 2 && fields[i][0] == 'N' && fields[i][1] == 'A') {
        sqlite3_bind_null(stmt, i + 1);
      } else if (integer[i]) {
        sqlite3_bind_int64(stmt, i + 1, strtoll(fields[i], NULL, 10));
      } else {
        sqlite3_bind_text(stmt, i + 1, fields[i], (int)lengths[i], SQLITE_STATIC);
      }
    }
    if (sqlite3_step(stmt) != SQLITE_DONE) die(db, "insert");
    sqlite3_reset(stmt);
    ++rows;
  }
  exec(db, "COMMIT");
  sqlite3_finalize(stmt);
  if (sqlite3_close(db) != SQLITE_OK) die(db, "close");
  free(line);
  fclose(in);
  printf("%ld\n", rows);
  return 0;
}

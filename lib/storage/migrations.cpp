#include "storage/migrations.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "footballdb/error.hpp"

namespace footballdb::storage {
namespace {

int pragma_int(SQLite::Database& db, const char* pragma) {
  return db.execAndGet(std::string("PRAGMA ") + pragma).getInt();
}

bool is_empty(SQLite::Database& db) {
  return db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() == 0;
}

bool has_column(SQLite::Database& db, const char* table, const char* column) {
  SQLite::Statement q(db, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?");
  q.bind(1, table);
  q.bind(2, column);
  return q.executeStep();
}

// A migration edited after a release shipped it leaves the databases of that release in an
// older form than the migration now gives. Migration 10 rebuilds what later code needs in its
// current form; what a migration before it needs is brought here, before migration `version`
// runs, inside its transaction.
void repair_released_form(SQLite::Database& db, int version) {
  // Version 2 as the releases up to 1dea342 wrote it has no ties.outcome_from (953c735 added
  // it to migration 1), and migration 7 copies ties column for column. Those releases derived
  // every outcome from the legs.
  if (version == 7 && !has_column(db, "ties", "outcome_from")) {
    db.exec(
        "ALTER TABLE ties ADD COLUMN outcome_from TEXT CHECK (outcome_from IN ('legs', 'claims'));"
        "UPDATE ties SET outcome_from = 'legs' WHERE agg_a IS NOT NULL OR winner IS NOT NULL;");
  }
}

}  // namespace

int latest_version() { return static_cast<int>(migrations().size()); }

int check_owner(SQLite::Database& db) {
  const int app = pragma_int(db, "application_id");
  const int version = pragma_int(db, "user_version");
  if (app != kApplicationId && !(app == 0 && is_empty(db))) {
    throw Error(ErrorCode::kVersion,
                "'" + db.getFilename() + "' is not a footballdb database (application_id " +
                    std::to_string(app) + ")");
  }
  if (version > latest_version()) {
    throw Error(ErrorCode::kVersion,
                "'" + db.getFilename() + "' has schema version " + std::to_string(version) +
                    ", newer than this footballdb knows (" + std::to_string(latest_version()) +
                    "); use a newer footballdb");
  }
  return version;
}

int migrate(SQLite::Database& db) {
  int version = check_owner(db);
  const int before = version;
  // A migration may rebuild a table (SQLite's way to change a constraint): dropping the old one
  // must not cascade into the rows that refer to it. Foreign keys are off while it runs (the
  // pragma cannot change inside a transaction) and checked before it commits.
  const bool foreign_keys = pragma_int(db, "foreign_keys") != 0;
  struct Restore {
    SQLite::Database& db;
    bool on;
    ~Restore() {
      try {
        if (on) db.exec("PRAGMA foreign_keys = ON");
      } catch (const SQLite::Exception&) {  // outside a transaction the pragma cannot fail
      }
    }
  } restore{db, foreign_keys};
  for (const Migration& m : migrations()) {
    if (m.version <= version) continue;
    if (foreign_keys) db.exec("PRAGMA foreign_keys = OFF");
    try {
      SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
      // Another process may have migrated while this one waited for the lock.
      if (check_owner(db) >= m.version) continue;
      if (m.version == 1) db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
      repair_released_form(db, m.version);
      db.exec(std::string(m.sql));
      SQLite::Statement fk_check(db, "PRAGMA foreign_key_check");
      if (fk_check.executeStep()) {
        throw Error(ErrorCode::kDatabase, "migration " + std::to_string(m.version) +
                                              " leaves rows breaking foreign keys in table " +
                                              fk_check.getColumn(0).getString());
      }
      db.exec("PRAGMA user_version = " + std::to_string(m.version));
      tx.commit();
    } catch (const SQLite::Exception& e) {
      throw Error(ErrorCode::kDatabase, "migration " + std::to_string(m.version) + "_" +
                                            std::string(m.name) + " failed: " + e.what());
    }
    version = m.version;
  }
  return before;
}

void check_current(SQLite::Database& db) {
  if (check_owner(db) != latest_version()) {
    throw Error(ErrorCode::kVersion, "'" + db.getFilename() +
                                         "' needs migrating: open it once read-write");
  }
}

}  // namespace footballdb::storage

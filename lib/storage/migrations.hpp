// The schema's migrations, embedded from migrations/*.sql at build time.
#pragma once

#include <string_view>
#include <vector>

namespace SQLite {
class Database;
}

namespace footballdb::storage {

// PRAGMA application_id of every footballdb database: "FBDB".
constexpr int kApplicationId = 0x46424442;

struct Migration {
  int version;            // 1, 2, ...: PRAGMA user_version after it ran
  std::string_view name;  // "create_core"
  std::string_view sql;
};

// Every migration, in order. Generated.
const std::vector<Migration>& migrations();

// The schema version this build writes: the number of migrations.
int latest_version();

// Brings `db` to the latest schema: each pending migration in its own BEGIN IMMEDIATE
// transaction, checked with PRAGMA foreign_key_check before COMMIT. Stamps a new database with
// kApplicationId. A database that a release wrote in an older form of its version (a migration
// edited after that release) is brought to the current form where a later migration depends on
// it. Throws Error(kVersion) for a database of another application or one newer than this
// build, Error(kDatabase) when a migration fails (that migration is rolled back). Returns the
// version the database had before (0 for a new one).
int migrate(SQLite::Database& db);
// Throws Error(kVersion) unless `db` is empty or footballdb's at a version this build knows;
// reads only, so that a file footballdb refuses is left as it was. Returns the schema version.
int check_owner(SQLite::Database& db);

// Throws Error(kVersion) unless `db` is a footballdb database at the latest version.
void check_current(SQLite::Database& db);

}  // namespace footballdb::storage

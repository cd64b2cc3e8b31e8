#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "footballdb/database.hpp"
#include "footballdb/error.hpp"
#include "names/matcher.hpp"
#include "vocabulary/competition_names.hpp"
#include "vocabulary/rounds.hpp"
#include "sqlext/functions.hpp"
#include "storage/database_impl.hpp"
#include "storage/migrations.hpp"
#include "storage/outcomes.hpp"
#include "storage/registry.hpp"
#include "storage/rows.hpp"
#include "storage/store.hpp"

namespace footballdb {

void detail::rethrow_database_error(const SQLite::Exception& e, const std::string& context) {
  const std::string what = (context.empty() ? "" : context + ": ") + e.what();
  switch (e.getErrorCode() & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw Error(ErrorCode::kBusy,
                  what + " (another process holds the database's write lock: waited for the "
                         "busy timeout; nothing was changed, try again when it is done)");
    case SQLITE_READONLY:
      throw Error(ErrorCode::kIo, what + " (opened read-only, or no write permission on the "
                                         "file or its directory; nothing was changed)");
    case SQLITE_FULL:
      throw Error(ErrorCode::kIo, what + " (the disk is full; nothing was changed)");
    case SQLITE_CORRUPT:
      throw Error(ErrorCode::kDatabase,
                  what + " (the database file is damaged; `footballdb check --full` reports "
                         "what SQLite's integrity check finds)");
    case SQLITE_NOTADB:  // its first page is not an SQLite header: another kind of file
      throw Error(ErrorCode::kDatabase,
                  what + " (the file is no SQLite database, or its header is damaged; it was "
                         "left as it is)");
    default:
      throw Error(ErrorCode::kDatabase, what);
  }
}

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

// A read-only open of a database in a directory nobody may write to (a shared archive, a
// mounted image) with no WAL file beside it: SQLite could not create the shared-memory file
// its WAL readers need, so the file is read as immutable (no locks; no footballdb can be
// writing it). Elsewhere a plain read-only connection, which sees other connections' commits.
std::string reader_location(const std::string& path) {
  const std::filesystem::path file(path);
  const std::filesystem::path dir = file.has_parent_path() ? file.parent_path() : ".";
  if (path == ":memory:" || path.empty() || access(dir.c_str(), W_OK) == 0 ||
      std::filesystem::exists(path + "-wal")) {
    return path;
  }
  std::string uri = "file:";
  for (const char c : std::filesystem::absolute(file).string()) {
    if (c == '%' || c == '?' || c == '#') {
      static constexpr char kHex[] = "0123456789ABCDEF";
      uri += '%';
      uri += kHex[static_cast<unsigned char>(c) >> 4];
      uri += kHex[static_cast<unsigned char>(c) & 15];
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

namespace {

bool holds_nothing(SQLite::Database& db) {
  return db.execAndGet("SELECT NOT EXISTS (SELECT 1 FROM clubs) "
                       "AND NOT EXISTS (SELECT 1 FROM sources)")
             .getInt() != 0;
}

// Work a read-write open still has to do, read without taking the write lock: loading the
// registry into a database that holds nothing yet (also when an earlier first open stopped
// between the migrations and this), and stored keys for spellings without current ones
// (after a migration, or written by other programs).
bool open_needs_writes(SQLite::Database& db, bool load_registry) {
  if (load_registry && holds_nothing(db)) return true;
  return db.execAndGet("SELECT version FROM club_name_keys_version").getInt() !=
             names::kStoredKeysVersion ||
         db.execAndGet("SELECT EXISTS (SELECT 1 FROM club_names_unkeyed)").getInt() != 0;
}

}  // namespace

Database Database::open(const std::string& path, const OpenOptions& options) {
  const bool memory = path == ":memory:" || path.empty();
  if (!memory && !options.create_if_missing && !std::filesystem::exists(path)) {
    throw Error(ErrorCode::kIo, "no database at '" + path + "'");
  }
  // A Database is used from one thread at a time (database.hpp): its connection need not lock
  // SQLite's mutex around every call (each bind, step and column read of a query or an import).
  int flags = SQLITE_OPEN_NOMUTEX | (options.read_only
                                         ? SQLite::OPEN_READONLY
                                         : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  const std::string location = options.read_only ? reader_location(path) : path;
  if (location != path) flags |= SQLite::OPEN_URI;
  std::unique_ptr<Impl> impl;
  try {
    impl = std::make_unique<Impl>(memory ? ":memory:" : location, flags, options.busy_timeout_ms);
    SQLite::Database& db = impl->db;
    if (int rc = sqlext::register_functions(db.getHandle()); rc != SQLITE_OK) {
      throw Error(ErrorCode::kDatabase, "cannot register SQL functions: " +
                                            std::string(sqlite3_errstr(rc)));
    }
    db.exec("PRAGMA foreign_keys = ON");
    // Imports touch indexes all over a large file, and a program that asks question after
    // question reads the same pages again: keep up to 64 MiB of them in memory.
    db.exec("PRAGMA cache_size = -65536");
    // A statement that fires a trigger or may stop halfway keeps the pages it changes in a
    // statement journal; once one outgrew SQLite's 64 KiB it became a file in /var/tmp, and
    // every later statement of the transaction wrote its journal there, a syscall per page
    // (an import of 50,000 new names: 850,000 pwrites). Kept in memory with temporary tables.
    db.exec("PRAGMA temp_store = MEMORY");
    if (options.read_only) {
      // A reader maps the file (up to 1 GiB) instead of copying each page it reads: a club's
      // ties are spread over the whole file. Writers keep SQLite's ordinary reads.
      db.exec("PRAGMA mmap_size = 1073741824");
      if (options.migrate && !memory && storage::check_owner(db) < storage::latest_version()) {
        // Migrated once through a read-write connection, then read as asked.
        impl.reset();
        OpenOptions writer = options;
        writer.read_only = false;
        writer.create_if_missing = false;
        Database::open(path, writer);
        return Database::open(path, options);
      }
      storage::check_current(db);
    } else {
      // A file that is not footballdb's is refused before anything is written to it (WAL
      // mode is written into the file's header).
      storage::check_owner(db);
      if (!memory && db.execAndGet("PRAGMA journal_mode").getString() != "wal") {
        db.exec("PRAGMA journal_mode = WAL");
      }
      db.exec("PRAGMA synchronous = NORMAL");
      // Each page a write reads is checked as it is read, so that damage stops the write
      // instead of spreading (an import checks the whole file only when that is in proportion).
      db.exec("PRAGMA cell_size_check = ON");
      storage::migrate(db);
      // The write lock only when there is work: opening never blocks behind another writer.
      if (open_needs_writes(db, options.load_registry)) {
        SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
        if (options.load_registry && holds_nothing(db)) {
          storage::Store store(impl->statements, impl->clubs);
          storage::load_registry(store, impl->statements);
        }
        impl->clubs.write_keys(true);
        tx.commit();
      }
    }
  } catch (const SQLite::Exception& e) {
    detail::rethrow_database_error(e, "cannot open '" + path + "'");
  }
  return Database(std::move(impl));
}

const std::string& Database::path() const { return impl_->db.getFilename(); }

int Database::schema_version() const try {
  return impl_->db.execAndGet("PRAGMA user_version").getInt();
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

int Database::latest_schema_version() { return storage::latest_version(); }

// --- Clubs ---

namespace {

Club read_club_names(storage::StatementCache& statements, Club club) {
  SQLite::Statement& q = statements.get(
      "SELECT n.name, n.lang, coalesce(s.path, n.method) FROM club_names n "
      "LEFT JOIN sources s ON s.id = n.source_id "
      "WHERE n.club_id = ? ORDER BY n.id");
  q.bind(1, club.id.value());
  while (q.executeStep()) {
    club.names.push_back(ClubName{q.getColumn(0).getString(), storage::opt_text(q.getColumn(1)),
                                  storage::opt_text(q.getColumn(2))});
  }
  return club;
}

}  // namespace

std::optional<Club> Database::club(ClubId id) const try {
  const storage::StatementCache::Scope statements_in_use(
      impl_->statements, storage::StatementCache::Reads::kOneSnapshot);
  SQLite::Statement& q =
      impl_->statements.get("SELECT id, name, country, city FROM clubs WHERE id = ?");
  q.bind(1, id.value());
  if (!q.executeStep()) return std::nullopt;
  Club club{id, q.getColumn(1).getString(), storage::opt_text(q.getColumn(2)),
            storage::opt_text(q.getColumn(3)), {}};
  return read_club_names(impl_->statements, std::move(club));
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

std::vector<Club> Database::find_clubs(std::string_view text) const try {
  const storage::StatementCache::Scope statements_in_use(
      impl_->statements, storage::StatementCache::Reads::kOneSnapshot);
  std::vector<Club> clubs;
  {
    SQLite::Statement& q = impl_->statements.get(
        "SELECT DISTINCT c.id, c.name, c.country, c.city FROM club_names n "
        "JOIN clubs c ON c.id = n.club_id WHERE instr(n.fold_key, ?) > 0 ORDER BY c.name, c.id");
    q.bind(1, fold_key(text));
    while (q.executeStep()) {
      clubs.push_back(Club{ClubId{q.getColumn(0).getInt64()}, q.getColumn(1).getString(),
                           storage::opt_text(q.getColumn(2)), storage::opt_text(q.getColumn(3)),
                           {}});
    }
  }
  for (Club& club : clubs) club = read_club_names(impl_->statements, std::move(club));
  return clubs;
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

// --- Rules ---

namespace {

int season_year_or_throw(std::string_view season) {
  return *Season::start_year(Season::require(season));
}

}  // namespace

namespace {

// The competition users call `competition` in the season starting in `year`: its canonical
// name and its id (0 when the database holds none of that name).
std::pair<std::string, std::int64_t> competition_of(storage::StatementCache& statements,
                                                    std::string_view competition, int year) {
  std::string name = vocabulary::canonical_competition(competition, year);
  SQLite::Statement& q = statements.get("SELECT id FROM competitions WHERE name = ?");
  q.bind(1, name);
  const std::int64_t id = q.executeStep() ? q.getColumn(0).getInt64() : 0;
  q.reset();
  return {std::move(name), id};
}

// A round as the user names it, in its canonical name where it has one ("" for none).
std::string canonical_round_name(std::string_view round) {
  if (round.empty()) return {};
  auto canonical = vocabulary::canonical_round(round);
  return canonical ? canonical->name : std::string(round);
}

}  // namespace

RuleSet Database::rules(std::string_view competition, std::string_view season,
                        std::string_view round) const try {
  const storage::StatementCache::Scope statements_in_use(
      impl_->statements, storage::StatementCache::Reads::kOneSnapshot);
  const int year = season_year_or_throw(season);
  const auto [name, id] = competition_of(impl_->statements, competition, year);
  return storage::rules_for(impl_->statements, id, name, year, canonical_round_name(round));
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

void Database::set_rules(std::string_view competition, std::string_view from_season,
                         const RuleSet& rules, std::string_view round) try {
  if (rules.legs != 1 && rules.legs != 2) {
    throw Error(ErrorCode::kUsage, "a tie is played over 1 or 2 legs, not " +
                                       std::to_string(rules.legs));
  }
  const storage::StatementCache::Scope statements_in_use(impl_->statements);
  const int year = season_year_or_throw(from_season);
  SQLite::Transaction tx(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
  storage::Store store(impl_->statements, impl_->clubs);
  const std::string name = vocabulary::canonical_competition(competition, year);
  store.put_rules(name, year, rules, canonical_round_name(round));
  store.recompute_competition(name);
  tx.commit();
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

void Database::unset_rules(std::string_view competition, std::string_view from_season,
                           std::string_view round) try {
  const storage::StatementCache::Scope statements_in_use(impl_->statements);
  const int year = season_year_or_throw(from_season);
  SQLite::Transaction tx(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
  const auto [name, id] = competition_of(impl_->statements, competition, year);
  SQLite::Statement del(impl_->db,
                        "DELETE FROM competition_rules WHERE competition_id = ? "
                        "AND from_season_year = ? AND round = ?");
  del.bind(1, id);
  del.bind(2, year);
  del.bind(3, canonical_round_name(round));
  if (del.exec() == 0) {
    throw Error(ErrorCode::kUsage, name + " has no rules of its own from " +
                                       std::string(from_season) +
                                       (round.empty() ? "" : " for " + std::string(round)));
  }
  storage::Store store(impl_->statements, impl_->clubs);
  store.recompute_competition(name);
  tx.commit();
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

bool Database::has_own_rules(std::string_view competition, std::string_view season,
                             std::string_view round) const try {
  const storage::StatementCache::Scope statements_in_use(
      impl_->statements, storage::StatementCache::Reads::kOneSnapshot);
  const int year = season_year_or_throw(season);
  const auto [name, id] = competition_of(impl_->statements, competition, year);
  return storage::own_rules(impl_->statements, id, year, canonical_round_name(round)).has_value();
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

int Database::recompute_outcomes() try {
  const storage::StatementCache::Scope statements_in_use(impl_->statements);
  SQLite::Transaction tx(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
  const int changed = storage::recompute_outcomes(impl_->statements);
  tx.commit();
  return changed;
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

}  // namespace footballdb

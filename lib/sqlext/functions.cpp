// footballdb's SQL functions, from one registrar built twice: into the library with SQLITE_CORE
// defined (every connection footballdb opens has them), and without it as the loadable extension
// for the stock sqlite3 shell (`.load BUILD/lib/footballdb`, entry point sqlite3_footballdb_init).
// The logic lives in the library's tested functions; this file only converts values.
//
//   name_key(name TEXT) -> TEXT
//       footballdb::name_key: NFKC, case folded, quote/dash/ș-ş unified. NULL -> NULL.
//   fold_key(name TEXT) -> TEXT
//       footballdb::fold_key: name_key with accents and letter variants folded. NULL -> NULL.
//   club_id(name TEXT) -> INTEGER
//       The id of the club `name` resolves to by the club-name matcher (the same layers as
//       `footballdb resolve`), over the clubs, spellings, distinct pairs and exonyms of the
//       database the connection has open (main). NULL when the name is unknown or ambiguous, and
//       for NULL. The matcher reads the clubs a name may mean through the keys footballdb stores
//       for each spelling (club_name_keys), as the library's queries do; when spellings were
//       written since by another program, it reads every club. It is made again when the
//       database changed (PRAGMA data_version and this connection's change count).
//
// Each takes text. An integer or a real is read as SQLite writes it as text; a blob as its bytes.
// A value that is not UTF-8 text without NUL bytes (a blob of other bytes, say) is an SQL error
// that says so, never a key of something else.
//
// name_key and fold_key are deterministic and innocuous (usable in views, indexes and CHECK
// constraints); club_id reads the database, so it is neither.
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1
#include <unicode/utf8.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "footballdb/error.hpp"
#include "footballdb/names.hpp"
#include "names/matcher.hpp"

#ifdef SQLITE_CORE
#include "sqlext/functions.hpp"
#endif

namespace {

using KeyFunction = std::string (*)(std::string_view);

// The argument as text (SQLite converts numbers; a blob gives its bytes), or nullopt after
// setting the error result when it is no UTF-8 text or holds a NUL byte.
std::optional<std::string_view> text_argument(sqlite3_context* context, sqlite3_value* value,
                                              const char* function) {
  const unsigned char* text = sqlite3_value_text(value);
  const int size = sqlite3_value_bytes(value);
  for (int i = 0; i < size;) {
    UChar32 c = 0;
    U8_NEXT(text, i, size, c);
    if (c <= 0) {
      const std::string message = std::string(function) +
                                  ": expected UTF-8 text without NUL bytes, got " +
                                  (c == 0 ? "a NUL byte" : "bytes that are not UTF-8");
      sqlite3_result_error(context, message.c_str(), -1);
      return std::nullopt;
    }
  }
  return std::string_view(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

template <KeyFunction F>
void key_function(sqlite3_context* context, int /*argc*/, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  const std::optional<std::string_view> text =
      text_argument(context, argv[0], static_cast<const char*>(sqlite3_user_data(context)));
  if (!text) return;
  try {
    std::string key = F(*text);
    sqlite3_result_text(context, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
  } catch (const std::exception& e) {
    sqlite3_result_error(context, e.what(), -1);
  }
}

// Runs `sql` on `db` with `params` bound as text, every column read as text; throws
// footballdb::Error on an SQLite error.
void run_query(sqlite3* db, const char* sql, const std::vector<std::string>& params,
               const std::function<void(const footballdb::names::Row&)>& row) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
    throw footballdb::Error(footballdb::ErrorCode::kDatabase, sqlite3_errmsg(db));
  }
  struct Finalize {
    sqlite3_stmt* stmt;
    ~Finalize() { sqlite3_finalize(stmt); }
  } finalize{stmt};
  for (std::size_t i = 0; i < params.size(); ++i) {
    sqlite3_bind_text(stmt, static_cast<int>(i + 1), params[i].data(),
                      static_cast<int>(params[i].size()), SQLITE_STATIC);
  }
  footballdb::names::Row values;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    values.clear();
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
      if (text) {
        values.emplace_back(std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, i))));
      } else {
        values.emplace_back(std::nullopt);
      }
    }
    row(values);
  }
  if (rc != SQLITE_DONE) throw footballdb::Error(footballdb::ErrorCode::kDatabase, sqlite3_errmsg(db));
}

// club_id's state on one connection: the matcher and the database state it was built from.
struct ClubIdState {
  std::optional<footballdb::names::Matcher> matcher;
  sqlite3_int64 data_version = -1;
  sqlite3_int64 changes = -1;
};

void club_id_function(sqlite3_context* context, int /*argc*/, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  const std::optional<std::string_view> text = text_argument(context, argv[0], "club_id");
  if (!text) return;
  auto* state = static_cast<ClubIdState*>(sqlite3_user_data(context));
  sqlite3* db = sqlite3_context_db_handle(context);
  try {
    sqlite3_int64 version = 0;
    run_query(db, "PRAGMA data_version", {},
              [&version](const footballdb::names::Row& r) { version = std::stoll(r.at(0).value()); });
    const sqlite3_int64 changes = sqlite3_total_changes64(db);
    if (!state->matcher || version != state->data_version || changes != state->changes) {
      state->matcher.reset();
      const footballdb::names::QueryRunner run =
          [db](const char* sql, const std::vector<std::string>& params,
               const std::function<void(const footballdb::names::Row&)>& row) {
            run_query(db, sql, params, row);
          };
      // The library's own stored keys when they are current: only the clubs the name may mean
      // are read. Else (spellings written by another program since) every club, in memory.
      state->matcher = footballdb::names::stored_keys_current(run)
                           ? footballdb::names::open_matcher(run)
                           : footballdb::names::build_matcher(run);
      state->data_version = version;
      state->changes = changes;
    }
    const footballdb::Resolution r = state->matcher->resolve(*text);
    if (r.status == footballdb::ResolveStatus::kResolved) {
      sqlite3_result_int64(context, r.club->id.value());
    } else {
      sqlite3_result_null(context);
    }
  } catch (const std::exception& e) {
    sqlite3_result_error(context, e.what(), -1);
  }
}

int register_all(sqlite3* db) {
  constexpr int kFlags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  struct Entry {
    const char* name;
    void (*fn)(sqlite3_context*, int, sqlite3_value**);
  };
  const Entry entries[] = {
      {"name_key", key_function<footballdb::name_key>},
      {"fold_key", key_function<footballdb::fold_key>},
  };
  for (const Entry& e : entries) {
    int rc = sqlite3_create_function_v2(db, e.name, 1, kFlags, const_cast<char*>(e.name), e.fn,
                                        nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return rc;
  }
  return sqlite3_create_function_v2(
      db, "club_id", 1, SQLITE_UTF8, new ClubIdState(), club_id_function, nullptr, nullptr,
      [](void* state) { delete static_cast<ClubIdState*>(state); });
}

}  // namespace

#ifdef SQLITE_CORE

int footballdb::sqlext::register_functions(sqlite3* db) { return register_all(db); }

#else

extern "C" __attribute__((visibility("default"))) int sqlite3_footballdb_init(
    sqlite3* db, char** /*error*/, const sqlite3_api_routines* api) {
  SQLITE_EXTENSION_INIT2(api);
  return register_all(db);
}

#endif

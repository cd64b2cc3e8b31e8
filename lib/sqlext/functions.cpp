// footballdb's SQL functions, from one registrar built twice: into the library with SQLITE_CORE
// defined (every connection footballdb opens has them), and without it as the loadable extension
// for the stock sqlite3 shell (`.load BUILD/lib/footballdb`, entry point sqlite3_footballdb_init).
// The logic lives in the library's tested functions; this file only converts values.
//
//   name_key(name TEXT) -> TEXT
//       footballdb::name_key: NFKC, case folded, quote/dash/ș-ş unified. NULL -> NULL.
//   fold_key(name TEXT) -> TEXT
//       footballdb::fold_key: name_key with accents and letter variants folded. NULL -> NULL.
//
// All are deterministic and innocuous (usable in views, indexes and CHECK constraints).
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include <string>

#include "footballdb/names.hpp"

#ifdef SQLITE_CORE
#include "sqlext/functions.hpp"
#endif

namespace {

using KeyFunction = std::string (*)(std::string_view);

template <KeyFunction F>
void key_function(sqlite3_context* context, int /*argc*/, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const auto size = static_cast<std::size_t>(sqlite3_value_bytes(argv[0]));
  try {
    std::string key = F(std::string_view(text, size));
    sqlite3_result_text(context, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
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
    int rc = sqlite3_create_function_v2(db, e.name, 1, kFlags, nullptr, e.fn, nullptr, nullptr,
                                        nullptr);
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
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

// footballdb's views as PostgreSQL defines them: lib/export/postgres_views.sql, embedded.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace footballdb {

namespace data {
// The text of lib/export/postgres_views.sql.
std::string_view postgres_views_sql();
}  // namespace data

namespace postgres {

struct View {
  std::string name;
  std::vector<std::string> columns;  // as the CREATE VIEW's column list names them
  std::string sql;                   // the statement, from CREATE VIEW to its ';'
};

// The views of postgres_views.sql, in its order. Throws Error(kInternal) when a statement does
// not read as "CREATE VIEW name (column, ...) AS ...;".
std::vector<View> views();

}  // namespace postgres
}  // namespace footballdb

#include "storage/source_store.hpp"

#include "storage/rows.hpp"

namespace footballdb::storage {

std::optional<SourceStore::StoredSource> SourceStore::find(const std::string& sha256) {
  SQLite::Statement& q =
      statements_.get("SELECT id, format, options FROM sources WHERE sha256 = ?");
  q.bind(1, sha256);
  if (!q.executeStep()) return std::nullopt;
  StoredSource found{SourceId{q.getColumn(0).getInt64()}, q.getColumn(1).getString(),
                     opt_text(q.getColumn(2))};
  q.reset();
  return found;
}

SourceId SourceStore::add(const std::string& path, const std::string& sha256,
                          const std::string& format, const std::string& imported_at,
                          const std::optional<std::string>& options) {
  SQLite::Statement& q = statements_.get(
      "INSERT INTO sources(path, sha256, format, imported_at, options) VALUES (?, ?, ?, ?, ?)");
  q.bind(1, path);
  q.bind(2, sha256);
  q.bind(3, format);
  q.bind(4, imported_at);
  bind_opt(q, 5, options);
  q.exec();
  return SourceId{statements_.last_insert_rowid()};
}

}  // namespace footballdb::storage

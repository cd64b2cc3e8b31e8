#include "storage/club_store.hpp"

#include "footballdb/names.hpp"
#include "storage/rows.hpp"

namespace footballdb::storage {

ClubId ClubStore::add(const std::string& name, const std::optional<std::string>& country,
                      const std::optional<std::string>& city, const char* origin,
                      std::optional<SourceId> source, int line) {
  SQLite::Statement& q =
      statements_.get("INSERT INTO clubs(name, country, city, origin) VALUES (?, ?, ?, ?)");
  q.bind(1, name);
  bind_opt(q, 2, country);
  bind_opt(q, 3, city);
  q.bind(4, origin);
  q.exec();
  const ClubId id{statements_.last_insert_rowid()};
  index_.club_added(id, name, country, city, std::string_view(origin) == "import");
  add_name(id, name, std::nullopt, source, origin, line);
  return id;
}

std::vector<ClubId> ClubStore::find(const std::string& name,
                                    const std::optional<std::string>& country) {
  SQLite::Statement& q =
      statements_.get("SELECT id FROM clubs WHERE name = ? AND country IS ? ORDER BY id");
  q.bind(1, name);
  bind_opt(q, 2, country);
  std::vector<ClubId> ids;
  while (q.executeStep()) ids.emplace_back(q.getColumn(0).getInt64());
  q.reset();
  return ids;
}

void ClubStore::fill_details(ClubId club, const std::optional<std::string>& country,
                             const std::optional<std::string>& city) {
  if (!country && !city) return;
  SQLite::Statement& q = statements_.get(
      "UPDATE clubs SET country = coalesce(country, ?), city = coalesce(city, ?) WHERE id = ?");
  bind_opt(q, 1, country);
  bind_opt(q, 2, city);
  q.bind(3, club.value());
  q.exec();
}

void ClubStore::add_name(ClubId club, const std::string& name,
                         const std::optional<std::string>& lang, std::optional<SourceId> source,
                         const std::string& method, int line) {
  SQLite::Statement& q = statements_.get(
      "INSERT INTO club_names(club_id, name, name_key, fold_key, lang, source_id, method, line) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(club_id, name) DO UPDATE SET method = "
      "excluded.method WHERE club_names.method = 'registry' AND excluded.method = 'nickname'");
  q.bind(1, club.value());
  q.bind(2, name);
  q.bind(3, name_key(name));
  q.bind(4, fold_key(name));
  bind_opt(q, 5, lang);
  bind_opt(q, 6, source ? std::optional<std::int64_t>(source->value()) : std::nullopt);
  q.bind(7, method);
  bind_opt(q, 8, line > 0 ? std::optional<int>(line) : std::nullopt);
  if (q.exec() > 0) index_.name_added(club, name, lang, method == "nickname");
}

}  // namespace footballdb::storage

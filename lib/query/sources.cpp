// Database::sources: what was imported, and what of the database each source is evidence of.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "footballdb/database.hpp"
#include "storage/database_impl.hpp"

namespace footballdb {

std::vector<SourceSummary> Database::sources() const try {
  const storage::StatementCache::Scope statements_in_use(
      impl_->statements, storage::StatementCache::Reads::kOneSnapshot);
  // Each count through the table's index on source_id, but for spellings and reviews (a scan
  // of each per source: a database has some hundred sources at most).
  SQLite::Statement& q = impl_->statements.get(
      "SELECT s.id, s.path, s.format, s.sha256, s.imported_at, "
      "(SELECT count(DISTINCT tie_id) FROM tie_evidence WHERE source_id = s.id), "
      "(SELECT count(DISTINCT leg_id) FROM leg_evidence WHERE source_id = s.id), "
      "(SELECT count(*) FROM tie_claims WHERE source_id = s.id), "
      "(SELECT count(*) FROM conflicts WHERE source_id = s.id), "
      "(SELECT count(*) FROM club_names WHERE source_id = s.id), "
      "(SELECT count(*) FROM name_reviews WHERE source_id = s.id AND status = 'open'), "
      "s.options FROM sources s ORDER BY s.id");
  std::vector<SourceSummary> out;
  while (q.executeStep()) {
    SourceSummary& s = out.emplace_back();
    s.id = SourceId{q.getColumn(0).getInt64()};
    s.path = q.getColumn(1).getString();
    s.format = q.getColumn(2).getString();
    s.sha256 = q.getColumn(3).getString();
    s.imported_at = q.getColumn(4).getString();
    s.ties = q.getColumn(5).getInt();
    s.legs = q.getColumn(6).getInt();
    s.claims = q.getColumn(7).getInt();
    s.conflicts = q.getColumn(8).getInt();
    s.names = q.getColumn(9).getInt();
    s.reviews = q.getColumn(10).getInt();
    if (!q.getColumn(11).isNull()) {
      s.options.emplace();
      const nlohmann::ordered_json options =
          nlohmann::ordered_json::parse(q.getColumn(11).getString());
      for (auto it = options.begin(); it != options.end(); ++it) {
        s.options->emplace_back(it.key(), it->get<std::string>());
      }
    }
  }
  return out;
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

}  // namespace footballdb

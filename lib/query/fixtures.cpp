// Database::fixtures, next_fixture and previous_fixture: legs by date.
#include <string>

#include "footballdb/database.hpp"
#include "storage/database_impl.hpp"
#include "storage/rows.hpp"

namespace footballdb {
namespace {

const std::string kFixtureSelect =
    std::string("SELECT c.name, s.name, r.name, l.tie_id, ") + storage::kLegColumns +
    storage::kLegFrom +
    " JOIN ties t ON t.id = l.tie_id JOIN rounds r ON r.id = t.round_id"
    " JOIN seasons s ON s.id = r.season_id JOIN competitions c ON c.id = s.competition_id ";

Fixture read_fixture(SQLite::Statement& q) {
  Fixture f;
  f.competition = q.getColumn(0).getString();
  f.season = q.getColumn(1).getString();
  f.round = q.getColumn(2).getString();
  f.tie = TieId{q.getColumn(3).getInt64()};
  f.leg = storage::read_leg(q, 4);
  return f;
}

std::vector<Fixture> run(storage::StatementCache& statements, const std::string& where,
                         const std::optional<std::string>& from,
                         const std::optional<std::string>& to, std::optional<ClubId> club,
                         const char* order) {
  SQLite::Statement& q = statements.get(kFixtureSelect + where + order);
  storage::bind_opt(q, 1, from);
  storage::bind_opt(q, 2, to);
  storage::bind_opt(q, 3, club ? std::optional<std::int64_t>(club->value()) : std::nullopt);
  std::vector<Fixture> out;
  while (q.executeStep()) out.push_back(read_fixture(q));
  q.reset();
  for (Fixture& f : out) {
    f.leg.evidence =
        storage::read_evidence(statements, "leg_evidence", "leg_id", f.leg.id.value());
  }
  return out;
}

// ?1: first date (inclusive), ?2: last date (inclusive), ?3: club; each NULL for any.
const char* const kWhere =
    "WHERE l.date IS NOT NULL AND (?1 IS NULL OR l.date >= ?1) AND (?2 IS NULL OR l.date <= ?2) "
    "AND (?3 IS NULL OR l.home = ?3 OR l.away = ?3) ";
// ?2: the date legs must be before, ?3: club.
const char* const kBeforeWhere =
    "WHERE l.date IS NOT NULL AND l.date < ?2 AND (?3 IS NULL OR l.home = ?3 OR l.away = ?3) ";

std::optional<Fixture> first(std::vector<Fixture> v) {
  if (v.empty()) return std::nullopt;
  return std::move(v.front());
}

}  // namespace

std::vector<Fixture> Database::fixtures(const FixtureFilter& filter) const try {
  const storage::StatementCache::Scope statements_in_use(impl_->statements);
  auto iso = [](const std::optional<Date>& d) {
    return d ? std::optional<std::string>(d->to_string()) : std::nullopt;
  };
  return run(impl_->statements, kWhere, iso(filter.from), iso(filter.to), filter.club,
             "ORDER BY l.date, l.kickoff IS NULL, l.kickoff, l.id");
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

std::optional<Fixture> Database::next_fixture(ClubId club, const Date& from) const try {
  const storage::StatementCache::Scope statements_in_use(impl_->statements);
  return first(run(impl_->statements, kWhere, from.to_string(), std::nullopt, club,
                   "ORDER BY l.date, l.kickoff IS NULL, l.kickoff, l.id LIMIT 1"));
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

std::optional<Fixture> Database::previous_fixture(ClubId club, const Date& before) const try {
  const storage::StatementCache::Scope statements_in_use(impl_->statements);
  return first(run(impl_->statements, kBeforeWhere, std::nullopt, before.to_string(), club,
                   "ORDER BY l.date DESC, l.kickoff IS NULL DESC, l.kickoff DESC, l.id DESC "
                   "LIMIT 1"));
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

}  // namespace footballdb

// Database::fixtures, next_fixture and previous_fixture: legs by date.
#include <string>

#include "footballdb/database.hpp"
#include "storage/database_impl.hpp"
#include "storage/rows.hpp"

namespace footballdb {
namespace {

const std::string kFixtureSelect =
    std::string("SELECT c.name, s.name, r.name, l.tie_id, ") + storage::kLegColumns +
    " FROM legs l" + storage::kLegClubs +
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

// Legs with a date, of `club` when given, from `from` and to `to` (inclusive).
struct Span {
  std::optional<std::string> from, to;
  std::optional<ClubId> club;
};

std::vector<Fixture> run(storage::StatementCache& statements, const Span& span,
                         const char* order) {
  storage::Where where;
  where.add("l.date IS NOT NULL");
  where.add("l.date >= ?", span.from);
  where.add("l.date <= ?", span.to);
  where.add("l.home = ? OR l.away = ?",
            span.club ? std::optional<std::int64_t>(span.club->value()) : std::nullopt);
  SQLite::Statement& q = statements.get(kFixtureSelect + where.sql() + order);
  where.bind(q);
  std::vector<Fixture> out;
  while (q.executeStep()) out.push_back(read_fixture(q));
  q.reset();
  std::vector<Leg*> legs;
  for (Fixture& f : out) legs.push_back(&f.leg);
  storage::read_leg_evidence(statements, legs);
  return out;
}

// The date of `club`'s first leg on or after `from` (`next`), or of its last leg before it: one
// seek in each of legs_by_home and legs_by_away, not a sort of every leg the club played.
std::optional<std::string> nearest_date(storage::StatementCache& statements, ClubId club,
                                        const std::string& from, bool next) {
  SQLite::Statement& q = statements.get(
      next ? "SELECT min(d) FROM (SELECT min(date) AS d FROM legs WHERE home = ?1 AND date >= ?2 "
             "UNION ALL SELECT min(date) FROM legs WHERE away = ?1 AND date >= ?2)"
           : "SELECT max(d) FROM (SELECT max(date) AS d FROM legs WHERE home = ?1 AND date < ?2 "
             "UNION ALL SELECT max(date) FROM legs WHERE away = ?1 AND date < ?2)");
  q.bind(1, club.value());
  q.bind(2, from);
  std::optional<std::string> out;
  if (q.executeStep()) out = storage::opt_text(q.getColumn(0));
  q.reset();
  return out;
}

std::optional<Fixture> first(std::vector<Fixture> v) {
  if (v.empty()) return std::nullopt;
  return std::move(v.front());
}

}  // namespace

std::vector<Fixture> Database::fixtures(const FixtureFilter& filter) const try {
  const storage::StatementCache::Scope statements_in_use(
      impl_->statements, storage::StatementCache::Reads::kOneSnapshot);
  auto iso = [](const std::optional<Date>& d) {
    return d ? std::optional<std::string>(d->to_string()) : std::nullopt;
  };
  return run(impl_->statements, Span{iso(filter.from), iso(filter.to), filter.club},
             "ORDER BY l.date, l.kickoff IS NULL, l.kickoff, l.id");
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

std::optional<Fixture> Database::next_fixture(ClubId club, const Date& from) const try {
  const storage::StatementCache::Scope statements_in_use(
      impl_->statements, storage::StatementCache::Reads::kOneSnapshot);
  const auto date = nearest_date(impl_->statements, club, from.to_string(), true);
  if (!date) return std::nullopt;
  return first(run(impl_->statements, Span{date, date, club},
                   "ORDER BY l.date, l.kickoff IS NULL, l.kickoff, l.id LIMIT 1"));
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

std::optional<Fixture> Database::previous_fixture(ClubId club, const Date& before) const try {
  const storage::StatementCache::Scope statements_in_use(
      impl_->statements, storage::StatementCache::Reads::kOneSnapshot);
  const auto date = nearest_date(impl_->statements, club, before.to_string(), false);
  if (!date) return std::nullopt;
  return first(run(impl_->statements, Span{date, date, club},
                   "ORDER BY l.date DESC, l.kickoff IS NULL DESC, l.kickoff DESC, l.id DESC "
                   "LIMIT 1"));
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

}  // namespace footballdb

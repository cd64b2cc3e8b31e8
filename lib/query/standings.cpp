// Database::standings: the standings view, filtered as users type competitions and rounds.
#include <SQLiteCpp/SQLiteCpp.h>

#include "footballdb/database.hpp"
#include "query/filters.hpp"
#include "storage/database_impl.hpp"
#include "storage/rows.hpp"

namespace footballdb {

std::vector<Standing> Database::standings(const TieFilter& filter) const try {
  const storage::StatementCache::Scope statements_in_use(
      impl_->statements, storage::StatementCache::Reads::kOneSnapshot);
  const query::CanonicalFilter names =
      query::canonical_filter(impl_->statements, filter.competition, filter.season, filter.round);
  // "Group A" names the group stage and its group A; "Group stage" every group.
  storage::Where where;
  where.add("competition = ?", names.competition);
  where.add("season = ?", names.season);
  where.add("round = ?", names.round);
  where.add("\"group\" = ?", names.group);
  where.add("EXISTS (SELECT 1 FROM standings o WHERE o.club_id = ? "
            "AND o.competition = standings.competition AND o.season = standings.season "
            "AND o.round = standings.round AND o.\"group\" IS standings.\"group\")",
            filter.club ? std::optional<std::int64_t>(filter.club->value()) : std::nullopt);
  SQLite::Statement& q = impl_->statements.get(
      "SELECT competition, season, round, \"group\", position, club_id, club, played, won, drawn, "
      "lost, goals_for, goals_against, points FROM standings" + where.sql() +
      "ORDER BY season, competition, round, \"group\", position");
  where.bind(q);
  std::vector<Standing> out;
  while (q.executeStep()) {
    Standing s;
    s.competition = q.getColumn(0).getString();
    s.season = q.getColumn(1).getString();
    s.round = q.getColumn(2).getString();
    s.group = storage::opt_text(q.getColumn(3));
    s.position = q.getColumn(4).getInt();
    s.club = ClubRef{ClubId{q.getColumn(5).getInt64()}, q.getColumn(6).getString()};
    s.played = q.getColumn(7).getInt();
    s.won = q.getColumn(8).getInt();
    s.drawn = q.getColumn(9).getInt();
    s.lost = q.getColumn(10).getInt();
    s.goals_for = q.getColumn(11).getInt();
    s.goals_against = q.getColumn(12).getInt();
    s.points = q.getColumn(13).getInt();
    out.push_back(std::move(s));
  }
  q.reset();
  return out;
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

}  // namespace footballdb

// check(): the data-quality findings of a database.
#include "footballdb/check.hpp"

#include <map>
#include <tuple>
#include <nlohmann/json.hpp>
#include <string>

#include "footballdb/rules.hpp"
#include "query/claims.hpp"
#include "storage/database_impl.hpp"
#include "storage/integrity.hpp"
#include "storage/review.hpp"
#include "storage/outcomes.hpp"
#include "storage/rows.hpp"

namespace footballdb {
namespace {

using storage::opt_club;

// Columns read_summary expects, for a query over `ties t` joined with kSummaryJoins.
constexpr const char* kSummaryColumns =
    "t.id, co.name, s.name, r.name, t.club_a, ca.name, t.club_b, cb.name";
constexpr int kSummaryColumnCount = 8;
constexpr const char* kSummaryJoins =
    " JOIN rounds r ON r.id = t.round_id JOIN seasons s ON s.id = r.season_id"
    " JOIN competitions co ON co.id = s.competition_id"
    " LEFT JOIN clubs ca ON ca.id = t.club_a LEFT JOIN clubs cb ON cb.id = t.club_b ";
constexpr const char* kSummaryOrder =
    " ORDER BY s.start_year, s.name, co.name, r.ordinal, t.number IS NULL, t.number, t.id";

TieSummary read_summary(SQLite::Statement& q) {
  TieSummary t;
  t.id = TieId{q.getColumn(0).getInt64()};
  t.competition = q.getColumn(1).getString();
  t.season = q.getColumn(2).getString();
  t.round = q.getColumn(3).getString();
  t.club_a = opt_club(q.getColumn(4), q.getColumn(5));
  t.club_b = opt_club(q.getColumn(6), q.getColumn(7));
  return t;
}

void read_conflicts(storage::StatementCache& statements, CheckReport& report) {
  SQLite::Statement& q = statements.get(
      std::string("SELECT ") + kSummaryColumns +
      ", l.number, x.field, x.stored, x.claimed, x.source_id, src.path, x.line "
      "FROM conflicts x LEFT JOIN legs l ON l.id = x.leg_id "
      "JOIN ties t ON t.id = coalesce(x.tie_id, l.tie_id) JOIN sources src ON src.id = x.source_id" +
      kSummaryJoins + kSummaryOrder + ", x.id");
  while (q.executeStep()) {
    ConflictFinding f;
    f.tie = read_summary(q);
    const int c = kSummaryColumnCount;
    f.leg = storage::opt_int(q.getColumn(c));
    f.field = q.getColumn(c + 1).getString();
    f.stored = q.getColumn(c + 2).getString();
    f.claimed = q.getColumn(c + 3).getString();
    f.evidence = Evidence{SourceId{q.getColumn(c + 4).getInt64()}, q.getColumn(c + 5).getString(),
                          q.getColumn(c + 6).getInt()};
    report.conflicts.push_back(std::move(f));
  }
  q.reset();
}

void read_disagreements(const Database& db, storage::StatementCache& statements,
                        CheckReport& report) {
  std::vector<TieSummary> ties;
  {
    SQLite::Statement& q = statements.get(
        std::string("SELECT ") + kSummaryColumns + " FROM ties t" + kSummaryJoins +
        "WHERE EXISTS (SELECT 1 FROM tie_claims tc WHERE tc.tie_id = t.id)" + kSummaryOrder);
    while (q.executeStep()) ties.push_back(read_summary(q));
    q.reset();
  }
  for (TieSummary& summary : ties) {
    std::optional<Tie> tie = db.tie(summary.id);
    if (!tie || !tie->disagreement) continue;
    DisagreementFinding f;
    f.reasons = query::disagreement_reasons(*tie);
    f.outcome = tie->outcome;
    f.winner = tie->winner;
    f.tie = std::move(summary);
    report.disagreements.push_back(std::move(f));
  }
}

void read_partial_ties(const Database& db, storage::StatementCache& statements,
                       CheckReport& report) {
  SQLite::Statement& q =
      statements.get(std::string("SELECT ") + kSummaryColumns + " FROM ties t" + kSummaryJoins +
                     "WHERE t.club_b IS NULL AND t.decided_by IS NOT 'bye'" + kSummaryOrder);
  std::vector<TieSummary> ties;
  while (q.executeStep()) ties.push_back(read_summary(q));
  q.reset();
  for (TieSummary& summary : ties) {
    PartialTieFinding f;
    if (std::optional<Tie> tie = db.tie(summary.id)) {
      f.stated = std::move(tie->stated);
      f.evidence = std::move(tie->evidence);
    }
    f.tie = std::move(summary);
    report.partial_ties.push_back(std::move(f));
  }
}

void read_name_reviews(storage::StatementCache& statements, CheckReport& report) {
  SQLite::Statement& q = statements.get(
      "SELECT nr.id, nr.name, nr.reason, nr.club_id, c.name, nr.candidates, nr.source_id, "
      "src.path, nr.line FROM name_reviews nr LEFT JOIN clubs c ON c.id = nr.club_id "
      "LEFT JOIN sources src ON src.id = nr.source_id WHERE nr.status = 'open' ORDER BY nr.id");
  while (q.executeStep()) {
    NameReviewFinding f;
    f.id = q.getColumn(0).getInt64();
    f.name = q.getColumn(1).getString();
    f.reason = q.getColumn(2).getString();
    f.club = opt_club(q.getColumn(3), q.getColumn(4));
    for (const Candidate& c : storage::candidates_from_json(q.getColumn(5).getString())) {
      f.candidates.push_back(c.club.name);
    }
    if (!q.getColumn(6).isNull()) {
      f.evidence = Evidence{SourceId{q.getColumn(6).getInt64()}, q.getColumn(7).getString(),
                            q.getColumn(8).isNull() ? 0 : q.getColumn(8).getInt()};
    }
    report.name_reviews.push_back(std::move(f));
  }
  q.reset();
}

void read_rule_anomalies(storage::StatementCache& statements, CheckReport& report) {
  struct Row {
    TieSummary tie;
    std::int64_t competition;
    int year;
  };
  std::vector<Row> rows;
  {
    SQLite::Statement& q = statements.get(
        std::string("SELECT ") + kSummaryColumns + ", co.id, s.start_year FROM ties t" +
        kSummaryJoins + "WHERE r.knockout = 1 AND EXISTS (SELECT 1 FROM legs l WHERE "
                        "l.tie_id = t.id)" + kSummaryOrder);
    while (q.executeStep()) {
      rows.push_back(Row{read_summary(q), q.getColumn(kSummaryColumnCount).getInt64(),
                         q.getColumn(kSummaryColumnCount + 1).getInt()});
    }
    q.reset();
  }
  std::map<std::tuple<std::int64_t, int, std::string>, RuleSet> rules;
  for (Row& row : rows) {
    auto key = std::make_tuple(row.competition, row.year, row.tie.round);
    auto it = rules.find(key);
    if (it == rules.end()) {
      it = rules.emplace(key, storage::rules_for(statements, row.competition,
                                                 row.tie.competition, row.year, row.tie.round))
               .first;
    }
    auto anomalies = footballdb::rule_anomalies(
        storage::load_tie_facts(statements, row.tie.id.value()), it->second);
    if (anomalies.empty()) continue;
    report.rule_anomalies.push_back(RuleAnomalyFinding{std::move(row.tie), std::move(anomalies)});
  }
}

void read_undecided_ties(storage::StatementCache& statements, CheckReport& report) {
  SQLite::Statement& q = statements.get(
      std::string("SELECT ") + kSummaryColumns + ", t.agg_a, t.agg_b FROM ties t" +
      kSummaryJoins +
      "WHERE r.knockout = 1 AND t.club_b IS NOT NULL AND t.winner IS NULL "
      "AND EXISTS (SELECT 1 FROM legs l WHERE l.tie_id = t.id) "
      "AND NOT EXISTS (SELECT 1 FROM legs l WHERE l.tie_id = t.id AND l.status = 'scheduled')" +
      kSummaryOrder);
  while (q.executeStep()) {
    UndecidedTieFinding f;
    f.tie = read_summary(q);
    const int c = kSummaryColumnCount;
    if (!q.getColumn(c).isNull()) {
      f.aggregate = Aggregate{q.getColumn(c).getInt(), q.getColumn(c + 1).getInt()};
      const std::string score =
          std::to_string(f.aggregate->a) + "-" + std::to_string(f.aggregate->b);
      f.reason = "level at " + score +
                 "; the sources give no extra time, shoot-out, replay or winner that settles it";
    } else {
      f.reason =
          "no leg has a result (not played, void or cancelled), and no source names a winner";
    }
    report.undecided_ties.push_back(std::move(f));
  }
  q.reset();
}

}  // namespace

CheckReport check(const Database& db, const CheckOptions& options) try {
  const storage::StatementCache::Scope statements_in_use(
      detail::DatabaseAccess::statements(db), storage::StatementCache::Reads::kOneSnapshot);
  auto& statements = detail::DatabaseAccess::statements(db);
  CheckReport report;
  report.integrity.check = options.full ? "integrity_check" : "quick_check";
  report.integrity.problems =
      storage::integrity_problems(detail::DatabaseAccess::sqlite(db), options.full);
  if (!report.integrity.problems.empty()) return report;
  read_conflicts(statements, report);
  read_disagreements(db, statements, report);
  read_partial_ties(db, statements, report);
  read_name_reviews(statements, report);
  read_rule_anomalies(statements, report);
  read_undecided_ties(statements, report);
  return report;
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

}  // namespace footballdb

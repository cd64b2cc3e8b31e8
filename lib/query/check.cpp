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

std::string name_of(const std::optional<ClubRef>& club) { return club ? club->name : "?"; }

std::string where(const Evidence& e) { return e.path + ":" + std::to_string(e.line); }

// "Real Madrid 3-2 Bayern Munich": an aggregate in the tie's club order.
std::string aggregate_text(const TieSummary& tie, const Aggregate& agg) {
  return name_of(tie.club_a) + " " + std::to_string(agg.a) + "-" + std::to_string(agg.b) + " " +
         name_of(tie.club_b);
}

// What a statement says, e.g. "Bayern Munich went through (away_goals), Real Madrid 3-2
// Bayern Munich on aggregate".
std::string statement_text(const TieSummary& tie, const std::optional<ClubRef>& winner,
                           const std::optional<Aggregate>& agg,
                           const std::optional<DecidedBy>& how) {
  std::string out;
  if (winner) out = winner->name + " went through";
  if (how) out += (out.empty() ? "decided by " : " by ") + std::string(to_string(*how));
  if (agg) out += (out.empty() ? "" : ", ") + aggregate_text(tie, *agg) + " on aggregate";
  return out;
}

std::optional<ClubRef> club_named(const TieSummary& tie, std::optional<ClubId> id) {
  if (!id) return std::nullopt;
  if (tie.club_a && tie.club_a->id == *id) return tie.club_a;
  if (tie.club_b && tie.club_b->id == *id) return tie.club_b;
  return ClubRef{*id, "club " + std::to_string(id->value())};
}

// The reasons a tie's statements disagree with its outcome and with each other; empty when
// they do not.
std::vector<std::string> disagreement_reasons(const Tie& tie, const TieSummary& summary) {
  std::vector<std::string> reasons;
  const TieOutcome& o = tie.outcome;
  const std::string given =
      o.winner || o.aggregate
          ? (o.stated ? "the sources agreeing give " : "the legs give ") +
                statement_text(summary, club_named(summary, o.winner), o.aggregate, o.decided_by)
          : "the legs decide nothing";
  for (std::size_t i = 0; i < tie.stated.size(); ++i) {
    const StatedOutcome& claim = tie.stated[i];
    const std::string says = where(claim.evidence) + " says " +
                             statement_text(summary, claim.winner, claim.aggregate,
                                            claim.decided_by);
    if (!o.stated && query::contradicts(claim, o)) {
      reasons.push_back(says + "; " + given);
    }
    for (std::size_t j = 0; j < i; ++j) {
      const StatedOutcome& other = tie.stated[j];
      if (query::contradicts(claim, query::as_outcome(other))) {
        reasons.push_back(says + "; " + where(other.evidence) + " says " +
                          statement_text(summary, other.winner, other.aggregate,
                                         other.decided_by));
      }
    }
  }
  return reasons;
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
    f.reasons = disagreement_reasons(*tie, summary);
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

}  // namespace

CheckReport check(const Database& db, const CheckOptions& options) try {
  const storage::StatementCache::Scope statements_in_use(detail::DatabaseAccess::statements(db));
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
  return report;
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

}  // namespace footballdb

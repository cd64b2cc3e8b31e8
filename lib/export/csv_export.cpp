// export_csv: ties.csv and legs.csv (include/footballdb/export.hpp; the columns are README.md's
// "CSV export"), each one query read row by row.
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "footballdb/error.hpp"
#include "footballdb/export.hpp"
#include "query/claims.hpp"
#include "storage/database_impl.hpp"
#include "storage/rows.hpp"

namespace footballdb {
namespace {

// Writes RFC 4180 rows: a field is quoted when it holds a comma, a quote, CR or LF.
class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}

  void field(std::string_view text) {
    if (!first_) out_ << ',';
    first_ = false;
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
      out_ << text;
      return;
    }
    out_ << '"';
    for (const char c : text) {
      if (c == '"') out_ << '"';
      out_ << c;
    }
    out_ << '"';
  }
  // A column's value as SQLite gives it as text; NULL is an empty field.
  void field(const SQLite::Column& column) {
    field(column.isNull() ? std::string() : column.getString());
  }
  void end_row() {
    out_ << "\r\n";
    first_ = true;
  }
  // A header row of names that need no quotes, "a,b,c".
  void header(std::string_view names) {
    out_ << names;
    end_row();
  }

 private:
  std::ostream& out_;
  bool first_ = true;
};

// The header rows (README.md, "CSV export"), in the order the queries below give the columns.
constexpr const char* kTieColumns =
    "tie_id,competition,season,round,round_order,knockout,group,tie_number,club_a_id,"
    "club_a,club_a_country,club_b_id,club_b,club_b_country,agg_a,agg_b,winner_id,winner,"
    "decided_by,extra_time,outcome_from,legs,first_leg_date,last_leg_date,"
    "coin_toss_winner_id,coin_toss_winner,claims,stated_winner_id,stated_winner,"
    "stated_agg_a,stated_agg_b,stated_decided_by,disagreement";
constexpr const char* kLegColumns =
    "leg_id,tie_id,competition,season,round,group,leg_number,replay,status,date,kickoff,"
    "home_id,home,home_country,away_id,away,away_country,neutral,venue,home_goals,"
    "away_goals,ft_home,ft_away,ht_home,ht_away,et_home,et_away,pen_home,pen_away,"
    "awarded_to_id,awarded_to";

// The rounds' joins and the order of ties both files share: season, competition, round,
// tie number, id.
constexpr const char* kRoundJoins =
    " JOIN rounds r ON r.id = t.round_id JOIN seasons s ON s.id = r.season_id"
    " JOIN competitions c ON c.id = s.competition_id ";
constexpr const char* kTieOrder = "s.start_year, s.name, c.name, r.ordinal, r.id, t.number, t.id";

// Legs that count for a tie's dates: not annulled or cancelled ones (as in tie_results).
constexpr const char* kCountingLeg =
    "l.tie_id = t.id AND l.status NOT IN ('annulled', 'cancelled')";

void write_ties(storage::StatementCache& statements, std::ostream& out) {
  CsvWriter csv(out);
  csv.header(kTieColumns);
  // Columns 0 to 25 are written as they are; 14 to 18 hold the outcome claims are checked against.
  SQLite::Statement& q = statements.get(
      std::string("SELECT t.id, c.name, s.name, r.name, r.ordinal, r.knockout, t.group_name, "
                  "t.number, t.club_a, ca.name, ca.country, t.club_b, cb.name, cb.country, "
                  "t.agg_a, t.agg_b, t.winner, w.name, t.decided_by, t.extra_time, "
                  "t.outcome_from, (SELECT count(*) FROM legs l WHERE l.tie_id = t.id), "
                  "(SELECT min(l.date) FROM legs l WHERE ") +
      kCountingLeg + "), (SELECT max(l.date) FROM legs l WHERE " + kCountingLeg +
      "), t.coin_toss_winner, ct.name FROM ties t" + kRoundJoins +
      "LEFT JOIN clubs ca ON ca.id = t.club_a LEFT JOIN clubs cb ON cb.id = t.club_b "
      "LEFT JOIN clubs w ON w.id = t.winner LEFT JOIN clubs ct ON ct.id = t.coin_toss_winner "
      "ORDER BY " +
      kTieOrder);
  SQLite::Statement& claims = statements.get(
      "SELECT tc.winner, w.name, tc.agg_a, tc.agg_b, tc.decided_by FROM tie_claims tc "
      "LEFT JOIN clubs w ON w.id = tc.winner WHERE tc.tie_id = ? ORDER BY tc.id");
  while (q.executeStep()) {
    for (int i = 0; i < 26; ++i) csv.field(q.getColumn(i));
    TieOutcome outcome;
    if (!q.getColumn(14).isNull()) {
      outcome.aggregate = Aggregate{q.getColumn(14).getInt(), q.getColumn(15).getInt()};
    }
    if (!q.getColumn(16).isNull()) outcome.winner = ClubId{q.getColumn(16).getInt64()};
    if (auto how = storage::opt_text(q.getColumn(18))) outcome.decided_by = parse_decided_by(*how);

    // What the sources state: each field from the first claim that gives it; a disagreement
    // as Database::tie finds one (a claim against the outcome or against another claim).
    std::vector<StatedOutcome> stated;
    claims.reset();
    claims.bind(1, q.getColumn(0).getInt64());
    while (claims.executeStep()) {
      StatedOutcome claim;
      claim.winner = storage::opt_club(claims.getColumn(0), claims.getColumn(1));
      if (!claims.getColumn(2).isNull()) {
        claim.aggregate = Aggregate{claims.getColumn(2).getInt(), claims.getColumn(3).getInt()};
      }
      if (auto how = storage::opt_text(claims.getColumn(4))) {
        claim.decided_by = parse_decided_by(*how);
      }
      stated.push_back(std::move(claim));
    }
    std::optional<ClubRef> winner;
    std::optional<Aggregate> aggregate;
    std::optional<DecidedBy> decided_by;
    bool disagreement = false;
    for (std::size_t i = 0; i < stated.size(); ++i) {
      const StatedOutcome& claim = stated[i];
      if (!winner) winner = claim.winner;
      if (!aggregate) aggregate = claim.aggregate;
      if (!decided_by) decided_by = claim.decided_by;
      disagreement = disagreement || query::contradicts(claim, outcome);
      for (std::size_t j = 0; j < i; ++j) {
        disagreement = disagreement || query::contradicts(claim, query::as_outcome(stated[j]));
      }
    }
    csv.field(std::to_string(stated.size()));
    csv.field(winner ? std::to_string(winner->id.value()) : std::string());
    csv.field(winner ? winner->name : std::string());
    csv.field(aggregate ? std::to_string(aggregate->a) : std::string());
    csv.field(aggregate ? std::to_string(aggregate->b) : std::string());
    csv.field(decided_by ? std::string(to_string(*decided_by)) : std::string());
    csv.field(disagreement ? "1" : "0");
    csv.end_row();
  }
}

void write_legs(storage::StatementCache& statements, std::ostream& out) {
  CsvWriter csv(out);
  csv.header(kLegColumns);
  SQLite::Statement& q = statements.get(
      std::string("SELECT l.id, l.tie_id, c.name, s.name, r.name, t.group_name, l.number, "
                  "l.replay, l.status, l.date, l.kickoff, l.home, h.name, h.country, l.away, "
                  "a.name, a.country, l.neutral, l.venue, coalesce(l.et_home, l.ft_home), "
                  "coalesce(l.et_away, l.ft_away), l.ft_home, l.ft_away, l.ht_home, l.ht_away, "
                  "l.et_home, l.et_away, l.pen_home, l.pen_away, l.awarded_to, aw.name "
                  "FROM legs l JOIN ties t ON t.id = l.tie_id") +
      kRoundJoins +
      "JOIN clubs h ON h.id = l.home JOIN clubs a ON a.id = l.away "
      "LEFT JOIN clubs aw ON aw.id = l.awarded_to ORDER BY " +
      kTieOrder + ", l.number");
  const int columns = q.getColumnCount();
  while (q.executeStep()) {
    for (int i = 0; i < columns; ++i) csv.field(q.getColumn(i));
    csv.end_row();
  }
}

}  // namespace

void export_csv(const Database& db, std::ostream& ties, std::ostream& legs) try {
  auto& statements = detail::DatabaseAccess::statements(db);
  const storage::StatementCache::Scope statements_in_use(statements);
  // One read transaction: every leg's tie is in ties.csv, whatever other connections do.
  SQLite::Transaction snapshot(detail::DatabaseAccess::sqlite(db));
  write_ties(statements, ties);
  write_legs(statements, legs);
  snapshot.commit();
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

}  // namespace footballdb

// Reading domain values out of SQLite rows, and the column lists that go with them.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "footballdb/types.hpp"
#include "reconcile/reconcile.hpp"
#include "storage/statement_cache.hpp"

namespace footballdb::storage {

// Columns read_leg expects, in order, for legs `l` joined to their clubs by kLegClubs.
inline constexpr const char* kLegColumns =
    "l.id, l.number, l.replay, l.status, l.date, l.kickoff, l.home, h.name, l.away, a.name, "
    "l.neutral, l.venue, l.ft_home, l.ft_away, l.ht_home, l.ht_away, l.et_home, l.et_away, "
    "l.pen_home, l.pen_away, l.awarded_to";
inline constexpr const char* kLegClubs =
    " JOIN clubs h ON h.id = l.home JOIN clubs a ON a.id = l.away";
// kLegColumns without the clubs' names, for legs `l` alone: read_leg leaves the names empty,
// for name_clubs to fill.
inline constexpr const char* kLegColumnsUnnamed =
    "l.id, l.number, l.replay, l.status, l.date, l.kickoff, l.home, '', l.away, '', "
    "l.neutral, l.venue, l.ft_home, l.ft_away, l.ht_home, l.ht_away, l.et_home, l.et_away, "
    "l.pen_home, l.pen_away, l.awarded_to";

// Reads a leg from the columns kLegColumns starting at `first`.
Leg read_leg(SQLite::Statement& row, int first = 0);

// The legs of tie `tie` in order of number (without their evidence).
std::vector<Leg> read_legs(StatementCache& statements, std::int64_t tie);
// The legs of each of `ties` (by their ids), in order of number, without their evidence and
// without their clubs' names (for name_clubs): one statement however many ties there are.
std::unordered_map<std::int64_t, std::vector<Leg>> read_legs(StatementCache& statements,
                                                             const std::vector<std::int64_t>& ties);

// `ids` as a JSON array, for a statement that reads them with json_each(?): one statement for a
// list of rows of any length.
std::string json_ids(const std::vector<std::int64_t>& ids);

// Steps `find` (bound by the caller) to the row it looks up. When there is none yet, runs
// `insert` (bound by the caller to add that row) and steps `find` to it. The caller reads the
// row and resets `find`.
void find_or_insert(SQLite::Statement& find, SQLite::Statement& insert);

// The canonical name of club `club`; nullopt when there is no such club.
std::optional<std::string> club_name(StatementCache& statements, ClubId club);
// Sets the name of each of `clubs` to its club's canonical name: one statement for all of them,
// each club read once however often it is referred to (a club's ties name it in every one).
void name_clubs(StatementCache& statements, const std::vector<ClubRef*>& clubs);

std::optional<std::string> opt_text(const SQLite::Column& column);
std::optional<int> opt_int(const SQLite::Column& column);
std::optional<Score> opt_score(const SQLite::Column& home, const SQLite::Column& away);
// A club reference from an id column and a name column; nullopt when the id is NULL.
std::optional<ClubRef> opt_club(const SQLite::Column& id, const SQLite::Column& name);

// Binds `value` or NULL.
void bind_opt(SQLite::Statement& stmt, int index, const std::optional<std::string>& value);
void bind_opt(SQLite::Statement& stmt, int index, const std::optional<int>& value);
void bind_opt(SQLite::Statement& stmt, int index, const std::optional<std::int64_t>& value);
using reconcile::score_text;  // a score as conflicts keep it

// Binds what a leg says (status, date, kickoff, neutral, venue, the four scores, awarded_to) to
// the 14 parameters from `first` on, in that order.
void bind_leg_facts(SQLite::Statement& stmt, int first, const Leg& leg);
// Writes what `facts` says of a leg (as bind_leg_facts lists) to leg `leg`.
void update_leg_facts(StatementCache& statements, std::int64_t leg, const Leg& facts);
// Binds a score's two goals at `index` and `index + 1`, or two NULLs.
void bind_score(SQLite::Statement& stmt, int index, const std::optional<Score>& score);

// A WHERE clause written for the filters a query is given: only the conditions of the values
// present, so that SQLite plans with the indexes they name (a `(?1 IS NULL OR col = ?1)`
// keeps it from using any). Conditions use numbered parameters from ?1 in the order added.
class Where {
 public:
  // Adds `condition` (its parameter written "?"; several "?" are one value) when `value` is
  // given. T: std::int64_t or std::string.
  template <class T>
  void add(std::string_view condition, const std::optional<T>& value) {
    if (!value) return;
    values_.emplace_back(*value);
    add_condition(condition);
  }
  // Adds `condition` that needs no value.
  void add(std::string_view condition);
  // " WHERE a AND b " or " ".
  std::string sql() const;
  void bind(SQLite::Statement& statement) const;

 private:
  void add_condition(std::string_view condition);
  std::vector<std::string> conditions_;
  std::vector<std::variant<std::int64_t, std::string>> values_;
};

// The evidence rows (source, path, line) of a tie or leg.
// `table` is tie_evidence or leg_evidence, `key` its id column.
std::vector<Evidence> read_evidence(StatementCache& statements, const std::string& table,
                                    const std::string& key, std::int64_t id);

// The evidence of each of `legs` onto its `evidence`, in one statement however many legs
// there are (a tie's legs, a day's fixtures). With `tie_lines`, each line of it that is also a
// line of the leg's tie (leg_evidence.tie_line) is added there too, under the leg's id.
void read_leg_evidence(
    StatementCache& statements, const std::vector<Leg*>& legs,
    std::unordered_map<std::int64_t, std::vector<Evidence>>* tie_lines = nullptr);

}  // namespace footballdb::storage

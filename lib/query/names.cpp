// Names typed in queries: resolved in the database's own scope, the clubs that have data first.
#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

#include "footballdb/database.hpp"
#include "footballdb/error.hpp"
#include "names/matcher.hpp"
#include "query/filters.hpp"
#include "storage/database_impl.hpp"
#include "storage/rows.hpp"
#include "vocabulary/countries.hpp"

namespace footballdb {
namespace {

// "#12": club 12.
std::optional<std::int64_t> club_number(std::string_view text) {
  if (text.size() < 2 || text.size() > 18 || text[0] != '#') return std::nullopt;
  if (text.find_first_not_of("0123456789", 1) != std::string_view::npos) return std::nullopt;
  return std::stoll(std::string(text.substr(1)));
}

// "Liverpool [ENG]": the name and the country code in brackets at its end.
std::pair<std::string_view, std::optional<std::string>> split_country(std::string_view text) {
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  const auto open = text.rfind('[');
  if (open == std::string_view::npos || text.back() != ']' || text.size() - open != 5) {
    return {text, std::nullopt};
  }
  const std::string_view code = text.substr(open + 1, 3);
  if (!std::all_of(code.begin(), code.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
    return {text, std::nullopt};
  }
  std::string_view name = text.substr(0, open);
  while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
  return {name, vocabulary::canonical_country(code)};
}

// The clubs that play a tie within a query's scope, asked of one club at a time through the
// ties' club indexes, so that a name costs the same in a database of ten ties or ten million.
class ClubsWithData {
 public:
  ClubsWithData(storage::StatementCache& statements, const NameScope& scope)
      : statements_(statements),
        filter_(query::canonical_filter(statements, scope.competition, scope.season, scope.round)) {
    // The statement for the filters given, so that SQLite can use its indexes.
    if (filter_.competition || filter_.season || filter_.round) {
      join_ = " JOIN rounds r ON r.id = t.round_id JOIN seasons s ON s.id = r.season_id "
              "JOIN competitions c ON c.id = s.competition_id";
      if (filter_.competition) where_ += " AND c.name = ?1";
      if (filter_.season) where_ += " AND s.name = ?2";
      if (filter_.round) where_ += " AND r.name = ?3";
    }
    // Each club column on its own, so that each is a range of its index.
    SQLite::Statement& q = statement(
        "SELECT EXISTS (SELECT 1 FROM ties t" + join_ + " WHERE t.club_a IS NOT NULL" + where_ +
        ") OR EXISTS (SELECT 1 FROM ties t" + join_ + " WHERE t.club_b IS NOT NULL" + where_ + ")");
    empty_ = q.executeStep() && q.getColumn(0).getInt() == 0;
    q.reset();
  }

  bool empty() const { return empty_; }

  bool contains(ClubId club) {
    const auto [it, inserted] = known_.emplace(club.value(), false);
    if (!inserted) return it->second;
    SQLite::Statement& q = statement(
        "SELECT EXISTS (SELECT 1 FROM ties t" + join_ + " WHERE t.club_a = ?4" + where_ +
        ") OR EXISTS (SELECT 1 FROM ties t" + join_ + " WHERE t.club_b = ?4" + where_ + ")");
    q.bind(4, club.value());
    it->second = q.executeStep() && q.getColumn(0).getInt() != 0;
    q.reset();
    return it->second;
  }

 private:
  SQLite::Statement& statement(const std::string& sql) {
    SQLite::Statement& q = statements_.get(sql);
    if (filter_.competition) q.bind(1, *filter_.competition);
    if (filter_.season) q.bind(2, *filter_.season);
    if (filter_.round) q.bind(3, *filter_.round);
    return q;
  }

  storage::StatementCache& statements_;
  query::CanonicalFilter filter_;
  std::string join_, where_;
  bool empty_ = true;
  std::unordered_map<std::int64_t, bool> known_;
};

// Whether `club` is the provisional club of a name awaiting review.
bool awaiting_review(storage::StatementCache& statements, ClubId club) {
  SQLite::Statement& q =
      statements.get("SELECT 1 FROM name_reviews WHERE club_id = ? AND status = 'open' LIMIT 1");
  q.bind(1, club.value());
  const bool open = q.executeStep();
  q.reset();
  return open;
}

// The candidate's country and number of ties: one row each of clubs and club_tie_counts (kept
// as ties are written, see migration 0019), not a count of the club's ties.
void describe(storage::StatementCache& statements, Candidate& c) {
  SQLite::Statement& q = statements.get(
      "SELECT c.country, coalesce(n.ties, 0) FROM clubs c "
      "LEFT JOIN club_tie_counts n ON n.club_id = c.id WHERE c.id = ?1");
  q.bind(1, c.club.id.value());
  if (q.executeStep()) {
    c.country = storage::opt_text(q.getColumn(0));
    c.ties = q.getColumn(1).getInt();
  }
  q.reset();
}

std::string candidate_line(const Candidate& c) {
  return "#" + std::to_string(c.club.id.value()) + " " + c.club.name + " (" +
         c.country.value_or("country unknown") + ", " + std::to_string(c.ties) +
         (c.ties == 1 ? " tie)" : " ties)");
}

[[noreturn]] void not_one_club(std::string_view name, const Resolution& r) {
  std::string message = "'" + std::string(name) + "' is " + std::string(to_string(r.status));
  if (!r.candidates.empty()) {
    message += r.status == ResolveStatus::kAmbiguous ? "; it may mean:" : "; did you mean:";
    for (const Candidate& c : r.candidates) message += "\n  " + candidate_line(c);
    message += "\n(name one by #ID, or add its country: \"" + std::string(name) + " [ENG]\")";
  }
  throw Error(ErrorCode::kClub, message);
}

}  // namespace

Resolution Database::resolve(std::string_view name, const NameScope& scope) const try {
  const storage::StatementCache::Scope statements_in_use(
      impl_->statements, storage::StatementCache::Reads::kOneSnapshot);
  auto& statements = impl_->statements;
  Resolution out;
  out.query = std::string(name);
  if (auto number = club_number(name)) {
    if (auto club = this->club(ClubId{*number})) {
      out.status = ResolveStatus::kResolved;
      out.club = ClubRef{club->id, club->name};
      out.method = "id";
      out.candidates.push_back(Candidate{*out.club, club->name, "id", 1.0, {}, {}, 0});
      describe(statements, out.candidates.back());
    }
    return out;
  }
  const auto [text, country] = split_country(name);
  MatchContext context;
  context.typed = true;
  context.country = country;
  ClubsWithData with_data(statements, scope);
  context.in_scope = [&with_data](ClubId id) { return with_data.contains(id); };
  context.scope_empty = with_data.empty();
  const names::Matcher& matcher = impl_->clubs.lookup();
  out = matcher.resolve(text, context);
  if (out.club && awaiting_review(statements, out.club->id)) {
    // The club the scope gives is a name an import could not bind: which club it is stays
    // open, among it and the clubs the name fits besides. A question that says where to look
    // (a competition, season or round) is answered by it all the same when none of those plays
    // there: its ties are all the scope holds of the name, whichever club review finds it to
    // be ("Marine" in the FA Cup, not Yokohama F. Marinos). Where one does, an answer would be
    // split between two records.
    context.in_scope = nullptr;
    context.excluded = {out.club->id};
    Resolution others = matcher.resolve(text, context);
    const bool scoped = scope.competition || scope.season || scope.round;
    const bool also_there =
        std::any_of(others.candidates.begin(), others.candidates.end(),
                    [&](const Candidate& c) { return with_data.contains(c.club.id); });
    if (scoped ? also_there : !others.candidates.empty()) {
      out.status = ResolveStatus::kAmbiguous;
      out.club.reset();
      out.method.clear();
      for (Candidate& c : others.candidates) out.candidates.push_back(std::move(c));
    }
  }
  out.query = std::string(name);
  const auto in_scope = [&with_data](ClubId id) { return with_data.contains(id); };
  const bool nothing_with_data = std::none_of(out.candidates.begin(), out.candidates.end(),
                                              [&](const Candidate& c) { return in_scope(c.club.id); });
  const bool known_spelling = std::any_of(out.candidates.begin(), out.candidates.end(),
                                          [](const Candidate& c) { return c.score >= 0.9; });
  if (nothing_with_data && !known_spelling) {
    // No club with data fits, and no club without fits by a known spelling: a name that begins
    // a word of one club with data and of no other ("Fener", "Juve") is that club. When nothing
    // fits at all, the clubs whose spellings contain the name are offered as suggestions.
    const std::string folded = fold_key(text);
    std::vector<Candidate> contain, begin_with_data;
    if (!folded.empty()) {
      for (const Club& club : find_clubs(text)) {
        if (country && club.country != country) continue;
        Candidate c{ClubRef{club.id, club.name}, club.name, "contains", 0.1, {}, {}, 0};
        for (const ClubName& n : club.names) {
          if ((" " + fold_key(n.name)).find(" " + folded) != std::string::npos) {
            c.matched_name = n.name;
            if (in_scope(club.id)) begin_with_data.push_back(c);
            break;
          }
        }
        if (contain.size() < 10) contain.push_back(std::move(c));
      }
    }
    if (folded.size() >= 4 && begin_with_data.size() == 1) {
      out.status = ResolveStatus::kResolved;
      out.club = begin_with_data.front().club;
      out.method = "prefix";
      out.candidates = {begin_with_data.front()};
      out.candidates.front().method = "prefix";
      out.candidates.front().score = 0.2;
    } else if (out.status == ResolveStatus::kUnknown && out.candidates.empty()) {
      out.candidates = std::move(contain);
    }
  }
  for (Candidate& c : out.candidates) {
    c.explanation = names::explain(text, c);
    describe(statements, c);
  }
  return out;
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

ClubRef Database::require_club(std::string_view name, const NameScope& scope) const {
  Resolution r = resolve(name, scope);
  if (r.club) return *r.club;
  not_one_club(name, r);
}

std::pair<ClubRef, ClubRef> Database::require_pair(std::string_view a, std::string_view b,
                                                   const NameScope& scope) const try {
  const storage::StatementCache::Scope statements_in_use(
      impl_->statements, storage::StatementCache::Reads::kOneSnapshot);
  const Resolution ra = resolve(a, scope);
  const Resolution rb = resolve(b, scope);
  auto may_mean = [](const Resolution& r) {
    std::vector<ClubRef> out;
    if (r.club) {
      out.push_back(*r.club);
    } else {
      for (const Candidate& c : r.candidates) out.push_back(c.club);
    }
    return out;
  };
  const std::vector<ClubRef> as = may_mean(ra), bs = may_mean(rb);
  // The pairings in the data that both names fit.
  std::set<std::pair<std::int64_t, std::int64_t>> pairings;
  std::vector<std::pair<ClubRef, ClubRef>> found;
  SQLite::Statement& q = impl_->statements.get(
      "SELECT 1 FROM ties WHERE (club_a = ?1 AND club_b = ?2) OR (club_a = ?2 AND club_b = ?1) "
      "LIMIT 1");
  for (const ClubRef& x : as) {
    for (const ClubRef& y : bs) {
      if (x.id == y.id) continue;
      q.bind(1, x.id.value());
      q.bind(2, y.id.value());
      const bool met = q.executeStep();
      q.reset();
      if (met && pairings.insert({x.id.value(), y.id.value()}).second) found.emplace_back(x, y);
    }
  }
  if (found.size() == 1) return found.front();
  if (found.size() > 1 && !(ra.club && rb.club)) {
    std::string message = "'" + std::string(a) + "' v '" + std::string(b) +
                          "' fits several pairings; name the clubs by #ID:";
    for (const auto& [x, y] : found) {
      message += "\n  #" + std::to_string(x.id.value()) + " " + x.name + " v #" +
                 std::to_string(y.id.value()) + " " + y.name;
    }
    throw Error(ErrorCode::kClub, message);
  }
  if (!ra.club) not_one_club(a, ra);
  if (!rb.club) not_one_club(b, rb);
  return {*ra.club, *rb.club};
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

}  // namespace footballdb

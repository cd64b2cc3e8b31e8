#include "storage/review_store.hpp"

#include "footballdb/error.hpp"
#include "footballdb/names.hpp"
#include "storage/rows.hpp"

namespace footballdb::storage {

std::vector<ReviewStore::PlaceholderTie> ReviewStore::placeholder_ties(const RoundKey& round) {
  const std::int64_t round_id = rounds_.round_id(round);
  // From the open reviews to their clubs' ties in the round (by ties_by_club_a and _b): the
  // open reviews are few, the ties of an early FA Cup round hundreds.
  SQLite::Statement& q = statements_.get(
      "SELECT r.id, r.name, r.candidates, r.club_id, t.club_b, t.id FROM name_reviews r "
      "JOIN ties t ON t.club_a = r.club_id AND t.round_id = ?1 WHERE r.status = 'open' "
      "UNION ALL "
      "SELECT r.id, r.name, r.candidates, r.club_id, t.club_a, t.id FROM name_reviews r "
      "JOIN ties t ON t.club_b = r.club_id AND t.round_id = ?1 WHERE r.status = 'open' "
      "ORDER BY 6, 1");
  q.bind(1, round_id);
  std::vector<PlaceholderTie> out;
  while (q.executeStep()) {
    PlaceholderTie t;
    t.review.id = q.getColumn(0).getInt64();
    t.review.name = q.getColumn(1).getString();
    for (const Candidate& c : candidates_from_json(q.getColumn(2).getString())) {
      t.review.candidates.push_back(c.club.id);
    }
    t.review.club = ClubId{q.getColumn(3).getInt64()};
    if (!q.getColumn(4).isNull()) t.opponent = ClubId{q.getColumn(4).getInt64()};
    out.push_back(std::move(t));
  }
  q.reset();
  return out;
}

std::optional<OpenReview> ReviewStore::open_review_of(ClubId club) {
  auto it = open_reviews_.find(club);
  if (it == open_reviews_.end()) {
    it = open_reviews_.emplace(club, storage::open_review_of(statements_, club)).first;
  }
  return it->second;
}

std::optional<ClubId> ReviewStore::reviewed_club(const std::string& name,
                                                 const std::optional<std::string>& country) {
  SQLite::Statement& q = statements_.get(
      "SELECT r.club_id FROM name_reviews r JOIN clubs c ON c.id = r.club_id "
      "WHERE r.name = ? AND r.status = 'open' AND c.country IS ? ORDER BY r.id LIMIT 1");
  q.bind(1, name);
  bind_opt(q, 2, country);
  std::optional<ClubId> id;
  if (q.executeStep()) id = ClubId{q.getColumn(0).getInt64()};
  q.reset();
  return id;
}

void ReviewStore::add(const std::string& name, const char* reason, ClubId club,
                      const std::string& candidates, SourceId source, int line) {
  SQLite::Statement& q = statements_.get(
      "INSERT INTO name_reviews(name, reason, club_id, candidates, source_id, line) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  q.bind(1, name);
  q.bind(2, reason);
  q.bind(3, club.value());
  q.bind(4, candidates);
  q.bind(5, source.value());
  q.bind(6, line);
  q.exec();
  open_reviews_.erase(club);
}

bool ReviewStore::try_accept(const OpenReview& review, ClubId into, const std::string& method) {
  // A club merge settles reviews: what was read of them is read again.
  open_reviews_.clear();
  statements_.get("SAVEPOINT accept_review").exec();
  try {
    storage::accept_review(statements_, clubs_, review, into, method);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::kConflict) throw;
    statements_.get("ROLLBACK TO accept_review").exec();
    statements_.get("RELEASE accept_review").exec();
    clubs_.invalidate();  // it may have followed part of the merge
    return false;
  }
  statements_.get("RELEASE accept_review").exec();
  return true;
}

}  // namespace footballdb::storage

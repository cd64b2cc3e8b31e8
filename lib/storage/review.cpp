// Database's name review and alias functions: deciding the names an import could not bind, and
// the spellings each club is known by.
#include <nlohmann/json.hpp>

#include "footballdb/database.hpp"
#include "footballdb/error.hpp"
#include "storage/club_merge.hpp"
#include "storage/database_impl.hpp"
#include "storage/review.hpp"
#include "storage/rows.hpp"
#include "storage/store.hpp"
#include "storage/write_transaction.hpp"

namespace footballdb {
namespace {

constexpr const char* kNow = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";

ReviewStatus parse_status(const std::string& text) {
  if (text == "accepted") return ReviewStatus::kAccepted;
  if (text == "created") return ReviewStatus::kCreated;
  if (text == "rejected") return ReviewStatus::kRejected;
  return ReviewStatus::kOpen;
}

std::vector<Candidate> parse_candidates(const std::string& text) {
  return storage::candidates_from_json(text);
}

void exec(storage::StatementCache& statements, const std::string& sql, std::int64_t a,
          const std::optional<std::int64_t>& b = std::nullopt) {
  SQLite::Statement& q = statements.get(sql);
  q.bind(1, a);
  if (b) q.bind(2, *b);
  q.exec();
}

}  // namespace

std::optional<NameReview> Database::review(ReviewId id) const try {
  const storage::StatementCache::Scope statements_in_use(
      impl_->statements, storage::StatementCache::Reads::kOneSnapshot);
  SQLite::Statement& q = impl_->statements.get(
      "SELECT r.name, r.reason, r.status, r.club_id, c.name, r.candidates, r.source_id, s.path, "
      "r.line, r.decided_club, d.name, r.decided_at FROM name_reviews r "
      "LEFT JOIN clubs c ON c.id = r.club_id LEFT JOIN sources s ON s.id = r.source_id "
      "LEFT JOIN clubs d ON d.id = r.decided_club WHERE r.id = ?");
  q.bind(1, id.value());
  if (!q.executeStep()) return std::nullopt;
  NameReview r;
  r.id = id;
  r.name = q.getColumn(0).getString();
  r.reason = q.getColumn(1).getString();
  r.status = parse_status(q.getColumn(2).getString());
  r.club = storage::opt_club(q.getColumn(3), q.getColumn(4));
  r.candidates = parse_candidates(q.getColumn(5).getString());
  if (!q.getColumn(6).isNull()) {
    r.seen = Evidence{SourceId{q.getColumn(6).getInt64()}, q.getColumn(7).getString(),
                      q.getColumn(8).isNull() ? 0 : q.getColumn(8).getInt()};
  }
  r.decided_club = storage::opt_club(q.getColumn(9), q.getColumn(10));
  r.decided_at = storage::opt_text(q.getColumn(11));
  q.reset();
  if (r.club && r.status != ReviewStatus::kAccepted) {
    std::vector<TieId> ids;
    SQLite::Statement& t = impl_->statements.get(
        "SELECT id FROM ties WHERE club_a = ?1 OR club_b = ?1 ORDER BY id");
    t.bind(1, r.club->id.value());
    while (t.executeStep()) ids.emplace_back(t.getColumn(0).getInt64());
    t.reset();
    for (TieId tie_id : ids) {
      if (auto found = tie(tie_id)) r.ties.push_back(std::move(*found));
    }
  }
  return r;
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

std::vector<NameReview> Database::reviews(bool include_decided) const try {
  const storage::StatementCache::Scope statements_in_use(
      impl_->statements, storage::StatementCache::Reads::kOneSnapshot);
  std::vector<ReviewId> ids;
  SQLite::Statement& q = impl_->statements.get(
      "SELECT id FROM name_reviews WHERE ? OR status = 'open' ORDER BY id");
  q.bind(1, include_decided ? 1 : 0);
  while (q.executeStep()) ids.emplace_back(q.getColumn(0).getInt64());
  q.reset();
  std::vector<NameReview> out;
  for (ReviewId id : ids) {
    if (auto r = review(id)) out.push_back(std::move(*r));
  }
  return out;
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

namespace {

// Review `id`, which must be open and still have its provisional club.
NameReview open_review(const Database& db, ReviewId id) {
  std::optional<NameReview> r = db.review(id);
  const std::string which = "review " + std::to_string(id.value());
  if (!r) throw Error(ErrorCode::kUsage, "there is no " + which);
  if (r->status != ReviewStatus::kOpen) {
    throw Error(ErrorCode::kUsage, which + " is " + std::string(to_string(r->status)) +
                                       " already (undo it first)");
  }
  if (!r->club) throw Error(ErrorCode::kUsage, which + " has lost its club");
  return *r;
}

void require_club_exists(const Database& db, ClubId club) {
  if (!db.club(club)) {
    throw Error(ErrorCode::kUsage, "there is no club #" + std::to_string(club.value()));
  }
}

// The club `club` is now: itself, or the club it was merged into (and so on) when it is gone.
ClubId current_club(storage::StatementCache& statements, ClubId club) {
  SQLite::Statement& q = statements.get(
      "SELECT into_club FROM club_merges WHERE merged_club = ? AND undone_at IS NULL "
      "ORDER BY id DESC LIMIT 1");
  for (int hops = 0; hops < 100 && !storage::club_name(statements, club); ++hops) {
    q.bind(1, club.value());
    const bool merged = q.executeStep();
    if (merged) club = ClubId{q.getColumn(0).getInt64()};
    q.reset();
    if (!merged) break;
  }
  return club;
}

// Refuses `club` for review `r` when the review recorded candidates and `club` is none of them.
// A review without candidates (the matcher knew nothing of the name) takes any club: a person
// naming the club of an unknown name is what the review is for.
void require_candidate(storage::StatementCache& statements, const NameReview& r, ClubId club) {
  if (r.candidates.empty()) return;
  std::string list;
  for (const Candidate& c : r.candidates) {
    const ClubId now = current_club(statements, c.club.id);
    if (now == club) return;
    list += (list.empty() ? "" : ", ") + ("#" + std::to_string(now.value()) + " " +
                                          storage::club_name(statements, now).value_or(c.club.name));
  }
  throw Error(ErrorCode::kUsage,
              "'" + r.name + "' (review " + std::to_string(r.id.value()) + ") may mean " + list +
                  "; #" + std::to_string(club.value()) + " " +
                  storage::club_name(statements, club).value_or("?") +
                  " is none of them (use --force to accept it anyway)");
}

// Accepts open review `r`: its provisional club is merged into `club`, journaled for undo.
// Without `force`, `club` must be one of the review's candidates (require_candidate).
void accept(storage::StatementCache& statements, storage::ClubIndex& clubs, const NameReview& r,
            ClubId club, bool force) {
  if (r.club->id == club) {
    throw Error(ErrorCode::kUsage, "'" + r.name + "' already has that club; to confirm it as a "
                                   "club of its own, create it");
  }
  if (!force) require_candidate(statements, r, club);
  storage::accept_review(statements, clubs, storage::OpenReview{r.id.value(), r.name, r.club->id, {}},
                         club, "review");
}

}  // namespace

namespace storage {

std::string candidates_to_json(const std::vector<Candidate>& candidates) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const Candidate& c : candidates) {
    list.push_back({{"id", c.club.id.value()},
                    {"name", c.club.name},
                    {"matched_name", c.matched_name},
                    {"method", c.method},
                    {"score", c.score}});
  }
  return list.dump();
}

std::vector<Candidate> candidates_from_json(const std::string& text) {
  std::vector<Candidate> out;
  const nlohmann::json list = nlohmann::json::parse(text, nullptr, false);
  if (!list.is_array()) return out;
  for (const nlohmann::json& c : list) {
    if (!c.is_object()) continue;
    Candidate candidate;
    candidate.club = ClubRef{ClubId{c.value("id", std::int64_t{0})}, c.value("name", "")};
    candidate.matched_name = c.value("matched_name", "");
    candidate.method = c.value("method", "");
    candidate.score = c.value("score", 0.0);
    out.push_back(std::move(candidate));
  }
  return out;
}

std::optional<OpenReview> open_review_of(StatementCache& statements, ClubId club) {
  SQLite::Statement& q = statements.get(
      "SELECT id, name, candidates FROM name_reviews WHERE club_id = ? AND status = 'open' "
      "ORDER BY id LIMIT 1");
  q.bind(1, club.value());
  if (!q.executeStep()) return std::nullopt;
  OpenReview r;
  r.id = q.getColumn(0).getInt64();
  r.name = q.getColumn(1).getString();
  r.club = club;
  for (const Candidate& c : parse_candidates(q.getColumn(2).getString())) {
    r.candidates.push_back(c.club.id);
  }
  q.reset();
  return r;
}

void accept_review(StatementCache& statements, ClubIndex& clubs, const OpenReview& r, ClubId club,
                   const std::string& method) {
  const ClubId provisional = r.club;
  const storage::MergeScope scope =
      storage::merge_scope(statements, provisional, club, r.id);
  const std::string before = storage::capture_scope(statements, scope);
  storage::merge_clubs(statements, clubs, provisional, club);
  {
    SQLite::Statement& q = statements.get(
        std::string("UPDATE name_reviews SET status = 'accepted', decided_club = ?2, "
                    "decided_at = ") + kNow + " WHERE id = ?1");
    q.bind(1, r.id);
    q.bind(2, club.value());
    q.exec();
  }
  {
    SQLite::Statement& q = statements.get(
        "UPDATE club_names SET method = ?4 WHERE club_id = ?1 AND name = ?2 "
        "AND id IN (SELECT value FROM json_each(?3))");
    q.bind(1, club.value());
    q.bind(2, r.name);
    q.bind(3, nlohmann::json(scope.names).dump());
    q.bind(4, method);
    q.exec();
  }
  SQLite::Statement& q = statements.get(
      std::string("INSERT INTO club_merges(review_id, merged_club, into_club, scope, before, "
                  "after, merged_at) VALUES (?, ?, ?, ?, ?, ?, ") + kNow + ")");
  q.bind(1, r.id);
  q.bind(2, provisional.value());
  q.bind(3, club.value());
  q.bind(4, storage::scope_to_json(scope));
  q.bind(5, before);
  q.bind(6, storage::capture_scope(statements, scope));
  q.exec();
}

}  // namespace

void Database::accept_review(ReviewId id, ClubId club, bool force) try {
  const storage::StatementCache::Scope statements_in_use(impl_->statements);
  storage::in_transaction(impl_->db, impl_->clubs, [&] {
    const NameReview r = open_review(*this, id);
    require_club_exists(*this, club);
    accept(impl_->statements, impl_->clubs, r, club, force);
  });
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

ClubRef Database::create_club(ReviewId id) try {
  const storage::StatementCache::Scope statements_in_use(impl_->statements);
  return storage::in_transaction(impl_->db, impl_->clubs, [&] {
    const NameReview r = open_review(*this, id);
    const std::int64_t club = r.club->id.value();
    exec(impl_->statements, "UPDATE clubs SET origin = 'user' WHERE id = ?", club);
    SQLite::Statement& names = impl_->statements.get(
        "UPDATE club_names SET method = 'review' WHERE club_id = ? AND name = ?");
    names.bind(1, club);
    names.bind(2, r.name);
    names.exec();
    exec(impl_->statements,
         std::string("UPDATE name_reviews SET status = 'created', decided_club = ?2, "
                     "decided_at = ") + kNow + " WHERE id = ?1",
         id.value(), club);
    return *r.club;
  });
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

void Database::reject_review(ReviewId id) try {
  const storage::StatementCache::Scope statements_in_use(impl_->statements);
  storage::in_transaction(impl_->db, impl_->clubs, [&] {
    open_review(*this, id);
    exec(impl_->statements,
         std::string("UPDATE name_reviews SET status = 'rejected', decided_at = ") + kNow +
             " WHERE id = ?1",
         id.value());
  });
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

void Database::undo_review(ReviewId id) try {
  const storage::StatementCache::Scope statements_in_use(impl_->statements);
  storage::in_transaction(impl_->db, impl_->clubs, [&] {
    std::optional<NameReview> r = review(id);
    const std::string which = "review " + std::to_string(id.value());
    if (!r) throw Error(ErrorCode::kUsage, "there is no " + which);
    storage::StatementCache& statements = impl_->statements;
    switch (r->status) {
      case ReviewStatus::kOpen:
        throw Error(ErrorCode::kUsage, which + " is open: there is no decision to undo");
      case ReviewStatus::kRejected:
        break;
      case ReviewStatus::kCreated: {
        if (!r->club) throw Error(ErrorCode::kConflict, which + "'s club no longer exists");
        exec(statements, "UPDATE clubs SET origin = 'import' WHERE id = ?", r->club->id.value());
        SQLite::Statement& names = statements.get(
            "UPDATE club_names SET method = 'import' WHERE club_id = ? AND name = ? "
            "AND method = 'review'");
        names.bind(1, r->club->id.value());
        names.bind(2, r->name);
        names.exec();
        break;
      }
      case ReviewStatus::kAccepted: {
        SQLite::Statement& q = statements.get(
            "SELECT id, scope, before, after FROM club_merges WHERE review_id = ? AND "
            "undone_at IS NULL ORDER BY id DESC LIMIT 1");
        q.bind(1, id.value());
        if (!q.executeStep()) {
          throw Error(ErrorCode::kConflict, which + " has no record of its merge to undo");
        }
        const std::int64_t merge = q.getColumn(0).getInt64();
        const storage::MergeScope scope = storage::scope_from_json(q.getColumn(1).getString());
        const std::string before = q.getColumn(2).getString();
        const std::string after = q.getColumn(3).getString();
        q.reset();
        if (storage::capture_scope(statements, scope) != after) {
          throw Error(ErrorCode::kConflict,
                      which + " cannot be undone: the ties, legs or spellings its merge touched "
                              "have changed since (a later import or decision), so the facts of "
                              "the two clubs can no longer be told apart");
        }
        storage::restore_scope(statements, scope, before);
        exec(statements, std::string("UPDATE club_merges SET undone_at = ") + kNow +
                             " WHERE id = ?", merge);
        return;  // the review row is back as it was before the accept: open
      }
    }
    exec(statements,
         "UPDATE name_reviews SET status = 'open', decided_club = NULL, decided_at = NULL "
         "WHERE id = ?",
         id.value());
  });
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

// --- Aliases ---

std::vector<ClubAlias> Database::aliases(std::optional<ClubId> club, bool include_registry) const try {
  const storage::StatementCache::Scope statements_in_use(
      impl_->statements, storage::StatementCache::Reads::kOneSnapshot);
  SQLite::Statement& q = impl_->statements.get(
      "SELECT n.club_id, c.name, n.name, n.lang, n.method, n.source_id, s.path, n.line "
      "FROM club_names n JOIN clubs c ON c.id = n.club_id "
      "LEFT JOIN sources s ON s.id = n.source_id "
      "WHERE (?1 IS NULL AND (?2 OR n.method NOT IN ('registry', 'nickname'))) OR n.club_id = ?1 "
      "ORDER BY c.name, c.id, n.name <> c.name, n.name");
  storage::bind_opt(q, 1, club ? std::optional<std::int64_t>(club->value()) : std::nullopt);
  q.bind(2, include_registry ? 1 : 0);
  std::vector<ClubAlias> out;
  while (q.executeStep()) {
    ClubAlias a;
    a.club = ClubRef{ClubId{q.getColumn(0).getInt64()}, q.getColumn(1).getString()};
    a.name = q.getColumn(2).getString();
    a.lang = storage::opt_text(q.getColumn(3));
    a.method = q.getColumn(4).getString();
    if (!q.getColumn(5).isNull()) {
      a.source = Evidence{SourceId{q.getColumn(5).getInt64()}, q.getColumn(6).getString(),
                          q.getColumn(7).isNull() ? 0 : q.getColumn(7).getInt()};
    }
    a.canonical = a.name == a.club.name;
    out.push_back(std::move(a));
  }
  q.reset();
  return out;
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

std::optional<ReviewId> Database::add_alias(std::string_view name_view, ClubId club,
                                            bool force) try {
  const storage::StatementCache::Scope statements_in_use(impl_->statements);
  const std::string name(name_view);
  if (name_key(name).empty()) throw Error(ErrorCode::kUsage, "an alias needs a name");
  return storage::in_transaction(impl_->db, impl_->clubs, [&]() -> std::optional<ReviewId> {
    require_club_exists(*this, club);
    // The name of a provisional club awaiting review: adding it to `club` is that review's accept.
    SQLite::Statement& q = impl_->statements.get(
        "SELECT r.id FROM name_reviews r JOIN clubs c ON c.id = r.club_id "
        "WHERE r.status = 'open' AND r.name = ?1 AND c.name = ?1 AND c.id <> ?2 "
        "ORDER BY r.id LIMIT 1");
    q.bind(1, name);
    q.bind(2, club.value());
    std::optional<ReviewId> review_id;
    if (q.executeStep()) review_id = ReviewId{q.getColumn(0).getInt64()};
    q.reset();
    if (review_id) {
      accept(impl_->statements, impl_->clubs, open_review(*this, *review_id), club, force);
      return review_id;
    }
    // A spelling of a club recorded as distinct from `club` would tie the two together.
    SQLite::Statement& d = impl_->statements.get(
        "SELECT c.name FROM club_names n JOIN clubs c ON c.id = n.club_id JOIN club_distinct x "
        "ON (x.club_a = n.club_id AND x.club_b = ?2) OR (x.club_b = n.club_id AND x.club_a = ?2) "
        "WHERE n.name = ?1 LIMIT 1");
    d.bind(1, name);
    d.bind(2, club.value());
    if (d.executeStep()) {
      const std::string other = d.getColumn(0).getString();
      d.reset();
      throw Error(ErrorCode::kConflict, "'" + name + "' is a spelling of " + other +
                                            ", recorded as a different club");
    }
    d.reset();
    storage::Store store(impl_->statements, impl_->clubs);
    store.clubs.add_name(club, name, std::nullopt, std::nullopt, "user");
    return std::nullopt;
  });
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

void Database::remove_alias(std::string_view name_view, std::optional<ClubId> club) try {
  const storage::StatementCache::Scope statements_in_use(impl_->statements);
  const std::string name(name_view);
  storage::in_transaction(impl_->db, impl_->clubs, [&] {
    storage::Where where;
    where.add("n.name = ?", std::optional<std::string>(name));
    where.add("n.club_id = ?",
              club ? std::optional<std::int64_t>(club->value()) : std::nullopt);
    SQLite::Statement& q = impl_->statements.get(
        "SELECT n.club_id, c.name FROM club_names n JOIN clubs c ON c.id = n.club_id" +
        where.sql() + "ORDER BY n.club_id");
    where.bind(q);
    std::vector<ClubRef> owners;
    while (q.executeStep()) {
      owners.push_back(ClubRef{ClubId{q.getColumn(0).getInt64()}, q.getColumn(1).getString()});
    }
    q.reset();
    if (owners.empty()) {
      throw Error(ErrorCode::kUsage, "'" + name + "' is not a known spelling" +
                                         (club ? " of club #" + std::to_string(club->value())
                                               : std::string()));
    }
    if (owners.size() > 1) {
      std::string message = "'" + name + "' is a spelling of several clubs; say which:";
      for (const ClubRef& c : owners) {
        message += "\n  #" + std::to_string(c.id.value()) + " " + c.name;
      }
      throw Error(ErrorCode::kUsage, message);
    }
    const ClubRef& owner = owners.front();
    if (owner.name == name) {
      throw Error(ErrorCode::kUsage, "'" + name + "' is the canonical name of club #" +
                                         std::to_string(owner.id.value()) +
                                         " and cannot be removed");
    }
    SQLite::Statement& del =
        impl_->statements.get("DELETE FROM club_names WHERE club_id = ? AND name = ?");
    del.bind(1, owner.id.value());
    del.bind(2, name);
    del.exec();
  });
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

}  // namespace footballdb

// Database::remove_source: a source taken back, and what depended on it derived again from the
// sources that remain.
#include "storage/source_removal.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "footballdb/database.hpp"
#include "footballdb/error.hpp"
#include "storage/database_impl.hpp"
#include "storage/outcomes.hpp"
#include "storage/rows.hpp"
#include "storage/store.hpp"
#include "storage/write_transaction.hpp"

namespace footballdb {
namespace storage {
namespace {

// A score as conflicts keeps it (score_text): "2-1".
std::optional<Score> parse_score(std::string_view text) {
  const std::size_t dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  Score s;
  const auto home = std::from_chars(text.data(), text.data() + dash, s.home);
  const auto away = std::from_chars(text.data() + dash + 1, text.data() + text.size(), s.away);
  if (home.ec != std::errc{} || home.ptr != text.data() + dash || away.ec != std::errc{} ||
      away.ptr != text.data() + text.size()) {
    return std::nullopt;
  }
  return s;
}

// The conflict fields that belong to each fact of a leg.
std::vector<std::string_view> fields_of(int fact) {
  switch (fact) {
    case kFactDate:
      return {"date"};
    case kFactKickoff:
      return {"kickoff"};
    case kFactVenue:
      return {"venue"};
    case kFactResult:
      return {"status", "full_time", "half_time", "extra_time", "penalties", "result"};
    default:
      return {};
  }
}

// Sets the field `field` of `leg` from the conflict text `claimed`; false when it does not read.
bool apply_claim(Leg& leg, std::string_view field, const std::string& claimed) {
  auto score = [&claimed](std::optional<Score>& part) {
    const auto s = parse_score(claimed);
    if (!s) return false;
    part = s;
    return true;
  };
  if (field == "date") {
    const auto d = Date::parse(claimed);
    if (d) leg.date = d;
    return d.has_value();
  }
  if (field == "kickoff") {
    const auto t = LocalTime::parse(claimed);
    if (t) leg.kickoff = t;
    return t.has_value();
  }
  if (field == "venue") {
    leg.venue = claimed;
    return true;
  }
  if (field == "status") {
    const auto st = parse_leg_status(claimed);
    if (st) leg.status = *st;
    return st.has_value();
  }
  if (field == "full_time") return score(leg.full_time);
  if (field == "half_time") return score(leg.half_time);
  if (field == "extra_time") return score(leg.extra_time);
  if (field == "penalties") return score(leg.penalties);
  return false;  // "result": a whole result that did not fit together, not one value
}

// The text of `field` of `leg`, as a conflict would show it.
std::string value_text(const Leg& leg, std::string_view field) {
  if (field == "date") return leg.date ? leg.date->to_string() : "";
  if (field == "kickoff") return leg.kickoff ? leg.kickoff->to_string() : "";
  if (field == "venue") return leg.venue.value_or("");
  if (field == "status") return std::string(to_string(leg.status));
  if (field == "full_time") return score_text(leg.full_time);
  if (field == "half_time") return score_text(leg.half_time);
  if (field == "extra_time") return score_text(leg.extra_time);
  if (field == "penalties") return score_text(leg.penalties);
  return score_text(leg.score());
}

void forget(Leg& leg, int fact) {
  switch (fact) {
    case kFactDate:
      leg.date.reset();
      break;
    case kFactKickoff:
      leg.kickoff.reset();
      break;
    case kFactVenue:
      leg.venue.reset();
      break;
    case kFactNeutral:
      leg.neutral_venue = false;
      break;
    case kFactResult:
      leg.status = LegStatus::kScheduled;
      leg.full_time.reset();
      leg.half_time.reset();
      leg.extra_time.reset();
      leg.penalties.reset();
      leg.awarded_to.reset();
      break;
    case kFactHalfTime:
      leg.half_time.reset();
      break;
    case kFactExtraTime:
      leg.extra_time.reset();
      break;
    case kFactPenalties:
      leg.penalties.reset();
      break;
    default:
      break;
  }
}

bool same_facts(const Leg& a, const Leg& b) {
  return a.status == b.status && a.date == b.date && a.kickoff == b.kickoff && a.venue == b.venue &&
         a.neutral_venue == b.neutral_venue && a.full_time == b.full_time &&
         a.half_time == b.half_time && a.extra_time == b.extra_time && a.penalties == b.penalties &&
         a.awarded_to == b.awarded_to;
}

}  // namespace

RederivedLeg rederive_leg(const Leg& leg, int removed_facts, const std::vector<LegSupport>& support,
                          const std::vector<LegConflict>& conflicts) {
  RederivedLeg out{leg, false, {}, {}};
  std::vector<const LegConflict*> switched;  // the conflicts of the facts that took a claim
  // The parts after the result belong to it: a result taken from another source brings its own.
  const int result_parts = kFactHalfTime | kFactExtraTime | kFactPenalties;
  bool result_taken = false;
  for (int fact = kFactDate; fact <= kFactPenalties; fact <<= 1) {
    if (!(removed_facts & fact)) continue;
    if (result_taken && (fact & result_parts)) continue;
    // Parts of a result are conflicts on the result's fields.
    const int fact_of_fields = (fact & result_parts) ? kFactResult : fact;
    const std::vector<std::string_view> fields = fields_of(fact_of_fields);
    auto conflicted = [&](SourceId source) {
      return std::any_of(conflicts.begin(), conflicts.end(), [&](const LegConflict& c) {
        return c.source == source &&
               std::find(fields.begin(), fields.end(), c.field) != fields.end();
      });
    };
    std::vector<SourceId> stating;
    for (const LegSupport& s : support) {
      if (s.facts & fact) stating.push_back(s.source);
    }
    if (stating.empty()) {
      forget(out.leg, fact);
      continue;
    }
    if (std::any_of(stating.begin(), stating.end(), [&](SourceId s) { return !conflicted(s); })) {
      continue;  // another source stated the stored value
    }
    if (fields.empty()) continue;  // a neutral ground is never a conflict
    // The first conflicting claim takes the place of the removed source's value.
    const LegConflict* first = nullptr;
    for (const LegConflict& c : conflicts) {
      if (std::find(stating.begin(), stating.end(), c.source) != stating.end() &&
          std::find(fields.begin(), fields.end(), c.field) != fields.end() &&
          (!first || c.id < first->id)) {
        first = &c;
      }
    }
    Leg taken = out.leg;
    bool reads = true;
    if (fact == kFactResult) {
      // That source's result, whole: what it conflicted on is its claim, the parts it stated
      // without a conflict are the stored ones, the parts it did not state are unknown.
      const int facts = std::find_if(support.begin(), support.end(), [&](const LegSupport& s) {
                          return s.source == first->source;
                        })->facts;
      for (int part : {kFactHalfTime, kFactExtraTime, kFactPenalties}) {
        if (!(facts & part)) forget(taken, part);
      }
      result_taken = true;
    }
    for (const LegConflict& c : conflicts) {
      if (c.source == first->source &&
          std::find(fields.begin(), fields.end(), c.field) != fields.end()) {
        reads = reads && apply_claim(taken, c.field, c.claimed);
      }
    }
    if (taken.status != LegStatus::kWalkover && taken.status != LegStatus::kAwarded) {
      taken.awarded_to.reset();
    }
    if (!reads) {
      result_taken = false;
      continue;
    }
    out.leg = std::move(taken);
    for (const LegConflict& c : conflicts) {
      if (std::find(fields.begin(), fields.end(), c.field) != fields.end()) switched.push_back(&c);
    }
  }
  if (leg_problem(out.leg)) return RederivedLeg{leg, false, {}, {}};
  out.changed = !same_facts(out.leg, leg);
  for (const LegConflict* c : switched) {
    const std::string now = value_text(out.leg, c->field);
    if (c->claimed == now) {
      out.settled.push_back(c->id);
    } else if (c->stored != now) {
      out.restated.emplace_back(c->id, now);
    }
  }
  return out;
}

}  // namespace storage

namespace {

using storage::StatementCache;

std::vector<std::int64_t> ids(StatementCache& statements, const std::string& sql,
                              std::int64_t key) {
  SQLite::Statement& q = statements.get(sql);
  q.bind(1, key);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  q.reset();
  return out;
}

// The one value `sql` gives (a count, an id), 0 for NULL.
std::int64_t scalar(StatementCache& statements, const std::string& sql, std::int64_t key,
                    std::optional<std::int64_t> second = std::nullopt) {
  SQLite::Statement& q = statements.get(sql);
  q.bind(1, key);
  if (second) q.bind(2, *second);
  q.executeStep();
  const std::int64_t n = q.getColumn(0).getInt64();
  q.reset();
  return n;
}

int count(StatementCache& statements, const std::string& sql, std::int64_t key,
          std::optional<std::int64_t> second = std::nullopt) {
  return static_cast<int>(scalar(statements, sql, key, second));
}

int exec(StatementCache& statements, const std::string& sql, std::int64_t key) {
  SQLite::Statement& q = statements.get(sql);
  q.bind(1, key);
  const int n = q.exec();
  q.reset();
  return n;
}

// The leg `leg` derived again from the sources that still support it, once a source that
// stated `removed_facts` of it is gone, written: what rederive_leg gave.
storage::RederivedLeg rederive(StatementCache& statements, std::int64_t leg, int removed_facts) {
  std::vector<storage::LegSupport> support;
  {
    SQLite::Statement& q =
        statements.get("SELECT source_id, coalesce(facts, ?2) FROM leg_evidence WHERE leg_id = ?1");
    q.bind(1, leg);
    q.bind(2, storage::kAllLegFacts);
    while (q.executeStep()) {
      support.push_back({SourceId{q.getColumn(0).getInt64()}, q.getColumn(1).getInt()});
    }
    q.reset();
  }
  std::vector<storage::LegConflict> conflicts;
  {
    SQLite::Statement& q = statements.get(
        "SELECT id, source_id, field, coalesce(stored, ''), coalesce(claimed, '') FROM conflicts "
        "WHERE leg_id = ? ORDER BY id");
    q.bind(1, leg);
    while (q.executeStep()) {
      conflicts.push_back({q.getColumn(0).getInt64(), SourceId{q.getColumn(1).getInt64()},
                           q.getColumn(2).getString(), q.getColumn(3).getString(),
                           q.getColumn(4).getString()});
    }
    q.reset();
  }
  SQLite::Statement& q = statements.get(std::string("SELECT ") + storage::kLegColumns +
                                        " FROM legs l" + storage::kLegClubs + " WHERE l.id = ?");
  q.bind(1, leg);
  if (!q.executeStep()) throw Error(ErrorCode::kInternal, "a leg with evidence is missing");
  const Leg stored = storage::read_leg(q);
  q.reset();
  const storage::RederivedLeg now =
      storage::rederive_leg(stored, removed_facts, support, conflicts);
  for (const std::int64_t id : now.settled)
    exec(statements, "DELETE FROM conflicts WHERE id = ?", id);
  for (const auto& [id, text] : now.restated) {
    SQLite::Statement& u = statements.get("UPDATE conflicts SET stored = ?2 WHERE id = ?1");
    u.bind(1, id);
    u.bind(2, text);
    u.exec();
    u.reset();
  }
  if (now.changed) storage::update_leg_facts(statements, leg, now.leg);
  return now;
}

}  // namespace

SourceRemoval Database::remove_source(SourceId id) try {
  const storage::StatementCache::Scope statements_in_use(impl_->statements);
  StatementCache& statements = impl_->statements;
  return storage::in_transaction(impl_->db, impl_->clubs, [&] {
    SourceRemoval out;
    out.id = id;
    {
      SQLite::Statement& q = statements.get("SELECT path FROM sources WHERE id = ?");
      q.bind(1, id.value());
      if (!q.executeStep()) {
        throw Error(ErrorCode::kUsage, "there is no source #" + std::to_string(id.value()) +
                                           " (footballdb sources lists them)");
      }
      out.path = q.getColumn(0).getString();
      q.reset();
    }
    const std::int64_t source = id.value();
    // What it supported, read before its evidence goes with it.
    std::map<std::int64_t, int> legs;  // leg, the facts it stated of it
    {
      SQLite::Statement& q = statements.get(
          "SELECT leg_id, coalesce(facts, ?2) FROM leg_evidence WHERE source_id = ?1");
      q.bind(1, source);
      q.bind(2, storage::kAllLegFacts);
      while (q.executeStep()) legs[q.getColumn(0).getInt64()] |= q.getColumn(1).getInt();
      q.reset();
    }
    std::set<std::int64_t> ties;
    for (const char* sql : {"SELECT tie_id FROM tie_evidence WHERE source_id = ?",
                            "SELECT tie_id FROM tie_claims WHERE source_id = ?",
                            "SELECT coalesce(c.tie_id, l.tie_id) FROM conflicts c LEFT JOIN legs l "
                            "ON l.id = c.leg_id "
                            "WHERE c.source_id = ?",
                            "SELECT l.tie_id FROM leg_evidence e JOIN legs l ON l.id = e.leg_id "
                            "WHERE e.source_id = ?"}) {
      for (const std::int64_t tie : ids(statements, sql, source)) ties.insert(tie);
    }
    // The clubs of what it supported that an import brought and no remaining source first
    // named (their first spelling is its, or of a source taken back before).
    std::set<std::int64_t> own_clubs;
    for (
        const char* sql :
        {"SELECT t.club_a FROM tie_evidence e JOIN ties t ON t.id = e.tie_id WHERE e.source_id = ?",
         "SELECT t.club_b FROM tie_evidence e JOIN ties t ON t.id = e.tie_id WHERE e.source_id = ?",
         "SELECT l.home FROM leg_evidence e JOIN legs l ON l.id = e.leg_id WHERE e.source_id = ?",
         "SELECT l.away FROM leg_evidence e JOIN legs l ON l.id = e.leg_id WHERE e.source_id = "
         "?"}) {
      for (const std::int64_t club : ids(statements, sql, source)) {
        if (club != 0) own_clubs.insert(club);
      }
    }
    for (auto it = own_clubs.begin(); it != own_clubs.end();) {
      const bool brought =
          count(statements,
                "SELECT EXISTS (SELECT 1 FROM clubs c JOIN club_names n ON n.club_id = c.id AND "
                "n.name = c.name WHERE c.id = ?1 AND c.origin = 'import' AND "
                "(n.source_id IS NULL OR n.source_id = ?2))",
                *it, source) != 0;
      it = brought ? std::next(it) : own_clubs.erase(it);
    }
    out.claims_removed =
        count(statements, "SELECT count(*) FROM tie_claims WHERE source_id = ?", source);
    out.conflicts_removed =
        count(statements, "SELECT count(*) FROM conflicts WHERE source_id = ?", source);

    // Its evidence, claims, conflicts and round names go with it (ON DELETE CASCADE).
    exec(statements, "DELETE FROM sources WHERE id = ?", source);

    for (const auto& [leg, facts] : legs) {
      if (scalar(statements, "SELECT count(*) FROM leg_evidence WHERE leg_id = ?", leg) == 0) {
        out.legs_removed += exec(statements, "DELETE FROM legs WHERE id = ?", leg);
        continue;
      }
      const storage::RederivedLeg now = rederive(statements, leg, facts);
      if (now.changed) ++out.legs_rederived;
      out.conflicts_removed += static_cast<int>(now.settled.size());
    }
    std::set<std::int64_t> rounds;
    for (const std::int64_t tie : ties) {
      const std::int64_t round = scalar(statements, "SELECT round_id FROM ties WHERE id = ?", tie);
      const bool supported =
          scalar(statements,
                 "SELECT EXISTS (SELECT 1 FROM tie_evidence WHERE tie_id = ?1) OR "
                 "EXISTS (SELECT 1 FROM legs WHERE tie_id = ?1) OR "
                 "EXISTS (SELECT 1 FROM tie_claims WHERE tie_id = ?1)",
                 tie) != 0;
      if (!supported) {
        out.ties_removed += exec(statements, "DELETE FROM ties WHERE id = ?", tie);
        rounds.insert(round);
      } else {
        out.outcomes_changed += storage::recompute_outcomes(statements, 0, tie);
      }
    }
    // Rounds, seasons and competitions left with nothing (a competition with rules of its own
    // keeps them).
    std::set<std::int64_t> seasons, competitions;
    for (const std::int64_t round : rounds) {
      const std::int64_t season =
          scalar(statements, "SELECT season_id FROM rounds WHERE id = ?", round);
      if (exec(statements,
               "DELETE FROM rounds WHERE id = ?1 AND NOT EXISTS "
               "(SELECT 1 FROM ties WHERE round_id = ?1)",
               round) > 0) {
        ++out.rounds_removed;
        seasons.insert(season);
      }
    }
    for (const std::int64_t season : seasons) {
      const std::int64_t competition =
          scalar(statements, "SELECT competition_id FROM seasons WHERE id = ?", season);
      if (exec(statements,
               "DELETE FROM seasons WHERE id = ?1 AND NOT EXISTS "
               "(SELECT 1 FROM rounds WHERE season_id = ?1)",
               season) > 0) {
        competitions.insert(competition);
      }
    }
    for (const std::int64_t competition : competitions) {
      exec(statements,
           "DELETE FROM competitions WHERE id = ?1 AND NOT EXISTS "
           "(SELECT 1 FROM seasons WHERE competition_id = ?1) AND NOT EXISTS "
           "(SELECT 1 FROM competition_rules WHERE competition_id = ?1)",
           competition);
    }
    // The clubs it brought that nothing refers to any more, unless a user or a review made
    // them a club of their own.
    for (const std::int64_t club : own_clubs) {
      const bool referred =
          scalar(statements,
                 "SELECT EXISTS (SELECT 1 FROM ties WHERE club_a = ?1) OR "
                 "EXISTS (SELECT 1 FROM ties WHERE club_b = ?1) OR "
                 "EXISTS (SELECT 1 FROM legs WHERE home = ?1) OR "
                 "EXISTS (SELECT 1 FROM legs WHERE away = ?1) OR "
                 "EXISTS (SELECT 1 FROM tie_claims WHERE winner = ?1) OR "
                 "EXISTS (SELECT 1 FROM club_names WHERE club_id = ?1 AND method IN "
                 "('user', 'review'))",
                 club) != 0;
      if (referred) continue;
      out.reviews_removed +=
          exec(statements, "DELETE FROM name_reviews WHERE club_id = ? AND status = 'open'", club);
      out.clubs_removed += exec(statements, "DELETE FROM clubs WHERE id = ?", club);
    }
    return out;
  });
} catch (const SQLite::Exception& e) {
  detail::rethrow_database_error(e);
}

}  // namespace footballdb

#include "storage/store.hpp"

#include <algorithm>

#include "footballdb/error.hpp"
#include "footballdb/names.hpp"
#include "storage/outcomes.hpp"
#include "storage/rows.hpp"

namespace footballdb::storage {
namespace {

std::optional<std::int64_t> opt_id(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

std::optional<std::int64_t> raw(const std::optional<ClubId>& id) {
  if (!id) return std::nullopt;
  return id->value();
}


// Fills `stored` from `claimed` when it is unknown; notes a difference when both are known.
template <class T, class Show>
void reconcile(std::optional<T>& stored, const std::optional<T>& claimed, const char* field,
               Show show_value, std::vector<std::tuple<std::string, std::string, std::string>>&
                                    differences, bool& changed) {
  if (!claimed) return;
  if (!stored) {
    stored = claimed;
    changed = true;
  } else if (!(*stored == *claimed)) {
    differences.emplace_back(field, show_value(stored), show_value(claimed));
  }
}

}  // namespace

int stated_facts(const Leg& leg) {
  int facts = 0;
  if (leg.date) facts |= kFactDate;
  if (leg.kickoff) facts |= kFactKickoff;
  if (leg.venue) facts |= kFactVenue;
  if (leg.neutral_venue) facts |= kFactNeutral;
  if (leg.status != LegStatus::kScheduled) facts |= kFactResult;
  if (leg.half_time) facts |= kFactHalfTime;
  if (leg.extra_time) facts |= kFactExtraTime;
  if (leg.penalties) facts |= kFactPenalties;
  return facts;
}

std::optional<Store::StoredSource> Store::find_source(const std::string& sha256) {
  SQLite::Statement& q =
      statements_.get("SELECT id, format, options FROM sources WHERE sha256 = ?");
  q.bind(1, sha256);
  if (!q.executeStep()) return std::nullopt;
  StoredSource found{SourceId{q.getColumn(0).getInt64()}, q.getColumn(1).getString(),
                     opt_text(q.getColumn(2))};
  q.reset();
  return found;
}

SourceId Store::add_source(const std::string& path, const std::string& sha256,
                           const std::string& format, const std::string& imported_at,
                           const std::optional<std::string>& options) {
  SQLite::Statement& q = statements_.get(
      "INSERT INTO sources(path, sha256, format, imported_at, options) VALUES (?, ?, ?, ?, ?) "
      "RETURNING id");
  q.bind(1, path);
  q.bind(2, sha256);
  q.bind(3, format);
  q.bind(4, imported_at);
  bind_opt(q, 5, options);
  q.executeStep();
  SourceId id{q.getColumn(0).getInt64()};
  q.reset();
  return id;
}

ClubId Store::add_club(const std::string& name, const std::optional<std::string>& country,
                       const std::optional<std::string>& city, const char* origin,
                       std::optional<SourceId> source, int line) {
  SQLite::Statement& q = statements_.get(
      "INSERT INTO clubs(name, country, city, origin) VALUES (?, ?, ?, ?) RETURNING id");
  q.bind(1, name);
  bind_opt(q, 2, country);
  bind_opt(q, 3, city);
  q.bind(4, origin);
  q.executeStep();
  ClubId id{q.getColumn(0).getInt64()};
  q.reset();
  clubs_.club_added(id, name, country, city, std::string_view(origin) == "import");
  add_club_name(id, name, std::nullopt, source, origin, line);
  return id;
}

std::vector<ClubId> Store::find_clubs(const std::string& name,
                                     const std::optional<std::string>& country) {
  SQLite::Statement& q =
      statements_.get("SELECT id FROM clubs WHERE name = ? AND country IS ? ORDER BY id");
  q.bind(1, name);
  bind_opt(q, 2, country);
  std::vector<ClubId> ids;
  while (q.executeStep()) ids.emplace_back(q.getColumn(0).getInt64());
  q.reset();
  return ids;
}

void Store::fill_club_details(ClubId club, const std::optional<std::string>& country,
                              const std::optional<std::string>& city) {
  if (!country && !city) return;
  SQLite::Statement& q = statements_.get(
      "UPDATE clubs SET country = coalesce(country, ?), city = coalesce(city, ?) WHERE id = ?");
  bind_opt(q, 1, country);
  bind_opt(q, 2, city);
  q.bind(3, club.value());
  q.exec();
}

void Store::add_club_name(ClubId club, const std::string& name,
                          const std::optional<std::string>& lang,
                          std::optional<SourceId> source, const std::string& method, int line) {
  SQLite::Statement& q = statements_.get(
      "INSERT INTO club_names(club_id, name, name_key, fold_key, lang, source_id, method, line) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(club_id, name) DO NOTHING");
  q.bind(1, club.value());
  q.bind(2, name);
  q.bind(3, name_key(name));
  q.bind(4, fold_key(name));
  bind_opt(q, 5, lang);
  bind_opt(q, 6, source ? std::optional<std::int64_t>(source->value()) : std::nullopt);
  q.bind(7, method);
  bind_opt(q, 8, line > 0 ? std::optional<int>(line) : std::nullopt);
  if (q.exec() > 0) clubs_.name_added(club, name, lang);
}

std::int64_t Store::competition_id(const std::string& name) {
  if (auto it = competitions_.find(name); it != competitions_.end()) return it->second;
  SQLite::Statement& ins = statements_.get(
      "INSERT INTO competitions(name) VALUES (?) ON CONFLICT(name) DO NOTHING");
  ins.bind(1, name);
  ins.exec();
  SQLite::Statement& q = statements_.get("SELECT id FROM competitions WHERE name = ?");
  q.bind(1, name);
  q.executeStep();
  const std::int64_t id = q.getColumn(0).getInt64();
  q.reset();
  competitions_.emplace(name, id);
  return id;
}

void Store::add_round_name(std::int64_t round_id, SourceId source, std::string_view name) {
  if (name.empty()) return;
  SQLite::Statement& q = statements_.get(
      "INSERT OR IGNORE INTO round_names(round_id, source_id, name) VALUES (?, ?, ?)");
  q.bind(1, round_id);
  q.bind(2, source.value());
  q.bind(3, std::string(name));
  q.exec();
}

void Store::put_rules(const std::string& competition, int from_season_year, const RuleSet& r,
                      const std::string& round) {
  SQLite::Statement& q = statements_.get(
      "INSERT OR REPLACE INTO competition_rules(competition_id, from_season_year, away_goals, "
      "away_goals_extra_time, extra_time, penalties, replays, legs, round, replay_limit, "
      "replay_extra_time, replay_penalties) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  q.bind(1, competition_id(competition));
  q.bind(2, from_season_year);
  q.bind(3, r.away_goals ? 1 : 0);
  q.bind(4, r.away_goals_extra_time ? 1 : 0);
  q.bind(5, r.extra_time ? 1 : 0);
  q.bind(6, r.penalties ? 1 : 0);
  q.bind(7, r.replays ? 1 : 0);
  q.bind(8, r.legs);
  q.bind(9, round);
  q.bind(10, r.replay_limit);
  q.bind(11, r.replay_extra_time ? 1 : 0);
  q.bind(12, r.replay_penalties ? 1 : 0);
  q.exec();
  rounds_.clear();  // cached rules may have changed
}

void Store::recompute_competition(const std::string& competition) {
  recompute_outcomes(statements_, competition_id(competition));
}

std::int64_t Store::round_id(const RoundKey& key, std::optional<int> order,
                             std::optional<bool> knockout) {
  return round_info(key, order, knockout).id;
}

const Store::RoundInfo& Store::round_info(const RoundKey& key, std::optional<int> order,
                                          std::optional<bool> knockout) {
  if (auto it = rounds_.find(key); it != rounds_.end()) return it->second;
  if (Season::require(key.season) != key.season) {
    throw Error(ErrorCode::kInternal, "season '" + key.season + "' is not in canonical form");
  }
  const auto year = Season::start_year(key.season);
  const std::int64_t competition = competition_id(key.competition);
  SQLite::Statement& season_ins = statements_.get(
      "INSERT INTO seasons(competition_id, name, start_year) VALUES (?, ?, ?) "
      "ON CONFLICT(competition_id, name) DO NOTHING");
  season_ins.bind(1, competition);
  season_ins.bind(2, key.season);
  season_ins.bind(3, *year);
  season_ins.exec();
  SQLite::Statement& season_q =
      statements_.get("SELECT id FROM seasons WHERE competition_id = ? AND name = ?");
  season_q.bind(1, competition);
  season_q.bind(2, key.season);
  season_q.executeStep();
  const std::int64_t season = season_q.getColumn(0).getInt64();
  season_q.reset();

  SQLite::Statement& round_ins = statements_.get(
      "INSERT INTO rounds(season_id, name, ordinal, knockout) VALUES (?1, ?2, "
      "coalesce(?3, (SELECT coalesce(max(ordinal), 0) + 1 FROM rounds WHERE season_id = ?1)), "
      "coalesce(?4, 1)) ON CONFLICT(season_id, name) DO NOTHING");
  round_ins.bind(1, season);
  round_ins.bind(2, key.round);
  bind_opt(round_ins, 3, order);
  bind_opt(round_ins, 4, knockout ? std::optional<int>(*knockout ? 1 : 0) : std::nullopt);
  round_ins.exec();
  SQLite::Statement& round_q =
      statements_.get("SELECT id, knockout FROM rounds WHERE season_id = ? AND name = ?");
  round_q.bind(1, season);
  round_q.bind(2, key.round);
  round_q.executeStep();
  RoundInfo info{round_q.getColumn(0).getInt64(), round_q.getColumn(1).getInt() != 0,
                 rules_for(statements_, competition, key.competition, *year, key.round)};
  round_q.reset();
  return rounds_.emplace(key, info).first->second;
}

void Store::add_conflict(std::optional<std::int64_t> tie, std::optional<std::int64_t> leg,
                         SourceId source, int line, const std::string& field,
                         const std::string& stored, const std::string& claimed) {
  SQLite::Statement& q = statements_.get(
      "INSERT INTO conflicts(tie_id, leg_id, source_id, line, field, stored, claimed) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)");
  bind_opt(q, 1, tie);
  bind_opt(q, 2, leg);
  q.bind(3, source.value());
  q.bind(4, line);
  q.bind(5, field);
  q.bind(6, stored);
  q.bind(7, claimed);
  q.exec();
}

std::vector<std::optional<ClubId>> Store::opponents(const RoundKey& round, ClubId club) {
  const std::int64_t round_id = round_info(round, std::nullopt, std::nullopt).id;
  SQLite::Statement& q = statements_.get(
      "SELECT id, club_b FROM ties WHERE round_id = ?1 AND club_a = ?2 UNION ALL "
      "SELECT id, club_a FROM ties WHERE round_id = ?1 AND club_b = ?2 ORDER BY 1");
  q.bind(1, round_id);
  q.bind(2, club.value());
  std::vector<std::optional<ClubId>> out;
  while (q.executeStep()) {
    const SQLite::Column other = q.getColumn(1);
    out.push_back(other.isNull() ? std::optional<ClubId>() : std::optional<ClubId>(other.getInt64()));
  }
  q.reset();
  return out;
}

bool Store::knockout(const RoundKey& round) {
  return round_info(round, std::nullopt, std::nullopt).knockout;
}

std::vector<Store::PlaceholderTie> Store::placeholder_ties(const RoundKey& round) {
  const std::int64_t round_id = round_info(round, std::nullopt, std::nullopt).id;
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

std::optional<OpenReview> Store::open_review_of(ClubId club) {
  return storage::open_review_of(statements_, club);
}

bool Store::try_accept_review(const OpenReview& review, ClubId into, const std::string& method) {
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

std::optional<ClubId> Store::reviewed_club(const std::string& name,
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

void Store::add_review(const std::string& name, const char* reason, ClubId club,
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
}

MergeResult Store::merge_tie(const TieDraft& d) {
  if (d.evidence.empty()) throw Error(ErrorCode::kInternal, "a tie draft without evidence");
  MergeResult result;
  const RoundInfo& round = round_info(d.round, std::nullopt, std::nullopt);
  const SourceId source = d.evidence.front().first;
  const int line = d.evidence.front().second;

  struct Stored {
    std::int64_t id;
    std::optional<std::int64_t> a, b;
    std::optional<int> number;
    std::optional<std::int64_t> coin_toss;
  };
  std::vector<Stored> found;
  // By club (each side through its own index), or by number for a draft that names no club.
  SQLite::Statement& find =
      d.club_a ? statements_.get(
                     "SELECT id, club_a, club_b, number, coin_toss_winner FROM ties "
                     "WHERE round_id = ?1 AND club_a IN (?2, ?3) UNION "
                     "SELECT id, club_a, club_b, number, coin_toss_winner FROM ties "
                     "WHERE round_id = ?1 AND club_b IN (?2, ?3)")
               : statements_.get(
                     "SELECT id, club_a, club_b, number, coin_toss_winner FROM ties "
                     "WHERE round_id = ?1 AND number = ?2");
  find.bind(1, round.id);
  if (d.club_a) {
    bind_opt(find, 2, raw(d.club_a));
    bind_opt(find, 3, raw(d.club_b));
  } else {
    bind_opt(find, 2, d.number);
  }
  while (find.executeStep()) {
    found.push_back(Stored{find.getColumn(0).getInt64(), opt_id(find.getColumn(1)),
                           opt_id(find.getColumn(2)), opt_int(find.getColumn(3)),
                           opt_id(find.getColumn(4))});
  }
  find.reset();
  if (!round.knockout) {
    // Outside knockout rounds a club meets many opponents: only the same pair is the same tie.
    found.erase(std::remove_if(found.begin(), found.end(),
                               [&d](const Stored& s) {
                                 return !((s.a == raw(d.club_a) && s.b == raw(d.club_b)) ||
                                          (s.a == raw(d.club_b) && s.b == raw(d.club_a)));
                               }),
                found.end());
  }

  // Conflicts show clubs by name, as they were called when the conflict was met.
  auto pair_text = [this](std::optional<std::int64_t> a, std::optional<std::int64_t> b) {
    auto one = [this](std::optional<std::int64_t> c) {
      return c ? club_name(ClubId{*c}) : std::string("?");
    };
    return one(a) + " v " + one(b);
  };
  const std::string claimed_pair = pair_text(raw(d.club_a), raw(d.club_b));
  if (found.size() > 1) {
    add_conflict(found.front().id, std::nullopt, source, line, "pairing",
                 pair_text(found.front().a, found.front().b), claimed_pair);
    ++result.conflicts;
    return result;
  }

  std::int64_t tie_id = 0;
  bool clubs_changed = false;
  std::optional<std::int64_t> stored_a = raw(d.club_a);
  std::optional<std::int64_t> stored_b = raw(d.club_b);
  if (found.empty()) {
    SQLite::Statement& ins = statements_.get(
        "INSERT INTO ties(round_id, number, club_a, club_b, coin_toss_winner, group_name) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
    ins.bind(1, round.id);
    bind_opt(ins, 2, d.number);
    bind_opt(ins, 3, stored_a);
    bind_opt(ins, 4, stored_b);
    bind_opt(ins, 5, raw(d.coin_toss_winner));
    bind_opt(ins, 6, round.knockout ? std::nullopt : d.group);
    ins.executeStep();
    tie_id = ins.getColumn(0).getInt64();
    ins.reset();
    result.added = true;
  } else {
    const Stored& s = found.front();
    tie_id = s.id;
    stored_a = s.a;
    stored_b = s.b;
    // The draft's other club must be the stored opponent, or fill the empty place.
    auto other = [&s](std::optional<std::int64_t> club) { return club != s.a && club != s.b; };
    std::vector<std::int64_t> missing;
    for (auto club : {raw(d.club_a), raw(d.club_b)}) {
      if (club && other(club)) missing.push_back(*club);
    }
    const int free_places = (s.a ? 0 : 1) + (s.b ? 0 : 1);
    if (static_cast<int>(missing.size()) > free_places) {
      add_conflict(tie_id, std::nullopt, source, line, "pairing", pair_text(s.a, s.b),
                   claimed_pair);
      ++result.conflicts;
      return result;
    }
    for (std::int64_t club : missing) {
      (stored_a ? stored_b : stored_a) = club;
      clubs_changed = true;
    }
    std::optional<int> number = s.number;
    std::optional<std::int64_t> coin_toss = s.coin_toss;
    bool changed = clubs_changed;
    std::vector<std::tuple<std::string, std::string, std::string>> differences;
    auto show_int = [](const auto& v) { return std::to_string(*v); };
    auto show_club = [this](const std::optional<std::int64_t>& v) {
      return club_name(ClubId{*v});
    };
    reconcile(number, d.number, "number", show_int, differences, changed);
    reconcile(coin_toss, raw(d.coin_toss_winner), "coin_toss_winner", show_club, differences,
              changed);
    for (const auto& [field, was, claimed] : differences) {
      add_conflict(tie_id, std::nullopt, source, line, field, was, claimed);
      ++result.conflicts;
    }
    if (changed) {
      SQLite::Statement& u = statements_.get(
          "UPDATE ties SET club_a = ?, club_b = ?, number = ?, coin_toss_winner = ? WHERE id = ?");
      bind_opt(u, 1, stored_a);
      bind_opt(u, 2, stored_b);
      bind_opt(u, 3, number);
      bind_opt(u, 4, coin_toss);
      u.bind(5, tie_id);
      u.exec();
    }
  }
  result.tie = TieId{tie_id};

  if (!round.knockout && d.group && !result.added) {
    // A group another source did not name.
    SQLite::Statement& g = statements_.get(
        "UPDATE ties SET group_name = ?2 WHERE id = ?1 AND group_name IS NULL");
    g.bind(1, tie_id);
    g.bind(2, *d.group);
    g.exec();
    g.reset();
  }
  SQLite::Statement& ev = statements_.get(
      "INSERT OR IGNORE INTO tie_evidence(tie_id, source_id, line) VALUES (?, ?, ?)");
  for (const auto& [src, src_line] : d.evidence) {
    ev.reset();
    ev.bind(1, tie_id);
    ev.bind(2, src.value());
    ev.bind(3, src_line);
    ev.exec();
  }

  for (const LegDraft& leg : d.legs) {
    if (round.rules.legs == 1 && !leg.leg.replay) {
      merge_leg(tie_id, in_one_match_tie(tie_id, leg), source, result);
    } else {
      merge_leg(tie_id, leg, source, result);
    }
  }

  // Claims are stored in the stored tie's club order. A claim stored already (the same source,
  // line and words, as when an export is imported again) is not stored twice.
  const bool flipped = d.club_a && stored_b && raw(d.club_a) == stored_b;
  SQLite::Statement& claim = statements_.get(
      "INSERT INTO tie_claims(tie_id, source_id, line, winner, agg_a, agg_b, decided_by, text) "
      "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE NOT EXISTS (SELECT 1 FROM tie_claims WHERE "
      "tie_id = ?1 AND +source_id = ?2 AND line = ?3 AND winner IS ?4 AND agg_a IS ?5 AND "
      "agg_b IS ?6 AND decided_by IS ?7 AND text IS ?8)");
  for (const ClaimDraft& c : d.claims) {
    std::optional<Aggregate> agg = c.aggregate;
    if (agg && flipped) agg = Aggregate{agg->b, agg->a};
    claim.reset();
    claim.bind(1, tie_id);
    claim.bind(2, c.source.value_or(source).value());
    claim.bind(3, c.line);
    bind_opt(claim, 4, raw(c.winner));
    bind_opt(claim, 5, agg ? std::optional<int>(agg->a) : std::nullopt);
    bind_opt(claim, 6, agg ? std::optional<int>(agg->b) : std::nullopt);
    bind_opt(claim, 7, c.decided_by ? std::optional<std::string>(to_string(*c.decided_by))
                                    : std::nullopt);
    claim.bind(8, c.text);
    if (claim.exec() > 0) ++result.claims;
  }

  if (round.knockout && (result.added || clubs_changed || !d.legs.empty() || !d.claims.empty() ||
                         d.coin_toss_winner)) {
    store_outcome(statements_, tie_id, load_tie_facts(statements_, tie_id), round.rules);
  }
  return result;
}

std::string Store::club_name(ClubId club) {
  return storage::club_name(statements_, club).value_or("club " + std::to_string(club.value()));
}

std::optional<int> Store::swap_numbers(std::int64_t tie, const Leg& other, const LegDraft& draft,
                                       SourceId source) {
  const Leg& d = draft.leg;
  if (d.replay || other.replay || other.home.id != d.away.id || other.away.id != d.home.id) {
    return std::nullopt;
  }
  SQLite::Statement& same_source = statements_.get(
      "SELECT 1 FROM leg_evidence WHERE leg_id = ? AND source_id = ?");
  same_source.bind(1, other.id.value());
  same_source.bind(2, source.value());
  const bool from_this_source = same_source.executeStep();
  same_source.reset();
  SQLite::Statement& legs = statements_.get("SELECT count(*) FROM legs WHERE tie_id = ?");
  legs.bind(1, tie);
  legs.executeStep();
  const bool alone = legs.getColumn(0).getInt() == 1;
  legs.reset();
  if (!from_this_source || !alone) return std::nullopt;
  const bool draft_first = d.date && other.date && *d.date < *other.date;
  SQLite::Statement& u = statements_.get("UPDATE legs SET number = ? WHERE id = ?");
  u.bind(1, draft_first ? 2 : 1);
  u.bind(2, other.id.value());
  u.exec();
  return draft_first ? 1 : 2;
}

namespace {

Score swapped(const Score& s) { return Score{s.away, s.home}; }
std::optional<Score> swapped(const std::optional<Score>& s) {
  return s ? std::optional<Score>(swapped(*s)) : std::nullopt;
}

}  // namespace

LegDraft Store::in_one_match_tie(std::int64_t tie, const LegDraft& draft) {
  // A source that numbers a second leg knows the tie had legs (the FA Cup of 1945-46).
  if (draft.numbered && draft.leg.number > 1) return draft;
  SQLite::Statement& q = statements_.get(
      std::string("SELECT ") + kLegColumns + kLegFrom +
      " WHERE l.tie_id = ? AND l.replay = 0 AND l.status NOT IN ('annulled', 'cancelled') "
      "ORDER BY l.number LIMIT 1");
  q.bind(1, tie);
  if (!q.executeStep()) {
    q.reset();
    return draft;  // the tie's first match
  }
  const Leg match = read_leg(q);
  q.reset();
  const Leg& d = draft.leg;
  const bool same_way = match.home.id == d.home.id && match.away.id == d.away.id;
  const bool same_date = match.date && d.date && *match.date == *d.date;
  const bool other_date = match.date && d.date && *match.date != *d.date;
  // Only a match left level (no shoot-out) is replayed.
  const auto score = match.score();
  const bool level = score && score->home == score->away && !match.penalties;
  LegDraft out = draft;
  if ((same_way && other_date && level) || (!same_way && !same_date && level)) {
    out.leg.replay = true;
    out.numbered = false;
    return out;
  }
  if (same_way) return out;
  // The match itself, told the other way round: at a neutral ground, which club is "home" is
  // the source's choice.
  std::swap(out.leg.home, out.leg.away);
  out.leg.full_time = swapped(d.full_time);
  out.leg.half_time = swapped(d.half_time);
  out.leg.extra_time = swapped(d.extra_time);
  out.leg.penalties = swapped(d.penalties);
  out.leg.neutral_venue = true;
  out.numbered = false;
  return out;
}

bool Store::own_contradiction(std::int64_t leg, const LegDraft& draft, SourceId source,
                              const std::string& field, const std::string& was,
                              const std::string& claimed, MergeResult& result) {
  if (!draft.evidence.empty()) return false;  // an interchange file's evidence is others'
  SQLite::Statement& q =
      statements_.get("SELECT line FROM leg_evidence WHERE leg_id = ? AND source_id = ?");
  q.bind(1, leg);
  q.bind(2, source.value());
  const bool own = q.executeStep();
  const int line = own && !q.getColumn(0).isNull() ? q.getColumn(0).getInt() : 0;
  q.reset();
  if (!own) return false;
  result.contradicts_own_source = "expected one account of each match: line " +
                                  std::to_string(line) + " gives this match's " + field + " as " +
                                  was + ", this line as " + claimed;
  return true;
}

void Store::merge_leg(std::int64_t tie, const LegDraft& draft, SourceId source,
                      MergeResult& result) {
  const Leg& d = draft.leg;
  if (!draft.evidence.empty()) {
    source = draft.evidence.front().first;  // conflicts are the first source's claim
  }
  std::optional<std::int64_t> leg_id;
  std::optional<Leg> stored;
  {
    SQLite::Statement& q = statements_.get(
        std::string("SELECT ") + kLegColumns + kLegFrom +
        " WHERE l.tie_id = ? AND l.home = ? AND l.away = ? AND l.replay = ? ORDER BY l.number");
    q.bind(1, tie);
    q.bind(2, d.home.id.value());
    q.bind(3, d.away.id.value());
    q.bind(4, d.replay ? 1 : 0);
    while (q.executeStep()) {
      Leg leg = read_leg(q);
      // Replays between the same two clubs (a second replay at the first one's ground) are told
      // apart by their dates.
      if (d.replay && d.date && leg.date && *leg.date != *d.date) continue;
      // A replay given as a walkover is not one that was played (a second replay that one
      // club did not turn up for, written like the first).
      if (d.replay && d.status == LegStatus::kWalkover && leg.status == LegStatus::kPlayed &&
          leg.score()) {
        continue;
      }
      if (!stored || (draft.numbered && leg.number == d.number)) stored = std::move(leg);
    }
    q.reset();
  }
  std::optional<int> number = draft.numbered ? std::optional<int>(d.number) : std::nullopt;
  if (!stored && draft.numbered) {
    SQLite::Statement& q = statements_.get(
        std::string("SELECT ") + kLegColumns + kLegFrom +
        " WHERE l.tie_id = ? AND l.number = ?");
    q.bind(1, tie);
    q.bind(2, d.number);
    if (q.executeStep()) {
      Leg other = read_leg(q);
      q.reset();
      if (auto renumbered = swap_numbers(tie, other, draft, source)) {
        number = renumbered;
      } else {
        const std::string was = other.home.name + " v " + other.away.name;
        const std::string claimed = club_name(d.home.id) + " v " + club_name(d.away.id);
        if (own_contradiction(other.id.value(), draft, source, "leg " + std::to_string(d.number),
                              was, claimed, result)) {
          return;
        }
        add_conflict(tie, other.id.value(), source, draft.line, "home_away", was, claimed);
        ++result.conflicts;
        return;
      }
    }
    q.reset();
  }

  if (!stored) {
    SQLite::Statement& ins = statements_.get(
        "INSERT INTO legs(tie_id, number, replay, home, away, status, date, kickoff, neutral, "
        "venue, ft_home, ft_away, ht_home, ht_away, et_home, et_away, pen_home, pen_away, "
        "awarded_to) VALUES (?1, coalesce(?2, (SELECT coalesce(max(number), 0) + 1 FROM legs "
        "WHERE tie_id = ?1)), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
        "?17, ?18, ?19) RETURNING id");
    ins.bind(1, tie);
    bind_opt(ins, 2, number);
    ins.bind(3, d.replay ? 1 : 0);
    ins.bind(4, d.home.id.value());
    ins.bind(5, d.away.id.value());
    bind_leg_facts(ins, 6, d);
    ins.executeStep();
    leg_id = ins.getColumn(0).getInt64();
    ins.reset();
    ++result.legs_added;
  } else {
    leg_id = stored->id.value();
    Leg merged = *stored;
    bool changed = false;
    std::vector<std::tuple<std::string, std::string, std::string>> differences;
    auto show_date = [](const std::optional<Date>& v) { return v->to_string(); };
    auto show_time = [](const std::optional<LocalTime>& v) { return v->to_string(); };
    auto show_score = [](const std::optional<Score>& v) { return score_text(v); };
    auto show_text = [](const std::optional<std::string>& v) { return *v; };
    reconcile(merged.date, d.date, "date", show_date, differences, changed);
    reconcile(merged.kickoff, d.kickoff, "kickoff", show_time, differences, changed);
    reconcile(merged.venue, d.venue, "venue", show_text, differences, changed);
    // The result (status and scores) is one fact: a result for a scheduled leg is news, one
    // that agrees may fill in what is missing, one that differs anywhere is a conflict and
    // changes nothing of it. A source that knows less is no contradiction.
    if (merged.status == LegStatus::kScheduled && d.status != LegStatus::kScheduled) {
      merged.status = d.status;
      merged.awarded_to = d.awarded_to;
      merged.full_time = d.full_time;
      merged.half_time = d.half_time;
      merged.extra_time = d.extra_time;
      merged.penalties = d.penalties;
      changed = true;
    } else if (d.status != LegStatus::kScheduled) {
      std::vector<std::tuple<std::string, std::string, std::string>> result_differences;
      Leg filled = merged;
      bool result_changed = false;
      if (merged.status != d.status) {
        result_differences.emplace_back("status", std::string(to_string(merged.status)),
                                        std::string(to_string(d.status)));
      }
      reconcile(filled.full_time, d.full_time, "full_time", show_score, result_differences,
                result_changed);
      reconcile(filled.half_time, d.half_time, "half_time", show_score, result_differences,
                result_changed);
      reconcile(filled.extra_time, d.extra_time, "extra_time", show_score, result_differences,
                result_changed);
      reconcile(filled.penalties, d.penalties, "penalties", show_score, result_differences,
                result_changed);
      if (result_differences.empty() && result_changed && leg_problem(filled)) {
        // Each part agrees, yet together they do not fit (a half-time score above the
        // full-time one): the stored result stands and the new one is a conflict.
        result_differences.emplace_back("result", score_text(merged.score()),
                                        score_text(d.score()));
      }
      if (result_differences.empty()) {
        merged = filled;
        changed = changed || result_changed;
      }
      differences.insert(differences.end(), result_differences.begin(), result_differences.end());
    }
    if (d.neutral_venue && !merged.neutral_venue) {
      merged.neutral_venue = true;
      changed = true;
    }
    if (!differences.empty()) {
      const auto& [field, was, claimed] = differences.front();
      if (own_contradiction(*leg_id, draft, source, field, was, claimed, result)) return;
    }
    for (const auto& [field, was, claimed] : differences) {
      add_conflict(tie, leg_id, source, draft.line, field, was, claimed);
      ++result.conflicts;
    }
    if (changed) {
      update_leg_facts(statements_, *leg_id, merged);
    }
    ++result.legs_confirmed;
  }
  // What the source stated of the leg; of evidence an interchange file carries for other
  // sources, not known (NULL: every fact).
  SQLite::Statement& ev = statements_.get(
      "INSERT INTO leg_evidence(leg_id, source_id, line, facts) VALUES (?, ?, ?, ?) "
      "ON CONFLICT DO UPDATE SET facts = facts | excluded.facts");
  auto add_evidence = [&ev, &leg_id](SourceId src, int src_line, std::optional<int> facts) {
    ev.reset();
    ev.bind(1, *leg_id);
    ev.bind(2, src.value());
    ev.bind(3, src_line);
    bind_opt(ev, 4, facts);
    ev.exec();
  };
  if (draft.evidence.empty()) add_evidence(source, draft.line, stated_facts(d));
  for (const auto& [src, src_line] : draft.evidence) add_evidence(src, src_line, std::nullopt);
}

}  // namespace footballdb::storage

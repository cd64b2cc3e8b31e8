#include "storage/tie_store.hpp"

#include <algorithm>

#include "footballdb/error.hpp"
#include "storage/outcomes.hpp"
#include "storage/rows.hpp"

namespace footballdb::storage {
namespace {

std::optional<ClubId> opt_club_id(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return ClubId{c.getInt64()};
}

std::optional<std::int64_t> raw(const std::optional<ClubId>& id) {
  if (!id) return std::nullopt;
  return id->value();
}

}  // namespace

void TieStore::add_conflict(std::optional<std::int64_t> tie, std::optional<std::int64_t> leg,
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

std::vector<std::optional<ClubId>> TieStore::opponents(const RoundKey& round, ClubId club) {
  RoundTies& ties = round_ties(rounds_.round_id(round));
  std::vector<std::optional<ClubId>> out;
  if (auto it = ties.by_club.find(club.value()); it != ties.by_club.end()) {
    for (std::int64_t id : it->second) {
      const reconcile::StoredTie& t = ties_.at(id).tie;
      out.push_back(t.club_a == club ? t.club_b : t.club_a);
    }
  }
  return out;
}

TieStore::RoundTies& TieStore::round_ties(std::int64_t round_id) {
  if (auto it = round_ties_.find(round_id); it != round_ties_.end()) return it->second;
  RoundTies& round = round_ties_[round_id];
  SQLite::Statement& q = statements_.get(
      "SELECT id, club_a, club_b, number, coin_toss_winner, group_name FROM ties "
      "WHERE round_id = ? ORDER BY id");
  q.bind(1, round_id);
  while (q.executeStep()) {
    reconcile::StoredTie t;
    t.id = q.getColumn(0).getInt64();
    t.club_a = opt_club_id(q.getColumn(1));
    t.club_b = opt_club_id(q.getColumn(2));
    t.number = opt_int(q.getColumn(3));
    t.coin_toss_winner = opt_club_id(q.getColumn(4));
    t.group = opt_text(q.getColumn(5));
    round.ids.push_back(t.id);
    index_club(round, t.id, t.club_a);
    index_club(round, t.id, t.club_b);
    ties_.emplace(t.id, CachedTie{std::move(t), false});
  }
  q.reset();
  return round;
}

void TieStore::index_club(RoundTies& round, std::int64_t tie, std::optional<ClubId> club) {
  if (!club) return;
  std::vector<std::int64_t>& ties = round.by_club[club->value()];
  const auto at = std::lower_bound(ties.begin(), ties.end(), tie);
  if (at == ties.end() || *at != tie) ties.insert(at, tie);
}

reconcile::StoredTie& TieStore::tie_with_legs(std::int64_t id) {
  CachedTie& cached = ties_.at(id);
  if (cached.legs_loaded) return cached.tie;
  std::unordered_map<std::int64_t, std::size_t> index;
  for (Leg& leg : read_legs(statements_, id)) {
    index.emplace(leg.id.value(), cached.tie.legs.size());
    cached.tie.legs.push_back({std::move(leg), {}});
  }
  SQLite::Statement& q = statements_.get(
      "SELECT e.leg_id, e.source_id, min(coalesce(e.line, 0)) FROM legs l "
      "JOIN leg_evidence e ON e.leg_id = l.id WHERE l.tie_id = ? GROUP BY e.leg_id, e.source_id");
  q.bind(1, id);
  while (q.executeStep()) {
    cached.tie.legs[index.at(q.getColumn(0).getInt64())].sources.emplace_back(
        SourceId{q.getColumn(1).getInt64()}, q.getColumn(2).getInt());
  }
  q.reset();
  cached.legs_loaded = true;
  return cached.tie;
}

void TieStore::forget() {
  round_ties_.clear();
  ties_.clear();
}

void TieStore::write_outcomes() {
  std::sort(outcomes_due_.begin(), outcomes_due_.end());
  outcomes_due_.erase(std::unique(outcomes_due_.begin(), outcomes_due_.end()), outcomes_due_.end());
  for (const auto& [tie, round] : outcomes_due_) {
    // From what this import holds of the tie when it holds all of it (it wrote every change).
    const auto cached = ties_.find(tie);
    TieFacts facts;
    if (cached != ties_.end() && cached->second.legs_loaded) {
      const reconcile::StoredTie& t = cached->second.tie;
      facts.club_a = t.club_a;
      facts.club_b = t.club_b;
      facts.coin_toss_winner = t.coin_toss_winner;
      for (const reconcile::StoredLeg& leg : t.legs) facts.legs.push_back(leg.leg);
    } else {
      facts = load_tie_facts(statements_, tie);
    }
    store_outcome(statements_, tie, facts, rounds_.read(round).rules);
  }
  outcomes_due_.clear();
}

MergeResult TieStore::merge(const TieDraft& d) {
  if (d.evidence.empty()) throw Error(ErrorCode::kInternal, "a tie draft without evidence");
  if (ties_.size() > kCachedTies) {
    write_outcomes();
    forget();
    rounds_.forget();
  }
  MergeResult result;
  const RoundStore::RoundInfo& round = rounds_.round(d.round);
  const SourceId source = d.evidence.front().first;
  const int line = d.evidence.front().second;
  RoundTies& stored = round_ties(round.id);

  // By club, or by number for a draft that names no club, in id order.
  std::vector<std::int64_t> ids;
  if (d.club_a) {
    for (const auto& club : {d.club_a, d.club_b}) {
      if (!club) continue;
      if (auto it = stored.by_club.find(club->value()); it != stored.by_club.end()) {
        ids.insert(ids.end(), it->second.begin(), it->second.end());
      }
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  } else if (d.number) {
    for (std::int64_t id : stored.ids) {
      if (ties_.at(id).tie.number == d.number) ids.push_back(id);
    }
  }
  std::vector<const reconcile::StoredTie*> candidates;
  for (std::int64_t id : ids) candidates.push_back(&ties_.at(id).tie);
  const reconcile::NameOf name_of = [this](ClubId club) { return club_name(club); };
  const reconcile::TieMatch match = reconcile::match_tie(candidates, d, round.knockout, name_of);
  if (match.pairing) {
    add_conflict(match.tie->id, std::nullopt, source, line, match.pairing->field,
                 match.pairing->stored, match.pairing->claimed);
    ++result.conflicts;
    return result;
  }

  std::int64_t tie_id = 0;
  if (!match.tie) {
    SQLite::Statement& ins = statements_.get(
        "INSERT INTO ties(round_id, number, club_a, club_b, coin_toss_winner, group_name) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    const auto group = round.knockout ? std::nullopt : d.group;
    ins.bind(1, round.id);
    bind_opt(ins, 2, d.number);
    bind_opt(ins, 3, raw(d.club_a));
    bind_opt(ins, 4, raw(d.club_b));
    bind_opt(ins, 5, raw(d.coin_toss_winner));
    bind_opt(ins, 6, group);
    ins.exec();
    tie_id = statements_.last_insert_rowid();
    result.added = true;
    ties_.emplace(
        tie_id,
        CachedTie{{tie_id, d.club_a, d.club_b, d.number, d.coin_toss_winner, group, {}}, true});
    stored.ids.push_back(tie_id);
    index_club(stored, tie_id, d.club_a);
    index_club(stored, tie_id, d.club_b);
  } else {
    tie_id = match.tie->id;
    for (const reconcile::Difference& difference : match.differences) {
      add_conflict(tie_id, std::nullopt, source, line, difference.field, difference.stored,
                   difference.claimed);
      ++result.conflicts;
    }
    if (match.changed) {
      SQLite::Statement& u = statements_.get(
          "UPDATE ties SET club_a = ?, club_b = ?, number = ?, coin_toss_winner = ? WHERE id = ?");
      bind_opt(u, 1, raw(match.club_a));
      bind_opt(u, 2, raw(match.club_b));
      bind_opt(u, 3, match.number);
      bind_opt(u, 4, raw(match.coin_toss_winner));
      u.bind(5, tie_id);
      u.exec();
      reconcile::StoredTie& t = ties_.at(tie_id).tie;
      t.club_a = match.club_a;
      t.club_b = match.club_b;
      t.number = match.number;
      t.coin_toss_winner = match.coin_toss_winner;
      index_club(stored, tie_id, t.club_a);
      index_club(stored, tie_id, t.club_b);
    }
    if (reconcile::StoredTie& t = ties_.at(tie_id).tie; !round.knockout && d.group && !t.group) {
      // A group another source did not name.
      SQLite::Statement& g = statements_.get("UPDATE ties SET group_name = ? WHERE id = ?");
      g.bind(1, *d.group);
      g.bind(2, tie_id);
      g.exec();
      t.group = d.group;
    }
  }
  result.tie = TieId{tie_id};

  // The tie's lines: one that gives a leg is kept as the leg's evidence, marked as the tie's too.
  std::vector<std::pair<SourceId, int>> tie_lines = d.evidence;
  if (!d.legs.empty()) {
    reconcile::StoredTie& tie = tie_with_legs(tie_id);
    for (const LegDraft& leg : d.legs) {
      const LegDraft placed = reconcile::placed_leg(tie, leg, round.rules);
      // Conflicts of an interchange leg are its first source's claim.
      const SourceId leg_source = placed.evidence.empty() ? source : placed.evidence.front().first;
      write_leg(tie, placed, leg_source, reconcile::merge_leg(tie, placed, leg_source, name_of),
                result, tie_lines);
    }
  }
  SQLite::Statement& ev =
      statements_.get("INSERT OR IGNORE INTO tie_lines(tie_id, source_id, line) VALUES (?, ?, ?)");
  for (const std::pair<SourceId, int>& stated : tie_lines) {
    ev.reset();
    ev.bind(1, tie_id);
    ev.bind(2, stated.first.value());
    ev.bind(3, stated.second);
    ev.exec();
  }

  // Claims are stored in the stored tie's club order. A claim stored already (the same source,
  // line and words, as when an export is imported again) is not stored twice. Asked apart from
  // the INSERT: an INSERT ... SELECT that reads its own table first copies what it selects
  // into a temporary table, which took twice the time of the insert.
  const bool flipped = d.club_a && match.club_b && d.club_a == match.club_b;
  SQLite::Statement& stored_claim = statements_.get(
      "SELECT EXISTS (SELECT 1 FROM tie_claims WHERE tie_id = ?1 AND +source_id = ?2 AND "
      "line = ?3 AND winner IS ?4 AND agg_a IS ?5 AND agg_b IS ?6 AND decided_by IS ?7 AND "
      "text IS ?8)");
  SQLite::Statement& claim = statements_.get(
      "INSERT INTO tie_claims(tie_id, source_id, line, winner, agg_a, agg_b, decided_by, text) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  for (const ClaimDraft& c : d.claims) {
    std::optional<Aggregate> agg = c.aggregate;
    if (agg && flipped) agg = Aggregate{agg->b, agg->a};
    const std::optional<std::string> decided_by =
        c.decided_by ? std::optional<std::string>(to_string(*c.decided_by)) : std::nullopt;
    for (SQLite::Statement* q : {&stored_claim, &claim}) {
      q->reset();
      q->bind(1, tie_id);
      q->bind(2, c.source.value_or(source).value());
      q->bind(3, c.line);
      bind_opt(*q, 4, raw(c.winner));
      bind_opt(*q, 5, agg ? std::optional<int>(agg->a) : std::nullopt);
      bind_opt(*q, 6, agg ? std::optional<int>(agg->b) : std::nullopt);
      bind_opt(*q, 7, decided_by);
      q->bind(8, c.text);
    }
    stored_claim.executeStep();
    const bool already = stored_claim.getColumn(0).getInt() != 0;
    stored_claim.reset();
    if (!already && claim.exec() > 0) ++result.claims;
  }

  if (round.knockout && (result.added || match.clubs_changed || !d.legs.empty() ||
                         !d.claims.empty() || d.coin_toss_winner)) {
    outcomes_due_.emplace_back(tie_id, round.id);
  }
  return result;
}

void TieStore::write_leg(reconcile::StoredTie& tie, const LegDraft& draft, SourceId source,
                         const reconcile::LegMerge& merge, MergeResult& result,
                         std::vector<std::pair<SourceId, int>>& tie_lines) {
  using Action = reconcile::LegMerge::Action;
  std::size_t index = merge.index;
  switch (merge.action) {
    case Action::kOwnSource:
      result.contradicts_own_source = merge.contradiction;
      return;
    case Action::kConflict:
      for (const reconcile::Difference& difference : merge.differences) {
        add_conflict(tie.id, tie.legs[index].leg.id.value(), source, draft.line, difference.field,
                     difference.stored, difference.claimed);
        ++result.conflicts;
      }
      return;
    case Action::kInsert: {
      if (merge.renumbered) {
        Leg& other = tie.legs[merge.renumbered->first].leg;
        SQLite::Statement& u = statements_.get("UPDATE legs SET number = ? WHERE id = ?");
        u.bind(1, merge.renumbered->second);
        u.bind(2, other.id.value());
        u.exec();
        other.number = merge.renumbered->second;
      }
      SQLite::Statement& ins = statements_.get(
          "INSERT INTO legs(tie_id, number, replay, home, away, status, date, kickoff, neutral, "
          "venue, ft_home, ft_away, ht_home, ht_away, et_home, et_away, pen_home, pen_away, "
          "awarded_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      const Leg& d = merge.leg;
      ins.bind(1, tie.id);
      ins.bind(2, d.number);
      ins.bind(3, d.replay ? 1 : 0);
      ins.bind(4, d.home.id.value());
      ins.bind(5, d.away.id.value());
      bind_leg_facts(ins, 6, d);
      ins.exec();
      reconcile::StoredLeg added{d, {}};
      added.leg.id = LegId{statements_.last_insert_rowid()};
      index = tie.legs.size();
      tie.legs.push_back(std::move(added));
      ++result.legs_added;
      break;
    }
    case Action::kMerge: {
      const std::int64_t leg_id = tie.legs[index].leg.id.value();
      for (const reconcile::Difference& difference : merge.differences) {
        add_conflict(tie.id, leg_id, source, draft.line, difference.field, difference.stored,
                     difference.claimed);
        ++result.conflicts;
      }
      if (merge.changed) {
        update_leg_facts(statements_, leg_id, merge.leg);
        tie.legs[index].leg = merge.leg;
      }
      ++result.legs_confirmed;
      break;
    }
  }
  reconcile::StoredLeg& leg = tie.legs[index];
  // What the source stated of the leg; of evidence an interchange file carries for other
  // sources, not known (NULL: every fact).
  SQLite::Statement& ev = statements_.get(
      "INSERT INTO leg_evidence(leg_id, source_id, line, facts, tie_line) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT DO UPDATE SET facts = facts | excluded.facts, "
      "tie_line = max(tie_line, excluded.tie_line)");
  auto add_evidence = [&ev, &leg, &tie_lines](SourceId src, int src_line,
                                              std::optional<int> facts) {
    const auto of_tie = std::find(tie_lines.begin(), tie_lines.end(), std::pair(src, src_line));
    const bool tie_line = of_tie != tie_lines.end();
    if (tie_line) tie_lines.erase(of_tie);
    ev.reset();
    ev.bind(1, leg.leg.id.value());
    ev.bind(2, src.value());
    ev.bind(3, src_line);
    bind_opt(ev, 4, facts);
    ev.bind(5, tie_line ? 1 : 0);
    ev.exec();
    auto known = std::find_if(leg.sources.begin(), leg.sources.end(),
                              [src](const auto& s) { return s.first == src; });
    if (known == leg.sources.end()) {
      leg.sources.emplace_back(src, src_line);
    } else {
      known->second = std::min(known->second, src_line);
    }
  };
  if (draft.evidence.empty()) add_evidence(source, draft.line, reconcile::stated_facts(draft.leg));
  for (const auto& [src, src_line] : draft.evidence) add_evidence(src, src_line, std::nullopt);
  // Legs in order of number (a leg inserted or renumbered may come before others).
  std::stable_sort(tie.legs.begin(), tie.legs.end(),
                   [](const reconcile::StoredLeg& a, const reconcile::StoredLeg& b) {
                     return a.leg.number < b.leg.number;
                   });
}

std::string TieStore::club_name(ClubId club) {
  return storage::club_name(statements_, club).value_or("club " + std::to_string(club.value()));
}

}  // namespace footballdb::storage
